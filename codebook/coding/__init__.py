"""Automatic coding of segments with the codebook's themes and lenses.

Public API:
    make_segments(transcripts, language, max_words=80) -> pd.DataFrame
    code_segments(segments, codebook, language, embedder, settings, human_codes=None, progress=None)
        -> CodingResult
    CodingSettings, CodingResult
"""

from codebook.coding.combine import CodingResult, CodingSettings, code_segments
from codebook.coding.segments import SEGMENT_COLUMNS, make_segments

__all__ = ["CodingResult", "CodingSettings", "SEGMENT_COLUMNS", "code_segments", "make_segments"]
