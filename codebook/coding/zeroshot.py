"""Zero-shot coder: no labels, no fitted weights; scores normalised within the corpus being coded.

Per code and segment:
- semantic: the mean cosine of the segment to the code's `prototype_top_k` nearest prototypes
  (the coding manual's definition, include rules, anchor examples, and for a theme its subcodes'
  definitions and anchors), z-scored over the codable segments of this corpus. Embedding cosines
  have a model- and corpus-specific level; the z-score asks "is this segment closer to the code
  than segments of these transcripts usually are";
- contrast between themes (`theme_contrast`): a theme's semantic z-score minus the segment's mean
  z-score over all themes. The themes divide one subject matter, so what counts is whether a
  segment is closer to this theme than to the others; a segment that is close to every theme (a
  long, general answer) no longer gets them all. Lenses are not contrasted: they are stances, not
  competing subjects;
- keywords: the lexical coder's score (0.5 for one distinct keyword, 0.75 for two, ...) times
  `keyword_weight` z-units;
- context: a participant's answer inherits `question_context` times the score of the interviewer
  question it answers (the question sets the topic);
- self-training (`self_training` > 0, with embeddings): per theme and lens, the corpus's own
  segments with the top `SELF_TRAIN_TOP` share of scores are taken as examples and the bottom
  `SELF_TRAIN_BOTTOM` share as counter-examples; a logistic regression on the embeddings learns
  from them, cross-fitted by interview (a segment is scored by a model that never saw its
  interview), and its z-scored decision is added with weight `self_training`. The sum is scaled
  back to the spread of the score before it, so the threshold keeps its meaning. This spreads what
  the manual recognises with certainty to segments that say it in the corpus's own words;
- neighbours (`neighbour_context` > 0): themes persist over consecutive turns of one conversation,
  so a segment gets `neighbour_context` times the mean score of its neighbouring participant
  segments (the previous and the next codable segment of the same document; interviewer turns and
  too-short segments are skipped, never used), added last.

`combined = z_semantic (contrasted) + keyword_weight * keywords (+ context) (+ self-training)
(+ neighbours)`; a
code is assigned when the combined score reaches the threshold (in z-units), at most top-k per kind.
Interviewer segments and segments shorter than `min_words` are not codable: they get no codes and do
not enter the normalisation or the self-training.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold, KFold

from codebook.coding.lexical import LexicalMatches
from codebook.coding.settings import CodingSettings
from codebook.model import Code, Codebook
from nlp.embeddings import Embedder

SELF_TRAIN_TOP = 0.10  # share of a corpus's codable segments taken as a code's examples
SELF_TRAIN_BOTTOM = 0.50  # share taken as its counter-examples
SELF_TRAIN_C = 0.1  # regularisation of the self-trained model (strong: pseudo-labels are noisy)
SELF_TRAIN_FOLDS = 5  # cross-fitting folds (by interview when there are several)


@dataclass(frozen=True)
class Prototype:
    """One text of the coding manual that stands for a code."""

    code_id: str
    text: str
    source: str  # "definitie", "regel", "voorbeeld" or "subcode"


def manual_prototypes(code: Code, codebook: Codebook) -> list[Prototype]:
    """The coding manual's texts that stand for a code (definition, include rules, anchors, subcodes)."""
    protos = [Prototype(code.id, f"{code.name}: {code.definition}", "definitie")]
    protos += [Prototype(code.id, text, "regel") for text in code.include]
    protos += [Prototype(code.id, text, "voorbeeld") for text in code.examples]
    if code.kind == "theme":
        for sub in codebook.subcodes(code.id):
            protos.append(Prototype(code.id, f"{sub.name}: {sub.definition}", "subcode"))
            protos += [Prototype(code.id, text, "voorbeeld") for text in sub.examples]
    return protos


@dataclass(frozen=True)
class ZeroShotScores:
    """Scores of the zero-shot coder.

    Attributes:
        code_ids: codes in column order.
        combined: (n, k) combined z-scores (semantic + keywords + question context).
        semantic: (n, k) semantic z-scores (0 without embeddings).
        nearest: (n, k) index into `prototypes` of the nearest prototype (-1 without embeddings).
        prototypes: the prototypes.
        isolated: (n, k) combined scores without the neighbours' (each segment on its own);
            `combined` when the neighbour context is off.
    """

    code_ids: tuple[str, ...]
    combined: np.ndarray
    semantic: np.ndarray
    nearest: np.ndarray
    prototypes: tuple[Prototype, ...]
    isolated: np.ndarray

    def reason(self, row: int, column: int, width: int = 90) -> str | None:
        index = int(self.nearest[row, column])
        if index < 0 or self.semantic[row, column] < 1.0:
            return None
        proto = self.prototypes[index]
        text = proto.text if len(proto.text) <= width else proto.text[: width - 1].rstrip() + "…"
        return f"lijkt op {proto.source}: {text}"


