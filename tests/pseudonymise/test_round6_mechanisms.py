"""Mechanisms added after round 6 of the held-out privacy corpus (benchmarks/privacy_holdout/round6)
was measured.

One test per mechanism, on Dutch sentences written for the test (none is taken from the holdout or
from the evaluation set): what it must find, and a confusable it must leave alone.
"""

from __future__ import annotations

from interviews.pseudonymise.ages import find_ages
from interviews.pseudonymise.casing import is_uncased, recase
from interviews.pseudonymise.cues import find_names
from interviews.pseudonymise.detect import Detector
from interviews.pseudonymise.keep import ProtectedVocabulary

from detection_helpers import detect, found, patterns, persons


# a speech-recognition transcript without capitals: every sentence starts in lower case
_UNCASED = (
    "goedenavond we beginnen maar gewoon",
    "ik ben wilma en ik woon hier al twintig jaar naast de bakker",
    "de buurjongen heet ruben hendriks die zit nu op het college",
    "mijn zus kent ruben nog van de basisschool",
    "vroeger had je hier ook nog truus de jongh die kende iedereen",
    "meester van boxtel gaf toen gym en de toon was streng maar eerlijk",
    "iedereen noemt hem snuffie omdat hij overal zijn neus in steekt",
)


def test_uncased_transcript_is_recognised_and_cased_one_is_not():
    assert is_uncased(_UNCASED)
    assert not is_uncased(["Goedenavond. We beginnen.", "Ik ben Wilma. Ik woon hier.", "Dat klopt.",
                           "de buurjongen heet Ruben.", "Mooi zo. Dank je."])


def test_recase_capitalises_names_not_words_and_keeps_length():
    text = "vroeger had je hier ook nog truus de jongh en ruben hendriks bij de toon van de bakker"
    cased = recase(text)
    assert len(cased) == len(text)
    assert "Truus de Jongh" in cased and "Ruben Hendriks" in cased
    assert "de toon van de bakker" in cased  # ordinary words stay in lower case
    assert "Ruben van west" in recase("ik ken ruben van west nog")  # where he is from


def test_names_in_a_transcript_without_capitals_are_found_in_every_mention():
    findings = detect(*_UNCASED)
    names = persons(findings)
    assert {"wilma", "ruben hendriks"} <= names or {"wilma", "ruben", "hendriks"} <= names | {w for n in names for w in n.split()}
    texts = {f.text.casefold() for f in findings if f.category == "persoon"}
    assert any("ruben" in t for t in texts) and any("jongh" in t for t in texts)
    assert any("boxtel" in t for t in texts)  # a surname after a title and a particle
    assert "snuffie" in texts  # a nickname after a naming cue
    # the mention of ruben in the fourth turn (no cue there) is caught too
    assert any(f.turn == 3 and f.text.casefold() == "ruben" for f in findings)
    # confusables: ordinary words, the baker, the tone
    assert not texts & {"bakker", "toon", "college", "basisschool", "gym"}


def test_a_cased_transcript_is_not_recased():
    findings = detect("Ik ben Wilma. De toon was streng.", "Dat klopt, de bakker zei het ook.",
                      "Mooi zo.", "Ja. Nee.", "Dank je wel.")
    texts = {f.text.casefold() for f in findings}
    assert "wilma" in texts and not texts & {"toon", "bakker"}


def test_age_after_a_time_and_before_geworden():
    text = "Mijn nichtje is in april negen geworden. Ik ben vorige maand vijftien geworden."
    assert found(find_ages(text), text) == {"negen", "vijftien"}
    other = "De club is in april negentig geworden. Het is vorige week tien jaar geleden."
    assert not find_ages(other)


def test_age_before_a_new_clause_without_comma():
    text = "de buurman is tachtig die laat zich niks zeggen"
    spans = find_ages(recase(text), [])
    assert not spans or found(spans, text) == {"tachtig"}
    text = "hij is tachtig die buurman"
    assert found(find_ages(text), text) == {"tachtig"}
    assert not find_ages("het zijn er tachtig die komen")


def test_name_spelled_with_spaces():
    text = "dat schrijf je als w i l m a met een w"
    assert "w i l m a" in found(find_names(text), text)
    assert not find_names("hij riep o o o o toen hij het zag")


