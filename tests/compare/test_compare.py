"""Comparison across years on the demo corpus (gold codes) and on tiny hand-made tables."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from analysis import AnalysisTables, CompareSettings, compare
from analysis.bootstrap import resample_shares, verdict, year_rng
from analysis.errors import AnalysisError
from analysis.tables import TABLES


def _row(table, **where):
    mask = np.ones(len(table), dtype=bool)
    for column, value in where.items():
        mask &= (table[column] == value).to_numpy()
    assert mask.sum() == 1, where
    return table[mask].iloc[0]


def test_designed_school_trend_is_reported_with_its_interval(tables):
    year = tables.theme_year[tables.theme_year["lens"] == ""]
    shares = year[year["theme"] == "school"].set_index("year")["share"]
    # The demo's design (gold README): 9.1 % -> 19.2 % -> 31.4 % of turns.
    assert shares[2024] < shares[2025] < shares[2026]
    assert shares[2026] == pytest.approx(44 / 140)
    for prev, cur in ((2024, 2025), (2025, 2026)):
        row = _row(tables.theme_change, year=cur, prev_year=prev, theme="school", lens="")
        assert row["diff"] == pytest.approx(shares[cur] - shares[prev])
        assert row["ci_low"] <= row["diff"] <= row["ci_high"]
        assert row["ci_low"] > 0 and row["verdict"] == "toename"
        assert row["n_boot"] == 2000
    # A level theme gets no verdict of change.
    level = _row(tables.theme_change, year=2026, prev_year=2025, theme="grenzen", lens="")
    assert level["ci_low"] < 0 < level["ci_high"] and level["verdict"] == "geen duidelijke verandering"


def test_counts_interviews_and_speakers(tables, gold_segments):
    row = _row(tables.theme_year, year=2026, theme="school", lens="")
    coded = gold_segments[(gold_segments["year"] == 2026)
                          & gold_segments["themes"].str.split(";").map(lambda s: "school" in s)]
    assert row["segments"] == len(coded) and row["interviews"] == coded["doc"].nunique()
    assert row["speakers"] == len(set(zip(coded["doc"], coded["speaker"].fillna(""))))
    lens_rows = tables.theme_year[(tables.theme_year["theme"] == "school") & (tables.theme_year["year"] == 2026)]
    assert set(lens_rows["lens"]) == {"", "resultaat", "opbrengst", "bijsturen"}
    assert (lens_rows["segments"] <= row["segments"]).all()
    split = tables.theme_split[(tables.theme_split["year"] == 2026) & (tables.theme_split["theme"] == "school")
                               & (tables.theme_split["lens"] == "")]
    for kind in ("type", "wijk"):
        assert split[split["split"] == kind]["segments"].sum() == row["segments"]
    overview = tables.overview
    assert overview["segments"].sum() == len(gold_segments)
    assert overview.groupby("year")["interviews"].sum().tolist() == [4, 4, 4]


def test_quotes_are_diverse_and_never_two_from_one_turn(tables):
    quotes = tables.quotes
    assert set(quotes.columns) >= {"year", "theme", "lens", "rank", "doc", "turn", "part", "text", "typicality"}
    for _, group in quotes.groupby(["year", "theme", "lens"]):
        assert len(group) <= 3
        assert not group.duplicated(["doc", "turn"]).any()
        assert group["rank"].tolist() == list(range(1, len(group) + 1))
    school = quotes[(quotes["year"] == 2026) & (quotes["theme"] == "school") & (quotes["lens"] == "")]
    assert len(school) == 3 and school["doc"].nunique() == 3  # 4 interviews raise it: all different


def test_signals_are_the_bijsturen_segments_per_theme(tables, gold_segments):
    signals = tables.signals
    assert len(signals) > 0
    keyed = gold_segments.set_index(["doc", "turn"])
    for _, s in signals.iterrows():
        source = keyed.loc[(s["doc"], s["turn"])]
        assert "bijsturen" in source["lenses"].split(";") and s["theme"] in source["themes"].split(";")


def test_cooccurrence_counts(tables, gold_segments):
    co = tables.cooccurrence
    row = _row(co, year=2026, level="segment", theme_a="grenzen", theme_b="school")
    sets = gold_segments[gold_segments["year"] == 2026]["themes"].str.split(";").map(set)
    both = sum(1 for s in sets if {"grenzen", "school"} <= s)
    either = sum(1 for s in sets if s & {"grenzen", "school"})
    assert row["count"] == both and row["jaccard"] == pytest.approx(both / either)
    per_interview = co[(co["level"] == "interview") & (co["year"] == 2026)]
    assert (per_interview["count"] <= 4).all()


def test_identical_tables_on_a_rerun_and_roundtrip(tables, gold_segments, tmp_path):
    again = compare(gold_segments, CompareSettings(seed=7))
    for name in TABLES:
        pd.testing.assert_frame_equal(getattr(again, name), getattr(tables, name))
    tables.save(tmp_path)
    assert all((tmp_path / f"{n}.csv").exists() for n in TABLES)
    loaded = AnalysisTables.load(tmp_path)
    for name in TABLES:
        pd.testing.assert_frame_equal(getattr(loaded, name), getattr(tables, name).reset_index(drop=True),
                                      check_dtype=False)
    assert loaded.notes == tables.notes


def test_one_year_only_says_so(gold_segments):
    result = compare(gold_segments[gold_segments["year"] == 2025], CompareSettings(n_boot=200))
    assert "Slechts één jaar: geen vergelijking met een vorig jaar mogelijk." in result.notes
    assert result.theme_change.empty and len(result.theme_year) > 0


def test_one_interview_per_year_gives_no_interval_and_no_verdict(gold_segments):
    one_each = gold_segments[gold_segments["doc"].isin(["2025_wijk_binnenstad", "2026_partnergroep_stad"])]
    result = compare(one_each, CompareSettings(n_boot=200))
    assert result.theme_change["ci_low"].isna().all()
    assert (result.theme_change["verdict"] == "geen duidelijke verandering").all()
    assert any("slechts één interview" in n for n in result.notes)
    single = compare(gold_segments[gold_segments["doc"] == "2025_wijk_binnenstad"], CompareSettings(n_boot=50))
    assert any(n.startswith("Slechts één interview") for n in single.notes)
    assert any(n.startswith("Slechts één jaar") for n in single.notes)


def test_unlabelled_speakers_count_once_per_interview():
    seg = pd.DataFrame({
        "doc": ["a", "a", "b", "b"], "turn": [0, 1, 0, 1], "part": 0, "speaker": [None, None, "R1", "R2"],
        "year": 2025, "type": "wijk", "wijk": "Binnenstad", "text": "Over school en verzuim gesproken.",
        "themes": ["school", "school", "school", "school;grenzen"], "lenses": ["", "bijsturen", "", ""]})
    result = compare(seg, CompareSettings(n_boot=100))
    row = _row(result.theme_year, year=2025, theme="school", lens="")
    assert (row["segments"], row["interviews"], row["speakers"]) == (4, 2, 3)
    assert row["share"] == 1.0
    assert len(result.signals) == 1 and result.signals.iloc[0]["doc"] == "a"


def test_missing_column_is_an_analysis_error(gold_segments):
    with pytest.raises(AnalysisError) as err:
        compare(gold_segments.drop(columns=["lenses"]))
    assert err.value.code == "N510" and "lenses" in str(err.value)


def test_bootstrap_resamples_documents():
    same = resample_shares(np.array([[2], [2], [2]]), np.array([4, 4, 4]), 500, year_rng(1, 2025))
    assert np.allclose(same, 0.5)  # identical interviews: no spread
    varied = resample_shares(np.array([[0], [4]]), np.array([4, 4]), 2000, year_rng(1, 2025))
    assert set(np.round(np.unique(varied), 3)) == {0.0, 0.5, 1.0}
    assert np.array_equal(varied, resample_shares(np.array([[0], [4]]), np.array([4, 4]), 2000,
                                                  year_rng(1, 2025)))
    assert verdict(0.01, 0.2) == "toename" and verdict(-0.2, -0.01) == "afname"
    assert verdict(-0.1, 0.1) == verdict(np.nan, np.nan) == "geen duidelijke verandering"


def test_cooccurrence_per_conversation_unions_its_segments():
    """Two themes in different segments of one conversation co-occur at conversation level."""
    seg = pd.DataFrame({
        "doc": ["a", "a", "b", "c"], "turn": [0, 1, 0, 0], "part": 0, "speaker": "R1", "year": 2025,
        "type": "wijk", "wijk": "Binnenstad", "text": "Over school en de wijkagent gesproken vandaag.",
        "themes": ["school", "grenzen", "school", "grenzen;school"], "lenses": ""})
    co = compare(seg, CompareSettings(n_boot=50)).cooccurrence
    conv = _row(co, year=2025, level="interview", theme_a="grenzen", theme_b="school")
    assert conv["count"] == 2 and conv["jaccard"] == pytest.approx(2 / 3)  # a and c; school also in b
    segment = _row(co, year=2025, level="segment", theme_a="grenzen", theme_b="school")
    assert segment["count"] == 1 and segment["jaccard"] == pytest.approx(1 / 4)


def test_quotes_and_signals_never_come_from_the_interviewer(gold_segments):
    seg = gold_segments.copy()
    # a role column (as the coding stage writes it) overrides the label: R1 led this conversation
    first = seg["doc"] == seg["doc"].iloc[0]
    seg["role"] = ""
    seg.loc[first & (seg["speaker"] == "R1"), "role"] = "interviewer"
    result = compare(seg, CompareSettings(n_boot=50))
    for frame in (result.quotes, result.signals):
        labels = frame["speaker"].fillna("").astype(str)
        assert not labels.str.fullmatch(r"(?i)(interviewer|int\.?|i|gespreksleider|moderator|onderzoeker)").any()
        led = frame[(frame["doc"] == seg["doc"].iloc[0]) & (labels == "R1")]
        assert led.empty
    texts = result.quotes["text"].str.lower()
    assert not texts.str.match(r"^(ja,? )?(ik ben|mijn naam is) ").any()


def test_storylines_per_theme_and_lens(tables, gold_segments):
    lines = tables.storylines
    assert set(lines["lens"]) <= {"resultaat", "opbrengst", "bijsturen"} and not lines.empty
    keyed = gold_segments.set_index(["doc", "turn", "part"])
    for row in lines.itertuples():
        members = [tuple(m) for m in json.loads(row.members)]
        assert len(members) == row.segments and len({m[0] for m in members}) == row.interviews
        for m in members:
            source = keyed.loc[m]
            assert row.theme in source["themes"].split(";") and row.lens in source["lenses"].split(";")
            assert int(source["year"]) == row.year
        assert row.heading and len(row.heading.split()) <= 13 and row.terms
    again = compare(gold_segments, CompareSettings(seed=7)).storylines
    pd.testing.assert_frame_equal(again, lines)
