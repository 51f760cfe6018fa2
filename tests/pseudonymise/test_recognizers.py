"""Pattern recognizers and name heuristics, on invented strings (no deduce needed)."""

from __future__ import annotations

import pytest

from interviews.pseudonymise.findings import Span
from interviews.pseudonymise.keep import ProtectedVocabulary, subtract
from interviews.pseudonymise.recognizers import elfproef, find_ages, find_name_candidates, pattern_recognizers


def categories(text: str) -> list[tuple[str, str]]:
    return sorted({(s.category, text[s.start : s.end]) for r in pattern_recognizers() for s in r.find(text)})


@pytest.mark.parametrize(
    "phone",
    ["06-12345678", "0612345678", "06 1234 5678", "+31 6 1234 5678", "+31612345678", "0492-123456",
     "+31 492 123456", "0031 492 123456", "+31 (0)6 12345678", "040 - 1234567"],
)
def test_dutch_phone_formats(phone):
    found = categories(f"Bel me op {phone}, graag.")
    assert ("telefoon", phone) in found


def test_no_phone_in_years_and_counts():
    assert not [c for c in categories("In 2024 waren er 1200 meldingen en 35 jongeren.") if c[0] == "telefoon"]


def test_postcode_email_handle_plate_url():
    text = "Post naar 5701 AB, mail jan.de.vries@voorbeeld.nl of @jantje_07, auto 12-ABC-3 en 87-KTB-4, zie www.voorbeeld.nl/profiel."
    found = dict((c, v) for c, v in categories(text))
    assert found["postcode"] == "5701 AB"
    assert found["email"] == "jan.de.vries@voorbeeld.nl"
    assert found["handle"] == "@jantje_07"
    assert {v for c, v in categories(text) if c == "kenteken"} == {"12-ABC-3", "87-KTB-4"}
    assert "url" in found


def test_dates_are_not_plates_and_emails_are_not_handles():
    found = categories("Op 12-05-24 mailde info@voorbeeld.nl ons.")
    assert not [c for c in found if c[0] in {"kenteken", "handle"}]


def test_bsn_needs_elfproef_or_context():
    assert elfproef("123456782") and elfproef("123.456.782")
    assert not elfproef("123456789") and not elfproef("111111111")
    assert ("bsn", "123456782") in categories("nummer 123456782 staat")
    assert not [c for c in categories("ordernummer 123456789 staat") if c[0] == "bsn"]
    assert [c for c in categories("zijn BSN is 123456789") if c[0] == "bsn"]


def test_birth_date_only_with_birth_context():
    assert [c for c in categories("Ze is geboren op 12 oktober 2009.") if c[0] == "geboortedatum"]
    assert [c for c in categories("geboortedatum: 03-02-2011") if c[0] == "geboortedatum"]
    assert not [c for c in categories("Het gesprek was op 12 oktober 2024.") if c[0] == "geboortedatum"]


def test_street_and_number():
    found = categories("Hij woont aan de Van Goghstraat 14a en later Kerkstraat 3.")
    assert ("adres", "Van Goghstraat 14a") in found and ("adres", "Kerkstraat 3") in found


def test_ages_of_one_person_not_of_groups():
    text = "Bilal is 14 en een jongen van 15 jaar keek toe. Ik ben 19 jaar. Ze zijn 16 jaar. Jongeren van 12 tot 18."
    persons = [Span(0, 5, "persoon", 0.9, "test")]
    ages = {text[s.start : s.end] for s in find_ages(text, persons)}
    assert ages == {"14", "15 jaar", "19 jaar"}


def test_name_candidates_in_speech():
    text = "Die noemen we Kuba, en Roos zei dat juf Anouk kwam. Hij was bij de bakker."
    found = {text[s.start : s.end] for s in find_name_candidates(text, [])}
    assert {"Kuba", "Roos", "Anouk"} <= found
    assert "bakker" not in found


def test_diminutive_of_a_first_name():
    text = "En Daantje speelde buiten."
    found = {text[s.start : s.end] for s in find_name_candidates(text, [])}
    assert "Daantje" in found


def test_protected_vocabulary_and_organisation_forms():
    vocab = ProtectedVocabulary.build({"codebookwoord"})
    text = "Jan Bakker van het Carolus Borromeus College, Basisschool De Regenboog, codebookwoord, Helmond-West."
    spans = [text[s:e] for s, e in vocab.spans(text)]
    assert "Carolus Borromeus College" in spans and "codebookwoord" in spans and "Helmond-West" in spans
    assert any(s.startswith("Basisschool De Regenboog") for s in spans)
    assert not any("Jan" in s for s in spans)


def test_subtract_cuts_protected_parts():
    assert subtract(0, 10, [(3, 5)]) == [(0, 3), (5, 10)]
    assert subtract(0, 10, [(0, 10)]) == []
