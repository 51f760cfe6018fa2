"""Build the chapter "Narratief onderzoek" as a Quarto source: `hoofdstuk.qmd`, `_quarto.yml`,
`figuren/*.png`. All figures and tables are computed here, so rendering runs no code.

Per theme the chapter gives: how often it came up and whether that changed (in words), the
evaluator's interpretation (first, never overwritten), and per lens the storylines participants
raised with one or two quotes each. Intervals and the method of comparison are stated once, in the
method section. Every quote appears once in the chapter.

Example:
    >>> source = build_chapter(inputs, 2025, Path("MAP/output/rapport"))
    >>> render_chapter(source).files
"""

from __future__ import annotations

import json
import string
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import numpy as np
import pandas as pd

from codebook.model import Code
from reports import method
from reports.errors import ReportError
from reports.figures import (FigureInfo, cooccurrence_figure, development_figure, pct, split_heatmap,
                             theme_trend_figure, themes_year_figure)
from reports.inputs import ReportInputs
from nlp.io import write_bytes, write_text
from reports.markdown import blockquote, demote_headings, escape, figure, table
from reports.storyline_text import MACHINE_NOTE, QuoteBook, attribution, fallback_quotes, storyline_blocks

LENS_TITLES = {"resultaat": "Resultaten", "opbrengst": "Opbrengst voor wijk en stad", "bijsturen": "Bijsturen"}
NO_INTERPRETATION = "Nog geen interpretatie van de evaluator voor dit thema."
VERDICT_WORDS = {"toename": "vaker genoemd (duidelijk verschil)", "afname": "minder vaak genoemd (duidelijk verschil)",
                 "geen duidelijke verandering": "ongeveer even vaak"}
TABLE_WORDS = {"toename": "vaker (duidelijk)", "afname": "minder vaak (duidelijk)",
               "geen duidelijke verandering": "ongeveer even vaak"}
PROJECT_FILES = ("hoofdstuk.css", "referentie.docx", "hoofdstuk-typst.typ")

__all__ = ["ChapterSource", "build_chapter", "change_phrase", "attribution", "LENS_TITLES", "VERDICT_WORDS"]


@dataclass(frozen=True)
class ChapterSource:
    """A built chapter: the folder, its .qmd, its figures and the output name stem."""

    out_dir: Path
    qmd: Path
    year: int
    stem: str
    figures: tuple[FigureInfo, ...]


def template_text(name: str) -> str:
    """The text of a template shipped in `reports/templates/`."""
    try:
        return resources.files("reports").joinpath("templates", name).read_text(encoding="utf-8")
    except OSError:
        raise ReportError("N608", f"sjabloon '{name}' ontbreekt in de installatie") from None


def write_project(out_dir: Path) -> None:
    """Write `_quarto.yml` and the style files it names (CSS, reference DOCX, Typst rules)."""
    write_text(out_dir / "_quarto.yml", template_text("quarto.yaml"))
    for name in PROJECT_FILES:
        try:
            data = resources.files("reports").joinpath("templates", name).read_bytes()
        except OSError:
            raise ReportError("N608", f"sjabloon '{name}' ontbreekt in de installatie") from None
        write_bytes(out_dir / name, data)


def title_line(inputs: ReportInputs) -> str:
    """The subtitle from the settings: programme and municipality (never the folder name)."""
    return " ".join(p for p in (inputs.programme.strip(), inputs.municipality.strip()) if p) or "Narratief onderzoek"


def _lens(frame: pd.DataFrame) -> pd.Series:
    return frame["lens"].fillna("").astype(str)


def _row(frame: pd.DataFrame | None, **match: object) -> pd.Series | None:
    if frame is None or frame.empty:
        return None
    mask = np.ones(len(frame), dtype=bool)  # numpy, not Series arithmetic: called per theme and lens
    for col, val in match.items():
        series = _lens(frame) if col == "lens" else frame[col]
        values = (series.astype(int) if col in ("year", "prev_year") else series).to_numpy()
        mask &= np.fromiter((v == val for v in values), dtype=bool, count=len(values))
    hits = np.flatnonzero(mask)
    return None if not len(hits) else frame.iloc[int(hits[0])]


