from __future__ import annotations

from codebook.coding import SEGMENT_COLUMNS, make_segments

LONG = " ".join(f"Dit is zin nummer {i} over de school en de wijk." for i in range(1, 25))  # 24 x 11 words


def test_short_turns_are_one_segment_and_empty_turns_skipped(language, pseudo):
    t = pseudo("2025_wijk_x", 2025, ["Ja.", "   ", "De school is belangrijk voor de jongeren."])
    seg = make_segments([t], language, max_words=80)
    assert list(seg.columns) == list(SEGMENT_COLUMNS)
    assert seg[["turn", "part"]].values.tolist() == [[0, 0], [2, 0]]
    row = seg.iloc[1]
    assert (row.doc, row.year, row.type, row.wijk, row.speaker) == ("2025_wijk_x", 2025, "wijk", "Helmond-West", "Spreker 1")


def test_long_turn_split_into_sentence_windows_keeping_turn(language, pseudo):
    t = pseudo("d", 2024, ["Kort.", LONG])
    seg = make_segments([t], language, max_words=30)
    parts = seg[seg.turn == 1]
    assert parts.part.tolist() == list(range(len(parts))) and len(parts) == 12  # 2 sentences (22 words) per window
    assert all(len(text.split()) <= 30 for text in parts.text)
    assert all(text.endswith("wijk.") for text in parts.text)  # windows end on a sentence boundary
    assert " ".join(parts.text) == LONG  # nothing lost


def test_sentence_longer_than_window_stays_whole(language, pseudo):
    sentence = " ".join(["woord"] * 50) + "."
    seg = make_segments([pseudo("d", 2024, [sentence + " Tweede zin hier."])], language, max_words=20)
    assert seg.text.tolist() == [sentence, "Tweede zin hier."]
