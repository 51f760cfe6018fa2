"""Shared parts of the .vtt and .srt readers: cue blocks, timing lines, tags, merging of cues."""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from interviews.readers.labels import Line, accept_labels, name_shaped, split_prefix
from interviews.records import Turn

_TIME = r"(?:(\d+):)?(\d{1,2}):(\d{1,2})[.,]\d{1,3}"  # lenient: old Teams wrote "0:0:4.120 --> 0:0:9.0"
TIMING = re.compile(rf"^\s*{_TIME}\s*-->\s*{_TIME}")
_TAG = re.compile(r"<[^>]*>")
_CUE_ID = re.compile(r"^[\w/-]*\d[\w/-]*$")  # "12", "GUID/14-0"
_VOICE_TAG = re.compile(r"<v[\s.>]")


@dataclass(frozen=True)
class Piece:
    """Speech in one cue: speaker (None if unknown), start "HH:MM:SS", text, timing line number."""

    speaker: str | None
    start: str
    text: str
    line: int


def split_blocks(lines: Sequence[str], first: int = 1) -> list[list[Line]]:
    """Blank-line separated blocks of numbered lines; `first` is the number of lines[0].

    A second timing line in a block starts a new block, with the cue number or id just above it: an
    export without blank lines between cues must not put the next cue's timing into the text.
    """
    blocks: list[list[Line]] = []
    current: list[Line] = []
    for number, text in enumerate(lines, start=first):
        if not text.strip():
            if current:
                blocks.append(current)
            current = []
            continue
        if TIMING.match(text) and any(TIMING.match(line.text) for line in current):
            cue_id = current[-1:] if current and _CUE_ID.match(current[-1].text.strip()) \
                and not TIMING.match(current[-1].text) else []
            blocks.append(current[:len(current) - len(cue_id)])
            current = list(cue_id)
        current.append(Line(number, text.rstrip()))
    if current:
        blocks.append(current)
    return [block for block in blocks if block]


def start_time(timing: str) -> str | None:
    """The start of a timing line as HH:MM:SS, or None if it is not a timing line."""
    match = TIMING.match(timing)
    if not match:
        return None
    hours, minutes, seconds = match.group(1), match.group(2), match.group(3)
    return f"{int(hours or 0):02d}:{int(minutes):02d}:{int(seconds):02d}"


def seconds_to_hms(seconds: float) -> str:
    """Float seconds as HH:MM:SS, the fraction truncated (9.98 -> '00:00:09')."""
    whole = int(seconds)
    return f"{whole // 3600:02d}:{whole % 3600 // 60:02d}:{whole % 60:02d}"


def plain(text: str) -> str:
    """Cue text without tags, entities and the `>>` speaker-change marks of captions, whitespace collapsed."""
    return " ".join(word for word in html.unescape(_TAG.sub(" ", text)).split() if word != ">>")


_DIALOGUE_DASH = re.compile(r"^[-\u2013]\s*")


def dialogue(lines: Sequence[str]) -> list[str] | None:
    """The speeches of a two-speaker cue written with dialogue dashes, `- Anouk: ...` / `- Bram: ...`
    (the subtitle convention), one per line; None unless every line has a dash and a label.

    Joined into one text, the second speaker's label would end up in the first speaker's turn.
    """
    texts = [plain(line) for line in lines]
    if len(texts) < 2 or not all(_DIALOGUE_DASH.match(text) for text in texts):
        return None
    parts = [_DIALOGUE_DASH.sub("", text, count=1) for text in texts]
    return parts if all(split_prefix(part).label for part in parts) else None


def name_lines(cues: Sequence[Sequence[str]]) -> frozenset[str]:
    """Speaker names written on their own line above the cue text (old Teams and Stream exports).

    The first line of a cue of two or more lines counts when it is shaped like a display name, has
    no colon and no voice tag, and one such name heads at least two cues (then the file writes names
    this way, and a speaker who speaks once counts too).
    """
    counts = Counter(name_line(cue[0]) for cue in cues
                     if len(cue) >= 2 and ":" not in cue[0] and not _VOICE_TAG.search(cue[0])
                     and name_shaped(name_line(cue[0]), strict=True))
    return frozenset(counts) if any(count >= 2 for count in counts.values()) else frozenset()


