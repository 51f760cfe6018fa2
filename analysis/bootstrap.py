"""Bootstrap over interviews: segments of one interview are not independent, so we resample whole
interviews (documents) within a year and recompute each share as a ratio of sums.
"""

from __future__ import annotations

import numpy as np


def year_rng(seed: int, year: int) -> np.random.Generator:
    """The random generator of one year: depends only on the seed and the year, so a year's
    resamples are the same whichever pair of years it is compared in."""
    return np.random.default_rng([int(seed), int(year)])


def resample_shares(counts: np.ndarray, totals: np.ndarray, n_boot: int,
                    rng: np.random.Generator) -> np.ndarray:
    """Bootstrap distribution of shares, resampling documents with replacement.

    Args:
        counts: (n_docs, k) segments per document for each of k quantities (e.g. theme x lens).
        totals: (n_docs,) segments per document.
        n_boot: number of resamples.
        rng: random generator (see `year_rng`).

    Returns:
        (n_boot, k) array: sum of counts / sum of totals over each resample of documents.

    Example:
        >>> resample_shares(np.array([[1], [3]]), np.array([4, 4]), 3, year_rng(1, 2025)).shape
        (3, 1)
    """
    counts = np.asarray(counts, dtype=np.float64)
    totals = np.asarray(totals, dtype=np.float64)
    n_docs = totals.shape[0]
    # How often each document is drawn in each resample: identical to drawing indices.
    weights = rng.multinomial(n_docs, np.full(n_docs, 1.0 / n_docs), size=n_boot).astype(np.float64)
    denom = weights @ totals
    denom[denom == 0] = np.nan
    return (weights @ counts) / denom[:, None]


def percentile_interval(samples: np.ndarray, level: float = 0.95) -> tuple[np.ndarray, np.ndarray]:
    """Percentile interval per column of a (n_boot, k) sample matrix (NaN rows ignored)."""
    alpha = (1.0 - level) / 2.0
    low = np.nanquantile(samples, alpha, axis=0)
    high = np.nanquantile(samples, 1.0 - alpha, axis=0)
    return low, high


def verdict(ci_low: float, ci_high: float) -> str:
    """Dutch verdict on a change: an interval spanning zero (or none at all) is no clear change."""
    if np.isfinite(ci_low) and ci_low > 0:
        return "toename"
    if np.isfinite(ci_high) and ci_high < 0:
        return "afname"
    return "geen duidelijke verandering"
