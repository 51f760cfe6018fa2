"""Shared part of the word-processor readers (.docx, .odt): paragraphs, leading metadata, tables.

A reader turns its document into `Para`s (body paragraphs in order, with bold runs) and `Row`s (rows
of tables); `paragraph_blocks` takes the leading metadata paragraphs (`Jaar: 2025`, ...) and gives
the rest as `Block`s for the layouts; `TableLayout` reads a hand-typed two-column table
(speaker | text).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from interviews.metadata import parse_meta_line
from interviews.readers.base import MetaField
from interviews.readers.labels import (Block, Line, bold_label, clean, is_candidate, name_shaped,
                                      normalise_timestamp, split_prefix)
from interviews.readers.layouts import HEADER_LAYOUTS, Miss, Reading
from interviews.readers.subtitles import Piece, merge_pieces

# A "Key: value" inside a value: "Datum: 3 april 2025. Interviewer: E. Smits." is a note, not metadata.
_ANOTHER_KEY = re.compile(r"[.;,]\s+[A-Z][^.:;]{0,30}:\s")
# Header cells of a speaker | text table (lower case). One list: Dutch and English words.
TABLE_HEADERS = frozenset({"spreker", "sprekers", "naam", "wie", "persoon", "rol", "speaker", "name",
                           "tekst", "text", "uitspraak", "inhoud", "transcript", "transcriptie",
                           "tijd", "tijdstip", "tijdcode", "time", "timestamp", "start", "begin", "comment"})
# A cell that is only a time (or a time range): the time column of a time | speaker | text table.
_TIME_CELL = re.compile(r"^\[?(?P<t>\d{1,2}:\d{2}(?::\d{2})?)(?:[.,]\d{1,3})?\]?(?:\s*(?:-->|[-\u2013])\s*\S+)?$")


@dataclass(frozen=True)
class Para:
    """A body paragraph: 1-based number, text (line breaks as "\\n"), runs of (text, bold), heading?"""

    number: int
    text: str
    runs: tuple[tuple[str, bool], ...] = ()
    heading: bool = False


@dataclass(frozen=True)
class Row:
    """A table row: its cells' paragraph texts and whether every run in it is bold."""

    number: int  # 1-based row number over all tables of the document
    cells: tuple[tuple[str, ...], ...]
    bold: bool = False


def paragraph_blocks(paras: Sequence[Para], source: str) -> tuple[list[MetaField], list[Block]]:
    """Leading `Jaar: 2025`-style paragraphs as metadata; every other non-empty paragraph as a Block.

    Headings and empty paragraphs are skipped, except a heading that is a speaker header (`Naam  0:03`,
    `00:00:03 Naam`, `Naam:`): some tools style those as headings. A bold prefix of label shape
    becomes the block's label.
    """
    meta: list[MetaField] = []
    blocks: list[Block] = []
    in_header = True
    for para in paras:
        text = para.text.strip()
        if not text or (para.heading and not _speaker_heading(text)):
            continue
        if in_header:
            field = parse_meta_line(text, source, para.number)
            if field is not None and (field.name == "title" or (
                    len(field.value.split()) <= 5 and not _ANOTHER_KEY.search(field.value))):
                meta.append(field)
                continue
            in_header = False
        lines = tuple(Line(para.number, part.strip()) for part in text.split("\n") if part.strip())
        label, rest = bold_label(para.runs, text)
        if label is not None and rest and "\n" not in text:
            blocks.append(Block((Line(para.number, rest),), label))
        else:
            blocks.append(Block(lines))
    return meta, blocks


def _speaker_heading(text: str) -> bool:
    prefix = split_prefix(text)
    return "\n" not in text and (any(layout.is_header(text) for layout in HEADER_LAYOUTS) or (
        prefix.label is not None and not prefix.text.strip()))


