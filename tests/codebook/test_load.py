"""The codebook loader: the shipped Helmond codebook validates; broken codebooks give clear errors."""

from __future__ import annotations

import textwrap

import pytest

from codebook.errors import CodebookError
from codebook.load import dump_codebook, load_codebook
from codebook.model import NATIONAL_THEMES

THEMES = ["aanwezig", "school", "perspectief", "grenzen", "intergenerationeel"]
FORBIDDEN = ["explosie", "explosief", "voordeur", "cobra", "vuurwerkbom", "telegram"]


def test_default_codebook_is_complete(book):
    assert [c.id for c in book.themes] == THEMES
    assert [c.id for c in book.lenses] == ["resultaat", "opbrengst", "bijsturen"]
    for theme in book.themes:
        assert theme.definition and theme.include and theme.exclude
        assert 3 <= len(theme.examples) <= 6
        assert 15 <= len(theme.keywords) <= 40
        assert theme.national and set(theme.national) <= set(NATIONAL_THEMES)
        subs = book.subcodes(theme.id)
        assert len(subs) >= 3
        for sub in subs:
            assert sub.id.startswith(theme.id + ".") and sub.definition and sub.keywords and sub.national
    for lens in book.lenses:
        assert lens.definition and lens.examples and lens.keywords
    assert all(k == k.lower() for k in book.terms())
    assert {"moet anders", "zou beter", "wachtlijst", "minder overlast", "gelukt"} <= book.terms()
    assert {"school.verzuim", "grenzen.bestuurlijk"} <= {c.id for c in book.codes}


def test_default_codebook_leaves_the_emergent_subject_out(book):
    text = " ".join(" ".join([c.name, c.definition, *c.include, *c.exclude, *c.examples, *c.keywords])
                    for c in book.codes).lower()
    assert not [w for w in FORBIDDEN if w in text]


def test_dump_and_load_round_trip(book, tmp_path):
    path = dump_codebook(book, tmp_path / "codebook.yaml")
    assert load_codebook(path) == book


def _write(tmp_path, text):
    path = tmp_path / "codebook.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


GOOD = """\
name: test
version: "1"
codes:
  - id: school
    name: School
    definition: De school.
    national: [onderwijs]
  - id: school.verzuim
    parent: school
    name: Verzuim
    definition: Schoolverzuim.
"""


def test_minimal_codebook_infers_kinds(tmp_path):
    book = load_codebook(_write(tmp_path, GOOD))
    assert [(c.id, c.kind, c.parent) for c in book.codes] == [
        ("school", "theme", None), ("school.verzuim", "subcode", "school")]


@pytest.mark.parametrize("broken, code, fragment", [
    (GOOD.replace("    national: [onderwijs]", "    defintion: typo"), "N304",
     "regel 7: code 'school': onbekende sleutel 'defintion'"),
    (GOOD.replace("id: school.verzuim", "id: school"), "N306", "code 'school' komt twee keer voor"),
    (GOOD.replace("parent: school\n", "parent: scool\n"), "N307",
     "code 'school.verzuim': bovenliggende code 'scool' bestaat niet"),
    (GOOD.replace("definition: Schoolverzuim.", "definition: '  '"), "N308",
     "code 'school.verzuim': 'definition' ontbreekt of is leeg"),
    (GOOD.replace("[onderwijs]", "[scholing]"), "N309", "onbekend landelijk thema 'scholing'"),
    (GOOD.replace("name: School\n", "name: [School]\n"), "N305", "'name' moet tekst zijn, niet een lijst"),
    (GOOD.replace("codes:", "kodes:"), "N303", "onbekende sleutel 'kodes'"),
    ("codes: [\n", "N302", "geen geldige YAML"),
])
def test_broken_codebook_errors(tmp_path, broken, code, fragment):
    path = _write(tmp_path, broken)
    with pytest.raises(CodebookError) as info:
        load_codebook(path)
    assert info.value.code == code
    assert str(path) in info.value.message
    assert fragment in info.value.message


def test_missing_file(tmp_path):
    with pytest.raises(CodebookError, match=r"\[N301\].*niet gevonden"):
        load_codebook(tmp_path / "geen.yaml")
