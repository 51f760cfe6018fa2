"""The one IO helper of narratief: atomic files, tables (Parquet + CSV) and JSON.

Every artifact is written to a temporary file with a unique name in the target folder, flushed
to disk (fsync), given its permissions and then moved into place with `os.replace`: a crash or a
second process never leaves a half-written or interleaved file behind. It lives in `nlp`, the
lowest package, so every stage can use it.

Example:
    >>> import tempfile, pandas as pd
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = write_text(folder / "a.txt", "hallo")
    >>> write_table(pd.DataFrame({"x": [1, 2]}), folder, "t"); read_table(folder, "t")["x"].tolist()
    [1, 2]
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pandas is imported where a table is read: a process that only writes files skips it
    import pandas as pd

PUBLIC = 0o644  # outputs people open and share
PRIVATE = 0o600  # the key and the findings file: raw personal data


def atomic_write(path: Path, write: Callable[[Path], Any], *, mode: int = PUBLIC) -> Path:
    """Call `write(tmp)` for a unique temporary file next to `path`, fsync it, move it to `path`.

    Args:
        path: the target; its folder is created.
        write: writes the complete content to the path it receives.
        mode: file permissions of the result.

    Returns:
        `path`.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        write(tmp)
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path


def write_bytes(path: Path, data: bytes, *, mode: int = PUBLIC) -> Path:
    """Write `data` to `path` atomically."""
    return atomic_write(path, lambda tmp: tmp.write_bytes(data), mode=mode)


def write_text(path: Path, text: str, *, encoding: str = "utf-8", mode: int = PUBLIC) -> Path:
    """Write `text` to `path` atomically (newlines as given, no translation)."""
    return write_bytes(path, text.encode(encoding), mode=mode)


def write_table(df: pd.DataFrame, folder: Path, name: str) -> tuple[Path, Path]:
    """Write `df` as `<folder>/<name>.parquet` and `<folder>/<name>.csv` (UTF-8), each atomically.

    Returns:
        (parquet path, csv path).
    """
    folder = Path(folder)
    frame = df.reset_index(drop=True)
    parquet = atomic_write(folder / f"{name}.parquet", lambda p: frame.to_parquet(p, index=False))
    csv = atomic_write(folder / f"{name}.csv", lambda p: frame.to_csv(p, index=False, encoding="utf-8"))
    return parquet, csv


def write_csv(df: pd.DataFrame, path: Path, *, encoding: str = "utf-8") -> Path:
    """Write one CSV file (no Parquet twin) atomically."""
    return atomic_write(Path(path), lambda p: df.to_csv(p, index=False, encoding=encoding))


def read_table(folder: Path, name: str) -> pd.DataFrame:
    """Read `<folder>/<name>.parquet` (the CSV twin is for people and spreadsheets)."""
    import pandas as pd

    return pd.read_parquet(Path(folder) / f"{name}.parquet")


def write_json(data: Any, path: Path, *, indent: int | None = 2, sort_keys: bool = True,
               default: Callable[[Any], Any] | None = None, mode: int = PUBLIC) -> Path:
    """Write `data` as UTF-8 JSON (non-ASCII kept as is), atomically."""
    text = json.dumps(data, ensure_ascii=False, indent=indent, sort_keys=sort_keys, default=default)
    return write_text(Path(path), text, mode=mode)


def read_json(path: Path) -> Any:
    """Read a UTF-8 JSON file."""
    return json.loads(Path(path).read_text(encoding="utf-8"))


def replace_dir(build: Callable[[Path], Any], target: Path) -> None:
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


class TableError(ValueError):
    """A table file exists but cannot be read, or lacks declared columns (the owning stage turns
    this into its own numbered error)."""


_DTYPES = ("str", "int", "float", "bool")