def change_phrase(change: pd.DataFrame, year: int, theme: str, lens: str) -> str | None:
    """The change since the previous year in plain Dutch, e.g. "vaker genoemd dan in 2025 (duidelijk
    verschil)", "ongeveer even vaak genoemd als in 2025"; None when there is no previous year."""
    row = _row(change, year=year, theme=theme, lens=lens)
    if row is None:
        return None
    prev = int(row["prev_year"])
    if float(row["share"]) == 0 and float(row["prev_share"]) == 0:
        return f"in {prev} en {year} niet genoemd"
    if int(row["n_boot"]) == 0:
        return f"niet te vergelijken met {prev} (te weinig gesprekken voor een interval)"
    verdict = str(row["verdict"])
    if verdict == "toename":
        return f"vaker genoemd dan in {prev} (duidelijk verschil)"
    if verdict == "afname":
        return f"minder vaak genoemd dan in {prev} (duidelijk verschil)"
    return f"ongeveer even vaak genoemd als in {prev}"


def _year_totals(inputs: ReportInputs, year: int) -> tuple[int, int]:
    data = inputs.overview[inputs.overview["year"].astype(int) == year]
    return int(data["segments"].sum()), int(data["interviews"].sum())


def _lead(inputs: ReportInputs, year: int, theme: Code) -> str:
    row = _row(inputs.theme_year, year=year, theme=theme.id, lens="")
    total, docs = _year_totals(inputs, year)
    if row is None or int(row["segments"]) == 0:
        return f"In {year} kwam dit thema in geen enkel gesprek ter sprake."
    text = (f"In {year} kwam dit thema ter sprake in {int(row['interviews'])} van de {docs} gesprekken, in "
            f"{int(row['segments'])} van de {total} segmenten ({pct(row['share'])}).")
    change = change_phrase(inputs.theme_change, year, theme.id, "")
    if change:
        text += f" {change[:1].upper()}{change[1:]}."
    split = inputs.theme_split
    wijk = split[(split["year"].astype(int) == year) & (split["theme"] == theme.id) & (_lens(split) == "")
                 & (split["split"] == "wijk") & (split["segments"].astype(int) > 0)]
    if len(wijk) >= 2:
        top = wijk.sort_values(["share", "value"], ascending=[False, True]).iloc[0]
        text += (f" Naar verhouding het vaakst in {escape(top['value'])}, waar {pct(top['share'])} van wat er "
                 "gezegd werd over dit thema ging.")
    return text


def _lens_part(inputs: ReportInputs, year: int, theme: Code, lens: Code, book: QuoteBook) -> str:
    title = LENS_TITLES.get(lens.id, lens.name)
    row = _row(inputs.theme_year, year=year, theme=theme.id, lens=lens.id)
    if row is None or int(row["segments"]) == 0:
        return f"## {title}\n\nIn {year} zei niemand iets over dit thema vanuit deze invalshoek."
    n = int(row["interviews"])
    text = f"{int(row['segments'])} segmenten uit {n} {'gesprek' if n == 1 else 'gesprekken'}"
    change = change_phrase(inputs.theme_change, year, theme.id, lens.id)
    text += f"; {change}." if change else "."
    body = ""
    lines = inputs.storylines
    if lines is not None and not lines.empty:
        mine = lines[(lines["year"].astype(int) == year) & (lines["theme"] == theme.id) & (_lens(lines) == lens.id)]
        body = storyline_blocks(mine, book)
    if not body:
        q = inputs.quotes
        q = q[(q["year"].astype(int) == year) & (q["theme"] == theme.id) & (_lens(q) == lens.id)]
        body = fallback_quotes(q, book)
    return f"## {title}\n\n{text}\n\n{body or '_Geen uitspraken van deelnemers om te citeren._'}"


