"""Speaker labels and turns for paragraph-based formats (.txt, .md, .docx) and subtitle cue text.

A label is a short prefix before ':' - a role ("Jongerenwerker", "Wijkagent Helmond-West"), a code
("R1", "Int.") or a first name ("Sanne") - not any sentence with a colon in it. Rules:
- the colon must be followed by white space, the end of the line or a letter ("Sanne:Goedemorgen";
  "om 10:30 uur" has no label); a tab instead of the colon also ends a label ("Sanne<TAB>tekst",
  Word's hanging-indent transcripts); a list marker before it ("- Sanne:", "3. Sanne:") is dropped;
- spellings of tools: `[SPEAKER_00]:` (WhisperX), `**Sanne:**` (Markdown), `Sanne (00:01:02):`
  (Rev, Descript), `Sanne [00:01:02]:`, `[00:01:02] Sanne:`, `00:01:02 Sanne:` and
  `Sanne: [00:01:02] tekst`; the time becomes the turn's timestamp, never part of label or text;
- at most 5 words and 40 characters, no sentence punctuation (outside parentheses: Zoom's
  "Anouk (zij/haar)");
- it starts with a capital or a digit or is a code ("R1", "Int."); a label starting with a lowercase
  letter (the housing corporation "woCom") counts only if it recurs;
- the first word must not be a pronoun, conjunction or similar ("Ze zei: kom maar" has no label);
- a multi-word prefix with a lowercase word other than a name particle ("van", "de", ...), or one
  starting with an article, counts only if it occurs as a prefix at least twice in the file;
- a single label occurrence in a text of several paragraphs is ignored (unless it is a code);
- the field names of minutes and forms (`FIELD_LABELS`: "Aanwezig:", "Actie:", "Datum:") are no labels,
  so the body of a written report is nobody's speech rather than that of "Aanwezig".
A paragraph is one turn; a line inside a paragraph starts a new turn when it starts with a label that
is a code or recurs (so "one turn per line" transcripts work; in such a file, where one paragraph
holds two lines with recurring labels, any label starts a line's turn), or with a timestamp before its
text (`[00:12:31] ...`); a wrapped line that starts like a one-off label with a time inside it
("Vrijdag (22:30): daar ...") is speech of the turn it is in, and so is a wrapped line that is a numbered
list item with a one-off label ("1. I: dat was ...") unless the file numbers its turns ("1. I:", "2. R1:").
A line that is only a time (`00:05:00`, Google Meet's marks) is no speech: it dates the next turn; a
time mark in brackets inside the speech (`[00:12:31]`, `(00:12:31)`) or f4transkript's end-of-paragraph
mark (`#00:12:31-4#`, also MAXQDA's) is dropped from the text; it is not the turn's start.
A paragraph without a label continues with the previous speaker (None if there is none yet); a label
alone on its own paragraph names the speaker of the next paragraph. A paragraph without a label that
is only a transcriber's note in brackets ("[einde opname]", "(pauze)") or a closing line ("Einde
gesprek 21:00", "Einde van het interview") is no speech: it belongs to no speaker's turn.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from interviews.profiles import default_profile

from interviews.records import Turn
from interviews.roles import INTERVIEWER, role_of_label

_T = r"\d{1,2}(?::\d{1,2}){1,2}"  # 12:31, 0:12:31, 00:12:31
_F = r"(?:[.,]\d{1,3})?"  # an optional fraction of a second
# A time in brackets or parentheses at the start of a line: "[00:12:31] ", "(00:12:31) "; also a
# segment's range with an arrow, as whisper.cpp and MacWhisper print it: "[00:00:04.560 --> 00:00:08.960] "
# (the start counts). A range with a plain dash ("[00:10:05 - 00:10:09]") is not taken: typed speech uses it.
_TIMESTAMP = re.compile(rf"^(?:\[\s*(?P<b>{_T}){_F}(?:\s*-->\s*{_T}{_F})?\s*\]|\(\s*(?P<p>{_T}){_F}\s*\))\s*")
# A bare time at the start of a line ("00:12:31 Sanne: ..."): a timestamp only when a label follows.
# Also a time range ("00:00:01 - 00:00:05 Sanne: ...", "00:00:01,000 --> 00:00:05,000 Sanne: ..."): the start counts.
_BARE_TIME = re.compile(rf"^(?P<b>\d{{1,2}}:\d{{2}}(?::\d{{2}})?){_F}"
                        rf"(?:\s*(?:-->|[-\u2013])\s*\d{{1,2}}:\d{{2}}(?::\d{{2}})?{_F})?"
                        rf"(?:\s*[-\u2013|]\s*|\s+)(?=\S)")
# A list marker before a label: "- Sanne: ...", "• Sanne: ...", "3. Sanne: ..." (only when a label follows);
# also a turn number set off by two spaces or a tab, "12  I: ..." (a bare "12 I:" stays one label).
_BULLET = re.compile(r"^(?:[-*\u2022\u00b7\u2013]|\d{1,3}[.)]|\d{1,4}(?= {2,}|\t))\s+(?=\S)")
# A typist's time mark inside the speech ("... zei ze [00:12:31] en toen ..."): a mark, not words.
# Also f4transkript's / MAXQDA's mark at the end of a paragraph, "#00:12:31-4#" (tenths after the dash).
_INLINE_TIME = re.compile(rf"\[\s*{_T}{_F}\s*\]|\(\s*\d{{1,2}}:\d{{2}}:\d{{2}}{_F}\s*\)"
                          rf"|#\d{{1,2}}:\d{{2}}:\d{{2}}(?:[-.,]\d{{1,3}})?#")
# A line that is nothing but a time (Google Meet's section marks, a time line in a typed transcript).
_TIME_ONLY = re.compile(rf"^[\[\(]?\s*(?P<b>{_T}){_F}\s*[\]\)]?$")
# Emphasis around a label: "**Sanne:** tekst", "**Sanne**: tekst", "__Sanne (00:01:02):__ tekst".
_EMPHASIS = re.compile(r"^(?P<m>\*\*|__|\*|_)(?P<inner>(?:(?!(?P=m))[^\n]){1,80}?)(?P=m)(?P<rest>.*)$", re.S)
# The label itself: "Sanne: ", "[SPEAKER_00]: " (WhisperX), "Sanne (00:01:02): " (Rev, Descript),
# "Sanne [00:01:02]: " (Amberscript), or "Sanne<TAB>tekst" (a tab instead of the colon, Word).
_PLAIN = re.compile(
    rf"^(?:\[(?P<bracketed>[^\[\]:\n]{{1,60}})\]|(?P<label>[^:\t\n]{{1,60}}?))"
    rf"(?:\s*[\(\[]\s*(?P<time>{_T}){_F}\s*[\)\]])?"
    r"\s*(?::(?=\s|$|[^\W\d_])|\t)\s*(?P<text>.*)$",
    re.S,
)
_CODE = re.compile(r"^(?:[A-Z]{1,3}\d{0,3}|[A-Za-z][a-z]{0,3}\.|[A-Z][a-z]{0,3}\.?\s?\d{1,3}|[a-z]{1,2}\d{1,3})$")
_FORBIDDEN = set(',;!?"“”…[]{}<>|/=+*#')
# A part in parentheses is checked apart: display names carry "(zij/haar)", "(Gemeente, Jeugd)".
_PARENTHESES = re.compile(r"\([^()]{0,30}\)")
_HARD_STOP = frozenset("""
    ik je jij u hij ze zij we wij jullie men het dat dit die deze toen maar en want dus of als omdat
    zo zoals er daar hier wat wie waar hoe waarom nou ja nee ook mijn jouw zijn haar hun ons onze
    daarom kortom bijvoorbeeld dan nu eerst soms vaak echt gewoon kijk zeg let stel oftewel namelijk
    maw dwz bv nb ps tip eigenlijk verder tot
