"""Save and reload the coded segments table (`output/segments.csv` and `.parquet`), atomically."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pandas as pd

from codebook.errors import CodebookError

CSV_NAME = "segments.csv"
PARQUET_NAME = "segments.parquet"


def save_segments(table: pd.DataFrame, output_dir: Path) -> tuple[Path, Path]:
    """Write `table` as `segments.csv` (UTF-8) and `segments.parquet` in `output_dir`.

    Each file is written to a temporary file in the same folder and then moved into place.

    Returns:
        (csv path, parquet path).
    """
    output_dir = Path(output_dir)
    output_dir.mkdir(parents=True, exist_ok=True)
    csv_path, parquet_path = output_dir / CSV_NAME, output_dir / PARQUET_NAME
    _atomic(csv_path, lambda tmp: table.to_csv(tmp, index=False, encoding="utf-8"))
    _atomic(parquet_path, lambda tmp: table.to_parquet(tmp, index=False))
    return csv_path, parquet_path


def load_segments(output_dir: Path) -> pd.DataFrame:
    """Reload the coded segments (Parquet preferred, CSV otherwise).

    Raises:
        CodebookError: N353 when neither file exists or it cannot be read.
    """
    output_dir = Path(output_dir)
    parquet_path, csv_path = output_dir / PARQUET_NAME, output_dir / CSV_NAME
    try:
        if parquet_path.exists():
            return pd.read_parquet(parquet_path)
        if csv_path.exists():
            return pd.read_csv(csv_path, dtype={"doc": str, "themes": str, "lenses": str}, keep_default_na=False)
    except (OSError, ValueError) as exc:
        raise CodebookError("N353", f"gecodeerde segmenten onleesbaar ({type(exc).__name__}); voer 'narratief code' opnieuw uit", path=output_dir) from exc
    raise CodebookError("N353", "geen gecodeerde segmenten gevonden; voer eerst 'narratief code' uit", path=output_dir)


RELIABILITY_NAME = "coding_reliability"


def save_reliability(table: pd.DataFrame, output_dir: Path) -> tuple[Path, Path]:
    """Write the reliability table (`codebook.coding.reliability`) as
    `coding_reliability.csv` and `.parquet` in `output_dir`, atomically."""
    output_dir = Path(output_dir)
    output_dir.mkdir(parents=True, exist_ok=True)
    csv_path = output_dir / f"{RELIABILITY_NAME}.csv"
    parquet_path = output_dir / f"{RELIABILITY_NAME}.parquet"
    _atomic(csv_path, lambda tmp: table.to_csv(tmp, index=False, encoding="utf-8"))
    _atomic(parquet_path, lambda tmp: table.to_parquet(tmp, index=False))
    return csv_path, parquet_path


def load_reliability(output_dir: Path) -> pd.DataFrame:
    """Reload the reliability table; an empty table with its columns when it was never written."""
    from codebook.coding.reliability import RELIABILITY_COLUMNS

    path = Path(output_dir) / f"{RELIABILITY_NAME}.parquet"
    if not path.exists():
        return pd.DataFrame(columns=list(RELIABILITY_COLUMNS))
    return pd.read_parquet(path)


def _atomic(path: Path, write) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
    os.close(fd)
    try:
        write(tmp)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
