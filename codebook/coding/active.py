"""Active review: which segments people should review next.

Uncertainty sampling with diversity: a segment's uncertainty is how close its most doubtful code
is to that code's decision threshold (margins in the coder's own units, one scale per coder);
segments are picked greedily by uncertainty minus a penalty for resembling (cosine of embeddings,
or of TF-IDF vectors without embeddings) a segment already picked, so a batch is not N
near-duplicates. Only codable segments that nobody reviewed yet are candidates.
"""

from __future__ import annotations

import numpy as np


def uncertainty(margins: np.ndarray) -> np.ndarray:
    """(n,) uncertainty in (0, 1]: exp(-|smallest absolute margin over codes|)."""
    margins = np.asarray(margins, dtype=np.float64)
    if margins.ndim != 2 or margins.shape[1] == 0:
        return np.zeros(len(margins))
    return np.exp(-np.nanmin(np.abs(margins), axis=1))


def select_for_review(uncertain: np.ndarray, vectors: np.ndarray, candidates: np.ndarray, n: int,
                      diversity: float = 0.5, random_state: int = 0) -> np.ndarray:
    """Rows to review next, most informative first.

    Args:
        uncertain: (m,) uncertainty per segment (higher = less sure).
        vectors: (m, d) L2-normalised vectors for the diversity penalty.
        candidates: (m,) bool, segments that may be chosen.
        n: how many.
        diversity: weight of the penalty `max cosine to the segments already picked`.
        random_state: seed for breaking ties.

    Returns:
        Row indices (int array, length min(n, number of candidates)).
    """
    rng = np.random.default_rng(random_state)
    pool = np.flatnonzero(candidates)
    if n <= 0 or len(pool) == 0:
        return np.zeros(0, dtype=np.int64)
    vectors = np.asarray(vectors, dtype=np.float64)
    base = np.asarray(uncertain, dtype=np.float64)[pool] + rng.uniform(0, 1e-9, len(pool))
    closest = np.full(len(pool), -np.inf)
    chosen: list[int] = []
    available = np.ones(len(pool), dtype=bool)
    for _ in range(min(n, len(pool))):
        gain = base - diversity * np.maximum(closest, 0.0)
        gain[~available] = -np.inf
        pick = int(np.argmax(gain))
        chosen.append(int(pool[pick]))
        available[pick] = False
        closest = np.maximum(closest, vectors[pool] @ vectors[pool[pick]])
    return np.array(chosen, dtype=np.int64)


def next_turns(ranked_rows, turn_of, asked, size: int) -> list:
    """The next review batch in turns: the first `size` turns, in the order of `ranked_rows`, that
    nobody was asked about yet. A turn split into several segments counts once.

    Args:
        ranked_rows: segment rows, most informative first (output of `select_for_review`).
        turn_of: per segment row, its turn key (e.g. (doc, turn)).
        asked: turn keys already reviewed or already in an earlier batch.
        size: batch size in turns.

    Returns:
        Up to `size` new turn keys (fewer when the ranking runs out).
    """
    seen = set(asked)
    out: list = []
    for row in ranked_rows:
        if len(out) >= size:
            break
        key = turn_of[int(row)]
        if key not in seen:
            seen.add(key)
            out.append(key)
    return out
