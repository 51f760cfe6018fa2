"""Loading the report inputs from a workspace's output/ folder as the other stages save them."""

from __future__ import annotations

import json

import pytest

from codebook.reviewed import load_shareable

from reports.errors import ReportError
from reports.inputs import load_report_inputs
from report_fixtures import make_codebook, make_inputs


@pytest.fixture()
def output_dir(tmp_path):
    inputs = make_inputs()
    out = tmp_path / "output"
    for name in ("overview", "theme_year", "theme_split", "theme_change", "cooccurrence", "quotes", "signals"):
        (out / "analysis").mkdir(parents=True, exist_ok=True)
        frame = getattr(inputs, name)
        if name in ("theme_year", "quotes"):
            frame.to_csv(out / "analysis" / f"{name}.csv", index=False)  # "" lens becomes an empty CSV cell
        else:
            frame.to_parquet(out / "analysis" / f"{name}.parquet", index=False)
    (out / "analysis" / "notes.json").write_text(json.dumps(list(inputs.notes)), encoding="utf-8")
    (out / "topics").mkdir()
    inputs.topics.to_csv(out / "topics" / "topics.csv", index=False)
    (out / "agreement").mkdir()
    inputs.agreement.to_csv(out / "agreement" / "agreement.csv", index=False)
    inputs.segments.assign(text="pseudonymised text").to_parquet(out / "segments.parquet", index=False)
    (out / "manifest.json").write_text(json.dumps(inputs.manifest), encoding="utf-8")
    return out


def test_load_report_inputs(output_dir, tmp_path):
    interp = tmp_path / "interpretatie"
    interp.mkdir()
    (interp / "school.md").write_text("Duiding van de evaluator: ë.\n", encoding="utf-8")
    (interp / "grenzen.md").write_text("", encoding="utf-8")
    share = output_dir / "review" / "shareable.csv"
    share.parent.mkdir(parents=True, exist_ok=True)
    share.write_text("doc,turn,part,deelbaar\ngesprek-10,1,0,ja\ngesprek-00,1,0,nee\n", encoding="utf-8")
    loaded = load_report_inputs(output_dir, make_codebook(), interp, shareable=load_shareable(output_dir),
                                pseudonymisation_counts={"persoon": 4}, workspace="Test")
    assert loaded.years() == (2024, 2025) and loaded.latest_year() == 2025
    assert (loaded.theme_year["lens"] == "").sum() == 10  # empty CSV lens read back as ""
    assert loaded.notes == make_inputs().notes
    assert loaded.interpretations["school"] == "Duiding van de evaluator: ë." and loaded.interpretations["grenzen"] == ""
    assert loaded.shareable == frozenset({("gesprek-10", 1, 0)})
    # the (pseudonymised) text is read for the storylines' quotes; other columns of the stage are not
    assert list(loaded.segments.columns) == [*make_inputs().segments.columns]
    assert loaded.topics_over_time is None and len(loaded.agreement) == 2
    assert loaded.manifest["stages"]["onderwerpen"]["details"]["seed"] == 42 and loaded.pseudonymisation == {"persoon": 4}


def test_missing_analysis_table_is_reported(output_dir):
    (output_dir / "analysis" / "signals.parquet").unlink()
    with pytest.raises(ReportError) as err:
        load_report_inputs(output_dir, make_codebook(), None)
    assert err.value.code == "N601" and "signals" in err.value.message
