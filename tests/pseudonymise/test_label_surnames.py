"""A surname made of two Dutch words in a speaker label ("<first name> <compound>"), as chat exports
and meeting tools write display names: the label is replaced whole and the surname is found where
the text names the person again; an organisation written the same way is not a surname."""

from __future__ import annotations

from interviews.pseudonymise.detect import Detector
from interviews.pseudonymise.keep import ProtectedVocabulary
from interviews.records import Transcript, TranscriptMeta, Turn

from detection_helpers import found


def detector() -> Detector:
    return Detector(ProtectedVocabulary.build(set()), use_ner=False)


def test_a_compound_surname_after_a_first_name_in_a_label_is_part_of_the_name():
    d = detector()
    for label in ("Wouter Steenhoeven", "Marleen Kleibergen", "Wouter Steenhoeven (buurtpreventie)"):
        assert found(d.label_spans(label), label) == {label.split(" (")[0]}


def test_an_organisation_or_role_after_a_first_name_in_a_label_stays():
    d = detector()
    for label, name in (("Henk Wijkteam", "Henk"), ("Sanne Jongerenwerk", "Sanne"), ("Ali Straatcoach", "Ali"),
                        ("Wijkagent Kleibergen", "Kleibergen")):
        assert found(d.label_spans(label), label) == {name}


def test_the_label_surname_is_found_again_in_the_text_and_organisations_are_not():
    transcript = Transcript(
        doc="app", source="app.txt", meta=TranscriptMeta(year=2026, type="wijk", wijk="stad"),
        turns=(Turn(0, "Henk Wijkteam", "Het wijkteam en het buurtwerk doen mee.", None, 1),
               Turn(1, "Marleen Kleibergen", "Maak het geld over ten name van M. Kleibergen.", None, 2)),
        sha256="0" * 64, format="txt")
    texts = {(f.field, f.text) for f in detector().detect([transcript]) if f.category == "persoon"}
    assert ("text", "M. Kleibergen") in texts
    assert not {t for field, t in texts if field == "text" and "wijkteam" in t.casefold()}
    assert ("speaker", "Henk") in texts and ("speaker", "Marleen Kleibergen") in texts
