"""Reader for .docx transcripts (python-docx).

Layout: leading paragraphs `Jaar: 2025`, `Type: wijk`, `Wijk: Helmond-Oost`, `Datum: 2025-04-02`,
`Titel: ...`; then one turn per paragraph `Label: text`, the label possibly bold (a bold prefix
followed by normal text counts as a label even without a colon). Headings and empty paragraphs are
skipped. The "line" of a turn is its 1-based paragraph number in the document body. Tables, text
boxes, headers/footers and comments are not read.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

import docx  # python-docx

from interviews.metadata import parse_meta_line
from interviews.readers.base import MetaField, RawDocument
from interviews.readers.errors import InputError
from interviews.readers.labels import Block, Line, build_turns, is_candidate


@dataclass(frozen=True)
class DocxReader:
    """Reads Word documents."""

    format: str = "docx"

    def read(self, path: Path, data: bytes) -> RawDocument:
        source = path.as_posix()
        if not data.strip():
            raise InputError("N101", path=source, detail="het bestand is leeg")
        try:
            paragraphs = docx.Document(io.BytesIO(data)).paragraphs
        except Exception:  # python-docx raises zipfile, lxml, KeyError and its own errors
            raise InputError("N103", path=source, detail=(
                "geen geldig .docx-bestand (beschadigd of afgekapt); open en bewaar het opnieuw in Word"
            )) from None
        meta: list[MetaField] = []
        blocks: list[Block] = []
        in_header = True
        for number, paragraph in enumerate(paragraphs, start=1):
            text = paragraph.text.strip()
            style = (paragraph.style.name if paragraph.style is not None else "") or ""
            if not text or style.startswith(("Heading", "Title", "Kop", "Titel")):
                continue
            if in_header:
                field = parse_meta_line(text, source, number)
                if field is not None:
                    meta.append(field)
                    continue
                in_header = False
            lines = tuple(Line(number, part.strip()) for part in text.split("\n") if part.strip())
            label, rest = _bold_label(paragraph, text)
            if label is not None and rest:
                lines = (Line(number, rest),) + lines[1:] if "\n" not in text else lines
                blocks.append(Block(lines, label if "\n" not in text else None))
            else:
                blocks.append(Block(lines))
        return RawDocument(meta=tuple(meta), turns=build_turns(blocks))


def _bold_label(paragraph, text: str) -> tuple[str | None, str]:
    """A bold prefix of the paragraph that has the shape of a label, and the text after it."""
    bold = ""
    for run in paragraph.runs:
        if not run.text.strip() and not bold:
            bold += run.text
            continue
        if not run.bold:
            break
        bold += run.text
    bold = bold.strip()
    if not bold or not text.startswith(bold):
        return None, ""
    label = bold.rstrip(":").strip()
    rest = text[len(bold):].lstrip().lstrip(":").strip()
    if not rest or not label or not is_candidate(label):
        return None, ""
    return " ".join(label.split()), rest
