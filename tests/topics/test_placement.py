"""Placing new and changed segments into the previous topics (nlp.topic_place), on the demo fit."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from nlp.errors import NlpError
from nlp.topic_align import centroids, normalise
from nlp.topic_place import changed_share, nearest_topics, refit_reason, update_topics
from nlp.topics import TopicResult, TopicSettings, place_topics

TABLES = ("topics", "segment_topics", "over_time", "per_class")
ROOT = Path(__file__).resolve().parents[2]


def _member_closest_to_centre(fitted: TopicResult, emb: np.ndarray, topic: int) -> int:
    """Row of the topic's member most similar to the topic centroid (safely inside the topic)."""
    lab = fitted.segment_topics["topic"].to_numpy()
    cent = centroids(emb, lab, [topic])[0]
    members = np.flatnonzero(lab == topic)
    return int(members[np.argmax(normalise(emb[members]) @ cent)])


def _assert_same_tables(a: TopicResult, b: TopicResult) -> None:
    for name in TABLES:
        pd.testing.assert_frame_equal(getattr(a, name), getattr(b, name))


def test_changed_share_counts_additions_changes_and_removals(fitted, demo):
    segments = demo[0]
    n = len(segments)
    assert changed_share(fitted, segments) == 0.0
    changed = segments.copy()
    changed.loc[[3, 40], "text"] = changed.loc[[3, 40], "text"] + " Dat is alles."
    assert changed_share(fitted, changed) == pytest.approx(2 / n)
    added = pd.concat([segments, segments.tail(3).assign(doc="nieuw-gesprek")], ignore_index=True)
    assert changed_share(fitted, added) == pytest.approx(3 / (n + 3))
    removed = segments.drop(index=[0, 1, 2, 3])
    assert changed_share(fitted, removed) == pytest.approx(4 / (n - 4))
    # One of each: a change counts once, not as a removal plus an addition.
    mixed = pd.concat([changed.drop(index=[0]), segments.tail(1).assign(doc="nieuw-gesprek")],
                      ignore_index=True)
    assert changed_share(fitted, mixed) == pytest.approx((2 + 1 + 1) / n)
    # A table of an earlier version (no text_sha) or an empty one: everything counts as changed.
    legacy = replace(fitted, segment_topics=fitted.segment_topics.drop(columns="text_sha"))
    assert changed_share(legacy, segments) == 1.0
    empty = replace(fitted, segment_topics=fitted.segment_topics.head(0))
    assert changed_share(empty, segments) == 1.0
    assert changed_share(fitted, segments.head(5)) == 1.0  # capped: far more removed than present


def test_unchanged_corpus_gives_the_fitted_tables(fitted, demo, tmp_path):
    fitted.save(tmp_path)
    previous = TopicResult.load(tmp_path)  # as a re-run finds it: tables only, no model
    placed = place_topics(previous, *demo, TopicSettings(seed=42))
    _assert_same_tables(placed, fitted)
    assert placed.model is None
    assert placed.info["mode"] == "geplaatst" and fitted.info["mode"] == "geschat"
    assert placed.info["changed_share"] == 0.0 and placed.info["placed"] == 0
    assert placed.info["model_input_sha256"] == fitted.info["input_sha256"]
    assert any("niet opnieuw geschat" in note for note in placed.notes)
    # Saving the placement keeps the model of the fit it placed into; a reload gives the same tables.
    placed.save(tmp_path)
    assert (tmp_path / "model").is_dir()
    _assert_same_tables(TopicResult.load(tmp_path), placed)


def test_changed_segment_goes_to_the_topic_of_its_near_duplicate(fitted, demo, embedder):
    segments, emb, themes, theme_emb = demo
    topic = int(fitted.topics.sort_values("size").iloc[-1]["topic"])
    row = _member_closest_to_centre(fitted, emb, topic)
    changed = segments.copy()
    changed.loc[row, "text"] = "Nou, kijk. " + changed.loc[row, "text"]
    new_emb = emb.copy()
    new_emb[row] = embedder.embed([changed.loc[row, "text"]])[0]
    placed = place_topics(fitted, changed, new_emb, themes, theme_emb, TopicSettings(seed=42))
    labels = placed.segment_topics["topic"].to_numpy()
    assert labels[row] == topic
    before = fitted.segment_topics["topic"].to_numpy()
    assert (np.delete(labels, row) == np.delete(before, row)).all()  # the others keep their topic
    assert placed.info["placed"] == 1 and placed.info["outliers"] == 0
    # Ids, words and labels stay those of the fit.
    cols = ["topic", "words", "label"]
    pd.testing.assert_frame_equal(placed.topics[cols], fitted.topics[cols])


def test_far_off_segment_becomes_an_outlier(fitted, demo, embedder):
    segments, emb, themes, theme_emb = demo
    recipe = "Verwarm de oven voor op tweehonderd graden en bak de appeltaart ongeveer veertig minuten."
    extra = segments.tail(1).assign(doc="nieuw-gesprek", turn=1, text=recipe)
    grown = pd.concat([segments, extra], ignore_index=True)
    new_emb = np.vstack([emb, embedder.embed([recipe])])
    placed = place_topics(fitted, grown, new_emb, themes, theme_emb, TopicSettings(seed=42))
    assert placed.segment_topics["topic"].iloc[-1] == -1
    assert placed.info["outliers"] == 1
    assert placed.topics["size"].sum() == len(segments)  # the outlier is in no topic
    year = int(extra["year"].iloc[0])
    year_share = placed.over_time.groupby("year")["share"].sum()
    assert year_share[year] < 1.0 and np.isclose(year_share.drop(year), 1.0).all()
    assert any("uitschieter" in note for note in placed.notes)


