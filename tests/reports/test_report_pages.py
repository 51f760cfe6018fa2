"""What a reader sees: pages that do not overprint, A4, every quote a participant's and used once, no
machine leftovers, rendering from a relative path, and the same bytes on a re-run."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pandas as pd
import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from reports.chapter import build_chapter
from reports.render import render_chapter, render_document
from report_fixtures import INTERVIEWER_TEXT, YEARS, make_inputs

A4 = (595.28, 841.89)
# What must never reach a reader: machine values and English boilerplate of the renderers.
BAD = ("NaN", "None", "0,0% naar 0,0%", "-0,0", "Table of Contents", "Contents", "Figure ", "Table ")


def text_runs(pdf: Path) -> list[tuple[int, float, float, str]]:
    """(page, x, y, text) of every non-empty text run, from pypdf's text visitor."""
    runs = []
    for number, page in enumerate(PdfReader(str(pdf)).pages):
        def visit(text, cm, tm, _font, _size, number=number):
            if text.strip():
                x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
                y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                runs.append((number, round(x, 1), round(y, 1), text.strip()))
        page.extract_text(visitor_text=visit)
    return runs


def overprinted(pdf: Path) -> list[tuple]:
    """Positions where two different text runs start at the same point of a page."""
    at = defaultdict(set)
    for page, x, y, text in text_runs(pdf):
        at[(page, x, y)].add(text)
    return [(key, texts) for key, texts in at.items() if len(texts) > 1]


