"""The learning-community edition: suppression, no wijk figures, coarsened shareable quotes only."""

from __future__ import annotations

from dataclasses import replace

import pytest
from bs4 import BeautifulSoup
from docx import Document
from pypdf import PdfReader

from codebook.model import NATIONAL_THEMES
from reports.coarsen import age_band, coarsen
from reports.errors import ReportError
from reports.share import ShareSettings, build_shared_edition
from report_fixtures import INTERVIEWER_TEXT, SECRET_QUOTE

FORBIDDEN = ("[Persoon", "Persoon 0", "Wijkagent", "Interviewer", "gesprek-", "Helmond-West", "Binnenstad",
             "Houtsdonk", "Haagje", "Westwijzer", "Kerkstraat", "15-jarige", SECRET_QUOTE[:40])


@pytest.fixture(scope="module")
def edition(inputs, tmp_path_factory):
    return build_shared_edition(inputs, 2025, tmp_path_factory.mktemp("deel"), ShareSettings(), engine="pandoc")


@pytest.fixture(scope="module")
def texts(edition):
    html, docx_path, pdf = edition.files
    soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
    doc = Document(str(docx_path))
    docx_text = "\n".join([p.text for p in doc.paragraphs]
                          + [c.text for t in doc.tables for r in t.rows for c in r.cells])
    pdf_text = "\n".join(p.extract_text() for p in PdfReader(str(pdf)).pages)
    return {"qmd": edition.source.read_text(encoding="utf-8"), "html": soup.get_text(),
            "docx": docx_text, "pdf": pdf_text, "soup": soup}


def test_rendered_files(edition):
    assert [p.name for p in edition.files] == ["narratief-deel-2025.html", "narratief-deel-2025.docx",
                                               "narratief-deel-2025.pdf"]
    assert edition.engine.startswith("pandoc") and edition.quotes == 1


@pytest.mark.parametrize("fmt", ["qmd", "html", "docx", "pdf"])
def test_no_personal_detail_in_any_format(texts, fmt):
    flat = " ".join(texts[fmt].split())
    for needle in FORBIDDEN:
        assert needle not in flat, needle


def test_only_shareable_quote_coarsened(texts):
    quotes = [" ".join(q.get_text().split()) for q in texts["soup"].find_all("blockquote")]
    assert len(quotes) == 1
    assert quotes[0].startswith("[persoon] vertelde dat de 12–17-jarige via een school in een wijk bij een straat")
    assert "partnergroep, 2025" in quotes[0]


def test_small_cells_suppressed_with_footnote(edition, texts):
    soup = texts["soup"]
    helmond = soup.find(id="cijfers-per-thema-van-helmond").find_next("table")
    rows = [[" ".join(td.get_text().split()) for td in tr.find_all("td")] for tr in helmond.find_all("tr")[1:]]
    bijsturen = [r for r in rows if r[1] == "bijsturen"]
    assert len(bijsturen) == 5 and all(r[2:5] == ["<5", "–", "–"] for r in bijsturen)
    assert all(int(r[2]) >= 5 and int(r[4]) >= 3 for r in rows if r[2].isdigit())
    assert soup.find(class_="footnotes") is not None and edition.suppressed_cells == 18  # 3 national + 5 bijsturen + 10 type
    # the type table: 'wijk' is small, secondary suppression hides its complement: nothing is left to show
    after = soup.find(id="naar-type-gesprek").find_next(["p", "table"])
    assert after.name == "p" and "daarom is de tabel weggelaten" in after.get_text()
    assert "14" not in " ".join(texts["html"].split()).split("Naar type gesprek")[-1].split("Naar wijk")[0]


def test_national_themes_and_no_wijk_figures(texts):
    html = " ".join(texts["html"].split())
    for theme in NATIONAL_THEMES:
        assert theme in html
    assert "Cijfers per wijk zijn in deze editie weggelaten." in html


def test_wijk_figures_only_when_allowed(inputs, tmp_path):
    edition = build_shared_edition(inputs, 2025, tmp_path, ShareSettings(allow_wijk=True), formats=())
    text = edition.source.read_text(encoding="utf-8")
    assert edition.files == () and "| Helmond-West | 12 |" not in text  # 3 interviews but its partner is small
    wijk = text.split("# Naar wijk")[1].split("# Citaten")[0]
    assert "Cijfers per wijk zijn in deze editie weggelaten" not in wijk and "daarom is de tabel weggelaten" in wijk


def test_settings_are_validated():
    with pytest.raises(ReportError) as err:
        ShareSettings(min_segments=0)
    assert err.value.code == "N609"


@pytest.mark.parametrize("raw, shared", [
    ("[Persoon 07] en [Adres 2]", "[persoon] en [adres]"),
    ("een 15-jarige en een meisje van 9 jaar oud", "een 12–17-jarige en een meisje van 8–11 jaar oud"),
    ("hij is 19 jaar en werkt al 3 jaar", "hij is 18–23 jaar en werkt al 3 jaar"),
    ("in ’t Haagje en de Houtsdonk, in Helmond-Oost", "in een buurt en een buurt, in een wijk"),
    ("bij de Kerkstraat 12 naast VSO De Korenaer", "bij een straat naast een school"),
    ("de politie en HALT werken samen", "de politie en HALT werken samen"),
    ("het verzuim in West is gedaald; west, binnenstad", "het verzuim in een wijk is gedaald; een wijk, een wijk"),
    ("ouders uit Oost-Europa en uit Oost", "ouders uit Oost-Europa en uit een wijk"),
])
def test_coarsen_rules(raw, shared):
    assert coarsen(raw) == shared


def test_age_bands_and_extra_places():
    assert [age_band(a) for a in (5, 8, 17, 23, 27, 40)] == [
        "jonger dan 8", "8–11", "12–17", "18–23", "24–27", "ouder dan 27"]
    assert coarsen("bij de Rode Ster", places=("Rode Ster",)) == "bij een plek"


def test_left_out_shareable_quotes_are_explained(inputs, tmp_path):
    marked = inputs.shareable | {("gesprek-0", 0, 0), ("gesprek-1", 1, 0), ("gesprek-2", 2, 0), ("gesprek-2", 3, 0),
                                 ("weg", 9, 0)}
    edition = build_shared_edition(replace(inputs, shareable=frozenset(marked)), 2025, tmp_path,
                                   ShareSettings(quotes_per_theme=1), formats=())
    text = edition.source.read_text(encoding="utf-8")
    citaten = text.split("# Citaten")[1].split("# Nieuwe onderwerpen")[0]
    assert edition.quotes == 2  # the shareable quote of 'school' and the participant's statement
    assert INTERVIEWER_TEXT not in citaten and "Ik ben" not in citaten
    assert "4 zijn weggelaten" in citaten
    assert "| geen uitspraak van een deelnemer (gespreksleider, voorstelronde of alleen een vraag) | 2 |" in citaten
    assert "| niet meer te vinden in de gecodeerde gesprekken | 1 |" in citaten
    assert "| bij dit thema stonden al genoeg citaten | 1 |" in citaten
