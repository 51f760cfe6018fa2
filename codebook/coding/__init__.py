"""Automatic coding of segments with the codebook's themes and lenses.

Public API:
    make_segments(transcripts, language, max_words=80) -> pd.DataFrame
    code_segments(segments, codebook, language, embedder, settings=CodingSettings(),
                  human_codes=None, progress=None) -> CodingResult
    save_segments(table, output_dir) -> (csv path, parquet path); load_segments(output_dir)
    agreement_per_code(machine, gold, codes, column="themes") -> pd.DataFrame
    save_reliability(table, output_dir); load_reliability(output_dir)
    CodingSettings (CodingSettings.from_section(toml_section)), CodingResult, SEGMENT_COLUMNS

The names are resolved on first use (PEP 562), so importing `codebook.coding.settings` - which the
workspace settings do - does not load spaCy, scikit-learn or torch.

Example:
    >>> lang = load_language()
    >>> embedder = CachedEmbedder(load_embedder("auto"), workspace / "output" / "embeddings")
    >>> result = code_segments(make_segments(transcripts, lang), codebook, lang, embedder)
    >>> save_segments(result.table, workspace / "output")
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from nlp.runtime import long_lived

_WHERE = {
    "CodingResult": "combine",
    "code_segments": "combine",
    "agreement_per_code": "evaluate",
    "load_reliability": "io",
    "load_segments": "io",
    "save_reliability": "io",
    "save_segments": "io",
    "RELIABILITY_COLUMNS": "reliability",
    "SEGMENT_COLUMNS": "segments",
    "make_segments": "segments",
    "CodingSettings": "settings",
}

__all__ = sorted(_WHERE)


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    with long_lived():  # spaCy, torch and scikit-learn stay loaded until the process ends
        value = getattr(importlib.import_module(f"{__name__}.{_WHERE[name]}"), name)
    globals()[name] = value
    return value


if TYPE_CHECKING:  # pragma: no cover - for type checkers and editors only
    from codebook.coding.combine import CodingResult, code_segments
    from codebook.coding.evaluate import agreement_per_code
    from codebook.coding.io import load_reliability, load_segments, save_reliability, save_segments
    from codebook.coding.reliability import RELIABILITY_COLUMNS
    from codebook.coding.segments import SEGMENT_COLUMNS, make_segments
    from codebook.coding.settings import CodingSettings
