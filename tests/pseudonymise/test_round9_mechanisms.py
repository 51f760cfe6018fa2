"""Mechanisms added after round 9 of the held-out privacy corpus (benchmarks/privacy_holdout/round9)
was measured: an interview opening with a consent text read aloud, a wijkagent's handover in Brabant
dialect with role-and-surname labels, and a teachers' meeting about pupils by first name and class.

One test per mechanism, on Dutch sentences written for the test (none is taken from the holdout or
from the evaluation set): what it must find, and a confusable it must leave alone.
"""

from __future__ import annotations

from interviews.pseudonymise.ages import find_ages
from interviews.pseudonymise.detect import Detector
from interviews.pseudonymise.keep import ProtectedVocabulary

from detection_helpers import detect, found, patterns, persons


def _texts(findings, category: str) -> set[str]:
    return {f.text for f in findings if f.category == category}


def test_birth_date_after_the_abbreviation_geb():
    text = "Het gaat om haar dochter Lotte, geb. 3 okt. 2012, en om haar zoon."
    assert "3 okt. 2012" in _texts(detect(text), "geboortedatum")
    other = "De brief kwam op 3 okt. 2012 binnen, over de geboorte van een veulen."
    assert not _texts(detect(other), "geboortedatum")


def test_house_number_alone_after_huisnummer_is():
    text = "Het huisnummer is zevenenveertig A, dat is de benedenwoning. Zijn huisnummer was 8."
    assert found(patterns(text, "adres"), text) >= {"zevenenveertig A", "8"}
    other = "Het huisnummer is niet te lezen, en nummer is twaalf in de rij."
    assert not patterns(other, "adres")


def test_belgian_letterbox_belongs_to_the_address():
    text = "Ze woont op de Kerkstraat 14 bus 2, in het appartement boven de winkel."
    assert "Kerkstraat 14 bus 2" in found(patterns(text, "adres"), text)
    other = "Ze woont aan de Kerkstraat 14, bus 2 stopt daar niet meer."
    assert "Kerkstraat 14" in found(patterns(other, "adres"), other)
    assert not any("bus" in t for t in found(patterns(other, "adres"), other))


def test_plate_typed_with_spaces():
    text = "We zagen de auto met kenteken 85 GBZ 3 en later een busje met TN 072 P erop."
    assert found(patterns(text, "kenteken"), text) == {"85 GBZ 3", "TN 072 P"}
    other = "Hij deed HBO 12 BV, zat in groep 7 B en las A 12 B voor; om 10 30 PM was het klaar."
    assert not patterns(other, "kenteken")


def test_case_numbers_of_compounds_with_nummer_and_a_year_with_a_serial():
    text = "Leerlingnummer 553120 staat in het systeem. Het nummer? 2025-448120, zei ze."
    assert found(patterns(text, "nummer"), text) >= {"553120", "2025-448120"}
    other = "Tussen 2020-2024 ging het beter, en het plan 2021-20243 loopt nog; het is 2019-12 gestart."
    assert not patterns(other, "nummer")


def test_age_still_to_come_after_wordt_and_a_time():
    text = "Mijn nicht wordt in maart negentien, dan gaat ze studeren. Ze wordt volgende week tien."
    assert found(find_ages(text), text) == {"negentien", "tien"}
    other = "Het wordt in maart twintig graden. De huur wordt in januari tien euro hoger."
    assert not find_ages(other)


def test_dialect_jong_is_a_person_noun_for_an_age():
    text = "Die jong is pas vijftien, dat vind ik jong."
    assert found(find_ages(text), text) == {"vijftien"}
    other = "Het jong is drie weken oud en die jong is pas drie weken binnen."
    assert not find_ages(other)


def test_capitalised_particle_surname_after_a_role_in_a_label():
    detector = Detector(ProtectedVocabulary.build(set()), use_ner=False)

    def names(label: str) -> list[str]:
        return [label[s.start : s.end] for s in detector.label_spans(label)]

    assert names("Wijkagent Van der Steen") == ["Van der Steen"]
    assert names("Buurtcoach De Wit") == ["De Wit"]
    assert names("Coach Ten Hove (STH)") == ["Ten Hove"]
    assert names("Medewerker Van de Gemeente") == []
    assert names("De Voorzitter") == []


def test_pupil_named_with_the_class_and_later_mentions():
    findings = detect("Verder Bożena uit 3 havo, die doet het goed. Dan Wiebe uit groep 7.", "Bożena is boos weggelopen.")
    assert {"Bożena", "Wiebe"} <= persons(findings)
    assert any(f.turn == 1 and f.text == "Bożena" for f in findings)
    other = "Leerlingen uit 2B en boeken uit 3 havo. Verder uit 2B niemand; Eindhoven uit 1A won."
    assert not persons(detect(other))


def test_relative_named_after_is_when_a_listed_first_name():
    assert "Kees" in persons(detect("Haar oom is Kees, die van de fietsenwinkel."))
    other = "Zijn vader is Marokkaan. Haar vader is Surinamer. Mijn zoon is Ajax-fan."
    assert not persons(detect(other))


def test_shop_named_after_a_surname_keeps_its_name():
    findings = detect("Bij Slagerij Hendriks en Bakkerij Van Dongen kopen we veel. Meneer Hendriks zelf is aardig.")
    assert not any(f.turn == 0 and f.start < 24 for f in findings if f.category == "persoon")  # the shop
    assert any(f.text == "Hendriks" and f.start > 60 for f in findings)  # the man himself is a person


def test_title_before_a_name_in_apposition_stays():
    assert persons(detect("Daar is een man, broeder Jansen, die helpt de jongens.")) == {"Jansen"}


def test_capitalised_particle_after_a_title_belongs_to_the_surname():
    findings = detect("Toen kwam mevrouw De Clercq binnen.", "Het was De Clercq die belde. Mevrouw De deur uit.")
    assert "De Clercq" in persons(findings)
    assert not any("deur" in t for t in persons(findings))


def test_verb_before_ge_or_gij_opening_a_sentence_is_no_name():
    assert not persons(detect("Hedde gij dat ook gehoord? Zedde gij gek geworden?"))
    assert "Mohamed" in persons(detect("Mohamed, gij moet komen. Ik zag Mohamed gisteren."))
