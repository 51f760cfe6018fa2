"""Speaker roles (interviews.roles) and the active choice of segments to review."""

from __future__ import annotations

import numpy as np

from codebook.coding.active import next_turns, select_for_review, uncertainty
from interviews.records import Transcript, TranscriptMeta, Turn
from interviews.roles import (
    RoleSettings, corpus_roles, detect_roles, normalise_label, read_interviewer_column, role_of_label,
)


def _doc(turns: list[tuple[str, str]], doc: str = "2025_wijk_x") -> Transcript:
    meta = TranscriptMeta(2025, "wijk", "Helmond-West")
    return Transcript(doc, f"{doc}.vtt", meta, tuple(Turn(i, s, t) for i, (s, t) in enumerate(turns)), "0" * 64, "vtt")


# A Teams-style conversation between named (invented) people; the moderator is not labelled as such.
NAMED = [
    ("Sanne Visser", "Welkom allemaal. Wie wil beginnen: hoe kijken jullie naar de buurt?"),
    ("Kees Jansen", "Ik woon hier al dertig jaar en het is rustiger geworden."),
    ("Sanne Visser", "Dank je. Fatima, herken jij dat?"),
    ("Fatima El Idrissi", "Deels. Bij de school staan nog vaak jongens te wachten."),
    ("Kees Jansen", "Dat klopt, maar minder dan vroeger."),
    ("Sanne Visser", "Wat zou er volgens jullie moeten veranderen?"),
    ("Fatima El Idrissi", "Meer activiteiten voor de jongeren op woensdagmiddag."),
    ("Sanne Visser", "En Kees, wat vind jij daarvan?"),
    ("Kees Jansen", "Eens. En betere verlichting op het pad langs het kanaal."),
]


def test_labels_are_normalised_once():
    for label in ("Interviewer", "Int.", "I", "Gespreksleider", "moderator 2", "Onderzoeker (UvT)", "INT:"):
        assert role_of_label(label) == "interviewer", label
    for label in ("Jeugdagent", "Moeder", "Ilse (jongerenwerk)", "", None):
        assert role_of_label(label) is None
    assert normalise_label("Gespreksleidster (gemeente) 1") == "gespreksleidster"
    assert role_of_label("Voorzitter wijkraad") is None and role_of_label("Host", extra=["host"]) == "interviewer"


def test_roles_from_labels_settings_and_metadata():
    labelled = _doc([("Int.", "Wat ziet u in de wijk?"), ("Bewoner", "Veel meer jongeren op straat."),
                     ("Int.", "En verder?"), ("Bewoner", "Niet veel.")])
    roles = detect_roles(labelled)
    assert roles.method == "label" and [roles.role_of(i) for i in range(4)] == ["interviewer", "deelnemer"] * 2
    host = _doc([("Host", "Wat ziet u?"), ("Bewoner", "Veel.")])
    assert detect_roles(host).method == "geen"
    assert detect_roles(host, RoleSettings(labels=("host",))).method == "instelling"
    # metadata.csv names the interviewer of this file: it wins over the conversation
    roles = detect_roles(_doc(NAMED), interviewer="Kees Jansen")
    assert roles.method == "metadata" and roles.role_of(1) == "interviewer" and roles.role_of(0) == "deelnemer"


def test_moderator_recognised_from_the_conversation():
    roles = detect_roles(_doc(NAMED))
    assert roles.method == "gesprek" and roles.interviewer_turns == 4
    assert [roles.role_of(i) for i in (0, 1, 2, 3)] == ["interviewer", "deelnemer", "interviewer", "deelnemer"]
    assert detect_roles(_doc(NAMED), RoleSettings(from_conversation=False)).method == "geen"
    # nobody leads: two people chatting, both asking now and then -> no guess
    chat = [("Ann", "Ga je mee?"), ("Bob", "Waarheen?"), ("Ann", "Naar de markt."), ("Bob", "Goed, hoe laat?"),
            ("Ann", "Om drie uur."), ("Bob", "Prima.")]
    assert detect_roles(_doc(chat)).method == "geen"
    # the record holds roles only: no names, no text
    assert "Sanne" not in repr(detect_roles(_doc(NAMED))) and "Welkom" not in repr(detect_roles(_doc(NAMED)))


def test_interviewer_column_of_metadata_csv(tmp_path):
    path = tmp_path / "metadata.csv"
    path.write_text("file;year;interviewer\nsub/2025_wijk_x.vtt;2025;Kees Jansen\nander.txt;2025;\n", encoding="utf-8")
    names = read_interviewer_column(path)
    assert names == {"sub/2025_wijk_x.vtt": "Kees Jansen"}
    doc = _doc(NAMED)
    doc = Transcript(doc.doc, "sub/2025_wijk_x.vtt", doc.meta, doc.turns, doc.sha256, doc.format)
    assert corpus_roles([doc], interviewers=names)["2025_wijk_x"].method == "metadata"
    assert read_interviewer_column(tmp_path / "missing.csv") == {}


def test_active_selection_picks_uncertain_and_diverse_segments():
    margins = np.array([[3.0, -2.5], [0.1, -3.0], [0.12, -3.0], [-0.3, 2.0], [4.0, -4.0], [0.2, 0.9]])
    unsure = uncertainty(margins)
    assert unsure.argmax() == 1 and unsure[4] < unsure[3]
    vectors = np.eye(6)
    vectors[2] = vectors[1]  # segment 2 is a near-duplicate of segment 1
    candidates = np.ones(6, dtype=bool)
    picked = select_for_review(unsure, vectors, candidates, 3)
    assert picked[0] == 1 and 2 not in picked.tolist() and set(picked.tolist()) == {1, 5, 3}
    without_diversity = select_for_review(unsure, vectors, candidates, 2, diversity=0.0)
    assert without_diversity.tolist() == [1, 2]
    candidates[1] = False  # already reviewed
    assert 1 not in select_for_review(unsure, vectors, candidates, 3).tolist()
    assert select_for_review(unsure, vectors, np.zeros(6, dtype=bool), 3).size == 0


def test_next_batch_counts_turns_once_and_never_repeats_an_earlier_batch():
    # rows 0-1 are two parts of one turn; turn ("a", 3) was in an earlier batch
    turn_of = [("a", 1), ("a", 1), ("a", 2), ("a", 3), ("b", 1), ("b", 2)]
    ranked = [0, 1, 3, 2, 5, 4]
    first = next_turns(ranked, turn_of, asked={("a", 3)}, size=2)
    assert first == [("a", 1), ("a", 2)]
    second = next_turns(ranked, turn_of, asked={("a", 3), *first}, size=2)
    assert second == [("b", 2), ("b", 1)]
    assert next_turns(ranked, turn_of, asked=set(turn_of), size=2) == []
    assert len(next_turns(ranked, turn_of, asked=set(), size=10)) == 5
