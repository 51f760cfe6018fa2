"""Recognizers for spoken Dutch, each on sentences written for the test: positives and confusables."""

from __future__ import annotations

import pytest

from interviews.pseudonymise.ages import age_band, find_ages, render_age
from interviews.pseudonymise.birthdates import find_birthdates, render_birthdate
from interviews.pseudonymise.cues import find_handles, find_names, find_nicknames, handle_shaped
from interviews.pseudonymise.findings import Span
from interviews.pseudonymise.lexicon import is_frequent_word, is_unknown_word
from interviews.pseudonymise.numbers import parse_number, parse_ordinal
from interviews.pseudonymise.precision import weak_name_evidence_ok
from interviews.pseudonymise.recognizers import iban_valid, pattern_recognizers

from detection_helpers import found


def by_category(text: str, category: str) -> set[str]:
    return {text[s.start : s.end] for r in pattern_recognizers() for s in r.find(text) if s.category == category}


# ------------------------------------------------------------------------------------- numbers
@pytest.mark.parametrize(
    "word,value",
    [("zes", 6), ("elf", 11), ("negentien", 19), ("eenentwintig", 21), ("drieëntwintig", 23),
     ("tweeënveertig", 42), ("achtenvijftig", 58), ("eenenzeventig", 71), ("honderd", 100),
     ("honderdzes", 106), ("tweehonderdvijftig", 250), ("één", 1), ("17", 17)],
)
def test_number_words(word, value):
    assert parse_number(word) == value


def test_not_numbers_and_ordinals():
    assert [parse_number(w) for w in ("tientallen", "zeventje", "vijftigplus", "eentje", "")] == [None] * 5
    assert parse_ordinal("twaalfde") == 12 and parse_ordinal("eerste") == 1 and parse_ordinal("18de") == 18
    assert parse_ordinal("drieëntwintigste") == 23 and parse_ordinal("moede") is None


# ----------------------------------------------------------------------------------------- ages
@pytest.mark.parametrize(
    "text,age",
    [("Mijn nichtje is net vijftien.", "vijftien"),
     ("Ik ben tweeëntwintig en woon nog thuis.", "tweeëntwintig"),
     ("Die jongen is 16 jaar, zegt hij.", "16 jaar"),
     ("Er kwam een meisje van dertien langs.", "dertien"),
     ("Een 14-jarige werd aangehouden.", "14-jarige"),
     ("Hij rookte al op zijn elfde.", "elfde"),
     ("Toen ik zeventien was, ging het mis.", "zeventien"),
     ("Haar buurman wordt zesenzestig.", "zesenzestig")],
)
def test_ages_of_one_person(text, age):
    assert age in found(find_ages(text), text)


@pytest.mark.parametrize(
    "text",
    ["We werken hier al vijftien jaar.", "Het is tien over half vier.", "Dat kost vijftien euro.",
     "Hij is twee keer opgepakt.", "Jongeren van 12 tot 23 jaar doen mee.", "Dat was twintig jaar geleden.",
     "Ik ben al twintig jaar jongerenwerker.", "Wij waren met z'n zessen.", "De 12- tot 18-jarigen."],
)
def test_durations_prices_and_group_ranges_are_no_ages(text):
    assert find_ages(text) == []


def test_age_right_after_a_name():
    text = "Dat is Tarik, zeventien, en zijn zus Noor (12)."
    persons = [Span(7, 12, "persoon", 0.9, "t"), Span(37, 41, "persoon", 0.9, "t")]
    assert found(find_ages(text, persons), text) == {"zeventien", "12"}


def test_age_bands_keep_the_group_not_the_age():
    assert age_band(16) == "15-17" and age_band(12) == "12-14" and age_band(85) == "80+"
    assert render_age("zestien") == "[leeftijd 15-17]"
    assert render_age("17 jaar oud") == "[15-17] jaar oud"
    assert render_age("13-jarige") == "[12-14]-jarige"
    assert "17 jaar" not in render_age("zeventien")  # the exact age never reappears


# ------------------------------------------------------------------------------- dates of birth
@pytest.mark.parametrize(
    "text,date",
    [("Ze is geboren op 4 maart 2010.", "4 maart 2010"),
     ("Geboortedatum: 17-09-2009.", "17-09-2009"),
     ("Hij is jarig op de negende juni.", "de negende juni"),
     ("Mijn zoon is van november 2008, dus hij mag al scooter rijden.", "november 2008"),
     ("Ze is vijftien, van 2 mei 2010.", "2 mei 2010"),
     ("In 2011 is ze geboren, in Eindhoven.", "2011"),
     ("Hij is geboren in 2006.", "2006")],
)
def test_birth_dates(text, date):
    assert date in found(find_birthdates(text, 2025), text)


@pytest.mark.parametrize(
    "text",
    ["Het overleg was op 4 maart 2025.", "Het convenant is van mei 2024.", "In 2011 begon het project.",
     "De regeling van 1 januari 2015 geldt nog.", "We zien elkaar op 3 juni."],
)
def test_dates_that_are_no_birth_dates(text):
    assert find_birthdates(text, 2025) == []


def test_birth_date_replacement_and_year_band():
    assert render_birthdate("17-09-2009", "Geboortedatum") == "[Geboortedatum]"
    assert render_birthdate("17-09-2009", "Geboortedatum", band=5) == "[geboren 2005-2009]"


# ---------------------------------------------------------------------------- handles, nicknames
@pytest.mark.parametrize(
    "text,handle",
    [("Zijn Snap is mo.kr, die voegde me toe.", "mo.kr"),
     ("Haar Insta: zonnestraal_22", "zonnestraal_22"),
     ("Op Discord heet hij gewoon n1ghtw0lf.", "n1ghtw0lf"),
     ("Er was een account, h4ckerman, dat geld bood.", "h4ckerman"),
     ("Kijk op zijn kanaal beatsbyjo voor de clips.", "beatsbyjo")],
)
def test_handles_without_at(text, handle):
    assert handle in found(find_handles(text), text)


