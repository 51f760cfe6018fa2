"""Save and reload the coded segments table (`output/segments.csv` and `.parquet`), atomically."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from codebook.errors import CodebookError
from nlp.io import TableError, table_schema

# output/segments.parquet|.csv, declared once (docs/architecture.md lists the same). The table also
# has one `score_<code id>` column per code.
SCHEMA = table_schema("segments", "", "doc:str turn:int part:int speaker:str role:str? year:int type:str wijk:str "
                      "text:str themes:str lenses:str machine_themes:str? machine_lenses:str? uncertainty:float? "
                      "reasons:str")


def save_segments(table: pd.DataFrame, output_dir: Path) -> tuple[Path, Path]:
    """Write `table` as `segments.csv` (UTF-8) and `segments.parquet` in `output_dir`, atomically.

    Returns:
        (csv path, parquet path).
    """
    parquet_path, csv_path = SCHEMA.save(table, Path(output_dir))
    return csv_path, parquet_path


def load_segments(output_dir: Path) -> pd.DataFrame:
    """Reload the coded segments (Parquet preferred, CSV otherwise).

    Raises:
        CodebookError: N353 when neither file exists or it cannot be read.
    """
    output_dir = Path(output_dir)
    try:
        table = SCHEMA.load(output_dir)
    except (OSError, TableError) as exc:
        raise CodebookError("N353", f"gecodeerde segmenten onleesbaar ({exc}); voer 'narratief code' opnieuw uit",
                            path=output_dir) from exc
    if table is None:
        raise CodebookError("N353", "geen gecodeerde segmenten gevonden; voer eerst 'narratief code' uit",
                            path=output_dir)
    return table


# output/coding_reliability.parquet|.csv (`codebook.coding.reliability`), declared once.
RELIABILITY_SCHEMA = table_schema("coding_reliability", "", "code:str kind:str coder:str reviewed:int positives:int "
                                  "cv_f1_learned:float cv_f1_zeroshot:float n:int percent:float kappa:float alpha:float")
RELIABILITY_NAME = RELIABILITY_SCHEMA.name


def save_reliability(table: pd.DataFrame, output_dir: Path) -> tuple[Path, Path]:
    """Write the reliability table (`codebook.coding.reliability`) as
    `coding_reliability.csv` and `.parquet` in `output_dir`, atomically."""
    parquet_path, csv_path = RELIABILITY_SCHEMA.save(table, Path(output_dir))
    return csv_path, parquet_path


def load_reliability(output_dir: Path) -> pd.DataFrame:
    """Reload the reliability table; an empty table with its columns when it was never written."""
    table = RELIABILITY_SCHEMA.load(Path(output_dir))
    return pd.DataFrame(columns=list(RELIABILITY_SCHEMA.names)) if table is None else table
