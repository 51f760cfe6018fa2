"""Prior shift: adapt a code's zero-shot threshold to how often the code occurs in a new year.

Themes shift between years (a theme rare in the reviewed year can be common in the next), so a
threshold that was right for the reviewed year assigns a code too rarely or too often in another.
With reviewed segments the zero-shot scores can be calibrated, and the share of a code in the
unreviewed segments estimated without their labels (Saerens, Latinne & Decaestecker 2002, "Adjusting
the outputs of a classifier to new a priori probabilities"):

1. calibrate: a logistic regression of the reviewed labels on the zero-shot margin (Platt scaling),
   p(code | margin) = sigmoid(a * margin + b), valid at the reviewed share `prior_reviewed`;
2. estimate the new share by EM on the unreviewed margins: reweight every posterior by
   (new share / reviewed share), average, repeat until the share no longer moves;
3. move the threshold by the change in log-odds of the share, in margin units:
   shift = (logit(new share) - logit(reviewed share)) / a; the new margin is margin + shift.

This works when the same scorer produces the reviewed and the new margins (the zero-shot coder
never trains, so its margins mean the same thing on both) and when it ranks well; the coding stage
applies it only to codes that the zero-shot coder decides after its grouped cross-validation
beat the learned model, with enough reviewed positives, and per year nobody reviewed (see
combine.py).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from sklearn.linear_model import LogisticRegression

MIN_NEW_SEGMENTS = 10  # fewer unreviewed segments in a year: no estimate (too noisy), no shift
PRIOR_CLIP = 1e-3  # shares are kept in [PRIOR_CLIP, 1 - PRIOR_CLIP] before taking log-odds
CALIBRATION_C = 1e4  # (almost) unregularised Platt scaling: one slope and one intercept


@dataclass(frozen=True)
class PriorShift:
    """The adaptation of one code's threshold to one group of new segments (figures only).

    Attributes:
        prior_reviewed: share of reviewed segments with the code.
        prior_new: estimated share among the new segments.
        shift: added to the new segments' margins (>0: the code is assigned more often).
    """

    prior_reviewed: float
    prior_new: float
    shift: float


def estimate_prior_shift(reviewed_margin: np.ndarray, reviewed_labels: np.ndarray, new_margin: np.ndarray,
                         max_iter: int = 200, tol: float = 1e-6) -> PriorShift:
    """How far to move a code's threshold for new segments whose share of the code may differ.

    Args:
        reviewed_margin: (n,) the scorer's margin (score minus threshold) on reviewed segments.
        reviewed_labels: (n,) 0/1 reviewers' labels of the same segments.
        new_margin: (m,) the same scorer's margins on the new (unreviewed) segments.
        max_iter, tol: EM stopping rule (on the estimated share).

    Returns:
        `PriorShift`; shift 0 when there is nothing to estimate from (no positives or no negatives
        reviewed, fewer than `MIN_NEW_SEGMENTS` new segments, or margins that do not separate the
        labels: a calibration slope <= 0).
    """
    x = np.asarray(reviewed_margin, dtype=np.float64)
    y = np.asarray(reviewed_labels, dtype=np.int64)
    new = np.asarray(new_margin, dtype=np.float64)
    prior = float(y.mean()) if len(y) else 0.0
    if len(new) < MIN_NEW_SEGMENTS or y.min(initial=0) == y.max(initial=0):
        return PriorShift(prior, prior, 0.0)
    calibration = LogisticRegression(C=CALIBRATION_C, max_iter=1000).fit(x[:, None], y)
    slope, intercept = float(calibration.coef_[0, 0]), float(calibration.intercept_[0])
    if slope <= 1e-9:
        return PriorShift(prior, prior, 0.0)
    posterior = 1.0 / (1.0 + np.exp(-(slope * new + intercept)))
    estimate = prior
    for _ in range(max_iter):
        positive = estimate / prior * posterior
        adjusted = positive / (positive + (1.0 - estimate) / (1.0 - prior) * (1.0 - posterior))
        updated = float(np.clip(adjusted.mean(), PRIOR_CLIP, 1.0 - PRIOR_CLIP))
        done = abs(updated - estimate) < tol
        estimate = updated
        if done:
            break
    logit = lambda q: float(np.log(q / (1.0 - q)))  # noqa: E731
    clipped = float(np.clip(prior, PRIOR_CLIP, 1.0 - PRIOR_CLIP))
    return PriorShift(prior, estimate, (logit(estimate) - logit(clipped)) / slope)
