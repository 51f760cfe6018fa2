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
from interviews.readers.labels import Block, Line, bold_label, clean, is_candidate
from interviews.readers.layouts import Miss, Reading
from interviews.readers.subtitles import Piece, merge_pieces

# A "Key: value" inside a value: "Datum: 3 april 2025. Interviewer: E. Smits." is a note, not metadata.
_ANOTHER_KEY = re.compile(r"[.;,]\s+[A-Z][^.:;]{0,30}:\s")
# Header cells of a speaker | text table (lower case). One list: Dutch and English words.
TABLE_HEADERS = frozenset({"spreker", "sprekers", "naam", "wie", "persoon", "rol", "speaker", "name",
                           "tekst", "text", "uitspraak", "inhoud", "transcript", "transcriptie"})


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

    Headings and empty paragraphs are skipped. A bold prefix of label shape becomes the block's label.
    """
    meta: list[MetaField] = []
    blocks: list[Block] = []
    in_header = True
    for para in paras:
        text = para.text.strip()
        if not text or para.heading:
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


@dataclass(frozen=True)
class TableLayout:
    """A hand-typed table with two columns, speaker | text (NVivo's table import layout).

    A header row (all bold, or header words such as "Spreker | Tekst") is skipped; an empty speaker
    cell continues the previous speaker; a cell's paragraphs are joined with a space; consecutive rows
    of one speaker merge. Paragraphs outside the table (a title, a note, "[einde opname]") must be
    short: they are not turns.
    """

    rows: tuple[Row, ...]
    name: str = "tabel 'spreker | tekst'"

    def read(self, blocks: Sequence[Block]) -> Reading | Miss | None:
        rows = [row for row in self.rows if len(row.cells) == 2]
        if len(rows) < 2:
            return None
        pieces: list[Piece] = []
        speaker: str | None = None
        for i, row in enumerate(rows):
            who, said = clean(row.cells[0]), clean(row.cells[1])
            if i == 0 and (row.bold or {who.lower(), said.lower()} <= TABLE_HEADERS):
                continue
            if who:
                label = who.rstrip(":").strip()
                if not is_candidate(label):
                    return Miss(self.name, row.number, f"tabelrij {row.number}: de eerste kolom is geen spreker",
                                len(rows))
                speaker = " ".join(label.split())
            elif speaker is None:
                return Miss(self.name, row.number, f"tabelrij {row.number}: tekst zonder spreker", len(rows))
            if said:
                pieces.append(Piece(speaker, None, said, row.number))  # type: ignore[arg-type]
        outside = [b for b in blocks if not (len(b.lines) <= 3 and all(len(x.text.split()) <= 25 for x in b.lines))]
        if len(blocks) > 8 or outside:
            where = (outside or list(blocks))[0].lines[0].number
            return Miss(self.name, where, "lange tekst buiten de tabel", len(rows))
        return Reading(self.name, merge_pieces(pieces, False)) if pieces else None