def test_spelled_name_with_spaces_survives_the_detector():
    findings = detect("Mijn achternaam schrijf je k r o e s e, met een e aan het eind.")
    assert any("k r o e s e" in f.text for f in findings)


def test_spoken_email_with_a_domain_split_in_two_words():
    text = "mail maar naar wilma punt jansen apenstaartje buurt werk punt nl als je vragen hebt"
    hits = patterns(text, "email")
    assert "wilma punt jansen apenstaartje buurt werk punt nl" in found(hits, text)
    plain = "we zaten at the moment in de buurt werk te doen"
    assert not patterns(plain, "email")


def test_protected_word_inside_an_email_address_does_not_split_it():
    findings = detect("Mail gerust naar w.jansen@buurtwerk-westpark.nl voor de planning.",
                      protected={"Westpark"})
    emails = {f.text for f in findings if f.category == "email"}
    assert emails == {"w.jansen@buurtwerk-westpark.nl"}
    # the protected term elsewhere stays
    findings = detect("In Westpark is het rustig.", protected={"Westpark"})
    assert not findings


def test_surname_that_is_a_town_stays_where_it_is_the_town():
    findings = detect("Trainer is Kees van Veghel, een goede man.", "Hij woont zelf in Veghel, geloof ik.",
                      "Van Veghel zegt dat ook.", "Ze gaan naar Veghel. Veghel doet dat ook.")
    assert any(f.turn == 0 and "Veghel" in f.text for f in findings)
    assert any(f.turn == 2 and "Veghel" in f.text for f in findings)  # the man again
    assert not [f for f in findings if f.turn == 1]  # the town
    assert [f.text for f in findings if f.turn == 3 and f.recognizer == "propagatie"] == ["Veghel"]  # only after "."


def test_plate_read_out_after_kenteken():
    text = "zijn kenteken is g h x drie twee p dat weet ik nog"
    hits = patterns(text, "kenteken")
    assert found(hits, text) == {"g h x drie twee p"}
    for other in ("het kenteken drie keer gecontroleerd", "kenteken met een a en een b erop",
                  "het kenteken was twee dagen weg"):
        assert not patterns(other, "kenteken")


def test_handle_read_out():
    from interviews.pseudonymise.cues import find_handles

    text = "op insta heet hij daar bram underscore negen twee en dat weet iedereen"
    assert found(find_handles(text), text) == {"bram underscore negen twee"}
    text = "op snap heet ze daar noor punt elf"
    assert found(find_handles(text), text) == {"noor punt elf"}
    for other in ("op tiktok zag ik op een gegeven punt twee filmpjes", "versie twee punt nul is beter",
                  "noor punt elf had ik nog niet gezien"):  # no platform, no "heet daar"
        assert not find_handles(other)


def test_house_number_word_before_a_new_clause_without_comma():
    text = "ik woon op de lindelaan zevenentwintig en dat is fijn"
    hits = patterns(text, "adres")
    assert "lindelaan zevenentwintig" in found(hits, text)
    other = "we wonen al op de Lindelaan drie jaar en dat is fijn"
    assert not patterns(other, "adres")


def test_word_like_first_name_before_a_surname_and_after_a_title_in_lower_case():
    findings = detect(*_UNCASED[:4], "vroeger had je hier nog roos van der meulen die kende iedereen",
                      "ja tante roos was er altijd", "de roos in de tuin bloeit weer")
    texts = {(f.turn, f.text.casefold()) for f in findings if f.category == "persoon"}
    assert any(t == 4 and "roos" in v and "meulen" in v for t, v in texts)
    assert (5, "roos") in texts  # after a title
    assert not any(t == 6 for t, _ in texts)  # the flower


def test_initial_after_a_name_in_a_speaker_label():
    d = Detector(ProtectedVocabulary.build(set()), use_ner=False)
    for label, name in (("Merel K", "Merel K"), ("Joost P. (buurtwerk)", "Joost P.")):
        assert [label[s.start : s.end] for s in d.label_spans(label)] == [name]
    assert not d.label_spans("Groep B")
    assert not d.label_spans("Tafel A")
