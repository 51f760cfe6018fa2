"""Shared fixtures of the codebook tests: the shipped codebook and a tiny pseudonymised corpus."""

from __future__ import annotations

import pandas as pd
import pytest

from codebook.load import default_codebook_path, load_codebook
from codebook.model import Codebook
from interviews.records import PseudonymisedTranscript, TranscriptMeta, Turn


@pytest.fixture(scope="session")
def book() -> Codebook:
    return load_codebook(default_codebook_path())


@pytest.fixture(scope="session")
def transcripts() -> list[PseudonymisedTranscript]:
    one = PseudonymisedTranscript(
        doc="2025_west_1", source="2025/west_1.txt", format="txt", sha256="0" * 64,
        meta=TranscriptMeta(year=2025, type="wijk", wijk="Helmond-West"),
        turns=(
            Turn(0, "Interviewer", "Wat zien jullie op school veranderen?", timestamp="00:00:05"),
            Turn(1, "Deelnemer 1", "Het verzuim is echt minder geworden. Maar de wachtlijst voor "
                 "hulp is nog veel te lang, dat moet anders."),
            Turn(2, "Deelnemer 2", "De jeugdagent kent de jongens nu bij naam."),
        ))
    two = PseudonymisedTranscript(
        doc="2025_partners_1", source="2025/partners_1.txt", format="txt", sha256="1" * 64,
        meta=TranscriptMeta(year=2025, type="partnergroep", wijk="stad"),
        turns=(
            Turn(0, "Gespreksleider", "Wat levert de aanpak op voor de wijk?"),
            Turn(1, "Partner A", "Bewoners voelen zich veiliger en er is minder overlast."),
        ))
    return [one, two]


@pytest.fixture(scope="session")
def segments(transcripts) -> pd.DataFrame:
    """Segments as `output/segments.csv` has them; turn 1 of the first interview is split in two."""
    rows = []
    for t in transcripts:
        for turn in t.turns:
            texts = [turn.text]
            if t.doc == "2025_west_1" and turn.index == 1:
                texts = ["Het verzuim is echt minder geworden.",
                         "Maar de wachtlijst voor hulp is nog veel te lang, dat moet anders."]
            for part, text in enumerate(texts):
                rows.append({"doc": t.doc, "turn": turn.index, "part": part, "speaker": turn.speaker,
                             "year": t.meta.year, "type": t.meta.type, "wijk": t.meta.wijk,
                             "text": text, "themes": "", "lenses": "", "score_school": 0.0,
                             "score_bijsturen": 0.0, "reasons": "{}"})
    frame = pd.DataFrame(rows)
    frame.loc[1, ["themes", "lenses", "score_school", "reasons"]] = [
        "school", "resultaat", 0.83, '{"school": "trefwoord: verzuim"}']
    frame.loc[2, ["lenses", "score_bijsturen"]] = ["bijsturen", 0.71]
    frame.loc[3, "themes"] = "grenzen"
    return frame
