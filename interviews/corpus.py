"""Read a folder of transcripts into `Transcript` records, and summarise what was read.

Reading never writes anything and never changes a source file. Not transcripts: `metadata.csv`,
files named `README*`, hidden files and files in hidden folders, Word lock files (`~$*`),
`Thumbs.db` and `desktop.ini`. Any other file whose extension has no reader is an error (N106).

Example:
    >>> result = read_corpus(Path("werkmap/interviews"))        # doctest: +SKIP
    >>> [row["file"] for row in summarise(result.transcripts).to_json_rows()]  # doctest: +SKIP
    ['2025/groep-west.txt', '2026/wijkavond.vtt']
"""

from __future__ import annotations

import hashlib
import os
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from interviews.errors import CorpusErrors, InterviewError
from interviews.preview import describe_sources
from interviews.metadata import (MetadataRow, MetadataTable, NamePattern, folder_fields, overrides_from,
                                 parse_metadata_csv, resolve_meta_sources)
from interviews.readers.base import MetaField
from interviews.readers.errors import InputError
from interviews.readers.registry import ReaderRegistry, default_registry
from interviews.records import Transcript

DEFAULT_FORMATS: tuple[str, ...] = ("txt", "md", "docx", "vtt", "srt", "json", "tsv", "odt", "rtf", "csv")
METADATA_CSV = "metadata.csv"
_IGNORED_NAMES = frozenset({"metadata.csv", "thumbs.db", "desktop.ini"})


@dataclass(frozen=True)
class CorpusReadResult:
    """Transcripts read (sorted by source path) and, with skip_invalid, the errors of skipped files."""

    transcripts: tuple[Transcript, ...]
    skipped: tuple[InterviewError, ...] = ()
    not_selected: tuple[str, ...] = ()  # sources in a readable format that the settings leave out


def _relative(path: Path, root: Path) -> str:
    for candidate, base in ((path, root), (path.absolute(), root.absolute()), (path.resolve(), root.resolve())):
        try:
            return candidate.relative_to(base).as_posix()
        except ValueError:
            continue
    return path.name


def read_transcript(
    path: Path,
    root: Path,
    overrides: Mapping[str, Any] | Sequence[MetaField] | None = None,
    registry: ReaderRegistry | None = None,
    name_pattern: NamePattern | None = None,
    wijken: Sequence[str] | None = None,
) -> Transcript:
    """Read one transcript file.

    Args:
        path: the file.
        root: the interviews folder; `source` and error messages use the path relative to it.
        overrides: metadata for this file from metadata.csv: MetaFields, or a plain
            `{"year": 2025, "wijk": "stad", ...}` mapping. They fill missing fields; a value that
            disagrees with the file is an error.
        registry: readers by extension (default: `default_registry()`).
        name_pattern: the file-name pattern of narratief.toml, if any. The folder layout
            `<jaar>/<type>/<wijk>/` is always used; both fill missing fields, conflicts are errors.
        wijken: allowed wijk values (`Profile.wijk_names`; default: the default profile's).

    Returns:
        The transcript; `doc` is the file stem, `sha256` the hash of the file's bytes.

    Raises:
        InputError: any N1xx problem with this file (see `interviews.readers.errors`).
    """
    registry = registry or default_registry()
    source = _relative(path, root)
    reader = registry.for_path(path)
    if reader is None:
        known = ", ".join("." + f for f in registry.formats)
        raise InputError("N106", path=source, detail=(
            f"onbekend bestandstype '{path.suffix or '(geen extensie)'}'; gebruik {known}"))
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError("N113", path=source, detail=f"kan het bestand niet openen ({exc.strerror})") from None
    if not data.strip():
        raise InputError("N101", path=source, detail="het bestand is leeg")
    raw = reader.read(PurePosixPath(source), data)  # type: ignore[arg-type]
    if isinstance(overrides, Mapping):
        fields = overrides_from(overrides)
    else:
        fields = tuple(overrides or ())
    fields += folder_fields(source) + (name_pattern.fields(source) if name_pattern else ())
    meta, sources = resolve_meta_sources(raw.meta, fields, source, reader.format, wijken)
    if not raw.turns:
        raise InputError("N108", path=source, detail="geen spreekbeurten gevonden (alleen metadata of kopjes)")
    return Transcript(
        doc=path.stem, source=source, meta=meta, turns=raw.turns,
        sha256=hashlib.sha256(data).hexdigest(), format=reader.format,
        layout=raw.layout, clock_time=raw.clock_time, meta_sources=tuple(sorted(sources.items())),
    )


