"""Learned coder: a classifier trained on people's reviewed codes takes part in the coding.

One logistic regression per label (one-vs-rest) on segment embeddings plus the lexical scores.
Labels that the reviewed segments never (or always) carry get no model and a constant
probability (the observed rate). scikit-learn style: `fit(X, Y)`, `predict_proba(X)`, fitted
attributes with a trailing underscore, `random_state` explicit.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression

KEY = ["doc", "turn", "part"]


class LearnedCoder:
    """One-vs-rest logistic regression over a fixed list of labels.

    Args:
        labels: code ids, in column order of `Y` and of `predict_proba`.
        C: inverse regularisation strength.
        random_state: seed (recorded in the manifest through the settings).
    """

    def __init__(self, labels: Sequence[str], C: float = 1.0, random_state: int = 0):
        self.labels = tuple(labels)
        self.C = C
        self.random_state = random_state

    def fit(self, X: np.ndarray, Y: np.ndarray) -> "LearnedCoder":
        X = np.asarray(X, dtype=np.float64)
        Y = np.asarray(Y, dtype=np.int64)
        if Y.shape != (X.shape[0], len(self.labels)):
            raise ValueError("Y must have one row per sample and one column per label")
        self.estimators_: list[LogisticRegression | None] = []
        self.base_rate_ = Y.mean(axis=0) if len(Y) else np.zeros(len(self.labels))
        for column in range(len(self.labels)):
            y = Y[:, column]
            if y.min(initial=0) == y.max(initial=0):
                self.estimators_.append(None)
                continue
            model = LogisticRegression(C=self.C, class_weight="balanced", max_iter=2000, random_state=self.random_state)
            model.fit(X, y)
            self.estimators_.append(model)
        self.n_samples_ = int(X.shape[0])
        return self

    def predict_proba(self, X: np.ndarray) -> np.ndarray:
        X = np.asarray(X, dtype=np.float64)
        out = np.zeros((X.shape[0], len(self.labels)))
        for column, model in enumerate(self.estimators_):
            out[:, column] = self.base_rate_[column] if model is None else model.predict_proba(X)[:, 1]
        return out


def human_label_matrix(
    segments: pd.DataFrame, human_codes: pd.DataFrame, labels: Sequence[str]
) -> tuple[np.ndarray, np.ndarray]:
    """Which segments people reviewed, and the labels they gave.

    `human_codes` has columns doc, turn, part, coder, code (one row per assigned code; a row with an
    empty code marks a segment reviewed without codes). A missing `part` applies to every part of
    the turn. A label counts when at least half of the segment's coders gave it.

    Returns:
        (row positions into `segments` of reviewed segments, 0/1 matrix (n_reviewed, n_labels)).
    """
    if human_codes is None or human_codes.empty:
        return np.zeros(0, dtype=np.int64), np.zeros((0, len(labels)), dtype=np.int64)
    codes = human_codes.copy()
    if "part" not in codes.columns:
        codes["part"] = np.nan
    codes["code"] = codes["code"].fillna("").astype(str).str.strip()
    codes["coder"] = codes.get("coder", pd.Series("", index=codes.index)).fillna("").astype(str)
    seg = segments[KEY].reset_index(drop=True).copy()
    seg["row"] = np.arange(len(seg))
    seg["doc"] = seg["doc"].astype(str)
    codes["doc"] = codes["doc"].astype(str)
    codes["turn"] = pd.to_numeric(codes["turn"], errors="coerce")
    codes = codes.dropna(subset=["turn"]).astype({"turn": "int64"})
    exact = codes[codes["part"].notna()].astype({"part": "int64"}).merge(seg, on=KEY)
    whole = codes[codes["part"].isna()].drop(columns="part").merge(seg, on=["doc", "turn"])
    joined = pd.concat([exact, whole], ignore_index=True)
    if joined.empty:
        return np.zeros(0, dtype=np.int64), np.zeros((0, len(labels)), dtype=np.int64)
    rows = np.array(sorted(joined["row"].unique()), dtype=np.int64)
    position = {row: i for i, row in enumerate(rows)}
    coders = joined.groupby("row")["coder"].nunique().clip(lower=1)
    votes = np.zeros((len(rows), len(labels)))
    label_index = {label: i for i, label in enumerate(labels)}
    for (row, code), group in joined.groupby(["row", "code"]):
        if code in label_index:
            votes[position[row], label_index[code]] = group["coder"].nunique()
    need = np.array([coders[row] for row in rows], dtype=float)[:, None] / 2.0
    return rows, (votes >= need).astype(np.int64) * (votes > 0)