""".split())
_ARTICLES = frozenset({"de", "het", "een", "'t"})
# The field names of minutes and forms ("Aanwezig: ...", "Actie: ...", "Datum: ..."): a line that starts
# with one is a heading of a written report, never a speaker's turn (nobody is called "Aanwezig").
FIELD_LABELS = frozenset({
    "aanwezig", "aanwezigen", "afwezig", "afwezigen", "afwezig met kennisgeving", "met kennisgeving afwezig",
    "notulist", "notulen", "notuleerder", "datum", "tijd", "locatie", "plaats", "agenda", "agendapunt",
    "actie", "acties", "actiepunt", "actiepunten", "besluit", "besluiten", "afspraak", "afspraken",
    "onderwerp", "kenmerk", "bijlage", "bijlagen",
})
# A whole paragraph that is a transcriber's note: "[einde opname]", "(pauze)", "[onverstaanbaar]".
_NOTE = re.compile(r"^\s*(?:\[[^\[\]\n]{1,80}\]|\([^()\n]{1,80}\))\s*$")
# A closing line of a typed transcript: "Einde gesprek 21:00", "Einde van de opname.", "End of transcript".
_CLOSING = re.compile(
    r"^\s*(?:einde|eind|end)\s+(?:van\s+(?:het|de)\s+|of\s+(?:the\s+)?)?"
    r"(?:gesprek|groepsgesprek|interview|opname|transcriptie|transcript|bijeenkomst|sessie|recording|meeting)\b"
    r"[\s.:,\-\u2013\d]*(?:uur)?\.?\s*$",
    re.IGNORECASE,
)
# What separates a bold label from the speech: a colon, or a spaced dash ("**Sanne** - hoi").
_AFTER_BOLD = re.compile(r"^(?::|[-\u2013\u2014](?=\s))")
_BOLD_DASH = re.compile(r"\s+[-\u2013\u2014]$")
_INITIAL = re.compile(r"(?:^|[\s,.])[A-Z]\.$")  # a display name ending in an initial: "Smit, A."
# Lower-case words inside a label: the name particles of the profile plus label connectives.
_PARTICLES = frozenset(default_profile().name_particles) | {"uit", "voor", "bij", "en", "op", "in", "aan"}


@dataclass(frozen=True)
class Line:
    """One source line: 1-based number (paragraph number for .docx) and its text."""

    number: int
    text: str


@dataclass(frozen=True)
class Block:
    """A paragraph: its lines, and a label already known from formatting (bold in .docx)."""

    lines: tuple[Line, ...]
    label: str | None = None


@dataclass(frozen=True)
class Prefix:
    """What starts a line: timestamp (HH:MM:SS), label candidate and the remaining text."""

    timestamp: str | None
    label: str | None
    text: str  # after the label (or the whole body if there is no candidate)
    body: str  # after the timestamp, label included


def _drop_time_marks(text: str) -> str:
    """Text without `[00:12:31]`-style marks; a mark before punctuation leaves no space ("klopt,")."""
    return _INLINE_TIME.sub(" ", re.sub(rf"\s*(?:{_INLINE_TIME.pattern})(?=[,.;:?!])", "", text))


def normalise_timestamp(value: str) -> str:
    """'0:12:31' or '12:31' -> '00:12:31'."""
    parts = [int(p) for p in value.split(":")]
    while len(parts) < 3:
        parts.insert(0, 0)
    return "{:02d}:{:02d}:{:02d}".format(*parts)


def split_prefix(text: str) -> Prefix:
    """Split an optional timestamp and a label candidate off the start of a line.

    A timestamp may stand before the label (`[00:12:31] Sanne:`, `(00:12:31) Sanne:`, or bare
    `00:12:31 Sanne:` when a label follows), inside it (`Sanne (00:12:31):`, `Sanne [00:12:31]:`) or
    right after it (`Sanne: [00:12:31] tekst`); it never stays in the text. A line that is only a time
    gives a timestamp and empty text.
    """
    only = _TIME_ONLY.match(text)
    if only:
        return Prefix(normalise_timestamp(only.group("b")), None, "", "")
    timestamp = None
    match = _TIMESTAMP.match(text)
    if match:
        timestamp = normalise_timestamp(match.group("b") or match.group("p"))
        text = text[match.end():]
    bullet = _BULLET.match(text)
    found = _label(text[bullet.end():]) if bullet else None
    if found is not None:
        text = text[bullet.end():]  # type: ignore[union-attr]
    else:
        found = _label(text)
    if found is None and timestamp is None:
        bare = _BARE_TIME.match(text)
        found = _label(text[bare.end():]) if bare else None
        if found is not None:
            timestamp = normalise_timestamp(bare.group("b"))  # type: ignore[union-attr]
            text = text[bare.end():]  # type: ignore[union-attr]
    if found is None:
        return Prefix(timestamp, None, text, text)
    label, inner_time, rest = found
    timestamp = timestamp or inner_time
    after = _TIMESTAMP.match(rest)
    if after:
        timestamp = timestamp or normalise_timestamp(after.group("b") or after.group("p"))
        rest = rest[after.end():]
    return Prefix(timestamp, label, rest, text)


def leading_time(text: str) -> tuple[str | None, str]:
    """(HH:MM:SS, rest) for a line that starts with a time, in brackets (`[00:12:31] `, `(00:12:31) `) or
    bare (`00:12:31 `, `00:12:31 - `) before more text; else (None, text). Shape only: whether the time is
    a turn's start depends on what follows it (a label), which the caller decides.
    """
    match = _TIMESTAMP.match(text) or _BARE_TIME.match(text)
    if match is None or not text[match.end():].strip():
        return None, text
    return normalise_timestamp(match.group("b") or match.groupdict().get("p")), text[match.end():]


def _label(text: str) -> tuple[str, str | None, str] | None:
    """(label, timestamp inside the label, rest) for a line that starts with a label candidate."""
    emphasis = _EMPHASIS.match(text)
    if emphasis:
        inner, rest = emphasis.group("inner").strip(), emphasis.group("rest")
        if inner.endswith(":"):
            text = f"{inner} {rest.lstrip()}"
        elif rest.lstrip().startswith(":"):
            text = inner + rest.lstrip()
    found = _PLAIN.match(text)
    if not found:
        return None
    label = " ".join((found.group("bracketed") or found.group("label")).split())
    if not is_candidate(label):
        return None
    time = found.group("time")
    return label, normalise_timestamp(time) if time else None, found.group("text")


def name_shaped(name: str, strict: bool) -> bool:
    """Whether a header's name part looks like a display name, not a sentence.

    Always: 1-6 words, at most 60 characters, no sentence punctuation, not starting with a pronoun or
    conjunction. `strict` (a name separated from its time by a single space) also asks that every
    word starts with a capital or a digit, or is a name particle ("Marieke de Wit", "Speaker 2").
    """
    words = name.split()
    if not words or len(words) > 6 or len(name) > 60 or (_FORBIDDEN - {","}) & set(_PARENTHESES.sub("", name)):
        return False
    if ":" in name or (name.endswith(".") and not _INITIAL.search(name)) or words[0].lower().strip(".,") in _HARD_STOP:
        return False
    if strict:
        words = _PARENTHESES.sub("", name).split() or words
        return words[0].lower() not in _ARTICLES and all(
            w[0].isupper() or w[0].isdigit() or w.lower() in _PARTICLES for w in words)
    return True


def is_candidate(label: str) -> bool:
    """Whether a prefix has the shape of a label (structure only; see `accept_labels`)."""
    label = label.strip()
    words = label.split()
    if not words or len(words) > 5 or len(label) > 40 or _FORBIDDEN & set(_PARENTHESES.sub("", label)):
        return False
    if _CODE.match(label):
        return True
    return words[0].lower().strip(".") not in _HARD_STOP


def accept_labels(counts: Counter[str]) -> frozenset[str]:
    """The candidates that count as labels, given how often each starts a line in the file."""
    accepted = set()
    for label, count in counts.items():
        if " ".join(label.lower().split()) in FIELD_LABELS:
            continue  # "Aanwezig:", "Actie:": the fields of minutes, not speakers
        words = _PARENTHESES.sub("", label).split() or label.split()
        if _CODE.match(label) or count >= 2:
            accepted.add(label)  # recurring: also lowercase names such as "woCom"
        elif (words[0][0].isupper() or words[0][0].isdigit()) and words[0].lower() not in _ARTICLES and all(
            w[0].isupper() or w[0].isdigit() or w.lower() in _PARTICLES for w in words[1:]
        ):
            accepted.add(label)
    return frozenset(accepted)


def is_note(text: str) -> bool:
    """Whether a whole paragraph is a transcriber's note in brackets or a closing line, not speech."""
    return bool(_NOTE.match(text) or _CLOSING.match(text))


