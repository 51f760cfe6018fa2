"""Which segments may serve as evidence (a quote, a storyline member): what participants said.

Never evidence:
- interviewer turns: the segments' `role` column says "interviewer" (when the coding stage wrote
  one), else the speaker label is an interviewer's label (Interviewer, Int., I, Gespreksleider,
  Moderator, Onderzoeker, optionally numbered);
- introductions: a participant saying who they are ("Ik ben ..., ik werk als ...", "[Persoon 3],
  coördinator ...") rather than what they see;
- turns that only ask questions, and turns too short to stand on their own.

Example:
    >>> is_interviewer_label("Int.")
    True
    >>> is_introduction("Mijn naam is [Persoon 02] en ik werk als jongerenwerker in de wijk.")
    True
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

INTERVIEWER_ROLE = "interviewer"
# One list: the labels transcripts give the person who leads the conversation.
INTERVIEWER_LABELS: tuple[str, ...] = ("interviewer", "int", "i", "gespreksleider", "moderator", "onderzoeker",
                                       "interviewster", "gespreksleiding")
_LABEL = re.compile(r"^\s*\[?\s*(" + "|".join(map(re.escape, INTERVIEWER_LABELS)) + r")\s*\.?\s*\d*\s*\]?\s*:?\s*$",
                    re.IGNORECASE)
_MARKER = re.compile(r"\[[^\]]*\]")
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*", re.UNICODE)
_OPENERS = r"(?:(?:ja|nou|oké|ok|hoi|hallo|goedemorgen|goedemiddag|goedenavond|eh|uh|dus|en|ik begin wel)[,.!]?\s+)*"
# Self-introductions in general Dutch: name, function or employer, said at the start of a turn.
_INTRO = re.compile(
    r"^\s*" + _OPENERS + r"(?:voor wie (?:me|mij) (?:nog )?niet kent\b|ik ben\b|mijn naam is\b|ik heet\b|ik werk (?:als|bij|voor)\b|ik zit hier (?:namens|voor)\b"
    r"|wij zijn\b|ik ben werkzaam\b|ik ben van\b)", re.IGNORECASE)
_MARKER_INTRO = re.compile(r"^\s*\[[^\]]+\]\s*[,–—-]\s*\w+", re.UNICODE)
MIN_WORDS = 8
MAX_INTRO_WORDS = 30


def is_interviewer_label(label: object) -> bool:
    """True for a speaker label that names the interviewer (see `INTERVIEWER_LABELS`)."""
    return bool(label is not None and _LABEL.match(str(label)))


def words(text: str) -> int:
    """Words of `text`, pseudonym markers such as [Persoon 03] not counted."""
    return len(_WORD.findall(_MARKER.sub(" ", str(text))))


def is_introduction(text: str) -> bool:
    """A participant introducing themselves: a short turn that opens with who they are."""
    text = str(text)
    n = words(text)
    first = re.split(r"(?<=[.!?])\s+", text.strip(), maxsplit=1)[0]
    if _MARKER_INTRO.match(text) and (n <= 12 or (words(first) <= 12 and n <= MAX_INTRO_WORDS)):
        return True  # "[Persoon 3], wijkagent in de wijk. ..."
    sentences = re.split(r"(?<=[.!?])\s+", text.strip())
    opening = next((s for s in sentences[:2] if _INTRO.match(s)), None)
    if opening is None or n > MAX_INTRO_WORDS:
        return False
    text = opening
    # "Ik ben blij dat ..." / "ik ben het eens" are opinions, not introductions
    return not re.match(r"^\s*" + _OPENERS + r"ik ben (?:blij|bang|bezorgd|het|er|niet|wel|trots|boos|"
                        r"verbaasd|benieuwd|ervan|van mening|zelf|ook)\b", text, re.IGNORECASE)


def is_question_only(text: str) -> bool:
    """Every sentence of the turn is a question."""
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", str(text).strip()) if s]
    return bool(sentences) and all(s.rstrip().endswith("?") for s in sentences)


def interviewer_mask(segments: pd.DataFrame) -> np.ndarray:
    """Boolean mask of interviewer segments: the `role` column when it has a value, else the label."""
    labels = segments["speaker"] if "speaker" in segments.columns else pd.Series("", index=segments.index)
    by_label = labels.map(is_interviewer_label).to_numpy(dtype=bool)
    if "role" not in segments.columns:
        return by_label
    role = segments["role"].fillna("").astype(str).str.strip().str.lower()
    known = (role != "").to_numpy()
    return np.where(known, (role == INTERVIEWER_ROLE).to_numpy(), by_label)


def evidence_mask(segments: pd.DataFrame, min_words: int = MIN_WORDS) -> np.ndarray:
    """Segments that may be quoted: participants' own statements of at least `min_words` words."""
    text = segments["text"].fillna("").astype(str)
    ok = ~interviewer_mask(segments)
    ok &= ~text.map(is_introduction).to_numpy(dtype=bool)
    ok &= ~text.map(is_question_only).to_numpy(dtype=bool)
    ok &= (text.map(words) >= min_words).to_numpy(dtype=bool)
    return ok
