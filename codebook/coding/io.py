"""Save and reload the coded segments table (`output/segments.csv` and `.parquet`), atomically."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from codebook.errors import CodebookError
from nlp.io import TableError, table_schema

# output/segments.parquet|.csv, declared once (docs/architecture.md lists the same). The table also
# has one `score_<code id>` column per code.
SCHEMA = table_schema("segments", "", "doc:str turn:int part:int speaker:str year:int type:str wijk:str text:str "
                      "themes:str lenses:str reasons:str")


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
