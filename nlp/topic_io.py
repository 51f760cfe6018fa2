"""Atomic writing and reading of tidy tables (Parquet + CSV) and JSON, shared by topics and analysis.

Every artifact is first written to a temporary file in the target folder and then moved into place
with `os.replace`, so a crash never leaves a half-written table behind.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pandas as pd


def _atomic_write(path: Path, write: Any) -> None:
    """Call `write(tmp_path)` and move the temporary file to `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        write(Path(tmp))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_table(df: pd.DataFrame, folder: Path, name: str) -> None:
    """Write `df` as `<folder>/<name>.parquet` and `<folder>/<name>.csv`, each atomically."""
    folder = Path(folder)
    frame = df.reset_index(drop=True)
    _atomic_write(folder / f"{name}.parquet", lambda p: frame.to_parquet(p, index=False))
    _atomic_write(folder / f"{name}.csv", lambda p: frame.to_csv(p, index=False, encoding="utf-8"))


def read_table(folder: Path, name: str) -> pd.DataFrame:
    """Read `<folder>/<name>.parquet` (the CSV twin is for people and spreadsheets)."""
    return pd.read_parquet(Path(folder) / f"{name}.parquet")


def write_json(data: Any, path: Path) -> None:
    """Write `data` as UTF-8 JSON, atomically."""
    text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True)
    _atomic_write(Path(path), lambda p: p.write_text(text, encoding="utf-8"))


def replace_dir(build: Any, target: Path) -> None:
    """Build a folder with `build(tmp_dir)` next to `target`, then swap it into place."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        build(tmp)
        old = None
        if target.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old.", dir=target.parent))
            os.replace(target, old / "x")
        os.replace(tmp, target)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
