"""Transcript metadata: field names, parsing of metadata lines, validation, metadata.csv.

Sources of metadata (the conventions of issue 2):
- .txt/.md YAML front matter (`year`, `type`, `wijk`, `date`, `title`) or leading `Jaar: 2025` lines;
- .docx leading paragraphs `Jaar:`, `Type:`, `Wijk:`, `Datum:`, `Titel:`;
- .vtt `NOTE year=2026 type=partnergroep wijk=stad date=2026-03-12 title="..."`;
- .srt a leading comment line `# year=2025 type=wijk wijk=Binnenstad date=2025-05-01`;
- `interviews/metadata.csv` (file, year, type, wijk, date, title) for any file;
- the folder layout `interviews/<jaar>/<type>/<wijk>/file` (`folder_fields`);
- a file-name pattern set in narratief.toml, e.g. `{jaar}_{type}_{wijk}_*` (`NamePattern`).
A value from another source fills a missing field; two sources that disagree are an error (N109).
Each value's source ("bestand", "metadata.csv", "mappen", "bestandsnaam") is kept for the ingest table.

Example:
    >>> resolve_meta([MetaField("date", "2-4-2025", "a.txt", 2), MetaField("type", "Wijk", "a.txt", 3),
    ...               MetaField("wijk", "helmond west", "a.txt", 4)], None, "a.txt", "txt")
    TranscriptMeta(year=2025, type='wijk', wijk='Helmond-West', date=datetime.date(2025, 4, 2), title=None)
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath

from interviews.encoding import decode_text
from interviews.readers.base import MetaField
from interviews.readers.errors import InputError
from interviews.profiles import default_profile
from interviews.records import INTERVIEW_TYPES, TranscriptMeta

FIELDS: tuple[str, ...] = ("year", "type", "wijk", "date", "title")
REQUIRED: tuple[str, ...] = ("year", "type", "wijk")
_ALIASES = {
    "year": "year", "jaar": "year", "type": "type", "wijk": "wijk", "date": "date",
    "datum": "date", "title": "title", "titel": "title", "file": "file", "bestand": "file",
    "interviewer": "interviewer", "gespreksleider": "interviewer",  # read by interviews.roles
}
_DUTCH = {"year": "jaar", "type": "type", "wijk": "wijk", "date": "datum", "title": "titel"}
META_LINE = re.compile(r"^\s*(jaar|year|type|wijk|datum|date|titel|title)\s*:\s*(.*?)\s*$", re.I)
_KEY_VALUE = re.compile(r"""([A-Za-z]+)\s*=\s*("[^"]*"|'[^']*'|\S+)""")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DUTCH_DATE = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
_MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
           "oktober", "november", "december")
_WORD_DATE = re.compile(r"^(\d{1,2})\s+([a-z]+)\.?\s+(\d{4})$", re.I)  # "3 april 2025", "3 apr. 2025"
_HINTS = {
    "txt": "zet '{key}: ...' in de front matter",
    "md": "zet '{key}: ...' in de front matter",
    "docx": "zet een alinea '{nl}: ...' bovenaan het document",
    "vtt": "zet '{key}=...' in het NOTE-blok bovenaan",
    "srt": "zet '# {key}=...' op de eerste regel",
    "odt": "zet een alinea '{nl}: ...' bovenaan het document",
    "rtf": "zet een alinea '{nl}: ...' bovenaan het document",
    "json": "een Whisper-bestand heeft zelf geen metadata",
}


def canonical_key(name: str) -> str | None:
    """The canonical field name for an English or Dutch key ("Jaar" -> "year"), or None."""
    return _ALIASES.get(name.strip().lower())


def parse_meta_line(text: str, origin: str, line: int | None) -> MetaField | None:
    """A `Jaar: 2025`-style line as a MetaField, or None if the line is not a metadata line."""
    match = META_LINE.match(text)
    if not match:
        return None
    return MetaField(canonical_key(match.group(1)) or "", match.group(2), origin, line)


def parse_key_values(text: str, origin: str, line: int | None) -> list[MetaField]:
    """`year=2026 type=wijk title="Avond in West"` as MetaFields; unknown keys are ignored."""
    fields = []
    for key, value in _KEY_VALUE.findall(text):
        name = canonical_key(key)
        if name in FIELDS:
            if value[:1] in "\"'" and value[-1:] == value[:1]:
                value = value[1:-1]
            fields.append(MetaField(name, value.strip(), origin, line))
    return fields