def theme_section(inputs: ReportInputs, year: int, number: int, theme: Code, book: QuoteBook,
                  out_dir: Path) -> tuple[str, FigureInfo | None]:
    """One theme: definition, how often and the change, its figure, interpretation, the lenses."""
    interpretation = inputs.interpretations.get(theme.id, "").strip()
    change = change_phrase(inputs.theme_change, year, theme.id, "")
    fig = (theme_trend_figure(inputs.theme_year, inputs.codebook, theme.id, out_dir,
                              (f"In {year} {change}." if change else "")) if len(inputs.years()) > 1 else None)
    parts = "\n\n".join(_lens_part(inputs, year, theme, lens, book) for lens in inputs.codebook.lenses)
    text = (f"# Thema {number}: {escape(theme.name)}\n\n_{escape(theme.definition)}_\n\n"
            f"{_lead(inputs, year, theme)}\n\n"
            + (figure(fig.path, fig.caption, fig.alt) + "\n\n" if fig else "")
            + "## Interpretatie van de evaluator\n\n"
            f"{demote_headings(interpretation) if interpretation else '_' + NO_INTERPRETATION + '_'}\n\n"
            f"_{MACHINE_NOTE}_\n\n{parts}")
    return text, fig


def changes_block(inputs: ReportInputs, year: int) -> str:
    """Method of comparison, once: the bootstrap, the wording, and all changes with intervals."""
    change = inputs.theme_change
    change = change[change["year"].astype(int) == year]
    if change.empty:
        return ("Er is geen vorig jaar om mee te vergelijken; dit hoofdstuk beschrijft alleen "
                f"{year}.")
    prev = int(change["prev_year"].iloc[0])
    n_boot = int(change["n_boot"].max())
    text = (f"Per thema vergelijken we het aandeel segmenten in {year} met {prev}. Omdat uitspraken uit één "
            "gesprek op elkaar lijken, trekken we gesprekken (niet losse segmenten) opnieuw met "
            f"teruglegging (bootstrap, {n_boot} herhalingen) en berekenen zo een 95%-interval voor het "
            "verschil. In de tekst staat \"vaker genoemd\" of \"minder vaak genoemd\" (duidelijk verschil) "
            "alleen als dat hele interval boven of onder nul ligt; anders \"ongeveer even vaak\". Met één "
            "gesprek in een jaar is geen interval te berekenen. De tabel geeft alle verschillen.")
    rows = []
    for theme in inputs.codebook.themes:
        for lens_id, label in [("", "thema als geheel")] + [(l.id, LENS_TITLES.get(l.id, l.name).lower())
                                                            for l in inputs.codebook.lenses]:
            r = _row(change, year=year, theme=theme.id, lens=lens_id)
            if r is None:
                continue
            both_zero = float(r["share"]) == 0 and float(r["prev_share"]) == 0
            interval = ("–" if int(r["n_boot"]) == 0 or both_zero else
                        f"{method.num(100 * r['ci_low'], 1, sign=True)} tot {method.num(100 * r['ci_high'], 1, sign=True)}")
            words = ("niet genoemd" if both_zero else
                     TABLE_WORDS.get(str(r["verdict"]), "–") if int(r["n_boot"]) else "geen interval")
            rows.append((theme.name if lens_id == "" else "", label, pct(r["prev_share"]), pct(r["share"]),
                         method.num(100 * r["diff"], 1, sign=True), interval, words))
    return text + "\n\n" + table(["Thema", "Onderdeel", str(prev), str(year), "Verschil (procentpunt)",
                                  "95%-interval", "Oordeel"], rows, "llrrrrl",
                                 caption=f"Verandering {prev}–{year} per thema en onderdeel",
                                 widths=(9, 5, 3, 3, 4, 5, 5))


