"""`ReportInputs`: everything the chapter and the shared edition read, as one immutable record.

The record holds plain pandas DataFrames with exactly the columns documented in
docs/architecture.md ("Tables the report reads"), so the report does not depend on the internals
of the analysis or topic stages. `load_report_inputs` gathers them from a workspace's `output/`.

Example:
    >>> inputs = load_report_inputs(Path("MAP/output"), codebook, Path("MAP/interpretatie"))
    >>> inputs.years()
    (2024, 2025)
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

import pandas as pd

from analysis.agreement import SCHEMA as AGREEMENT_SCHEMA
from analysis.tables import SCHEMAS as ANALYSIS_SCHEMAS
from analysis.tables import TABLES as ANALYSIS_TABLES
from codebook.coding.io import SCHEMA as SEGMENTS_SCHEMA
from codebook.model import Codebook
from interviews.profiles import Profile, default_profile
from nlp.io import TableError, TableSchema
from nlp.topics import SCHEMAS as TOPIC_SCHEMAS
from reports.errors import ReportError

# The producing stages own the schemas; the report reads each table through its producer's schema.
_SCHEMAS: dict[str, TableSchema] = {
    **{name: ANALYSIS_SCHEMAS[name] for name in ANALYSIS_TABLES},
    "topics": TOPIC_SCHEMAS["topics"],
    "topics_over_time": TOPIC_SCHEMAS["over_time"],
    "agreement": AGREEMENT_SCHEMA,
    "segments": SEGMENTS_SCHEMA,
    "storylines": ANALYSIS_SCHEMAS["storylines"],
}
# The columns the report relies on (of segments: the ones it keeps; the text is not needed).
TABLE_COLUMNS: dict[str, tuple[str, ...]] = {
    **{name: schema.required for name, schema in _SCHEMAS.items()},
    "segments": ("doc", "turn", "part", "speaker", "year", "type", "wijk", "themes"),
}
# Columns of the segment table the report keeps when present: the text (quotes of storylines) and the
# coding stage's speaker role (interviewer turns are never quoted).
SEGMENT_EXTRA = ("text", "role", "lenses")

Address = tuple[str, int, int]


@dataclass(frozen=True)
class ReportInputs:
    """The pseudonymised inputs of the chapter.

    Attributes:
        codebook: the codebook the segments were coded with (themes in report order).
        overview ... signals: the analysis tables (`analysis.AnalysisTables`).
        notes: Dutch sentences on what cannot be compared.
        topics, topics_over_time: `nlp.topics.TopicResult` tables, or None when not run.
        agreement: the agreement table, or None when nobody coded by hand.
        segments: the segment table (at least `TABLE_COLUMNS["segments"]`), or None; used for
            participants by role and for national-theme totals in the shared edition.
        manifest: the run manifest (`output/manifest.json`).
        pseudonymisation: number of replaced items per category, e.g. {"persoon": 41}.
        interpretations: theme id -> the evaluator's Markdown text ("" when missing).
        shareable: (doc, turn, part) addresses of quotes a reviewer marked shareable.
        workspace: the workspace's display name (front matter parameter).
        profile: the municipality profile (wijken, schools, street suffixes for coarsening; national themes).
        storylines: `analysis.storylines` table, or None (older analysis output).
        municipality, programme: from the municipality profile; they make the title, never the folder name.
    """

    codebook: Codebook
    overview: pd.DataFrame
    theme_year: pd.DataFrame
    theme_split: pd.DataFrame
    theme_change: pd.DataFrame
    cooccurrence: pd.DataFrame
    quotes: pd.DataFrame
    signals: pd.DataFrame
    notes: tuple[str, ...] = ()
    topics: pd.DataFrame | None = None
    topics_over_time: pd.DataFrame | None = None
    agreement: pd.DataFrame | None = None
    segments: pd.DataFrame | None = None
    manifest: Mapping[str, Any] = field(default_factory=dict)
    pseudonymisation: Mapping[str, int] = field(default_factory=dict)
    interpretations: Mapping[str, str] = field(default_factory=dict)
    shareable: frozenset[Address] = frozenset()
    workspace: str = "werkmap"
    profile: Profile = field(default_factory=default_profile)
    storylines: pd.DataFrame | None = None
    municipality: str = ""
    programme: str = "Preventie met Gezag"

    def __post_init__(self) -> None:
        for name, columns in TABLE_COLUMNS.items():
            frame = getattr(self, name)
            if frame is None:
                continue
            missing = [c for c in columns if c not in frame.columns]
            if missing:
                raise ReportError("N601", f"tabel '{name}' mist kolom(men): {', '.join(missing)}")

    def years(self) -> tuple[int, ...]:
        """All years with data, ascending."""
        return tuple(sorted({int(y) for y in self.theme_year["year"]} | {int(y) for y in self.overview["year"]}))

    def latest_year(self) -> int:
        """The most recent year with data (the report's default year).

        Raises:
            ReportError: N602 when there is no data at all.
        """
        years = self.years()
        if not years:
            raise ReportError("N602", "er zijn geen gegevens om over te rapporteren")
        return years[-1]


def _read_table(output_dir: Path, name: str, required: bool) -> pd.DataFrame | None:
    """Read a table through its producer's schema (Parquet, else CSV)."""
    schema = _SCHEMAS[name]
    try:
        frame = schema.load(Path(output_dir) / schema.folder, need=TABLE_COLUMNS[name])
    except TableError as exc:
        raise ReportError("N601", str(exc), path=schema.path_in(output_dir)) from None
    if frame is None and required:
        raise ReportError("N601", f"tabel '{schema.name}' ontbreekt; voer eerst de vergelijking uit",
                          path=schema.path_in(output_dir))
    return frame


def _read_notes(folder: Path) -> tuple[str, ...]:
    for name in ("notes.json", "notes.txt", "notes.csv"):
        path = folder / name
        if not path.exists():
            continue
        text = path.read_text(encoding="utf-8")
        if name.endswith(".json"):
            data = json.loads(text)
            return tuple(str(s) for s in (data if isinstance(data, list) else data.get("notes", [])))
        if name.endswith(".csv"):
            frame = pd.read_csv(path)
            col = "note" if "note" in frame.columns else frame.columns[0]
            return tuple(str(s) for s in frame[col].dropna())
        return tuple(line.strip() for line in text.splitlines() if line.strip())
    return ()


def read_interpretations(codebook: Codebook, folder: Path | None) -> dict[str, str]:
    """Read `interpretatie/<theme>.md` per theme; a missing file gives "".

    Raises:
        ReportError: N608 when a file exists but cannot be read as UTF-8.
    """
    texts: dict[str, str] = {}
    for theme in codebook.themes:
        path = Path(folder) / f"{theme.id}.md" if folder else None
        if path is None or not path.exists():
            texts[theme.id] = ""
            continue
        try:
            texts[theme.id] = path.read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError):
            raise ReportError("N608", "interpretatie niet leesbaar (geen UTF-8-tekst?)", path=path) from None
    return texts


