"""Analysis stage: comparison of coded segments across years (and agreement, `analysis.agreement`).

    >>> from analysis import compare, CompareSettings, AnalysisTables   # doctest: +SKIP
"""

from analysis.compare import CompareSettings, compare
from analysis.tables import AnalysisTables

__all__ = ["AnalysisTables", "CompareSettings", "compare"]
