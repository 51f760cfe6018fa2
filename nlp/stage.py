"""The contract every pipeline stage implements.

A stage is a small object that says what it reads, fingerprints those inputs, runs, and names and
loads what it wrote. The orchestrator (`narratief.pipeline`) is a loop over stages with the run
manifest: a stage whose fingerprint equals the recorded one and whose artifacts exist is skipped and
its artifacts are loaded instead. Stages that work per document also return one fingerprint per
document, so a stage can see which documents changed since its last run (`StageRecord.documents`).

The stage classes live in their own packages (e.g. `codebook.coding.stage.CodingStage`); this module
is in the lowest package so that every stage can implement it without importing the orchestrator.

Example:
    >>> class Count(Stage):
    ...     name, title, artifacts = "tellen", "Tellen", ("telling.json",)
    ...     def fingerprint(self, ctx): return Fingerprint(hash_bytes("1"))
    ...     def run(self, ctx, previous): return StageOutcome(value=1, details={"n": 1})
    ...     def load(self, ctx): return 1
"""

from __future__ import annotations

import hashlib
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping, Protocol


def hash_bytes(*parts: bytes | str) -> str:
    """One sha256 over several parts (separated, so ("ab", "c") differs from ("a", "bc"))."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8") if isinstance(part, str) else part)
        digest.update(b"\x00")
    return digest.hexdigest()


def hash_files(paths: Iterable[Path]) -> str:
    """One hash over the names and contents of files (order-independent; a missing file counts)."""
    digest = hashlib.sha256()
    for path in sorted(Path(p) for p in paths):
        digest.update(path.name.encode("utf-8"))
        digest.update(hashlib.sha256(path.read_bytes()).digest() if path.is_file() else b"-")
    return digest.hexdigest()


@dataclass(frozen=True)
class Fingerprint:
    """What a stage's result depends on.

    Attributes:
        total: one hash over every input (settings included); equal -> the stage can be skipped.
        documents: doc id -> hash of that document's inputs, for stages that work per document.
    """

    total: str
    documents: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class StageRecord:
    """The manifest's memory of a stage's last run (what `run` receives as `previous`)."""

    input_hash: str
    outputs: tuple[str, ...]
    details: Mapping[str, Any]
    documents: Mapping[str, str]

    @classmethod
    def from_manifest(cls, entry: Mapping[str, Any] | None) -> "StageRecord | None":
        if not entry:
            return None
        return cls(str(entry.get("input_hash", "")), tuple(entry.get("outputs", ())),
                   dict(entry.get("details", {})), dict(entry.get("documents", {})))

    def changed_documents(self, now: Fingerprint) -> set[str]:
        """Documents added, changed or removed since this record."""
        keys = set(self.documents) | set(now.documents)
        return {d for d in keys if self.documents.get(d) != now.documents.get(d)}


@dataclass(frozen=True)
class StageOutcome:
    """What `run` returns: the in-memory result, the manifest details (backend, seeds, counts: no
    personal data) and, for stages whose files depend on the run (a report's formats), the
    artifacts written (paths relative to `output/`; default: the stage's `artifacts`)."""

    value: Any
    details: Mapping[str, Any] = field(default_factory=dict)
    artifacts: tuple[str, ...] | None = None


class StageContext(Protocol):
    """What the orchestrator offers a running stage. Resources load on first use, once per process.

    Attributes:
        out: the workspace's `output/` folder.
        progress: `.step(text)` and `.warn(text)` for short Dutch status lines (no personal data).
        codebook: the workspace's codebook (`codebook.model.Codebook`).
        profile: the municipality profile (`interviews.profiles.Profile`).
        language, embedder, key, corpus: the Dutch language pipeline, the cached embedder, the
            opened pseudonymisation key and the raw corpus (`interviews` stages only).
    """

    out: Path
    progress: Any
    codebook: Any
    profile: Any
    language: Any
    embedder: Any
    key: Any
    corpus: Any

    def record_of(self, stage_name: str) -> StageRecord | None:
        """The manifest record of another stage (e.g. the report reads the replacement counts)."""
        ...


class Stage(ABC):
    """One pipeline stage.

    Class attributes:
        name: the manifest key (Dutch, stable: "pseudonimiseren", "coderen", ...).
        title: the progress title shown to users.
        artifacts: what the stage writes, relative to `output/` (files or folders).
        leak_checked: whether the orchestrator runs the leak check after the stage (published files).
    """

    name: str = ""
    title: str = ""
    artifacts: tuple[str, ...] = ()
    leak_checked: bool = False

    @abstractmethod
    def fingerprint(self, ctx: StageContext) -> Fingerprint:
        """Hash the inputs this stage reads (files, upstream artifacts, settings)."""

    @abstractmethod
    def run(self, ctx: StageContext, previous: StageRecord | None) -> StageOutcome:
        """Do the work and write the artifacts atomically. `previous` is the last run's record (None
        on a forced or first run), so per-document stages can limit the work to what changed."""

    @abstractmethod
    def load(self, ctx: StageContext) -> Any:
        """Read the artifacts of the last run (through their owners' schemas)."""

