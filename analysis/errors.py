"""Errors of the analysis stage: comparison and agreement (N5xx).

Catalogue of this module's owner (agreement):
    N501  codings table lacks a column or names a code that is not in the codebook
    N502  agreement table cannot be written
Other analysis modules number from N510.
"""

from __future__ import annotations

from nlp.errors import NarratiefError


class AnalysisError(NarratiefError):
    """Comparison or agreement cannot be computed (N5xx)."""
