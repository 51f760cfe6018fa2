"""Segments table of the demo corpus with gold codes (no embeddings needed)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

_HELPER = Path(__file__).resolve().parents[1] / "topics" / "demo_segments.py"


def _helper():
    spec = importlib.util.spec_from_file_location("compare_demo_segments", _HELPER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def gold_segments():
    return _helper().demo_segments()


@pytest.fixture(scope="session")
def tables(gold_segments):
    from analysis import CompareSettings, compare

    return compare(gold_segments, CompareSettings(seed=7))
