"""Errors of the reports stage (N6xx).

Catalogue:
    N601  an input table lacks documented columns
    N602  no data for the requested year
    N603  quarto exited with an error (its error output is shown)
    N604  a renderer reported success but an output file is missing
    N605  pandoc failed
    N606  typst could not compile the PDF
    N607  unknown output format or engine
    N608  a template or interpretation file cannot be read
    N609  invalid settings of the shared edition
"""

from __future__ import annotations

from nlp.errors import NarratiefError


class ReportError(NarratiefError):
    """The chapter or the shared edition cannot be built or rendered (N6xx)."""
