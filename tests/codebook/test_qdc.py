"""REFI-QDA codebook (.qdc): round trip through narratief and read by pyrefiqda (not ours)."""

from __future__ import annotations

import pytest
from pyrefiqda import RefiCodebook

from codebook.errors import CodebookError
from codebook.qdc import code_guid, export_qdc, import_qdc


def test_qdc_round_trip(book, tmp_path):
    path = export_qdc(book, tmp_path / "codeboek.qdc")
    assert import_qdc(path, name=book.name, version=book.version) == book


def test_pyrefiqda_reads_codes_hierarchy_and_descriptions(book, tmp_path):
    path = export_qdc(book, tmp_path / "codeboek.qdc")
    parsed = RefiCodebook.load(path)
    top = {c.guid: c for c in parsed.codes.code}
    expected_top = [c for c in book.codes if c.kind in ("theme", "lens")]
    assert list(top) == [code_guid(c.id) for c in expected_top]
    for theme in book.themes:
        element = top[code_guid(theme.id)]
        assert element.name == theme.name
        assert element.description.startswith(theme.definition)
        assert [c.guid for c in element.code] == [code_guid(s.id) for s in book.subcodes(theme.id)]
        assert all(c.is_codable for c in element.code)
    set_names = {s.name for s in parsed.sets.set}
    assert "Lenzen" in set_names and "Landelijk: onderwijs" in set_names


def test_guids_are_stable_and_distinct(book):
    guids = [code_guid(c.id) for c in book.codes]
    assert len(set(guids)) == len(guids)
    assert code_guid("school") == code_guid("school")


def test_foreign_qdc_without_narratief_lines(tmp_path):
    path = tmp_path / "ander.qdc"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>'
        '<Code guid="11111111-1111-1111-1111-111111111111" name="Werk en Inkomen" isCodable="true">'
        '<Description>Over werk.</Description>'
        '<Code guid="22222222-2222-2222-2222-222222222222" name="Stage" isCodable="true">'
        '<Description>Stages.</Description></Code></Code></Codes></CodeBook>', encoding="utf-8")
    book = import_qdc(path)
    assert [(c.id, c.kind, c.parent, c.definition) for c in book.codes] == [
        ("werk-en-inkomen", "theme", None, "Over werk."),
        ("werk-en-inkomen.stage", "subcode", "werk-en-inkomen", "Stages.")]


def test_foreign_qdc_without_description_is_rejected(tmp_path):
    path = tmp_path / "leeg.qdc"
    path.write_text('<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="11111111-1111-1111-'
                    '1111-111111111111" name="Iets" isCodable="true"/></Codes></CodeBook>', encoding="utf-8")
    with pytest.raises(CodebookError, match=r"\[N308\].*code 'iets': 'definition' ontbreekt"):
        import_qdc(path)


def test_not_a_codebook(tmp_path):
    path = tmp_path / "x.qdc"
    path.write_text("<Project xmlns='urn:QDA-XML:project:1.0'/>", encoding="utf-8")
    with pytest.raises(CodebookError, match=r"\[N320\]"):
        import_qdc(path)
