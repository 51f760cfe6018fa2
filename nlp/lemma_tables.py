"""The Dutch lemma tables of `spacy-lookups-data`, read once per computer into plain dicts and sets.

Used by the language pipeline's lemma component (`nlp.language.LookupLemmatizer`) and by
pseudonymisation's list of Dutch word forms (`interviews.pseudonymise.recognizers.dutch_words`);
importing this module does not import spaCy.
"""

from __future__ import annotations

import functools
from typing import Any

POS_ORDER = ("noun", "verb", "adj")
"""The parts of speech whose rule tables are tried, in this order."""


@functools.lru_cache(maxsize=1)
def lemma_tables() -> dict[str, Any]:
    """The Dutch lemma tables of `spacy-lookups-data` as plain dicts and sets: `lookup` (form ->
    lemma), and per part of speech of `POS_ORDER` its `index` (known lemmas), `exc` (form -> lemmas)
    and `rules` (suffix pairs). Parsed once per computer (`nlp.runtime.cached_table`): reading the
    gzipped JSON into spaCy's hashed tables took about 0.4 s in every process."""
    from nlp.runtime import cached_table, package_dir

    folder = package_dir("spacy_lookups_data") / "data"
    paths = {name: folder / f"nl_lemma_{name}.json.gz" for name in ("lookup", "index", "exc", "rules")}

    def read() -> dict[str, Any]:
        import srsly

        raw = {name: srsly.read_gzip_json(path) for name, path in paths.items()}
        return {
            "lookup": {str(k): str(v) for k, v in raw["lookup"].items()},
            "index": {p: frozenset(raw["index"].get(p, ())) for p in POS_ORDER},
            "exc": {p: {k: tuple(v) for k, v in raw["exc"].get(p, {}).items()} for p in POS_ORDER},
            "rules": {p: tuple(tuple(r) for r in raw["rules"].get(p, ())) for p in POS_ORDER},
        }

    return cached_table("nl-lemmatabellen", "1", paths.values(), read)
