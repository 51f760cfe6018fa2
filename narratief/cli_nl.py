"""Dutch help pages and usage errors for the `narratief` command.

typer/click write English ("Show this message and exit.", "No such command", "Missing argument")
and raw type placeholders (`<bool>`). `dutch_command(app)` builds the click command of a Typer app
and gives every (sub)command a Dutch help page; `usage_error_message` turns click's usage errors
into one Dutch message. Works for commands added later without extra code.

Example:
    >>> cmd = dutch_command(app)                           # doctest: +SKIP
    >>> cmd.main(args=["init", "--help"], standalone_mode=False)   # doctest: +SKIP
"""

from __future__ import annotations

import difflib
import re
import types
from typing import Any

import typer
from typer.main import get_command

HELP_TEXT = "Toon deze hulp en stop."
_TYPE_LABELS = {"int": "GETAL", "float": "GETAL", "str": "TEKST", "path": "PAD", "bool": "JA/NEE"}


def _metavar(param: Any) -> str:
    if getattr(param, "metavar", None):
        return str(param.metavar)
    try:
        label = str(param.bare_type()).lower()
    except Exception:  # a parameter type typer cannot name
        label = ""
    return _TYPE_LABELS.get(label, "WAARDE")


def usage_line(ctx: Any) -> str:
    """`Gebruik: narratief review export [OPTIES] MAP` for the command of `ctx`."""
    cmd = ctx.command
    pieces = [ctx.command_path, "[OPTIES]"]
    for param in cmd.get_params(ctx):
        if param.param_type_name == "argument":
            pieces.append(_metavar(param) if getattr(param, "metavar", None) else param.name.upper())
    if hasattr(cmd, "commands"):
        pieces.append("OPDRACHT [ARGUMENTEN]...")
    return "Gebruik: " + " ".join(pieces)


class DutchHelp:
    """The Dutch help page, bound onto each click command by `_make_dutch`."""

    def format_help(self, ctx, formatter):  # type: ignore[no-untyped-def]
        formatter.write(usage_line(ctx) + "\n")
        text = (self.help or "").strip()  # type: ignore[attr-defined]
        if text:
            formatter.write_paragraph()
            with formatter.indentation():
                formatter.write_text(text)
        args, opts = [], []
        for param in self.get_params(ctx):  # type: ignore[attr-defined]
            if getattr(param, "hidden", False):
                continue
            help_text = (getattr(param, "help", "") or "").strip()
            if param.param_type_name == "argument":
                name = _metavar(param) if getattr(param, "metavar", None) else param.name.upper()
                args.append((name, help_text + ("" if param.required else " (optioneel)")))
            else:
                name = ", ".join(param.opts)
                if not getattr(param, "is_flag", False) and not getattr(param, "count", False):
                    name += " " + _metavar(param)
                default = getattr(param, "default", None)
                if default not in (None, False, "", ()) and not getattr(param, "is_flag", False):
                    help_text += f" (standaard: {default})"
                opts.append((name, help_text))
        if args:
            with formatter.section("Argumenten"):
                formatter.write_dl(args)
        if opts:
            with formatter.section("Opties"):
                formatter.write_dl(opts)
        commands = getattr(self, "commands", None)
        if commands:
            rows = [(name, " ".join((sub.help or "").strip().split("\n\n")[0].split()))
                    for name, sub in sorted(commands.items()) if not getattr(sub, "hidden", False)]
            with formatter.section("Opdrachten"):
                formatter.write_dl(rows)


def _make_dutch(command: Any) -> None:
    """Give one command (and its subcommands) the Dutch help methods."""
    original_help_option = command.get_help_option

    def get_help_option(ctx):  # type: ignore[no-untyped-def]
        option = original_help_option(ctx)
        if option is not None:
            option.help = HELP_TEXT
        return option

    command.get_help_option = get_help_option
    command.format_help = types.MethodType(DutchHelp.format_help, command)
    for sub in getattr(command, "commands", {}).values():
        _make_dutch(sub)


def dutch_command(app: typer.Typer) -> Any:
    """The click command of `app` with Dutch help on every (sub)command."""
    command = get_command(app)
    _make_dutch(command)
    return command


_MESSAGES = (
    (re.compile(r"No such command '(?P<x>[^']*)'\.?"), "onbekende opdracht '{x}'"),
    (re.compile(r"Missing command\.?"), "geef een opdracht"),
    (re.compile(r"No such option: (?P<x>\S+)"), "onbekende optie {x}"),
    (re.compile(r"Got unexpected extra arguments? \((?P<x>.*)\)"), "onverwacht extra argument: {x}"),
    (re.compile(r"Option '(?P<x>[^']*)' requires an argument\.?"), "optie '{x}' verwacht een waarde"),
    (re.compile(r"Option '(?P<x>[^']*)' does not take a value\.?"), "optie '{x}' neemt geen waarde"),
    (re.compile(r"'(?P<x>.*)' is not a valid integer( range)?\.?"), "'{x}' is geen geheel getal"),
    (re.compile(r"Input should be a valid integer"), "geef een geheel getal"),
    (re.compile(r"Input should be a valid (number|float)"), "geef een getal"),
    (re.compile(r"Input should be a valid boolean"), "geef ja of nee"),
    (re.compile(r"Input should be (?P<x>.+)"), "verwacht: {x}"),
    (re.compile(r"'(?P<x>.*)' is not a valid float( range)?\.?"), "'{x}' is geen getal"),
    (re.compile(r"'(?P<x>.*)' is not a valid boolean\.?"), "'{x}' is geen ja/nee-waarde"),
)


def _translate(text: str) -> str:
    for pattern, dutch in _MESSAGES:
        match = pattern.search(text)
        if match:
            return dutch.format(**match.groupdict())
    return text


def usage_error_message(exc: Any) -> str:
    """One Dutch message (usage line, help hint, error) for a click usage error."""
    from typer._click import exceptions as ce

    ctx = getattr(exc, "ctx", None)
    if isinstance(exc, ce.MissingParameter) and exc.param is not None:
        param = exc.param
        if param.param_type_name == "argument":
            name = _metavar(param) if getattr(param, "metavar", None) else param.name.upper()
            detail = f"het argument {name} ontbreekt"
        else:
            detail = f"de optie {'/'.join(param.opts)} ontbreekt"
    elif isinstance(exc, ce.BadParameter):
        param = exc.param
        where = ""
        if param is not None:
            where = ("argument " + param.name.upper()) if param.param_type_name == "argument" else (
                "optie " + "/".join(param.opts))
        detail = f"ongeldige waarde voor {where}: {_translate(exc.message)}" if where else _translate(exc.message)
    else:
        detail = _translate(exc.format_message() if hasattr(exc, "format_message") else str(exc))
        match = re.search(r"No such command '([^']*)'", str(getattr(exc, "message", "")))
        if match and ctx is not None and hasattr(ctx.command, "commands"):
            close = difflib.get_close_matches(match.group(1), list(ctx.command.commands), n=1)
            detail += f"; bedoelt u '{close[0]}'?" if close else ""
        if isinstance(exc, ce.NoSuchOption) and getattr(exc, "possibilities", None):
            detail += f"; bedoelt u {exc.possibilities[0]}?"
    lines = []
    if ctx is not None:
        lines.append(usage_line(ctx))
        lines.append(f"Hulp: {ctx.command_path} --help")
    lines.append(f"Fout: {detail}" + ("" if detail.endswith(("?", ".")) else "."))
    return "\n".join(lines)
