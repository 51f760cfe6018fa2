"""Build the chapter "Narratief onderzoek" as a Quarto source: `hoofdstuk.qmd`, `_quarto.yml`,
`figuren/*.png`. All figures and tables are computed here, so rendering runs no code.

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

import pandas as pd

from codebook.model import Code
from reports import method
from reports.errors import ReportError
from reports.figures import (FigureInfo, cooccurrence_figure, development_figure, pct,
                             themes_year_figure)
from reports.inputs import ReportInputs
from reports.markdown import blockquote, demote_headings, escape, figure, table, write_atomic

LENS_TITLES = {"resultaat": "Resultaten", "opbrengst": "Opbrengst voor wijk en stad", "bijsturen": "Bijsturen"}
NO_INTERPRETATION = "Nog geen interpretatie van de evaluator voor dit thema."
QUOTES_PER_PART = 3
VERDICT_WORDS = {"toename": "een duidelijke toename", "afname": "een duidelijke afname",
                 "geen duidelijke verandering": "geen duidelijke verandering"}


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


PROJECT_FILES = ("hoofdstuk.css", "referentie.docx", "hoofdstuk-typst.typ")


def write_project(out_dir: Path) -> None:
    """Write `_quarto.yml` and the style files it names (CSS, reference DOCX, Typst rules)."""
    write_project(out_dir)
    for name in PROJECT_FILES:
        try:
            data = resources.files("reports").joinpath("templates", name).read_bytes()
        except OSError:
            raise ReportError("N608", f"sjabloon '{name}' ontbreekt in de installatie") from None
        write_atomic(out_dir / name, data)


def _lens(frame: pd.DataFrame) -> pd.Series:
    return frame["lens"].fillna("").astype(str)


def _row(frame: pd.DataFrame, **match: object) -> pd.Series | None:
    mask = pd.Series(True, index=frame.index)
    for col, val in match.items():
        series = _lens(frame) if col == "lens" else frame[col]
        mask &= (series.astype(int) == val) if col in ("year",) else (series == val)
    hits = frame[mask]
    return None if hits.empty else hits.iloc[0]


def change_sentence(change: pd.DataFrame, year: int, theme: str, lens: str) -> str:
    """The change since last year in words: shares, difference, interval and verdict."""
    row = _row(change, year=year, theme=theme, lens=lens)
    if row is None:
        return "Er is geen vorig jaar om mee te vergelijken."
    diff, low, high = (100 * float(row[c]) for c in ("diff", "ci_low", "ci_high"))
    verdict = VERDICT_WORDS.get(str(row["verdict"]), escape(row["verdict"]))
    return (f"Ten opzichte van {int(row['prev_year'])} is er {verdict}: het aandeel ging van "
            f"{pct(row['prev_share'])} naar {pct(row['share'])} ({method.num(diff, 1, sign=True)} procentpunt; "
            f"bootstrap-interval {method.num(low, 1, sign=True)} tot {method.num(high, 1, sign=True)} procentpunt, "
            f"{int(row['n_boot'])} trekkingen).")


def attribution(row: pd.Series) -> str:
    """Quote attribution: document, interview type, wijk, year (never the speaker)."""
    return f"{row['doc']}, {row['type']}, {row['wijk']}, {int(row['year'])}"


def _quotes(inputs: ReportInputs, year: int, theme: str, lens: str) -> str:
    q = inputs.quotes
    q = q[(q["year"].astype(int) == year) & (q["theme"] == theme) & (_lens(q) == lens)]
    q = q.sort_values("rank").head(QUOTES_PER_PART)
    if q.empty:
        return "_Geen citaten voor dit onderdeel._"
    return "\n\n".join(blockquote(r["text"], attribution(r)) for _, r in q.iterrows())


def _part(inputs: ReportInputs, year: int, theme: Code, lens: Code) -> str:
    title = LENS_TITLES.get(lens.id, lens.name)
    row = _row(inputs.theme_year, year=year, theme=theme.id, lens=lens.id)
    if row is None:
        figures = f"In {year} zijn geen segmenten over dit onderdeel gecodeerd."
    else:
        figures = (f"In {year} gingen {int(row['segments'])} segmenten ({pct(row['share'])} van alle "
                   f"segmenten) uit {int(row['interviews'])} gesprekken over dit onderdeel.")
    change = change_sentence(inputs.theme_change, year, theme.id, lens.id)
    return f"## {title}\n\n{figures} {change}\n\n{_quotes(inputs, year, theme.id, lens.id)}"


def _theme_figures(inputs: ReportInputs, year: int, theme: Code, lenses: tuple[Code, ...]) -> str:
    rows = []
    for lens_id, label in [("", "Thema als geheel")] + [(l.id, LENS_TITLES.get(l.id, l.name)) for l in lenses]:
        row = _row(inputs.theme_year, year=year, theme=theme.id, lens=lens_id)
        ch = _row(inputs.theme_change, year=year, theme=theme.id, lens=lens_id)
        change = "–" if ch is None else f"{method.num(100 * float(ch['diff']), 1, sign=True)} pp ({ch['verdict']})"
        if row is None:
            rows.append((label, "0", "0,0%", "0", change))
        else:
            rows.append((label, int(row["segments"]), pct(row["share"]), int(row["interviews"]), change))
    split = inputs.theme_split
    split = split[(split["year"].astype(int) == year) & (split["theme"] == theme.id) & (_lens(split) == "")]
    split_rows = [("type gesprek" if r.split == "type" else "wijk", r.value, int(r.segments), pct(r.share),
                   int(r.interviews)) for r in split.sort_values(["split", "value"]).itertuples()]
    out = table(["Onderdeel", "Segmenten", "Aandeel", "Gesprekken", "Verandering"], rows, "lrrrl",
                caption=f"Kerncijfers {year}")
    if split_rows:
        out += "\n\n" + table(["Indeling", "Waarde", "Segmenten", "Aandeel", "Gesprekken"], split_rows,
                              "llrrr", caption=f"Naar type gesprek en wijk, {year}")
    return out


def theme_section(inputs: ReportInputs, year: int, number: int, theme: Code) -> str:
    """One theme: definition, figures, interpretation, and the three parts."""
    lenses = inputs.codebook.lenses
    interpretation = inputs.interpretations.get(theme.id, "").strip()
    parts = "\n\n".join(_part(inputs, year, theme, lens) for lens in lenses)
    overall = change_sentence(inputs.theme_change, year, theme.id, "")
    return (f"# Thema {number}: {escape(theme.name)}\n\n{escape(theme.definition)}\n\n"
            f"{_theme_figures(inputs, year, theme, lenses)}\n\n{overall}\n\n"
            f"## Interpretatie van de evaluator\n\n"
            f"{demote_headings(interpretation) if interpretation else '_' + NO_INTERPRETATION + '_'}\n\n"
            f"{parts}")


def cooccurrence_block(inputs: ReportInputs, year: int, fig: FigureInfo | None) -> str:
    """Themes that occur together."""
    data = inputs.cooccurrence
    data = data[data["year"].astype(int) == year]
    if data.empty:
        return "Er zijn geen gegevens over samen voorkomende thema's."
    name = {t.id: t.name for t in inputs.codebook.themes}
    rows = [(name.get(r.theme_a, r.theme_a), name.get(r.theme_b, r.theme_b),
             "segment" if r.level == "segment" else "gesprek", int(r.count), method.num(r.jaccard, 2))
            for r in data.sort_values(["level", "jaccard"], ascending=[False, False]).itertuples()]
    out = ("Welke thema's komen samen voor, in hetzelfde segment of in hetzelfde gesprek? De "
           "Jaccard-overlap is het aantal keer samen gedeeld door het aantal keer dat minstens één van "
           "beide voorkomt.\n\n")
    if fig:
        out += figure(fig.path, fig.caption, fig.alt) + "\n\n"
    return out + table(["Thema A", "Thema B", "Niveau", "Samen", "Jaccard"], rows, "lllrr",
                       caption=f"Samen voorkomende thema's, {year}")


def topics_block(inputs: ReportInputs) -> str:
    """Emergent topics: top words, growth, representative segments."""
    if inputs.topics is None:
        return "Het onderwerpmodel is niet uitgevoerd; er zijn geen nieuwe onderwerpen bepaald."
    emergent = inputs.topics[inputs.topics["emergent"].astype(str).str.lower().isin(("true", "1"))]
    if emergent.empty:
        return "Er zijn geen nieuwe onderwerpen gevonden die buiten de vijf thema's vallen."
    names = {t.id: t.name for t in inputs.codebook.themes}
    out = ["Onderwerpen die het onderwerpmodel in de gesprekken vond en die weinig lijken op de vijf "
           "thema's van het codeboek. Ze kunnen wijzen op iets nieuws dat aandacht verdient."]
    for r in emergent.sort_values("size", ascending=False).itertuples():
        growing = str(r.growing).lower() in ("true", "1")
        try:
            reps = [str(t) for t in json.loads(r.representative)][:2]
        except (TypeError, ValueError):
            reps = []
        out.append(f"## Onderwerp {int(r.topic)}: {escape(r.label)}\n\n"
                   f"Kernwoorden: {escape(', '.join(str(r.words).split()))}. {int(r.size)} segmenten; "
                   f"{'groeiend' if growing else 'niet groeiend'} ten opzichte van vorig jaar. Meest verwant "
                   f"thema: {escape(names.get(r.nearest_theme, r.nearest_theme))} (gelijkenis "
                   f"{method.num(r.similarity, 2)}).")
        out.extend(f"> {escape(text)}" for text in reps)
    return "\n\n".join(out)


def development_block(inputs: ReportInputs, fig: FigureInfo) -> str:
    """ONE figure of all themes over all years, with the numbers as a table."""
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
                    caption="Aandeel segmenten per thema per jaar"))


def signals_block(inputs: ReportInputs, year: int) -> str:
    """The closing list of signals to adjust."""
    data = inputs.signals[inputs.signals["year"].astype(int) == year]
    if data.empty:
        return "Er zijn dit jaar geen signalen om bij te sturen gevonden."
    name = {t.id: t.name for t in inputs.codebook.themes}
    order = {t.id: i for i, t in enumerate(inputs.codebook.themes)}
    data = data.assign(_o=data["theme"].map(order)).sort_values(["_o", "doc", "turn", "part"])
    lines = [f"- **{escape(name.get(r['theme'], r['theme']))}**: {escape(r['text'])} "
             f"_({escape(attribution(r))})_" for _, r in data.iterrows()]
    return "Uitspraken waarin deelnemers aangeven dat de aanpak moet worden bijgestuurd:\n\n" + "\n".join(lines)


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
    dev = development_figure(inputs.theme_year, cb, out_dir)
    bars = themes_year_figure(inputs.theme_year, cb, year, out_dir)
    cooc = cooccurrence_figure(inputs.cooccurrence, cb, year, out_dir)
    themes = "\n\n".join(theme_section(inputs, year, i, t) for i, t in enumerate(cb.themes, start=1))
    intro_fig = figure(bars.path, bars.caption, bars.alt)
    text = string.Template(template_text("hoofdstuk.qmd")).substitute(
        year=year,
        subtitle=json.dumps(f"Preventie met Gezag Helmond – {inputs.workspace}", ensure_ascii=False),
        workspace=json.dumps(inputs.workspace, ensure_ascii=False),
        interviews=method.interviews_block(inputs.overview) + "\n\n" + intro_fig,
        participants=method.participants_block(inputs.segments, inputs.overview, year),
        coding=method.coding_block(cb, inputs.agreement, inputs.manifest),
        agreement=method.agreement_block(inputs.agreement, cb),
        pseudonymisation=method.pseudonymisation_block(inputs.pseudonymisation),
        notes=method.notes_block(inputs.notes),
        coding_limit=method.coding_limit_sentence(inputs.agreement),
        themes=themes,
        cooccurrence=cooccurrence_block(inputs, year, cooc),
        topics=topics_block(inputs),
        development=development_block(inputs, dev),
        signals=signals_block(inputs, year),
        codebook=method.codebook_block(cb),
        manifest=method.manifest_block(inputs.manifest),
    )
    qmd = out_dir / "hoofdstuk.qmd"
    write_atomic(qmd, text)
    write_project(out_dir)
    figs = tuple(f for f in (bars, dev, cooc) if f is not None)
    return ChapterSource(out_dir, qmd, year, f"narratief-onderzoek-{year}", figs)