def overlapping_glyphs(pdf: Path, share: float = 0.25) -> list[tuple[int, str]]:
    """(page, the two characters) wherever a glyph runs into the next one on its line by more than
    `share` of the narrower's width: a word wider than its table column printed over its neighbour.
    Kerning pairs such as "We" or "AV" overlap by less (about 0.15); letters and digits only."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTChar

    def glyphs(box):
        if isinstance(box, LTChar):
            yield box
        elif hasattr(box, "__iter__"):
            for inner in box:
                yield from glyphs(inner)

    found = []
    for number, page in enumerate(extract_pages(str(pdf)), start=1):
        lines = defaultdict(list)
        for glyph in glyphs(page):
            if glyph.get_text().isalnum():  # punctuation tucks into letters ("." before a quote)
                lines[round(glyph.y0)].append(glyph)
        for line in lines.values():
            line.sort(key=lambda g: g.x0)
            for a, b in zip(line, line[1:]):
                if a.x1 - b.x0 > max(1.0, share * min(a.width, b.width)):
                    found.append((number, a.get_text() + b.get_text()))
    return found


def test_wide_tables_with_long_words_do_not_print_over_their_neighbours(tmp_path):
    """The agreement table has seven columns; a long Dutch word (a theme's name, a bold header) must
    get a column at least as wide as itself."""
    themes = [c for c in make_inputs().codebook.codes if c.kind == "theme"]
    agreement = pd.DataFrame([dict(code=t.id, coder_a=a, coder_b=b, n=90, percent=96.7, kappa=-0.075, alpha=-0.112,
                                   reading="onvoldoende") for t in themes for a, b in (("machine", "anna"),
                                                                                       ("anna", "bram"))])
    source = build_chapter(make_inputs(agreement=agreement), 2025, tmp_path / "breed")
    assert "Intergenerationele" in source.qmd.read_text(encoding="utf-8")
    pdf = render_chapter(source, formats=("pdf",), engine="pandoc").files[0]
    assert overlapping_glyphs(pdf) == []


def test_the_glyph_check_sees_a_word_printed_over_another(tmp_path):
    """The check itself: a word placed over the end of another is found; kerned text is not."""
    import typst

    plain = 'Gewone tekst: We zien AV-apparatuur, "citaten." en Tabel 7.\n'
    found = {}
    for name, body in (("gewoon", plain), ("over", plain + '#place(top + left, dy: 40pt)[Intergenerationele]\n'
                                                  '#place(top + left, dx: 60pt, dy: 40pt)[automatisch]\n')):
        typ = tmp_path / f"{name}.typ"
        typ.write_text(body, encoding="utf-8")
        typst.compile(str(typ), output=str(tmp_path / f"{name}.pdf"))
        found[name] = overlapping_glyphs(tmp_path / f"{name}.pdf")
    assert found["gewoon"] == []
    assert found["over"] and {page for page, _ in found["over"]} == {1}


def long_inputs():
    """Inputs whose conversations table runs over several pages."""
    rows = [dict(year=y, type="wijk", wijk=f"Buurt {i:02d} met een lange naam", interviews=1, segments=30 + i,
                 speakers=4, words=700 + i) for y in YEARS for i in range(45)]
    return make_inputs(overview=pd.DataFrame(rows))


@pytest.fixture(scope="module")
def long_pdf(tmp_path_factory):
    source = build_chapter(long_inputs(), 2025, tmp_path_factory.mktemp("lang"))
    return render_chapter(source, formats=("pdf",), engine="pandoc").files[0]


def test_long_tables_break_across_a4_pages_without_overprinting(long_pdf):
    reader = PdfReader(str(long_pdf))
    assert all(abs(float(p.mediabox.width) - A4[0]) < 1 and abs(float(p.mediabox.height) - A4[1]) < 1
               for p in reader.pages)
    assert overprinted(long_pdf) == []
    # the 90-row table spans pages and repeats its header row on each of them
    pages = [" ".join(p.extract_text().split()) for p in reader.pages]
    with_rows = [i for i, t in enumerate(pages) if "Buurt 07 met een lange naam" in t or "Buurt 40 met een lange naam" in t]
    assert len(set(with_rows)) >= 2
    assert all("Jaar Type Wijk Gesprekken" in pages[i] for i in with_rows)
    assert "Buurt 44 met een lange naam" in " ".join(pages)  # the last rows are printed, not lost


def test_overprint_check_sees_overprinted_text(tmp_path):
    """The check itself: two different words placed at one point are found."""
    import typst

    typ = tmp_path / "x.typ"
    typ.write_text('#place(top + left)[Eerste]\n#place(top + left)[Tweede]\n', encoding="utf-8")
    pdf = tmp_path / "x.pdf"
    typst.compile(str(typ), output=str(pdf))
    assert len(overprinted(pdf)) == 1


@pytest.fixture(scope="module")
def chapter_html(inputs, tmp_path_factory):
    source = build_chapter(inputs, 2025, tmp_path_factory.mktemp("citaten"))
    result = render_chapter(source, formats=("html", "pdf"), engine="pandoc")
    return source, result


def test_quotes_are_participants_and_used_once(chapter_html):
    source, result = chapter_html
    soup = BeautifulSoup(result.files[0].read_text(encoding="utf-8"), "html.parser")
    quotes = [" ".join(q.p.get_text().split()) for q in soup.find_all("blockquote")]
    assert quotes, "the chapter quotes participants"
    assert len(quotes) == len(set(quotes))
    assert not [q for q in quotes if INTERVIEWER_TEXT in q]
    assert not [q for q in quotes if q.startswith("Ik ben [Persoon")]  # introductions are not evidence
    # the segment in two themes' storylines is quoted once
    assert sum("mentor belt meteen" in q and "(0, 2025)" in q for q in quotes) == 1


def test_no_machine_leftovers_or_english_boilerplate(chapter_html):
    source, result = chapter_html
    html_text = " ".join(BeautifulSoup(result.files[0].read_text(encoding="utf-8"), "html.parser").get_text().split())
    pdf_text = " ".join(" ".join(p.extract_text() for p in PdfReader(str(result.files[1])).pages).split())
    for text in (source.qmd.read_text(encoding="utf-8"), html_text, pdf_text):
        for bad in BAD:
            assert bad not in text, bad
        plain = re.sub(r"\d+(\.\d+){2,}", "", text)  # version numbers such as 3.11.7
        assert not re.search(r"\d\.\d+ ?%|\b0\.\d+\b", plain), "decimal point instead of a Dutch decimal comma"
    assert "Inhoud" in pdf_text and "Tabel" in pdf_text


def test_renders_from_a_relative_path(inputs, tmp_path, monkeypatch):
    build_chapter(inputs, 2025, tmp_path / "werk" / "rapport")
    monkeypatch.chdir(tmp_path)
    result = render_document(Path("werk/rapport/hoofdstuk.qmd"), "relatief", ("html", "docx", "pdf"), engine="pandoc")
    assert result.files == tuple(Path("werk/rapport") / f"relatief.{f}" for f in ("html", "docx", "pdf"))
    assert all(p.stat().st_size > 10_000 for p in result.files)


def test_same_inputs_give_the_same_bytes(inputs, tmp_path):
    first = render_chapter(build_chapter(inputs, 2025, tmp_path / "a"), engine="pandoc")
    before = {p.suffix: p.read_bytes() for p in first.files}
    second = render_chapter(build_chapter(inputs, 2025, tmp_path / "b"), engine="pandoc")  # rendered anew
    assert not second.reused
    assert {p.suffix: p.read_bytes() for p in second.files} == before
    assert b"2026-" not in before[".pdf"] and b"CreationDate" not in before[".pdf"]


def test_an_unchanged_document_is_not_rendered_again_unless_its_files_changed(inputs, tmp_path):
    from reports.render import RENDER_RECORD

    source = build_chapter(inputs, 2025, tmp_path / "c")
    first = render_chapter(source, formats=("html", "pdf"), engine="pandoc")
    assert not first.reused
    stamps = {p.name: p.stat().st_mtime_ns for p in first.files}
    again = render_chapter(build_chapter(inputs, 2025, tmp_path / "c"), formats=("html", "pdf"), engine="pandoc")
    assert again.reused and again.files == first.files and again.engine == first.engine
    assert {p.name: p.stat().st_mtime_ns for p in again.files} == stamps  # not written again
    assert "inputs" in (tmp_path / "c" / RENDER_RECORD).read_text(encoding="utf-8")

    html = first.files[0]
    original = html.read_bytes()
    html.write_bytes(original.replace(b"</body>", b"<p>met de hand toegevoegd</p></body>"))
    by_hand = render_chapter(source, formats=("html", "pdf"), engine="pandoc")
    assert not by_hand.reused and html.read_bytes() == original  # an edited file is rendered again

    other_formats = render_chapter(source, formats=("html",), engine="pandoc")
    assert not other_formats.reused
    qmd = source.qmd
    qmd.write_text(qmd.read_text(encoding="utf-8") + "\nEen zin erbij.\n", encoding="utf-8")
    assert not render_chapter(source, formats=("html",), engine="pandoc").reused  # a changed source too

    # a picture the text links to outside figuren/ (say, in an interpretation) counts as an input
    figure = next((tmp_path / "c" / "figuren").glob("*.png"))
    (tmp_path / "c" / "eigen.png").write_bytes(figure.read_bytes())
    qmd.write_text(qmd.read_text(encoding="utf-8") + "\n![Eigen figuur](eigen.png)\n", encoding="utf-8")
    assert not render_chapter(source, formats=("html",), engine="pandoc").reused
    assert render_chapter(source, formats=("html",), engine="pandoc").reused
    (tmp_path / "c" / "eigen.png").write_bytes(next((tmp_path / "c" / "figuren").glob("*.png")).read_bytes()
                                                + b"\0")
    assert not render_chapter(source, formats=("html",), engine="pandoc").reused