def is_code(label: str) -> bool:
    """Whether a label is an interview code ("I", "R1", "Int.", "SP2")."""
    return bool(_CODE.match(label))


def is_interview_code(label: str) -> bool:
    """A code, or a word for the interviewer ("Interviewer", "Gespreksleider"): the labels of a typed
    I/R transcript, which often writes the interviewer in full beside respondent codes "R1", "R2"."""
    return is_code(label) or role_of_label(label) == INTERVIEWER


def clean(parts: Sequence[str]) -> str:
    """Lines joined with one space, runs of white space (tabs, NBSP) collapsed, trimmed."""
    return " ".join(" ".join(parts).split())


_clean = clean


def bold_label(runs: Sequence[tuple[str, bool]], text: str) -> tuple[str | None, str]:
    """A bold prefix of a paragraph (runs of (text, bold)) that has the shape of a label, and the rest.

    Shared by the .docx, .odt and .rtf readers: "**Sanne** hoi", "**Sanne:** hoi" and "**Sanne** - hoi"
    all give ("Sanne", "hoi").
    """
    bold = ""
    for run_text, is_bold in runs:
        if not run_text.strip() and not bold:
            bold += run_text
            continue
        if not is_bold:
            break
        bold += run_text
    bold = bold.strip()
    if not bold or not text.startswith(bold):
        return None, ""
    label = bold.rstrip(":").strip()
    if _BOLD_DASH.search(label):
        label = _BOLD_DASH.sub("", label)  # "**Sanne -** hoi"
        rest = text[len(bold):].strip()
    else:  # "**Sanne:** hoi", "**Sanne**: hoi", "**Sanne** - hoi"
        rest = _AFTER_BOLD.sub("", text[len(bold):].lstrip()).strip()
    if not rest or not label or not is_candidate(label):
        return None, ""
    return " ".join(label.split()), rest


