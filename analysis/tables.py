"""`AnalysisTables`: the tidy tables the report reads, saved as Parquet + CSV in `output/analysis/`.

Tables (column names are English ids; the report translates them):
- overview: year, type, wijk, interviews, segments, speakers, words
- theme_year: year, theme, lens ("" = all lenses), segments, share, interviews, speakers, ci_low, ci_high
  (percentile interval of the share, bootstrap over interviews; NaN with one interview in a year)
- theme_split: year, theme, lens, split ("type" | "wijk"), value, segments, share, interviews, speakers
- theme_change: year, prev_year, theme, lens, share, prev_share, diff, ci_low, ci_high, n_boot, verdict
- cooccurrence: year, level ("segment" | "interview"), theme_a, theme_b, count, jaccard
- quotes: year, theme, lens, rank, doc, turn, part, speaker, type, wijk, text, typicality
- signals: year, theme, doc, turn, part, speaker, type, wijk, text
- storylines: year, theme, lens, storyline, segments, interviews, types, wijken, terms, heading, members
  (machine-made summaries of what participants said per theme x lens; see `analysis.storylines`)
- notes: Dutch sentences on what cannot be compared (saved as table `notes` with column `note`)
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

import pandas as pd

from analysis.errors import AnalysisError
from nlp.io import TableSchema, read_table, table_schema, write_json

_WHO = "doc:str turn:int part:int speaker:str type:str wijk:str text:str"
# The tables of output/analysis/, declared once (docs/architecture.md lists the same).
SCHEMAS: dict[str, TableSchema] = {s.name: s for s in (
    table_schema("overview", "analysis", "year:int type:str wijk:str interviews:int segments:int speakers:int words:int"),
    table_schema("theme_year", "analysis", "year:int theme:str lens:str segments:int share:float interviews:int "
                 "speakers:int ci_low:float? ci_high:float?"),
    table_schema("theme_split", "analysis", "year:int theme:str lens:str split:str value:str segments:int "
                 "share:float interviews:int speakers:int"),
    table_schema("theme_change", "analysis", "year:int prev_year:int theme:str lens:str share:float prev_share:float "
                 "diff:float ci_low:float ci_high:float n_boot:int verdict:str"),
    table_schema("cooccurrence", "analysis", "year:int level:str theme_a:str theme_b:str count:int jaccard:float"),
    table_schema("quotes", "analysis", f"year:int theme:str lens:str rank:int {_WHO} typicality:float"),
    table_schema("signals", "analysis", f"year:int theme:str {_WHO}"),
    table_schema("storylines", "analysis", "year:int theme:str lens:str storyline:int segments:int interviews:int "
                 "types:str wijken:str terms:str heading:str members:str"),
    table_schema("notes", "analysis", "note:str"),
)}
TABLES = ("overview", "theme_year", "theme_split", "theme_change", "cooccurrence", "quotes", "signals")
OPTIONAL_TABLES = ("storylines",)  # tables of earlier versions may lack these


@dataclass(frozen=True)
class AnalysisTables:
    """Every number the report prints about themes across years, in one place."""

    overview: pd.DataFrame
    theme_year: pd.DataFrame
    theme_split: pd.DataFrame
    theme_change: pd.DataFrame
    cooccurrence: pd.DataFrame
    quotes: pd.DataFrame
    signals: pd.DataFrame
    storylines: pd.DataFrame | None = None
    notes: tuple[str, ...] = ()
    info: Mapping[str, Any] = field(default_factory=dict)

    def save(self, folder: Path) -> list[Path]:
        """Write every table as `<name>.parquet` and `<name>.csv` plus `info.json`, atomically.

        Returns the paths written (for the run manifest).
        """
        folder = Path(folder)
        written: list[Path] = []
        for name in TABLES:
            written += SCHEMAS[name].save(getattr(self, name), folder)
        for name in OPTIONAL_TABLES:
            if getattr(self, name) is not None:
                written += SCHEMAS[name].save(getattr(self, name), folder)
        SCHEMAS["notes"].save(pd.DataFrame({"note": list(self.notes)}, dtype=str), folder)
        written += [folder / "notes.parquet", folder / "notes.csv"]
        write_json(dict(self.info), folder / "info.json")
        return written + [folder / "info.json"]

    @classmethod
    def load(cls, folder: Path) -> "AnalysisTables":
        """Read the tables written by `save`.

        Raises:
            AnalysisError: N515 when a table is missing (run `narratief compare` again).
        """
        folder = Path(folder)
        missing = [n for n in (*TABLES, "notes") if not (folder / f"{n}.parquet").exists()]
        if missing:
            raise AnalysisError("N515", f"analysetabel(len) ontbreken: {', '.join(missing)}; voer "
                                        "'narratief compare' opnieuw uit", path=folder)
        info_path = folder / "info.json"
        info = json.loads(info_path.read_text(encoding="utf-8")) if info_path.exists() else {}
        notes = tuple(read_table(folder, "notes")["note"].astype(str).tolist())
        optional = {n: read_table(folder, n) for n in OPTIONAL_TABLES if (folder / f"{n}.parquet").exists()}
        return cls(**{n: read_table(folder, n) for n in TABLES}, **optional, notes=notes, info=info)
