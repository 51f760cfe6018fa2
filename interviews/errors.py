"""Errors of the interviews stage: reading (N1xx) and pseudonymisation (N2xx)."""

from __future__ import annotations

from nlp.errors import NarratiefError


class InterviewError(NarratiefError):
    """A transcript cannot be read (N1xx)."""


class CorpusErrors(InterviewError):
    """Several transcripts cannot be read; carries every single error so all are reported at once."""

    def __init__(self, errors: list[InterviewError]):
        self.errors = list(errors)
        lines = "\n".join("  " + e.message for e in self.errors)
        super().__init__("N100", f"{len(self.errors)} transcript(en) niet leesbaar:\n{lines}")

    @property
    def message(self) -> str:  # no path prefix: each line names its own file
        return f"[{self.code}] {self.detail}"


class PseudonymisationError(NarratiefError):
    """Pseudonymisation, key or leak-check problems (N2xx)."""
