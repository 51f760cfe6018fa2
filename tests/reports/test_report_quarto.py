"""The Quarto path: a fake `quarto` on PATH stands in for the binary that cannot be installed here."""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import pytest

from reports.chapter import build_chapter
from reports.errors import ReportError
from reports.render import render_chapter


def _fake_quarto(folder: Path, body: str) -> None:
    script = folder / "quarto"
    script.write_text("#!/bin/sh\n" + body, encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)


@pytest.fixture()
def source(inputs, tmp_path):
    return build_chapter(inputs, 2025, tmp_path / "rapport")


@pytest.fixture()
def bin_dir(tmp_path, monkeypatch):
    folder = tmp_path / "bin"
    folder.mkdir()
    monkeypatch.setenv("PATH", str(folder) + os.pathsep + os.environ["PATH"])
    return folder


def test_quarto_failure_shows_exit_code_and_error_tail(source, bin_dir):
    _fake_quarto(bin_dir, 'echo "ERROR: YAML parse error in hoofdstuk.qmd (line 3)" >&2\nexit 1\n')
    with pytest.raises(ReportError) as err:
        render_chapter(source, formats=("html",))
    assert err.value.code == "N603"
    assert "code 1" in err.value.message and "YAML parse error in hoofdstuk.qmd (line 3)" in err.value.message


def test_quarto_success_without_output_is_an_error(source, bin_dir):
    _fake_quarto(bin_dir, "echo done\nexit 0\n")
    with pytest.raises(ReportError) as err:
        render_chapter(source, formats=("docx",))
    assert err.value.code == "N604" and "docx" in err.value.message
    assert not (source.out_dir / "narratief-onderzoek-2025.docx").exists()


def test_quarto_arguments_and_output_names(source, bin_dir):
    # writes the file named after --output and logs its arguments
    _fake_quarto(bin_dir, 'echo "$@" >> args.log\nwhile [ "$1" != "--output" ]; do shift; done\n'
                          'echo rendered > "$2"\nexit 0\n')
    result = render_chapter(source, formats=("html", "pdf"))
    assert result.engine == "quarto"
    assert [p.name for p in result.files] == ["narratief-onderzoek-2025.html", "narratief-onderzoek-2025.pdf"]
    assert all(p.read_text() == "rendered\n" for p in result.files)
    calls = (source.out_dir / "args.log").read_text().splitlines()
    assert calls[0].startswith("render hoofdstuk.qmd --to html --output ")
    assert "--to typst" in calls[1]


def test_engine_choice_is_checked(source, tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))  # no quarto anywhere
    with pytest.raises(ReportError) as err:
        render_chapter(source, engine="quarto")
    assert err.value.code == "N607"
    with pytest.raises(ReportError) as err:
        render_chapter(source, formats=("odt",))
    assert err.value.code == "N607" and "odt" in err.value.message


@pytest.mark.skipif(shutil.which("quarto") is None, reason="quarto CLI niet geïnstalleerd")
def test_real_quarto_renders_all_formats(source):
    result = render_chapter(source, engine="quarto")
    assert result.engine == "quarto" and all(p.stat().st_size > 1000 for p in result.files)
