"""The edition for the learning community ("deel"): aggregated, suppressed, coarsened.

Rules:
- Helmond's themes are also expressed in the national PmG themes (the codebook's `national`
  crosswalk); national totals count each segment once, even when several of its themes map to
  the same national theme (needs the segment table).
- Only aggregated figures. A cell with fewer than `min_segments` segments is shown as "<5" and one
  with fewer than `min_interviews` interviews as "–"/"<3"; when exactly one cell of a split
  (e.g. partnergroep/wijk) is suppressed, the next smallest is suppressed too, so it cannot be
  derived from the theme total.
- No wijk-level figures unless `allow_wijk`.
- Quotes only where a reviewer marked the address (doc, turn, part) shareable, coarsened by
  `reports.coarsen.coarsen`, attributed only by interview type and year.
- No pseudonym list, no key, no speaker labels, no document names, no per-person detail.

Example:
    >>> edition = build_shared_edition(inputs, 2025, Path("MAP/output/deel"), ShareSettings())
    >>> [p.name for p in edition.files]
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import pandas as pd

from analysis.evidence import (MIN_WORDS, evidence_mask, is_interviewer_label, is_introduction, is_question_only,
                               words)
from reports.chapter import LENS_TITLES, VERDICT_WORDS, title_line, write_project
from reports.coarsen import coarsen
from reports.errors import ReportError
from reports.figures import pct
from reports.inputs import ReportInputs
from nlp.io import write_text
from reports.markdown import escape, table
from reports.render import FORMATS, render_document

FOOTNOTE = "[^klein]"


@dataclass(frozen=True)
class ShareSettings:
    """Settings of the shared edition (from narratief.toml, section [deel])."""

    min_segments: int = 5
    min_interviews: int = 3
    allow_wijk: bool = False
    quotes_per_theme: int = 3
    places: tuple[str, ...] = ()  # extra place names to coarsen to "een plek"

    def __post_init__(self) -> None:
        if self.min_segments < 1 or self.min_interviews < 1 or self.quotes_per_theme < 0:
            raise ReportError("N609", "minimale aantallen voor de gedeelde editie moeten minstens 1 zijn")


@dataclass(frozen=True)
class SharedEdition:
    """The written edition: its source, rendered files, engine, and what was held back."""

    source: Path
    files: tuple[Path, ...]
    engine: str
    suppressed_cells: int
    quotes: int
    reused: bool = False  # the rendered files of the last run (same source): not rendered again


class _Cells:
    """Formats counts with suppression and counts what was suppressed."""

    def __init__(self, settings: ShareSettings):
        self.s = settings
        self.suppressed = 0

    def small(self, segments: int, interviews: int) -> bool:
        return segments < self.s.min_segments or interviews < self.s.min_interviews

    def row(self, segments: int, share: float, interviews: int, force: bool = False) -> tuple[str, str, str]:
        if segments < self.s.min_segments:
            self.suppressed += 1
            return f"<{self.s.min_segments}", "–", "–"
        if interviews < self.s.min_interviews or force:
            self.suppressed += 1
            return "–", "–", f"<{self.s.min_interviews}" if interviews < self.s.min_interviews else "–"
        return str(segments), pct(share), str(interviews)


def _lens(frame: pd.DataFrame) -> pd.Series:
    return frame["lens"].fillna("").astype(str)


def _all_suppressed(rows: list[tuple], column: int, settings: ShareSettings) -> str | None:
    """One sentence instead of a table whose every count is suppressed (it would show only dashes)."""
    if rows and not any(str(r[column]).isdigit() for r in rows):
        return (f"Alle cellen van deze tabel vallen onder de drempel (minder dan {settings.min_segments} "
                f"segmenten of {settings.min_interviews} gesprekken); daarom is de tabel weggelaten.")
    return None


def _crosswalk(inputs: ReportInputs) -> str:
    rows = [(t.name, "; ".join(t.national) or "–") for t in inputs.codebook.themes]
    place = inputs.municipality.strip() or "De gemeente"
    return (f"{escape(place)} werkt met {len(inputs.codebook.themes)} eigen thema's. Landelijk groepeert Preventie "
            "met Gezag risico- en "
            f"beschermende factoren in {len(inputs.profile.national_themes)} andere thema's. Zo verhouden ze zich:\n\n"
            + table([f"Thema {inputs.municipality.strip() or 'gemeente'}", "Landelijke PmG-thema's"], rows, caption="Vertaling naar de landelijke thema's"))


def _national(inputs: ReportInputs, year: int, cells: _Cells) -> str:
    seg = inputs.segments
    if seg is None:
        return "Cijfers per landelijk thema zijn niet beschikbaar: de segmenttabel ontbreekt."
    seg = seg[seg["year"].astype(int) == year]
    mapping = {t.id: set(t.national) for t in inputs.codebook.themes}
    total = max(len(seg), 1)
    rows = []
    for nat in inputs.profile.national_themes:
        mask = seg["themes"].astype(str).map(lambda s: any(nat in mapping.get(t, ()) for t in s.split(";") if t))
        hits = seg[mask]
        rows.append((nat, *cells.row(len(hits), len(hits) / total, hits["doc"].nunique())))
    empty = _all_suppressed(rows, 1, cells.s)
    if empty:
        return empty
    return table(["Landelijk thema", "Segmenten", "Aandeel", "Gesprekken"], rows, "lrrr",
                 caption=f"Segmenten per landelijk thema, {year}")


def _helmond(inputs: ReportInputs, year: int, cells: _Cells) -> str:
    ty = inputs.theme_year
    change = inputs.theme_change
    rows = []
    for theme in inputs.codebook.themes:
        for lens_id, label in [("", "thema als geheel")] + [(l.id, LENS_TITLES.get(l.id, l.name).lower())
                                                            for l in inputs.codebook.lenses]:
            hit = ty[(ty["year"].astype(int) == year) & (ty["theme"] == theme.id) & (_lens(ty) == lens_id)]
            if hit.empty:
                continue
            r = hit.iloc[0]
            seg, share, n = cells.row(int(r["segments"]), float(r["share"]), int(r["interviews"]))
            verdict = "–"
            ch = change[(change["year"].astype(int) == year) & (change["theme"] == theme.id) & (_lens(change) == lens_id)]
            prev = ty[(ty["year"].astype(int) == year - 1) & (ty["theme"] == theme.id) & (_lens(ty) == lens_id)]
            if not ch.empty and seg.isdigit() and not prev.empty and not cells.small(
                    int(prev.iloc[0]["segments"]), int(prev.iloc[0]["interviews"])):
                verdict = VERDICT_WORDS.get(str(ch.iloc[0]["verdict"]), str(ch.iloc[0]["verdict"]))
            rows.append((theme.name if not lens_id else "", label, seg, share, n, verdict))
    empty = _all_suppressed(rows, 2, cells.s)
    if empty:
        return empty
    return table(["Thema", "Onderdeel", "Segmenten", "Aandeel", "Gesprekken", "Verandering t.o.v. vorig jaar"],
                 rows, "llrrrl", caption=f"Segmenten per thema en onderdeel, {year}", widths=(6, 4, 3, 3, 3, 5))


def _split(inputs: ReportInputs, year: int, split: str, cells: _Cells) -> str:
    data = inputs.theme_split
    data = data[(data["year"].astype(int) == year) & (data["split"] == split) & (_lens(data) == "")]
    rows = []
    for theme in inputs.codebook.themes:
        part = data[data["theme"] == theme.id].sort_values("segments")
        small = [cells.small(int(r.segments), int(r.interviews)) for r in part.itertuples()]
        force = [False] * len(small)
        if sum(small) == 1 and len(small) > 1:  # secondary suppression: smallest other cell
            force[next(i for i, s in enumerate(small) if not s)] = True
        for r, f in zip(part.itertuples(), force):
            rows.append((theme.name, r.value, *cells.row(int(r.segments), float(r.share), int(r.interviews), f)))
    label = "Type gesprek" if split == "type" else "Wijk"
    empty = _all_suppressed(rows, 2, cells.s)
    if empty:
        return empty
    return table(["Thema", label, "Segmenten", "Aandeel", "Gesprekken"], rows, "llrrr",
                 caption=f"Segmenten per thema naar {label.lower()}, {year}")


MAX_MARKERS = 2  # a quote naming more pseudonymised people or places than this stays too identifying
REASONS = {
    "rol": "geen uitspraak van een deelnemer (gespreksleider, voorstelronde of alleen een vraag)",
    "kort": f"te kort om op zichzelf te lezen (minder dan {MIN_WORDS} woorden)",
    "herleidbaar": f"te herleidbaar, ook na vergroving (meer dan {MAX_MARKERS} pseudoniemen)",
    "thema": "hoort bij geen thema van het codeboek",
    "vol": "bij dit thema stonden al genoeg citaten",
    "weg": "niet meer te vinden in de gecodeerde gesprekken",
}


def _candidates(inputs: ReportInputs, year: int) -> tuple[list[dict], Counter]:
    """Every address marked shareable of `year`, with its text and theme; unknown addresses counted."""
    rows: dict[tuple[str, int, int], dict] = {}
    q = inputs.quotes[inputs.quotes["year"].astype(int) == year].sort_values("rank")
    for r in q.to_dict("records"):
        rows.setdefault((str(r["doc"]), int(r["turn"]), int(r["part"])), r)
    seg = inputs.segments
    if seg is not None and "text" in seg.columns:
        order = [t.id for t in inputs.codebook.themes]
        for r in seg.to_dict("records"):
            key = (str(r["doc"]), int(r["turn"]), int(r["part"]))
            themes = [t for t in str(r.get("themes") or "").split(";") if t in order]
            rows[key] = {**rows.get(key, {}), **r,
                         "theme": rows.get(key, {}).get("theme") or (min(themes, key=order.index) if themes else "")}
    found, missing = [], Counter()
    for key in sorted(inputs.shareable):
        row = rows.get(key)
        if row is None:
            missing["weg"] += 1
        elif int(row["year"]) == year:
            found.append(row)
    return found, missing


def _quotes(inputs: ReportInputs, year: int, settings: ShareSettings) -> tuple[str, int]:
    """Shareable quotes per theme, coarsened; and why any shareable quote was left out."""
    candidates, left_out = _candidates(inputs, year)
    frame = pd.DataFrame(candidates)
    ok = evidence_mask(frame.assign(text=frame["text"].astype(str))) if not frame.empty else []
    per_theme: dict[str, list[dict]] = {}
    for row, good in zip(candidates, ok):
        text = str(row["text"])
        if is_interviewer_label(row.get("speaker")) or is_introduction(text) or is_question_only(text):
            left_out["rol"] += 1
        elif words(text) < MIN_WORDS:
            left_out["kort"] += 1
        elif len(re.findall(r"\[[^\]]*\]", text)) > MAX_MARKERS:
            left_out["herleidbaar"] += 1
        elif not good:
            left_out["rol"] += 1
        elif not row.get("theme"):
            left_out["thema"] += 1
        elif len(per_theme.setdefault(row["theme"], [])) >= settings.quotes_per_theme:
            left_out["vol"] += 1
        else:
            per_theme[row["theme"]].append(row)
    out, count = [], 0
    for theme in inputs.codebook.themes:
        mine = per_theme.get(theme.id, [])
        if not mine:
            continue
        out.append(f"## {escape(theme.name)}")
        for r in mine:
            text = coarsen(str(r["text"]), settings.places, inputs.profile)
            where = f"{r['type']}gesprek" if r["type"] == "wijk" else str(r["type"])
            out.append(f"> {escape(text)}\n>\n> — {escape(where)}, {int(r['year'])}")
            count += 1
    if not out:
        out.append("Voor dit jaar zijn geen citaten als deelbaar gemarkeerd." if not candidates and not left_out
                   else "Geen van de als deelbaar gemarkeerde citaten kon worden opgenomen.")
    if left_out:
        rows = [(REASONS[k], n) for k, n in sorted(left_out.items(), key=lambda kv: (-kv[1], kv[0]))]
        out.append(f"Niet elk citaat dat als deelbaar is gemarkeerd staat hierboven; {sum(left_out.values())} "
                   "zijn weggelaten:\n\n" + table(["Reden", "Citaten"], rows, "lr",
                                                    caption="Weggelaten deelbare citaten"))
    return "\n\n".join(out), count


def _topics(inputs: ReportInputs, settings: ShareSettings) -> str:
    t = inputs.topics
    if t is None:
        return "Het onderwerpmodel is niet uitgevoerd."
    t = t[t["emergent"].astype(str).str.lower().isin(("true", "1")) & (t["size"].astype(int) >= settings.min_segments)]
    if t.empty:
        return "Er zijn geen nieuwe onderwerpen van voldoende omvang gevonden."
    lines = [f"- {escape(coarsen(', '.join(str(r.words).split()[:6]), settings.places, inputs.profile))} "
             f"({int(r.size)} segmenten{', groeiend' if str(r.growing).lower() in ('true', '1') else ''})"
             for r in t.sort_values(["size", "topic"], ascending=[False, True]).itertuples()]
    return ("Onderwerpen buiten de thema's van het codeboek, elk beschreven met zijn kernwoorden (zonder "
            "citaten: die zijn niet als deelbaar gemarkeerd):\n\n" + "\n".join(lines))


def build_shared_edition(inputs: ReportInputs, year: int, out_dir: Path, settings: ShareSettings = ShareSettings(),
                         formats: Sequence[str] = FORMATS, engine: str = "auto") -> SharedEdition:
    """Write the learning-community edition of `year` to `out_dir` and render it.

    Args:
        inputs: the report inputs (pseudonymised).
        year: the report year.
        out_dir: usually `MAP/output/deel/`.
        settings: suppression and sharing settings.
        formats: formats to render (empty: write the source only).
        engine: "auto", "quarto" or "pandoc" (see `reports.render`).

    Returns:
        `SharedEdition` with the source, the rendered files and the engine.

    Raises:
        ReportError: N602 without data for `year`; N603-N607 from rendering.
    """
    if year not in inputs.years():
        raise ReportError("N602", f"geen gegevens voor jaar {year}")
    out_dir = Path(out_dir)
    cells = _Cells(settings)
    s = settings
    wijk = (_split(inputs, year, "wijk", cells) if s.allow_wijk
            else "Cijfers per wijk zijn in deze editie weggelaten.")
    quotes, n_quotes = _quotes(inputs, year, s)
    title = json.dumps(f"Narratief onderzoek {year} – editie voor de lerende gemeenschap", ensure_ascii=False)
    subtitle = json.dumps(title_line(inputs), ensure_ascii=False)
    front = f'---\ntitle: {title}\nsubtitle: {subtitle}\nlang: nl\nparams:\n  year: {year}\n---'
    body = [
        front,
        "# Over deze editie",
        "Deze editie deelt de inzichten uit het narratief onderzoek van "
        f"{escape(inputs.municipality.strip() or 'de gemeente')} met andere gemeenten en het "
        "ministerie. Zij bevat alleen samengevoegde cijfers: aantallen onder de "
        f"{s.min_segments} segmenten of {s.min_interviews} gesprekken zijn onderdrukt.{FOOTNOTE} "
        + ("Cijfers per wijk staan erin. " if s.allow_wijk else "Cijfers per wijk staan er niet in. ")
        + "Citaten staan er alleen in als een beoordelaar ze als deelbaar heeft gemarkeerd. Daarin zijn "
        "pseudoniemen vervangen door \\[persoon\\], wijken en buurten door \"een wijk\" of \"een buurt\", "
        "scholen door \"een school\", straten door \"een straat\" en leeftijden door leeftijdsgroepen. "
        "Deze editie bevat geen pseudoniemenlijst, geen sleutel en geen gegevens per persoon.",
        f"{FOOTNOTE}: Een cel met minder dan {s.min_segments} segmenten staat als \"\\<{s.min_segments}\"; "
        f"een cel met minder dan {s.min_interviews} gesprekken, of een cel waaruit een onderdrukte cel af te "
        "leiden zou zijn, staat als \"–\".",
        "# Thema's en de landelijke PmG-thema's", _crosswalk(inputs),
        "# Cijfers per landelijk thema", _national(inputs, year, cells),
        f"# Cijfers per thema van {inputs.municipality.strip() or 'de gemeente'}", _helmond(inputs, year, cells),
        "# Naar type gesprek", _split(inputs, year, "type", cells),
        "# Naar wijk", wijk,
        "# Citaten", quotes,
        "# Nieuwe onderwerpen", _topics(inputs, s),
    ]
    source = out_dir / f"deel-{year}.qmd"
    write_text(source, "\n\n".join(body) + "\n")
    write_project(out_dir)
    files: tuple[Path, ...] = ()
    used, reused = "geen", False
    if formats:
        result = render_document(source, f"narratief-deel-{year}", formats, engine)
        files, used, reused = result.files, result.engine, result.reused
    return SharedEdition(source, files, used, cells.suppressed, n_quotes, reused)
