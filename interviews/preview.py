"""`narratief ingest MAP --voorbeeld`: per file the detected layout and its first turns.

The preview holds RAW transcript text (speaker labels and the start of each turn) so a user can check
the reading before anything is pseudonymised. It is meant for the user's own screen only: nothing
here writes a file, and the CLI prints it and never saves it under `output/`.

Example:
    >>> rows = preview(read_corpus(Path("werkmap/interviews")).transcripts)   # doctest: +SKIP
    >>> print(format_preview(rows))                                           # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from interviews.records import Transcript

_DUTCH_FIELDS = {"year": "jaar", "type": "type", "wijk": "wijk", "date": "datum", "title": "titel"}


@dataclass(frozen=True)
class PreviewTurn:
    """The start of one turn: speaker ("" if none), start time ("" if none), first characters."""

    speaker: str
    start: str
    text: str


@dataclass(frozen=True)
class PreviewRow:
    """One file: its source, the detected layout, where its metadata came from, its first turns."""

    file: str
    layout: str
    sources: str
    turns: int
    first: tuple[PreviewTurn, ...]


def describe_sources(transcript: Transcript) -> str:
    """'bestand' if every required value came from one source, else 'jaar: mappen, wijk: metadata.csv'."""
    sources = dict(transcript.meta_sources)
    required = [sources.get(name, "") for name in ("year", "type", "wijk")]
    if len(set(required)) == 1:
        return required[0]
    return ", ".join(f"{_DUTCH_FIELDS[name]}: {sources[name]}" for name in ("year", "type", "wijk")
                     if name in sources)


def preview(transcripts: Sequence[Transcript], turns: int = 3, width: int = 60) -> tuple[PreviewRow, ...]:
    """The first `turns` turns of each transcript, text cut to `width` characters."""
    rows = []
    for transcript in sorted(transcripts, key=lambda t: t.source):
        layout = transcript.layout or transcript.format
        if transcript.clock_time:
            layout += "; tijden zijn kloktijden, geen tijd sinds het begin"
        first = tuple(PreviewTurn(turn.speaker or "", turn.timestamp or "", _cut(turn.text, width))
                      for turn in transcript.turns[:turns])
        rows.append(PreviewRow(transcript.source, layout, describe_sources(transcript),
                               len(transcript.turns), first))
    return tuple(rows)


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[:width] + "…"


def format_preview(rows: Sequence[PreviewRow]) -> str:
    """The preview as plain Dutch text for the terminal."""
    out = []
    for row in rows:
        out.append(f"{row.file}")
        out.append(f"  indeling: {row.layout}")
        out.append(f"  metadata uit: {row.sources}; {row.turns} beurten")
        for turn in row.first:
            speaker = turn.speaker or "(geen spreker)"
            start = f"[{turn.start}] " if turn.start else ""
            out.append(f"    {start}{speaker}: {turn.text}")
        out.append("")
    out.append("Dit voorbeeld bevat ruwe tekst; het staat alleen op uw scherm en wordt niet opgeslagen.")
    return "\n".join(out)