def _error(code: str, field: MetaField, source: str, detail: str) -> InputError:
    if field.origin != source:  # a metadata.csv value: say which transcript it is for
        detail += f" (voor {source})"
    elif field.kind in (FOLDER_KIND, NAME_KIND):
        detail += f" (uit {_where(field)})"
    return InputError(code, path=field.origin, line=field.line, detail=detail)


FOLDER_KIND, NAME_KIND = "mappen", "bestandsnaam"


def _where(field: MetaField) -> str:
    """Where a value came from, for messages: 'het bestand', 'metadata.csv, regel 3', 'de mapnamen'."""
    if field.kind == FOLDER_KIND:
        return "de mapnamen"
    if field.kind == NAME_KIND:
        return "de bestandsnaam (patroon uit narratief.toml)"
    if field.kind == "bestand":
        return "het bestand"
    return field.origin + (f", regel {field.line}" if field.line else "")


def folder_fields(source: str) -> tuple[MetaField, ...]:
    """Year, type and wijk from the folder layout `<jaar>/<type>/<wijk>/file` (relative to interviews/).

    Only a path of exactly three folders whose first is a four-digit year counts; the other two are
    validated like any value (an unknown type or wijk is an error naming the folders as source).

    Example:
        >>> [(f.name, f.value) for f in folder_fields("2025/wijk/Helmond-West/avond.docx")]
        [('year', '2025'), ('type', 'wijk'), ('wijk', 'Helmond-West')]
    """
    folders = PurePosixPath(source).parts[:-1]
    if len(folders) != 3 or not re.fullmatch(r"\d{4}", folders[0]):
        return ()
    return tuple(MetaField(name, value, source, None, FOLDER_KIND)
                 for name, value in zip(("year", "type", "wijk"), folders))


_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


@dataclass(frozen=True)
class NamePattern:
    """A file-name pattern with `{jaar}`, `{type}`, `{wijk}` (also `{year}`, `{datum}`) and `*`.

    The pattern is matched against the file name without extension (or with it, if the pattern ends
    in one); a trailing `_*` also matches nothing. A file whose name does not match gets nothing from
    the pattern. Example:
        >>> [(f.name, f.value) for f in NamePattern.parse("{jaar}_{type}_{wijk}_*").fields("x/2026_wijk_stad_avond.txt")]
        [('year', '2026'), ('type', 'wijk'), ('wijk', 'stad')]
    """

    text: str
    regex: re.Pattern[str]

    @classmethod
    def parse(cls, text: str, origin: str = "narratief.toml") -> "NamePattern":
        """Raises InputError N117 for an unknown or repeated placeholder, or a pattern without one."""
        parts, names, pos = [], set(), 0
        for match in _PLACEHOLDER.finditer(text):
            parts.append(_literal(text[pos:match.start()], trailing=False))
            name = canonical_key(match.group(1))
            if name not in ("year", "type", "wijk", "date") or name in names:
                raise InputError("N117", path=origin, detail=(
                    f"bestandsnaampatroon '{_shown(text)}': '{{{_shown(match.group(1))}}}' is onbekend of "
                    "dubbel; gebruik {jaar}, {type}, {wijk} en *"))
            names.add(name)
            parts.append(rf"(?P<{name}>\d{{4}})" if name == "year" else rf"(?P<{name}>[^/]+?)")
            pos = match.end()
        if not names or "{" in text[pos:] or "}" in text[pos:]:
            raise InputError("N117", path=origin, detail=(
                f"bestandsnaampatroon '{_shown(text)}' bevat geen geldig veld; bijvoorbeeld '{{jaar}}_{{type}}_{{wijk}}_*'"))
        parts.append(_literal(text[pos:], trailing=True))
        return cls(text, re.compile("".join(parts), re.I))

    def fields(self, source: str) -> tuple[MetaField, ...]:
        path = PurePosixPath(source)
        match = self.regex.fullmatch(path.stem) or self.regex.fullmatch(path.name)
        if not match:
            return ()
        return tuple(MetaField(name, value, source, None, NAME_KIND)
                     for name, value in match.groupdict().items() if value)


def _literal(text: str, trailing: bool) -> str:
    """Regex for the literal part of a pattern: `*` is anything; a final `_*` may be absent."""
    if trailing and len(text) >= 2 and text.endswith("*") and not text[-2].isalnum() and "*" not in text[:-1]:
        return re.escape(text[:-2]) + f"(?:{re.escape(text[-2])}.*)?"
    return ".*".join(re.escape(piece) for piece in text.split("*"))