def overview_block(inputs: ReportInputs, year: int, bars: FigureInfo, heat: FigureInfo | None) -> str:
    """Which themes dominated this year, what changed clearly, and by interview type and wijk."""
    names = {t.id: t.name for t in inputs.codebook.themes}
    up, down = [], []
    for theme in inputs.codebook.themes:
        r = _row(inputs.theme_change, year=year, theme=theme.id, lens="")
        if r is not None and r["verdict"] == "toename":
            up.append(names[theme.id])
        elif r is not None and r["verdict"] == "afname":
            down.append(names[theme.id])
    text = ""
    if _row(inputs.theme_change, year=year) is not None:
        prev = int(_row(inputs.theme_change, year=year)["prev_year"])
        if up or down:
            text += (" ".join(([f"Duidelijk vaker genoemd dan in {prev}: {escape('; '.join(up))}."] if up else [])
                              + ([f"Duidelijk minder vaak: {escape('; '.join(down))}."] if down else []))
                     + " De andere thema's kwamen ongeveer even vaak ter sprake.")
        else:
            text += f"Geen enkel thema kwam duidelijk vaker of minder vaak ter sprake dan in {prev}."
    out = figure(bars.path, bars.caption, bars.alt) + ("\n\n" + text if text else "")
    if heat:
        out += "\n\n" + figure(heat.path, heat.caption, heat.alt)
    return out


def cooccurrence_block(inputs: ReportInputs, year: int, fig: FigureInfo | None) -> str:
    """Themes that occur together, in one segment and in one conversation."""
    data = inputs.cooccurrence
    data = data[data["year"].astype(int) == year]
    if data.empty or int(data["count"].max()) == 0:
        return "In dit jaar kwamen thema's niet samen voor in dezelfde segmenten."
    name = {t.id: t.name for t in inputs.codebook.themes}
    seg = data[data["level"] == "segment"].set_index(["theme_a", "theme_b"])
    conv = data[data["level"] == "interview"].set_index(["theme_a", "theme_b"])
    pairs = seg.sort_values(["jaccard", "count"], ascending=False).head(8)
    rows = []
    for (a, b), r in pairs.iterrows():
        if int(r["count"]) == 0:
            continue
        c = conv.loc[(a, b)] if (a, b) in conv.index else None
        rows.append((name.get(a, a), name.get(b, b), f"{int(r['count'])} ({method.num(r['jaccard'], 2)})",
                     "–" if c is None else str(int(c["count"]))))
    top = rows[0] if rows else None
    out = ("Welke thema's noemen deelnemers in één adem? De tabel geeft de paren die het vaakst samen in een "
           "segment voorkwamen (tussen haakjes de Jaccard-overlap: samen gedeeld door minstens één van beide) "
           "en in hoeveel gesprekken beide thema's ter sprake kwamen.")
    if top:
        out += f" Het sterkst verbonden in {year}: {escape(top[0])} en {escape(top[1])}."
    out += "\n\n"
    if fig:
        out += figure(fig.path, fig.caption, fig.alt) + "\n\n"
    return out + table(["Thema A", "Thema B", "Samen in segmenten", "Samen in gesprekken"], rows, "llrr",
                       caption=f"Samen voorkomende thema's, {year}", widths=(5, 5, 2, 2))


