"""Layouts of paragraph documents (.txt, .md, .docx, .odt): which tool wrote the transcript.

A layout is a small plugin that reads a document's paragraphs (`Block`s, see labels.py) and returns
a `Reading` (the turns and the layout's Dutch name), a `Miss` (the paragraphs look like this layout,
but stop matching at a line) or None (not this layout at all). `choose` tries the specific layouts
in order, then the general "Label: text" layout, and refuses (N116) a file that nearly matched a
specific layout while the general reading finds mostly no speakers: a silent misread is worse than
a refusal.

Header layouts (`HeaderLayout`): every block starts with a header line that holds the speaker and/or
a time; the speech is the rest of that paragraph or, if the header stands alone, the next paragraph;
after a header that ends with a colon (Rev-style `Naam (00:06):`), every paragraph up to the next header.
    Otter .txt / Teams .docx    `Ilse Martens  0:02`           (name, two or more spaces, M:SS)
    Word Transcribe .docx       `00:00:03 Speaker 1`           (time first, then the name)
    Zoom saved captions .txt    `[Marieke de Wit] 19:02:11`    (times of day, not offsets; also
                                `7:02:11 PM`, kept as 19:02:11)
    Amberscript .txt/.docx      `00:00:02` + `Interviewer: tekst` (also a time line + text without
                                label: Otter without speaker names; those turns have no speaker)
Consecutive blocks of one speaker merge into one turn with the start of the first (HH:MM:SS).
Lines before the first header (a title, a date, a duration) are not turns; they must be short. So
are at most two one-line paragraphs after the last block (a closing marker such as "... stopped
transcription" in any language; known English markers are skipped anywhere).

`CueTextLayout`: subtitles saved as text or pasted into Word (a timing line `00:00:01.000 -->
00:00:04.000` before each cue, or a video editor's `00:00:01:12 - 00:00:04:03`; voices `<v Naam>`,
`Naam: tekst`, or a name line under the timing line as in old Teams/Stream .docx transcripts; a cue
without a name continues the speaker before it, as in .srt and .vtt; a damaged timing line is N114).

Label layouts: `CodeLabelLayout` (hand-typed `I:` / `R1:` transcripts with hard-wrapped lines and a
header above the first label), `NameLineLayout` (a line with only the name above the speech: Otter
without timestamps), `DashLabelLayout` (`Naam - tekst`, also after a time `00:01:02 Naam - tekst` or
`[00:01:02] Naam - tekst`, only when such labels carry the file) and
`LabelLayout` (the general "Label: text" reading of labels.py).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Protocol

from interviews.readers.errors import InputError
from interviews.readers.labels import (Block, Line, accept_labels, build_turns, clean, is_candidate, is_code,
                                       is_interview_code, leading_time, name_shaped, normalise_timestamp,
                                       split_prefix)
from interviews.readers.legend import drop_legend
from interviews.readers.subtitles import Piece, label_pieces, merge_pieces, name_line, plain
from interviews.records import Turn

_PREAMBLE_BLOCKS, _PREAMBLE_LINES, _PREAMBLE_WORDS = 8, 3, 15
# Lines a meeting tool writes around the speech, in English and Dutch: "<name> started transcription",
# "<naam> heeft de transcriptie gestart", "Meeting ended after 00:45:12", "Transcriptie beëindigd na ...",
# a closing disclaimer or advertising line, the recording's file name above the transcript.
MARKERS: tuple[re.Pattern[str], ...] = (
    re.compile(r"^.{1,80}\s(?:started|stopped) transcription\.?\s*$", re.I),
    re.compile(r"^.{1,80}\sheeft de transcriptie (?:gestart|gestopt|beëindigd)\.?\s*$", re.I),
    re.compile(r"^(?:meeting|transcription|call) ended after \d{1,2}:\d{2}(?::\d{2})?\W*$", re.I),
    re.compile(r"^(?:vergadering|transcriptie|gesprek) (?:is )?beëindigd na \d{1,2}:\d{2}(?::\d{2})?\W*$", re.I),
    re.compile(r"^Transcribed by https?://\S*otter\.ai\S*\s*$", re.I),
    # Google Meet's closing disclaimer (English; the Dutch wording as a Dutch account would show it)
    re.compile(r"^This editable transcript was computer generated and might contain errors\b.{0,200}$", re.I),
    re.compile(r"^Dit bewerkbare transcript is (?:door een computer|automatisch) gegenereerd\b.{0,200}$", re.I),
    # a transcription service's advertising line under its export ("... audio to text with Sonix.")
    re.compile(r"^.{0,80}\b(?:audio|video|speech)\s+to\s+text\s+with\s+\w+.{0,80}$", re.I),
    # the media file's name heading an export ("buurtvaders_opname_03.mp3")
    re.compile(r"^[^\s/\\:]{1,120}\.(?:mp3|m4a|wav|mp4|mov|webm|ogg|oga|aac|flac|wma|m4v|amr|3gp)$", re.I),
    re.compile(r"^(?:pagina|page|blz\.?)\s+\d{1,4}(?:\s*(?:van|of|/)\s*\d{1,4})?$", re.I),  # a PDF turned into Word
)


@dataclass(frozen=True)
class Reading:
    """A document read in one layout."""

    layout: str
    turns: tuple[Turn, ...]
    clock_time: bool = False


@dataclass(frozen=True)
class Miss:
    """The document looks like `layout` (`hits` header lines matched) but stops matching at `line`."""

    layout: str
    line: int
    reason: str
    hits: int
    lead: bool = False  # it stopped at text above the first header: the rest fits the layout
    damaged: bool = False  # the file is this layout but a line of it is damaged: refused (N114) in any case


class Layout(Protocol):
    name: str

    def read(self, blocks: Sequence[Block]) -> Reading | Miss | None: ...


def _marker(text: str) -> bool:
    return any(pattern.match(text) for pattern in MARKERS)


def _short(block: Block) -> bool:
    return len(block.lines) <= _PREAMBLE_LINES and all(
        len(line.text.split()) <= _PREAMBLE_WORDS or _name_list(line.text) for line in block.lines)


def _name_list(text: str) -> bool:
    """A comma-separated list of display names (the attendees under a meeting transcript's title)."""
    names = [part.strip() for part in text.split(",")]
    return len(names) >= 3 and all(0 < len(n.split()) <= 4 and name_shaped(n, strict=True) for n in names)


@dataclass(frozen=True)
class HeaderLayout:
    """Blocks that each start with a header line; see the module docstring.

    Attributes:
        name: Dutch name of the layout (ingest table, preview, errors).
        header: pattern of a header line with groups `time` and, except Amberscript, `speaker`.
        furniture: whole lines that are the tool's markers, not speech ("... stopped transcription").
        label_in_text: the speaker is the `Label:` at the start of the speech (Amberscript).
        clock_time: the header times are times of day.
    """

    name: str
    header: re.Pattern[str]
    furniture: tuple[re.Pattern[str], ...] = ()
    label_in_text: bool = False
    clock_time: bool = False

    def _head(self, block: Block) -> tuple[str | None, str] | None:
        match = self.header.match(block.lines[0].text)
        if not match:
            return None
        speaker = None
        if "speaker" in self.header.groupindex:
            speaker = " ".join(match.group("speaker").split())
            gap = match.groupdict().get("gap")
            bracketed = bool(match.groupdict().get("open"))
            if not name_shaped(speaker, strict=bracketed or (gap is not None and len(gap) < 2)):
                return None
        time = normalise_timestamp(match.group("time") or match.groupdict()["btime"])
        if match.groupdict().get("ampm"):
            time = twenty_four_hour(time, match.group("ampm"))
        return speaker, time

    def is_header(self, text: str) -> bool:
        """Whether a line is this layout's header line (speaker and/or time)."""
        return self._head(Block((Line(0, text),))) is not None

    def _furniture(self, block: Block) -> bool:
        return len(block.lines) == 1 and (_marker(block.lines[0].text) or any(
            p.match(block.lines[0].text) for p in self.furniture))

    def read(self, blocks: Sequence[Block]) -> Reading | Miss | None:
        heads = [self._head(block) for block in blocks]
        hits = sum(head is not None for head in heads)
        if hits < 2:
            return None
        first = next(i for i, head in enumerate(heads) if head is not None)
        lead = None  # text above the first header; reported only if the rest fits the layout
        if first > _PREAMBLE_BLOCKS:
            lead = Miss(self.name, blocks[0].lines[0].number, "veel tekst vóór de eerste sprekerkop", hits, True)
        for block in blocks[:first]:
            if lead is None and not self._furniture(block) and not _short(block):
                lead = Miss(self.name, block.lines[0].number, "lange tekst vóór de eerste sprekerkop", hits, True)
        pieces: list[Piece] = []
        i = first
        while i < len(blocks):
            block, head = blocks[i], heads[i]
            i += 1
            if self._furniture(block):
                continue
            if head is None and _trailer(blocks[i - 1:]):
                break  # a closing marker in another language ("... heeft de transcriptie gestopt")
            if head is None:
                return Miss(self.name, block.lines[0].number,
                            "een alinea zonder sprekerkop (elke alinea hoort een kop met naam en tijd te hebben)",
                            hits)
            speaker, start = head
            lines = list(block.lines[1:])
            if not lines and i < len(blocks) and heads[i] is None and not self._furniture(blocks[i]):
                lines = list(blocks[i].lines)  # the header stands alone
                i += 1
                # Rev-style 'Naam (00:06):' alone: the colon makes it a label, and as after a 'Naam:' alone
                # every paragraph up to the next header is that speaker's ('Naam  0:03' has no colon: a
                # paragraph without a header under it stays a miss)
                while (not self.label_in_text and block.lines[0].text.rstrip().endswith(":")
                       and i < len(blocks) and heads[i] is None
                       and not self._furniture(blocks[i]) and not _trailer(blocks[i:])):
                    lines += list(blocks[i].lines)
                    i += 1
            if not self.label_in_text:
                text = clean([line.text for line in lines])
                if text:
                    pieces.append(Piece(speaker, start, text, block.lines[0].number))
                continue
            # A time line dates the labelled paragraphs under it (Google Meet: a time every few minutes).
            while (i < len(blocks) and heads[i] is None and not self._furniture(blocks[i])
                   and split_prefix(blocks[i].lines[0].text).label is not None):
                lines += [Line(-1, "")] + list(blocks[i].lines)  # an empty line marks a paragraph break
                i += 1
            pieces += _section_pieces(lines, start, block.lines[0].number)
        if lead is not None:
            return lead
        if self.label_in_text:
            pieces = _labelled(pieces)
        if not pieces:
            return None
        return Reading(self.name, merge_pieces(pieces, False), self.clock_time)


def twenty_four_hour(time: str, ampm: str) -> str:
    """'07:02:11' + 'PM' -> '19:02:11'; '12:05:00' + 'AM' -> '00:05:00'."""
    hours = int(time[:2]) % 12 + (12 if ampm[0].lower() == "p" else 0)
    return f"{hours:02d}{time[2:]}"


def _trailer(blocks: Sequence[Block]) -> bool:
    """At most two one-line blocks of at most ten words at the end: the tool's closing lines, not speech."""
    return len(blocks) <= 2 and all(len(b.lines) == 1 and len(b.lines[0].text.split()) <= 10 for b in blocks)


def _section_pieces(lines: Sequence[Line], start: str, number: int) -> list[Piece]:
    """The speech under one time line: a piece per paragraph, and per line that starts with a label.

    Only the first piece carries the time: the others started later, at a time the file does not give.
    """
    groups: list[list[Line]] = []
    for line in lines:
        if line.number < 0:
            groups.append([])
        elif not groups or (groups[-1] and split_prefix(line.text).label is not None
                            and split_prefix(groups[-1][0].text).label is not None):
            groups.append([line])
        else:
            groups[-1].append(line)
    pieces = []
    for group in (g for g in groups if g):
        text = clean([line.text for line in group])
        if text:
            pieces.append(Piece(None, None if pieces else start, text,  # type: ignore[arg-type]
                                group[0].number if pieces else number))
    return pieces


def _labelled(pieces: Sequence[Piece]) -> list[Piece]:
    """Speakers from a `Label:` at the start of each piece's text (labels as in labels.py)."""
    prefixes = [split_prefix(p.text) for p in pieces]
    accepted = accept_labels(Counter(p.label for p in prefixes if p.label))
    return [Piece(prefix.label, piece.start, prefix.text, piece.line) if prefix.label in accepted else piece
            for piece, prefix in zip(pieces, prefixes)]


_TIME = r"\d{1,2}:\d{2}(?::\d{2})?"
_HMS = r"\d{1,2}:\d{2}:\d{2}"

NAME_TIME = HeaderLayout(
    "Otter.ai / Teams: kop 'Naam  0:03'",
    # also "Naam (00:03):" (Rev) and "Naam [00:00:03]" (Amberscript): then the name must be name-shaped
    re.compile(rf"^(?P<speaker>[^\s\d\[].{{0,59}}?)(?P<gap>\s+)"
               rf"(?:(?P<time>{_TIME})|(?P<open>[\[(])(?P<btime>{_TIME})[\])]:?)\s*$"),
)
TIME_NAME = HeaderLayout(
    "Word Transcribe: kop '00:00:03 Naam'",
    # also with a fraction and a dash: "[00:00:03.12] - Speaker 1", "00:00:03 - Naam" (Happy Scribe-style)
    re.compile(rf"^(?P<open>\[)?(?P<time>{_HMS})(?:[.,]\d{{1,3}})?(?(open)\])(?P<gap>\s+)(?:[-\u2013|]\s+)?"
               rf"(?P<speaker>[^\s\d\-\u2013|].{{0,59}}?)\s*$"),
)
BRACKET_NAME_TIME = HeaderLayout(
    "Zoom-ondertitels (.txt): kop '[Naam] 19:02:11' (kloktijden)",
    # a 12-hour clock as Zoom writes it in such locales: "[Naam] 7:02:11 PM" (-> 19:02:11)
    re.compile(rf"^\[(?P<speaker>[^\]\[]{{1,60}})\]\s+(?P<time>{_HMS})(?:\s*(?P<ampm>[AaPp]\.?[Mm]\.?))?\s*$"),
    clock_time=True,
)
TIME_THEN_LABEL = HeaderLayout(
    "Amberscript / Google Meet: regel '00:00:02', dan 'Naam: tekst'",
    re.compile(rf"^\[?(?P<time>{_TIME})\]?\s*$"),
    label_in_text=True,
)
HEADER_LAYOUTS: tuple[HeaderLayout, ...] = (BRACKET_NAME_TIME, NAME_TIME, TIME_NAME, TIME_THEN_LABEL)


_VOICE = re.compile(r"<v(?:\.[^\s>]*)?\s+([^>]*)>")
_CUE_ID = re.compile(r"^[\w/-]*\d[\w/-]*$")
# A timing line; lenient about digits, as old Teams/Stream wrote "0:0:4.120 --> 0:0:9.0". Video editors
# (Premiere Pro, DaVinci Resolve) write a whole line "00:00:03:18 - 00:00:08:08" (hh:mm:ss:frames),
# possibly in brackets.
_CUE_TIME = r"(?:\d+:)?\d{1,2}:\d{1,2}(?:[.,]\d{1,3})?"
_EDIT_TIME = r"\d{1,2}:\d{2}:\d{2}(?:[:;]\d{2})?"
TIMING = re.compile(rf"^\s*(?:(?P<cue>{_CUE_TIME})\s*-->\s*{_CUE_TIME}"
                    rf"|\[?(?P<edit>{_EDIT_TIME})\s*[-\u2013]\s*{_EDIT_TIME}\]?\s*$)")
# A line that is only a start time (hours, minutes, seconds) with an arrow or dash and perhaps an end time,
# but no valid timing line: "00:00:05,900 -> 00:00:09,300", "00:00:05,900 -->" (a timing line edited by
# hand). Inside subtitles pasted into a document it would otherwise be read as speech of the cue above.
_DAMAGED_TIMING = re.compile(rf"^\s*\[?\d{{1,2}}:\d{{1,2}}:\d{{1,2}}(?:[.,:;]\d{{1,3}})?\]?\s*"
                             rf"(?:-+>?|=+>|[\u2013\u2014]+>?|\u2192|>)\s*(?:\[?{_CUE_TIME}(?:[:;]\d{{2}})?\]?)?\s*$")


# A line that is a whole timing line and nothing else ("00:00:01,000 --> 00:00:04,000").
_TIMING_ONLY = re.compile(rf"^\s*{_CUE_TIME}\s*-->\s*{_CUE_TIME}\s*$"
                          rf"|^\s*\[?{_EDIT_TIME}\s*[-\u2013]\s*{_EDIT_TIME}\]?\s*$")


def start_time(timing: str) -> str:
    match = TIMING.match(timing)
    if match.group("cue"):  # type: ignore[union-attr]
        parts = match.group("cue").split(".")[0].split(",")[0].split(":")  # type: ignore[union-attr]
    else:
        parts = re.split(r"[:;]", match.group("edit"))[:3]  # type: ignore[union-attr]  # frames dropped
    return normalise_timestamp(":".join(str(int(p)) for p in parts))


@dataclass(frozen=True)
class CueTextLayout:
    """Subtitle cues inside a text document; see the module docstring.

    Before the first timing line only a `WEBVTT` header, `NOTE` lines and a cue id may stand. A cue
    id is a single word with a digit on the line before a timing line (`12`, `GUID/14-0`). Cues of one
    speaker merge; cues without a speaker are never merged.
    """

    name: str = "ondertitels of videomontage als tekst (tijdcode '-->' of ' - ')"

    def read(self, blocks: Sequence[Block]) -> Reading | Miss | None:
        lines = [line for block in blocks for line in block.lines]
        timings = [i for i, line in enumerate(lines) if TIMING.match(line.text)]
        if len(timings) < 2:
            return None
        for line in lines[:timings[0]]:
            head = line.text.strip()
            if not (head.startswith(("WEBVTT", "NOTE")) or (_CUE_ID.match(head) and line is lines[timings[0] - 1])):
                return Miss(self.name, line.number, "tekst vóór de eerste tijdcode", len(timings))
        damaged = next((line for line in lines
                        if _DAMAGED_TIMING.match(line.text) and not TIMING.match(line.text)), None)
        if damaged is not None:
            return Miss(self.name, damaged.number, "een tijdregel is beschadigd (verwacht "
                        "'00:00:01,000 --> 00:00:04,000'); herstel die regel", len(timings), damaged=True)
        pieces: list[Piece] = []
        for k, at in enumerate(timings):
            end = timings[k + 1] if k + 1 < len(timings) else len(lines)
            cue = [line.text.strip() for line in lines[at + 1:end]]
            if k + 1 < len(timings) and cue and _CUE_ID.match(cue[-1]):
                cue = cue[:-1]  # the next cue's id
            start = start_time(lines[at].text)
            text = " ".join(cue)
            voice = _VOICE.search(text)
            speaker = " ".join(voice.group(1).split()) if voice else None
            name = name_line(cue[0]) if len(cue) >= 2 and ":" not in cue[0] else ""
            if speaker is None and name and name_shaped(name, strict=True):
                speaker, text = name, " ".join(cue[1:])  # a name line (Stream), or "(Naam)"
            if plain(text):
                pieces.append(Piece(speaker, start, plain(text), lines[at].number))
        if not pieces:
            return None
        # a cue without a name after a named one continues that speaker, as in .srt and .vtt files
        return Reading(self.name, merge_pieces(label_pieces(pieces), True))


def _first_label(block: Block, codes_only: bool) -> str | None:
    if block.label:
        return None if codes_only else block.label
    label = split_prefix(block.lines[0].text).label
    return label if label and (is_interview_code(label) or not codes_only) else None


@dataclass(frozen=True)
class CodeLabelLayout:
    """Hand-typed transcripts with interview codes `I:`, `R1:`, `Int.:` at the start of a line; the
    interviewer may be written in full (`Interviewer:` beside `R1:`, roles.INTERVIEWER_LABELS).

    Only codes (and interviewer words) are labels (a wrapped line "Kortom: ..." is speech); a turn runs over wrapped lines
    until a blank line or the next code. Short paragraphs above the first code (title, date, who was
    present) are the document's header, not turns.
    """

    name: str = "uitgetypt met codes 'I:' / 'R1:'"

    def read(self, blocks: Sequence[Block]) -> Reading | None:
        starts = [_first_label(block, codes_only=True) for block in blocks]
        inner = sum(1 for block in blocks for line in block.lines[1:]
                    if (label := split_prefix(line.text).label) and is_interview_code(label))
        if not any(starts) or sum(label is not None for label in starts) + inner < 2:
            return None  # (codes may all stand in one paragraph, one turn per line)
        others = Counter(label for block in blocks
                         if (label := _first_label(block, codes_only=False)) and not is_interview_code(label))
        if any(count >= 2 for count in others.values()):
            return None  # names as labels: the general layout
        first = next(i for i, label in enumerate(starts) if label is not None)
        if first > 2 or not all(_short_header(block) for block in blocks[:first]):
            return None
        if any(label and not is_code(label) for label in starts):
            # "Interviewer:" in full: only beside real codes ("R1:"), and no other word label may head a
            # paragraph ("Bewoner:" once) or recur at line starts: that is a names transcript.
            words = Counter(label for block in blocks[first:] for line in block.lines
                            if (label := split_prefix(line.text).label) and not is_interview_code(label))
            if not any(label and is_code(label) for label in starts) or any(
                    count >= 2 for count in words.values()) or any(
                    _first_label(block, codes_only=False) not in (None, label)
                    for block, label in zip(blocks[first:], starts[first:])):
                return None
        turns = build_turns(blocks[first:], codes_only=True)
        header = sum(len(block.lines) for block in blocks[:first])  # said, never silent
        said = f"; kop boven de eerste code overgeslagen ({header} regel(s))" if header else ""
        return Reading(self.name + said, turns) if turns else None


def _short_header(block: Block) -> bool:
    return len(block.lines) <= 6 and all(len(line.text.split()) <= 20 for line in block.lines)


@dataclass(frozen=True)
class NameLineLayout:
    """Paragraphs headed by a line holding only the speaker's name: Otter.ai without timestamps
    (`Speaker 1` / `Goedemorgen.`), or a name in its own Word paragraph above the speech.

    A name line is shaped like a display name (capitals, at most four words, no colon, no closing
    full stop, which speech nearly always has). At least two different names, one of them heading
    two paragraphs or more, and no recurring `Label:` (then the general reading applies). Short
    paragraphs above the first name are not turns; a paragraph without a name line continues the
    speaker above it; a line with only a time under the name (`Naam` / `0:03` / tekst) dates the turn.
    """

    name: str = "kopregel met alleen de naam ('Naam' / tekst)"

    def read(self, blocks: Sequence[Block]) -> Reading | None:
        heads = [_name_line(blocks, i) for i in range(len(blocks))]
        counts = Counter(head for head in heads if head)
        if len(counts) < 2 or max(counts.values()) < 2:
            return None
        labels = Counter(split_prefix(block.lines[0].text).label for block in blocks)
        if any(count >= 2 for label, count in labels.items() if label):
            return None
        first = next(i for i, head in enumerate(heads) if head)
        if not all(_short(block) for block in blocks[:first]):
            return None
        pieces: list[Piece] = []
        speaker: str | None = None
        start: str | None = None
        for block, head in zip(blocks[first:], heads[first:]):
            if len(block.lines) == 1 and _marker(block.lines[0].text):
                continue
            if head:
                speaker = head
            lines = []
            for line in block.lines[1 if head else 0:]:
                prefix = split_prefix(line.text)
                if prefix.timestamp and prefix.label is None and not prefix.text.strip():
                    start = prefix.timestamp  # a time under the name ("Naam" / "0:03" / tekst)
                elif _TIMING_ONLY.match(line.text):
                    start = start or start_time(line.text)  # a subtitle timing under the name: its start
                else:
                    lines.append(line.text)
            text = clean(lines)
            if text:
                pieces.append(Piece(speaker, start, text, block.lines[0].number))  # type: ignore[arg-type]
                start = None
        return Reading(self.name, merge_pieces(pieces, False)) if pieces else None


def _name_line(blocks: Sequence[Block], i: int) -> str | None:
    block = blocks[i]
    text = block.lines[0].text
    if block.label or ":" in text or len(text.split()) > 4 or not name_shaped(text, strict=True):
        return None
    if len(block.lines) == 1 and i + 1 >= len(blocks):
        return None  # a name line needs speech under it
    return " ".join(text.split())


# "Marco - tekst", "Interviewer – tekst": a label, white space, a hyphen or en/em dash, white space, speech.
_DASH_LABEL = re.compile(r"^(?P<label>[^\s:\-\u2013\u2014][^:\n]{0,39}?)\s+[-\u2013\u2014]\s+(?P<text>\S.*)$", re.S)
_DASH_SHARE = 0.6


# "Marco (00:01:02) - tekst", "Marco [00:01:02] - tekst": the time between the label and the dash.
_DASH_LABEL_TIME = re.compile(r"^(?P<label>[^\s:\-\u2013\u2014(\[][^:\n(\[]{0,39}?)\s*"
                              r"[(\[]\s*(?P<time>\d{1,2}(?::\d{1,2}){1,2})(?:[.,]\d{1,3})?\s*[)\]]"
                              r"\s+[-\u2013\u2014]\s+(?P<text>\S.*)$", re.S)


def timed_dash_label(text: str) -> tuple[str, str, str | None] | None:
    """(label, speech, start) for a line `Marco - tekst`, also after a time: `00:01:02 Marco - tekst`,
    `[00:01:02] Marco - tekst`, or with the time after the label: `Marco (00:01:02) - tekst` (the time is
    the start only when a dash label goes with it)."""
    time, rest = leading_time(text)
    hit = dash_label(rest) if time else None
    if hit is not None:
        return hit[0], hit[1], time
    inner = _DASH_LABEL_TIME.match(text)
    if inner:
        label = " ".join(inner.group("label").split())
        if is_candidate(label) and name_shaped(label, strict=True):
            return label, inner.group("text"), normalise_timestamp(inner.group("time"))
    hit = dash_label(text)
    return (hit[0], hit[1], None) if hit else None


def dash_label(text: str) -> tuple[str, str] | None:
    """(label, speech) when a line starts like `Marco - tekst`: a name-shaped label before a spaced dash.

    Shape only (every word capitalised, a digit or a name particle; not a pronoun or conjunction such
    as "Nou"); whether it is a speaker depends on the whole file (`DashLabelLayout`).
    """
    match = _DASH_LABEL.match(text)
    if not match:
        return None
    label = " ".join(match.group("label").split())
    if not (is_candidate(label) and name_shaped(label, strict=True)):
        return None
    return label, match.group("text")


@dataclass(frozen=True)
class DashLabelLayout:
    """Typed transcripts with a dash after the label: `Marco - tekst`, `Interviewer – tekst`.

    A dash after a first word is common in speech ("Nou - ik weet het niet", "Helmond - dat zeggen ze
    zelf"), so the dash labels must carry the file, as recurring labels do for `Label:`: at least two
    different labels that each start two lines or more, together starting at least 60% of the
    paragraphs (or of the lines, one turn per line) from the first of them on; and no `Label:` that
    recurs (then the colon labels are the speakers and the dashes are speech). In such a file a dash
    label that starts a paragraph once is a speaker too (as a single `Naam:` is). Short paragraphs
    above the first label (a title, "Uitgetypt door: ...") are the header, not turns. A time before the
    label (`00:01:02 Marco - tekst`, `[00:01:02] Marco - tekst`) is the turn's start, and consecutive
    timed paragraphs of one speaker merge (`merge_timed`). The lines are then read as `Label: tekst` by
    the general rules (labels.py).
    """

    name: str = "alinea's 'Naam - tekst' (streepje na de naam)"

    def read(self, blocks: Sequence[Block]) -> Reading | None:
        if any(block.label for block in blocks):
            return None  # bold labels: the general reading
        colons = Counter(label for block in blocks for line in block.lines if (label := split_prefix(line.text).label))
        if any(count >= 2 for label, count in colons.items() if label in accept_labels(colons)):
            return None
        found = [[timed_dash_label(line.text) for line in block.lines] for block in blocks]
        counts = Counter(hit[0] for lines in found for hit in lines if hit)
        labels = {label for label, count in counts.items() if count >= 2}
        if len(labels) < 2:
            return None
        starts = [bool(lines[0]) and lines[0][0] in labels for lines in found]
        first = starts.index(True)
        if first > 2 or not all(_short_header(block) for block in blocks[:first]):
            return None
        rest = found[first:]
        lines = [hit for hits in rest for hit in hits]
        in_lines = sum(1 for hit in lines if hit and hit[0] in labels)
        if sum(starts[first:]) < _DASH_SHARE * len(rest) and in_lines < _DASH_SHARE * len(lines):
            return None
        labels |= {hits[0][0] for hits in rest if hits[0]}  # then, as for 'Naam:', one who speaks once
        if any(sum(bool(hit) and hit[0] in labels for hit in hits) >= 2 for hits in rest):
            # one turn per line: a timed line `00:01:02 Naam - tekst` starts a turn also for one who speaks once
            labels |= {hit[0] for hits in rest for hit in hits if hit and hit[2]}
        rewritten = [Block(tuple(_as_colon(line, hit, labels) for line, hit in zip(block.lines, hits)))
                     for block, hits in zip(blocks[first:], rest)]
        turns = merge_timed(build_turns(rewritten))
        return Reading(self.name, turns) if any(t.speaker for t in turns) else None


def _as_colon(line: Line, hit: tuple[str, str, str | None] | None, labels: set[str]) -> Line:
    """`Marco - tekst` as `Marco: tekst` (a time before it kept), so the general rules read it."""
    if hit is None or hit[0] not in labels:
        return line
    label, speech, start = hit
    return Line(line.number, f"{f'[{start}] ' if start else ''}{label}: {speech}")


@dataclass(frozen=True)
class LabelLayout:
    """The general reading: paragraphs `Label: text` (labels.py).

    With `drop_preamble`, at most two short paragraphs before the first labelled paragraph (a title,
    "Uitgewerkt door: ...") are the document's header, not turns, and the layout says how many were
    left out (the ingest table shows it); without it they are turns without a speaker. With `merge`,
    consecutive paragraphs of one speaker (a paragraph without label continues the speaker) merge
    into one turn. .txt drops the preamble; .odt and .rtf use both; .md and .docx neither.
    """

    drop_preamble: bool = False
    merge: bool = False

    def read(self, blocks: Sequence[Block]) -> Reading:
        turns = build_turns([b for b in blocks if not (len(b.lines) == 1 and _marker(b.lines[0].text))])
        header = 0
        if self.drop_preamble and turns and any(t.speaker for t in turns):
            first = next(i for i, t in enumerate(turns) if t.speaker is not None)
            if first <= 2 and all(len(t.text.split()) <= 25 for t in turns[:first]):
                header = first
                turns = tuple(Turn(i, t.speaker, t.text, t.timestamp, t.line)
                              for i, t in enumerate(turns[first:]))
        if self.merge:
            pieces = [Piece(t.speaker, t.timestamp, t.text, t.line) for t in turns]  # type: ignore[arg-type]
            turns = merge_pieces(pieces, False)
        else:
            turns = merge_timed(turns)
        if not any(t.speaker for t in turns):
            if any(_segment_lines(block) for block in blocks):
                split: list[Block] = []
                for block in blocks:
                    split += [Block((line,)) for line in block.lines] if _segment_lines(block) else [block]
                return Reading("tekst zonder sprekers, één zin per regel (Whisper .txt): één beurt per regel",
                               build_turns(split))
            return Reading("tekst zonder sprekers (één beurt per alinea)", turns)
        said = f"kop boven het eerste sprekerlabel overgeslagen ({header} alinea('s)); " if header else ""
        return Reading(said + "alinea's 'Naam: tekst'", turns)


# A speaker label that a diarisation model wrote (WhisperX, pyannote): "SPEAKER_00".
_MACHINE_LABEL = re.compile(r"^SPEAKER_\d{1,3}$")


def merge_timed(turns: Sequence[Turn]) -> tuple[Turn, ...]:
    """Consecutive turns of one speaker that a tool cut into segments merge (start of the first).

    A tool that writes `[00:00:35] Naam: tekst` paragraphs (Descript, Sonix, Rev) cuts one speaker's
    speech into timed segments, and WhisperX's .txt writes a line `[SPEAKER_00]: tekst` per segment;
    a typist's paragraphs (no times, a chosen label) stay separate turns.
    """
    merged: list[Turn] = []
    for turn in turns:
        last = merged[-1] if merged else None
        if last is not None and turn.speaker is not None and turn.speaker == last.speaker and (
                (turn.timestamp is not None and last.timestamp is not None)
                or _MACHINE_LABEL.match(turn.speaker)):
            merged[-1] = Turn(last.index, last.speaker, f"{last.text} {turn.text}", last.timestamp, last.line)
        else:
            merged.append(Turn(len(merged), turn.speaker, turn.text, turn.timestamp, turn.line))
    return tuple(merged)


def _segment_lines(block: Block) -> bool:
    """A paragraph of segments, one per line (Whisper's .txt), not prose wrapped at a fixed width.

    Five lines or more, nearly all ending a sentence; a wrapped paragraph ends few of its lines so.
    """
    ends = sum(line.text.rstrip("\"'\u201d\u2019)").endswith((".", "?", "!", "\u2026")) for line in block.lines)
    return len(block.lines) >= 5 and ends >= 0.8 * len(block.lines)


# A chat message header of a meeting tool's saved chat (Zoom's meeting_saved_chat.txt):
# "19:02:11 Van Naam aan Iedereen:", "19:02:11 From Name to Everyone:", "19:02:11 From  Name : text".
_CHAT_HEADER = re.compile(r"^\d{1,2}:\d{2}(?::\d{2})?\s+(?:from|van)\s+\S.{0,80}?"
                          r"(?:\s+(?:to|aan)\s+\S.{0,60}?\s*:|\s+:)(?:\s|$)", re.I)


def refuse_chat_log(blocks: Sequence[Block], source: str) -> None:
    """Raise N116 for a meeting's saved chat: typed messages with their senders, not the conversation.

    Read as a transcript, its "Van Naam aan Iedereen" header would become a speaker or stay in the text.
    """
    lines = [line for block in blocks for line in block.lines]
    headers = [line for line in lines if _CHAT_HEADER.match(line.text)]
    if len(headers) >= 2 and len(headers) * 3 >= len(lines):
        raise InputError("N116", path=source, line=headers[0].number, detail=(
            "dit is een opgeslagen chat van de vergadering ('tijd Van Naam aan Iedereen:', Zoom's "
            "meeting_saved_chat.txt), geen transcript van het gesprek; lever het transcript aan "
            "(.vtt of .txt van de opname)"))


def choose(blocks: Sequence[Block], layouts: Sequence[Layout], general: LabelLayout, source: str) -> Reading:
    """Read the blocks in the first layout that matches; see the module docstring.

    Raises:
        InputError: N116 when a specific layout nearly matched and the general reading finds
            speakers for fewer than half of the turns, or for a meeting's saved chat (`refuse_chat_log`),
            or when a layout fitted all but the text above
            its first header and the general reading would take that text (a paragraph longer than a
            title: notes or a summary above an exported transcript) as speech.
    """
    refuse_chat_log(blocks, source)
    blocks, legend = drop_legend(blocks, source)
    reading = _choose(blocks, layouts, general, source)
    if legend:  # never silently: the ingest table says what was left out
        return replace(reading, layout=f"legenda van de sprekers (en kop) boven het transcript overgeslagen "
                                       f"({legend} regels); {reading.layout}")
    return reading


def _choose(blocks: Sequence[Block], layouts: Sequence[Layout], general: LabelLayout, source: str) -> Reading:
    misses: list[Miss] = []
    for layout in layouts:
        result = layout.read(blocks)
        if isinstance(result, Reading):
            return result
        if isinstance(result, Miss):
            misses.append(result)
    reading = general.read(blocks)
    labelled = sum(turn.speaker is not None for turn in reading.turns)
    first = next((i for i, turn in enumerate(reading.turns) if turn.speaker is not None), len(reading.turns))
    lead = any(turn.words > _PREAMBLE_WORDS for turn in reading.turns[:first])  # prose above the first speaker
    damaged = [m for m in misses if m.damaged]
    if damaged:
        raise InputError("N114", path=source, line=damaged[0].line, detail=(
            f"lijkt op de indeling {damaged[0].layout} ({damaged[0].hits} koppen), maar {damaged[0].reason}"))
    if misses and (labelled * 2 < len(reading.turns) or (lead and any(m.lead for m in misses))):
        miss = max(misses, key=lambda m: (m.lead and lead, m.hits))
        raise InputError("N116", path=source, line=miss.line, detail=(
            f"lijkt op de indeling {miss.layout} ({miss.hits} koppen), maar past hier niet meer: "
            f"{miss.reason}; narratief raadt niet: herstel de indeling of lever 'Naam: tekst'-alinea's aan"))
    return reading


PARAGRAPH_LAYOUTS: tuple[Layout, ...] = HEADER_LAYOUTS + (CueTextLayout(), CodeLabelLayout(), NameLineLayout(),
                                                           DashLabelLayout())
"""The specific layouts of paragraph documents, in the order `choose` tries them."""