class ZeroShotCoder:
    """Score segments against the coding manual without any labels.

    Args:
        codebook: the codebook.
        codes: codes to score, in column order.
        embedder: embedding backend, or None for keywords only.
        settings: keyword weight, prototype_top_k, question context.
    """

    def __init__(self, codebook: Codebook, codes: Sequence[Code], embedder: Embedder | None,
                 settings: CodingSettings = CodingSettings()):
        self.codes = tuple(codes)
        self.code_ids = tuple(c.id for c in self.codes)
        self.settings = settings
        self.embedder = embedder
        self.prototypes = tuple(p for c in self.codes for p in manual_prototypes(c, codebook))
        self._columns = [np.array([i for i, p in enumerate(self.prototypes) if p.code_id == cid])
                         for cid in self.code_ids]
        self.prototype_vectors_ = (embedder.embed([p.text for p in self.prototypes])
                                   if embedder is not None and self.prototypes else None)

    def score(self, vectors: np.ndarray | None, lexical: LexicalMatches, codable: np.ndarray,
              question_of: np.ndarray | None = None, groups: Sequence[str] | None = None) -> ZeroShotScores:
        """Scores for every segment.

        Args:
            vectors: (n, dim) L2-normalised segment embeddings, or None (keywords only).
            lexical: the lexical coder's matches for the same segments and codes.
            codable: (n,) bool, the segments that may get codes (participants, long enough);
                the normalisation uses these only.
            question_of: (n,) index of the interviewer question a segment answers, -1 for none.
            groups: (n,) interview of each segment, for cross-fitting the self-training
                (None: folds over segments) and for the neighbour context (None: no neighbours).
        """
        n, k = lexical.scores.shape
        semantic = np.zeros((n, k))
        nearest = np.full((n, k), -1, dtype=np.int64)
        if vectors is not None and self.prototype_vectors_ is not None and n:
            sims = np.asarray(vectors, dtype=np.float64) @ self.prototype_vectors_.T.astype(np.float64)
            raw = np.zeros((n, k))
            for column, idx in enumerate(self._columns):
                block = sims[:, idx]
                top = min(self.settings.prototype_top_k, block.shape[1])
                raw[:, column] = np.sort(block, axis=1)[:, -top:].mean(axis=1)
                nearest[:, column] = idx[block.argmax(axis=1)]
            semantic = zscore_within(raw, codable)
        contrasted = semantic.copy()
        themes = [i for i, c in enumerate(self.codes) if c.kind == "theme"]
        if self.settings.theme_contrast and len(themes) >= 2:
            contrasted[:, themes] -= semantic[:, themes].mean(axis=1, keepdims=True)
        base = contrasted + self.settings.keyword_weight * lexical.scores
        combined = base.copy()
        if question_of is not None and self.settings.question_context > 0:
            has = question_of >= 0
            combined[has] += self.settings.question_context * base[question_of[has]]
        if vectors is not None and self.settings.self_training > 0:
            columns = [i for i, c in enumerate(self.codes) if c.kind in ("theme", "lens")]
            combined = with_self_training(combined, np.asarray(vectors, dtype=np.float64), codable, columns,
                                          self.settings.self_training, groups, self.settings.random_state)
        isolated = combined
        if groups is not None and self.settings.neighbour_context > 0:
            combined = with_neighbours(combined, groups, codable, self.settings.neighbour_context)
        return ZeroShotScores(self.code_ids, combined, semantic, nearest, self.prototypes, isolated)


def with_self_training(scores: np.ndarray, vectors: np.ndarray, codable: np.ndarray, columns: Sequence[int],
                       weight: float, groups: Sequence[str] | None = None, random_state: int = 0) -> np.ndarray:
    """`scores` plus `weight` times a model trained on the corpus's own most and least typical
    segments per column (see the module docstring), rescaled to the spread of `scores`.

    Args:
        scores: (n, k) zero-shot scores; not modified.
        vectors: (n, dim) segment embeddings.
        codable: (n,) bool, segments that take part (others keep their score).
        columns: the columns to self-train.
        weight: weight of the self-trained z-score.
        groups: (n,) interview per segment; folds keep an interview together.
        random_state: seed of the folds over segments (when there are no groups).

    Returns:
        (n, k) new scores.
    """
    out = np.asarray(scores, dtype=np.float64).copy()
    rows = np.flatnonzero(codable)
    top_n = int(np.floor(SELF_TRAIN_TOP * len(rows)))
    if top_n < 3 or len(rows) < 4 * SELF_TRAIN_FOLDS:
        return out  # too few segments to learn anything from
    folds = _cross_fit_folds(rows, groups, random_state)
    x = vectors[rows]
    for column in columns:
        s = out[rows, column]
        order = np.argsort(-s, kind="stable")
        label = np.full(len(rows), -1)
        label[order[:top_n]] = 1
        label[order[len(rows) - int(np.floor(SELF_TRAIN_BOTTOM * len(rows))):]] = 0
        learned = np.zeros(len(rows))
        for train, test in folds:
            train = train[label[train] >= 0]
            if len(set(label[train].tolist())) < 2:
                continue
            model = LogisticRegression(C=SELF_TRAIN_C, class_weight="balanced", max_iter=1000)
            learned[test] = model.fit(x[train], label[train]).decision_function(x[test])
        sd = learned.std()
        if sd < 1e-9:
            continue
        mixed = s + weight * (learned - learned.mean()) / sd
        spread = mixed.std()
        out[rows, column] = mixed * (s.std() / spread) if spread > 1e-9 else mixed
    return out


