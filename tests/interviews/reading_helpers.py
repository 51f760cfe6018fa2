"""Helpers the reader tests of this folder share: write a small export of our own and read it."""

from __future__ import annotations

from pathlib import Path

from interviews.corpus import read_transcript

META = {"year": 2025, "type": "wijk", "wijk": "stad"}


def read(tmp_path: Path, name: str, content: str | bytes):
    """Write `content` as `interviews/<name>` under `tmp_path` and read it as a transcript."""
    root = tmp_path / "interviews"
    root.mkdir(exist_ok=True)
    path = root / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return read_transcript(path, root, META)


def turns(transcript) -> list[tuple]:
    """(speaker, timestamp, text) of every turn."""
    return [(t.speaker, t.timestamp, t.text) for t in transcript.turns]
