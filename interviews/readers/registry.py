"""The explicit map from file extension to reader (no import-time discovery).

Example:
    >>> registry = default_registry()
    >>> registry.formats
    ('txt', 'md', 'docx', 'vtt', 'srt', 'json', 'tsv', 'odt', 'rtf', 'csv')
    >>> registry.for_format("vtt").format
    'vtt'
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from interviews.readers.base import Reader
from interviews.readers.csvtable import CsvReader
from interviews.readers.odt import OdtReader
from interviews.readers.rtf import RtfReader
from interviews.readers.srt import SrtReader
from interviews.readers.text import TextReader
from interviews.readers.vtt import VttReader
from interviews.readers.whisper import WhisperJsonReader, WhisperTsvReader
from interviews.readers.word import DocxReader


@dataclass(frozen=True)
class ReaderRegistry:
    """Readers by format name; the format name is the file extension without the dot."""

    readers: Mapping[str, Reader]

    @property
    def formats(self) -> tuple[str, ...]:
        return tuple(self.readers)

    def for_format(self, fmt: str) -> Reader | None:
        return self.readers.get(fmt.lower().lstrip("."))

    def for_path(self, path: Path) -> Reader | None:
        return self.for_format(path.suffix)


def default_registry() -> ReaderRegistry:
    """The readers of issues 2 and 13: .txt, .md, .docx, .vtt, .srt, Whisper .json and .tsv, .odt; .rtf; and a Spreker;Tekst table saved as .csv.

    Within a format, the layout (which tool wrote the file) is detected from the file's structure by
    the reader itself (`interviews.readers.layouts`).
    """
    return ReaderRegistry(MappingProxyType({
        "txt": TextReader("txt"),
        "md": TextReader("md"),
        "docx": DocxReader(),
        "vtt": VttReader(),
        "srt": SrtReader(),
        "json": WhisperJsonReader(),
        "tsv": WhisperTsvReader(),
        "odt": OdtReader(),
        "rtf": RtfReader(),
        "csv": CsvReader(),
    }))
