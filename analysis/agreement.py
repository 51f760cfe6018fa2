"""Intercoder agreement: percentage agreement, Cohen's kappa and Krippendorff's alpha.

Input is the long codings table (doc, turn, part, coder, code), as written to
`output/review/human_codes.csv` and produced for the machine by
`codebook.review.codings_from_segments`. Definitions:

- A coder *reviewed* a segment (doc, turn, part) when the segment appears in that coder's rows,
  also with code "" (reviewed, no code applies). Each pair of coders is compared on the segments
  both reviewed (n).
- Per code the decision is binary (present / absent per segment). A theme counts as present when
  the theme or one of its subcodes was coded.
- `__overall__` pools the binary decisions of every theme and lens over the shared segments (the
  dimensions the report uses), and computes the three measures on that pooled table.
- Kappa: scikit-learn's `cohen_kappa_score`; alpha: the `krippendorff` package, nominal level.
  When neither coder used a code on the shared segments, kappa and alpha are undefined: NaN with
  reading "onvoldoende gegevens".
- Reading of alpha: >= 0.800 "betrouwbaar", >= 0.667 "voorlopig", otherwise "onvoldoende".

Example:
    >>> table = compute_agreement(pd.concat([human_codes, machine_codes]), book)
    >>> save_agreement(table, Path("output/agreement"))
"""

from __future__ import annotations

import itertools
import math
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.errors import AnalysisError
from nlp.io import table_schema
from codebook.model import Codebook

# output/agreement/agreement.parquet|.csv, declared once (docs/architecture.md lists the same).
SCHEMA = table_schema("agreement", "agreement", "code:str coder_a:str coder_b:str n:int percent:float kappa:float "
                      "alpha:float reading:str")
AGREEMENT_COLUMNS: tuple[str, ...] = SCHEMA.names
OVERALL = "__overall__"
MACHINE = "machine"
RELIABLE = 0.800
TENTATIVE = 0.667


def reading(alpha: float) -> str:
    """The usual reading of Krippendorff's alpha, in Dutch."""
    if alpha is None or math.isnan(alpha):
        return "onvoldoende gegevens"
    if alpha >= RELIABLE:
        return "betrouwbaar"
    if alpha >= TENTATIVE:
        return "voorlopig"
    return "onvoldoende"


def binary_agreement(a: np.ndarray, b: np.ndarray) -> tuple[float, float, float]:
    """(percent, kappa, alpha) of two equally long 0/1 vectors; NaN where undefined."""
    n = len(a)
    if n == 0:
        return math.nan, math.nan, math.nan
    percent = float(np.mean(a == b) * 100.0)
    if len(set(a.tolist()) | set(b.tolist())) < 2:
        return percent, math.nan, math.nan  # one value only: chance agreement is total
    import krippendorff
    from sklearn.metrics import cohen_kappa_score

    kappa = float(cohen_kappa_score(a, b, labels=[0, 1]))
    alpha = float(krippendorff.alpha(reliability_data=np.vstack([a, b]).astype(float),
                                     level_of_measurement="nominal"))
    return percent, kappa, alpha