_ENCLOSED = re.compile(r"^\s*[(\[]([^()\[\]]{1,60})[)\]]\s*$")


def name_line(text: str) -> str:
    """A cue's first line as a name: white space collapsed, brackets around it dropped ("(Petra Jansen)")."""
    enclosed = _ENCLOSED.match(text)
    return " ".join((enclosed.group(1) if enclosed else text).split())


# A cue that starts with a name in brackets and no colon: "[Petra] We beginnen."
_BRACKET_LABEL = re.compile(r"^\s*\[([^\[\]:]{1,60})\]\s+(?=\S)(.*)$", re.S)


def bracket_labels(pieces: Sequence[Piece]) -> list[Piece]:
    """Speakers from a `[Naam] tekst` prefix, when the file writes speakers so: at least two names,
    one of them on two cues or more, together on at least half of the unlabelled cues. A sound tag
    ("[muziek]") alone on a cue is no label (no text follows it) and a lower-case one is no name."""
    open_pieces = [p for p in pieces if p.speaker is None]
    found = [_BRACKET_LABEL.match(p.text) if p.speaker is None else None for p in pieces]
    names = Counter(" ".join(m.group(1).split()) for m in found
                    if m and name_shaped(" ".join(m.group(1).split()), strict=True))
    if len(names) < 2 or max(names.values()) < 2 or 2 * sum(names.values()) < len(open_pieces):
        return list(pieces)
    out = []
    for piece, match in zip(pieces, found):
        name = " ".join(match.group(1).split()) if match else None
        out.append(Piece(name, piece.start, match.group(2).strip(), piece.line) if name in names else piece)
    return out


def label_pieces(pieces: Sequence[Piece]) -> list[Piece]:
    """Give unlabelled pieces a speaker from a `Label: text` prefix (Zoom, .srt; see labels.py) or
    from a `[Naam] tekst` prefix (`bracket_labels`)."""
    pieces = bracket_labels(pieces)
    prefixes = [split_prefix(p.text) if p.speaker is None else None for p in pieces]
    accepted = accept_labels(Counter(p.label for p in prefixes if p is not None and p.label))
    out = []
    for piece, prefix in zip(pieces, prefixes):
        if prefix is not None and prefix.label in accepted:
            piece = Piece(prefix.label, piece.start, prefix.text, piece.line)
        out.append(piece)
    return out


def subtitle_layout(kind: str, pieces: Sequence[Piece], labelled: Sequence[Piece]) -> str:
    """The layout name of a subtitle file: voices (Teams), `Naam: tekst` (Zoom) or no speakers (Whisper)."""
    if any(p.speaker for p in pieces):
        return f"{kind} met stemmen '<v Naam>' (Teams)"
    if any(p.speaker for p in labelled):
        return f"{kind} met 'Naam: tekst' (Zoom)"
    return f"{kind} zonder sprekers (Whisper): één beurt per cue"


def merge_pieces(pieces: Sequence[Piece], continue_speaker: bool) -> tuple[Turn, ...]:
    """Consecutive pieces of one speaker become one turn (timestamp and line of the first piece).

    Pieces without a speaker are never merged (a speakerless Whisper file would otherwise become one
    turn). With `continue_speaker`, an unlabelled piece after a labelled one continues that speaker
    (a long sentence split over two subtitles).
    """
    turns: list[Turn] = []
    group: list[Piece] = []
    speaker: str | None = None

    def close() -> None:
        text = " ".join(p.text for p in group if p.text).strip()
        if text:
            turns.append(Turn(len(turns), group[0].speaker, text, group[0].start, group[0].line))

    for piece in pieces:
        if piece.speaker is None and continue_speaker and speaker is not None:
            piece = Piece(speaker, piece.start, piece.text, piece.line)
        if group and (piece.speaker != group[0].speaker or piece.speaker is None):
            close()
            group = []
        group.append(piece)
        speaker = piece.speaker
    if group:
        close()
    return tuple(turns)
