"""Human review: export a review workbook (.xlsx) and import the coders' decisions.

The workbook has three sheets:
- "Beoordeling": one row per segment with the machine's suggestions, scores and reasons, then per
  coder the columns "Thema's (<coder>)" and "Lenzen (<coder>)", and one column "Deelbaar" (ja/nee:
  the quote may be shared with the learning community).
- "Codeboek": id, name, kind, parent and definition of every code.
- "Uitleg": how to fill in the workbook.

Conventions a coder follows (also written on the "Uitleg" sheet):
- codes are code ids from the "Codeboek" sheet, separated by ';' or ','; case and spaces do not
  matter; themes and subcodes go in "Thema's", lenses in "Lenzen";
- "geen" (or "-") means: reviewed, no code applies; a row whose columns for a coder are both empty
  was not reviewed by that coder.

`import_review` returns the long table `human_codes.csv` uses: doc, turn, part, coder, code, where
a row with code "" records "reviewed, no code" (agreement needs to know what a coder reviewed).

Example:
    >>> export_review(segments, book, Path("output/review/beoordeling.xlsx"), coders=("anna", "bram"))
    >>> codes = import_review(Path("output/review/beoordeling.xlsx"), book)
"""

from __future__ import annotations

import difflib
import io
import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from codebook.errors import CodebookError
from nlp.io import write_bytes
from codebook.model import Codebook

REVIEW_SHEET = "Beoordeling"
CODEBOOK_SHEET = "Codeboek"
HELP_SHEET = "Uitleg"
BASE_HEADERS: tuple[str, ...] = ("Document", "Beurt", "Deel", "Spreker", "Jaar", "Type", "Wijk", "Tekst",
                                 "Voorgestelde thema's", "Voorgestelde lenzen", "Scores", "Toelichting")
SHAREABLE_HEADER = "Deelbaar"
CODES_COLUMNS: tuple[str, ...] = ("doc", "turn", "part", "coder", "code")
SHAREABLE_COLUMNS: tuple[str, ...] = ("doc", "turn", "part", "shareable")
NO_CODE = ("geen", "-")
_CODER_RE = re.compile(r"^(thema's|lenzen)\s*\((.+)\)$", re.IGNORECASE)
_SAFE_VALUE_RE = re.compile(r"^[a-z0-9._-]{1,40}$")
_YES = ("ja", "j", "yes", "y", "x", "1", "waar", "true")
_NO = ("nee", "n", "no", "0", "onwaar", "false")


@dataclass(frozen=True)
class ReviewImport:
    """What a filled-in review workbook holds.

    Attributes:
        codes: doc, turn, part, coder, code (code "" = reviewed, no code).
        shareable: doc, turn, part, shareable (bool) for every row with "ja" or "nee" in "Deelbaar".
    """

    codes: pd.DataFrame
    shareable: pd.DataFrame


def theme_column(coder: str) -> str:
    return f"Thema's ({coder})"


def lens_column(coder: str) -> str:
    return f"Lenzen ({coder})"


def export_review(segments: pd.DataFrame, codebook: Codebook, path: Path,
                  coders: Sequence[str] = ("codeur1",)) -> Path:
    """Write the review workbook for `segments` (the `output/segments.csv` table), atomically.

    Args:
        segments: doc, turn, part, text required; speaker, year, type, wijk, themes, lenses,
            score_<code id>, reasons used when present.
        codebook: the codebook (second sheet, validation hints).
        path: destination .xlsx.
        coders: names of the coders; each gets a themes and a lenses column.

    Returns:
        The path written.

    Raises:
        CodebookError: N332 when a required column is missing or a coder name is empty/duplicate.
    """
    missing = [c for c in ("doc", "turn", "part", "text") if c not in segments.columns]
    if missing:
        raise CodebookError("N332", f"segmententabel mist kolom(men): {', '.join(missing)}")
    names = [str(c).strip() for c in coders]
    if not names or any(not n or "(" in n or ")" in n for n in names) or len(set(names)) != len(names):
        raise CodebookError("N332", "geef een of meer verschillende codeursnamen, zonder haakjes")
    score_cols = [c for c in segments.columns if str(c).startswith("score_")]

    wb = Workbook()
    ws = wb.active
    ws.title = REVIEW_SHEET
    headers = list(BASE_HEADERS)
    for name in names:
        headers += [theme_column(name), lens_column(name)]
    headers.append(SHAREABLE_HEADER)
    ws.append(headers)
    for row in segments.itertuples(index=False, name=None):
        rec = dict(zip(segments.columns, row))
        values: list[Any] = [
            str(rec["doc"]), int(rec["turn"]), int(rec["part"]), _text(rec.get("speaker")),
            _int_or_blank(rec.get("year")), _text(rec.get("type")), _text(rec.get("wijk")),
            _text(rec.get("text")), _text(rec.get("themes")), _text(rec.get("lenses")),
            _scores(rec, score_cols), _reasons(rec.get("reasons")),
        ]
        values += [None] * (2 * len(names)) + [None]
        ws.append(values)
        for cell in ws[ws.max_row]:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # never a formula, whatever the text starts with
    _style_review(ws, headers, names)
    _codebook_sheet(wb, codebook)
    _help_sheet(wb, names)
    buffer = io.BytesIO()
    wb.save(buffer)
    return write_bytes(Path(path), buffer.getvalue())