@dataclass(frozen=True)
class TableSchema:
    """One artifact table, declared once next to the stage that writes it.

    Args:
        name: file stem, e.g. "theme_year" (written as `<name>.parquet` and `<name>.csv`).
        folder: folder under `output/` ("" for `output/` itself).
        columns: (column, dtype) pairs; dtype is "str", "int", "float" or "bool", with a trailing "?"
            for a column that tables of earlier versions may lack (readers must cope without it).
            Tables may carry more columns (e.g. one `score_<code>` per code).

    Example:
        >>> s = table_schema("over_time", "topics", "topic:int year:int count:int share:float")
        >>> s.names, s.path_in(Path("output"))
        (('topic', 'year', 'count', 'share'), PosixPath('output/topics/over_time.parquet'))
    """

    name: str
    folder: str
    columns: tuple[tuple[str, str], ...]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(c for c, _ in self.columns)

    @property
    def required(self) -> tuple[str, ...]:
        """The columns every version of the table has (without the "?" ones)."""
        return tuple(c for c, t in self.columns if not t.endswith("?"))

    def path_in(self, output_dir: Path) -> Path:
        return Path(output_dir) / self.folder / f"{self.name}.parquet"

    def missing(self, frame: pd.DataFrame) -> list[str]:
        return [c for c in self.required if c not in frame.columns]

    def save(self, frame: pd.DataFrame, folder: Path) -> tuple[Path, Path]:
        """Write the table (Parquet + CSV) into `folder`, atomically.

        Raises:
            TableError: when a declared column is missing (a bug in the producing stage).
        """
        missing = self.missing(frame)
        if missing:
            raise TableError(f"table '{self.name}' lacks declared column(s): {', '.join(missing)}")
        return write_table(frame, folder, self.name)

    def save_csv(self, frame: pd.DataFrame, folder: Path) -> Path:
        """Write the table as CSV only (`<name>.csv`, for files people open themselves), atomically.

        Raises:
            TableError: when a declared column is missing (a bug in the producing stage).
        """
        missing = self.missing(frame)
        if missing:
            raise TableError(f"table '{self.name}' lacks declared column(s): {', '.join(missing)}")
        return write_csv(frame, Path(folder) / f"{self.name}.csv")

    def load(self, folder: Path, need: tuple[str, ...] | None = None) -> pd.DataFrame | None:
        """Read the table from `folder` (Parquet, else its CSV twin); None when neither exists.

        Text columns come back as str with "" for empty cells, however the file was written.
        `need`: the declared columns this reader relies on (default: the required ones).

        Raises:
            TableError: the file cannot be read or lacks a declared column.
        """
        import pandas as pd

        for suffix in (".parquet", ".csv"):
            path = Path(folder) / f"{self.name}{suffix}"
            if not path.exists():
                continue
            try:
                frame = pd.read_parquet(path) if suffix == ".parquet" else pd.read_csv(
                    path, dtype={c: str for c, t in self.columns if t.rstrip("?") == "str"})
            except Exception as exc:  # pyarrow/pandas raise many types for a broken file
                raise TableError(f"tabel niet leesbaar ({type(exc).__name__})") from None
            missing = [c for c in (need or self.required) if c not in frame.columns]
            if missing:
                raise TableError(f"tabel '{self.name}' mist kolom(men): {', '.join(missing)}")
            for column, dtype in self.columns:
                if dtype.rstrip("?") == "str" and column in frame.columns:
                    frame[column] = frame[column].fillna("").astype(str)
            return frame
        return None


def table_schema(name: str, folder: str, columns: str) -> TableSchema:
    """A `TableSchema` from "column:dtype column:dtype ..." (see `TableSchema`)."""
    pairs = tuple(tuple(item.split(":")) for item in columns.split())
    for pair in pairs:
        if len(pair) != 2 or pair[1].rstrip("?") not in _DTYPES:
            raise ValueError(f"bad column declaration {':'.join(pair)!r} in table {name!r}")
    return TableSchema(name, folder, pairs)  # type: ignore[arg-type]
