"""Reader for a transcript kept as a spreadsheet and saved as .csv (Excel, LibreOffice Calc).

Layout: a header row whose cells are all column names of a transcript table (`Spreker;Tekst`, or with
a time column `Tijd;Spreker;Tekst`; the words of `paragraphs.TABLE_HEADERS`, any case), then one row
per turn, read as a Word table is (`paragraphs.TableLayout`: an empty speaker cell continues the
speaker above; consecutive rows of one speaker merge; a time cell is the turn's start). The separator
is found from the header row: `;` (Dutch Excel, "CSV (gescheiden door lijstscheidingsteken)"), `,` or
a tab. Windows-1252 ("ANSI"), UTF-8 with or without BOM and UTF-16 are decoded by
`interviews.encoding`. Line breaks inside a quoted cell are lines of that cell. Empty rows and empty
trailing cells (`;;`) are skipped. `metadata.csv` is never a transcript (the corpus skips it).

A .csv without such a header row (a list of participants, a survey export) is refused (N116, line 1)
rather than read as speech; a row whose quotes are not closed is refused (N116, its line).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from interviews.encoding import decode_text
from interviews.readers.base import RawDocument
from interviews.readers.errors import InputError
from interviews.readers.layouts import Reading
from interviews.readers.paragraphs import TABLE_HEADERS, Row, TableLayout

_SEPARATORS = (";", "\t", ",")


@dataclass(frozen=True)
class CsvReader:
    """Reads a Spreker;Tekst (or Tijd;Spreker;Tekst) table saved as .csv; see the module docstring."""

    format: str = "csv"

    def read(self, path: Path, data: bytes) -> RawDocument:
        source = path.as_posix()
        text = decode_text(data, source).text
        first = next((line for line in text.split("\n") if line.strip()), "")
        separator = max(_SEPARATORS, key=first.count)
        header = [cell.strip().strip('"').strip().lower() for cell in first.split(separator)]
        while header and not header[-1]:
            header.pop()
        if not 2 <= len(header) <= 3 or not set(header) <= TABLE_HEADERS:
            raise InputError("N116", path=source, line=1, detail=(
                "een .csv wordt als transcript gelezen met een kopregel 'Spreker;Tekst' of 'Tijd;Spreker;Tekst'; "
                "deze kopregel heeft andere kolommen"))
        rows: list[Row] = []
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator, strict=True)
        end = 0
        try:
            for cells in reader:
                number, end = end + 1, reader.line_num  # the line a row starts on (a cell may hold line breaks)
                while cells and not cells[-1].strip():
                    cells.pop()
                if not cells:
                    continue
                cells += [""] * (len(header) - len(cells))  # "Anna;" : an empty text cell
                rows.append(Row(number, tuple(tuple(part.strip() for part in cell.split("\n") if part.strip())
                                              for cell in cells)))
        except csv.Error:
            raise InputError("N116", path=source, line=end + 1, detail=(
                "een cel van deze regel heeft een aanhalingsteken dat niet gesloten wordt")) from None
        wide = next((row for row in rows if len(row.cells) > len(header)), None)
        if wide is not None:
            raise InputError("N116", path=source, line=wide.number, detail=(
                f"deze regel heeft {len(wide.cells)} kolommen, de kopregel {len(header)}"))
        reading = TableLayout(tuple(rows)).read(())
        if not isinstance(reading, Reading):
            line = reading.line if reading is not None else 1
            raise InputError("N116", path=source, line=line, detail=(
                f"past niet als tabel 'Spreker;Tekst': {reading.reason}" if reading is not None
                else "geen rijen met een spreker en tekst onder de kopregel"))
        return RawDocument((), reading.turns, f"{reading.layout} (.csv, scheidingsteken '{separator}')")
