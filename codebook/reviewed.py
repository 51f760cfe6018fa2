"""The two tables people's review leaves in `output/review/`, declared once (read by coding, the
agreement, QDA export, the report and the shared edition through these functions).

    human_codes.csv   doc, turn, part, coder, code   one row per code a reviewer gave a segment
                                                      (a segment reviewed with no code: code "")
    shareable.csv     doc, turn, part, deelbaar       "ja"/"nee": may this quote go to the learning
                                                      community (the shared edition)?
    asked.csv         doc, turn, part, ronde          the segments narratief itself put to the
                                                      reviewers (`review export --aantal`: those it
                                                      was least sure about), with the round

Both are plain CSV (people may open them); a newer judgement of the same address replaces the older.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from codebook.errors import CodebookError
from nlp.io import TableError, TableSchema, table_schema

REVIEW_FOLDER = "review"
HUMAN_CODES = table_schema("human_codes", REVIEW_FOLDER, "doc:str turn:int part:int coder:str code:str")
SHAREABLE = table_schema("shareable", REVIEW_FOLDER, "doc:str turn:int part:int deelbaar:str")
ASKED = table_schema("asked", REVIEW_FOLDER, "doc:str turn:int part:int ronde:int")
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


def load_asked(output_dir: Path) -> frozenset[tuple[str, int, int]]:
    """The addresses (doc, turn, part) narratief chose for review because it was least sure."""
    table = _load(ASKED, output_dir, need=("doc", "turn", "part"))
    if table is None or table.empty:
        return frozenset()
    return frozenset((str(d), int(t), int(p)) for d, t, p in zip(table["doc"], table["turn"], table["part"]))


def record_asked(output_dir: Path, segments: pd.DataFrame, round_: int) -> None:
    """Remember which segments a review round put to the reviewers (doc, turn, part of `segments`),
    so the chapter can say that the agreement was measured on the machine's hardest segments."""
    asked = segments[["doc", "turn", "part"]].assign(ronde=int(round_))
    previous = _load(ASKED, output_dir)
    table = asked if previous is None else (
        pd.concat([previous, asked]).drop_duplicates(["doc", "turn", "part"], keep="first"))
    ASKED.save_csv(table, Path(output_dir) / REVIEW_FOLDER)


def reviewed_asked(human_codes: pd.DataFrame | None, asked: frozenset[tuple[str, int, int]]) -> int:
    """How many reviewed segments (doc, turn, part of `human_codes`) narratief had chosen itself."""
    if human_codes is None or human_codes.empty or not asked:
        return 0
    reviewed = set(zip(human_codes["doc"].astype(str), human_codes["turn"].astype(int), human_codes["part"].astype(int)))
    return len(reviewed & asked)


def next_round(output_dir: Path, prefix: str) -> int:
    """The number of the next review round: 1 + the highest in the review folder's workbook names
    (`<prefix><N>...xlsx`, also a saved copy such as "...-ronde-1-ingevuld.xlsx") and in the record
    of asked segments."""
    folder = Path(output_dir) / REVIEW_FOLDER
    pattern = re.compile(re.escape(prefix) + r"(\d+)")
    rounds = [int(m.group(1)) for p in folder.glob(f"{prefix}*.xlsx") if (m := pattern.match(p.name))]
    asked = _load(ASKED, output_dir, need=("ronde",))
    if asked is not None and not asked.empty:
        rounds.append(int(asked["ronde"].max()))
    return max(rounds, default=0) + 1
