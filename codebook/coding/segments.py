"""Segments: the units that are coded. A segment is a speaker turn; a long turn is split into
windows of whole sentences that keep the turn index, so `(doc, turn, part)` addresses a segment.
"""

from __future__ import annotations

from typing import Mapping, Sequence

import pandas as pd

from interviews.records import PseudonymisedTranscript
from interviews.roles import INTERVIEWER, PARTICIPANT, RoleSettings, TranscriptRoles, detect_roles
from nlp.language import LanguagePipeline

SEGMENT_COLUMNS: tuple[str, ...] = ("doc", "turn", "part", "speaker", "role", "year", "type", "wijk", "text")
ROLE_INTERVIEWER, ROLE_PARTICIPANT = INTERVIEWER, PARTICIPANT  # values of the `role` column
DEFAULT_MAX_WORDS = 80


def make_segments(
    transcripts: Sequence[PseudonymisedTranscript],
    language: LanguagePipeline,
    max_words: int = DEFAULT_MAX_WORDS,
    roles: Mapping[str, TranscriptRoles] | None = None,
) -> pd.DataFrame:
    """Split pseudonymised transcripts into segments.

    A turn of at most `max_words` words is one segment (part 0). A longer turn is split into
    consecutive windows of whole sentences (spaCy sentence boundaries) of at most `max_words`
    words each - a single longer sentence stays whole - numbered part 0..k. Empty turns are skipped.

    Args:
        transcripts: pseudonymised transcripts (never raw ones).
        language: the loaded language pipeline (for sentence boundaries).
        max_words: the longest segment in words before a turn is split.
        roles: doc -> speaker roles (`interviews.roles.corpus_roles`, which may use the raw
            transcripts and metadata.csv); a document without an entry is detected here from its
            pseudonymised labels and conversation.

    Returns:
        DataFrame with columns doc, turn, part, speaker, role ("interviewer" | "deelnemer"), year,
        type, wijk, text, in transcript and turn order.

    Example:
        >>> make_segments(transcripts, load_language(), max_words=80).columns.tolist()
        ['doc', 'turn', 'part', 'speaker', 'role', 'year', 'type', 'wijk', 'text']
    """
    if max_words < 1:
        raise ValueError("max_words must be at least 1")
    rows: list[dict[str, object]] = []
    for transcript in transcripts:
        meta = transcript.meta
        known = (roles or {}).get(transcript.doc) or detect_roles(transcript, RoleSettings())
        for turn in transcript.turns:
            text = " ".join(turn.text.split())
            if not text:
                continue
            parts = [text] if len(text.split()) <= max_words else _windows(text, language, max_words)
            for part, part_text in enumerate(parts):
                rows.append(
                    {
                        "doc": transcript.doc,
                        "turn": int(turn.index),
                        "part": part,
                        "speaker": turn.speaker or "",
                        "role": known.role_of(turn.index),
                        "year": int(meta.year),
                        "type": meta.type,
                        "wijk": meta.wijk,
                        "text": part_text,
                    }
                )
    frame = pd.DataFrame(rows, columns=list(SEGMENT_COLUMNS))
    return frame.astype({"turn": "int64", "part": "int64", "year": "int64"})


def _windows(text: str, language: LanguagePipeline, max_words: int) -> list[str]:
    """Greedy windows of whole sentences, each at most `max_words` words (unless one sentence is longer)."""
    sentences = [s.text.strip() for s in language.nlp(text).sents if s.text.strip()]
    windows: list[str] = []
    current: list[str] = []
    count = 0
    for sentence in sentences:
        words = len(sentence.split())
        if current and count + words > max_words:
            windows.append(" ".join(current))
            current, count = [], 0
        current.append(sentence)
        count += words
    if current:
        windows.append(" ".join(current))
    return windows or [text]
