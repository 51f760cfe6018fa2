"""Mechanisms added after round 4 of the held-out privacy corpus (benchmarks/privacy_holdout/round4)
was measured.

One test per mechanism, on Dutch sentences written for the test (none is taken from the holdout or
from the evaluation set): what it must find, and a confusable it must leave alone.
"""

from __future__ import annotations

from interviews.pseudonymise.ages import find_ages
from interviews.pseudonymise.cues import find_nicknames
from interviews.pseudonymise.precision import weak_name_evidence_ok
from interviews.pseudonymise.recognizers import find_name_candidates

from detection_helpers import found


def evidence(text: str, token: str) -> bool:
    start = text.index(token)
    return weak_name_evidence_ok(text, start, start + len(token))


def test_an_estimated_age_of_one_person_is_an_age():
    text = "Die knul is echt niet ouder dan veertien, al doet hij stoer. Zijn zus is hooguit twintig."
    assert found(find_ages(text), text) == {"veertien", "twintig"}
    # a comparison about a thing or a period is no age
    other = "De wachtlijst is niet langer dan negen weken en het gebouw is ouder dan dertig jaar."
    assert find_ages(other) == []


def test_what_everyone_calls_someone_is_a_nickname():
    text = "Hij heet Cornelis, maar iedereen zegt Kees. Thuis zeggen ze gewoon Bikkel tegen hem."
    assert found(find_nicknames(text), text) == {"Kees", "Bikkel"}
    # reported speech after "zeggen" is no name: a quote, or an everyday word
    speech = 'Ze zeggen "rustig aan" en mijn vrienden zeggen Sorry.'
    assert find_nicknames(speech) == []


def test_the_name_before_heet_eigenlijk_is_a_nickname():
    text = "Dat was Kikker. Die heet eigenlijk Ruben Smeets, maar zo noemt niemand hem."
    assert found(find_nicknames(text), text) == {"Kikker"}
    text = "Bolle heet eigenlijk Marco."
    assert found(find_nicknames(text), text) == {"Bolle"}
    # a pronoun or a place before "heet eigenlijk" is no nickname
    assert find_nicknames("Die heet eigenlijk anders. Helmond heet eigenlijk geen dorp.") == []


def test_a_lower_case_name_opening_a_subordinate_clause():
    text = "We stonden bij het portiek waar samira woont, omdat yusuf ziek was."
    assert found(find_name_candidates(text, []), text) == {"samira", "yusuf"}
    # ordinary words in the same slot stay
    plain = "Dat is de plek waar alles begon, omdat niemand kwam."
    assert find_name_candidates(plain, []) == []


def test_a_school_after_a_preposition_with_het_and_a_birthplace_are_no_person():
    assert not evidence("Mijn dochter zit op het Antonius, in de tweede klas.", "Antonius")
    assert not evidence("Hij is in 2009 geboren in Kandahar.", "Kandahar")
    assert not evidence("Ze komt oorspronkelijk uit Herat.", "Herat")
    # a person after the same words stays a person
    assert evidence("Ik sliep in Sem z'n kamer.", "Sem")
    assert evidence("Dat idee komt van Fatima.", "Fatima")
    assert evidence("Ik sprak gisteren Fatima nog.", "Fatima")