def _is_ignored(name: str) -> bool:
    lower = name.lower()
    return name.startswith((".", "~$")) or lower.startswith("readme") or lower in _IGNORED_NAMES


def find_files(interviews_dir: Path) -> list[Path]:
    """Candidate transcript files under the folder, sorted by relative path; see module docstring.

    Symlinked folders inside the folder are read; a file or folder whose link resolves outside it is
    an error (N119) naming the links, as narratief would otherwise read data from elsewhere.
    """
    found, outside, seen = [], [], set()
    real_root = interviews_dir.resolve()
    for folder, dirs, files in os.walk(interviews_dir, followlinks=True):
        real = Path(folder).resolve()
        if real in seen:  # a link back to a folder already read
            dirs[:] = []
            continue
        seen.add(real)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in [*dirs, *files]:
            path = Path(folder) / name
            if path.is_symlink() and real_root not in [path.resolve(), *path.resolve().parents]:
                outside.append(path.relative_to(interviews_dir).as_posix())
        found += [Path(folder) / f for f in files if not _is_ignored(f)]
    if outside:
        raise InterviewError("N119", path=str(interviews_dir), detail=(
            "koppeling(en) naar buiten de interviewmap: " + ", ".join(sorted(outside))
            + "; zet de bestanden zelf in de interviewmap of verwijder de koppeling"))
    return sorted(found, key=lambda p: p.relative_to(interviews_dir).as_posix())


def _match_rows(table: MetadataTable, sources: Sequence[str]) -> tuple[dict[str, MetadataRow], list[InputError]]:
    """metadata.csv rows by transcript source; rows that name no file or several are errors."""
    by_source: dict[str, MetadataRow] = {}
    errors: list[InputError] = []
    for row in table.rows:
        hits = [s for s in sources if row.matches(s)]
        if not hits:
            errors.append(InputError("N111", path=table.origin, line=row.line, detail=(
                "dit bestand staat niet in de interviewmap; controleer de kolom 'file'")))
        elif len(hits) > 1:
            errors.append(InputError("N111", path=table.origin, line=row.line, detail=(
                f"de bestandsnaam past op {len(hits)} bestanden; geef het pad, bijv. '{hits[0]}'")))
        elif hits[0] in by_source:
            errors.append(InputError("N111", path=table.origin, line=row.line, detail=(
                f"{hits[0]} staat al op regel {by_source[hits[0]].line}")))
        else:
            by_source[hits[0]] = row
    return by_source, errors


