"""Progress and messages for people: Dutch, on stderr, never holding transcript text."""

from __future__ import annotations

import logging
import sys
import time
import warnings
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from rich.console import Console


class Progress:
    """Prints one line per stage and per step; quiet in `--json` mode."""

    def __init__(self, quiet: bool = False):
        self.console = Console(stderr=True, highlight=False, soft_wrap=True)
        self.quiet = quiet

    def say(self, message: str) -> None:
        if not self.quiet:
            self.console.print(message)

    def step(self, message: str) -> None:
        if not self.quiet:
            self.console.print(f"  [dim]·[/dim] {message}")

    def warn(self, message: str) -> None:
        self.console.print(f"[yellow]Let op:[/yellow] {message}")

    @contextmanager
    def stage(self, label: str) -> Iterator[None]:
        started = time.perf_counter()
        self.say(f"[bold]▶ {label}[/bold]")
        yield
        self.say(f"  [green]✓[/green] {label} klaar ({time.perf_counter() - started:.1f} s)")

    def skipped(self, label: str) -> None:
        self.say(f"[bold]▶ {label}[/bold] [dim]ongewijzigd, overgeslagen[/dim]")


def is_interactive() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


LOG_NAME = "narratief.log"
_OWN_PACKAGES = ("narratief", "interviews", "codebook", "nlp", "analysis", "reports")


class _OwnWarnings(logging.Filter):
    """Console: only narratief's own warnings (e.g. N401); library chatter goes to the log file."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.name.split(".")[0] in _OWN_PACKAGES


def log_to_file(output_dir: Path) -> Path | None:
    """Send library log lines (pypandoc's [DEBUG], deprecation warnings) to `output/narratief.log`
    instead of the console; narratief's own warnings stay visible. Called by the CLI only.

    Returns:
        The log file, or None when output/ cannot be written (the run reports that itself).
    """
    path = Path(output_dir) / LOG_NAME
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_narratief", False):
            root.removeHandler(handler)
            handler.close()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        file_handler: logging.Handler = logging.FileHandler(path, mode="a", encoding="utf-8", delay=True)
    except OSError:
        file_handler = logging.NullHandler()
    file_handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    file_handler.setLevel(logging.INFO)
    console = logging.StreamHandler(sys.stderr)
    console.setLevel(logging.WARNING)
    console.addFilter(_OwnWarnings())
    console.setFormatter(logging.Formatter("%(message)s"))
    for handler in (file_handler, console):
        handler._narratief = True  # type: ignore[attr-defined]
        root.addHandler(handler)
    root.setLevel(logging.INFO)
    # pypandoc adds its own console handler unless its logger has one: give it one that does nothing
    # (its lines reach the log file through the root logger). spaCy's own handler prints from INFO up.
    pypandoc = logging.getLogger("pypandoc")
    if not any(getattr(h, "_narratief", False) for h in pypandoc.handlers):
        null = logging.NullHandler()
        null._narratief = True  # type: ignore[attr-defined]
        pypandoc.addHandler(null)
    for name in ("spacy", "numba"):
        logging.getLogger(name).setLevel(logging.WARNING)
    logging.captureWarnings(True)
    warnings.simplefilter("default")  # shown once each, in the log file (py.warnings logger)
    return path if isinstance(file_handler, logging.FileHandler) else None
