"""Reader for WebVTT transcripts as exported by Teams and Zoom.

Layout: a `WEBVTT` header; optionally, before the first cue, a `NOTE` block with metadata
`year=2026 type=partnergroep wijk=stad date=2026-03-12 title="..."` (one or more lines); cues with
an optional id line, a timing line `00:01:02.500 --> 00:01:05.000` and text with voice tags
`<v Full Name>text</v>` (closing tag optional; several voices in one cue are allowed). Cues without a
voice tag may use `Name: text` (Zoom) or, as old Teams/Stream exports, a line with the speaker's
name above the text (a name-shaped line that heads at least two cues), or dialogue lines
`- Anouk: ...` / `- Bram: ...` (a piece per line). A cue without a voice after a voiced cue continues
that speaker (an exporter that writes `<v Naam>` only on a turn's first cue), as in .srt; cues of a
file without any speaker stay one turn each. Consecutive cues of one
speaker merge into one turn whose timestamp is the start of its first cue (HH:MM:SS). STYLE and
REGION blocks are skipped; a second timing line in a block starts a new cue.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from interviews.encoding import decode_text
from interviews.metadata import parse_key_values
from interviews.readers.base import MetaField, RawDocument
from interviews.readers.errors import InputError
from interviews.readers.subtitles import (Piece, dialogue, label_pieces, merge_pieces, name_line, name_lines, plain,
                                         split_blocks, start_time, subtitle_layout)

_VOICE = re.compile(r"<v(?:\.[^\s>]*)?(?:\s+([^>]*))?>")
# noScribe marks overlapping speech with '//' before the voice: "<v //S02>". The mark is not part of the name.
_OVERLAP = "//"


@dataclass(frozen=True)
class VttReader:
    """Reads WebVTT files."""

    format: str = "vtt"

    def read(self, path: Path, data: bytes) -> RawDocument:
        source = path.as_posix()
        blocks = split_blocks(decode_text(data, source).text.split("\n"))
        if not blocks or not blocks[0][0].text.lstrip().startswith("WEBVTT"):
            line = blocks[0][0].number if blocks else 1
            raise InputError("N114", path=source, line=line,
                             detail="geen WebVTT-bestand: de eerste regel moet 'WEBVTT' zijn")
        meta: list[MetaField] = []
        pieces: list[Piece] = []
        names = name_lines([[line.text for line in block[1 if "-->" in block[0].text else 2:]]
                            for block in blocks[1:] if "-->" in " ".join(line.text for line in block[:2])])
        for block in blocks[1:]:
            head = block[0].text.strip()
            if head.startswith("NOTE") and (len(head) == 4 or head[4].isspace()):
                if not pieces:
                    meta += [f for line in block for f in parse_key_values(
                        line.text[4:] if line is block[0] else line.text, source, line.number)]
                continue
            if head.startswith(("STYLE", "REGION")) and "-->" not in head:
                continue
            timing = 0 if "-->" in block[0].text else 1
            start = start_time(block[timing].text) if timing < len(block) else None
            if start is None:
                raise InputError("N114", path=source, line=block[min(timing, len(block) - 1)].number,
                                 detail="cue zonder geldige tijdcode (verwacht '00:01:02.500 --> 00:01:05.000')")
            cue = [line.text for line in block[timing + 1:]]
            speaker = name_line(cue[0]) if len(cue) >= 2 and name_line(cue[0]) in names else None
            if speaker:
                text = plain(" ".join(cue[1:]))
                pieces += [Piece(speaker, start, text, block[timing].number)] if text else []
            elif not _VOICE.search(" ".join(cue)) and (parts := dialogue(cue)):
                pieces += [Piece(None, start, part, block[timing].number) for part in parts]
            else:
                pieces += _voices(" ".join(cue), start, block[timing].number)
        if not pieces:
            raise InputError("N107", path=source, detail="het .vtt-bestand bevat geen cues met tekst")
        labelled = label_pieces(pieces)
        layout = subtitle_layout("WebVTT", pieces, labelled)
        overlaps = sum(1 for block in blocks for line in block for name in _VOICE.findall(line.text)
                       if name.strip().startswith(_OVERLAP))
        if overlaps:  # said, not silent: the overlap mark is left out of the speaker's name
            layout += f"; overlappende spraak ('{_OVERLAP}' voor de stem, noScribe) bij {overlaps} cue(s): teken weggelaten"
        return RawDocument(tuple(meta), merge_pieces(labelled, True), layout)


def _voices(text: str, start: str, line: int) -> list[Piece]:
    """Split cue text at voice tags: text before the first tag has no known speaker."""
    parts = _VOICE.split(text)
    pieces = [Piece(None, start, plain(parts[0]), line)] if plain(parts[0]) else []
    for name, speech in zip(parts[1::2], parts[2::2]):
        speaker = " ".join((name or "").split()).removeprefix(_OVERLAP).strip() or None
        pieces.append(Piece(speaker, start, plain(speech.replace("</v>", " ")), line))
    return pieces
