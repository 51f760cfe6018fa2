"""Honest reliability of the automatic coding, per code: which coder ran, how many segments people
reviewed, and how well the machine agrees with them on reviewed segments.

The machine's decisions on reviewed segments come from the zero-shot coder (which never trains) or,
for codes with a learned model, from cross-validation grouped by interview: the model that decided
a segment never trained on it (nor on its interview). So these figures estimate the agreement on
segments nobody reviewed; they are never computed on training segments.

Table columns (`RELIABILITY_COLUMNS`): code, kind, coder ("zero-shot" | "geleerd"), reviewed
(segments), positives (reviewed segments with the code), cv_f1_learned, cv_f1_zeroshot, n, percent,
kappa, alpha. The row with code "__overall__" pools every theme and lens.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np
import pandas as pd

from codebook.coding.io import RELIABILITY_SCHEMA

RELIABILITY_COLUMNS: tuple[str, ...] = RELIABILITY_SCHEMA.names  # declared with its writer (coding/io.py)


def binary_agreement(a: np.ndarray, b: np.ndarray) -> tuple[float, float, float]:
    """(percent agreement, Cohen's kappa, Krippendorff's alpha (nominal, two coders)) of 0/1 arrays."""
    a = np.asarray(a, dtype=int)
    b = np.asarray(b, dtype=int)
    if len(a) == 0:
        return float("nan"), float("nan"), float("nan")
    po = float(np.mean(a == b))
    pa, pb = a.mean(), b.mean()
    pe = pa * pb + (1 - pa) * (1 - pb)
    kappa = float("nan") if pe >= 1 else (po - pe) / (1 - pe)
    n = 2 * len(a)
    n1 = float(a.sum() + b.sum())
    n0 = n - n1
    alpha = float("nan") if n0 == 0 or n1 == 0 else 1 - (n - 1) * float(np.sum(a != b)) / (n0 * n1)
    return 100 * po, float(kappa), float(alpha)


def reliability_table(labels: Sequence[str], coders: Sequence[str], reviewed: np.ndarray, machine: np.ndarray,
                      fits: Sequence | None, kinds: Sequence[str]) -> pd.DataFrame:
    """One row per code plus "__overall__".

    Args:
        labels: code ids.
        coders: the coder that decided each code.
        reviewed: (m, k) 0/1 reviewers' codes of the m reviewed segments.
        machine: (m, k) bool machine decisions on the same segments, cross-validated.
        fits: the learned coder's `CodeFit`s (or None when it did not run).
        kinds: "theme" or "lens" per code.
    """
    reviewed = np.asarray(reviewed, dtype=int).reshape(-1, len(labels))
    machine = np.asarray(machine, dtype=int).reshape(-1, len(labels))
    by_code = {f.code: f for f in fits or ()}
    rows = []
    for column, (label, coder, kind) in enumerate(zip(labels, coders, kinds)):
        fit = by_code.get(label)
        percent, kappa, alpha = binary_agreement(reviewed[:, column], machine[:, column])
        rows.append({"code": label, "kind": kind, "coder": coder, "reviewed": int(len(reviewed)),
                     "positives": int(reviewed[:, column].sum()),
                     "cv_f1_learned": getattr(fit, "cv_f1_learned", None),
                     "cv_f1_zeroshot": getattr(fit, "cv_f1_zeroshot", None),
                     "n": int(len(reviewed)), "percent": percent, "kappa": kappa, "alpha": alpha})
    percent, kappa, alpha = binary_agreement(reviewed.ravel(), machine.ravel())
    coders_used = sorted(set(coders))
    rows.append({"code": "__overall__", "kind": "", "coder": "+".join(coders_used), "reviewed": int(len(reviewed)),
                 "positives": int(reviewed.sum()), "cv_f1_learned": None, "cv_f1_zeroshot": None,
                 "n": int(reviewed.size), "percent": percent, "kappa": kappa, "alpha": alpha})
    return pd.DataFrame(rows, columns=list(RELIABILITY_COLUMNS))
