"""How narratief builds its `deduce.Deduce`: without the lookup tries whose annotations it never uses.

deduce (built for Dutch medical records) loads all its lookup structures from one pickle of about
80 MB on every start, two seconds per process. A third of it is the trie of Dutch care institutions
(tag `zorginstelling`), and narratief keeps institutions: `detect._deduce_spans` drops that tag.
So narratief starts deduce from a copy of that pickle without the unused tries and with their
annotators left out of deduce's own configuration. The copy lives in the per-user cache
(`nlp.runtime.user_cache_dir()/deduce`), is made once per computer from deduce's own cache (which
deduce builds first when it is missing), and is made again when deduce or its cache changes. It
holds deduce's public lookup lists only. Anything unexpected (another deduce layout, an unwritable
cache) falls back to `Deduce()` as shipped.
"""

from __future__ import annotations

import hashlib
import json
import pickle
from pathlib import Path
from typing import Any

from nlp.runtime import package_dir

UNUSED_ANNOTATORS = {"institution": "healthcare_institution"}
"""deduce's annotators (name in its base configuration -> lookup structure) whose tags narratief
drops; their lookup structures are not loaded."""

TRIM_VERSION = "1"
_CACHE_SUBDIR, _CACHE_FILE = "cache", "lookup_structs.pickle"  # deduce's layout inside a cache path


def load_deduce() -> Any:
    """A `deduce.Deduce` without the unused annotators (see the module docstring)."""
    from deduce import Deduce, __version__

    package = package_dir("deduce")
    try:
        config = json.loads((package / "base_config.json").read_text(encoding="utf-8"))
        for name, lookup in UNUSED_ANNOTATORS.items():
            if config["annotators"][name]["args"]["lookup_values"] != lookup:
                return Deduce()
            del config["annotators"][name]
        cache_path = _trimmed_cache(package, __version__)
        return Deduce(load_base_config=False, config=config, cache_path=cache_path)
    except (OSError, EOFError, KeyError, TypeError, ValueError, AttributeError, pickle.PickleError):
        return Deduce()  # a damaged copy, an unwritable cache, another deduce layout: as shipped


def _trimmed_cache(package: Path, version: str) -> Path:
    """The cache path holding the trimmed pickle, made from deduce's own cache when missing."""
    from nlp.io import write_bytes
    from nlp.runtime import user_cache_dir

    source = package / "data" / "lookup" / _CACHE_SUBDIR / _CACHE_FILE
    if not source.is_file():
        from deduce import Deduce

        Deduce()  # builds and saves deduce's own cache (a minute, once per installation)
    stat = source.stat()
    key = hashlib.sha256(
        f"{TRIM_VERSION}\x00{version}\x00{source}\x00{stat.st_size}\x00{stat.st_mtime_ns}\x00"
        f"{sorted(UNUSED_ANNOTATORS.values())}".encode("utf-8")).hexdigest()[:20]
    cache_path = user_cache_dir() / "deduce" / key
    target = cache_path / _CACHE_SUBDIR / _CACHE_FILE
    if not target.is_file():
        with source.open("rb") as handle:
            cache = pickle.load(handle)
        structs = cache["lookup_structs"]
        for lookup in UNUSED_ANNOTATORS.values():
            structs.pop(lookup, None)
        write_bytes(target, pickle.dumps(cache, protocol=pickle.HIGHEST_PROTOCOL))
    return cache_path