def _text(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value)


def _int_or_blank(value: Any) -> int | str:
    try:
        return int(value)
    except (TypeError, ValueError):
        return ""


def _scores(rec: dict[str, Any], score_cols: list[str]) -> str:
    pairs = []
    for col in score_cols:
        try:
            value = float(rec[col])
        except (TypeError, ValueError):
            continue
        if value > 0 and not math.isnan(value):
            pairs.append((value, col[len("score_"):]))
    pairs.sort(reverse=True)
    return "; ".join(f"{code} {value:.2f}" for value, code in pairs[:6])


def _reasons(value: Any) -> str:
    text = _text(value)
    if not text:
        return ""
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        return text
    if isinstance(data, dict):
        return "; ".join(f"{k}: {v}" for k, v in data.items())
    return text


def _style_review(ws: Any, headers: list[str], coders: list[str]) -> None:
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="FFF2CC")
    widths = {"Tekst": 70, "Toelichting": 40, "Scores": 28, "Document": 22}
    for index, header in enumerate(headers, start=1):
        letter = get_column_letter(index)
        ws.cell(row=1, column=index).font = bold
        ws.column_dimensions[letter].width = widths.get(header, 16 if index > 12 else 12)
        if index > len(BASE_HEADERS):
            ws.cell(row=1, column=index).fill = fill
    wrap = Alignment(wrap_text=True, vertical="top")
    text_col = headers.index("Tekst") + 1
    for row in ws.iter_rows(min_row=2, min_col=text_col, max_col=text_col):
        row[0].alignment = wrap
    ws.freeze_panes = "I2"
    ws.auto_filter.ref = ws.dimensions
    last = max(ws.max_row, 2)
    for index, header in enumerate(headers, start=1):
        letter = get_column_letter(index)
        if header == SHAREABLE_HEADER:
            dv = DataValidation(type="list", formula1='"ja,nee"', allow_blank=True,
                                promptTitle="Deelbaar", prompt="ja: citaat mag naar de lerende "
                                "gemeenschap; nee of leeg: niet delen")
        elif index > len(BASE_HEADERS):
            kind = "thema's/subcodes" if header.lower().startswith("thema") else "lenzen"
            dv = DataValidation(type="custom", formula1="TRUE", allow_blank=True, showErrorMessage=False,
                                promptTitle="Codes", prompt=f"Code-id's ({kind}) uit blad Codeboek, "
                                "gescheiden door ; - 'geen' = bekeken, geen code")
        else:
            continue
        dv.showInputMessage = True
        dv.add(f"{letter}2:{letter}{last}")
        ws.add_data_validation(dv)


def _codebook_sheet(wb: Workbook, codebook: Codebook) -> None:
    ws = wb.create_sheet(CODEBOOK_SHEET)
    ws.append(["id", "naam", "soort", "hoort bij", "kolom", "definitie"])
    kinds = {"theme": "thema", "subcode": "subcode", "lens": "lens"}
    for code in codebook.codes:
        column = "Lenzen" if code.kind == "lens" else "Thema's"
        ws.append([code.id, code.name, kinds.get(code.kind, code.kind), code.parent or "", column,
                   code.definition])
    for letter, width in zip("ABCDEF", (32, 45, 10, 18, 10, 90)):
        ws.column_dimensions[letter].width = width
    for cell in ws[1]:
        cell.font = Font(bold=True)


