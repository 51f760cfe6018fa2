"""Mechanisms added after the held-out privacy corpus (benchmarks/privacy_holdout) was first run.

One test per mechanism, on Dutch sentences written for the test (none is taken from the holdout or
from the evaluation set): what it must find, and a confusable it must leave alone.
"""

from __future__ import annotations

import json

import pytest

from interviews.pseudonymise.ages import find_ages
from interviews.pseudonymise.cues import dotted_handle, find_handles, find_names, find_nicknames
from interviews.pseudonymise.detect import Detector
from interviews.pseudonymise.keep import ProtectedVocabulary
from interviews.pseudonymise.precision import weak_name_evidence_ok
from interviews.pseudonymise.recognizers import find_name_candidates, pattern_recognizers
from interviews.records import Transcript, TranscriptMeta, Turn

from detection_helpers import found


def by_recognizer(text: str, name: str) -> set[str]:
    return {text[s.start : s.end] for r in pattern_recognizers() if r.name == name for s in r.find(text)}


def detect(*texts: str, speaker: str = "Deelnemer") -> list:
    transcript = Transcript(
        doc="gesprek", source="gesprek.txt", meta=TranscriptMeta(year=2025, type="wijk", wijk="stad"),
        turns=tuple(Turn(i, speaker, text) for i, text in enumerate(texts)), sha256="0", format="txt",
    )
    return Detector(ProtectedVocabulary.build(set()), use_ner=False).detect([transcript])


def texts_of(findings, category: str = "persoon", turn: int | None = None) -> set[str]:
    return {f.text for f in findings if f.category == category and (turn is None or f.turn == turn)}


# ------------------------------------------------------------------------------ deduce offsets
def test_findings_hold_plain_integers_so_the_detection_cache_can_store_them(deduce_ready):
    # deduce returns numpy integers for a person span it merged with a following "van de"
    findings = detect("Ik heb het gevraagd aan Marieke Jansen van de Beukenlaan 4, die weet het.")
    assert findings
    for f in findings:
        assert type(f.start) is int and type(f.end) is int
    json.dumps([[f.start, f.end, f.text] for f in findings])


# ---------------------------------------------------------------------------------- case numbers
def test_case_and_registration_numbers():
    text = ("Het dossiernummer is AB-2023-01234. De aangifte staat onder nummer 2022-554312. "
            "Op de brief stond kenmerk XY31-0199-QR.")
    assert by_recognizer(text, "zaaknummer_context") >= {"AB-2023-01234", "2022-554312"}
    assert "XY31-0199-QR" in by_recognizer(text, "zaaknummer_vorm") | by_recognizer(text, "zaaknummer_context")


@pytest.mark.parametrize(
    "text",
    ["Er waren in 2024-2025 veel meldingen.", "De melding van 12-03-2024 ging over 15.000 euro.",
     "Hij speelt in JO13-1 en had COVID-19.", "Een melding in 2023 over 1200 jongeren.",
     "Mijn nummer is 06-12345678."],
)
def test_years_dates_amounts_teams_and_phones_are_no_case_numbers(text):
    assert not by_recognizer(text, "zaaknummer_context") | by_recognizer(text, "zaaknummer_vorm")


# --------------------------------------------------------------------- spelled numbers, plates
def test_digits_and_web_paths_are_left_to_their_own_recognizers():
    assert not by_recognizer("De school aan de Parklaan 100 en de Dorpsstraat 15.", "adres_huisnummer_woord")
    text = "Zie het bericht op www.voorbeeld.\nnl/nieuws/artikel/5318999 (een link over twee regels)."
    assert not by_recognizer(text, "zaaknummer_vorm") | by_recognizer(text, "zaaknummer_context")


def test_house_numbers_said_as_words():
    text = "Ze woont op de Lindelaan zevenentwintig b, en hij aan de Eikendreef, nummer acht."
    assert by_recognizer(text, "adres_huisnummer_woord") == {"Lindelaan zevenentwintig b", "Eikendreef, nummer acht"}
    for other in ("Bij de Kanaaldijk stonden vijf, zes jongens.", "Op het schoolplein twee jongens.",
                  "In de Kerkstraat een keer.", "Bij het Stadspark drie keer gezien."):
        assert not by_recognizer(other, "adres_huisnummer_woord"), other


def test_phone_numbers_read_out_in_words():
    text = "Bel me op nul zes, twaalf, vierendertig, zesenvijftig, achtenzeventig. Of nul zes een twee drie vier vijf zes zeven acht."
    assert by_recognizer(text, "telefoon_uitgesproken") == {
        "nul zes, twaalf, vierendertig, zesenvijftig, achtenzeventig", "nul zes een twee drie vier vijf zes zeven acht"}
    assert not by_recognizer("Het werd nul nul, en toen twee twee, drie drie.", "telefoon_uitgesproken")


