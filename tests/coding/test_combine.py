from __future__ import annotations

import json
import re

import numpy as np
import pandas as pd
import pytest

from codebook.coding import CodingSettings, code_segments, make_segments
from codebook.errors import CodebookError
from interviews.records import PseudonymisedTranscript, TranscriptMeta, Turn

# (speaker, text): an interviewer asks, participants answer. Written for this test.
TALK = [
    ("Interviewer", "Hoe gaat het met de aanpak van verzuim op school?"),
    ("Docent", "De leerplichtambtenaar belt nu meteen als een leerling drie dagen niet op school is, dat werkt goed."),
    ("Interviewer", "En wat merken jullie bij de gezinnen thuis?"),
    ("Wijkagent", "Het hele gezin wordt erbij betrokken, ook de ouders, want er was een melding bij Veilig Thuis."),
    ("Docent", "Ja."),
    ("Jongerenwerker", "Dit moet anders: de wachttijd bij de hulp is een groot knelpunt voor ouders en kinderen."),
    ("Wijkagent", "Op het plein was het vorige zomer onrustig, nu is het er stil en ik fiets er elke avond langs."),
    ("Jongerenwerker", "We hebben in het buurthuis een nieuwe ruimte met een pingpongtafel en een bank."),
]


@pytest.fixture(scope="module")
def segments(language):
    turns = tuple(Turn(i, s, t) for i, (s, t) in enumerate(TALK))
    doc = PseudonymisedTranscript("2025_wijk_test", "2025_wijk_test.txt", TranscriptMeta(2025, "wijk", "Helmond-West"),
                                  turns, "0" * 64, "txt")
    return make_segments([doc], language)


def test_full_coding_table(segments, small_codebook, language, embedder):
    before = segments.copy()
    result = code_segments(segments, small_codebook, language, embedder, CodingSettings())
    pd.testing.assert_frame_equal(segments, before)  # input not modified
    table = result.table
    assert list(table.columns[:9]) == ["doc", "turn", "part", "speaker", "role", "year", "type", "wijk", "text"]
    for column in ("themes", "lenses", "machine_themes", "reasons", "uncertainty", "score_school", "score_gezin",
                   "score_resultaat", "score_school.verzuim"):
        assert column in table.columns
    assert table.role.tolist()[:3] == ["interviewer", "deelnemer", "interviewer"]
    # interviewer turns and backchannel carry no codes, even when they name a theme
    for row in (0, 2, 4):
        assert table.themes[row] == "" and table.lenses[row] == "" and table.uncertainty[row] == 0
    assert table.themes[1] == "school" and table.themes[3] == "gezin"
    assert "bijsturen" in table.lenses[5]
    assert ((table.filter(like="score_") >= 0) & (table.filter(like="score_") <= 1)).all().all()
    # no run of four digits in a score (it would read like a year or a house number)
    numbers = table.filter(regex="^(score_|uncertainty)").astype(str).to_numpy().ravel()
    assert not [n for n in numbers if re.search(r"\d{4}", n)]
    reasons = [json.loads(r) for r in table.reasons]
    assert reasons[0] == {} and set(reasons[1]) == set(filter(None, f"{table.themes[1]};{table.lenses[1]}".split(";")))
    assert "trefwoorden: leerling, school" in reasons[1]["school"]
    assert reasons[5]["bijsturen"].startswith("suggestie")  # no reviewed data: lenses are suggestions
    for (_, segment), reason in zip(TALK, reasons):  # reasons quote the codebook, never the segment
        for text in reason.values():
            assert segment[:30] not in text and "wachttijd" not in text
    assert result.backend["embedder"] == embedder.name and result.backend["interviewer_segments"] == 2
    assert result.backend["coders"] == {"school": "zero-shot", "gezin": "zero-shot", "resultaat": "zero-shot",
                                        "bijsturen": "zero-shot"}
    assert result.backend["lenses_are_suggestions"] is True
    assert result.reliability["reviewed"].eq(0).all()


def test_lexical_only_needs_no_embedder(segments, small_codebook, language):
    settings = CodingSettings(semantic=False)
    result = code_segments(segments, small_codebook, language, None, settings)
    assert result.backend["embedder"] is None
    assert result.table.themes[3] == "gezin" and "lijkt op" not in result.table.reasons[3]
    with pytest.raises(CodebookError, match="N352"):
        code_segments(segments, small_codebook, language, None, CodingSettings())


def test_errors(segments, small_codebook, language):
    with pytest.raises(CodebookError, match="N351.*text"):
        code_segments(segments.drop(columns="text"), small_codebook, language, None, CodingSettings(semantic=False))
    with pytest.raises(CodebookError, match="N350"):
        CodingSettings(semantic=False, keyword_weight=0)