def test_codes_and_abbreviations_are_no_handles():
    for text in ("Hij zit in JO13-1 en MBO4.", "Zie o.a. de mp3 en covid19.", "Zijn account is gewoon geblokkeerd."):
        assert find_handles(text) == [], text
    assert handle_shaped("sk8er_boi") and not handle_shaped("MBO4") and not handle_shaped("2e")


@pytest.mark.parametrize(
    "text,nick",
    [("Op straat noemen ze hem Bokser.", "Bokser"),
     ("Iedereen noemt haar gewoon Prinses.", "Prinses"),
     ("Dat is de jongen die ze Grote Beer noemen.", "Grote Beer"),
     ("Ik ben Wesley, zeg maar Wes.", "Wes"),
     ("Zijn bijnaam was 'de Kikker' vroeger.", "de Kikker")],
)
def test_nicknames_by_naming_cue(text, nick):
    assert nick in found(find_nicknames(text), text)


def test_naming_without_a_name_is_no_nickname():
    assert find_nicknames("Zo noemen ze dat hier, een hangplek.") == []


# ----------------------------------------------------------------------------------------- names
@pytest.mark.parametrize(
    "text,name",
    [("Gisteren belde Mevrouw Kerkhofs nog.", "Kerkhofs"),
     ("Toen kwam Tamzins moeder binnen.", "Tamzin"),
     ("Een leerling, Jorinde, had het gezien.", "Jorinde"),
     ("Daarna sprak ik Quirijntje nog even.", "Quirijntje"),
     ("Xandrio, de jongen van de overkant, was er ook.", "Xandrio")],
)
def test_names_deduce_misses(text, name):
    spans = find_names(text)
    assert name in found(spans, text) or name.startswith(tuple(found(spans, text)))


def test_words_places_and_brands_are_not_found_as_unknown_names():
    text = "Hij speelt Fortnite op Discord, woont in Eindhoven en kijkt Vechtfilmpjes met zijn Nederlandse vrienden."
    assert find_names(text) == []


def test_frequency_lists():
    assert is_frequent_word("niks") and is_frequent_word("kleine") and not is_frequent_word("jansen")
    assert is_unknown_word("xandrio") and not is_unknown_word("roblox")


@pytest.mark.parametrize(
    "text,word",
    [("Niks. Echt niks.", "Niks"), ("Die zwarte Mercedes stond er weer.", "Mercedes"),
     ("Tulpen, Rozen: Roos, Anjer, Tulp.", "Roos"), ("Het was mooi, vond Mooi.", "Mooi")],
)
def test_lone_words_are_not_persons_without_evidence(text, word):
    start = text.rindex(word) if word != "Niks" else 0
    assert not weak_name_evidence_ok(text, start, start + len(word))


def test_lone_names_with_evidence_stay_persons():
    text = "Ik sprak juf Roos en daarna Bilal."
    assert weak_name_evidence_ok(text, text.index("Roos"), text.index("Roos") + 4)
    assert weak_name_evidence_ok(text, text.index("Bilal"), text.index("Bilal") + 5)


# ------------------------------------------------------------------ IBAN, phones, split addresses
def test_iban_with_check_digits():
    text = "Het geld ging naar NL91 ABNA 0417 1643 00 en BE68539007547034."
    assert by_category(text, "iban") == {"NL91 ABNA 0417 1643 00", "BE68539007547034"}
    assert iban_valid("DE89 3704 0044 0532 0130 00") and not iban_valid("NL91 ABNA 0417 1643 01")


def test_belgian_and_german_phone_numbers():
    text = "Bel +32 470 12 34 56, of 02 512 34 56, of +49 30 1234567 of 0171 2345678."
    assert by_category(text, "telefoon") >= {"+32 470 12 34 56", "02 512 34 56", "+49 30 1234567", "0171 2345678"}
    assert not by_category("In 2025 waren er 1234 meldingen en 12 34 56 stoelen.", "telefoon")


def test_split_addresses():
    text = "Het huis op nummer 7 van de Molenstraat staat leeg, net als de Bakkersweg, nummer 21a."
    assert by_category(text, "adres") >= {"nummer 7 van de Molenstraat", "Bakkersweg, nummer 21a"}
    assert not by_category("Sinds 2019 woont hij aan de Molenstraat.", "adres")


def test_spoken_email_and_lower_case_postcode():
    text = "Mail maar naar kees punt de graaf apenstaartje hotmail punt com, postcode 5702 bk."
    assert by_category(text, "email") == {"kees punt de graaf apenstaartje hotmail punt com"}
    assert by_category(text, "postcode") == {"5702 bk"}
    assert not by_category("In 2024 waren er 1200 en in 2025 nog 1300 in totaal.", "postcode")


def test_nickname_before_the_naming_verb_and_spelled_names():
    text = "Stoere Bas noemen ze hem. En Bolle noemen we haar."
    assert found(find_nicknames(text), text) == {"Stoere Bas", "Bolle"}
    text = "Zijn achternaam is d-e-k-k-e-r, met twee k's. De A-V-G is streng."
    assert found(find_names(text), text) == {"d-e-k-k-e-r"}


def test_street_names_are_no_persons_and_prepositions_no_street_words():
    assert find_names("Bij de flats aan de Kwakelbosweg was het onrustig.") == []
    assert by_category("Ze woont Op de Beukenlaan 5a.", "adres") == {"Beukenlaan 5a"}
