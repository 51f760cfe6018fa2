"""Reader for Rich Text Format (.rtf): WordPad, Word's "Save as RTF", TextEdit, LibreOffice.

The RTF is turned into the paragraphs (with bold runs) and table rows that the .docx and .odt readers
give, and read with the same layouts (`interviews.readers.paragraphs`, `interviews.readers.layouts`):
leading `Jaar: 2025` paragraphs are metadata, then `Naam: tekst` paragraphs (a bold label works without
a colon), a table speaker | text, or one of the tools' layouts. As in .odt, short paragraphs above the
first label (a title) are no turns and a paragraph without a label continues the speaker.

What is read (RTF 1.9.1): text and `\\par`/`\\line`/`\\tab`; code-page escapes `\\'e9` under
`\\ansicpg1252` (also `\\mac`, `\\pc`, `\\pca`; raw 8-bit bytes likewise); `\\uN` escapes, skipping the
fallback characters that follow them (`\\ucN`, default 1); the named characters (`\\rquote`, `\\endash`,
...); tables (`\\cell`, `\\row`; paragraphs inside a cell join with a space), also a table inside a
cell (Word's "Tabel in tabel": `\\itapN`, `\\nestcell`, `\\nestrow` in `{\\*\\nesttableprops}`; its rows come
before the row holding it; `{\\nonesttables}` is skipped); bold (`\\b`, `\\b0`,
`\\plain`). Not read: hidden text (`\\v`), the deleted text of tracked changes (`\\deleted`), the header
groups and destinations (font, colour and style tables, `\\info`, headers and footers, footnotes,
comments, pictures, drawing objects, field instructions and every `{\\*\\...}` group) and list numbers
(`\\pntext`, `\\listtext`). Headings (`\\outlinelevel0`-`8`) are skipped as in .docx. The "line" of a
turn is its paragraph number, as for .docx (the row number for a table).

Example:
    >>> paras, rows = parse(rb"{\\rtf1\\ansi\\ansicpg1252{\\fonttbl{\\f0 Arial;}}\\b Sanne:\\b0  Caf\\'e9\\par}", "a.rtf")
    >>> paras[0].text, paras[0].runs
    ('Sanne: Café', (('Sanne:', True), (' Café', False)))
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from pathlib import Path

from interviews.readers.base import RawDocument
from interviews.readers.errors import InputError
from interviews.readers.layouts import PARAGRAPH_LAYOUTS, LabelLayout, choose
from interviews.readers.notes import drop_meeting_notes
from interviews.readers.paragraphs import Para, Row, TableLayout, paragraph_blocks

_TOKEN = re.compile(
    r"\\(?P<word>[a-zA-Z]{1,32})(?P<arg>-?\d{1,10})? ?"  # a control word; one space after it is its delimiter
    r"|\\'(?P<hex>[0-9a-fA-F]{2})"  # a byte in the document's code page
    r"|\\(?P<symbol>[^a-zA-Z'])"  # a control symbol: \\ \{ \} \~ \- \_ \* and \<newline> (= \par)
    r"|(?P<brace>[{}])"
    r"|(?P<newline>[\r\n]+)"  # line breaks in the source are no text
    r"|(?P<text>[^\\{}\r\n]+)",
    re.S,
)
# Groups whose content is no text of the document (their first control word names them).
_SKIP = frozenset("""
    fonttbl colortbl stylesheet info listtable listoverridetable rsidtbl revtbl filetbl generator
    xmlnsdecl themedata colorschememapping latentstyles datastore template userprops docvar private
    header headerl headerr headerf footer footerl footerr footerf footnote annotation atnid atnauthor
    pict shp shpinst shppict nonshppict object objdata fldinst pntext pntxta pntxtb listtext
    bkmkstart bkmkend mmathPr defchp defpap pgdsctbl expandedcolortbl nonesttables