def neighbour_rows(groups: Sequence[str], codable: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For each row, the nearest codable row before it and after it in the same document (-1 when
    none). Rows must be in transcript order; non-codable rows (interviewer, too short) are skipped.

    Returns:
        (previous, next): two (n,) int arrays.
    """
    g = np.asarray(groups)
    n = len(g)
    out = []
    for order in (range(n), range(n - 1, -1, -1)):
        found = np.full(n, -1, dtype=np.int64)
        last, doc = -1, None
        for row in order:
            if g[row] != doc:
                last, doc = -1, g[row]
            found[row] = last
            if codable[row]:
                last = row
        out.append(found)
    return out[0], out[1]


def neighbour_mean(scores: np.ndarray, previous: np.ndarray, following: np.ndarray) -> np.ndarray:
    """Row-wise mean of `scores` at the rows `previous` and `following` point to (those that exist;
    0 for a row without neighbours). Works for (n,) and (n, k) scores."""
    scores = np.asarray(scores, dtype=np.float64)
    total = np.zeros_like(scores)
    count = np.zeros(len(scores))
    for index in (previous, following):
        has = index >= 0
        total[has] += scores[index[has]]
        count[has] += 1
    shape = (-1,) + (1,) * (scores.ndim - 1)
    return np.where(count.reshape(shape) > 0, total / np.maximum(count, 1).reshape(shape), 0.0)


def with_neighbours(scores: np.ndarray, groups: Sequence[str], codable: np.ndarray, weight: float) -> np.ndarray:
    """`scores` plus `weight` times the mean score of each codable segment's neighbouring codable
    segments in the same document (`neighbour_rows`); other rows keep their score.

    Args:
        scores: (n, k) scores; not modified.
        groups: (n,) document of each row, rows in transcript order.
        codable: (n,) bool, the segments that take part (give and receive context).
        weight: weight of the neighbours' mean.

    Returns:
        (n, k) new scores.
    """
    out = np.asarray(scores, dtype=np.float64).copy()
    previous, following = neighbour_rows(groups, codable)
    rows = np.asarray(codable, dtype=bool)
    out[rows] += weight * neighbour_mean(scores, previous, following)[rows]
    return out


def _cross_fit_folds(rows: np.ndarray, groups: Sequence[str] | None, random_state: int) -> list:
    """(train, test) positions into `rows`: by interview when there are several, else by segment."""
    index = np.zeros((len(rows), 1))
    if groups is not None:
        g = np.asarray(groups)[rows]
        n_groups = len(set(g.tolist()))
        if n_groups >= 2:
            return list(GroupKFold(n_splits=min(SELF_TRAIN_FOLDS, n_groups)).split(index, groups=g))
    return list(KFold(n_splits=SELF_TRAIN_FOLDS, shuffle=True, random_state=random_state).split(index))


def zscore_within(values: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Column-wise z-scores, with mean and sd taken over the rows in `mask` (all rows if too few)."""
    rows = values[mask] if mask.sum() >= 2 else values
    if len(rows) < 2:
        return np.zeros_like(values)
    mean = rows.mean(axis=0)
    sd = rows.std(axis=0)
    sd[sd < 1e-9] = 1.0
    return (values - mean) / sd


def question_index(docs: Sequence[str], roles: Sequence[str]) -> np.ndarray:
    """For each segment: the row of the latest interviewer segment before it in the same document
    (-1 when none, and for interviewer segments themselves). Rows must be in transcript order."""
    out = np.full(len(docs), -1, dtype=np.int64)
    last, previous_doc = -1, None
    for row, (doc, role) in enumerate(zip(docs, roles)):
        if doc != previous_doc:
            last, previous_doc = -1, doc
        if role == "interviewer":
            last = row
        else:
            out[row] = last
    return out
