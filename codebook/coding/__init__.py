"""Automatic coding of segments with the codebook's themes and lenses.

Public API:
    make_segments(transcripts, language, max_words=80) -> pd.DataFrame
    code_segments(segments, codebook, language, embedder, settings=CodingSettings(),
                  human_codes=None, progress=None) -> CodingResult
    save_segments(table, output_dir) -> (csv path, parquet path); load_segments(output_dir)
    agreement_per_code(machine, gold, codes, column="themes") -> pd.DataFrame
    save_reliability(table, output_dir); load_reliability(output_dir)
    CodingSettings (CodingSettings.from_section(toml_section)), CodingResult, SEGMENT_COLUMNS

Example:
    >>> lang = load_language()
    >>> embedder = CachedEmbedder(load_embedder("auto"), workspace / "output" / "embeddings")
    >>> result = code_segments(make_segments(transcripts, lang), codebook, lang, embedder)
    >>> save_segments(result.table, workspace / "output")
"""

from codebook.coding.combine import CodingResult, code_segments
from codebook.coding.evaluate import agreement_per_code
from codebook.coding.io import load_reliability, load_segments, save_reliability, save_segments
from codebook.coding.reliability import RELIABILITY_COLUMNS
from codebook.coding.segments import SEGMENT_COLUMNS, make_segments
from codebook.coding.settings import CodingSettings

__all__ = [
    "CodingResult",
    "CodingSettings",
    "RELIABILITY_COLUMNS",
    "SEGMENT_COLUMNS",
    "agreement_per_code",
    "code_segments",
    "load_reliability",
    "load_segments",
    "save_reliability",
    "make_segments",
    "save_segments",
]
