"""Progress and messages for people: Dutch, on stderr, never holding transcript text."""

from __future__ import annotations

import sys
import time
from contextlib import contextmanager
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
