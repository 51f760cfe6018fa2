"""Neighbour context: a participant segment's zero-shot score takes in its neighbouring
participant segments' scores (themes persist over consecutive turns); interviewer turns neither
give nor take context; after a review every coder works from the segment's own score."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from codebook.coding import CodingSettings, code_segments, make_segments
from codebook.coding.zeroshot import neighbour_rows, with_neighbours
from codebook.errors import CodebookError
from interviews.records import PseudonymisedTranscript, TranscriptMeta, Turn

# Written for this test: a vague answer (no school words) between two answers about school.
SCHOOL_TALK = [
    ("Interviewer", "Hoe gaat het met de leerlingen die vaak niet op school zijn?"),
    ("Docent", "De leerplichtambtenaar belt meteen als een leerling twee dagen niet op school is."),
    ("Wijkagent", "Dat klopt, en daarna zie je die jongens gewoon weer elke ochtend fietsen."),
    ("Mentor", "Op school spreekt de mentor elke week met de leerlingen die spijbelen."),
    ("Interviewer", "En wat merken jullie bij de gezinnen?"),
    ("Jongerenwerker", "Het hele gezin wordt erbij betrokken, ook de ouders en de broertjes."),
]
# A second interview that starts with the same vague sentence: no neighbour before it.
OTHER_TALK = [
    ("Interviewer", "Wat valt jullie op?"),
    ("Wijkagent", "Dat klopt, en daarna zie je die jongens gewoon weer elke ochtend fietsen."),
    ("Moeder", "Thuis praten we nu vaker samen aan tafel, met het hele gezin."),
]
VAGUE = 2  # row of the vague answer in the first interview


def _doc(name: str, talk: list[tuple[str, str]]) -> PseudonymisedTranscript:
    turns = tuple(Turn(i, s, t) for i, (s, t) in enumerate(talk))
    return PseudonymisedTranscript(name, f"{name}.txt", TranscriptMeta(2025, "wijk", "Helmond-Noord"), turns,
                                   "0" * 64, "txt")


@pytest.fixture(scope="module")
def segments(language):
    return make_segments([_doc("2025_wijk_school", SCHOOL_TALK), _doc("2025_wijk_thuis", OTHER_TALK)], language)


def test_neighbours_are_codable_segments_of_the_same_document():
    groups = ["a", "a", "a", "a", "a", "b", "b"]
    codable = np.array([False, True, False, True, True, True, False])  # interviewer/short rows are False
    previous, following = neighbour_rows(groups, codable)
    assert previous.tolist() == [-1, -1, 1, 1, 3, -1, 5]
    assert following.tolist() == [1, 3, 3, 4, -1, -1, -1]  # never across a document


def test_with_neighbours_adds_the_mean_to_codable_rows_only():
    scores = np.array([[9.0], [1.0], [2.0], [4.0]])
    codable = np.array([False, True, True, True])
    out = with_neighbours(scores, ["a"] * 4, codable, 0.5)
    assert out[0, 0] == 9.0  # a non-codable row (an interviewer turn) keeps its score
    assert out[1, 0] == pytest.approx(1.0 + 0.5 * 2.0)  # only one neighbour; row 0 gives nothing
    assert out[2, 0] == pytest.approx(2.0 + 0.5 * (1.0 + 4.0) / 2)
    assert out[3, 0] == pytest.approx(4.0 + 0.5 * 2.0)
    assert scores[1, 0] == 1.0  # input not modified


def test_a_vague_answer_takes_the_theme_of_the_turns_around_it(segments, small_codebook, language, embedder):
    assert segments["role"].tolist()[0] == "interviewer" and segments["text"].tolist()[VAGUE].startswith("Dat klopt")
    plain = code_segments(segments, small_codebook, language, embedder,
                          CodingSettings.from_section({"buurcontext": 0})).table
    context = code_segments(segments, small_codebook, language, embedder,
                            CodingSettings.from_section({"buurcontext": 0.5})).table
    assert context["score_school"][VAGUE] > plain["score_school"][VAGUE]
    # the same sentence opening the other interview has no school answer before or after it
    other = segments.index[(segments["doc"] == "2025_wijk_thuis") & (segments["role"] != "interviewer")][0]
    assert context["score_school"][other] - plain["score_school"][other] < (
        context["score_school"][VAGUE] - plain["score_school"][VAGUE])
    interviewer = context["role"] == "interviewer"
    assert (context.loc[interviewer, "themes"] == "").all() and (context.loc[interviewer, "lenses"] == "").all()


def test_the_setting_reaches_the_coder_and_is_checked(segments, small_codebook, language):
    assert CodingSettings().neighbour_context == 0.0  # off unless the workspace asks for it
    assert CodingSettings.from_section({"buurcontext": 0.25}).neighbour_context == 0.25
    with pytest.raises(CodebookError, match="N350.*buurcontext"):
        CodingSettings.from_section({"buurcontext": 1.5})
    lexical = code_segments(segments, small_codebook, language, None,
                            CodingSettings.from_section({"semantisch": False, "buurcontext": 0.5}))
    assert lexical.backend["settings"]["neighbour_context"] == 0.5
    assert lexical.backend["neighbour_context"] is True
    off = code_segments(segments, small_codebook, language, None, CodingSettings(semantic=False, neighbour_context=0))
    assert off.backend["neighbour_context"] is False
    assert off.table["score_school"][VAGUE] < lexical.table["score_school"][VAGUE]
    # the vague answer has no school word: with context it gets the theme, and the reason says why
    assert "school" not in off.table["themes"][VAGUE].split(";")
    assert "school" in lexical.table["themes"][VAGUE].split(";")
    assert "beurten ervoor en erna" in json.loads(lexical.table["reasons"][VAGUE])["school"]


def test_a_review_turns_the_context_off_and_the_own_score_chooses_the_review(segments, small_codebook, language):
    human = pd.DataFrame([{"doc": "2025_wijk_school", "turn": 1, "part": 0, "coder": "anna", "code": "school"}])
    runs = {w: code_segments(segments, small_codebook, language, None, CodingSettings(semantic=False, neighbour_context=w),
                             human_codes=human) for w in (0.0, 0.5)}
    assert runs[0.5].backend["neighbour_context"] is False
    columns = [c for c in runs[0.5].table.columns if c.startswith("score_")] + ["themes", "lenses", "uncertainty"]
    pd.testing.assert_frame_equal(runs[0.5].table[columns], runs[0.0].table[columns])
    # without a review the codes use the context, the uncertainty (next review batch) the own score
    plain, context = (code_segments(segments, small_codebook, language, None,
                                    CodingSettings(semantic=False, neighbour_context=w)).table for w in (0.0, 0.5))
    assert not np.allclose(plain["score_school"], context["score_school"])
    assert np.allclose(plain["uncertainty"], context["uncertainty"])