""".split())
# The one ignorable destination ({\*\...}) that is read: a nested table's row end is inside it.
_READ_DESTINATIONS = frozenset({"nesttableprops"})
_PARAGRAPH_ENDS = frozenset({"par", "sect", "page"})
_CHARACTERS = {
    "line": "\n", "tab": "\t", "emdash": "\u2014", "endash": "\u2013", "emspace": " ", "enspace": " ",
    "qmspace": " ", "lquote": "\u2018", "rquote": "\u2019", "ldblquote": "\u201c", "rdblquote": "\u201d",
    "bullet": "\u2022", "zwj": "", "zwnj": "", "ltrmark": "", "rtlmark": "",
}
_SYMBOLS = {"\\": "\\", "{": "{", "}": "}", "~": "\u00a0", "-": "", "_": "\u2011", "\n": None, "\r": None}
# Control words still obeyed inside hidden or deleted text: they end it, or end its paragraph, cell or row.
_STATE = frozenset({"v", "deleted", "plain", "par", "cell", "row", "nestcell", "nestrow", "pard", "intbl", "itap",
                    "uc"})
_CODE_PAGES = {"mac": "mac_roman", "pc": "cp437", "pca": "cp850", "ansi": "cp1252"}


@dataclass(frozen=True)
class RtfReader:
    """Reads .rtf documents."""

    format: str = "rtf"

    def read(self, path: Path, data: bytes) -> RawDocument:
        source = path.as_posix()
        paras, rows = parse(data, source)
        paras, notes = drop_meeting_notes(paras, source)
        meta, blocks = paragraph_blocks(paras, source)
        layouts = ((TableLayout(rows),) if rows else ()) + PARAGRAPH_LAYOUTS
        reading = choose(blocks, layouts, LabelLayout(drop_preamble=True, merge=True), source)
        return RawDocument(tuple(meta), reading.turns, notes + reading.layout, reading.clock_time)


@dataclass
class _Group:
    skip: bool = False
    uc: int = 1  # fallback characters after \uN
    bold: bool = False
    hidden: bool = False  # hidden text (\v) or a tracked deletion (\deleted): not what the reader sees
    fresh: bool = True  # nothing read in the group yet: its first control word may name a destination
    starred: bool = False  # {\*\...}: skipped, unless the destination is one that is read


@dataclass
class _Document:
    """What the parser has built so far: paragraphs outside tables, rows, and the open paragraph/cell/row."""

    code_page: str = "cp1252"
    paras: list[Para] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    runs: list[list] = field(default_factory=list)  # [text, bold] of the open paragraph
    pending: bytearray = field(default_factory=bytearray)  # code-page bytes not yet decoded
    pending_bold: bool = False
    in_table: bool = False  # \intbl: the open paragraph belongs to a table cell
    depth: int = 0  # \itapN: the table nesting level of the open paragraph (0: unknown, 1 with \intbl)
    heading: bool = False  # \outlinelevelN: the open paragraph is a heading (Word's "Kop 1", ...)
    cell: list[Para] = field(default_factory=list)
    cell_depths: list[int] = field(default_factory=list)  # the nesting level of each paragraph in `cell`
    cells: list[list[Para]] = field(default_factory=list)
    outer: list[tuple[list[Para], list[int], list[list[Para]]]] = field(default_factory=list)  # around a nested table
    number: int = 0

    def add(self, text: str, bold: bool) -> None:
        self.flush()
        if text:
            if self.runs and self.runs[-1][1] == bold:
                self.runs[-1][0] += text
            else:
                self.runs.append([text, bold])

    def add_bytes(self, data: bytes, bold: bool) -> None:
        """Text in the document's code page (plain ASCII, `\\'hh` escapes, raw 8-bit bytes)."""
        if self.pending and self.pending_bold != bold:
            self.flush()
        self.pending += data
        self.pending_bold = bold

    def flush(self) -> None:
        if self.pending:
            text = bytes(self.pending).decode(self.code_page, errors="replace")
            self.pending.clear()
            self.add(text, self.pending_bold)

    def end_paragraph(self) -> None:
        self.flush()
        runs = tuple((_surrogates(text), bold) for text, bold in self.runs)
        self.runs = []
        text = "".join(text for text, _ in runs)
        if self.in_table or self.cells or self.outer:
            self.cell.append(Para(0, text, runs))
            self.cell_depths.append(max(self.depth, 1))
        else:
            self.number += 1
            self.paras.append(Para(self.number, text, runs, self.heading))

    def end_cell(self, nested: bool = False) -> None:
        """End a cell (`\\cell`), or with `nested` a cell of a table inside a cell (`\\nestcell`)."""
        self.end_paragraph()
        if nested and not self.outer:
            # the first cell of a nested table: the paragraphs above it (outer level) stay with the outer cell
            keep = next((i for i in range(len(self.cell_depths), 0, -1) if self.cell_depths[i - 1] < 2), 0)
            self.outer.append((self.cell[:keep], self.cell_depths[:keep], self.cells))
            self.cell, self.cell_depths, self.cells = self.cell[keep:], self.cell_depths[keep:], []
        elif not nested and self.outer:
            self._close_nested()
        self.cells.append(self.cell)
        self.cell, self.cell_depths = [], []

    def end_row(self, nested: bool = False) -> None:
        """End a row (`\\row`), or with `nested` a row of a table inside a cell (`\\nestrow`).

        A nested table's rows come before the row of the cell that holds it, in the order they end.
        """
        self.flush()
        if self.runs:
            self.end_cell(nested)
        if not nested and self.outer:
            self._close_nested()
            if self.cell:
                self.cells.append(self.cell)
        cells = tuple(tuple(p.text for p in cell if p.text.strip()) for cell in self.cells)
        runs = [run for cell in self.cells for p in cell for run in p.runs if run[0].strip()]
        if any(cells):
            self.rows.append(Row(len(self.rows) + 1, cells, bool(runs) and all(bold for _, bold in runs)))
        self.cells, self.cell, self.cell_depths = [], [], []
        if nested and self.outer:
            self.cell, self.cell_depths, self.cells = self.outer.pop()

    def _close_nested(self) -> None:
        """An outer `\\cell` or `\\row` while a nested row is open (its `\\nestrow` missing): end that row;
        the open cell's paragraphs of the outer level go back to the outer cell."""
        inner = [p for p, depth in zip(self.cell, self.cell_depths) if depth >= 2]
        outer = [(p, depth) for p, depth in zip(self.cell, self.cell_depths) if depth < 2]
        if inner:
            self.cells.append(inner)
        self.cell, self.cell_depths = [], []
        self.end_row(nested=True)
        self.cell += [p for p, _ in outer]
        self.cell_depths += [depth for _, depth in outer]


def _surrogates(text: str) -> str:
    """Pairs of \\uN surrogates (an emoji as `\\u-10179\\u-8448`) joined into one character."""
    if not any("\ud800" <= ch <= "\udfff" for ch in text):
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", errors="replace")


def parse(data: bytes, source: str) -> tuple[list[Para], tuple[Row, ...]]:
    """Body paragraphs (numbered from 1, with bold runs) and table rows of an RTF document.

    Raises:
        InputError: N118 when the file does not start with `{\\rtf` or its braces do not balance.
    """
    text = data.decode("latin-1")  # one character per byte: the escapes are ASCII, raw bytes decoded below
    bom = 3 if text.startswith("\xef\xbb\xbf") else 0  # a UTF-8 byte-order mark
    start = len(text) - len(text[bom:].lstrip("\x00 \t\r\n"))
    if not text.startswith("{\\rtf", start):
        raise InputError("N118", path=source, line=1, detail=(
            "dit is geen RTF-bestand: het begint niet met '{\\rtf'"
            + ("; het lijkt een .docx-bestand met de naam .rtf" if data.startswith(b"PK") else "")))
    document = _Document()
    stack: list[_Group] = []
    skip_fallback = 0  # fallback characters still to skip after a \uN
    position = start
    while position < len(text):
        match = _TOKEN.match(text, position)
        if match is None:  # a lone backslash at the very end: the group stays open
            break
        position = match.end()
        kind = match.lastgroup
        if kind == "newline":
            continue
        if kind == "brace":
            skip_fallback = 0
            if match.group("brace") == "{":
                top = stack[-1] if stack else _Group()
                stack.append(_Group(top.skip, top.uc, top.bold, top.hidden))
                continue
            stack.pop()
            if stack:
                continue
            if text[position:].strip("\x00 \t\r\n"):  # the document's outermost group is closed
                raise InputError("N118", path=source, line=_line(text, position), detail=(
                    "de accolades { } zijn niet in evenwicht: er staat tekst na de afsluitende '}' van het document"))
            break
        group = stack[-1]
        fresh, group.fresh = group.fresh, False
        if kind == "symbol" and match.group("symbol") == "*" and fresh:
            group.skip = group.starred = group.fresh = True  # {\*\destination ...}: ignorable, not text
            continue
        word = match.group("word")
        if group.starred:
            group.starred = False
            parent = stack[-2] if len(stack) > 1 else _Group()
            if word in _READ_DESTINATIONS and not parent.skip:
                group.skip = False
        if word == "bin":  # binary data: skip its bytes, whatever the group
            position += max(int(match.group("arg") or 0), 0)
            continue
        if fresh and word in _SKIP:
            group.skip = True
        if group.skip or (group.hidden and word not in _STATE):
            continue
        if skip_fallback and kind != "text":
            skip_fallback -= 1  # a fallback \'hh or control word counts as one character
            continue
        if kind == "text":
            chunk = match.group("text")
            cut = min(skip_fallback, len(chunk))
            skip_fallback -= cut
            document.add_bytes(chunk[cut:].encode("latin-1"), group.bold)
        elif kind == "hex":
            document.add_bytes(bytes((int(match.group("hex"), 16),)), group.bold)
        elif kind == "symbol":
            symbol = _SYMBOLS.get(match.group("symbol"), "")
            if symbol is None:
                document.end_paragraph()  # "\" at the end of a source line (TextEdit) is \par
            else:
                document.add(symbol, group.bold)
        else:
            _control(document, group, stack, word, match.group("arg"))
            if word == "u" and match.group("arg"):
                skip_fallback = group.uc
    if stack:
        raise InputError("N118", path=source, line=_line(text, len(text)), detail=(
            f"de accolades {{ }} zijn niet in evenwicht: {len(stack)} groep(en) niet gesloten met '}}' "
            "(het bestand is afgekapt of beschadigd)"))
    document.flush()
    if any(text.strip() for text, _ in document.runs):
        document.end_paragraph()
    if document.cells:
        document.end_row()
    return document.paras, tuple(document.rows)


def _control(document: _Document, group: _Group, stack: list[_Group], word: str, arg: str | None) -> None:
    """Apply one control word outside a skipped group."""
    if word in _PARAGRAPH_ENDS:
        document.end_paragraph()
    elif word in _CHARACTERS:
        document.add(_CHARACTERS[word], group.bold)
    elif word == "u" and arg:
        value = int(arg)
        document.add(chr(value + 65536 if value < 0 else value), group.bold)
    elif word == "uc" and arg:
        group.uc = max(int(arg), 0)
    elif word == "b":
        group.bold = arg != "0"
    elif word == "plain":
        group.bold = group.hidden = False
    elif word in ("v", "deleted"):
        group.hidden = arg != "0"
    elif word == "cell" or word == "nestcell":
        document.end_cell(nested=word == "nestcell")
    elif word == "row" or word == "nestrow":
        document.end_row(nested=word == "nestrow")
    elif word == "intbl":
        document.in_table = True
    elif word == "itap":
        document.depth = int(arg or 0)
        document.in_table = document.in_table or document.depth > 0
    elif word == "pard":
        document.in_table = document.heading = False
        document.depth = 0
    elif word == "outlinelevel":
        document.heading = int(arg or 0) <= 8  # 9 is Word's "body text" level
    elif word == "ansicpg" and arg:
        name = f"cp{int(arg)}"
        try:
            codecs.lookup(name)
        except LookupError:
            return  # an unknown code page: keep the default
        document.flush()
        document.code_page = name
    elif word in _CODE_PAGES and len(stack) == 1:
        document.flush()
        document.code_page = _CODE_PAGES[word]


def _line(text: str, position: int) -> int:
    return text.count("\n", 0, position) + 1

