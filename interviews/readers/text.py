"""Reader for .txt and .md transcripts.

Layout: optional YAML front matter between `---` lines (year, type, wijk, date, title; Dutch keys
jaar/datum/titel also work) or, without front matter, leading lines `Jaar: 2025`, `Type: wijk`, ...
Then the transcript in one of the layouts of `interviews.readers.layouts` (Otter, Zoom's saved
captions, Amberscript, hand-typed `I:`/`R1:` with wrapped lines), or one speaker turn per paragraph
(blank-line separated): `Label: text`, optionally preceded by `[00:12:31]`; see
`interviews.readers.labels` for what counts as a label. Short lines above the first label (a title,
"Uitgewerkt door: ...") are the file's header, not turns. UTF-16 (Word's "Platte tekst" in
"Unicode") is decoded by `interviews.encoding`. Markdown headings (`# ...`) and horizontal
rules are ignored, and emphasis around a label (`**Sanne:**`) is stripped. A pipe table
`| Spreker | Tekst |` (or with a time column) is read as a Word table is. A meeting tool's notes above
the transcript (Google Meet's "Notities van Gemini", `interviews.readers.notes`) are left out. A
chat exported from WhatsApp is read as a written conversation (`interviews.readers.chat`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from interviews.encoding import decode_text
from interviews.metadata import canonical_key, parse_meta_line
from interviews.readers.base import MetaField, RawDocument
from interviews.readers.chat import ChatExportLayout
from interviews.readers.errors import InputError
from interviews.readers.labels import Block, Line
from interviews.readers.layouts import PARAGRAPH_LAYOUTS, LabelLayout, choose
from interviews.readers.notes import NOTES_SKIPPED, transcript_start
from interviews.readers.paragraphs import Row, TableLayout

_HEADING = re.compile(r"^\s{0,3}#{1,6}(\s|$)")
_RULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
# A line number before a line of a line-numbered transcript: "  7  R: tekst", "12\ttekst".
_LINE_NUMBER = re.compile(r"^\s*(?P<n>\d{1,5})(?: {2,}|\t)\s*(?P<text>\S.*)$")
_KEY_LINE = re.compile(r"^([A-Za-z]+)\s*:")
# A Markdown (pipe) table: rows `| Anouk | Goedemorgen |`, the rule under the header `|---|:--|`.
_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_TABLE_RULE = re.compile(r"^\s*\|[\s|:-]*-[\s|:-]*\|\s*$")
_EMPHASIS_CELL = re.compile(r"^(\*\*|__|\*|_)(.+?)\1$")


@dataclass(frozen=True)
class TextReader:
    """Reads plain text (`format="txt"`) or Markdown (`format="md"`)."""

    format: str = "txt"

    def read(self, path: Path, data: bytes) -> RawDocument:
        source = path.as_posix()
        lines = decode_text(data, source).text.split("\n")
        meta, start = _front_matter(lines, source)
        if not meta:
            meta, start = _leading_meta_lines(lines, source)
        blocks: list[Block] = []
        rows: list[Row] = []
        current: list[Line] = []
        # a meeting tool's notes above the transcript: not speech
        notes = transcript_start(lines[start:], range(start + 1, len(lines) + 1), source)
        if notes is not None:
            start += notes + 1
        body, numbered = _strip_line_numbers(lines[start:])
        tabbed = _tab_rows(body)
        for number, text in enumerate(body, start=start + 1):
            skip = self.format == "md" and (_HEADING.match(text) or _RULE.match(text))
            table = _TABLE_ROW.match(text)
            if number - start - 1 in tabbed:
                if current:
                    blocks.append(Block(tuple(current)))
                current = []
                rows.append(Row(len(rows) + 1, tuple((cell.strip(),) for cell in text.split("\t")), False))
            elif not text.strip() or skip or table:
                if current:
                    blocks.append(Block(tuple(current)))
                current = []
                if table and not _TABLE_RULE.match(text):
                    header = number - start < len(body) and bool(_TABLE_RULE.match(body[number - start]))
                    rows.append(_row(len(rows) + 1, text, header))
            else:
                current.append(Line(number, text.strip()))
        if current:
            blocks.append(Block(tuple(current)))
        layouts = ((TableLayout(tuple(rows)),) if rows else ()) + (ChatExportLayout(),) + PARAGRAPH_LAYOUTS
        reading = choose(blocks, layouts, LabelLayout(drop_preamble=True), source)
        said = (NOTES_SKIPPED if notes is not None else "") + (
            f"regelnummers voor de regels weggelaten ({numbered} regels); " if numbered else "")
        return RawDocument(tuple(meta), reading.turns, said + reading.layout, reading.clock_time)


def _strip_line_numbers(body: list[str]) -> tuple[list[str], int]:
    """The body without the line numbers of a line-numbered transcript, and how many were dropped.

    Transcripts prepared for analysis on paper number every line ("  7  R: De meesten wel.", a number,
    then two spaces or a tab). Numbers are taken away only when at least three lines and nearly all
    (90%) non-blank lines from the first numbered one on carry one (a title above may be unnumbered) and
    they count up by one from line to line; a single "12  keer"
    in the speech, or numbers that do not count on, stay text.
    """
    found = [(i, _LINE_NUMBER.match(text)) for i, text in enumerate(body) if text.strip()]
    first = next((k for k, (_, m) in enumerate(found) if m), len(found))
    found = found[first:]  # a title above the numbered lines is the header
    numbered = [(i, m) for i, m in found if m]
    if len(numbered) < 3 or len(numbered) < 0.9 * len(found):
        return body, 0
    values = [int(m.group("n")) for _, m in numbered]
    if any(b != a + 1 for a, b in zip(values, values[1:])):
        return body, 0
    stripped = list(body)
    for i, m in numbered:
        stripped[i] = m.group("text")
    return stripped, len(numbered)


def _tab_rows(body: list[str]) -> frozenset[int]:
    """The lines of a table saved as plain text (Word: one row per line, cells separated by a tab).

    At least two lines, one after the other (blank lines aside), each with the same number of cells,
    two or three (speaker | text, or with a time column); otherwise none.
    """
    found = [i for i, text in enumerate(body) if "\t" in text.strip("\r\n ")]
    if len(found) < 2 or len({body[i].count("\t") for i in found}) != 1 or body[found[0]].count("\t") not in (1, 2):
        return frozenset()
    rows = frozenset(found)
    if any(body[i].strip() for i in range(found[0], found[-1] + 1) if i not in rows):
        return frozenset()
    return rows


def _row(number: int, text: str, header: bool) -> Row:
    """A Markdown table row `| Anouk | Goedemorgen |`; emphasis around a cell is dropped."""
    cells = [cell.strip() for cell in text.strip().strip("|").split("|")]
    return Row(number, tuple((_EMPHASIS_CELL.sub(r"\2", cell),) for cell in cells), header)


def _front_matter(lines: list[str], source: str) -> tuple[list[MetaField], int]:
    """Fields of a YAML front matter block and the index of the first body line."""
    if not lines or lines[0].strip() != "---":
        return [], 0
    end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
    if end is None:
        raise InputError("N112", path=source, line=1,
                         detail="front matter is niet afgesloten met een regel '---'")
    try:
        loaded = yaml.safe_load("\n".join(lines[1:end]))
    except (yaml.YAMLError, ValueError) as exc:  # ValueError: an impossible date such as 2025-13-45
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        raise InputError("N112", path=source, line=line, detail=(
            "front matter is geen geldige YAML; zet waarden met een ':' tussen aanhalingstekens")) from None
    if loaded is None:
        return [], end + 1
    if not isinstance(loaded, dict):
        raise InputError("N112", path=source, line=2, detail="front matter moet 'sleutel: waarde'-regels bevatten")
    key_lines = {}
    for i in range(1, end):
        match = _KEY_LINE.match(lines[i])
        if match:
            key_lines.setdefault(match.group(1).lower(), i + 1)
    fields = []
    for key, value in loaded.items():
        name = canonical_key(str(key))
        if name is None or name == "file" or value is None:
            continue
        if isinstance(value, dt.datetime):
            value = value.date()
        shown = value.isoformat() if isinstance(value, dt.date) else str(value)
        fields.append(MetaField(name, shown, source, key_lines.get(str(key).lower())))
    return fields, end + 1


def _leading_meta_lines(lines: list[str], source: str) -> tuple[list[MetaField], int]:
    """`Jaar: 2025`-style lines at the top of a file without front matter."""
    fields: list[MetaField] = []
    index = 0
    for index, text in enumerate(lines):
        if not text.strip():
            continue
        field = parse_meta_line(text, source, index + 1)
        if field is None:
            break
        fields.append(field)
    else:
        index = len(lines)
    return fields, (index if fields else 0)
