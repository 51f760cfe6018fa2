"""The choice of quotes: typical first, then diverse in speakers and interviews, one per turn."""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.quotes import choose_quotes, coded_typicality, select_quotes

LONG = "we zien dat de jongeren vaker naar het buurthuis komen"  # ten words
SHORT = "klopt helemaal"


def candidates(rows: list[tuple[str, int, int, str, str]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["doc", "turn", "part", "speaker_key", "text"])


def test_a_new_speaker_and_interview_come_before_a_more_typical_repeat():
    frame = candidates([("a", 1, 0, "a:Els", LONG), ("a", 2, 0, "a:Els", LONG), ("b", 4, 0, "b:Ruud", LONG)])
    picked = select_quotes(frame, np.array([0.9, 0.8, 0.1]), k=2)
    assert picked["doc"].tolist() == ["a", "b"]
    assert picked["rank"].tolist() == [1, 2]
    assert picked["typicality"].tolist() == [0.9, 0.1]


def test_never_two_quotes_from_one_turn():
    frame = candidates([("a", 1, 0, "a:Els", LONG), ("a", 1, 1, "a:Els", LONG), ("a", 3, 0, "a:Els", LONG)])
    assert choose_quotes(frame["doc"].tolist(), frame["turn"].tolist(), frame["part"].tolist(),
                         frame["speaker_key"].tolist(), [10, 10, 10], np.array([0.9, 0.8, 0.2]), k=3) == [0, 2]


def test_equal_typicality_goes_by_interview_turn_and_part():
    docs, turns, parts = ["b", "a", "a"], [1, 7, 2], [0, 0, 0]
    speakers = ["b:x", "a:y", "a:y"]
    assert choose_quotes(docs, turns, parts, speakers, [10, 10, 10], np.array([0.5, 0.5, 0.5]), k=1) == [2]


def test_short_segments_only_when_too_few_long_ones():
    frame = candidates([("a", 1, 0, "a:Els", SHORT), ("b", 2, 0, "b:Ruud", LONG), ("c", 3, 0, "c:Anna", LONG)])
    assert select_quotes(frame, np.array([0.9, 0.5, 0.4]), k=2, min_words=6)["doc"].tolist() == ["b", "c"]
    assert select_quotes(frame, np.array([0.9, 0.5, 0.4]), k=3, min_words=6)["doc"].tolist() == ["a", "b", "c"]


def test_coded_typicality_averages_theme_and_lens_and_fills_gaps_with_the_lowest():
    theme = np.array([0.2, np.nan, 0.8])
    lens = np.array([0.4, 0.6, np.nan])
    assert np.allclose(coded_typicality(theme, lens), [0.3, 0.4, 0.6])
    assert np.allclose(coded_typicality(theme), [0.2, 0.2, 0.8])
    assert coded_typicality(np.array([np.nan, np.nan])) is None
    assert coded_typicality(None) is None