def test_topic_that_loses_all_members_is_dropped(fitted, demo):
    segments, emb, themes, theme_emb = demo
    topic = int(fitted.topics.sort_values("size").iloc[0]["topic"])
    members = np.flatnonzero(fitted.segment_topics["topic"].to_numpy() == topic)
    changed = segments.copy()
    changed.loc[members, "text"] = changed.loc[members, "text"] + " (herzien)"
    # Same embeddings, new texts: all members are "changed", the topic has no unchanged member left.
    placed = place_topics(fitted, changed, emb, themes, theme_emb, TopicSettings(seed=42))
    assert topic not in set(placed.topics["topic"])
    assert topic not in set(placed.segment_topics["topic"])
    assert topic not in set(placed.over_time["topic"]) | set(placed.per_class["topic"])
    assert placed.info["dropped_topics"] == [topic]
    assert len(placed.topics) == len(fitted.topics) - 1


def test_nearest_topics_rule_on_small_arrays():
    # Two topics on the axes; members at known angles, so the 10th-percentile bound is known.
    angles = np.radians([0, 10, 20, 30, 90, 95, 100])
    emb = np.stack([np.cos(angles), np.sin(angles)], axis=1)
    labels = np.array([0, 0, 0, 0, 1, 1, 1])
    new = np.stack([np.cos(np.radians([12, 60, 97])), np.sin(np.radians([12, 60, 97]))], axis=1)
    all_emb = np.vstack([emb, new])
    known = np.array([True] * 7 + [False] * 3)
    out, bounds = nearest_topics(all_emb, np.concatenate([labels, [-1, -1, -1]]), known, 0.1)
    assert out[:7].tolist() == labels.tolist()
    assert out[7:].tolist() == [0, -1, 1]  # 60 degrees is far from both centroids (15 and 95 degrees)
    assert bounds[0] == pytest.approx(np.quantile(np.cos(np.radians([15, 5, 5, 15])), 0.1))


def test_update_topics_places_small_changes_and_refits_beyond_the_bound(fitted, demo):
    segments, emb, themes, theme_emb = demo
    changed = segments.copy()
    changed.loc[5, "text"] = changed.loc[5, "text"] + " Zo gaat dat."
    settings = TopicSettings(seed=42)
    assert refit_reason(fitted, changed, settings) is None
    assert update_topics(fitted, changed, emb, themes, theme_emb, settings).info["mode"] == "geplaatst"
    strict = TopicSettings(seed=42, max_changed_share=0.0)
    refit = update_topics(fitted, changed, emb, themes, theme_emb, strict)
    assert refit.info["mode"] == "geschat" and refit.model is not None
    assert "opnieuw geschat" in refit.notes[0] and "grens" in refit.info["refit_reason"]
    assert refit_reason(fitted, changed, TopicSettings(seed=7)) == \
        "de instellingen van het onderwerpmodel zijn gewijzigd"
    assert refit_reason(None, changed, settings) is not None
    with pytest.raises(NlpError) as err:
        place_topics(replace(fitted, segment_topics=fitted.segment_topics.drop(columns="text_sha")),
                     changed, emb, themes, theme_emb, settings)
    assert err.value.code == "N414"


def test_placement_loads_no_topic_model_libraries(fitted, demo, tmp_path):
    segments, emb, themes, theme_emb = demo
    fitted.save(tmp_path / "topics")
    changed = segments.copy()
    changed.loc[7, "text"] = changed.loc[7, "text"] + " Klopt."
    changed.to_parquet(tmp_path / "segments.parquet")
    np.save(tmp_path / "emb.npy", emb)
    np.save(tmp_path / "theme_emb.npy", theme_emb)
    (tmp_path / "themes.json").write_text(json.dumps(themes), encoding="utf-8")
    script = f"""
import json, sys
from pathlib import Path
import numpy as np, pandas as pd
import nlp.topics as topics
folder = Path({str(tmp_path)!r})
previous = topics.TopicResult.load(folder / "topics")
result = topics.place_topics(previous, pd.read_parquet(folder / "segments.parquet"), np.load(folder / "emb.npy"),
                             json.loads((folder / "themes.json").read_text()), np.load(folder / "theme_emb.npy"))
heavy = ("bertopic", "umap", "hdbscan", "numba", "torch", "sentence_transformers")
print(json.dumps({{"loaded": [m for m in heavy if m in sys.modules], "mode": result.info["mode"],
                  "placed": result.info["placed"], "topics": len(result.topics)}}))
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report == {"loaded": [], "mode": "geplaatst", "placed": 1, "topics": len(fitted.topics)}


def test_changes_add_up_over_placements_until_a_refit(fitted, demo):
    segments, emb, themes, theme_emb = demo
    settings = TopicSettings(seed=42, max_changed_share=0.015)
    first = segments.copy()
    first.loc[[10, 20, 30], "text"] = first.loc[[10, 20, 30], "text"] + " Zeker."
    once = update_topics(fitted, first, emb, themes, theme_emb, settings)
    assert once.info["mode"] == "geplaatst"
    second = first.copy()
    second.loc[[50, 60, 70], "text"] = second.loc[[50, 60, 70], "text"] + " Precies."
    # Each step alone stays under the bound (3 of 397), together they pass it (6 of 397).
    assert changed_share(once, second) < settings.max_changed_share
    assert refit_reason(once, second, settings) is not None
    assert update_topics(once, second, emb, themes, theme_emb, settings).info["mode"] == "geschat"