def _help_sheet(wb: Workbook, coders: list[str]) -> None:
    ws = wb.create_sheet(HELP_SHEET)
    lines = [
        "Beoordelen van de voorgestelde codes",
        "",
        "Elke regel in blad Beoordeling is een segment (een spreekbeurt of een deel daarvan).",
        "De kolommen 'Voorgestelde thema's', 'Voorgestelde lenzen', 'Scores' en 'Toelichting' zijn "
        "de suggesties van narratief; laat die staan.",
        f"Codeurs: {', '.join(coders)}. Vul per codeur de kolommen Thema's (naam) en Lenzen (naam).",
        "Gebruik de code-id's uit blad Codeboek (bijvoorbeeld school of school.verzuim), gescheiden "
        "door ; of ,. Hoofdletters en spaties maken niet uit.",
        "Thema's en subcodes horen in de kolom Thema's, resultaat/opbrengst/bijsturen in Lenzen.",
        "Schrijf 'geen' als u het segment hebt bekeken en er geen code past. Laat beide kolommen "
        "leeg als u het segment niet hebt bekeken.",
        "Deelbaar: 'ja' als het citaat (gepseudonimiseerd) gedeeld mag worden met de lerende "
        "gemeenschap, anders 'nee' of leeg.",
        "Verander de kolommen Document, Beurt en Deel niet: daarmee vindt narratief het segment terug.",
    ]
    for line in lines:
        ws.append([line])
    ws.column_dimensions["A"].width = 120
    ws["A1"].font = Font(bold=True)


def import_review(path: Path, codebook: Codebook) -> pd.DataFrame:
    """Read the coders' codes from a filled-in review workbook.

    Returns:
        Long table with columns doc, turn, part, coder, code (code "" = reviewed, no code).

    Raises:
        CodebookError: N330 (file, sheet or columns missing), N331 (a cell holds an invalid value;
            the message names the cell, e.g. "beoordeling.xlsx, cel M12: onbekende code 'scool'").
    """
    return read_review(path, codebook).codes


def read_review(path: Path, codebook: Codebook) -> ReviewImport:
    """Like `import_review`, but also returns the "Deelbaar" table (see `ReviewImport`)."""
    path = Path(path)
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except FileNotFoundError:
        raise CodebookError("N330", "beoordelingsbestand niet gevonden", path=path) from None
    except Exception as exc:  # openpyxl raises many kinds for a damaged or non-xlsx file
        raise CodebookError("N330", f"geen leesbaar .xlsx-bestand ({type(exc).__name__})",
                            path=path) from None
    try:
        if REVIEW_SHEET not in wb.sheetnames:
            raise CodebookError("N330", f"blad '{REVIEW_SHEET}' ontbreekt", path=path)
        rows = list(wb[REVIEW_SHEET].iter_rows(values_only=True))
    finally:
        wb.close()
    if not rows:
        raise CodebookError("N330", f"blad '{REVIEW_SHEET}' is leeg", path=path)
    header = [_norm_header(h) for h in rows[0]]
    col = {h: i for i, h in enumerate(header) if h}
    for needed in ("Document", "Beurt", "Deel"):
        if needed not in col:
            raise CodebookError("N330", f"kolom '{needed}' ontbreekt in blad '{REVIEW_SHEET}'", path=path)
    coder_cols: list[tuple[str, str, int]] = []  # (coder, "theme" | "lens", column index)
    for i, h in enumerate(header):
        match = _CODER_RE.match(h or "")
        if match:
            kind = "theme" if match.group(1).lower().startswith("thema") else "lens"
            coder_cols.append((match.group(2).strip(), kind, i))
    if not coder_cols:
        raise CodebookError("N330", "geen codeurskolommen gevonden (zoals \"Thema's (naam)\")", path=path)
    share_col = col.get(SHAREABLE_HEADER)

    valid = {c.id: c.kind for c in codebook.codes}
    code_rows: list[tuple[str, int, int, str, str]] = []
    share_rows: list[tuple[str, int, int, bool]] = []
    seen: dict[tuple[str, int, int], int] = {}
    for r, row in enumerate(rows[1:], start=2):
        if row is None or all(v is None or str(v).strip() == "" for v in row):
            continue
        doc = _cell(row, col["Document"])
        if not doc:
            raise CodebookError("N331", "Document is leeg", path=_where(path, col["Document"], r))
        turn = _int_cell(row, col["Beurt"], path, r)
        part = _int_cell(row, col["Deel"], path, r)
        key = (doc, turn, part)
        if key in seen:
            raise CodebookError("N331", f"segment staat dubbel (ook op regel {seen[key]})",
                                path=_where(path, col["Document"], r))
        seen[key] = r
        reviewed: dict[str, list[str]] = {}
        for coder, kind, i in coder_cols:
            raw = _cell(row, i)
            if not raw:
                continue
            reviewed.setdefault(coder, [])
            for value in _split(raw):
                if value in NO_CODE:
                    continue
                if value not in valid:
                    raise CodebookError("N331", _unknown(value, valid), path=_where(path, i, r))
                is_lens = valid[value] == "lens"
                if is_lens != (kind == "lens"):
                    where_to = "Lenzen" if is_lens else "Thema's"
                    raise CodebookError("N331", f"code '{value}' hoort in de kolom {where_to}",
                                        path=_where(path, i, r))
                if value not in reviewed[coder]:
                    reviewed[coder].append(value)
        for coder, values in reviewed.items():
            if values:
                code_rows.extend((doc, turn, part, coder, v) for v in values)
            else:
                code_rows.append((doc, turn, part, coder, ""))
        if share_col is not None:
            raw = _cell(row, share_col).lower()
            if raw:
                if raw in _YES:
                    share_rows.append((doc, turn, part, True))
                elif raw in _NO:
                    share_rows.append((doc, turn, part, False))
                else:
                    raise CodebookError("N331", "Deelbaar moet 'ja' of 'nee' zijn",
                                        path=_where(path, share_col, r))
    codes = pd.DataFrame(code_rows, columns=list(CODES_COLUMNS))
    codes = codes.astype({"doc": str, "turn": int, "part": int, "coder": str, "code": str})
    shareable = pd.DataFrame(share_rows, columns=list(SHAREABLE_COLUMNS))
    shareable = shareable.astype({"doc": str, "turn": int, "part": int, "shareable": bool})
    return ReviewImport(codes=codes, shareable=shareable)


