"""Speaker labels and turns for paragraph-based formats (.txt, .md, .docx) and subtitle cue text.

A label is a short prefix before ':' - a role ("Jongerenwerker", "Wijkagent Helmond-West"), a code
("R1", "Int.") or a first name ("Sanne") - not any sentence with a colon in it. Rules:
- the colon must be followed by white space or the end of the line ("om 10:30 uur" has no label);
- at most 5 words and 40 characters, no sentence punctuation;
- it starts with a capital or a digit or is a code ("R1", "Int."); a label starting with a lowercase
  letter (the housing corporation "woCom") counts only if it recurs;
- the first word must not be a pronoun, conjunction or similar ("Ze zei: kom maar" has no label);
- a multi-word prefix with a lowercase word other than a name particle ("van", "de", ...), or one
  starting with an article, counts only if it occurs as a prefix at least twice in the file;
- a single label occurrence in a text of several paragraphs is ignored (unless it is a code).
A paragraph is one turn; a line inside a paragraph starts a new turn when it starts with a label that
is a code or recurs (so "one turn per line" transcripts work), or with a timestamp `[00:12:31]`.
A paragraph without a label continues with the previous speaker (None if there is none yet); a label
alone on its own paragraph names the speaker of the next paragraph.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from interviews.profiles import default_profile

from interviews.records import Turn

_TIMESTAMP = re.compile(r"^\[\s*(\d{1,2}(?::\d{1,2}){1,2})(?:[.,]\d{1,3})?\s*\]\s*")
_EMPHASIS = re.compile(
    r"^(?P<m>\*\*|__|\*|_)(?P<label>[^*_:\n]{1,60}?)\s*(?P<c>:)?\s*(?P=m)\s*(?(c)|:(?=\s|$))\s*(?P<text>.*)$",
    re.S,
)
_PLAIN = re.compile(r"^(?P<label>[^:\n]{1,60}?)\s*:(?=\s|$)\s*(?P<text>.*)$", re.S)
_CODE = re.compile(r"^(?:[A-Z]{1,3}\d{0,3}|[A-Za-z][a-z]{0,3}\.|[A-Z][a-z]{0,3}\.?\s?\d{1,3}|[a-z]{1,2}\d{1,3})$")
_FORBIDDEN = set(',;!?"“”…[]{}<>|/=+*#')
_HARD_STOP = frozenset("""
    ik je jij u hij ze zij we wij jullie men het dat dit die deze toen maar en want dus of als omdat
    zo zoals er daar hier wat wie waar hoe waarom nou ja nee ook mijn jouw zijn haar hun ons onze
    daarom kortom bijvoorbeeld dan nu eerst soms vaak echt gewoon kijk zeg let stel oftewel namelijk
    maw dwz bv nb ps tip eigenlijk verder tot
""".split())
_ARTICLES = frozenset({"de", "het", "een", "'t"})
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


def normalise_timestamp(value: str) -> str:
    """'0:12:31' or '12:31' -> '00:12:31'."""
    parts = [int(p) for p in value.split(":")]
    while len(parts) < 3:
        parts.insert(0, 0)
    return "{:02d}:{:02d}:{:02d}".format(*parts)


def split_prefix(text: str) -> Prefix:
    """Split an optional `[HH:MM:SS]` and a label candidate off the start of a line."""
    timestamp = None
    match = _TIMESTAMP.match(text)
    if match:
        timestamp = normalise_timestamp(match.group(1))
        text = text[match.end():]
    for pattern in (_EMPHASIS, _PLAIN):
        found = pattern.match(text)
        if found and is_candidate(found.group("label")):
            return Prefix(timestamp, " ".join(found.group("label").split()), found.group("text"), text)
    return Prefix(timestamp, None, text, text)


def is_candidate(label: str) -> bool:
    """Whether a prefix has the shape of a label (structure only; see `accept_labels`)."""
    label = label.strip()
    words = label.split()
    if not words or len(words) > 5 or len(label) > 40 or _FORBIDDEN & set(label):
        return False
    if _CODE.match(label):
        return True
    return words[0].lower().strip(".") not in _HARD_STOP


def accept_labels(counts: Counter[str]) -> frozenset[str]:
    """The candidates that count as labels, given how often each starts a line in the file."""
    accepted = set()
    for label, count in counts.items():
        words = label.split()
        if _CODE.match(label) or count >= 2:
            accepted.add(label)  # recurring: also lowercase names such as "woCom"
        elif (words[0][0].isupper() or words[0][0].isdigit()) and words[0].lower() not in _ARTICLES and all(
            w[0].isupper() or w[0].isdigit() or w.lower() in _PARTICLES for w in words[1:]
        ):
            accepted.add(label)
    return frozenset(accepted)


def is_code(label: str) -> bool:
    """Whether a label is an interview code ("I", "R1", "Int.", "SP2")."""
    return bool(_CODE.match(label))


def clean(parts: Sequence[str]) -> str:
    """Lines joined with one space, runs of white space (tabs, NBSP) collapsed, trimmed."""
    return " ".join(" ".join(parts).split())


_clean = clean


def bold_label(runs: Sequence[tuple[str, bool]], text: str) -> tuple[str | None, str]:
    """A bold prefix of a paragraph (runs of (text, bold)) that has the shape of a label, and the rest.

    Shared by the .docx and .odt readers: "**Sanne** hoi" and "**Sanne:** hoi" both give ("Sanne", "hoi").
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
    rest = text[len(bold):].lstrip().lstrip(":").strip()
    if not rest or not label or not is_candidate(label):
        return None, ""
    return " ".join(label.split()), rest


def build_turns(blocks: Sequence[Block], codes_only: bool = False) -> tuple[Turn, ...]:
    """Turns from paragraphs, following the rules in the module docstring.

    With `codes_only`, only interview codes ("I:", "R1:") count as labels (hand-typed I/R transcripts,
    where a wrapped line may start with "Kortom:").
    """
    parsed = [[(line, split_prefix(line.text)) for line in block.lines] for block in blocks]
    counts = Counter(p.label for lines in parsed for _, p in lines if p.label)
    counts.update(block.label for block in blocks if block.label)  # bold labels count as occurrences
    accepted = accept_labels(counts)
    if codes_only:
        accepted = frozenset(label for label in accepted if _CODE.match(label))
    if len(blocks) > 1 and sum(counts[label] for label in accepted) == 1 and not any(
        _CODE.match(label) for label in accepted
    ):
        accepted = frozenset()  # one lone "Word:" in a text of several paragraphs is no speaker label
    strong = {label for label in accepted if counts[label] >= 2 or _CODE.match(label)}
    turns: list[Turn] = []
    speaker: str | None = None
    pending: str | None = None  # a label alone on its own paragraph
    current: dict | None = None

    def close() -> None:
        nonlocal current
        if current and _clean(current["parts"]):
            turns.append(Turn(len(turns), current["speaker"], _clean(current["parts"]),
                              current["timestamp"], current["line"]))
        current = None

    for block, lines in zip(blocks, parsed):
        for i, (line, prefix) in enumerate(lines):
            label = prefix.label if prefix.label in accepted else None
            text = prefix.text if label else prefix.body
            if i == 0 and block.label:
                label, text = block.label, line.text
            starts = i == 0 or prefix.timestamp is not None or (label is not None and label in strong)
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
            current = {"speaker": speaker, "parts": [text], "timestamp": prefix.timestamp,
                       "line": line.number}
        close()
    return tuple(turns)
