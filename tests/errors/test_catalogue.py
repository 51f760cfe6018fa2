"""The error catalogues: unique codes across stages, and every raised code catalogued."""

from __future__ import annotations

import re
from pathlib import Path

from narratief.errors import all_codes, explain

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("nlp", "interviews", "codebook", "analysis", "reports", "narratief")
CODE = re.compile(r"(?:[\"']|\[)(N\d{3})(?:[\"']|\])")  # "N605" as an argument, [N799] in a message
ENTRY = re.compile(r"\s*\(\s*\"N\d{3}\",")  # a line of a catalogue(...) call


def used_codes() -> dict[str, list[str]]:
    """Every quoted "Nxxx" literal in the source, with where it stands (catalogue entries excluded)."""
    found: dict[str, list[str]] = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
                if ENTRY.match(line):
                    continue
                for code in CODE.findall(line):
                    found.setdefault(code, []).append(f"{path.relative_to(ROOT)}:{number}")
    return found


def test_codes_are_unique_across_stages():
    codes = all_codes()  # raises on a code catalogued by two stages
    assert len(codes) > 50 and all(entry.text and entry.todo for entry in codes.values())


def test_every_raised_code_is_catalogued():
    codes = all_codes()
    missing = {code: where for code, where in used_codes().items() if code not in codes}
    assert not missing, f"codes without a catalogue entry: {missing}"


def test_every_catalogued_code_is_used():
    used = used_codes()
    unused = sorted(code for code in all_codes() if code not in used)
    assert not unused, f"catalogue entries no code raises: {unused}"


def test_explain_reads_the_catalogue():
    from typer.testing import CliRunner

    from narratief.cli import app

    result = CliRunner().invoke(app, ["uitleg", "N140"])
    assert result.exit_code == 0 and "gemeenteprofiel" in result.output
    assert explain("n605").startswith("[N605] pandoc faalde. Wat te doen:")
    assert "Onbekende" in explain("N999")
