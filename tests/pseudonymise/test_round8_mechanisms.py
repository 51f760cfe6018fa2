"""Mechanisms added after round 8 of the held-out privacy corpus (benchmarks/privacy_holdout/round8)
was measured: a chat export, a typed telephone interview and a youth conversation, with surnames
the lists do not know, oddly typed e-mail addresses, house-number additions, nicknames said with
who uses them, and introduction rounds that ask for the age.

One test per mechanism, on Dutch sentences written for the test (none is taken from the holdout or
from the evaluation set): what it must find, and a confusable it must leave alone.
"""

from __future__ import annotations

from interviews.pseudonymise.ages import asks_introductions, find_ages
from interviews.pseudonymise.birthdates import find_birthdates
from interviews.pseudonymise.cues import find_handles, find_names, find_nicknames
from interviews.pseudonymise.detect import Detector
from interviews.pseudonymise.keep import ProtectedVocabulary
from interviews.records import Transcript, TranscriptMeta, Turn

from detection_helpers import detect, found, patterns, persons


def _masked(findings, text: str) -> str:
    masked = list(text)
    for f in findings:
        if f.field == "text":
            masked[f.start : f.end] = ["#"] * (f.end - f.start)
    return "".join(masked)


def test_surname_after_a_found_first_name_and_its_later_mentions():
    first = "Morgen komt Marloes Kortstee langs, samen met Leila Al-Hassan."
    second = "Ik heb Kortstee gisteren al gebeld; de rekening staat op naam van J.P. Kortstee."
    findings = detect(first, second)
    assert {"Marloes Kortstee", "Kortstee", "J.P. Kortstee"} <= persons(findings)
    assert any(f.text.endswith("Al-Hassan") for f in findings if f.category == "persoon")
    other = "Morgen komt Marloes Zaterdag niet, en Piet Eindhoven ook niet. Daarna belde Sanne Dinsdag."
    texts = persons(detect(other))
    assert not any(w in t for t in texts for w in ("Zaterdag", "Eindhoven", "Dinsdag"))


def test_partner_and_in_law_nouns_name_the_person_after_them():
    text = "Zijn vrouw Zdravka kookt vaak, en haar schoonzus Wiebrig helpt mee."
    assert {"Zdravka", "Wiebrig"} <= persons(detect(text))
    other = "Zijn vrouw Eerlijk gezegd weet het niet. De man Gisteren niet."
    assert not persons(detect(other))


def test_email_typed_with_at_in_brackets_or_a_comma_before_the_country():
    text = "Mail naar piet.kortstee(at)ziggo.nl of naar anna_b@werk-mail,nl, dan lees ik het."
    assert found(patterns(text, "email"), text) >= {"piet.kortstee(at)ziggo.nl", "anna_b@werk-mail,nl"}
    other = "We zaten (at) home, zei hij, en om 10,30 uur ging het feest verder."
    assert not patterns(other, "email")


def test_handle_after_a_platform_word_a_few_words_earlier():
    text = "Het account van die club is voetbal.west2010 en de TikTok van mijn zus heet zus_kookt."
    assert found(find_handles(text), text) >= {"voetbal.west2010", "zus_kookt"}
    other = "Die TikTok van ons is echt goed, op Insta is het aantal 2.000 en de site van school is school.nl."
    assert not find_handles(other)


def test_a_user_name_with_a_protected_word_in_it_is_replaced_whole():
    text = "Volg ze maar, de Insta van die groep is brandevoort.crew07 geloof ik."
    findings = detect(text, protected={"Brandevoort"})
    assert "brandevoort.crew07" in {f.text for f in findings if f.category == "handle"}
    assert "Brandevoort" in _masked(detect("Ze wonen in Brandevoort.", protected={"Brandevoort"}), "Ze wonen in Brandevoort.")


def test_nickname_said_with_who_uses_it_and_before_the_real_name():
    text = "Sebastiaan Kortstee. Bas voor de vrienden. Zijn broertje Grote Gijs, eigenlijk Gijsbert, komt ook."
    nicks = found(find_nicknames(text), text)
    assert {"Bas", "Grote Gijs"} <= nicks
    other = "Bedankt voor de vrienden. Dank voor de familie. Gewoon, eigenlijk Sanne had gelijk. Dinsdag, eigenlijk Woensdag."
    assert not find_nicknames(other)


def test_birth_date_of_a_young_child_after_a_person_is_van():
    text = "Onze kleine, die is van 4-3-2025, slaapt slecht."
    assert found(find_birthdates(text, 2026), text) == {"4-3-2025"}
    other = "Het plan is van 4-3-2025 en de brief was van 12 mei 2025; ze is van mei 2025."
    assert not find_birthdates(other, 2026)


def test_second_guess_of_an_age_after_a_comma():
    text = "Toen was hij tien, elf."
    assert found(find_ages(text), text) == {"tien", "elf"}
    other = "Toen was hij tien, dertig jongens stonden erbij. Hij kreeg drie, vier boetes."
    assert found(find_ages(other), other) <= {"tien"}


def test_age_alone_as_a_sentence_in_a_round_of_introductions():
    assert asks_introductions("Vertel even je naam, leeftijd en je school.")
    assert not asks_introductions("Hoe lang woon je hier al?")
    turns = [("Leider", "Vertel even je naam, leeftijd en je school."), ("A", "Noor. Dertien. Ik zit op het college."),
             ("B", "Stijn. Klas 2. Twaalf in mei."), ("Leider", "Hoeveel waren jullie? Zestien."),
             ("A", "Negen.")]
    transcript = Transcript(
        doc="gesprek", source="gesprek.txt", meta=TranscriptMeta(year=2026, type="wijk", wijk="stad"),
        turns=tuple(Turn(i, s, t) for i, (s, t) in enumerate(turns)), sha256="0", format="txt",
    )
    findings = Detector(ProtectedVocabulary.build(set()), use_ner=False).detect([transcript])
    ages = {(f.turn, f.text) for f in findings if f.category == "leeftijd"}
    assert {(1, "Dertien"), (2, "Twaalf")} <= ages
    assert not {t for t, _ in ages} & {3, 4}  # the round ended when the leader spoke again


def test_house_number_additions_belong_to_the_address():
    text = "Ze woont op de Lindelaan 3-bis, hij op de Beukenstraat 12 hs. en zij op de Akkerweg 40-II of de Kerkpad 7 rood."
    addresses = found(patterns(text, "adres"), text)
    assert {"Lindelaan 3-bis", "Beukenstraat 12 hs", "Akkerweg 40-II", "Kerkpad 7 rood"} <= addresses
    other = "De Lindelaan 8 huis is te koop en de Dorpsstraat 9 boven de bakker ook."
    assert not any(a.endswith(("huis", "boven")) for a in found(patterns(other, "adres"), other))


def test_rare_capitalised_first_name_mid_sentence_and_a_shop_ending_in_mbo():
    text = "Vraag het maar aan Mirza van de Jumbo, die weet het."
    assert "Mirza" in persons(detect(text))
    assert not ProtectedVocabulary.build(set()).spans(text)  # "Jumbo" ends in "mbo" but is no school
    other = "Ze zit op het Carolus en haar oom woont in Asmara; hij rijdt een Mercedes."
    assert not found(find_names(other), other) & {"Carolus", "Asmara"}
