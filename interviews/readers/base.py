"""The reader contract: `Reader.read(path, data) -> RawDocument`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from interviews.records import Turn


@dataclass(frozen=True)
class MetaField:
    """One metadata value as found in a source, before validation.

    Attributes:
        name: canonical field name: "year", "type", "wijk", "date" or "title".
        value: the raw value as text (a YAML date is given in ISO form).
        origin: file that holds the value (relative to the interviews folder, or "metadata.csv").
        line: 1-based line (or paragraph, for .docx) of the value, if known.
    """

    name: str
    value: str
    origin: str
    line: int | None = None


@dataclass(frozen=True)
class RawDocument:
    """What a reader found in one file: metadata fields (possibly partial) and speaker turns."""

    meta: tuple[MetaField, ...]
    turns: tuple[Turn, ...]

    def field(self, name: str) -> MetaField | None:
        """The first metadata field called `name`, or None."""
        return next((f for f in self.meta if f.name == name), None)


class Reader(Protocol):
    """A reader of one format.

    `path` is the file's path relative to the interviews folder: it is used for messages only, the
    content comes from `data`. Readers never touch the file system.
    """

    format: str

    def read(self, path: Path, data: bytes) -> RawDocument: ...
