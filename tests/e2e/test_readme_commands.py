"""The README's commands, as a new user types them: the `narratief` CLI as a subprocess, from a
temporary current directory, with a relative workspace path. One demo run is shared by the module;
the tests run in file order (the re-run check comes before the review import changes the inputs).

Repeat with: python -m pytest -q tests/e2e
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

PASSPHRASE = "wachtwoord-voor-de-e2e-test"
# The chapter and the edition: their byte-identity on a re-run is the report stage's own test.
REPORT_FOLDERS = ("rapport", "deel")


def narratief(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    result = subprocess.run([sys.executable, "-m", "narratief", *args], cwd=cwd, capture_output=True, text=True,
                            env=dict(os.environ, NARRATIEF_PASSPHRASE=PASSPHRASE,
                                     NARRATIEF_KEY_DIR=str(cwd / "sleutels")),
                            stdin=subprocess.DEVNULL, timeout=1200)
    assert "Traceback" not in result.stderr, result.stderr
    return result


def hashes(folder: Path, skip: tuple[str, ...] = ()) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()
            and p.name not in ("manifest.json", "narratief.log")
            and p.relative_to(folder).parts[0] not in skip}


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """`narratief init werkmap --demo` and `narratief run werkmap` from a temporary cwd."""
    cwd = tmp_path_factory.mktemp("gebruiker")
    init = narratief(cwd, "init", "werkmap", "--demo")
    assert init.returncode == 0, init.stderr
    sources = hashes(cwd / "werkmap", skip=("output",))
    run = narratief(cwd, "run", "werkmap")
    assert run.returncode == 0, run.stderr
    return cwd, sources, run


def test_run_writes_chapter_and_edition_without_library_noise(demo):
    cwd, _, run = demo
    out = cwd / "werkmap" / "output"
    for fmt in ("html", "docx", "pdf"):
        assert (out / "rapport" / f"narratief-onderzoek-2026.{fmt}").stat().st_size > 1000
        assert (out / "deel" / f"narratief-deel-2026.{fmt}").stat().st_size > 1000
    assert "[DEBUG]" not in run.stderr and "DeprecationWarning" not in run.stderr
    assert (out / "narratief.log").is_file()
    assert not (out / ".narratief.lock").exists()


def test_report_and_deel_with_a_relative_path(demo):
    cwd, _, _ = demo
    report = narratief(cwd, "report", "werkmap", "--formaat", "html")
    assert report.returncode == 0, report.stderr
    assert (cwd / "werkmap" / "output" / "rapport" / "narratief-onderzoek-2026.html").is_file()
    share = narratief(cwd, "deel", "werkmap")
    assert share.returncode == 0, share.stderr
    assert "narratief-deel-2026.pdf" in share.stdout


@pytest.mark.filterwarnings("ignore:Tensorflow not installed:ImportWarning")  # umap's, on import
def test_rerun_on_unchanged_inputs_is_byte_identical_and_sources_untouched(demo, monkeypatch):
    from narratief.console import Progress
    from narratief.pipeline import Pipeline
    from narratief.workspace import open_workspace

    cwd, sources, _ = demo
    out = cwd / "werkmap" / "output"
    before = hashes(out, skip=REPORT_FOLDERS)
    # What `narratief pseudonymise|code|topics|compare werkmap` do (each forces its stage to run
    # again), in one process so the models load once; the CLI itself is exercised above and below.
    monkeypatch.setenv("NARRATIEF_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("NARRATIEF_KEY_DIR", str(cwd / "sleutels"))
    monkeypatch.chdir(cwd)
    pipeline = Pipeline(open_workspace(Path("werkmap")), Progress(quiet=True))
    for stage in (pipeline.pseudonymise, pipeline.code, pipeline.topics, pipeline.compare):
        stage(force=True)
    assert hashes(out, skip=REPORT_FOLDERS) == before
    again = narratief(cwd, "run", "werkmap")
    assert again.returncode == 0 and "ongewijzigd, overgeslagen" in again.stderr
    assert hashes(cwd / "werkmap", skip=("output",)) == sources


def test_review_export_then_import_with_the_path_the_readme_gives(demo):
    from openpyxl import load_workbook

    cwd, _, _ = demo
    exported = narratief(cwd, "review", "export", "werkmap", "--codeurs", "anna,bram")
    assert exported.returncode == 0, exported.stderr
    workbook = Path("werkmap/output/review/review-2026.xlsx")
    assert str((cwd / workbook).resolve()) in exported.stdout
    wb = load_workbook(cwd / workbook)
    sheet = wb["Beoordeling"]
    header = [c.value for c in sheet[1]]
    sheet.cell(row=2, column=header.index("Thema's (anna)") + 1, value="school")
    sheet.cell(row=2, column=header.index("Lenzen (anna)") + 1, value="resultaat")
    wb.save(cwd / workbook)
    imported = narratief(cwd, "review", "import", "werkmap", str(workbook))
    assert imported.returncode == 0, imported.stderr
    assert int(re.search(r"(\d+) codes ingelezen", imported.stdout).group(1)) == 2


def test_qda_export(demo):
    cwd, _, _ = demo
    result = narratief(cwd, "qda", "export", "werkmap")
    assert result.returncode == 0, result.stderr
    for name in ("codeboek.qdc", "project.qdpx"):
        assert (cwd / "werkmap" / "output" / "qda" / name).stat().st_size > 0
