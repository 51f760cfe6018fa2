"""Review workbook: export, fill in with openpyxl as a coder would, import and validate."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from codebook.errors import CodebookError
from codebook.review import (
    BASE_HEADERS, codings_from_segments, export_review, import_review, read_review)


@pytest.fixture()
def workbook_path(book, segments, tmp_path):
    return export_review(segments, book, tmp_path / "beoordeling.xlsx", coders=("anna", "bram"))


def _fill(path, cells, out):
    wb = load_workbook(path)
    ws = wb["Beoordeling"]
    for ref, value in cells.items():
        ws[ref] = value
    wb.save(out)
    return out


def test_export_layout(workbook_path, segments, book):
    wb = load_workbook(workbook_path)
    ws = wb["Beoordeling"]
    header = [c.value for c in ws[1]]
    assert header == [*BASE_HEADERS, "Thema's (anna)", "Lenzen (anna)", "Thema's (bram)", "Lenzen (bram)",
                      "Deelbaar"]
    assert ws.max_row == len(segments) + 1
    second = [c.value for c in ws[3]]
    assert second[:3] == ["2025_west_1", 1, 0]
    assert second[8:12] == ["school", "resultaat", "school 0.83", "school: trefwoord: verzuim"]
    assert all(c.value is None for c in ws[3][12:])
    assert [r[0].value for r in wb["Codeboek"].iter_rows(min_row=2)] == [c.id for c in book.codes]
    assert len(ws.data_validations.dataValidation) == 5


def test_round_trip(workbook_path, book, tmp_path):
    filled = _fill(workbook_path, {
        "M3": " School ; GRENZEN.boa", "N3": "resultaat,bijsturen", "O3": "school", "P3": "resultaat",
        "M4": "geen", "O4": "-", "P4": "bijsturen", "Q3": "Ja", "Q4": "nee"}, tmp_path / "ingevuld.xlsx")
    result = read_review(filled, book)
    rows = sorted(map(tuple, result.codes.itertuples(index=False)))
    assert rows == sorted([
        ("2025_west_1", 1, 0, "anna", "school"), ("2025_west_1", 1, 0, "anna", "grenzen.boa"),
        ("2025_west_1", 1, 0, "anna", "resultaat"), ("2025_west_1", 1, 0, "anna", "bijsturen"),
        ("2025_west_1", 1, 0, "bram", "school"), ("2025_west_1", 1, 0, "bram", "resultaat"),
        ("2025_west_1", 1, 1, "anna", ""), ("2025_west_1", 1, 1, "bram", "bijsturen")])
    assert sorted(map(tuple, result.shareable.itertuples(index=False))) == [
        ("2025_west_1", 1, 0, True), ("2025_west_1", 1, 1, False)]
    assert import_review(filled, book).equals(result.codes)


@pytest.mark.parametrize("cells, fragment", [
    ({"M5": "scool"}, "cel M5: onbekende code 'scool'; bedoelt u 'school'?"),
    ({"N2": "school"}, "cel N2: code 'school' hoort in de kolom Thema's"),
    ({"M2": "resultaat"}, "cel M2: code 'resultaat' hoort in de kolom Lenzen"),
    ({"Q2": "misschien"}, "cel Q2: Deelbaar moet 'ja' of 'nee' zijn"),
    ({"B2": "twee"}, "cel B2: verwacht een heel getal"),
    ({"M2": "Jan de Vries belde"}, "cel M2: onbekende waarde"),
])
def test_invalid_values_name_the_cell(workbook_path, book, tmp_path, cells, fragment):
    filled = _fill(workbook_path, cells, tmp_path / "fout.xlsx")
    with pytest.raises(CodebookError) as info:
        import_review(filled, book)
    assert info.value.code == "N331"
    assert fragment in info.value.message
    assert "jan" not in info.value.message.lower()


def test_formula_like_text_stays_text(book, segments, tmp_path):
    tricky = segments.copy()
    tricky.loc[0, "text"] = "=HYPERLINK(\"x\")"
    path = export_review(tricky, book, tmp_path / "t.xlsx")
    ws = load_workbook(path)["Beoordeling"]
    assert ws["H2"].data_type == "s" and ws["H2"].value == "=HYPERLINK(\"x\")"


def test_missing_sheet(book, tmp_path):
    from openpyxl import Workbook
    wb = Workbook()
    wb.active.title = "Blad1"
    wb.save(tmp_path / "leeg.xlsx")
    with pytest.raises(CodebookError, match=r"\[N330\].*blad 'Beoordeling' ontbreekt"):
        import_review(tmp_path / "leeg.xlsx", book)


def test_machine_codings_from_segments(segments):
    machine = codings_from_segments(segments)
    assert set(machine["coder"]) == {"machine"}
    assert len(machine[["doc", "turn", "part"]].drop_duplicates()) == len(segments)
    assert sorted(machine[machine["code"] != ""]["code"]) == ["bijsturen", "grenzen", "resultaat", "school"]


def test_review_rounds_count_saved_copies_once_and_remember_what_was_asked(tmp_path):
    import pandas as pd

    from codebook.reviewed import load_asked, next_round, record_asked, reviewed_asked

    folder = tmp_path / "review"
    folder.mkdir()
    assert next_round(tmp_path, "review-alle-ronde-") == 1
    (folder / "review-alle-ronde-1.xlsx").write_bytes(b"")
    (folder / "review-alle-ronde-1-ingevuld.xlsx").write_bytes(b"")  # the reviewer's saved copy
    (folder / "review-2025-ronde-7.xlsx").write_bytes(b"")  # another series
    assert next_round(tmp_path, "review-alle-ronde-") == 2
    asked = pd.DataFrame({"doc": ["a", "a", "b"], "turn": [1, 2, 5], "part": [0, 0, 1]})
    record_asked(tmp_path, asked, 2)
    assert load_asked(tmp_path) == {("a", 1, 0), ("a", 2, 0), ("b", 5, 1)}
    assert next_round(tmp_path, "review-alle-ronde-") == 3  # the record counts even without the workbook
    human = pd.DataFrame({"doc": ["a", "a", "c"], "turn": [1, 3, 1], "part": [0, 0, 0],
                          "coder": ["anna"] * 3, "code": ["school", "", "school"]})
    assert reviewed_asked(human, load_asked(tmp_path)) == 1  # a-1 was asked; a-3 and c-1 were chosen by people
    assert reviewed_asked(None, load_asked(tmp_path)) == 0
