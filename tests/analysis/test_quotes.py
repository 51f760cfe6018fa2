"""The choice of quotes: typical first, then diverse in speakers and interviews, one per turn."""

from __future__ import annotations

import numpy as np

from analysis.quotes import choose_quotes, coded_typicality

LONG = "we zien dat de jongeren vaker naar het buurthuis komen"  # ten words
SHORT = "klopt helemaal"


def choose(rows: list[tuple[str, int, int, str, str]], scores: list[float], k: int, min_words: int = 6) -> list[int]:
    """`choose_quotes` on candidates given as rows (doc, turn, part, speaker, text)."""
    docs, turns, parts, speakers, texts = (list(column) for column in zip(*rows))
    return choose_quotes(docs, turns, parts, speakers, [len(t.split()) for t in texts], np.array(scores), k,
                         min_words)


def test_a_new_speaker_and_interview_come_before_a_more_typical_repeat():
    rows = [("a", 1, 0, "a:Els", LONG), ("a", 2, 0, "a:Els", LONG), ("b", 4, 0, "b:Ruud", LONG)]
    assert choose(rows, [0.9, 0.8, 0.1], k=2) == [0, 2]


def test_never_two_quotes_from_one_turn():
    rows = [("a", 1, 0, "a:Els", LONG), ("a", 1, 1, "a:Els", LONG), ("a", 3, 0, "a:Els", LONG)]
    assert choose(rows, [0.9, 0.8, 0.2], k=3) == [0, 2]


def test_equal_typicality_goes_by_interview_turn_and_part():
    docs, turns, parts = ["b", "a", "a"], [1, 7, 2], [0, 0, 0]
    speakers = ["b:x", "a:y", "a:y"]
    assert choose_quotes(docs, turns, parts, speakers, [10, 10, 10], np.array([0.5, 0.5, 0.5]), k=1) == [2]


def test_short_segments_only_when_too_few_long_ones():
    rows = [("a", 1, 0, "a:Els", SHORT), ("b", 2, 0, "b:Ruud", LONG), ("c", 3, 0, "c:Anna", LONG)]
    assert choose(rows, [0.9, 0.5, 0.4], k=2) == [1, 2]
    assert choose(rows, [0.9, 0.5, 0.4], k=3) == [0, 1, 2]


def test_coded_typicality_averages_theme_and_lens_and_fills_gaps_with_the_lowest():
    theme = np.array([0.2, np.nan, 0.8])
    lens = np.array([0.4, 0.6, np.nan])
    assert np.allclose(coded_typicality(theme, lens), [0.3, 0.4, 0.6])
    assert np.allclose(coded_typicality(theme), [0.2, 0.2, 0.8])
    assert coded_typicality(np.array([np.nan, np.nan])) is None
    assert coded_typicality(None) is None
