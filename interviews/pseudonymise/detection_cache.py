"""Per-document detection cache: re-runs detect only new or changed documents.

The findings of one document's detection (deduce, NER, own recognizers) depend only on the
document's content and on the detector's configuration (`Detector.fingerprint`). They are stored
per document, sealed with the key (they hold raw personal data), in a folder the caller passes
(the pipeline passes `<key folder>/detectie/`). A file is named by the hash of the configuration
and the document's content, so its name holds no text and any change to either gives a new name:

    <folder>/<sha256(fingerprint, content)>.bin   = SEALED_MAGIC + Fernet(JSON findings)

An entry that is missing, unreadable, sealed with another key or damaged is a miss (the document
is detected again), never an error. After a run, entries no run document used are removed.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from interviews.records import Transcript

from .findings import Finding
from .keystore import KeyFileError, PseudonymKey

_ENTRY = re.compile(r"[0-9a-f]{64}\.bin")
_FORMAT = 1


def content_hash(transcript: Transcript) -> str:
    """sha256 of a canonical JSON of what detection reads: document id, metadata and turns."""
    data = {
        "doc": transcript.doc,
        "meta": transcript.meta.to_dict(),
        "turns": [[turn.index, turn.speaker, turn.text] for turn in transcript.turns],
    }
    blob = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


class DetectionCache:
    """Sealed per-document findings in `folder`, valid for one detector `fingerprint`.

    Attributes:
        cached: doc ids whose findings came from the cache in this run.
        detected: doc ids that were detected again (new, changed, or their entry was unusable).
    """

    def __init__(self, folder: Path, key: PseudonymKey, fingerprint: str):
        self.folder = folder
        self.key = key
        self.fingerprint = fingerprint
        self.cached: list[str] = []
        self.detected: list[str] = []
        self._used: set[str] = set()

    def _name(self, transcript: Transcript) -> str:
        digest = hashlib.sha256(f"{_FORMAT}\0{self.fingerprint}\0{content_hash(transcript)}".encode("ascii"))
        return digest.hexdigest()

    def get(self, transcript: Transcript) -> list[Finding] | None:
        """The cached findings of `transcript`, or None (a miss: the caller detects and `put`s)."""
        name = self._name(transcript)
        self._used.add(name)
        try:
            payload = json.loads(self.key.unseal((self.folder / f"{name}.bin").read_bytes()))
            if payload.get("entry") != name:
                raise ValueError("entry")
            findings = [Finding(*row) for row in payload["findings"]]
            if any(f.doc != transcript.doc for f in findings):
                raise ValueError("doc")
        except Exception:  # missing, foreign key, damaged, old format: detect again
            self.detected.append(transcript.doc)
            return None
        self.cached.append(transcript.doc)
        return findings

    def put(self, transcript: Transcript, findings: list[Finding]) -> None:
        """Store the findings of `transcript` (best effort: a cache that cannot be written only costs time)."""
        name = self._name(transcript)
        self._used.add(name)
        rows = [[f.doc, f.turn, f.field, f.start, f.end, f.text, f.category, f.score, f.recognizer] for f in findings]
        data = json.dumps({"entry": name, "findings": rows}, ensure_ascii=False).encode("utf-8")
        try:
            self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            self.key.write_sealed(self.folder / f"{name}.bin", data)
        except (OSError, KeyFileError):
            pass

    def finish(self) -> None:
        """Remove entries no document of this run used (removed documents, old versions, old settings)."""
        try:
            stale = [p for p in self.folder.iterdir() if _ENTRY.fullmatch(p.name) and p.stem not in self._used]
        except OSError:
            return
        for path in stale:
            try:
                path.unlink()
            except OSError:
                pass