def read_corpus(
    interviews_dir: Path,
    formats: Sequence[str] = DEFAULT_FORMATS,
    skip_invalid: bool = False,
    registry: ReaderRegistry | None = None,
    name_pattern: str | None = None,
    wijken: Sequence[str] | None = None,
) -> CorpusReadResult:
    """Read every transcript under a folder (any sub-folders).

    Args:
        interviews_dir: the workspace's interviews folder; `metadata.csv` in it is used if present.
        formats: formats to read; files of other known formats are left alone.
        skip_invalid: go on without bad files and list their errors in `skipped`.
        registry: readers by extension (default: `default_registry()`).
        name_pattern: file-name pattern for metadata, e.g. "{jaar}_{type}_{wijk}_*" (narratief.toml
            `[invoer] bestandsnaam`); empty or None: none. The folder layout
            `<jaar>/<type>/<wijk>/file` is always used.
        wijken: allowed wijk values (`Profile.wijk_names`; default: the default profile's).

    Returns:
        The transcripts, sorted by source path, and the skipped files' errors.

    Raises:
        CorpusErrors: without skip_invalid, carrying every per-file error at once.
        InputError: N115 if the folder does not exist, N106 for a format without a reader,
            N111 if metadata.csv itself cannot be read, N117 for an invalid name pattern (also with
            skip_invalid).
    """
    registry = registry or default_registry()
    pattern = NamePattern.parse(name_pattern) if name_pattern else None
    if not interviews_dir.is_dir():
        raise InputError("N115", path=str(interviews_dir), detail="de interviewmap bestaat niet")
    wanted = {f.lower().lstrip(".") for f in formats}
    unknown = sorted(wanted - set(registry.formats))
    if unknown:
        raise InputError("N106", detail=(
            f"onbekend formaat {', '.join(unknown)} in de instellingen; kies uit {', '.join(registry.formats)}"))
    table = MetadataTable(METADATA_CSV, ())
    csv_path = interviews_dir / METADATA_CSV
    if csv_path.is_file():
        table = parse_metadata_csv(csv_path.read_bytes(), METADATA_CSV)
    files = find_files(interviews_dir)
    sources = [f.relative_to(interviews_dir).as_posix() for f in files]
    rows, errors = _match_rows(table, sources)
    errors_by_source: dict[str, InterviewError] = {}
    transcripts: list[Transcript] = []
    not_selected: list[str] = []
    for path, source in zip(files, sources):
        suffix = path.suffix.lower().lstrip(".")
        if suffix in registry.formats and suffix not in wanted:
            not_selected.append(source)
            continue
        row = rows.get(source)
        try:
            transcripts.append(read_transcript(path, interviews_dir, row.fields if row else None, registry,
                                               pattern, wijken))
        except InterviewError as exc:
            errors_by_source[source] = exc
    stems: dict[str, list[str]] = defaultdict(list)
    for transcript in transcripts:
        stems[transcript.doc.casefold()].append(transcript.source)
    duplicates = {doc: group for doc, group in stems.items() if len(group) > 1}
    for doc, group in duplicates.items():
        for source in group:
            others = ", ".join(s for s in group if s != source)
            errors_by_source[source] = InputError("N110", path=source, detail=(
                f"document-id '{PurePosixPath(source).stem}' komt ook voor in {others}; "
                "geef de bestanden een unieke naam"))
    transcripts = [t for t in transcripts if t.doc.casefold() not in duplicates]
    all_errors = errors + [errors_by_source[s] for s in sorted(errors_by_source)]
    if all_errors and not skip_invalid:
        raise CorpusErrors(all_errors)
    return CorpusReadResult(tuple(sorted(transcripts, key=lambda t: t.source)), tuple(all_errors),
                            tuple(not_selected))


@dataclass(frozen=True)
class SummaryRow:
    """One transcript in the ingest table: no text, only counts and metadata."""

    file: str
    year: int
    type: str
    wijk: str
    turns: int
    words: int
    layout: str = ""  # the detected layout (which tool wrote the file)
    sources: str = ""  # where year, type and wijk came from ("bestand", "jaar: mappen, wijk: metadata.csv")


@dataclass(frozen=True)
class GroupTotal:
    """Totals for one value of a dimension (a year, a type or a wijk)."""

    value: str | int
    files: int
    turns: int
    words: int


@dataclass(frozen=True)
class CorpusSummary:
    """The ingest report: per-file rows and totals per year, type and wijk."""

    rows: tuple[SummaryRow, ...]
    by_year: tuple[GroupTotal, ...]
    by_type: tuple[GroupTotal, ...]
    by_wijk: tuple[GroupTotal, ...]
    total: GroupTotal

    def to_json_rows(self) -> list[dict[str, Any]]:
        """Per-file rows with exactly the keys file, year, type, wijk, turns, words."""
        return [{"file": r.file, "year": r.year, "type": r.type, "wijk": r.wijk,
                 "turns": r.turns, "words": r.words} for r in self.rows]


def _totals(rows: Sequence[SummaryRow], key: str) -> tuple[GroupTotal, ...]:
    files: Counter = Counter()
    turns: Counter = Counter()
    words: Counter = Counter()
    for row in rows:
        value = getattr(row, key)
        files[value] += 1
        turns[value] += row.turns
        words[value] += row.words
    return tuple(GroupTotal(v, files[v], turns[v], words[v]) for v in sorted(files, key=str))


def summarise(transcripts: Sequence[Transcript]) -> CorpusSummary:
    """Per-file counts and totals per year, type and wijk (plain data, no transcript text)."""
    rows = tuple(
        SummaryRow(t.source, t.meta.year, t.meta.type, t.meta.wijk, len(t.turns), t.words,
                   t.layout or t.format, describe_sources(t))
        for t in sorted(transcripts, key=lambda t: t.source)
    )
    total = GroupTotal("totaal", len(rows), sum(r.turns for r in rows), sum(r.words for r in rows))
    return CorpusSummary(rows, _totals(rows, "year"), _totals(rows, "type"), _totals(rows, "wijk"), total)
