"""Agreement of automatic coding with gold (or human) codes at turn level, per theme or lens.

A turn has a code when any of its parts has it. Used to calibrate the defaults on the demo
corpus and to test the agreement floor on held-out transcripts.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np
import pandas as pd
from sklearn.metrics import cohen_kappa_score, f1_score, precision_score, recall_score


def _split(value: object) -> set[str]:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return set()
    return {v.strip() for v in str(value).split(";") if v.strip()}


def turn_labels(table: pd.DataFrame, column: str) -> dict[tuple[str, int], set[str]]:
    """(doc, turn) -> union of the ';'-separated ids in `column` over the turn's parts."""
    out: dict[tuple[str, int], set[str]] = {}
    for doc, turn, value in zip(table["doc"].astype(str), table["turn"].astype(int), table[column]):
        out.setdefault((doc, turn), set()).update(_split(value))
    return out


def agreement_per_code(
    machine: pd.DataFrame, gold: pd.DataFrame, codes: Sequence[str], column: str = "themes"
) -> pd.DataFrame:
    """Cohen's kappa, F1, precision and recall per code over the turns in `gold`.

    Args:
        machine: coded segments (doc, turn, part, `column`).
        gold: turn-level codes (doc, turn, `column`), one row per turn (one coder); turns of
            documents absent from `machine` are ignored.
        codes: code ids to evaluate.
        column: "themes" or "lenses".

    Returns:
        DataFrame code, n, gold_pos, machine_pos, kappa, f1, precision, recall; plus a row
        "__mean__" with the unweighted means of kappa and F1.
    """
    predicted = turn_labels(machine, column)
    truth = turn_labels(gold, column)
    docs = set(machine["doc"].astype(str))
    keys = sorted(k for k in truth if k[0] in docs)  # only transcripts that were coded
    rows = []
    for code in codes:
        y = np.array([code in truth[k] for k in keys], dtype=int)
        p = np.array([code in predicted.get(k, set()) for k in keys], dtype=int)
        kappa = cohen_kappa_score(y, p) if (y.any() or p.any()) and not (y == p).all() else float((y == p).all())
        rows.append(
            {
                "code": code,
                "n": len(keys),
                "gold_pos": int(y.sum()),
                "machine_pos": int(p.sum()),
                "kappa": float(kappa),
                "f1": float(f1_score(y, p, zero_division=0)),
                "precision": float(precision_score(y, p, zero_division=0)),
                "recall": float(recall_score(y, p, zero_division=0)),
            }
        )
    frame = pd.DataFrame(rows)
    mean = {"code": "__mean__", "n": len(keys), "gold_pos": int(frame["gold_pos"].sum()),
            "machine_pos": int(frame["machine_pos"].sum()), "kappa": float(frame["kappa"].mean()),
            "f1": float(frame["f1"].mean()), "precision": float(frame["precision"].mean()),
            "recall": float(frame["recall"].mean())}
    return pd.concat([frame, pd.DataFrame([mean])], ignore_index=True)
