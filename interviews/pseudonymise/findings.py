"""The `Finding` record: one piece of personal data found in one turn (or speaker label).

Modelled on Presidio's `RecognizerResult`: every finding carries its offsets, a score and the
recognizer that produced it, so findings can be reviewed, allow-listed and re-applied.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Field = Literal["text", "speaker"]

# Category ids (Dutch, as users see them in the review file) and their default labels.
CATEGORIES: tuple[str, ...] = (
    "persoon",
    "adres",
    "telefoon",
    "email",
    "postcode",
    "bsn",
    "geboortedatum",
    "handle",
    "kenteken",
    "leeftijd",
    "url",
    "nummer",
    "iban",
)


@dataclass(frozen=True)
class Span:
    """A raw detection inside one string, before it is tied to a document and turn."""

    start: int
    end: int
    category: str
    score: float
    recognizer: str


@dataclass(frozen=True)
class Finding:
    """Personal data found at `[start, end)` of one turn's text or speaker label.

    Attributes:
        doc: document id of the transcript.
        turn: turn index within the transcript (-1 for the title in the metadata).
        field: "text" (the turn's text) or "speaker" (its speaker label); "title" for the title.
        start, end: character offsets within that field.
        text: the original string (RAW personal data: never log or print it).
        category: one of `CATEGORIES`.
        score: confidence in [0, 1].
        recognizer: which component found it, e.g. "deduce", "telefoon", "propagatie".
    """

    doc: str
    turn: int
    field: str
    start: int
    end: int
    text: str
    category: str
    score: float
    recognizer: str

    @property
    def key(self) -> tuple[str, str]:
        """(category, normalised text): the unit of review decisions."""
        return (self.category, normalise(self.text))


def normalise(text: str) -> str:
    """Case- and whitespace-insensitive form of a finding text, used to match decisions and names."""
    return " ".join(text.replace("\u2019", "'").split()).casefold()
