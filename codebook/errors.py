"""Errors of the codebook stage: codebook, coding, review and REFI-QDA exchange (N3xx).

Catalogue (messages in Dutch, never with transcript text or names):
    N301  codebook file missing or unreadable
    N302  codebook is not valid YAML
    N303  codebook structure: top level is not a mapping, unknown top-level key, no codes
    N304  unknown key in a code
    N305  wrong type of a value (e.g. a list where text is expected)
    N306  duplicate code id
    N307  subcode whose parent does not exist or is not a theme
    N308  empty id, name or definition
    N309  unknown national PmG theme in `national`
    N310  invalid kind or id
    N320  REFI-QDA codebook (.qdc) cannot be read or is invalid
    N330  review workbook cannot be read or lacks a sheet / column
    N331  review workbook cell holds an unknown or invalid value
    N332  review segments table lacks a required column
    N340  REFI-QDA project (.qdpx) cannot be read or is invalid
    N341  QDPX export input inconsistent (coding for an unknown document/turn/part)
N350-N399 are reserved for automatic coding (`codebook/coding/`).
"""

from __future__ import annotations

from nlp.errors import NarratiefError


class CodebookError(NarratiefError):
    """A codebook, review workbook or REFI-QDA file cannot be used (N3xx)."""
