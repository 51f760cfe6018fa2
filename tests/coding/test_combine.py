from __future__ import annotations

import json

import pandas as pd
import pytest

from codebook.coding import CodingSettings, code_segments, make_segments
from codebook.errors import CodebookError

TEXTS = [
    "De leerplichtambtenaar belt nu meteen als een leerling drie dagen niet op school is, dat werkt goed.",
    "Het hele gezin wordt erbij betrokken, ook de ouders, want er was een melding bij Veilig Thuis.",
    "Ja.",
    "Dit moet anders: de wachttijd bij de hulp is een groot knelpunt.",
]


@pytest.fixture(scope="module")
def segments(language, pseudo):
    return make_segments([pseudo("2025_wijk_test", 2025, TEXTS)], language)


def test_full_coding_table(segments, small_codebook, language, embedder):
    before = segments.copy()
    result = code_segments(segments, small_codebook, language, embedder, CodingSettings())
    pd.testing.assert_frame_equal(segments, before)  # input not modified
    table = result.table
    assert list(table.columns[:8]) == ["doc", "turn", "part", "speaker", "year", "type", "wijk", "text"]
    for column in ("themes", "lenses", "reasons", "score_school", "score_gezin", "score_resultaat", "score_school.verzuim"):
        assert column in table.columns
    assert table.themes.tolist() == ["school", "gezin", "", ""]
    assert table.lenses[3] == "bijsturen" and "bijsturen" not in table.lenses[0]
    # a keyword alone is weak evidence for a lens (calibrated lens weights favour the embeddings)
    assert 0.1 < table.score_resultaat[0] < CodingSettings().lens_threshold
    reasons = [json.loads(r) for r in table.reasons]
    assert set(reasons[0]) == set(f"{table.themes[0]};{table.lenses[0]}".strip(";").split(";"))
    assert reasons[0]["school"].startswith("trefwoorden: leerling, school")
    assert reasons[2] == {}
    for segment, reason in zip(TEXTS, reasons):  # reasons quote the codebook, never the segment
        for text in reason.values():
            assert segment[:30] not in text and "wachttijd" not in text
    assert result.backend["embedder"] == embedder.name
    assert result.backend["language"] == language.backend
    assert result.backend["learned"]["used"] is False
    assert result.backend["settings"]["theme_threshold"] == CodingSettings().theme_threshold


def test_lexical_only_needs_no_embedder(segments, small_codebook, language):
    settings = CodingSettings(semantic_weight=0, lens_semantic_weight=0)
    result = code_segments(segments, small_codebook, language, None, settings)
    assert result.backend["embedder"] is None
    assert result.table.themes[1] == "gezin" and "lijkt op" not in result.table.reasons[1]
    with pytest.raises(CodebookError, match="N352"):
        code_segments(segments, small_codebook, language, None, CodingSettings())


def test_errors(segments, small_codebook, language):
    with pytest.raises(CodebookError, match="N351.*text"):
        code_segments(segments.drop(columns="text"), small_codebook, language, None, CodingSettings(semantic_weight=0, lens_semantic_weight=0))
    with pytest.raises(CodebookError, match="N350"):
        CodingSettings(lexical_weight=0, semantic_weight=0)


def test_learned_coder_takes_part(segments, small_codebook, language, embedder):
    human = pd.DataFrame(
        [{"doc": "2025_wijk_test", "turn": t, "part": 0, "coder": "anna", "code": c}
         for t, c in [(0, "school"), (1, "gezin"), (2, ""), (3, "bijsturen")]]
    )
    progress = []
    result = code_segments(
        segments, small_codebook, language, embedder,
        CodingSettings(learned_min_segments=4, learned_weight=0.9), human_codes=human,
        progress=lambda step, done, total: progress.append((step, done, total)),
    )
    assert result.backend["learned"]["used"] is True and result.backend["learned"]["reviewed_segments"] == 4
    assert result.table.themes.tolist() == ["school", "gezin", "", ""]
    assert "geleerd van menselijke codes" in result.table.reasons[0]
    assert ("embeddings", 4, 4) in progress
    too_few = code_segments(segments, small_codebook, language, embedder, CodingSettings(), human_codes=human)
    assert too_few.backend["learned"] == {"used": False, "reviewed_segments": 4}


def test_save_and_load_segments(segments, small_codebook, language, tmp_path):
    from codebook.coding import load_segments, save_segments

    table = code_segments(segments, small_codebook, language, None, CodingSettings(semantic_weight=0, lens_semantic_weight=0)).table
    csv_path, parquet_path = save_segments(table, tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["segments.csv", "segments.parquet"]  # no temp files left
    pd.testing.assert_frame_equal(load_segments(tmp_path), table)
    parquet_path.unlink()
    from_csv = load_segments(tmp_path)
    assert from_csv.themes.tolist() == table.themes.tolist() and from_csv.reasons.tolist() == table.reasons.tolist()
    csv_path.unlink()
    with pytest.raises(CodebookError, match="N353"):
        load_segments(tmp_path)
