"""What counts as a participant's evidence: sentences written for this test."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.evidence import evidence_mask, interviewer_mask, is_interviewer_label, is_introduction
from analysis.storylines import StorylineSettings, cluster, heading, key_terms


@pytest.mark.parametrize("label, expected", [
    ("Interviewer", True), ("Int.", True), ("I", True), ("Gespreksleider", True), ("moderator", True),
    ("Onderzoeker 2", True), ("Wijkagent", False), ("[Persoon 04]", False), ("Ingrid", False), ("R1", False)])
def test_interviewer_labels(label, expected):
    assert is_interviewer_label(label) is expected


@pytest.mark.parametrize("text, expected", [
    ("Ik ben [Persoon 12], ik werk als buurtsportcoach in de wijk.", True),
    ("Goedemiddag, mijn naam is [Persoon 3] en ik zit hier namens de woningcorporatie.", True),
    ("[Persoon 8], coördinator bij het buurthuis.", True),
    ("Ja prima. Voor wie me niet kent: ik ben [Persoon 2], mentor op het college.", True),
    ("Ik ben blij dat de buurtsportcoach er weer is, want de kinderen hebben iets te doen na school.", False),
    ("De jongens bij het winkelcentrum zijn rustiger sinds de avondopenstelling van het buurthuis.", False)])
def test_introductions(text, expected):
    assert is_introduction(text) is expected


def test_role_column_wins_over_the_label_and_questions_are_no_evidence():
    seg = pd.DataFrame({
        "speaker": ["Interviewer", "R1", "R2", "R2", "Buurtbewoner"],
        "role": ["", "interviewer", "deelnemer", "", ""],
        "text": ["Wat is er volgens jullie het afgelopen jaar veranderd in de straat?",
                 "Kunt u iets meer vertellen over de avonden bij het buurthuis in de wijk?",
                 "Sinds het buurthuis 's avonds open is, hangen er minder jongeren op het plein.",
                 "Waarom duurt het zo lang? Waarom hoort niemand ons?",
                 "Te kort."]})
    assert interviewer_mask(seg).tolist() == [True, True, False, False, False]
    assert evidence_mask(seg).tolist() == [False, False, True, False, False]


def test_clusters_split_distinct_points_and_headings_use_key_terms():
    texts = ["De wachttijd bij de schuldhulp is veel te lang voor jonge mensen.",
             "Voor schuldhulp wachten jongeren maanden, die wachttijd moet korter.",
             "De schuldhulp heeft een wachttijd van een half jaar, dat is te lang.",
             "Het voetbalveld is 's avonds verlicht en de jongeren spelen daar nu samen.",
             "Op het verlichte voetbalveld spelen jongeren 's avonds in plaats van rond te hangen.",
             "Sinds het voetbalveld licht heeft, spelen er elke avond jongeren."]
    vectors = np.array([[1.0, 0.1], [0.95, 0.12], [0.97, 0.05], [0.1, 1.0], [0.12, 0.96], [0.05, 0.98]])
    labels = cluster(vectors, StorylineSettings())
    assert labels.tolist() == [0, 0, 0, 1, 1, 1]
    terms = key_terms(texts, labels, 3)
    assert "schuldhulp" in terms[0] and "wachttijd" in terms[0]
    assert "voetbalveld" in terms[1] and "schuldhulp" not in terms[1]
    title = heading("Nou ja. Voor schuldhulp wachten jongeren maanden, die wachttijd moet korter en dat zeggen we al "
                    "jaren tegen de gemeente.", terms[0], max_words=8)
    assert title == "Voor schuldhulp wachten jongeren maanden, die wachttijd moet …"
    one = cluster(np.array([[1.0, 0.0]] * 4), StorylineSettings())
    assert one.tolist() == [0, 0, 0, 0]  # no clear split: one storyline
