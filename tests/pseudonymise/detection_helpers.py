"""Helpers the mechanism tests of this folder share: run the detector on a few turns of our own
Dutch sentences and read what it found."""

from __future__ import annotations

from interviews.pseudonymise.detect import Detector
from interviews.pseudonymise.keep import ProtectedVocabulary
from interviews.pseudonymise.recognizers import pattern_recognizers
from interviews.records import Transcript, TranscriptMeta, Turn


def found(spans, text: str) -> set[str]:
    """The strings of `text` the spans cover."""
    return {text[s.start : s.end] for s in spans}


def patterns(text: str, category: str) -> list:
    """What the pattern recognizers find of one category in `text`."""
    return [s for r in pattern_recognizers() for s in r.find(text) if s.category == category]


def detect(*texts: str, speaker: str = "", protected: set[str] | None = None) -> list:
    """The detector's findings in one transcript whose turns are `texts`, all by `speaker`."""
    transcript = Transcript(
        doc="gesprek", source="gesprek.txt", meta=TranscriptMeta(year=2026, type="wijk", wijk="stad"),
        turns=tuple(Turn(i, speaker, text) for i, text in enumerate(texts)), sha256="0", format="txt",
    )
    return Detector(ProtectedVocabulary.build(protected or set()), use_ner=False).detect([transcript])


def persons(findings) -> set[str]:
    """The texts of the person findings."""
    return {f.text for f in findings if f.category == "persoon"}
