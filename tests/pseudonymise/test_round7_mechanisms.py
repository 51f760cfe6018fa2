"""Mechanisms added after round 7 of the held-out privacy corpus (benchmarks/privacy_holdout/round7)
was measured: minutes and typed interviews with titles, initials and abbreviated particles, names
from outside the Dutch name lists, ages written as digits.

One test per mechanism, on Dutch sentences written for the test (none is taken from the holdout or
from the evaluation set): what it must find, and a confusable it must leave alone.
"""

from __future__ import annotations

from interviews.pseudonymise.ages import find_ages
from interviews.pseudonymise.cues import find_names

from detection_helpers import detect, found, patterns, persons


def test_title_with_an_initial_or_abbreviated_particles():
    text = "Het contact loopt via dhr. T. van het buurthuis en mevr. v.d. Linden; dhr. vd Kamp belt terug."
    names = found(find_names(text), text)
    assert {"T", "v.d. Linden", "vd Kamp"} <= names
    other = "Vitamine K. is gezond, en in groep B. zat niemand."
    assert not find_names(other)


def test_initial_and_surname_after_a_title_leave_nothing_in_the_minutes():
    text = "Mevr. v.d. Linden opent de vergadering. Dhr. T. is afwezig; dhr. W. Pietersen neemt het over."
    masked = list(text)
    for f in detect(text):
        masked[f.start : f.end] = ["#"] * (f.end - f.start)
    masked = "".join(masked)
    assert "Linden" not in masked and " T." not in masked and "W." not in masked and "Pietersen" not in masked
    assert "opent de vergadering" in masked and "is afwezig" in masked


def test_apposition_after_a_partner_or_a_role_with_an_organisation():
    text = "Gisteren belde mijn man, Taras, en de coach van het Straatteam Oost, Agus, kwam ook langs."
    assert {"Taras", "Agus"} <= found(find_names(text), text)
    other = "Gisteren belde mijn man, Eerlijk gezegd, dat weet ik niet meer."
    assert "Eerlijk" not in found(find_names(other), other)


def test_a_pair_of_capitalised_non_words_is_a_full_name_and_its_first_name_is_propagated():
    text = "Onder de deelnemers was ook Bohdan Kravchenko, die nu bij een bakker werkt."
    assert "Bohdan Kravchenko" in found(find_names(text), text)
    findings = detect(text, "Later zei Bohdan dat het werk hem goed bevalt.")
    assert {"Bohdan Kravchenko", "Bohdan"} <= persons(findings)
    other = ("Op school deden ze mee aan Keep It Real en daarna ging de klas naar Kasteel Helmond. "
             "Zijn oom rijdt in een grijze Toyota Yaris.")
    assert not find_names(other)


def test_age_in_a_subordinate_clause_with_the_verb_after_it():
    text = "We maken ons zorgen om het zusje, die pas 9 is. Omdat hij al 15 was, mocht hij mee."
    assert found(find_ages(text), text) == {"9", "15"}
    other = "Omdat het pas 10 is, slapen ze nog. De bus die 12 is vol."
    assert not find_ages(other)


def test_age_in_years_after_a_person_noun_and_a_comma():
    text = "Er kwam een nieuwe leerling, 13 jaar, bij ons in de klas."
    assert found(find_ages(text), text) == {"13 jaar"}
    other = "Er kwam een nieuwe leerling, 13 jaar geleden al, en een collega, 20 jaar in dienst."
    assert not find_ages(other)