def test_german_and_belgian_plates():
    text = "Een auto met kenteken KLE-AB 123 en een Belgische, 1-XYZ-789."
    assert by_recognizer(text, "kenteken_buitenland") == {"KLE-AB 123", "1-XYZ-789"}
    assert not by_recognizer("In de A-Z 2024 gids en bij JO-13 1.", "kenteken_buitenland")


# --------------------------------------------------------------------------------------- handles
def test_dotted_handles_and_a_handle_before_its_platform():
    text = "ik ben zonnestraal.vd.b op insta, en laatst schreef snelle.jongen.06 me."
    assert found(find_handles(text), text) == {"zonnestraal.vd.b", "snelle.jongen.06"}
    assert dotted_handle("kaylee.xo.22") and not dotted_handle("o.a.") and not dotted_handle("www.helmond.nl")
    for other in ("Zie o.a. www.helmond.nl en verslag.pdf.", "ik zit veel op insta",
                  "We zitten met werkaccounts op TikTok.", "Dat staat in art. 3.2.1 van de wet."):
        assert find_handles(other) == [], other


# ------------------------------------------------------------------------------------- nicknames
def test_nicknames_with_the_setting_they_are_used_in():
    text = "Eén van hen noemen ze op straat Kobra. Online heet hij Big Boss. In de klas noemen ze haar gewoon Muis."
    assert found(find_nicknames(text), text) == {"Kobra", "Big Boss", "Muis"}
    assert find_nicknames("Hoe heet hij eigenlijk? Zo noemen ze dat hier, een hangplek.") == []


# ----------------------------------------------------------------------------------------- names
def test_apposition_after_een_with_accent_or_van_me():
    text = "Eén meisje, Fenna, had het gezien. Een vriend van mij, Gerrit, belde. een collega van me, iris, ook."
    assert found(find_names(text), text) >= {"Fenna", "Gerrit", "iris"}
    assert find_names("Een jongen, eerlijk gezegd, deed dat.") == []


def test_a_name_after_hoe_heet_die():
    text = "die meneer van de kantine, hoe heet die, joost, die was aardig. Hoe heette hij, Ruud, ja."
    assert found(find_name_candidates(text, []), text) == {"joost", "Ruud"}
    assert find_name_candidates("de jongen die Nederlands spreekt", []) == []


def test_rare_first_names_in_lower_case_without_a_cue():
    text = "youssef, maar zo noemt niemand me. ik ging samen met khadija naar huis."
    assert found(find_name_candidates(text, []), text) == {"youssef", "khadija"}
    # after a possessive or article it is street language ("mn mattie"), and English words stay
    assert find_name_candidates("ik ga met mn mattie naar de stad", []) == []
    assert find_name_candidates("we gingen naar de markt met kevin en mark", []) == []
    # inside running text (an idiom, a word broken over two lines) a rare name-like word is a word
    assert find_name_candidates("Het is alle hens aan dek, ze werken met veel elan door.", []) == []
    assert find_name_candidates("We willen dit vaststel-\nlen of verbeteren.", []) == []


def test_lower_case_surnames_after_van_der():
    text = "we kochten het bij bakkerij van der meulen in de stad"
    assert found(find_names(text), text) == {"van der meulen"}
    assert find_names("ten slotte ging hij ter plaatse kijken, ten minste even, van de ene naar de andere") == []


def test_het_before_a_surname_is_an_article_but_van_het_a_particle(deduce_ready):
    text = "Ik heb contact met een mentor op het Vermeulen, die mailt me."
    start = text.index("Vermeulen")
    assert not weak_name_evidence_ok(text, start, start + len("Vermeulen"))
    findings = detect(text, "Ik sprak Anna van het Hof gisteren.")
    assert texts_of(findings, turn=0) == set()
    assert "Anna van het Hof" in texts_of(findings, turn=1)


def test_found_name_is_extended_with_a_lower_case_particle_and_surname(deduce_ready):
    findings = detect("Ik ben Jorinde, Jorinde van der linden.", "toen kwam Jorinde van de school")
    assert "Jorinde van der linden" in texts_of(findings, turn=0)
    assert not any("school" in t for t in texts_of(findings, turn=1))


# ---------------------------------------------------------------------------------- propagation
def test_genitive_s_of_a_found_name_in_any_case(deduce_ready):
    findings = detect("Tamara belde me gisteren op.", "tamaras broer was er ook bij.")
    assert "tamara" in texts_of(findings, turn=1)


