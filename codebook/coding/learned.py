"""Learned coder: per code a linear classifier trained on people's reviewed codes.

scikit-learn style: `fit(X, Y, groups, fallback)` / `predict_proba(X)`, the base estimator passed
in (cloned per code), fitted attributes with a trailing underscore, `random_state` explicit.

Per code:
- fewer than `min_positives` reviewed positives (or fewer than two interviews reviewed): no model,
  the zero-shot coder decides (themes shift between years: a code rare in the reviewed year
  cannot be learned from it);
- otherwise the classifier's log-odds plus `prior_weight` times the zero-shot margin (the
  zero-shot coder acts as a prior: with few reviewed segments it carries what the manual says);
  out-of-fold scores from cross-validation grouped by interview; the decision
  threshold for each fold is chosen on the *other* folds' out-of-fold probabilities, so the
  out-of-fold decisions are honest; the final threshold is chosen on all of them;
- the regularisation strength (C, when the estimator has one, from `c_grid`) and the weight of the
  zero-shot prior (multiples `prior_grid` of `prior_weight`) are chosen per code by that same grouped
  cross-validation on the reviewed rows only (highest honest out-of-fold F1; ties go to the first,
  i.e. the stronger regularisation and the smaller prior);
- the model is used only when its out-of-fold F1 beats the zero-shot coder's F1 on the same
  reviewed segments.
Extra rows (the coding manual's own texts) join every training fold, never a validation fold.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.base import clone
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

KEY = ["doc", "turn", "part"]


def default_estimator(model: str = "logreg", random_state: int = 0):
    """The per-code classifier: balanced logistic regression, or a linear SVM (decision scores)."""
    if model == "svm":
        from sklearn.svm import LinearSVC

        return LinearSVC(C=0.5, class_weight="balanced", random_state=random_state)
    return LogisticRegression(C=1.0, class_weight="balanced", solver="liblinear", max_iter=1000,
                              random_state=random_state)


def _f1(y: np.ndarray, p: np.ndarray) -> float:
    tp = float(np.sum((y == 1) & (p == 1)))
    fp = float(np.sum((y == 0) & (p == 1)))
    fn = float(np.sum((y == 1) & (p == 0)))
    return 0.0 if tp == 0 else 2 * tp / (2 * tp + fp + fn)


def best_threshold(y: np.ndarray, scores: np.ndarray) -> float:
    """The threshold on `scores` with the highest F1 (midpoint between neighbouring scores)."""
    values = np.unique(scores)
    if len(values) < 2:
        return float(values[0]) if len(values) else 0.5
    candidates = (values[:-1] + values[1:]) / 2
    f1s = [_f1(y, (scores >= t).astype(int)) for t in candidates]
    return float(candidates[int(np.argmax(f1s))])


@dataclass(frozen=True)
class CodeFit:
    """What the learned coder decided for one code (no text, only counts and figures)."""

    code: str
    coder: str  # "geleerd" or "zero-shot"
    reviewed: int
    positives: int
    cv_f1_learned: float | None
    cv_f1_zeroshot: float | None
    reason: str


class LearnedCoder:
    """Per-code linear classifiers with a zero-shot fallback.

    Args:
        labels: code ids, column order of `Y`, `fallback` and `predict_proba`.
        estimator: base classifier (cloned per code); `default_estimator()` when None.
        min_positives: fewest reviewed positives before a code gets a model.
        n_splits: most folds of the grouped cross-validation.
        prior_weight: weight of the zero-shot margin added to the classifier's score (0 = none).
        random_state: seed (passed to the default estimator).
        c_grid: candidate values of the estimator's C (ignored when it has none).
        prior_grid: candidate multiples of `prior_weight`.
    """

    def __init__(self, labels: Sequence[str], estimator=None, min_positives: int = 5, n_splits: int = 5,
                 prior_weight: float = 1.0, random_state: int = 0,
                 c_grid: Sequence[float] = (0.1, 1.0, 10.0), prior_grid: Sequence[float] = (0.5, 1.0, 2.0)):
        self.labels = tuple(labels)
        self.estimator = estimator
        self.min_positives = min_positives
        self.n_splits = n_splits
        self.prior_weight = prior_weight
        self.random_state = random_state
        self.c_grid = tuple(c_grid)
        self.prior_grid = tuple(prior_grid)

    def fit(self, X, Y: np.ndarray, groups: Sequence[str], fallback: np.ndarray, fallback_thresholds: np.ndarray,
            extra_X=None, extra_Y: np.ndarray | None = None) -> "LearnedCoder":
        """Fit on reviewed rows.

        Args:
            X: (n, d) features of the reviewed segments (dense or sparse).
            Y: (n, k) 0/1 reviewed labels.
            groups: (n,) interview (document) of each row, for grouped cross-validation.
            fallback: (n, k) zero-shot scores of the same rows.
            fallback_thresholds: (k,) zero-shot thresholds.
            extra_X, extra_Y: extra training rows (codebook texts), never validated on.
        """
        Y = np.asarray(Y, dtype=np.int64)
        groups = np.asarray(groups)
        base = self.estimator if self.estimator is not None else default_estimator(random_state=self.random_state)
        self.estimators_: list = []
        self.thresholds_ = np.full(len(self.labels), np.nan)
        self.prior_weights_ = np.full(len(self.labels), self.prior_weight, dtype=np.float64)
        self.params_: list[dict] = []
        self.use_learned_ = np.zeros(len(self.labels), dtype=bool)
        self.oof_decisions_ = np.zeros_like(Y)
        self.fits_: list[CodeFit] = []
        n_groups = len(set(groups.tolist()))
        for column, label in enumerate(self.labels):
            y = Y[:, column]
            zs_pred = (fallback[:, column] >= fallback_thresholds[column]).astype(int)
            zs_f1 = _f1(y, zs_pred) if y.sum() else None
            self.oof_decisions_[:, column] = zs_pred
            positives = int(y.sum())
            if positives < self.min_positives or positives == len(y) or n_groups < 2:
                why = (f"minder dan {self.min_positives} beoordeelde positieven" if positives < self.min_positives
                       else "te weinig interviews beoordeeld" if n_groups < 2 else "geen negatieven")
                self.estimators_.append(None)
                self.fits_.append(CodeFit(label, "zero-shot", len(y), positives, None, zs_f1, why))
                continue
            ey = None if extra_Y is None else np.asarray(extra_Y)[:, column]
            margin = fallback[:, column] - fallback_thresholds[column]
            learned_f1, oof, decisions, chosen, weight = -1.0, None, None, base, self.prior_weight
            for candidate in _candidates(base, self.c_grid):
                raw = self._oof_scores(candidate, X, y, groups, n_groups, extra_X, ey)
                for factor in self.prior_grid if self.prior_weight > 0 else (0.0,):
                    scores = raw + factor * self.prior_weight * margin
                    cand_decisions = self._honest_decisions(y, scores, groups, n_groups)
                    f1 = _f1(y, cand_decisions)
                    if f1 > learned_f1:
                        learned_f1, oof, decisions = f1, scores, cand_decisions
                        chosen, weight = candidate, factor * self.prior_weight
            if zs_f1 is not None and learned_f1 <= zs_f1:
                self.estimators_.append(None)
                self.fits_.append(CodeFit(label, "zero-shot", len(y), positives, learned_f1, zs_f1,
                                          "zero-shot doet het even goed of beter in kruisvalidatie"))
                continue
            model = clone(chosen).fit(*_stack(X, y, extra_X, ey))
            self.estimators_.append(model)
            self.prior_weights_[column] = weight
            self.thresholds_[column] = best_threshold(y, oof)
            self.use_learned_[column] = True
            self.oof_decisions_[:, column] = decisions
            self.fits_.append(CodeFit(label, "geleerd", len(y), positives, learned_f1, zs_f1,
                                      "geleerd model beter in kruisvalidatie per interview"))
        self.n_samples_ = int(Y.shape[0])
        return self

    def _folds(self, groups: np.ndarray, n_groups: int):
        return GroupKFold(n_splits=min(self.n_splits, n_groups)).split(np.zeros(len(groups)), groups=groups)

    def _oof_scores(self, base, X, y, groups, n_groups, extra_X, extra_y) -> np.ndarray:
        oof = np.zeros(len(y))
        for train, test in self._folds(groups, n_groups):
            yt = y[train]
            if yt.min() == yt.max() and extra_y is None:
                oof[test] = 10.0 if yt.mean() > 0.5 else -10.0
                continue
            model = clone(base).fit(*_stack(_rows(X, train), yt, extra_X, extra_y))
            oof[test] = _decision(model, _rows(X, test))
        return oof

    def _honest_decisions(self, y, oof, groups, n_groups) -> np.ndarray:
        decisions = np.zeros(len(y), dtype=np.int64)
        for _, test in self._folds(groups, n_groups):
            others = np.setdiff1d(np.arange(len(y)), test)
            threshold = best_threshold(y[others], oof[others]) if y[others].sum() else np.inf
            decisions[test] = (oof[test] >= threshold).astype(np.int64)
        return decisions

    def decision_scores(self, X, prior_margin: np.ndarray | None = None) -> np.ndarray:
        """(n, k) classifier scores (+ prior_weight * zero-shot margin) minus the chosen threshold
        (>= 0 means "code"); NaN where a code has no learned model.

        Args:
            X: features.
            prior_margin: (n, k) zero-shot score minus zero-shot threshold of the same rows.
        """
        n = X.shape[0]
        out = np.full((n, len(self.labels)), np.nan)
        for column, model in enumerate(self.estimators_):
            if model is not None:
                prior = 0.0 if prior_margin is None else self.prior_weights_[column] * prior_margin[:, column]
                out[:, column] = _decision(model, X) + prior - self.thresholds_[column]
        return out

    def predict_proba(self, X, prior_margin: np.ndarray | None = None) -> np.ndarray:
        """(n, k) probability-like scores in [0, 1], 0.5 at each code's threshold; NaN without model."""
        return 1.0 / (1.0 + np.exp(-self.decision_scores(X, prior_margin)))


def _candidates(base, c_grid: Sequence[float]) -> list:
    """The base estimator with each C of `c_grid` (just the base when it has no C or the grid is empty)."""
    if not c_grid or "C" not in base.get_params():
        return [base]
    return [clone(base).set_params(C=c) for c in c_grid]


def _rows(X, index):
    return X[index]


def _stack(X, y, extra_X, extra_y):
    if extra_X is None or extra_y is None:
        return X, y
    if sparse.issparse(X) or sparse.issparse(extra_X):
        return sparse.vstack([X, extra_X]).tocsr(), np.concatenate([y, extra_y])
    return np.vstack([X, extra_X]), np.concatenate([y, extra_y])


def _decision(model, X) -> np.ndarray:
    """Classifier score in log-odds-like units (logit of the probability, or the SVM margin)."""
    if hasattr(model, "predict_proba"):
        p = np.clip(model.predict_proba(X)[:, 1], 1e-6, 1 - 1e-6)
        return np.log(p / (1 - p))
    return model.decision_function(X)


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
    known = set(labels)  # a subcode counts for its theme
    codes["code"] = [c if c in known or "." not in c else c.split(".", 1)[0] for c in codes["code"]]
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