def test_settings_from_toml_section_reach_the_coder(segments, small_codebook, language):
    section = {"taalmodel": "nl_core_news_lg", "embeddings": "auto", "semantisch": False, "max_themas": 1,
               "drempel_themas": 0.1, "interviewer": "Wijkagent", "seed": 7, "geleerd": "nooit"}
    settings = CodingSettings.from_section(section)
    assert (settings.semantic, settings.top_k_themes, settings.theme_threshold, settings.random_state) == (
        False, 1, 0.1, 7)
    assert settings.interviewer_labels == ("Wijkagent",) and settings.learned == "nooit"
    result = code_segments(segments, small_codebook, language, None, settings)
    assert result.backend["settings"]["top_k_themes"] == 1
    assert all(len(v.split(";")) <= 1 for v in result.table.themes)
    with pytest.raises(CodebookError, match="N350.*onbekende instelling 'drempel'"):
        CodingSettings.from_section({"drempel": 0.5})
    with pytest.raises(CodebookError, match="N350.*verkeerd type"):
        CodingSettings.from_section({"max_themas": "twee"})


def test_reviewed_segments_keep_reviewers_codes_and_honest_machine_codes(segments, small_codebook, language):
    human = pd.DataFrame([{"doc": "2025_wijk_test", "turn": 6, "part": 0, "coder": "anna", "code": "resultaat"}])
    result = code_segments(segments, small_codebook, language, None, CodingSettings(semantic=False), human_codes=human)
    table = result.table
    assert table.lenses[6] == "resultaat"  # the reviewer's code
    assert table.machine_lenses[6] == ""  # the machine did not find it, and is not credited for it
    assert json.loads(table.reasons[6])["beoordeeld"]
    rel = result.reliability.set_index("code")
    assert rel.loc["resultaat", "coder"] == "zero-shot" and rel.loc["resultaat", "positives"] == 1
    assert rel.loc["resultaat", "percent"] == 0.0
    assert result.backend["lenses_are_suggestions"] is True  # bijsturen has no reviewed positive yet


def test_save_and_load_segments(segments, small_codebook, language, tmp_path):
    from codebook.coding import load_reliability, load_segments, save_reliability, save_segments

    result = code_segments(segments, small_codebook, language, None, CodingSettings(semantic=False))
    table = result.table
    csv_path, parquet_path = save_segments(table, tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["segments.csv", "segments.parquet"]  # no temp files left
    pd.testing.assert_frame_equal(load_segments(tmp_path), table)
    save_reliability(result.reliability, tmp_path)
    assert list(load_reliability(tmp_path).columns) == list(result.reliability.columns)
    parquet_path.unlink()
    from_csv = load_segments(tmp_path)
    assert from_csv.themes.tolist() == table.themes.tolist() and from_csv.reasons.tolist() == table.reasons.tolist()
    csv_path.unlink()
    with pytest.raises(CodebookError, match="N353"):
        load_segments(tmp_path)
    assert np.isfinite(table.uncertainty).all()


class _CountingEmbedder:
    def __init__(self, inner):
        self.name, self.dim, self.inner, self.texts = inner.name, inner.dim, inner, 0

    def embed(self, texts):
        self.texts += len(texts)
        return self.inner.embed(texts)


def test_the_coding_manual_is_embedded_once_for_all_workspaces(segments, small_codebook, language, embedder,
                                                               tmp_path):
    from nlp.embeddings import CachedEmbedder

    counting = _CountingEmbedder(embedder.inner)
    shared = tmp_path / "gedeeld"
    first = code_segments(segments, small_codebook, language, CachedEmbedder(counting, tmp_path / "werkmap-1"),
                          CodingSettings(), manual_embedder=CachedEmbedder(counting, shared))
    after_first = counting.texts
    second = code_segments(segments, small_codebook, language, CachedEmbedder(counting, tmp_path / "werkmap-2"),
                           CodingSettings(), manual_embedder=CachedEmbedder(counting, shared))
    assert counting.texts - after_first == segments["text"].nunique()  # the new workspace's segments only
    pd.testing.assert_frame_equal(first.table, second.table)
    without = code_segments(segments, small_codebook, language, embedder, CodingSettings())
    assert without.table[["themes", "lenses"]].equals(first.table[["themes", "lenses"]])


def test_the_shared_manual_cache_is_skipped_when_it_cannot_be_written(tmp_path, monkeypatch, embedder):
    from codebook.coding.stage import _manual_embedder
    from nlp.embeddings import shared_cache_dir

    monkeypatch.setenv("NARRATIEF_CACHE_DIR", str(tmp_path / "gedeeld"))
    assert _manual_embedder(embedder).cache_dir.is_relative_to(shared_cache_dir())
    blocked = tmp_path / "een-bestand"
    blocked.write_text("geen map", encoding="utf-8")
    monkeypatch.setenv("NARRATIEF_CACHE_DIR", str(blocked))
    assert _manual_embedder(embedder) is None
    assert _manual_embedder(None) is None