def topics_block(inputs: ReportInputs, book: QuoteBook) -> str:
    """Emergent topics: a heading from their words and representative segment, growth, quotes."""
    from analysis.evidence import is_introduction
    from analysis.storylines import heading

    if inputs.topics is None:
        return "Het onderwerpmodel is niet uitgevoerd; er zijn geen nieuwe onderwerpen bepaald."
    mode = method.topic_mode_sentence(inputs.manifest)
    emergent = inputs.topics[inputs.topics["emergent"].astype(str).str.lower().isin(("true", "1"))]
    if emergent.empty:
        return " ".join(filter(None, ["Er zijn geen nieuwe onderwerpen gevonden die buiten de vijf thema's vallen.",
                                      mode]))
    names = {t.id: t.name for t in inputs.codebook.themes}
    out = [" ".join(filter(None, [
        "Onderwerpen die het onderwerpmodel (BERTopic) in de gesprekken vond en die weinig lijken op de "
        "thema's van het codeboek. Ze kunnen wijzen op iets nieuws dat aandacht verdient; de kop is "
        "machinaal gemaakt uit de kernwoorden en een kenmerkende uitspraak.", mode]))]
    for r in emergent.sort_values(["size", "topic"], ascending=[False, True]).itertuples():
        growing = str(r.growing).lower() in ("true", "1")
        try:
            reps = [str(t) for t in json.loads(r.representative)]
        except (TypeError, ValueError):
            reps = []
        words = str(r.words).split()
        usable = [t for t in reps if book.usable_text(t)]
        # the title from a participant's statement: never an introduction ("Ik ben ... en ik werk bij ...")
        spoken = usable or [t for t in reps if not is_introduction(t)]
        title = heading(spoken[0] if spoken else " ".join(words[:4]), words)
        out.append(f"## {escape(title)}\n\n_{int(r.size)} segmenten; "
                   f"{'groeiend' if growing else 'niet groeiend'} ten opzichte van eerdere jaren; het meest "
                   f"verwant aan {escape(names.get(r.nearest_theme, r.nearest_theme))}. Kernwoorden: "
                   f"{escape(', '.join(words[:6]))}._")
        for text in usable[:1]:
            book.take_text(text)
            out.append(blockquote(text, "kenmerkende uitspraak voor dit onderwerp"))
    return "\n\n".join(out)


def development_block(inputs: ReportInputs, fig: FigureInfo) -> str:
    """All themes over all years: small multiples with intervals, and the numbers as a table."""
    data = inputs.theme_year[_lens(inputs.theme_year) == ""]
    years = sorted(int(y) for y in data["year"].unique())
    rows = []
    for theme in inputs.codebook.themes:
        cells = []
        for y in years:
            hit = _row(data, year=y, theme=theme.id)
            cells.append("–" if hit is None else pct(hit["share"]))
        rows.append([theme.name, *cells])
    return (figure(fig.path, fig.caption, fig.alt) + "\n\n"
            + table(["Thema", *map(str, years)], rows, "l" + "r" * len(years),
                    caption="Aandeel segmenten per thema per jaar", widths=(6, *[1] * len(years))))


def signals_block(inputs: ReportInputs, year: int, book: QuoteBook) -> str:
    """The points to adjust per theme: the 'bijsturen' storylines (headings, not repeated quotes)."""
    lines = inputs.storylines
    out = []
    for theme in inputs.codebook.themes:
        mine = None if lines is None else lines[(lines["year"].astype(int) == year) & (lines["theme"] == theme.id)
                                                & (_lens(lines) == "bijsturen")]
        if mine is not None and not mine.empty:
            items = [f"{escape(r['heading'])} ({int(r['interviews'])} "
                     f"{'gesprek' if int(r['interviews']) == 1 else 'gesprekken'})"
                     for _, r in mine.sort_values("storyline").iterrows()]
            out.append(f"- **{escape(theme.name)}**: " + "; ".join(items) + ".")
            continue
        data = inputs.signals
        data = data[(data["year"].astype(int) == year) & (data["theme"] == theme.id)]
        picked = book.pick(data.to_dict("records"), 2)
        if picked:
            out.append(f"- **{escape(theme.name)}**: " + " ".join(
                f"\"{escape(p['text'])}\" _({escape(attribution(p))})_" for p in picked))
    if not out:
        return "Er zijn dit jaar geen signalen om bij te sturen gevonden."
    return ("Waar deelnemers vinden dat de aanpak moet worden bijgestuurd, per thema (de verhaallijnen uit "
            "'Bijsturen'; de citaten staan bij het thema):\n\n" + "\n".join(out))


