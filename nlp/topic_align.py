"""Align topics with the codebook and judge their trend: pure numpy/pandas helpers for `topics`.

A topic's *centroid* is the normalised mean of its segments' (L2-normalised) embeddings; its
alignment with a theme is the cosine between that centroid and the theme's prototype embedding.
"""

from __future__ import annotations

import numpy as np
import pandas as pd


def normalise(matrix: np.ndarray) -> np.ndarray:
    """Rows scaled to unit length (zero rows stay zero)."""
    m = np.asarray(matrix, dtype=np.float64)
    norms = np.linalg.norm(m, axis=1, keepdims=True)
    return m / np.where(norms == 0, 1.0, norms)


def centroids(embeddings: np.ndarray, labels: np.ndarray, topics: list[int]) -> np.ndarray:
    """One normalised centroid per topic id in `topics` (row order follows `topics`)."""
    emb = normalise(embeddings)
    return normalise(np.vstack([emb[labels == t].mean(axis=0) for t in topics]))


def theme_sets(themes: pd.Series) -> list[frozenset[str]]:
    """The ';'-separated `themes` column as sets of theme ids (missing or empty -> empty set)."""
    out = []
    for value in themes.tolist():
        if value is None or (isinstance(value, float) and np.isnan(value)):
            out.append(frozenset())
        else:
            out.append(frozenset(p.strip() for p in str(value).split(";") if p.strip()))
    return out


def reference_similarity(
    embeddings: np.ndarray, sets: list[frozenset[str]], theme_ids: list[str], theme_emb: np.ndarray,
    min_coded: int = 3,
) -> tuple[float | None, dict[str, float]]:
    """Typical in-codebook similarity: for each theme, cosine(prototype, centroid of the segments the
    coding stage gave that theme); returns the median over themes and the per-theme values.

    This is what a topic that *is* about a codebook theme looks like in this embedding space, so an
    emergent threshold derived from it carries over between embedding models and corpora.
    Returns (None, {}) when no theme has at least `min_coded` coded segments.
    """
    emb = normalise(embeddings)
    protos = normalise(theme_emb)
    per_theme: dict[str, float] = {}
    for i, theme in enumerate(theme_ids):
        mask = np.array([theme in s for s in sets], dtype=bool)
        if mask.sum() >= min_coded:
            c = normalise(emb[mask].mean(axis=0, keepdims=True))[0]
            per_theme[theme] = float(c @ protos[i])
    if not per_theme:
        return None, {}
    return float(np.median(list(per_theme.values()))), per_theme


def is_growing(shares: list[float], min_growth: float) -> bool:
    """A share series (one value per year, oldest first) grows when the last year is at least
    `min_growth` above the first and no year drops more than `min_growth` below the year before."""
    if len(shares) < 2:
        return False
    steps = np.diff(np.asarray(shares, dtype=float))
    return bool(shares[-1] - shares[0] >= min_growth and (steps >= -min_growth).all())
