"""Build the chapter from realistic inputs and render it for real with pandoc + typst."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from bs4 import BeautifulSoup
from docx import Document
from pypdf import PdfReader

from reports.chapter import NO_INTERPRETATION, build_chapter, change_phrase
from reports.errors import ReportError
from reports.render import render_chapter
from report_fixtures import INTERVIEWER_TEXT, THEMES, make_inputs

N_FIGURES = 4 + len(THEMES)  # bars, heat map, development, co-occurrence, one trend per theme

SECTIONS = ("Inleiding en methode", "Dwarsverbanden", "Nieuwe onderwerpen", "Ontwikkeling over de jaren",
            "Signalen om bij te sturen", "Bijlage: codeboek", "Bijlage: verantwoording van de run")
THEME_TITLES = tuple(f"Thema {i}: {name}" for i, (_, name, _) in enumerate(THEMES, start=1))


@pytest.fixture(scope="module")
def rendered(inputs, chapter_dir):
    source = build_chapter(inputs, 2025, chapter_dir)
    result = render_chapter(source, engine="pandoc")
    return source, result


def test_source_is_parameterised_markdown_without_code(rendered):
    source, _ = rendered
    text = source.qmd.read_text(encoding="utf-8")
    front = text.split("---")[1]
    assert "year: 2025" in front and 'workspace: "Helmond 2025"' in front
    assert text.count("\n---\n") == 1  # one front matter block only
    assert not re.search(r"```\s*\{", text)  # no executable cells
    assert (source.out_dir / "_quarto.yml").exists()
    positions = [text.index(f"# {t}") for t in THEME_TITLES]
    assert positions == sorted(positions)  # codebook order
    assert {f.path for f in source.figures} == {"figuren/ontwikkeling.png", "figuren/thema-2025.png",
                                                "figuren/dwarsverbanden-2025.png", "figuren/thema-wijk-2025.png",
                                                *(f"figuren/verloop-{t}.png" for t, _, _ in THEMES)}
    assert 'subtitle: "Preventie met Gezag Helmond"' in front  # from the settings, not the folder name
    assert all((source.out_dir / f.path).stat().st_size > 5000 for f in source.figures)


def test_interpretation_woven_in_or_visibly_missing(rendered):
    text = rendered[0].qmd.read_text(encoding="utf-8")
    school = text[text.index("# Thema 2"):text.index("# Thema 3")]
    assert "De school is **zichtbaar** de spil" in school and "### Duiding" in school
    assert NO_INTERPRETATION not in school
    assert text.count(NO_INTERPRETATION) == 4


def test_change_in_plain_words():
    inputs = make_inputs()
    assert change_phrase(inputs.theme_change, 2025, "aanwezig", "") == "vaker genoemd dan in 2024 (duidelijk verschil)"
    assert change_phrase(inputs.theme_change, 2025, "school", "") == "ongeveer even vaak genoemd als in 2024"
    assert change_phrase(inputs.theme_change, 2024, "aanwezig", "") is None
    change = inputs.theme_change.assign(verdict="afname")
    assert change_phrase(change, 2025, "school", "bijsturen") == "minder vaak genoemd dan in 2024 (duidelijk verschil)"
    zero = inputs.theme_change.assign(share=0.0, prev_share=0.0)
    assert change_phrase(zero, 2025, "school", "") == "in 2024 en 2025 niet genoemd"


def test_html_is_self_contained_with_sections_figures_tables(rendered):
    _, result = rendered
    assert result.engine.startswith("pandoc 3.9 + typst")
    html = next(p for p in result.files if p.suffix == ".html")
    assert html.name == "narratief-onderzoek-2025.html"
    soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
    h1 = [" ".join(h.get_text().split()) for h in soup.find_all("h1")]
    for title in SECTIONS + THEME_TITLES:
        assert title in h1
    h2 = [" ".join(h.get_text().split()) for h in soup.find_all("h2")]
    assert h2.count("Resultaten") == 5 and h2.count("Opbrengst voor wijk en stad") == 5 and h2.count("Bijsturen") == 5
    images = soup.find_all("img")
    assert len(images) == N_FIGURES and all(i["src"].startswith("data:image/png;base64,") for i in images)
    assert any("Kleine lijngrafieken van het aandeel segmenten per thema" in (i.get("aria-label") or i.get("alt") or "")
               for i in images)
    assert not soup.find_all(["script", "link"], src=True) and not soup.find_all("link", href=re.compile("^http"))
    # interviews, participants, changes, agreement, pseudonymisation, co-occurrence, years, run, versions
    assert len(soup.find_all("table")) == 9
    quote = soup.find("blockquote")
    assert "gesprek-0, wijk, Helmond-West, 2025" in " ".join(quote.get_text().split())
    signals = soup.find(id="signalen-om-bij-te-sturen").find_next("ul").find_all("li")
    assert len(signals) == 3  # 'bijsturen' storylines of two themes, the signal of a third
    assert "Handhaving en zorg moeten eerder samen" in " ".join(" ".join(s.get_text().split()) for s in signals)
    assert soup.find("nav", id="TOC").find(["h2", "h1"]).get_text().strip() == "Inhoud"
    assert any("46rem" in s.get_text() for s in soup.find_all("style"))  # the chapter's own CSS, in the file


def test_docx_has_real_headings_tables_and_figures(rendered):
    docx_path = next(p for p in rendered[1].files if p.suffix == ".docx")
    doc = Document(str(docx_path))
    heading1 = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    heading2 = [p.text for p in doc.paragraphs if p.style.name == "Heading 2"]
    for title in SECTIONS + THEME_TITLES:
        assert title in heading1
    assert heading2.count("Bijsturen") == 5
    assert len(doc.inline_shapes) == N_FIGURES
    assert len(doc.tables) == 9
    assert doc.tables[0].rows[0].cells[0].text == "Jaar"
    # the contents: a Dutch heading and the chapter's headings before Word updates the field
    import zipfile

    xml = zipfile.ZipFile(docx_path).read("word/document.xml").decode("utf-8")
    contents = xml[xml.index("<w:sdtContent>"):xml.index("</w:sdtContent>")]
    entries = re.findall(r"<w:t[^>]*>([^<]*)</w:t>", contents)
    assert entries[0] == "Inhoud" and all(t in entries for t in THEME_TITLES + SECTIONS)
    assert "Table of Contents" not in entries


def test_pdf_has_dutch_characters_titles_and_figures(rendered):
    pdf_path = next(p for p in rendered[1].files if p.suffix == ".pdf")
    reader = PdfReader(str(pdf_path))
    text = "\n".join(page.extract_text() for page in reader.pages)
    flat = " ".join(text.split())
    for title in ("Thema 1: Gezamenlijke aandacht", "Thema 5: Intergenerationele overdracht", "Dwarsverbanden",
                  "Signalen om bij te sturen"):
        assert title in flat
    assert "ë en é kloppen" in flat and "’s Avonds" in flat and "Opbrengst voor wijk en stad" in flat
    assert sum(len(page.images) for page in reader.pages) >= 3


def test_outputs_written_atomically_without_leftovers(rendered):
    source, result = rendered
    assert [p.suffix for p in result.files] == [".html", ".docx", ".pdf"]
    assert not [p for p in source.out_dir.rglob("*") if ".tmp-" in p.name]


def test_unknown_year_and_broken_table_are_reported(tmp_path):
    inputs = make_inputs()
    with pytest.raises(ReportError) as err:
        build_chapter(inputs, 2019, tmp_path)
    assert err.value.code == "N602" and "2024, 2025" in err.value.message
    with pytest.raises(ReportError) as err:
        make_inputs(quotes=inputs.quotes.drop(columns=["typicality"]))
    assert err.value.code == "N601" and "quotes" in err.value.message and "typicality" in err.value.message


def test_data_text_cannot_become_markup():
    import pypandoc

    from reports.markdown import blockquote, table

    nasty = "1. @politie | *boos* $5 {{< meta x >}} <b>vet</b> [Persoon 07]"
    md = table(["Tekst", "n"], [(nasty, "3")]) + "\n\n" + blockquote(nasty, "gesprek-1, wijk, stad, 2025")
    soup = BeautifulSoup(pypandoc.convert_text(md, "html5", format="markdown"), "html.parser")
    cells = soup.find("table").find_all("td")
    assert len(cells) == 2 and " ".join(cells[0].get_text().split()) == nasty
    assert " ".join(soup.find("blockquote").p.get_text().split()) == nasty
    assert not soup.find(["b", "em", "ol", "a", "span"])


def test_a_new_topic_is_never_titled_with_an_introduction(tmp_path):
    """When no representative statement can be quoted, the title still comes from what was said about
    the topic, not from someone saying who they are."""
    import json

    inputs = make_inputs()
    topics = inputs.topics.copy()
    topics.loc[topics["topic"] == 0, "representative"] = json.dumps([
        "Ik ben [Persoon 04] en ik werk bij het buurthuis in de wijk.",
        "Na tienen rijden de scooters zonder licht over het schoolplein."])
    text = build_chapter(replace(inputs, topics=topics), 2025, tmp_path).qmd.read_text(encoding="utf-8")
    section = text.split("# Nieuwe onderwerpen")[1].split("\n# ")[0]
    titles = [line for line in section.splitlines() if line.startswith("## ")]
    assert titles and "scooters" in titles[0].lower() and "Ik ben" not in titles[0]
