"""Reader for .docx transcripts (python-docx).

Layout: leading paragraphs `Jaar: 2025`, `Type: wijk`, `Wijk: Helmond-Oost`, `Datum: 2025-04-02`,
`Titel: ...`; then the transcript in one of the layouts of `interviews.readers.layouts`: a Microsoft
Teams download (`Naam   0:03` and the speech in one paragraph, lines split by line breaks), Word's
Transcribe (`00:00:03 Speaker 1`, then the speech paragraph), Amberscript, a hand-typed two-column
table (speaker | text; also inside a cell of a layout table, "Tabel in tabel"), or one turn per
paragraph `Label: text` with the label possibly bold (a bold prefix followed by normal text counts as
a label even without a colon). Headings and empty
paragraphs are skipped. The "line" of a turn is its 1-based paragraph number in the document body
(the row number for a table). A meeting tool's notes above the transcript (Google Meet's "Notities
van Gemini") are left out (`interviews.readers.notes`). Text in tracked insertions, hyperlinks and content controls is read;
deleted text, text boxes, headers/footers and comments are not.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

import docx  # python-docx
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from interviews.readers.base import RawDocument
from interviews.readers.errors import InputError
from interviews.readers.layouts import PARAGRAPH_LAYOUTS, LabelLayout, choose
from interviews.readers.notes import drop_meeting_notes
from interviews.readers.paragraphs import Para, Row, TableLayout, paragraph_blocks

_HEADING_STYLES = ("Heading", "Title", "Kop", "Titel")
_OLE = bytes.fromhex("d0cf11e0a1b11ae1")  # the compound-file container of .doc and of encrypted .docx
# Body paragraphs in document order, also inside content controls (w:sdt); not in tables or text boxes.
_BODY_PARAGRAPHS = ".//w:p[not(ancestor::w:tbl) and not(ancestor::w:txbxContent)]"
# Runs a reader sees: also inside tracked insertions, hyperlinks and fields; not deleted or moved away.
_VISIBLE_RUNS = ".//w:r[not(ancestor::w:del) and not(ancestor::w:moveFrom) and not(ancestor::w:txbxContent)]"


@dataclass(frozen=True)
class DocxReader:
    """Reads Word documents."""

    format: str = "docx"

    def read(self, path: Path, data: bytes) -> RawDocument:
        source = path.as_posix()
        if not data.strip():
            raise InputError("N101", path=source, detail="het bestand is leeg")
        if data.startswith(_OLE):
            raise InputError("N103", path=source, detail=(
                "met een wachtwoord versleuteld, of een oud Word-bestand (.doc, Word 97-2003) met de naam .docx; "
                "open het in Word en bewaar het als .docx zonder wachtwoord"))
        try:
            document = docx.Document(io.BytesIO(data))
            # Style names by id, read once: `paragraph.style` searches every style for every paragraph.
            styles = {style.style_id: style.name or "" for style in document.styles}
            body = document.element.body.xpath(_BODY_PARAGRAPHS)
            paras = [_para(number, Paragraph(p, document), styles) for number, p in enumerate(body, start=1)]
            rows = _rows(document.tables)
        except Exception:  # python-docx raises zipfile, lxml, KeyError and its own errors
            raise InputError("N103", path=source, detail=(
                "geen geldig .docx-bestand (beschadigd of afgekapt); open en bewaar het opnieuw in Word"
            )) from None
        paras, notes = drop_meeting_notes(paras, source)
        meta, blocks = paragraph_blocks(paras, source)
        layouts = ((TableLayout(rows),) if rows else ()) + PARAGRAPH_LAYOUTS
        reading = choose(blocks, layouts, LabelLayout(), source)
        return RawDocument(tuple(meta), reading.turns, notes + reading.layout, reading.clock_time)


def _para(number: int, paragraph, styles: dict[str, str]) -> Para:
    style = styles.get(paragraph._p.style, "")  # no style id: the default paragraph style, not a heading
    runs = _runs(paragraph)
    return Para(number, "".join(run.text for run in runs), tuple((run.text, bool(run.bold)) for run in runs),
                style.startswith(_HEADING_STYLES))


def _runs(paragraph) -> list[Run]:
    """The paragraph's runs as the reader of the document sees them, in order.

    `paragraph.runs` of python-docx skips runs inside tracked insertions (`w:ins`), hyperlinks and
    fields, so a transcript corrected with Track Changes would silently lose words. Deleted text
    (`w:del`, `w:moveFrom`) and text boxes are left out.
    """
    return [Run(r, paragraph) for r in paragraph._p.xpath(_VISIBLE_RUNS)]


def _rows(tables, rows: list[Row] | None = None) -> tuple[Row, ...]:
    """The rows of the tables in order; a table inside a cell ("Tabel in tabel") gives its rows right
    after the row that holds it (a cell's own paragraphs do not include those of a nested table)."""
    rows = [] if rows is None else rows
    for table in tables:
        for row in table.rows:
            cells, seen, nested = [], set(), []
            for cell in row.cells:
                if id(cell._tc) in seen:  # a merged cell is repeated by python-docx
                    continue
                seen.add(id(cell._tc))
                cells.append(tuple("".join(run.text for run in _runs(p)) for p in cell.paragraphs))
                nested += cell.tables
            runs = [run for cell in row.cells for p in cell.paragraphs for run in _runs(p) if run.text.strip()]
            bold = bool(runs) and all(bool(run.bold) for run in runs)
            rows.append(Row(len(rows) + 1, tuple(cells), bold))
            _rows(nested, rows)
    return tuple(rows)
