"""Typed records of the interviews stage.

`Transcript` holds raw text and never leaves the `interviews` package: every later stage receives
`PseudonymisedTranscript` records only. Both share `TranscriptMeta` and `Turn`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

InterviewType = Literal["partnergroep", "wijk"]
INTERVIEW_TYPES: tuple[str, ...] = ("partnergroep", "wijk")


@dataclass(frozen=True)
class TranscriptMeta:
    """Metadata of one interview: when, which kind, where."""

    year: int
    type: str  # one of INTERVIEW_TYPES
    wijk: str  # one of the municipality profile's `wijk_names`
    date: dt.date | None = None
    title: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "year": self.year,
            "type": self.type,
            "wijk": self.wijk,
            "date": self.date.isoformat() if self.date else None,
            "title": self.title,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "TranscriptMeta":
        date = data.get("date")
        return cls(
            year=int(data["year"]),
            type=str(data["type"]),
            wijk=str(data["wijk"]),
            date=dt.date.fromisoformat(date) if date else None,
            title=data.get("title"),
        )


@dataclass(frozen=True)
class Turn:
    """One speaker turn. `index` (0-based, file order) is the stable address of a segment."""

    index: int
    speaker: str | None
    text: str
    timestamp: str | None = None  # "HH:MM:SS" as written in the source, if any
    line: int | None = None  # 1-based line in the source file where the turn starts, if known

    def to_dict(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "speaker": self.speaker,
            "timestamp": self.timestamp,
            "text": self.text,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Turn":
        return cls(
            index=int(data["index"]),
            speaker=data.get("speaker"),
            text=str(data["text"]),
            timestamp=data.get("timestamp"),
        )

    @property
    def words(self) -> int:
        return len(self.text.split())


@dataclass(frozen=True)
class Transcript:
    """A transcript as read from disk: RAW personal data. Never leaves `interviews/`.

    Attributes:
        doc: source file name without extension; the document id in every output.
        source: path of the source file relative to the workspace's interviews folder (posix).
        meta: year, type, wijk, date, title.
        turns: speaker turns in file order.
        sha256: hash of the source file's bytes (for the run manifest and change detection).
        format: "txt", "md", "docx", "vtt", "srt", "json" or "odt".
        layout: the layout the reader detected, in Dutch ("Otter.ai / Teams: kop 'Naam  0:03'").
        clock_time: the timestamps are times of day (Zoom's saved captions), not offsets.
        meta_sources: where each metadata value came from, e.g. (("year", "mappen"), ("wijk",
            "metadata.csv")); sources are "bestand", "metadata.csv", "mappen" and "bestandsnaam".
    """

    doc: str
    source: str
    meta: TranscriptMeta
    turns: tuple[Turn, ...]
    sha256: str
    format: str
    layout: str = ""
    clock_time: bool = False
    meta_sources: tuple[tuple[str, str], ...] = ()

    @property
    def words(self) -> int:
        return sum(turn.words for turn in self.turns)


@dataclass(frozen=True)
class PseudonymisedTranscript:
    """A transcript whose speaker labels and text hold pseudonyms instead of personal data.

    The only transcript type that later stages receive. Same shape as `Transcript`; turn indices
    are unchanged.
    """

    doc: str
    source: str
    meta: TranscriptMeta
    turns: tuple[Turn, ...]
    sha256: str  # hash of the *source* file, so later stages can tell what changed
    format: str
    pseudonym_counts: dict[str, int] = field(default_factory=dict)  # category -> replacements

    @property
    def words(self) -> int:
        return sum(turn.words for turn in self.turns)

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc": self.doc,
            "source": self.source,
            "meta": self.meta.to_dict(),
            "sha256": self.sha256,
            "format": self.format,
            "pseudonym_counts": dict(self.pseudonym_counts),
            "turns": [turn.to_dict() for turn in self.turns],
        }

    def to_text(self) -> str:
        """The readable pseudonymised transcript: metadata on top, one `Label: text` per paragraph.

        This is the text evaluators read and quote (`output/transcripten/<doc>.txt`) and the source
        text of REFI-QDA exports; `turn_spans` gives each turn's character offsets in it.
        """
        return self._render()[0]

    def turn_spans(self) -> dict[int, tuple[int, int]]:
        """Turn index -> (start, end) character offsets of the turn's text within `to_text()`."""
        return self._render()[1]

    def _render(self) -> tuple[str, dict[int, tuple[int, int]]]:
        meta = self.meta
        header = [
            f"Titel: {meta.title or self.doc}",
            f"Jaar: {meta.year}",
            f"Type: {meta.type}",
            f"Wijk: {meta.wijk}",
        ]
        if meta.date:
            header.append(f"Datum: {meta.date.isoformat()}")
        out = "\n".join(header) + "\n\n"
        spans: dict[int, tuple[int, int]] = {}
        for turn in self.turns:
            prefix = f"[{turn.timestamp}] " if turn.timestamp else ""
            prefix += f"{turn.speaker}: " if turn.speaker else ""
            start = len(out) + len(prefix)
            out += prefix + turn.text + "\n\n"
            spans[turn.index] = (start, start + len(turn.text))
        return out, spans

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "PseudonymisedTranscript":
        return cls(
            doc=data["doc"],
            source=data["source"],
            meta=TranscriptMeta.from_dict(data["meta"]),
            turns=tuple(Turn.from_dict(t) for t in data["turns"]),
            sha256=data["sha256"],
            format=data["format"],
            pseudonym_counts=dict(data.get("pseudonym_counts", {})),
        )
