"""The command line: help on every command, the workspace, ingest, and clean errors with exit code 2."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from narratief import __version__
from narratief.cli import app
from narratief.workspace import init_workspace

REPO = Path(__file__).resolve().parents[2]


def run_cli(*args: str, env_extra: dict[str, str] | None = None, drop: tuple[str, ...] = ()) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env.update(env_extra or {})
    return subprocess.run([sys.executable, "-m", "narratief", *args], capture_output=True, text=True,
                          env=env, cwd=REPO, stdin=subprocess.DEVNULL, timeout=600)


def _all_commands(command, prefix: tuple[str, ...] = ()):
    yield prefix, command
    if hasattr(command, "commands"):
        for name, sub in command.commands.items():
            yield from _all_commands(sub, prefix + (name,))


def test_every_command_has_help_text():
    root = get_command(app)
    runner = CliRunner()
    seen = 0
    for path, command in _all_commands(root):
        assert (command.help or "").strip(), f"command {' '.join(path) or 'narratief'} has no help text"
        result = runner.invoke(app, [*path, "--help"])
        assert result.exit_code == 0, path
        assert "Usage" in result.output
        seen += 1
    assert seen >= 15  # init, demo, ingest, pseudonymise, herleid, code, review x2, qda x2, ...


def test_version():
    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.output.strip() == f"narratief {__version__}"


def test_init_creates_the_workspace_layout(tmp_path):
    ws = tmp_path / "werkmap"
    result = run_cli("init", str(ws))
    assert result.returncode == 0, result.stderr
    for part in ("narratief.toml", "interviews", "codebook/codebook.yaml", "output",
                 "interpretatie/school.md", "privacy/toestaan.txt", "privacy/weigeren.txt"):
        assert (ws / part).exists(), part
    assert "# " in (ws / "narratief.toml").read_text(encoding="utf-8")  # commented in Dutch
    assert not any((ws / "interviews").iterdir())


def test_init_demo_and_ingest_json(tmp_path):
    ws = tmp_path / "demo"
    assert run_cli("init", str(ws), "--demo").returncode == 0
    before = {p: p.read_bytes() for p in (ws / "interviews").rglob("*") if p.is_file()}
    result = run_cli("ingest", str(ws), "--json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert len(rows) == 12
    assert set(rows[0]) == {"file", "year", "type", "wijk", "turns", "words"}
    assert {r["year"] for r in rows} == {2024, 2025, 2026}
    assert {r["type"] for r in rows} == {"partnergroep", "wijk"}
    assert {p.rsplit(".", 1)[1] for p in (r["file"] for r in rows)} == {"txt", "md", "docx", "vtt", "srt"}
    assert all(r["words"] >= 600 for r in rows)
    after = {p: p.read_bytes() for p in (ws / "interviews").rglob("*") if p.is_file()}
    assert before == after  # sources untouched


def test_ingest_reports_all_bad_files_and_skip_invalid_goes_on(tmp_path):
    ws = tmp_path / "ws"
    init_workspace(ws)  # `narratief init` itself: test_init_creates_the_workspace_layout
    good = "---\nyear: 2025\ntype: wijk\nwijk: Binnenstad\ndate: 2025-03-01\n---\n\nR1: Het gaat goed in de wijk.\n"
    (ws / "interviews" / "goed.txt").write_text(good, encoding="utf-8")
    (ws / "interviews" / "leeg.txt").write_text("", encoding="utf-8")
    (ws / "interviews" / "fout.txt").write_text(good.replace("year: 2025", "year: twintig"), encoding="utf-8")
    result = run_cli("ingest", str(ws))
    assert result.returncode == 2
    assert "leeg.txt" in result.stderr and "fout.txt" in result.stderr
    assert "Traceback" not in result.stderr
    skipped = run_cli("ingest", str(ws), "--skip-invalid", "--json")
    assert skipped.returncode == 0, skipped.stderr
    assert [r["file"] for r in json.loads(skipped.stdout)] == ["goed.txt"]
    assert "leeg.txt" in skipped.stderr and "fout.txt" in skipped.stderr


def test_not_a_workspace_is_a_clean_error(tmp_path):
    result = run_cli("ingest", str(tmp_path / "bestaat-niet"))
    assert result.returncode == 2
    assert "[N703]" in result.stderr and "Traceback" not in result.stderr


def test_missing_passphrase_is_a_clear_error(tmp_path):
    ws = tmp_path / "ws"
    init_workspace(ws)
    (ws / "interviews" / "a.txt").write_text(
        "---\nyear: 2025\ntype: wijk\nwijk: Binnenstad\n---\n\nR1: Ik woon hier al lang.\n", encoding="utf-8")
    result = run_cli("pseudonymise", str(ws), env_extra={"NARRATIEF_KEY_DIR": str(tmp_path / "keys")},
                     drop=("NARRATIEF_PASSPHRASE",))
    assert result.returncode == 2
    assert "[N201]" in result.stderr and "NARRATIEF_PASSPHRASE" in result.stderr
    assert not (ws / "output" / "pseudo").exists()