def compute_agreement(codings: pd.DataFrame, codebook: Codebook) -> pd.DataFrame:
    """Agreement per code and overall between every pair of coders (including "machine").

    Args:
        codings: doc, turn, part, coder, code (code "" = reviewed, no code).
        codebook: defines the codes (themes, subcodes, lenses).

    Returns:
        DataFrame with columns code, coder_a, coder_b, n, percent, kappa, alpha, reading; one row
        per code of the codebook and one `__overall__` row per pair. "machine" is always coder_a
        of its pairs; other coders are in alphabetical order.

    Raises:
        AnalysisError: N501 when a column is missing or a code is not in the codebook.
    """
    missing = [c for c in ("doc", "turn", "part", "coder", "code") if c not in codings.columns]
    if missing:
        raise AnalysisError("N501", f"coderingen missen kolom(men): {', '.join(missing)}")
    frame = codings.copy()
    frame["code"] = frame["code"].fillna("").astype(str).str.strip()
    frame["coder"] = frame["coder"].astype(str)
    frame["key"] = list(zip(frame["doc"].astype(str), frame["turn"].astype(int), frame["part"].astype(int)))
    known = {c.id: c for c in codebook.codes}
    unknown = sorted(set(frame["code"]) - set(known) - {""})
    if unknown:
        raise AnalysisError("N501", f"coderingen bevatten code '{unknown[0]}' die niet in het codeboek staat")

    # roll subcodes up into their theme: a theme is present when it or a subcode was coded
    parents = frame[frame["code"].map(lambda c: c in known and known[c].parent is not None)].copy()
    parents["code"] = parents["code"].map(lambda c: known[c].parent)
    frame = pd.concat([frame, parents], ignore_index=True)

    reviewed: dict[str, set[tuple[str, int, int]]] = {
        coder: set(group["key"]) for coder, group in frame.groupby("coder")}
    present: dict[str, dict[str, set[tuple[str, int, int]]]] = {}
    for (coder, code), group in frame[frame["code"] != ""].groupby(["coder", "code"]):
        present.setdefault(coder, {})[code] = set(group["key"])

    coders = sorted(reviewed, key=lambda c: (c != MACHINE, c))
    overall_codes = [c.id for c in codebook.codes if c.kind in ("theme", "lens")]
    rows: list[dict[str, object]] = []
    for coder_a, coder_b in itertools.combinations(coders, 2):
        shared = sorted(reviewed[coder_a] & reviewed[coder_b])
        pooled_a: list[np.ndarray] = []
        pooled_b: list[np.ndarray] = []
        for code in codebook.codes:
            a = _vector(shared, present.get(coder_a, {}).get(code.id, set()))
            b = _vector(shared, present.get(coder_b, {}).get(code.id, set()))
            rows.append(_row(code.id, coder_a, coder_b, a, b))
            if code.id in overall_codes:
                pooled_a.append(a)
                pooled_b.append(b)
        a_all = np.concatenate(pooled_a) if pooled_a else np.zeros(0, dtype=int)
        b_all = np.concatenate(pooled_b) if pooled_b else np.zeros(0, dtype=int)
        row = _row(OVERALL, coder_a, coder_b, a_all, b_all)
        row["n"] = len(shared)
        rows.append(row)
    table = pd.DataFrame(rows, columns=list(AGREEMENT_COLUMNS))
    return table.astype({"code": str, "coder_a": str, "coder_b": str, "n": int, "percent": float,
                         "kappa": float, "alpha": float, "reading": str})


def _vector(shared: list[tuple[str, int, int]], keys: set[tuple[str, int, int]]) -> np.ndarray:
    return np.fromiter((1 if k in keys else 0 for k in shared), dtype=int, count=len(shared))


def _row(code: str, coder_a: str, coder_b: str, a: np.ndarray, b: np.ndarray) -> dict[str, object]:
    percent, kappa, alpha = binary_agreement(a, b)
    return {"code": code, "coder_a": coder_a, "coder_b": coder_b, "n": len(a), "percent": percent,
            "kappa": kappa, "alpha": alpha, "reading": reading(alpha)}


def save_agreement(table: pd.DataFrame, directory: Path) -> tuple[Path, Path]:
    """Write `agreement.parquet` and `agreement.csv` into `directory`, atomically.

    Returns:
        The two paths written.

    Raises:
        AnalysisError: N502 when the files cannot be written.
    """
    try:
        p1, p2 = SCHEMA.save(table, Path(directory))
    except OSError as exc:
        raise AnalysisError("N502", f"overeenstemmingstabel niet te schrijven ({type(exc).__name__})",
                            path=directory) from None
    return p1, p2


def load_agreement(directory: Path) -> pd.DataFrame | None:
    """Read the table `save_agreement` wrote (Parquet, else the CSV); None when there is none.

    Raises:
        TableError: the file is unreadable or lacks a column.
    """
    return SCHEMA.load(Path(directory))
