"""The base of narratief's error catalogue; each stage subclasses it in its own `errors.py`.

A message names the file (and line where it helps) and the problem, in Dutch, and never holds raw
personal data. The CLI turns every `NarratiefError` into a clean message and a non-zero exit.
"""

from __future__ import annotations

from pathlib import Path


class NarratiefError(Exception):
    """An error a user can act on.

    Args:
        code: catalogue number, e.g. "N101" (ranges: see docs/architecture.md).
        detail: what is wrong and what to do, in Dutch, without personal data.
        path: the file concerned, if any.
        line: 1-based line in that file, if known.
    """

    def __init__(self, code: str, detail: str, path: Path | str | None = None, line: int | None = None):
        self.code = code
        self.detail = detail
        self.path = str(path) if path is not None else None
        self.line = line
        super().__init__(self.message)

    @property
    def message(self) -> str:
        where = ""
        if self.path:
            where = self.path + (f", regel {self.line}" if self.line else "") + ": "
        return f"[{self.code}] {where}{self.detail}"


class NlpError(NarratiefError):
    """Language pipeline, embeddings or topic model problems (N4xx)."""
