"""REFI-QDA project (.qdpx): export, read back by narratief and by pyrefiqda (not ours)."""

from __future__ import annotations

import zipfile

import pandas as pd
import pytest
from pyrefiqda import RefiProject

from codebook.errors import CodebookError
from codebook.qdc import code_guid
from codebook.qdpx import export_qdpx, import_qdpx

CODINGS = [
    ("2025_west_1", 0, 0, "machine", "school"),
    ("2025_west_1", 1, 0, "machine", "school.verzuim"),
    ("2025_west_1", 1, 0, "machine", "resultaat"),
    ("2025_west_1", 1, 1, "machine", "bijsturen"),
    ("2025_west_1", 1, 1, "anna", "bijsturen"),
    ("2025_west_1", 2, 0, "anna", "grenzen.politie"),
    ("2025_west_1", 2, 0, "anna", ""),
    ("2025_partners_1", 1, 0, "anna", "opbrengst"),
]


@pytest.fixture()
def codings():
    return pd.DataFrame(CODINGS, columns=["doc", "turn", "part", "coder", "code"])


@pytest.fixture()
def project(transcripts, book, codings, segments, tmp_path):
    return export_qdpx(transcripts, book, codings, tmp_path / "project.qdpx", segments=segments)


def _expected(codings):
    coded = codings[codings["code"] != ""]
    return sorted(map(tuple, coded.itertuples(index=False)))


def test_round_trip(project, book, codings, transcripts):
    back = import_qdpx(project, book)
    assert sorted(map(tuple, back.itertuples(index=False))) == _expected(codings)
    with_transcripts = import_qdpx(project, book, transcripts)
    assert sorted(map(tuple, with_transcripts.itertuples(index=False))) == _expected(codings)


def test_pyrefiqda_reads_sources_users_codes_and_selections(project, book, transcripts, segments, tmp_path):
    extract = tmp_path / "uitgepakt"
    parsed = RefiProject.load(project, extract_dir=str(extract))
    assert [u.name for u in parsed.users.user] == ["machine", "anna"]
    users = {u.guid: u.name for u in parsed.users.user}
    assert {c.guid for c in parsed.code_book.codes.code} == {
        code_guid(c.id) for c in book.codes if c.kind in ("theme", "lens")}
    assert [v.name for v in parsed.variables.variable] == ["year", "type", "wijk"]
    guid_to_id = {code_guid(c.id): c.id for c in book.codes}
    by_doc = {t.doc: t for t in transcripts}
    seg_text = {(r.doc, r.turn, r.part): r.text for r in segments.itertuples()}
    seen = []
    assert sorted(s.name for s in parsed.sources.text_source) == sorted(by_doc)
    for source in parsed.sources.text_source:
        text = RefiProject.resolve_source_path(source.plain_text_path, extract).read_text(encoding="utf-8")
        assert text == by_doc[source.name].to_text()
        values = {v.integer_value or v.text_value for v in source.variable_value}
        assert str(by_doc[source.name].meta.wijk) in values and 2025 in values
        for selection in source.plain_text_selection:
            quoted = text[selection.start_position:selection.end_position]
            turn, part = [int(x) for x in selection.name.split(" beurt ")[1].split(" deel ")]
            assert quoted == seg_text[(source.name, turn, part)]
            for coding in selection.coding:
                seen.append((source.name, turn, part, users[coding.creating_user],
                             guid_to_id[coding.code_ref.target_guid]))
    assert sorted(seen) == _expected(pd.DataFrame(CODINGS, columns=["doc", "turn", "part", "coder", "code"]))


def test_changed_source_text_is_detected(project, book, transcripts, tmp_path):
    changed = tmp_path / "gewijzigd.qdpx"
    with zipfile.ZipFile(project) as src, zipfile.ZipFile(changed, "w") as dst:
        for name in src.namelist():
            data = src.read(name)
            if name.startswith("sources/"):
                data = b"X" + data
            dst.writestr(name, data)
    with pytest.raises(CodebookError, match=r"\[N340\].*brontekst van document"):
        import_qdpx(changed, book, transcripts)


def test_sources_with_utf8_bom_are_accepted(project, book, codings, transcripts, tmp_path):
    """QualCoder stores text sources with a UTF-8 byte-order mark: the same text, not a changed one."""
    qualcoder = tmp_path / "qualcoder.qdpx"
    with zipfile.ZipFile(project) as src, zipfile.ZipFile(qualcoder, "w") as dst:
        for name in src.namelist():
            data = src.read(name)
            if name.startswith("sources/"):
                data = b"\xef\xbb\xbf" + data
            dst.writestr(name, data)
    back = import_qdpx(qualcoder, book, transcripts)
    assert sorted(map(tuple, back.itertuples(index=False))) == _expected(codings)


def test_unknown_document_in_codings(transcripts, book, tmp_path):
    bad = pd.DataFrame([("onbekend", 0, 0, "anna", "school")], columns=["doc", "turn", "part", "coder", "code"])
    with pytest.raises(CodebookError, match=r"\[N341\].*onbekend document 'onbekend'"):
        export_qdpx(transcripts, book, bad, tmp_path / "p.qdpx")


def test_not_a_zip(book, tmp_path):
    path = tmp_path / "kapot.qdpx"
    path.write_bytes(b"geen zip")
    with pytest.raises(CodebookError, match=r"\[N340\]"):
        import_qdpx(path, book)