def intro_block(inputs: ReportInputs, year: int) -> str:
    place = f" in {escape(inputs.municipality)}" if inputs.municipality.strip() else ""
    return (f"Dit hoofdstuk beschrijft het narratief onderzoek van {year} binnen {escape(inputs.programme)}"
            f"{place}. Elk jaar spreken we met partners, bewoners, ouders en jongeren over de thema's van de "
            "aanpak: welke **resultaten** zij zien, wat dat **oplevert voor de wijk en de stad**, en waar de "
            "aanpak moet worden **bijgestuurd**. Per thema staat eerst de duiding van de evaluator, daarna "
            "wat deelnemers naar voren brachten. De cijfers en citaten zijn met het programma narratief "
            "berekend uit gepseudonimiseerde gespreksverslagen.")


def build_chapter(inputs: ReportInputs, year: int, out_dir: Path) -> ChapterSource:
    """Write `hoofdstuk.qmd`, `_quarto.yml` and `figuren/*.png` for `year` into `out_dir`.

    Args:
        inputs: the pseudonymised report inputs.
        year: the report year (must have data).
        out_dir: usually `MAP/output/rapport/`.

    Returns:
        The `ChapterSource` to pass to `render_chapter`.

    Raises:
        ReportError: N602 when `year` has no data; N608 when a template is missing.
    """
    if year not in inputs.years():
        raise ReportError("N602", f"geen gegevens voor jaar {year}; beschikbaar: "
                          + ", ".join(map(str, inputs.years())))
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    cb = inputs.codebook
    book = QuoteBook(inputs.segments)
    dev = development_figure(inputs.theme_year, cb, out_dir)
    bars = themes_year_figure(inputs.theme_year, cb, year, out_dir)
    heat = split_heatmap(inputs.theme_split, cb, year, out_dir)
    cooc = cooccurrence_figure(inputs.cooccurrence, cb, year, out_dir)
    sections = [theme_section(inputs, year, i, t, book, out_dir) for i, t in enumerate(cb.themes, start=1)]
    text = string.Template(template_text("hoofdstuk.qmd")).substitute(
        year=year,
        subtitle=json.dumps(title_line(inputs), ensure_ascii=False),
        workspace=json.dumps(inputs.workspace, ensure_ascii=False),
        intro=intro_block(inputs, year),
        interviews=method.interviews_block(inputs.overview),
        participants=method.participants_block(inputs.segments, inputs.overview, year),
        coding=method.coding_block(cb, inputs.agreement, inputs.manifest),
        changes=changes_block(inputs, year),
        storylines=method.storylines_block(),
        agreement=method.agreement_block(inputs.agreement, cb),
        pseudonymisation=method.pseudonymisation_block(inputs.pseudonymisation),
        notes=method.notes_block(inputs.notes),
        coding_limit=method.coding_limit_sentence(inputs.agreement, inputs.manifest, year),
        overview=overview_block(inputs, year, bars, heat),
        themes="\n\n".join(s for s, _ in sections),
        cooccurrence=cooccurrence_block(inputs, year, cooc),
        topics=topics_block(inputs, book),
        development=development_block(inputs, dev),
        signals=signals_block(inputs, year, book),
        codebook=method.codebook_block(cb),
        manifest=method.manifest_block(inputs.manifest),
    )
    qmd = out_dir / "hoofdstuk.qmd"
    write_text(qmd, text)
    write_project(out_dir)
    trend = tuple(f for _, f in sections if f is not None)
    figs = tuple(f for f in (bars, heat, dev, cooc) if f is not None) + trend
    return ChapterSource(out_dir, qmd, year, f"narratief-onderzoek-{year}", figs)
