"""The two tables people's review leaves in `output/review/`, declared once (read by coding, the
agreement, QDA export, the report and the shared edition through these functions).

    human_codes.csv   doc, turn, part, coder, code   one row per code a reviewer gave a segment
                                                      (a segment reviewed with no code: code "")
    shareable.csv     doc, turn, part, deelbaar       "ja"/"nee": may this quote go to the learning
                                                      community (the shared edition)?

Both are plain CSV (people may open them); a newer judgement of the same address replaces the older.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from codebook.errors import CodebookError
from nlp.io import TableError, TableSchema, table_schema

REVIEW_FOLDER = "review"
HUMAN_CODES = table_schema("human_codes", REVIEW_FOLDER, "doc:str turn:int part:int coder:str code:str")
SHAREABLE = table_schema("shareable", REVIEW_FOLDER, "doc:str turn:int part:int deelbaar:str")
YES = ("ja", "yes", "1", "true", "x")


def human_codes_path(output_dir: Path) -> Path:
    return Path(output_dir) / REVIEW_FOLDER / f"{HUMAN_CODES.name}.csv"


def shareable_path(output_dir: Path) -> Path:
    return Path(output_dir) / REVIEW_FOLDER / f"{SHAREABLE.name}.csv"


def _load(schema: TableSchema, output_dir: Path, need: tuple[str, ...] | None = None) -> pd.DataFrame | None:
    folder = Path(output_dir) / REVIEW_FOLDER
    try:
        return schema.load(folder, need=need)
    except (OSError, TableError) as exc:
        raise CodebookError("N342", f"reviewtabel onbruikbaar ({exc})", path=folder / f"{schema.name}.csv") from None


def load_human_codes(output_dir: Path) -> pd.DataFrame | None:
    """The reviewers' codes, or None when nobody reviewed yet.

    Raises:
        CodebookError: N342 when the file cannot be read or lacks a column.
    """
    return _load(HUMAN_CODES, output_dir)


def merge_human_codes(output_dir: Path, codes: pd.DataFrame) -> pd.DataFrame:
    """Add imported codes; a coder's new judgement of a segment replaces that coder's old one."""
    old = load_human_codes(output_dir)
    codes = codes[list(HUMAN_CODES.names)]
    if old is not None and not old.empty:
        new_keys = set(zip(codes["doc"], codes["turn"], codes["part"], codes["coder"]))
        keep = [k not in new_keys for k in zip(old["doc"], old["turn"], old["part"], old["coder"])]
        codes = pd.concat([old[keep], codes], ignore_index=True)
    HUMAN_CODES.save_csv(codes, Path(output_dir) / REVIEW_FOLDER)
    return codes


def load_shareable(output_dir: Path) -> frozenset[tuple[str, int, int]]:
    """The addresses (doc, turn, part) a reviewer marked shareable."""
    table = _load(SHAREABLE, output_dir, need=("doc", "turn", "part"))
    if table is None or table.empty:
        return frozenset()
    flags = table["deelbaar"] if "deelbaar" in table.columns else pd.Series("ja", index=table.index)
    marked = flags.fillna("ja").astype(str).str.strip().str.lower().replace("", "ja").isin(YES)
    return frozenset((str(d), int(t), int(p)) for d, t, p in
                     zip(table["doc"][marked], table["turn"][marked], table["part"][marked]))


def merge_shareable(output_dir: Path, marks: pd.DataFrame) -> None:
    """Add reviewers' shareable marks (doc, turn, part, shareable: bool); newer marks win."""
    marked = marks.assign(deelbaar=marks["shareable"].map(lambda v: "ja" if bool(v) else "nee"))
    marked = marked[list(SHAREABLE.names)]
    previous = _load(SHAREABLE, output_dir)
    table = marked if previous is None else (
        pd.concat([previous, marked]).drop_duplicates(["doc", "turn", "part"], keep="last"))
    SHAREABLE.save_csv(table, Path(output_dir) / REVIEW_FOLDER)
