"""Align topics with the codebook and judge their trend: pure numpy/pandas helpers for `topics`.

A topic's *centroid* is the normalised mean of its segments' (L2-normalised) embeddings; its
alignment with a theme is the cosine between that centroid and the theme's prototype embedding,
both taken relative to the corpus mean embedding ("centred cosine"). Transformer sentence embeddings
are anisotropic: every raw cosine lies high (e5: 0.78-0.90), and a prototype that is close to
everything wins every comparison. Subtracting the corpus mean gives a scale with a meaningful zero
(0 = no more related to the theme than the average segment), on which thresholds carry over.
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


def centred_similarities(embeddings: np.ndarray, groups: list[np.ndarray],
                         theme_emb: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Centred and raw cosine between each group's centroid (rows = boolean masks over the
    segments) and each theme prototype; returns (centred, raw), each (n_groups, n_themes)."""
    emb = normalise(embeddings)
    protos = normalise(theme_emb)
    mean = emb.mean(axis=0)
    raw_c = np.vstack([emb[g].mean(axis=0) for g in groups])
    centred = normalise(raw_c - mean) @ normalise(protos - mean).T
    raw = normalise(raw_c) @ protos.T
    return centred, raw


def reference_similarity(
    embeddings: np.ndarray, sets: list[frozenset[str]], theme_ids: list[str], theme_emb: np.ndarray,
    min_coded: int = 3,
) -> tuple[float | None, dict[str, float]]:
    """Typical in-codebook similarity: for each theme, the centred cosine between its prototype and
    the centroid of the segments the coding stage gave that theme; returns the median over themes
    and the per-theme values.

    This is what a topic that *is* about a codebook theme looks like in this embedding space, so an
    emergent threshold derived from it carries over between embedding models and corpora.
    Returns (None, {}) when no theme has at least `min_coded` coded segments.
    """
    per_theme: dict[str, float] = {}
    for i, theme in enumerate(theme_ids):
        mask = np.array([theme in s for s in sets], dtype=bool)
        if mask.sum() >= min_coded:
            centred, _ = centred_similarities(embeddings, [mask], theme_emb[i : i + 1])
            per_theme[theme] = float(centred[0, 0])
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