def test_a_word_name_is_caught_in_lower_case_after_a_self_introduction(deduce_ready):
    findings = detect("Roos zei dat ze later kwam.", "ik ben roos en ik woon hier al lang.",
                      "Er stond een roos op tafel.")
    assert "roos" in texts_of(findings, turn=1)
    assert texts_of(findings, turn=2) == set()


# ------------------------------------------------------------------------------------------ ages
@pytest.mark.parametrize(
    "text,age",
    [("De jongste, Sofie, is elf en zit in groep zeven.", "elf"),
     ("Ik word negentien in mei, dan mag ik alles.", "negentien"),
     ("Hij wordt vijftien op 3 juni.", "vijftien")],
)
def test_ages_in_apposition_and_before_a_month(text, age):
    assert age in found(find_ages(text), text)


def test_age_with_van_right_after_a_name(deduce_ready):
    findings = detect("Er was een meisje, Fenna, van dertien, dat alles zag.")
    assert "dertien" in texts_of(findings, "leeftijd")
    assert not find_ages("Het kost vijftien in maart, zegt hij.")


# ------------------------------------------------------------- mechanisms added after round 2
def test_a_self_introduction_makes_a_word_name_a_name():
    text = "Ik ben Hazel, ik woon hier. Zijn echte naam is Brandon. Ik ben Nederlander en ik ben Moe."
    assert found(find_name_candidates(text, []), text) == {"Hazel", "Brandon"}


def test_a_full_name_with_a_role_after_it():
    text = "Goedemorgen. Tomasz Zielinski, mentor op de school. En Marleen de Graaf, wijkagent."
    assert found(find_names(text), text) >= {"Tomasz Zielinski", "Marleen de Graaf"}
    assert find_names("In Helmond West, wijkagent sinds kort. Goede Morgen, mentor.") == []


def test_apposition_after_oudste_or_jongste():
    text = "Mijn oudste, Pien, zit op de middelbare school."
    assert found(find_names(text), text) == {"Pien"}


def test_a_word_after_a_title_stays_a_name(deduce_ready):
    findings = detect("Bij mevrouw Bos is ingebroken, en meneer Visser zag het.")
    assert {"Bos", "Visser"} <= texts_of(findings)


def test_age_of_die_vrouw():
    text = "Die vrouw is drieëntachtig en woont alleen."
    assert found(find_ages(text), text) == {"drieëntachtig"}
    assert not find_ages("Die straat is twintig minuten lopen, en het plan is twintig pagina's.")


def test_genitive_of_a_word_name_capitalised_mid_sentence(deduce_ready):
    findings = detect("Mijn jongste, Jet, is er ook.", "Ik ken de vader van Jets vriendin niet.", "Er vlogen jets over.")
    assert "Jet" in texts_of(findings, turn=1)
    assert texts_of(findings, turn=2) == set()


# ------------------------------------------------------------- mechanisms added after round 3
def test_a_surname_after_initials():
    text = "Ik ben R. Hoogendijk, buurtcoach. De brief kwam van A.B. van Dam."
    assert found(find_names(text), text) == {"R. Hoogendijk", "A.B. van Dam"}
    assert find_names("Zie bijlage A. Daarna gingen we naar punt C. Deurne was ook goed.") == []


def test_a_quoted_nickname_that_is_also_a_title():
    text = 'Ze noemen hem "Prof" op school. Haar noemen ze "Dokter".'
    assert found(find_nicknames(text), text) == {"Prof", "Dokter"}


def test_street_and_house_number_with_nr():
    text = "Hij woont op de Lange Dijkstraat nr. 12 sinds kort, zij op de Beukenlaan no 3."
    assert by_recognizer(text, "straat_huisnummer") == {"Lange Dijkstraat nr. 12", "Beukenlaan no 3"}


def test_the_answer_to_a_question_about_someones_age_is_an_age(deduce_ready):
    findings = detect(
        "Hoe oud was je broer toen hij daar begon?",
        "Elf, denk ik. Misschien twaalf.",
        "Hoe oud is het buurthuis eigenlijk?",
        "Veertig jaar, het is echt aan vervanging toe.",
        "En jij, hoe oud ben je nu? Nou, zestien jaar!",
    )
    ages = {(f.turn, f.text) for f in findings if f.category == "leeftijd"}
    assert ages == {(1, "Elf"), (4, "zestien jaar")}


def test_a_number_after_an_age_question_that_is_no_answer_stays():
    from interviews.pseudonymise.ages import find_ages

    # the number that opens the answer is a period or a count, not an age
    for text in ("Veertig jaar geleden was dat.", "Twee keer per week komt hij."):
        assert find_ages(text, asked_before=True) == [], text