def _shown(value: str) -> str:
    value = " ".join(value.split())
    return value if len(value) <= 30 else value[:27] + "..."


def parse_year(field: MetaField, source: str) -> int:
    value = field.value.strip()
    if not re.fullmatch(r"\d{4}", value):
        raise _error("N104", field, source, f"'year' is geen jaartal ('{_shown(value)}')")
    year = int(value)
    if not 2000 <= year <= 2100:
        raise _error("N104", field, source, f"'year' {year} is geen plausibel jaar (2000-2100)")
    return year


def parse_date(field: MetaField, source: str) -> dt.date:
    value = field.value.strip()
    iso, dutch, words = _ISO.match(value), _DUTCH_DATE.match(value), _WORD_DATE.match(value)
    parts = (iso.group(1), iso.group(2), iso.group(3)) if iso else (
        (dutch.group(3), dutch.group(2), dutch.group(1)) if dutch else None)
    if words and len(words.group(2)) >= 3:
        month = next((i for i, m in enumerate(_MONTHS, 1) if m.startswith(words.group(2).lower())), None)
        parts = (words.group(3), str(month), words.group(1)) if month else None
    try:
        if parts is None:
            raise ValueError
        date = dt.date(int(parts[0]), int(parts[1]), int(parts[2]))
    except ValueError:
        raise _error("N104", field, source,
                     f"'date' '{_shown(value)}' is geen datum; schrijf 2025-04-02, 2-4-2025 of 2 april 2025") from None
    if not 2000 <= date.year <= 2100:
        raise _error("N104", field, source, f"'date' {date.isoformat()} ligt niet tussen 2000 en 2100")
    return date


def parse_type(field: MetaField, source: str) -> str:
    value = field.value.strip().lower()
    if value not in INTERVIEW_TYPES:
        raise _error("N104", field, source,
                     f"'type' is '{_shown(field.value)}'; kies 'partnergroep' of 'wijk'")
    return value


def _wijk_key(value: str) -> str:
    return re.sub(r"[\s_-]+", "", value).lower()


def parse_wijk(field: MetaField, source: str, wijken: Sequence[str] | None = None) -> str:
    """Canonical spelling of a wijk of the profile (`wijken`, default: the default profile's);
    accepts case and hyphen/space variants only."""
    wijken = default_profile().wijk_names if wijken is None else wijken
    wanted = _wijk_key(field.value)
    for wijk in wijken:
        if _wijk_key(wijk) == wanted:
            return wijk
    choices = ", ".join(f"'{w}'" for w in wijken)
    raise _error("N104", field, source, f"'wijk' is '{_shown(field.value)}'; kies {choices}")


_PARSERS = {"year": parse_year, "date": parse_date, "type": parse_type, "wijk": parse_wijk}


def _parse(field: MetaField, source: str, wijken: Sequence[str] | None = None) -> object:
    if field.name == "wijk":
        return parse_wijk(field, source, wijken)
    parser = _PARSERS.get(field.name)
    return parser(field, source) if parser else " ".join(field.value.split())


def resolve_meta(
    file_fields: Sequence[MetaField],
    overrides: Sequence[MetaField] | None,
    source: str,
    fmt: str,
    wijken: Sequence[str] | None = None,
) -> TranscriptMeta:
    """Validate and combine metadata from the file and from the other sources.

    Args:
        file_fields: fields found in the transcript itself.
        overrides: fields from metadata.csv, the folder layout or the file-name pattern (fill
            missing fields), or None.
        source: the transcript's path relative to the interviews folder.
        fmt: the transcript's format, for hints in messages.
        wijken: allowed wijk values (the profile's `wijk_names`; default: the default profile's).

    Returns:
        The validated metadata; `year` defaults to the year of `date`.

    Raises:
        InputError: N104 invalid value, N105 missing field, N109 two sources disagree.
    """
    return resolve_meta_sources(file_fields, overrides, source, fmt, wijken)[0]


