"""Mechanisms added after round 5 of the held-out privacy corpus (benchmarks/privacy_holdout/round5)
was measured.

One test per mechanism, on Dutch sentences written for the test (none is taken from the holdout or
from the evaluation set): what it must find, and a confusable it must leave alone.
"""

from __future__ import annotations

from interviews.pseudonymise.ages import find_ages
from interviews.pseudonymise.birthdates import find_birthdates
from interviews.pseudonymise.cues import find_handles, find_names
from interviews.pseudonymise.detect import Detector
from interviews.pseudonymise.findings import Span
from interviews.pseudonymise.keep import ProtectedVocabulary
from interviews.pseudonymise.recognizers import pattern_recognizers
from interviews.records import Transcript, TranscriptMeta, Turn

from detection_helpers import found


def person(text: str, name: str) -> Span:
    start = text.index(name)
    return Span(start, start + len(name), "persoon", 0.9, "test")


def detector() -> Detector:
    return Detector(ProtectedVocabulary.build(set()), use_ner=False)


def detect(*turns: tuple[str, str]) -> list:
    transcript = Transcript(
        doc="gesprek", source="gesprek.txt", meta=TranscriptMeta(year=2026, type="wijk", wijk="stad"),
        turns=tuple(Turn(i, speaker, text) for i, (speaker, text) in enumerate(turns)), sha256="0", format="txt",
    )
    return detector().detect([transcript])


def persons(findings, field: str = "text") -> set[str]:
    return {f.text for f in findings if f.category == "persoon" and f.field == field}


def test_a_surname_after_particles_in_a_speaker_label_belongs_to_the_name():
    d = detector()
    for label, name in (("Ruud van de Laar (wijkteam)", "Ruud van de Laar"), ("Joke in 't Zandt", "Joke in 't Zandt"),
                        ("Gerrit van der Berg", "Gerrit van der Berg")):
        assert found(d.label_spans(label), label) == {name}
    # a frequent word after "van de" that is no surname, and what follows a role, stay
    assert found(d.label_spans("Sanne van de Gemeente"), "Sanne van de Gemeente") == {"Sanne"}
    assert found(d.label_spans("Moeder van Daan"), "Moeder van Daan") == {"Daan"}


def test_a_first_name_before_a_surname_found_elsewhere_is_caught_everywhere(deduce_ready):
    findings = detect(
        ("Mentor", "Ik heb vanochtend mevrouw Kowalczyk gebeld."),
        ("Jongerenwerker", "Bedoel je Wojtek Kowalczyk? Die ken ik van de voetbal."),
        ("Mentor", "Ja, en ik zag wojtek gisteren nog bij de bushalte."),
        ("Wijkagent", "Dinsdag Kowalczyk nog gesproken, in Eindhoven Kowalczyk ook gezien."),
    )
    texts = persons(findings)
    assert "Wojtek Kowalczyk" in texts and "wojtek" in texts
    # an ordinary word or a place before the surname is no first name
    assert not any(t.startswith(("Dinsdag", "Eindhoven")) for t in texts)


def test_a_rare_first_name_set_off_by_commas_and_taken_up_by_a_pronoun():
    text = "Ze heeft mijn neefje een keer opgehaald, Jorrit, die is pas negen."
    assert found(find_names(text), text) == {"Jorrit"}
    # a place, or a holiday taken up by "dat", in the same slot
    assert find_names("We reden door de stad, Utrecht, die was vol.") == []
    assert find_names("Het was in het voorjaar, Pasen, dat we gingen.") == []


def test_a_house_number_in_words_between_nummer_and_the_street():
    recognizer = next(r for r in pattern_recognizers() if r.name == "adres_gesplitst")
    text = "Ze woont op nummer zeven van de Beukenlaan, naast de bakker."
    assert found(recognizer.find(text), text) == {"nummer zeven van de Beukenlaan"}
    text = "Hij woont op nummer 12a aan de Kerklaan."
    assert found(recognizer.find(text), text) == {"nummer 12a aan de Kerklaan"}
    # a rank, or a word that is no number, before a street stays
    assert recognizer.find("Hij werd nummer drie van de competitie.") == []
    assert recognizer.find("Het was nummer misschien van de Kerklaan.") == []


def test_a_birth_date_before_geboren_and_a_birth_year_in_words():
    text = "Mijn dochter is op 9 maart 2012 geboren, in het ziekenhuis."
    assert found(find_birthdates(text, 2026), text) == {"9 maart 2012"}
    text = "Ik ben geboren op elf mei tweeduizend acht, dus ik mag stemmen."
    assert found(find_birthdates(text, 2026), text) == {"elf mei tweeduizend acht"}
    text = "Zij is geboren op 3 juni negentien achtennegentig."
    assert found(find_birthdates(text, 2026), text) == {"3 juni negentien achtennegentig"}
    # a date of an event, and a cohort year, are no birth dates
    assert find_birthdates("Op 9 maart 2012 is de sporthal geopend.", 2026) == []
    assert find_birthdates("De in 2012 geboren kinderen gaan nu naar de brugklas.", 2026) == []


def test_a_handle_after_a_platform_and_a_comma():
    text = "Zoek haar maar op via Instagram, lotje.vd. Daar zit ze altijd op."
    assert found(find_handles(text), text) == {"lotje.vd"}
    # a list of platforms after a comma is no handle
    assert find_handles("We zitten op Snapchat, Instagram en TikTok.") == []


def test_an_age_as_a_sentence_after_a_name_and_an_age_right_after_an_age():
    text = "Daan. Dertien. Ik zit in de brugklas."
    assert found(find_ages(text, [person(text, "Daan")]), text) == {"Dertien"}
    text = "Ik ben veertien, bijna vijftien, en ik voetbal."
    assert found(find_ages(text), text) == {"veertien", "vijftien"}
    # a name inside a sentence, a count after it, and an amount after an amount stay
    text = "Ik zag Daan. Tien."
    assert find_ages(text, [person(text, "Daan")]) == []
    text = "We gingen naar Daan. Twaalf kinderen waren er."
    assert find_ages(text, [person(text, "Daan")]) == []
    assert find_ages("Het kost twaalf euro, bijna dertien.") == []


def test_a_school_named_after_a_person_and_closed_by_college_is_kept(deduce_ready):
    vocabulary = ProtectedVocabulary.build(set())
    text = "Veertien. Anna Roemer College, havo."
    assert (text.index("Anna"), text.index(",")) in vocabulary.spans(text)
    assert persons(detect(("Leerling", text))) == set()
    # a person's name before a full stop and "College" at the start of the next sentence stays a name
    assert vocabulary.spans("Ik ben Fleur Jansen. College geven is leuk.") == []