def codings_from_segments(segments: pd.DataFrame, coder: str = "machine") -> pd.DataFrame:
    """The automatic codes of `segments` (themes and lenses columns) as a long codings table.

    Every segment counts as reviewed by the machine: a segment without codes gives one row with
    code "". When the table has `machine_themes`/`machine_lenses` (the machine's own codes; on
    reviewed segments the cross-validated ones), those are used: `themes`/`lenses` of a reviewed
    segment are the reviewers' codes, and comparing those with the reviewers would be circular.
    """
    columns = ("machine_themes", "machine_lenses") if "machine_themes" in segments.columns else ("themes", "lenses")
    rows: list[tuple[str, int, int, str, str]] = []
    for rec in segments.to_dict("records"):
        values = [v for col in columns for v in _split(_text(rec.get(col))) if v]
        key = (str(rec["doc"]), int(rec["turn"]), int(rec["part"]))
        if values:
            rows.extend((*key, coder, v) for v in dict.fromkeys(values))
        else:
            rows.append((*key, coder, ""))
    return pd.DataFrame(rows, columns=list(CODES_COLUMNS)).astype(
        {"doc": str, "turn": int, "part": int, "coder": str, "code": str})


def _norm_header(value: Any) -> str:
    return re.sub(r"\s+", " ", str(value).replace("\u2019", "'").replace("\u2018", "'")).strip() \
        if value is not None else ""


def _cell(row: tuple[Any, ...], index: int) -> str:
    if index >= len(row) or row[index] is None:
        return ""
    value = row[index]
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _int_cell(row: tuple[Any, ...], index: int, path: Path, r: int) -> int:
    raw = _cell(row, index)
    try:
        return int(raw)
    except ValueError:
        raise CodebookError("N331", "verwacht een heel getal", path=_where(path, index, r)) from None


def _split(raw: str) -> list[str]:
    """'School ; grenzen.BOA,resultaat' -> ['school', 'grenzen.boa', 'resultaat']."""
    parts = re.split(r"[;,\n]+", raw.replace("\u2019", "'"))
    return [re.sub(r"\s*\.\s*", ".", p.strip()).lower() for p in parts if p.strip()]


def _where(path: Path, index: int, r: int) -> str:
    return f"{path}, cel {get_column_letter(index + 1)}{r}"


def _unknown(value: str, valid: dict[str, str]) -> str:
    if not _SAFE_VALUE_RE.match(value):
        return "onbekende waarde (geen code-id uit blad Codeboek)"
    close = difflib.get_close_matches(value, list(valid), n=1, cutoff=0.6)
    hint = f"; bedoelt u '{close[0]}'?" if close else "; zie blad Codeboek"
    return f"onbekende code '{value}'{hint}"
