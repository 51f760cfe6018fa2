"""Fixtures of the reports tests; the builders live in report_fixtures.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from report_fixtures import make_inputs
from reports.inputs import ReportInputs


@pytest.fixture(scope="session")
def inputs() -> ReportInputs:
    return make_inputs()


@pytest.fixture(scope="session")
def chapter_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("rapport")
