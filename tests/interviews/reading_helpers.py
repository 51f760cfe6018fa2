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


def make_docx(tmp_path: Path, paragraphs: list[str], table: list[list[str]] | None = None) -> bytes:
    """A .docx of plain paragraphs (a newline inside one becomes a line break) and an optional table."""
    import docx

    document = docx.Document()
    for text in paragraphs:
        if "\n" in text:  # a paragraph with line breaks, as Teams writes header and speech
            run = document.add_paragraph().add_run(text.split("\n")[0])
            for line in text.split("\n")[1:]:
                run.add_break()
                run.add_text(line)
        else:
            document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=0, cols=len(table[0]))
        for row in table:
            for cell, value in zip(grid.add_row().cells, row):
                cell.text = value
    out = tmp_path / "_gemaakt.docx"
    document.save(out)
    data = out.read_bytes()
    out.unlink()
    return data
