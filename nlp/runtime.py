"""How the process loads its heavy, long-lived parts: libraries, models and lookup tables.

Three mechanisms, one place each:
- `long_lived()`: build objects that live until the process ends (deduce's lookup tries, spaCy and
  torch modules, lemma tables) with Python's cyclic garbage collector paused, then freeze them
  (`gc.freeze`) so later collections do not traverse them again. Loading deduce's millions of
  trie nodes takes about a third of the time this way, and every allocation-heavy step after it
  (importing spaCy, torch, BERTopic) stops paying full collections over those nodes.
- `cache_numba_compilations(prefixes)`: UMAP compiles its numba functions in every new process
  (15 - 30 s on two cores) because most of them are not marked `cache=True`. This turns numba's own
  on-disk cache on for them (numba's standard locations: the package's `__pycache__`, or the user's
  cache folder when that is not writable). The files hold compiled machine code only, no data; numba
  invalidates them when the library or numba changes. Results are identical.
- `import_spacy()`: spaCy's numerical library (thinc) imports torch whenever it is installed, only
  to offer GPU and PyTorch interop that narratief never uses; that is a second per process. Our
  spaCy pipelines (the blank Dutch one and `nl_core_news_lg`) run without it, so spaCy is imported
  with torch hidden; torch itself stays importable for whatever needs it later.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from types import ModuleType


@contextmanager
def long_lived() -> Iterator[None]:
    """Pause the cyclic garbage collector while the body builds long-lived objects, then freeze them.

    Objects alive when the body ends move to the permanent generation: reference counting still frees
    them, only cycle detection skips them. Nested use is fine; the collector is re-enabled only when it
    was enabled before.

    Example:
        >>> with long_lived():
        ...     import json  # any heavy import or model load
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()


def cache_numba_compilations(prefixes: tuple[str, ...] = ("umap",)) -> int:
    """Turn numba's on-disk cache on for the compiled functions of the named, already imported packages.

    Call it after importing them and before their first use. Functions already cached, and anything
    when numba is not installed, are left alone. pynndescent (UMAP's neighbour search for large
    corpora) is not in the default: it already caches what can be cached, the rest uses dynamic
    globals that numba refuses to cache.

    Returns:
        How many functions got a cache now.
    """
    try:
        from numba.core.caching import NullCache
        from numba.core.registry import CPUDispatcher
    except ImportError:  # pragma: no cover - numba comes with umap-learn
        return 0
    enabled = 0
    for name, module in list(sys.modules.items()):
        if module is None or not name.startswith(prefixes):
            continue
        for value in list(vars(module).values()):
            if isinstance(value, CPUDispatcher) and isinstance(getattr(value, "_cache", None), NullCache):
                value.enable_caching()
                enabled += 1
    return enabled


def import_spacy() -> ModuleType:
    """Import spaCy (once per process) without letting thinc import torch, unless torch is already loaded.

    Every import of spaCy in narratief goes through here (directly or through `nlp.language`), so
    the first one decides. thinc then records that torch is absent (`thinc.compat.has_torch`), which
    only switches off thinc's torch interop; a later `import torch` works as usual.

    Example:
        >>> spacy = import_spacy()
        >>> spacy.blank("nl").lang
        'nl'
    """
    if "spacy" in sys.modules:
        return sys.modules["spacy"]
    hide = "torch" not in sys.modules
    if hide:
        sys.modules["torch"] = None  # type: ignore[assignment] - makes `import torch` raise ImportError
    try:
        with long_lived():
            import spacy
    finally:
        if hide and sys.modules.get("torch", 0) is None:
            del sys.modules["torch"]
    return spacy
