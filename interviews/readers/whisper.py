"""Readers for Whisper's .json and .tsv output (OpenAI Whisper CLI `--output_format json`, also WhisperX and
whisper.cpp's `--output-json`, whose `{"transcription": [{"offsets": {"from": 4240}, "text": ...}]}` gives
the same turns).

Layout: one JSON object `{"text": ..., "segments": [{"start": 0.0, "end": 4.24, "text": " ..."}, ...],
"language": "nl"}`. Each segment is one turn; its start (float seconds) becomes HH:MM:SS with the
fraction truncated. Whisper has no speakers: the turns get none and are never merged. A segment
with a `speaker` (WhisperX diarisation, "SPEAKER_00") gets that speaker, and consecutive segments of
one speaker merge. Metadata comes from metadata.csv or the folder layout. Any other JSON is refused.

.tsv (`--output_format tsv`): a header line `start<TAB>end<TAB>text`, then one segment per line with
start and end in integer milliseconds; one turn per segment, no speakers. Any other table is refused.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from interviews.encoding import decode_text
from interviews.readers.base import RawDocument
from interviews.readers.errors import InputError
from interviews.readers.subtitles import Piece, merge_pieces, seconds_to_hms

_LAYOUT = "Whisper-JSON"


@dataclass(frozen=True)
class WhisperJsonReader:
    """Reads Whisper .json transcripts."""

    format: str = "json"

    def read(self, path: Path, data: bytes) -> RawDocument:
        source = path.as_posix()
        try:
            loaded = json.loads(decode_text(data, source).text)
        except json.JSONDecodeError as exc:
            raise InputError("N116", path=source, line=exc.lineno, detail=(
                f"geen geldige JSON ({exc.msg}); alleen de .json-uitvoer van Whisper wordt gelezen")) from None
        if isinstance(loaded, dict) and isinstance(loaded.get("transcription"), list):
            loaded = {"segments": [_from_whisper_cpp(segment) for segment in loaded["transcription"]]}
        if not isinstance(loaded, dict) or not isinstance(loaded.get("segments"), list):
            raise InputError("N116", path=source, line=1, detail=(
                f"lijkt niet op {_LAYOUT}: verwacht een object met een lijst 'segments' (Whisper, WhisperX) "
                "of 'transcription' (whisper.cpp)"))
        pieces: list[Piece] = []
        for number, segment in enumerate(loaded["segments"], start=1):
            start = segment.get("start") if isinstance(segment, dict) else None
            text = segment.get("text") if isinstance(segment, dict) else None
            if isinstance(start, bool) or not isinstance(start, (int, float)) or start < 0 \
                    or not isinstance(text, str):
                raise InputError("N116", path=source, detail=(
                    f"lijkt op {_LAYOUT}, maar segment {number} heeft geen geldige 'start' (seconden) "
                    "en 'text'"))
            speaker = segment.get("speaker")
            speaker = " ".join(speaker.split()) or None if isinstance(speaker, str) else None
            text = " ".join(text.split())
            if text:
                pieces.append(Piece(speaker, seconds_to_hms(float(start)), text, None))  # type: ignore[arg-type]
        if not pieces:
            raise InputError("N107", path=source, detail="het .json-bestand bevat geen segmenten met tekst")
        speakers = any(p.speaker for p in pieces)
        layout = f"{_LAYOUT} met sprekers (WhisperX)" if speakers else f"{_LAYOUT} zonder sprekers: één beurt per segment"
        return RawDocument((), merge_pieces(pieces, False), layout)


def _from_whisper_cpp(segment: object) -> object:
    """A whisper.cpp segment (`offsets.from` in milliseconds) in Whisper's shape; anything else as is."""
    if not isinstance(segment, dict) or not isinstance(segment.get("offsets"), dict):
        return segment
    start = segment["offsets"].get("from")
    ok = isinstance(start, (int, float)) and not isinstance(start, bool)
    return {"start": start / 1000 if ok else start, "text": segment.get("text")}


@dataclass(frozen=True)
class WhisperTsvReader:
    """Reads Whisper .tsv transcripts."""

    format: str = "tsv"

    def read(self, path: Path, data: bytes) -> RawDocument:
        source = path.as_posix()
        lines = decode_text(data, source).text.splitlines()
        header = [cell.strip().lower() for cell in lines[0].split("\t")] if lines else []
        if header[:3] != ["start", "end", "text"]:
            raise InputError("N116", path=source, line=1, detail=(
                "lijkt niet op Whisper-TSV: verwacht de kopregel 'start', 'end', 'text' (met tabs ertussen)"))
        pieces: list[Piece] = []
        for number, line in enumerate(lines[1:], start=2):
            if not line.strip():
                continue
            cells = line.split("\t", 2)
            if len(cells) < 3 or not cells[0].strip().isdigit():
                raise InputError("N116", path=source, line=number, detail=(
                    "lijkt op Whisper-TSV, maar deze regel heeft geen begintijd in milliseconden, "
                    "eindtijd en tekst gescheiden door tabs"))
            text = " ".join(cells[2].split())
            if text:
                pieces.append(Piece(None, seconds_to_hms(int(cells[0]) / 1000), text, number))
        if not pieces:
            raise InputError("N107", path=source, detail="het .tsv-bestand bevat geen segmenten met tekst")
        return RawDocument((), merge_pieces(pieces, False), "Whisper-TSV zonder sprekers: één beurt per segment")