def load_report_inputs(
    output_dir: Path,
    codebook: Codebook,
    interpretation_dir: Path | None,
    *,
    shareable: frozenset[Address] = frozenset(),
    pseudonymisation_counts: Mapping[str, int] | None = None,
    workspace: str = "werkmap",
    municipality: str = "",
    programme: str = "Preventie met Gezag",
    profile: Profile | None = None,
) -> ReportInputs:
    """Gather the report's inputs from a workspace's `output/` folder.

    Args:
        output_dir: the workspace's `output/`.
        codebook: the codebook used for coding.
        interpretation_dir: the workspace's `interpretatie/` folder (may be missing).
        shareable: addresses of quotes reviewers marked shareable (`codebook.reviewed.load_shareable`).
        pseudonymisation_counts: replaced items per category (from the pseudonymisation stage).
        workspace: display name of the workspace.
        municipality, programme: title of the chapter (the profile's `gemeente`, `programma`).
        profile: the municipality profile (default: the default profile).

    Returns:
        A validated `ReportInputs`.

    Raises:
        ReportError: N601 for a missing or broken analysis table.
    """
    output_dir = Path(output_dir)
    analysis_dir = output_dir / "analysis"
    tables = {name: _read_table(output_dir, name, required=True) for name in ANALYSIS_TABLES}
    manifest_path = output_dir / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8")) if manifest_path.exists() else {}
    segments = _read_table(output_dir, "segments", required=False)
    if segments is not None:
        keep = [c for c in (*TABLE_COLUMNS["segments"], *SEGMENT_EXTRA) if c in segments.columns]
        segments = segments[keep]
    return ReportInputs(
        codebook=codebook,
        notes=_read_notes(analysis_dir),
        topics=_read_table(output_dir, "topics", required=False),
        topics_over_time=_read_table(output_dir, "topics_over_time", required=False),
        agreement=_read_table(output_dir, "agreement", required=False),
        segments=segments,
        manifest=manifest,
        pseudonymisation=dict(pseudonymisation_counts or {}),
        interpretations=read_interpretations(codebook, interpretation_dir),
        shareable=frozenset(shareable),
        workspace=workspace,
        profile=profile or default_profile(),
        storylines=_read_table(output_dir, "storylines", required=False),
        municipality=municipality,
        programme=programme,
        **tables,
    )
