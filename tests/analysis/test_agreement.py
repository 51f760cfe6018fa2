"""Agreement on small constructed codings with hand-computed values."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from analysis.agreement import compute_agreement, load_agreement, reading, save_agreement
from analysis.errors import AnalysisError
from codebook.load import default_codebook_path, load_codebook


@pytest.fixture(scope="module")
def book():
    return load_codebook(default_codebook_path())


def _codings(coder, present, code="school", n=10):
    rows = []
    for i in range(n):
        rows.append(("d", i, 0, coder, code if present[i] else ""))
    return rows


A = [1, 1, 0, 0, 1, 0, 1, 0, 0, 0]
B = [1, 0, 0, 0, 1, 0, 1, 1, 0, 0]


def _frame(rows):
    return pd.DataFrame(rows, columns=["doc", "turn", "part", "coder", "code"])


def test_hand_computed_kappa_and_alpha(book):
    table = compute_agreement(_frame(_codings("anna", A) + _codings("bram", B)), book)
    row = table[(table.code == "school")].iloc[0]
    assert (row.coder_a, row.coder_b, row.n) == ("anna", "bram", 10)
    assert row.percent == pytest.approx(80.0)
    # p_o = 0.8, p_e = 0.4*0.4 + 0.6*0.6 = 0.52 -> kappa = 0.28 / 0.48
    assert row.kappa == pytest.approx(0.28 / 0.48)
    # coincidences: N = 20, n_1 = 8, n_0 = 12, 4 disagreeing pairs -> alpha = 1 - 0.2 / (192/380)
    assert row.alpha == pytest.approx(1 - 0.2 / (192 / 380))
    assert row.reading == "onvoldoende"


def test_perfect_agreement_and_machine_first(book):
    rows = _codings("zoe", A) + _codings("machine", A) + _codings("machine", [1] * 10, code="bijsturen") \
        + _codings("zoe", [1] * 5 + [0] * 5, code="bijsturen")
    table = compute_agreement(_frame(rows), book)
    school = table[table.code == "school"].iloc[0]
    assert (school.coder_a, school.coder_b) == ("machine", "zoe")
    assert school.alpha == pytest.approx(1.0) and school.kappa == pytest.approx(1.0)
    assert school.reading == "betrouwbaar"
    unused = table[table.code == "perspectief"].iloc[0]
    assert math.isnan(unused.alpha) and math.isnan(unused.kappa) and unused.percent == 100.0
    assert unused.reading == "onvoldoende gegevens"
    overall = table[table.code == "__overall__"].iloc[0]
    assert overall.n == 10
    # pooled over 5 themes + 3 lenses = 80 decisions, 5 disagreements (bijsturen)
    assert overall.percent == pytest.approx(100 * 75 / 80)


def test_only_shared_segments_count_and_subcodes_roll_up(book):
    rows = [("d", 0, 0, "anna", "school.verzuim"), ("d", 1, 0, "anna", ""), ("d", 2, 0, "anna", "school"),
            ("d", 0, 0, "bram", "school"), ("d", 1, 0, "bram", "")]  # bram never saw turn 2
    table = compute_agreement(_frame(rows), book)
    school = table[table.code == "school"].iloc[0]
    assert school.n == 2 and school.percent == 100.0
    verzuim = table[table.code == "school.verzuim"].iloc[0]
    assert verzuim.percent == 50.0


def test_three_coders_give_three_pairs(book):
    rows = _codings("a", A) + _codings("b", B) + _codings("machine", A)
    table = compute_agreement(_frame(rows), book)
    pairs = set(zip(table.coder_a, table.coder_b))
    assert pairs == {("machine", "a"), ("machine", "b"), ("a", "b")}
    assert len(table) == 3 * (len(book.codes) + 1)


def test_unknown_code_is_an_error(book):
    with pytest.raises(AnalysisError, match=r"\[N501\].*'scool'"):
        compute_agreement(_frame([("d", 0, 0, "a", "scool")]), book)


def test_reading_thresholds():
    assert [reading(x) for x in (0.8, 0.7999, 0.667, 0.5, float("nan"))] == [
        "betrouwbaar", "voorlopig", "voorlopig", "onvoldoende", "onvoldoende gegevens"]


def test_save_and_load(book, tmp_path):
    table = compute_agreement(_frame(_codings("a", A) + _codings("b", B)), book)
    parquet, csv = save_agreement(table, tmp_path / "agreement")
    assert csv.exists()
    pd.testing.assert_frame_equal(load_agreement(tmp_path / "agreement"), table)
