"""Speaker roles: which turns are the interviewer's (moderator's) and which a participant's.

Interviewer turns stay in the transcripts and the review sheet as context, but they are not coded,
not counted in shares and never quoted. Detection, in order of precedence:

1. an explicit name for this file (the `interviewer` column of metadata.csv) or a label listed in the
   settings (`[codering] interviewer`): method "metadata" or "instelling";
2. a known role label (Interviewer, Int., I, Gespreksleider, Moderator, Onderzoeker, ...), compared
   after normalisation (`normalise_label`): method "label";
3. for exports with named persons (Teams/Zoom): the conversation itself. The moderator opens the
   conversation, asks most of the questions and hands the turn to others by name. One speaker is
   chosen only when the evidence is clear: method "gesprek"; otherwise nobody ("geen").

Works on raw `Transcript` and on `PseudonymisedTranscript` alike (only speaker labels and turn
texts are read); the returned `TranscriptRoles` holds turn roles and counts, never text or names,
so it may leave the `interviews` package.

Example:
    >>> roles = detect_roles(transcript)
    >>> roles.role_of(0), roles.method
    ('interviewer', 'label')
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Mapping, Protocol, Sequence

from interviews.encoding import decode_text

INTERVIEWER = "interviewer"
PARTICIPANT = "deelnemer"
ROLES: tuple[str, ...] = (INTERVIEWER, PARTICIPANT)

# Normalised labels (see `normalise_label`) that mean "the interviewer"; one list, used everywhere.
INTERVIEWER_LABELS: frozenset[str] = frozenset({
    "interviewer", "interviewster", "int", "i", "iv", "gespreksleider", "gespreksleidster",
    "moderator", "onderzoeker", "onderzoekster", "interviewer onderzoeker", "facilitator",
    "gespreksbegeleider", "procesbegeleider", "voorzitter",
})

METHODS: tuple[str, ...] = ("metadata", "instelling", "label", "gesprek", "geen")

_QUESTION_WORDS = ("wat", "hoe", "wie", "waar", "waarom", "welke", "wanneer", "kun", "kunt", "kan",
                   "zou", "herken", "herkennen", "vertel", "klopt", "merk", "merken", "zie", "ziet")


class _TurnLike(Protocol):
    index: int
    speaker: str | None
    text: str


class _TranscriptLike(Protocol):
    doc: str
    source: str
    turns: Sequence[_TurnLike]


@dataclass(frozen=True)
class RoleSettings:
    """How roles are recognised.

    Attributes:
        labels: extra labels (or full speaker names) that mean "interviewer", compared normalised.
        from_conversation: recognise the moderator from the conversation when no label says it.
    """

    labels: tuple[str, ...] = ()
    from_conversation: bool = True


@dataclass(frozen=True)
class TranscriptRoles:
    """The role of every turn of one transcript (no names, no text).

    Attributes:
        doc: the document id.
        roles: turn index -> role ("interviewer" or "deelnemer").
        method: how the interviewer was found (one of METHODS).
    """

    doc: str
    roles: Mapping[int, str]
    method: str

    def role_of(self, turn: int) -> str:
        return self.roles.get(int(turn), PARTICIPANT)

    @property
    def interviewer_turns(self) -> int:
        return sum(1 for r in self.roles.values() if r == INTERVIEWER)


def normalise_label(label: str | None) -> str:
    """A speaker label reduced for comparison: lower case, accents, parentheses, digits and
    punctuation removed ("Int. 2" -> "int", "Gespreksleider (onderzoeker)" -> "gespreksleider")."""
    if not label:
        return ""
    text = unicodedata.normalize("NFKD", label)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", text)
    text = re.sub(r"[^a-z\s]", " ", text)
    return " ".join(text.split())


def role_of_label(label: str | None, extra: Sequence[str] = ()) -> str | None:
    """"interviewer" when the label is a known interviewer label (or one of `extra`), else None."""
    norm = normalise_label(label)
    if not norm:
        return None
    if norm in INTERVIEWER_LABELS or norm in {normalise_label(e) for e in extra}:
        return INTERVIEWER
    return None


def detect_roles(
    transcript: _TranscriptLike, settings: RoleSettings = RoleSettings(), interviewer: str | None = None
) -> TranscriptRoles:
    """Roles of the turns of one transcript.

    Args:
        transcript: a raw or pseudonymised transcript.
        settings: extra labels and whether to read the conversation.
        interviewer: the interviewer's label for this file (metadata.csv), overrides everything.

    Returns:
        `TranscriptRoles`; turns without a speaker label are participants.
    """
    turns = list(transcript.turns)
    speakers = [normalise_label(t.speaker) for t in turns]

    def result(chosen: set[str], method: str) -> TranscriptRoles:
        roles = {int(t.index): INTERVIEWER if s in chosen else PARTICIPANT for t, s in zip(turns, speakers)}
        return TranscriptRoles(transcript.doc, roles, method if chosen else "geen")

    if interviewer and normalise_label(interviewer):
        wanted = {normalise_label(x) for x in re.split(r"[;|]", interviewer) if normalise_label(x)}
        found = {s for s in speakers if s in wanted}
        if found:
            return result(found, "metadata")
    extra = {normalise_label(x) for x in settings.labels if normalise_label(x)}
    found = {s for s in speakers if s in extra}
    if found:
        return result(found, "instelling")
    found = {s for s in speakers if s in INTERVIEWER_LABELS}
    if found:
        return result(found, "label")
    if settings.from_conversation:
        moderator = moderator_from_conversation(turns)
        if moderator is not None:
            return result({normalise_label(moderator)}, "gesprek")
    return result(set(), "geen")


def moderator_from_conversation(turns: Sequence[_TurnLike]) -> str | None:
    """The speaker who leads the conversation, or None when that is not clear.

    Evidence per speaker: share of the question turns, opening the conversation, addressing other
    speakers by (the first word of) their label, share of all turns. A speaker is chosen only when
    the speaker asks at least three questions, in at least half of their turns, and at least 1.5
    times as many as anyone else.
    """
    labelled = [(t.speaker or "").strip() for t in turns]
    speakers = [s for s in dict.fromkeys(labelled) if s]
    if len(speakers) < 2 or len(turns) < 6:
        return None
    counts = Counter(s for s in labelled if s)
    questions = Counter(s for s, t in zip(labelled, turns) if s and _is_question(t.text))
    total_q = sum(questions.values())
    if total_q == 0:
        return None
    first_names = {s: normalise_label(s).split()[0] for s in speakers if normalise_label(s)}
    addresses: Counter = Counter()
    for s, t in zip(labelled, turns):
        words = set(normalise_label(t.text).split())
        if any(first_names.get(o) in words for o in speakers if o != s and first_names.get(o)):
            addresses[s] += 1
    opener = next((s for s in labelled if s), None)

    def score(s: str) -> float:
        return (2.0 * questions[s] / total_q + (0.5 if s == opener else 0.0)
                + addresses[s] / max(1, counts[s]) * 0.5 + counts[s] / len(turns))

    ranked = sorted(speakers, key=score, reverse=True)
    best = ranked[0]
    runner_up = ranked[1]
    asks = questions[best] / max(1, counts[best])
    if asks < 0.5 or questions[best] < max(3, 1.5 * questions[runner_up]):
        return None
    return best


def _is_question(text: str) -> bool:
    text = text.strip()
    if "?" in text:
        return True
    first = normalise_label(text).split()[:1]
    return bool(first) and first[0] in _QUESTION_WORDS and len(text.split()) <= 25


def read_interviewer_column(metadata_csv: Path) -> dict[str, str]:
    """The `interviewer` column of metadata.csv: file (as written) -> interviewer label.

    Only this column is read here (metadata.py validates the file as a whole); a file without the
    column gives an empty mapping. Values are raw names: keep them inside `interviews/`.
    """
    path = Path(metadata_csv)
    if not path.is_file():
        return {}
    text = decode_text(path.read_bytes(), path.name).text
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = [h.strip().lower() for h in next(reader, [])]
    file_col = next((i for i, h in enumerate(header) if h in ("file", "bestand")), None)
    role_col = next((i for i, h in enumerate(header) if h in ("interviewer", "gespreksleider")), None)
    if file_col is None or role_col is None:
        return {}
    out = {}
    for cells in reader:
        if len(cells) > max(file_col, role_col) and cells[file_col].strip() and cells[role_col].strip():
            out[cells[file_col].strip()] = cells[role_col].strip()
    return out


def corpus_roles(
    transcripts: Sequence[_TranscriptLike], settings: RoleSettings = RoleSettings(),
    interviewers: Mapping[str, str] | None = None,
) -> dict[str, TranscriptRoles]:
    """Roles of every transcript: doc -> `TranscriptRoles`.

    `interviewers` maps a file name (or a path relative to the interviews folder, as in
    metadata.csv) to the interviewer's label in that file.
    """
    out = {}
    for transcript in transcripts:
        name = None
        for key, value in (interviewers or {}).items():
            key = key.replace("\\", "/").strip().removeprefix("./").removeprefix("interviews/")
            if key == transcript.source or key == PurePosixPath(transcript.source).name:
                name = value
        out[transcript.doc] = detect_roles(transcript, settings, name)
    return out
