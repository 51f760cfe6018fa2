"""Reader for SubRip (.srt) transcripts.

Layout: numbered cues (`1`, a timing line `00:00:01,000 --> 00:00:04,000`, then text lines); cue
text `Label: text` (see labels.py). Consecutive cues of one label merge into one turn; a cue without
a label after a labelled cue continues that speaker. A cue of dialogue lines `- Anouk: ...` /
`- Bram: ...` gives a piece per line. SRT has no metadata convention, so narratief
accepts leading comment lines before the first cue, `# year=2025 type=wijk wijk=Binnenstad
date=2025-05-01 title="..."` (a `NOTE ...` line works too), or metadata.csv.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from interviews.encoding import decode_text
from interviews.metadata import parse_key_values
from interviews.readers.base import MetaField, RawDocument
from interviews.readers.errors import InputError
from interviews.readers.subtitles import (Piece, dialogue, label_pieces, merge_pieces, plain, split_blocks,
                                         start_time, subtitle_layout)


@dataclass(frozen=True)
class SrtReader:
    """Reads SubRip files."""

    format: str = "srt"

    def read(self, path: Path, data: bytes) -> RawDocument:
        source = path.as_posix()
        meta: list[MetaField] = []
        pieces: list[Piece] = []
        for block in split_blocks(decode_text(data, source).text.split("\n")):
            lines = list(block)
            while not pieces and lines and lines[0].text.lstrip().startswith(("#", "NOTE")):
                comment = lines.pop(0)
                text = comment.text.lstrip()
                meta += parse_key_values(text[1:] if text.startswith("#") else text[4:], source, comment.number)
            if not lines:
                continue
            timing = 1 if lines[0].text.strip().isdigit() else 0
            start = start_time(lines[timing].text) if timing < len(lines) else None
            if start is None:
                raise InputError("N114", path=source, line=lines[min(timing, len(lines) - 1)].number,
                                 detail="cue zonder geldige tijdcode (verwacht '00:00:01,000 --> 00:00:04,000')")
            cue = [line.text for line in lines[timing + 1:]]
            for text in dialogue(cue) or [plain(" ".join(cue))]:
                if text:
                    pieces.append(Piece(None, start, text, lines[timing].number))
        if not pieces:
            raise InputError("N107", path=source, detail="het .srt-bestand bevat geen ondertitels met tekst")
        labelled = label_pieces(pieces)
        return RawDocument(tuple(meta), merge_pieces(labelled, True), subtitle_layout("SubRip", pieces, labelled))