@dataclass(frozen=True)
class TableLayout:
    """A table with two columns, speaker | text (NVivo's table import layout), or three columns of
    which one holds only times (time | speaker | text, as transcription services and AWS Transcribe
    converters write; the time becomes the turn's timestamp).

    A header row (all bold, or header words such as "Spreker | Tekst") is skipped; an empty speaker
    cell continues the previous speaker; a cell's paragraphs are joined with a space; consecutive rows
    of one speaker merge. Paragraphs outside the table (a title, a note, "[einde opname]") must be
    short: they are not turns.
    """

    rows: tuple[Row, ...]
    name: str = "tabel 'spreker | tekst'"

    def read(self, blocks: Sequence[Block]) -> Reading | Miss | None:
        rows = [row for row in self.rows if len(row.cells) == 2]
        time_column = None
        if len(rows) < 2:
            rows = [row for row in self.rows if len(row.cells) == 3]
            time_column = _time_column(rows)
            if time_column is None:
                return None
        if len(rows) < 2:
            return None
        pieces: list[Piece] = []
        speaker: str | None = None
        for i, row in enumerate(rows):
            cells = [clean(cell) for cell in row.cells]
            if i == 0 and (row.bold or {cell.lower() for cell in cells} <= TABLE_HEADERS or (
                    time_column is not None and not _TIME_CELL.match(cells[time_column]))):
                continue  # a header row (in a table with a time column: the first row without a time)
            start = None
            if time_column is not None:
                time = _TIME_CELL.match(cells.pop(time_column))
                start = normalise_timestamp(time.group("t")) if time else None
            who, said = cells
            if time_column is None:
                who, start = _speaker_and_time(row.cells[0], who)
            if who:
                label = who.rstrip(":").strip()
                if not (is_candidate(label) or _surname_first(label)):
                    return Miss(self.name, row.number, f"tabelrij {row.number}: de eerste kolom is geen spreker",
                                len(rows))
                speaker = " ".join(label.split())
            elif speaker is None:
                return Miss(self.name, row.number, f"tabelrij {row.number}: tekst zonder spreker", len(rows))
            if said:
                pieces.append(Piece(speaker, start or None, said, row.number))  # type: ignore[arg-type]
        outside = [b for b in blocks if not (len(b.lines) <= 3 and all(len(x.text.split()) <= 25 for x in b.lines))]
        if len(blocks) > 8 or outside:
            where = (outside or list(blocks))[0].lines[0].number
            return Miss(self.name, where, "lange tekst buiten de tabel", len(rows))
        name = self.name if time_column is None else "tabel 'tijd | spreker | tekst'"
        return Reading(name, merge_pieces(pieces, False)) if pieces else None


def _speaker_and_time(cell: Sequence[str], who: str) -> tuple[str, str | None]:
    """A speaker cell that also holds the segment's time on a line of its own ("Spreker 1" / "00:00:02",
    as table exports of transcription services write it): (speaker, HH:MM:SS); else (who, None).

    Only a time alone on the cell's first or last line counts; "Bewoner 2" or "Jan (12)" stay speakers.
    """
    lines = [line.strip() for part in cell for line in part.split("\n") if line.strip()]
    if len(lines) >= 2:
        for time, rest in ((lines[-1], lines[:-1]), (lines[0], lines[1:])):
            match = _TIME_CELL.match(time)
            if match:
                return clean(rest), normalise_timestamp(match.group("t"))
    return who, None


def _surname_first(label: str) -> bool:
    """A display name written surname first, as Teams does: "Bakker, Lotte", "de Groot, Ali" (name-shaped
    when put the other way round: "Ali de Groot")."""
    surname, _, given = label.partition(",")
    return "," not in given and bool(surname.strip() and given.strip()) and name_shaped(
        f"{given.strip()} {surname.strip()}", strict=True)


def _time_column(rows: Sequence[Row]) -> int | None:
    """The column of a three-column table whose cells (header row aside) are all times, if any."""
    body = rows[1:] if rows and not any(_TIME_CELL.match(clean(cell)) for cell in rows[0].cells) else rows
    for column in range(3):
        cells = [clean(row.cells[column]) for row in body]
        if cells and all(_TIME_CELL.match(cell) for cell in cells if cell) and any(cells):
            return column
    return None
