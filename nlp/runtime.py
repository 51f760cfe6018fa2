"""How the process loads its heavy, long-lived parts: libraries, models and lookup tables.

The mechanisms, one place each:
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
- `cached_table(name, version, sources, build)`: word lists and frequency tables that ship in wheels
  (deduce's name and place lists, spaCy's lemma table, wordfreq's lists) take about a second per
  process to parse from their text, JSON or msgpack files. Each is built once per computer and kept
  in the per-user cache folder (`user_cache_dir()`) as a `marshal` file, which loads in a fraction
  of that. The file's name carries a hash of the table's version and of its source files (path, size,
  modification time), so an upgraded package or a changed list builds it again. Public word lists
  only: never text from a transcript.
- `package_version(name)`: an installed distribution's version, looked up once per process (each
  lookup scans the installed packages' metadata; the manifest records sixteen after every stage).
"""

from __future__ import annotations

import functools
import gc
import hashlib
import marshal
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import TypeVar

Table = TypeVar("Table", frozenset, dict)


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


@functools.lru_cache(maxsize=None)
def package_version(name: str) -> str | None:
    """The version of the installed distribution `name` (as pip names it); None when not installed."""
    from importlib import metadata

    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def package_dir(name: str) -> Path:
    """An installed package's folder, found without importing it (its data files are plain files,
    and importing deduce, spaCy or wordfreq costs a large part of a second).

    Raises:
        ModuleNotFoundError: the package is not installed.
    """
    import importlib.util

    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(name)
    return Path(list(spec.submodule_search_locations)[0])


def user_cache_dir() -> Path:
    """The per-user cache folder for data without personal information, shared by every workspace on
    this computer: NARRATIEF_CACHE_DIR, else $XDG_CACHE_HOME/narratief, else ~/.cache/narratief."""
    env = os.environ.get("NARRATIEF_CACHE_DIR")
    if env:
        return Path(env).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base).expanduser() / "narratief"


TABLE_FORMAT = "1"


def cached_table(name: str, version: str, sources: Iterable[Path], build: Callable[[], Table]) -> Table:
    """`build()`, or the copy an earlier process kept in `user_cache_dir()/woordenlijsten`.

    Args:
        name: the table's name (part of the file name; letters, digits, `_` and `-`).
        version: everything besides the source files that decides the content (the building code's
            version, package versions); change it when `build` changes.
        sources: the files `build` reads; a changed size or modification time builds it again.
        build: returns a frozenset of strings or a dict of strings to numbers or strings.

    The cache is a speed-up only: a missing, unreadable or damaged file, or one of another type,
    is built again, and a folder that cannot be written is skipped silently.

    Example:
        >>> words = cached_table("stopwoorden", "1", [path], lambda: frozenset(path.read_text().split()))  # doctest: +SKIP
    """
    digest = hashlib.sha256(f"{TABLE_FORMAT}\x00{sys.version_info[:2]}\x00{name}\x00{version}".encode())
    for source in sources:
        stat = os.stat(source)
        digest.update(f"\x00{Path(source).resolve()}\x00{stat.st_size}\x00{stat.st_mtime_ns}".encode())
    path = user_cache_dir() / "woordenlijsten" / f"{name}-{digest.hexdigest()[:20]}.marshal"
    with long_lived():
        try:
            table = marshal.loads(path.read_bytes())
            if isinstance(table, (frozenset, dict)):
                return table
        except (OSError, EOFError, ValueError, TypeError):
            pass
        table = build()
    _write_quietly(path, marshal.dumps(table))
    return table


def _write_quietly(path: Path, data: bytes) -> None:
    """Write `data` to `path` atomically; skip silently when the folder cannot be written."""
    from nlp.io import atomic_write

    try:
        atomic_write(path, lambda tmp: tmp.write_bytes(data))
    except OSError:
        pass
