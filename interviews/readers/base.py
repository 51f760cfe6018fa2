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
        kind: where the value came from, as shown in the ingest table: "bestand" (the transcript
            itself), "metadata.csv", "mappen" (folder layout <jaar>/<type>/<wijk>/) or "bestandsnaam"
            (the file-name pattern of narratief.toml).
    """

    name: str
    value: str
    origin: str
    line: int | None = None
    kind: str = "bestand"


@dataclass(frozen=True)
class RawDocument:
    """What a reader found in one file: metadata fields (possibly partial) and speaker turns.

    Attributes:
        meta: metadata fields found in the file.
        turns: speaker turns in file order.
        layout: the detected layout, in Dutch for the user ("Otter.ai / Teams: kop 'Naam  0:03'").
        clock_time: the turns' timestamps are times of day (Zoom's saved captions), not offsets.
    """

    meta: tuple[MetaField, ...]
    turns: tuple[Turn, ...]
    layout: str = ""
    clock_time: bool = False

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
