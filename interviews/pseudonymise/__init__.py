"""Pseudonymisation (issue 3): no personal data leaves the interviews stage.

Public API (called by the CLI with explicit arguments):

    key = open_key(path, passphrase)                     # N201/N202/N203 on problems
    result = pseudonymise_corpus(transcripts, key, review_path=..., allow=..., deny=...,
                                 protected_terms=..., style=DEFAULT_STYLE,
                                 cache_dir=key_dir / "detectie")   # optional per-document cache
    result.detected, result.cached                       # doc ids detected again / number from cache
    write_outputs(result.transcripts, output_dir)        # pseudo/<doc>.json, transcripten/<doc>.txt
    check_output(output_dir, key, review_path=..., allow=..., deny=..., protected_terms=...)  # N220
    reidentify(key, "[Persoon 07]")                      # for `narratief herleid`
    export_review(review_path, key, "review.xlsx")       # `narratief privacy review --uit`
    import_review(review_path, key, "review.xlsx")       # `narratief privacy review --import`

`review_path` (`bevindingen.csv`) and the detection cache (`detection_cache.py`) are sealed with the key. Recognizers for spoken Dutch live in
`ages.py`, `birthdates.py`, `cues.py` (handles, nicknames, names) and `recognizers.py`
(patterns); `precision.py` and `lexicon.py` keep ordinary words out.
"""

from .apply import write_outputs
from .detect import get_deduce, ner_backend
from .findings import CATEGORIES, Finding
from .keep import ProtectedVocabulary, default_terms
from .keystore import PASSPHRASE_ENV, KeyFileError, PseudonymKey, open_key, passphrase_from_env
from .leakcheck import LeakError, check_for_leaks
from .pseudonyms import DEFAULT_STYLE, PseudonymStyle, reidentify
from .review import read_term_list
from .review_workbook import export_review, import_review
from .stage import PseudonymisationResult, check_output, pseudonymise_corpus

__all__ = [
    "CATEGORIES",
    "DEFAULT_STYLE",
    "PASSPHRASE_ENV",
    "Finding",
    "KeyFileError",
    "LeakError",
    "ProtectedVocabulary",
    "PseudonymKey",
    "PseudonymStyle",
    "PseudonymisationResult",
    "check_for_leaks",
    "check_output",
    "default_terms",
    "export_review",
    "import_review",
    "get_deduce",
    "ner_backend",
    "open_key",
    "passphrase_from_env",
    "pseudonymise_corpus",
    "read_term_list",
    "reidentify",
    "write_outputs",
]
