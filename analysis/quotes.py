"""Representative quotes: typical for the theme, diverse in speakers and interviews, never two from
one turn."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd


def typicality(candidates: pd.DataFrame, theme: str, embeddings: np.ndarray | None, lens: str = "") -> np.ndarray:
    """How typical each candidate segment is for `theme` (and, when given, for `lens`).

    The coding stage's `score_<theme>` when present (averaged with `score_<lens>` for a lens, so a
    lens gets the quotes that fit it); else the cosine to the centroid of the
    candidates' embeddings (rows of `embeddings` aligned with the candidates); else the cosine to
    the TF-IDF centroid of the candidates' texts.
    """
    scores = coded_typicality(_numeric(candidates, f"score_{theme}"),
                              _numeric(candidates, f"score_{lens}") if lens else None)
    if scores is not None:
        return scores
    if embeddings is not None and len(embeddings):
        emb = np.asarray(embeddings, dtype=np.float64)
        emb = emb / np.maximum(np.linalg.norm(emb, axis=1, keepdims=True), 1e-12)
        centre = emb.mean(axis=0)
        return emb @ (centre / max(np.linalg.norm(centre), 1e-12))
    from sklearn.feature_extraction.text import TfidfVectorizer

    texts = candidates["text"].astype(str).tolist()
    try:
        matrix = TfidfVectorizer(token_pattern=r"(?u)\b[^\W\d_]{3,}\b").fit_transform(texts)
    except ValueError:  # no usable words at all
        return np.zeros(len(texts))
    centre = np.asarray(matrix.mean(axis=0)).ravel()
    norm = np.linalg.norm(centre)
    return np.asarray(matrix @ (centre / norm)).ravel() if norm else np.zeros(len(texts))


def coded_typicality(theme_scores: np.ndarray | None, lens_scores: np.ndarray | None = None) -> np.ndarray | None:
    """Typicality from the coding stage's scores of the candidates (`typicality`'s first choice):
    the theme's score, averaged with the lens's where the lens has scores; a missing score counts
    as the lowest of the candidates. None when the theme has no score at all."""
    if theme_scores is None or not np.isfinite(theme_scores).any():
        return None
    scores = np.nan_to_num(theme_scores, nan=float(np.nanmin(theme_scores)))
    if lens_scores is not None and np.isfinite(lens_scores).any():
        scores = (scores + np.nan_to_num(lens_scores, nan=float(np.nanmin(lens_scores)))) / 2
    return scores


def _numeric(frame: pd.DataFrame, column: str) -> np.ndarray | None:
    if column not in frame.columns:
        return None
    return pd.to_numeric(frame[column], errors="coerce").to_numpy(dtype=float)


def choose_quotes(docs: Sequence[str], turns: Sequence[int], parts: Sequence[int], speakers: Sequence[object],
                  words: Sequence[int], scores: np.ndarray, k: int, min_words: int = 6) -> list[int]:
    """Positions of up to `k` quotes among candidates given column by column, in choice order.

    Each step takes the candidate that adds most diversity (a speaker not yet quoted, an
    interview not yet quoted), then the most typical (highest score; ties by doc, turn, part);
    candidates from a turn already quoted are skipped. Segments shorter than `min_words` are only
    used when there are too few longer ones.
    """
    order = np.lexsort((np.asarray(parts), np.asarray(turns), np.asarray(docs, dtype=str),
                        -np.asarray(scores, dtype=float))).tolist()
    long_enough = [i for i in order if words[i] >= min_words]
    if len(long_enough) >= k:
        order = long_enough
    chosen: list[int] = []
    taken: set[int] = set()
    quoted_turns: set[tuple[str, int]] = set()
    quoted_docs: set[str] = set()
    quoted_speakers: set[object] = set()
    while len(chosen) < k:
        best, best_gain = None, -1
        for i in order:
            if i in taken or (docs[i], turns[i]) in quoted_turns:
                continue
            gain = int(speakers[i] not in quoted_speakers) + int(docs[i] not in quoted_docs)
            if gain > best_gain:  # candidates come in order of typicality: the first of a gain wins
                best, best_gain = i, gain
        if best is None:
            break
        chosen.append(best)
        taken.add(best)
        quoted_turns.add((docs[best], turns[best]))
        quoted_docs.add(docs[best])
        quoted_speakers.add(speakers[best])
    return chosen
