"""Reader for OpenDocument text (.odt, LibreOffice Writer), with odfpy.

Layout as for .docx: leading paragraphs `Jaar: 2025`, ...; then `Naam: tekst` paragraphs (the name
often bold, a tab instead of a space after the colon works too) or one of the layouts of
`interviews.readers.layouts`. Headings are skipped (unless they are speaker headers); short
paragraphs before the first labelled paragraph (an intro line under the title) are not turns; a
paragraph without a label continues the previous speaker; a soft line break is a space. The "line"
of a turn is its paragraph number (headings counted).
A table speaker | text (or time | speaker | text) is read as in .docx. Frames, headers/footers,
footnotes, comments and the deleted text of tracked changes are not read.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from odf import teletype
from odf.element import Element
from odf.namespaces import DRAWNS, OFFICENS, TABLENS, TEXTNS
from odf.opendocument import load
from odf.table import TableRow
from odf.text import P
from odf.style import Style, TextProperties

from interviews.readers.base import RawDocument
from interviews.readers.errors import InputError
from interviews.readers.layouts import PARAGRAPH_LAYOUTS, LabelLayout, choose
from interviews.readers.notes import drop_meeting_notes
from interviews.readers.paragraphs import Para, Row, TableLayout, paragraph_blocks

_BOLD = {"bold", "600", "700", "800", "900"}


@dataclass(frozen=True)
class OdtReader:
    """Reads OpenDocument text files."""

    format: str = "odt"

    def read(self, path: Path, data: bytes) -> RawDocument:
        source = path.as_posix()
        try:
            document = load(io.BytesIO(data))
            bold = {style.getAttribute("name") for style in document.getElementsByType(Style)
                    if any((props.getAttribute("fontweight") or "") in _BOLD
                           for props in style.getElementsByType(TextProperties))}
            paras = [_para(number, p, bold) for number, p in enumerate(_body_paragraphs(document.text), start=1)]
            rows = _rows(document.text, bold)
        except Exception:  # zipfile, xml and odfpy's own errors
            raise InputError("N103", path=source, detail=(
                "geen geldig .odt-bestand (beschadigd of afgekapt); open en bewaar het opnieuw")) from None
        paras, notes = drop_meeting_notes(paras, source)
        meta, blocks = paragraph_blocks(paras, source)
        layouts = ((TableLayout(rows),) if rows else ()) + PARAGRAPH_LAYOUTS
        reading = choose(blocks, layouts, LabelLayout(drop_preamble=True, merge=True), source)
        return RawDocument(tuple(meta), reading.turns, notes + reading.layout, reading.clock_time)


# Not speech: deleted text of tracked changes, footnotes, comments and frames (text boxes, images).
_NOT_SPEECH = {(TEXTNS, "tracked-changes"), (TEXTNS, "note"), (OFFICENS, "annotation"), (DRAWNS, "frame")}
_WHITE = {(TEXTNS, "tab"): "\t", (TEXTNS, "line-break"): "\n"}


def _body_paragraphs(node: Element) -> list[Element]:
    """Body paragraphs and headings (text:h) in document order, not descending into tables."""
    found: list[Element] = []
    for child in node.childNodes:
        if child.nodeType != child.ELEMENT_NODE or child.qname[0] == TABLENS or child.qname in _NOT_SPEECH:
            continue
        if child.qname in ((TEXTNS, "p"), (TEXTNS, "h")):
            found.append(child)
        else:
            found += _body_paragraphs(child)
    return found


def _rows(node: Element, bold: set[str]) -> tuple[Row, ...]:
    """Rows of the document's tables (header rows included), cells as their paragraphs' texts."""
    rows: list[Row] = []
    for row in node.getElementsByType(TableRow):
        cells, runs = [], []
        for cell in row.childNodes:
            if cell.qname != (TABLENS, "table-cell"):
                continue  # covered (merged) cells hold no text of their own
            paragraphs = [_para(0, p, bold) for p in cell.getElementsByType(P)]
            cells.append(tuple(p.text for p in paragraphs))
            runs += [run for p in paragraphs for run in p.runs if run[0].strip()]
        rows.append(Row(len(rows) + 1, tuple(cells), bool(runs) and all(is_bold for _, is_bold in runs)))
    return tuple(rows)


def _para(number: int, paragraph: Element, bold: set[str]) -> Para:
    runs = []
    for child in paragraph.childNodes:
        if child.nodeType == child.TEXT_NODE:
            runs.append((str(child), False))
        elif child.qname not in _NOT_SPEECH:
            runs.append((_text(child), child.getAttrNS(TEXTNS, "style-name") in bold))
    return Para(number, _text(paragraph), tuple(runs), paragraph.qname == (TEXTNS, "h"))


def _text(node: Element) -> str:
    """The text of a paragraph as odfpy's `teletype.extractText`, without footnotes, comments, frames."""
    if node.nodeType == node.TEXT_NODE:
        return str(node)
    if node.qname in _NOT_SPEECH:
        return ""
    if node.qname == (TEXTNS, "s"):
        return " " * int(node.getAttrNS(TEXTNS, "c") or 1)
    if node.qname in _WHITE:
        return _WHITE[node.qname]
    return "".join(_text(child) for child in node.childNodes)
