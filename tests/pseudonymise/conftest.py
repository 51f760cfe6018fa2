"""Shared, expensive fixtures: one deduce instance and one demo-corpus run per test session."""

from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path

import pytest

from interviews.pseudonymise import get_deduce, open_key, pseudonymise_corpus, write_outputs

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "narratief" / "demo"
PASS = "correct paard batterij nietje"


@pytest.fixture(scope="session")
def deduce_ready():
    """Build deduce's lookup structures once (about a minute on a fresh install)."""
    return get_deduce()


@pytest.fixture(scope="session")
def demo_transcripts():
    if not (DEMO / "interviews").is_dir():
        pytest.skip("demo corpus not present")
    from interviews.corpus import read_corpus

    return read_corpus(DEMO / "interviews").transcripts


@pytest.fixture(scope="session")
def demo_gold():
    pii: dict[str, list[tuple[str, str]]] = defaultdict(list)
    with (DEMO / "gold" / "pii.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            pii[row["doc"]].append((row["category"], row["text"]))
    keep: dict[str, list[str]] = defaultdict(list)
    with (DEMO / "gold" / "keep.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            keep[row["doc"]].append(row["text"])
    return pii, keep


@pytest.fixture(scope="session")
def demo_run(deduce_ready, demo_transcripts, tmp_path_factory):
    """The whole corpus pseudonymised in one run, outputs written under `output/`."""
    base = tmp_path_factory.mktemp("demo")
    key_dir = base / "sleutels"
    key = open_key(key_dir / "sleutel.bin", PASS)
    result = pseudonymise_corpus(demo_transcripts, key, review_path=key_dir / "bevindingen.csv")
    write_outputs(result.transcripts, base / "output")
    return base, key, result
