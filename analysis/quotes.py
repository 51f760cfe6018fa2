"""Representative quotes: typical for the theme, diverse in speakers and interviews, never two from
one turn."""

from __future__ import annotations

import numpy as np
import pandas as pd


def typicality(candidates: pd.DataFrame, theme: str, embeddings: np.ndarray | None, lens: str = "") -> np.ndarray:
    """How typical each candidate segment is for `theme` (and, when given, for `lens`).

    The coding stage's `score_<theme>` when present (averaged with `score_<lens>` for a lens, so a
    lens gets the quotes that fit it); else the cosine to the centroid of the
    candidates' embeddings (rows of `embeddings` aligned with the candidates); else the cosine to
    the TF-IDF centroid of the candidates' texts.
    """
    column = f"score_{theme}"
    if column in candidates.columns:
        scores = pd.to_numeric(candidates[column], errors="coerce").to_numpy(dtype=float)
        if np.isfinite(scores).any():
            scores = np.nan_to_num(scores, nan=float(np.nanmin(scores)))
            if lens and f"score_{lens}" in candidates.columns:
                extra = pd.to_numeric(candidates[f"score_{lens}"], errors="coerce").to_numpy(dtype=float)
                if np.isfinite(extra).any():
                    scores = (scores + np.nan_to_num(extra, nan=float(np.nanmin(extra)))) / 2
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


def select_quotes(candidates: pd.DataFrame, scores: np.ndarray, k: int, min_words: int = 6) -> pd.DataFrame:
    """Greedy choice of up to `k` quotes.

    Each step takes the candidate that adds most diversity (a speaker not yet quoted, an
    interview not yet quoted), then the most typical; candidates from a turn already quoted are
    skipped. Segments shorter than `min_words` are only used when there are too few longer ones.

    Returns the chosen rows (in choice order) with columns `rank` (1-based) and `typicality`.
    """
    frame = candidates.assign(typicality=np.asarray(scores, dtype=float)).reset_index(drop=True)
    frame = frame.sort_values(["typicality", "doc", "turn", "part"],
                              ascending=[False, True, True, True], kind="mergesort")
    long_enough = frame["text"].astype(str).str.split().str.len() >= min_words
    if long_enough.sum() >= k:
        frame = frame[long_enough]
    chosen: list[int] = []
    turns: set[tuple[str, int]] = set()
    docs: set[str] = set()
    speakers: set[tuple[str, str]] = set()
    rows = list(frame[["doc", "turn", "speaker_key", "typicality"]].itertuples(index=False))
    while len(chosen) < k:
        best, best_key = None, None
        for pos, row in enumerate(rows):
            if pos in chosen or (row.doc, row.turn) in turns:
                continue
            key = (int(row.speaker_key not in speakers) + int(row.doc not in docs), row.typicality)
            if best_key is None or key[0] > best_key[0]:  # rows are sorted by typicality already
                best, best_key = pos, key
        if best is None:
            break
        chosen.append(best)
        row = rows[best]
        turns.add((row.doc, row.turn))
        docs.add(row.doc)
        speakers.add(row.speaker_key)
    picked = frame.iloc[chosen].copy()
    picked["rank"] = np.arange(1, len(picked) + 1)
    return picked