def resolve_meta_sources(
    file_fields: Sequence[MetaField],
    overrides: Sequence[MetaField] | None,
    source: str,
    fmt: str,
    wijken: Sequence[str] | None = None,
) -> tuple[TranscriptMeta, dict[str, str]]:
    """`resolve_meta`, plus where each value came from: `{"year": "mappen", "wijk": "bestand", ...}`."""
    values: dict[str, object] = {}
    found: dict[str, MetaField] = {}
    for field in file_fields:
        if field.name in FIELDS and field.value.strip() and field.name not in found:
            found[field.name] = field
            values[field.name] = _parse(field, source, wijken)
    for field in overrides or ():
        if field.name not in FIELDS or not field.value.strip():
            continue
        value = _parse(field, source, wijken)
        if field.name not in found:
            found[field.name] = field
            values[field.name] = value
        elif values[field.name] != value:
            shown = "" if field.name == "title" else (
                f" ('{_fmt(values[field.name])}' tegenover '{_fmt(value)}')")
            raise InputError("N109", path=source, line=found[field.name].line, detail=(
                f"'{field.name}' in {_where(found[field.name])} verschilt van {_where(field)}"
                f"{shown}; maak ze gelijk of laat er één weg"))
    sources = {name: field.kind for name, field in found.items()}
    if "year" not in values and isinstance(values.get("date"), dt.date):
        values["year"] = values["date"].year  # type: ignore[union-attr]
        sources["year"] = sources["date"]
    for name in REQUIRED:
        if name not in values:
            hint = _HINTS.get(fmt, "vul metadata.csv aan").format(key=name, nl=_DUTCH[name].capitalize())
            raise InputError("N105", path=source, detail=(
                f"metadata '{name}' ontbreekt; {hint}, vul metadata.csv aan of zet het bestand in "
                "interviews/<jaar>/<type>/<wijk>/"))
    meta = TranscriptMeta(
        year=values["year"], type=values["type"], wijk=values["wijk"],  # type: ignore[arg-type]
        date=values.get("date"), title=values.get("title") or None,  # type: ignore[arg-type]
    )
    return meta, sources


def _fmt(value: object) -> str:
    return value.isoformat() if isinstance(value, dt.date) else str(value)


@dataclass(frozen=True)
class MetadataRow:
    """One row of metadata.csv: the file it names (as written) and its non-empty fields."""

    file: str
    line: int
    fields: tuple[MetaField, ...]

    def matches(self, source: str) -> bool:
        """Whether this row names `source` (posix path relative to the interviews folder)."""
        name = self.file.replace("\\", "/").strip()
        while name.startswith("./"):
            name = name[2:]
        if name.startswith("interviews/"):
            name = name[len("interviews/"):]
        if "/" in name:
            return name == source
        return name == PurePosixPath(source).name


@dataclass(frozen=True)
class MetadataTable:
    """The rows of metadata.csv in file order."""

    origin: str
    rows: tuple[MetadataRow, ...]


def parse_metadata_csv(data: bytes, origin: str = "metadata.csv") -> MetadataTable:
    """Parse metadata.csv (`;` or `,` delimited, UTF-8 or Windows-1252, English or Dutch headers).

    Raises:
        InputError: N111 for an empty file, a missing `file` column or an unknown column.
    """
    try:
        text = decode_text(data, origin).text
    except InputError as exc:
        raise InputError("N111", path=origin, detail=exc.detail) from None
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = next(reader, [])
    columns = [canonical_key(h) if h.strip() else "" for h in header]
    for raw, col in zip(header, columns):
        if col is None:
            raise InputError("N111", path=origin, line=1, detail=(
                f"onbekende kolom '{_shown(raw)}'; gebruik file, year, type, wijk, date, title"))
    if "file" not in columns:
        raise InputError("N111", path=origin, line=1, detail="kolom 'file' ontbreekt")
    rows = []
    for cells in reader:
        if not any(c.strip() for c in cells):
            continue
        record = {col: cell.strip() for col, cell in zip(columns, cells) if col}
        line = reader.line_num
        if not record.get("file"):
            raise InputError("N111", path=origin, line=line, detail="'file' is leeg")
        fields = tuple(MetaField(col, value, origin, line, "metadata.csv") for col, value in record.items()
                       if col in FIELDS and value)
        rows.append(MetadataRow(record["file"], line, fields))
    return MetadataTable(origin, tuple(rows))


def overrides_from(values: Mapping[str, object] | None, origin: str = "metadata.csv") -> tuple[MetaField, ...]:
    """Plain `{field: value}` overrides (e.g. from the CLI) as MetaFields; empty values are skipped."""
    fields = []
    for key, value in (values or {}).items():
        if isinstance(value, MetaField):
            fields.append(value)
        elif value is not None and str(value).strip():
            name = canonical_key(key)
            if name not in FIELDS:
                raise InputError("N111", path=origin, detail=f"onbekend metadataveld '{_shown(key)}'")
            shown = value.isoformat() if isinstance(value, dt.date) else str(value)
            fields.append(MetaField(name, shown, origin, kind="metadata.csv"))
    return tuple(fields)
