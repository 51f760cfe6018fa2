"""Every command's help and the usage errors are Dutch and tidy (no raw type placeholders, no
click/typer English)."""

from __future__ import annotations

import sys

import pytest
from typer.main import get_command

from narratief.cli import app, main

ENGLISH = ("Show this message", "Usage:", "No such command", "Missing argument", "Options", "Arguments",
           "Commands", "[required]", "Try '", "Error:", "<bool>", "<str>", "<int>", "<path>")


def run_main(monkeypatch, capsys, *args: str) -> tuple[int, str]:
    monkeypatch.setattr(sys, "argv", ["narratief", *args])
    code = 0
    try:
        main()
    except SystemExit as exc:
        code = exc.code or 0
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def _all_commands(command, prefix=()):
    yield prefix, command
    for name, sub in getattr(command, "commands", {}).items():
        yield from _all_commands(sub, prefix + (name,))


def test_every_command_has_a_dutch_help_page(monkeypatch, capsys):
    seen = 0
    for path, command in _all_commands(get_command(app)):
        code, text = run_main(monkeypatch, capsys, *path, "--help")
        assert code == 0, path
        assert text.startswith("Gebruik: narratief"), (path, text)
        assert "Toon deze hulp en stop." in text
        assert not [w for w in ENGLISH if w in text], (path, [w for w in ENGLISH if w in text], text)
        if getattr(command, "commands", None):
            assert "Opdrachten" in text
        seen += 1
    assert seen >= 15


@pytest.mark.parametrize("args,fragment", [
    (("foo",), "onbekende opdracht 'foo'"),
    (("repot", "x"), "bedoelt u 'report'?"),
    (("ingest",), "het argument MAP ontbreekt"),
    (("report", "werkmap", "--jaar", "twintig"), "ongeldige waarde voor optie --jaar"),
    (("run", "werkmap", "--snel"), "onbekende optie --snel"),
    (("review",), None),
])
def test_usage_errors_are_dutch(monkeypatch, capsys, args, fragment):
    code, text = run_main(monkeypatch, capsys, *args)
    if fragment is None:  # a group without a subcommand shows its help
        assert code == 0 and "Opdrachten" in text
        return
    assert code == 2
    assert fragment in text and "Gebruik: narratief" in text and "Fout:" in text
    assert not [w for w in ENGLISH if w in text], text