def build_turns(blocks: Sequence[Block], codes_only: bool = False) -> tuple[Turn, ...]:
    """Turns from paragraphs, following the rules in the module docstring.

    With `codes_only`, only interview codes ("I:", "R1:") and interviewer words ("Interviewer:") count
    as labels (hand-typed I/R transcripts, where a wrapped line may start with "Kortom:").
    """
    parsed = [[(line, split_prefix(line.text)) for line in block.lines] for block in blocks]
    counts = Counter(p.label for lines in parsed for _, p in lines if p.label)
    counts.update(block.label for block in blocks if block.label)  # bold labels count as occurrences
    accepted = accept_labels(counts)
    if codes_only:
        accepted = frozenset(label for label in accepted if is_interview_code(label))
    if len(blocks) > 1 and sum(counts[label] for label in accepted) == 1 and not any(
        _CODE.match(label) for label in accepted
    ):
        accepted = frozenset()  # one lone "Word:" in a text of several paragraphs is no speaker label
    strong = {label for label in accepted if counts[label] >= 2 or _CODE.match(label)}
    if any(sum(p.label in strong for _, p in lines) >= 2 for lines in parsed):
        strong = set(accepted)  # one turn per line: a speaker who speaks once still starts a line
    # Numbered turns ("1. I: ...", "2. R1: ..."): a list marker before a label on two lines or more.
    numbered = sum(1 for lines in parsed for line, p in lines if p.label in accepted and _BULLET.match(line.text)) >= 2
    turns: list[Turn] = []
    speaker: str | None = None
    pending: str | None = None  # a label alone on its own paragraph
    pending_time: str | None = None  # a line that is only a time: the start of the next turn
    current: dict | None = None

    def close() -> None:
        nonlocal current
        text = _clean([_drop_time_marks(part) for part in current["parts"]]) if current else ""
        if text:
            turns.append(Turn(len(turns), current["speaker"], text,  # type: ignore[index]
                              current["timestamp"], current["line"]))  # type: ignore[index]
        current = None

    for block, lines in zip(blocks, parsed):
        for i, (line, prefix) in enumerate(lines):
            label = prefix.label if prefix.label in accepted else None
            text = prefix.text if label else prefix.body
            timestamp = prefix.timestamp
            if i > 0 and label is not None and label not in strong and not leading_time(line.text)[0]:
                # a wrapped line "Vrijdag (22:30): daar ..." of a one-off word: speech, not a new turn
                label, text, timestamp = None, line.text, None
            elif i > 0 and label is not None and counts[label] < 2 and not numbered and _BULLET.match(line.text):
                # a wrapped line "1. I: dat was de vraag" in a file whose turns are not numbered: a list
                # item of the speech, not a turn of a speaker heard nowhere else
                label, text, timestamp = None, line.text, None
            if i == 0 and block.label:
                label, text = block.label, line.text
            if label is None and timestamp is not None and not text.strip():
                close()  # a time on its own line is a mark, never speech
                pending_time = timestamp
                continue
            if label is None and i == 0 and len(lines) == 1 and is_note(line.text):
                close()  # "[einde opname]" on its own: the transcriber's, not the last speaker's
                continue
            starts = current is None or i == 0 or timestamp is not None or (
                label is not None and label in strong)
            if not starts:
                current["parts"].append(line.text)  # type: ignore[index]
                continue
            close()
            if label is None and pending is not None:
                label = pending
            pending = None
            if label is not None:
                speaker = label
                if not text.strip() and i == len(lines) - 1:
                    pending = label  # "Sanne:" alone: the next paragraph is hers
                    continue
            current = {"speaker": speaker, "parts": [text], "timestamp": timestamp or pending_time,
                       "line": line.number}
            pending_time = None
        close()
    return tuple(turns)
