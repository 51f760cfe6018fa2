"""Static figures of the chapter (PNG, matplotlib), with Dutch titles, axis labels and alt text.

Figures are drawn on `matplotlib.figure.Figure` objects directly (Agg canvas), so nothing touches
pyplot's global state or the process-wide backend. Every function writes one PNG atomically and
returns a `FigureInfo` whose caption says what to see. Labels are wrapped, never cut; numbers use
the Dutch decimal comma; bars are sorted.
"""

from __future__ import annotations

import hashlib
import io
import json
import math
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from codebook.model import Codebook
from nlp.io import write_bytes, write_json

_COLOURS = ("#1b6ca8", "#d1495b", "#edae49", "#00798c", "#66a182", "#8d6a9f", "#30638e")
_METADATA = {"Software": None}  # no version or time stamp in the PNG: same inputs, same bytes
FIGURES_VERSION = "1"  # bump when any figure is drawn differently: remembered figures are drawn again
SOURCES_FILE = "figuren.json"


@dataclass(frozen=True)
class FigureInfo:
    """A written figure: `path` relative to the chapter folder, caption and alt text in Dutch."""

    path: str
    caption: str
    alt: str


def wrap(name: str, width: int = 28) -> str:
    """A label wrapped over lines (never shortened)."""
    return "\n".join(textwrap.wrap(str(name), width=width)) or str(name)


def decimal(value: float, digits: int = 1) -> str:
    """A number with a Dutch decimal comma; rounding to zero never shows a minus sign."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    text = f"{float(value):.{digits}f}"
    if text.lstrip("-").strip("0.") == "":
        text = text.lstrip("-")
    return text.replace(".", ",")


def pct(value: float, digits: int = 1) -> str:
    """A share (0..1) as a Dutch percentage, e.g. 0.125 -> '12,5%'."""
    return decimal(100 * float(value), digits) + "%"


def _pct_axis():
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda v, _pos: decimal(v, 0) + "%")


def _figure(**kwargs):
    """A matplotlib Figure; matplotlib is imported on first drawing, not when the module loads."""
    from matplotlib.figure import Figure

    return Figure(**kwargs)


def _save(fig, out_dir: Path, name: str) -> str:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(fig)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=150, bbox_inches="tight", metadata=_METADATA)
    target = out_dir / "figuren" / name
    write_bytes(target, buffer.getvalue())
    return f"figuren/{name}"


def _drawn(out_dir: Path, name: str, inputs: tuple, draw: Callable[[], Any]) -> str:
    """`figuren/<name>`: drawn by `draw` (which returns the Figure) unless the PNG already there was
    drawn from the same `inputs` (everything the picture depends on) by this version of the code.

    Drawing is most of the cost of building the chapter, and a re-run after a small change of the
    corpus often leaves a figure's numbers as they were. `figuren/figuren.json` remembers per figure
    the hash of its inputs and of the PNG (hashes only); a PNG changed by hand is drawn again.
    """
    record_path = out_dir / "figuren" / SOURCES_FILE
    try:
        record = json.loads(record_path.read_text(encoding="utf-8"))
        record = record if isinstance(record, dict) else {}
    except (OSError, ValueError):
        record = {}
    source = _inputs_hash(name, inputs)
    target = out_dir / "figuren" / name
    known = record.get(name)
    if isinstance(known, dict) and known.get("inputs") == source and target.is_file() \
            and hashlib.sha256(target.read_bytes()).hexdigest() == known.get("png"):
        return f"figuren/{name}"
    path = _save(draw(), out_dir, name)
    record[name] = {"inputs": source, "png": hashlib.sha256(target.read_bytes()).hexdigest()}
    write_json(record, record_path)
    return path


def _inputs_hash(name: str, inputs: tuple) -> str:
    from nlp.runtime import package_version

    digest = hashlib.sha256(f"{FIGURES_VERSION}\x00{package_version('matplotlib')}\x00{name}".encode("utf-8"))
    for part in inputs:
        if isinstance(part, pd.DataFrame):
            text = part.to_csv(index=False)
        elif isinstance(part, Codebook):
            text = repr([(t.id, t.name) for t in part.themes])
        else:
            text = repr(part)
        digest.update(b"\x00" + text.encode("utf-8"))
    return digest.hexdigest()


def _overall(theme_year: pd.DataFrame) -> pd.DataFrame:
    return theme_year[theme_year["lens"].fillna("").astype(str) == ""]


def _series(data: pd.DataFrame, theme: str) -> tuple[list[int], np.ndarray, np.ndarray, np.ndarray]:
    rows = data[data["theme"] == theme].sort_values("year")
    years = [int(y) for y in rows["year"]]
    share = 100 * rows["share"].astype(float).to_numpy()
    low = 100 * (rows["ci_low"].astype(float).to_numpy() if "ci_low" in rows else np.full(len(rows), np.nan))
    high = 100 * (rows["ci_high"].astype(float).to_numpy() if "ci_high" in rows else np.full(len(rows), np.nan))
    return years, share, low, high


def _trend_panel(ax, years: list[int], share: np.ndarray, low: np.ndarray, high: np.ndarray, colour: str,
                 all_years: list[int], top: float) -> None:
    ok = np.isfinite(low) & np.isfinite(high)
    if ok.any():
        ax.fill_between(np.array(years)[ok], low[ok], high[ok], color=colour, alpha=0.15, linewidth=0)
        ax.errorbar(np.array(years)[ok], share[ok], yerr=[share[ok] - low[ok], high[ok] - share[ok]],
                    fmt="none", ecolor=colour, elinewidth=1, capsize=3)
    ax.plot(years, share, marker="o", color=colour, linewidth=2)
    for x, y in zip(years, share):
        ax.annotate(decimal(y) + "%", (x, y), textcoords="offset points", xytext=(0, 7), ha="center", fontsize=8)
    ax.set_xticks(all_years, [str(y) for y in all_years])
    ax.set_xlim(all_years[0] - 0.4, all_years[-1] + 0.4) if all_years else None
    ax.set_ylim(0, top)
    ax.yaxis.set_major_formatter(_pct_axis())
    ax.grid(axis="y", alpha=0.3)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)


def _top(data: pd.DataFrame) -> float:
    values = [data["share"].astype(float).max()]
    if "ci_high" in data:
        values.append(data["ci_high"].astype(float).max())
    finite = [v for v in values if v is not None and not math.isnan(v)]
    return max(5.0, 100 * max(finite, default=0.05) * 1.15)


def theme_trend_figure(theme_year: pd.DataFrame, codebook: Codebook, theme_id: str, out_dir: Path,
                       change_words: str = "") -> FigureInfo | None:
    """One theme's share of segments per year with its 95%-interval (`figuren/verloop-<theme>.png`)."""
    data = _overall(theme_year)
    years, share, low, high = _series(data, theme_id)
    if not years:
        return None
    all_years = sorted(int(y) for y in data["year"].unique())
    index = [t.id for t in codebook.themes].index(theme_id) if theme_id in [t.id for t in codebook.themes] else 0
    def draw():
        fig = _figure(figsize=(6.2, 2.6))
        ax = fig.add_subplot()
        _trend_panel(ax, years, share, low, high, _COLOURS[index % len(_COLOURS)], all_years, _top(data))
        ax.set_ylabel("Aandeel segmenten")
        return fig

    path = _drawn(out_dir, f"verloop-{theme_id}.png", (years, share.tolist(), low.tolist(), high.tolist(), index,
                                                       all_years, _top(data)), draw)
    name = codebook.get(theme_id).name
    steps = ", ".join(f"{y}: {decimal(v)}%" for y, v in zip(years, share))
    caption = (f"Hoe vaak dit thema ter sprake kwam per jaar (aandeel segmenten; de band is het "
               f"95%-interval). {change_words}".strip())
    alt = f"Lijngrafiek van het aandeel segmenten over {name} per jaar: {steps}."
    return FigureInfo(path, caption, alt)


def development_figure(theme_year: pd.DataFrame, codebook: Codebook, out_dir: Path) -> FigureInfo:
    """Small multiples: per theme its share of segments over all years with intervals
    (`figuren/ontwikkeling.png`)."""
    data = _overall(theme_year)
    all_years = sorted(int(y) for y in data["year"].unique())
    themes = [t for t in codebook.themes if not data[data["theme"] == t.id].empty]
    cols = min(3, max(1, len(themes)))
    rows = max(1, math.ceil(len(themes) / cols))
    top = _top(data)
    series = [_series(data, theme.id) for theme in themes]
    alt_parts = [f"{theme.name} (" + ", ".join(f"{y}: {decimal(v)}%" for y, v in zip(years, share)) + ")"
                 for theme, (years, share, _, _) in zip(themes, series)]

    def draw():
        fig = _figure(figsize=(3.3 * cols, 2.9 * rows))
        for i, (theme, (years, share, low, high)) in enumerate(zip(themes, series)):
            ax = fig.add_subplot(rows, cols, i + 1)
            _trend_panel(ax, years, share, low, high, _COLOURS[i % len(_COLOURS)], all_years, top)
            ax.set_title(wrap(theme.name, 34), fontsize=8.5, loc="left")
            ax.tick_params(labelsize=8)
        fig.tight_layout()
        return fig

    path = _drawn(out_dir, "ontwikkeling.png", (data, codebook, all_years), draw)
    span = f"{all_years[0]}–{all_years[-1]}" if len(all_years) > 1 else (str(all_years[0]) if all_years else "")
    caption = (f"Aandeel segmenten per thema, {span}, met 95%-interval (band). Lijnen die ver boven of onder "
               "de band van het vorige jaar uitkomen, wijzen op een echte verandering; overlappende banden niet.")
    alt = "Kleine lijngrafieken van het aandeel segmenten per thema per jaar. " + "; ".join(alt_parts) + "."
    return FigureInfo(path, caption, alt)


def themes_year_figure(theme_year: pd.DataFrame, codebook: Codebook, year: int,
                       out_dir: Path) -> FigureInfo:
    """Horizontal bars, sorted: share of segments per theme in `year` (`figuren/thema-<year>.png`)."""
    data = _overall(theme_year)
    data = data[data["year"].astype(int) == year]
    pairs = []
    for theme in codebook.themes:
        rows = data[data["theme"] == theme.id]
        pairs.append((theme.name, float(rows["share"].iloc[0]) if not rows.empty else 0.0))
    pairs.sort(key=lambda p: (-p[1], p[0]))
    def draw():
        fig = _figure(figsize=(7.5, 0.75 * len(pairs) + 0.8))
        ax = fig.add_subplot()
        positions = list(range(len(pairs)))[::-1]
        ax.barh(positions, [100 * v for _, v in pairs], color=_COLOURS[0])
        ax.set_yticks(positions, [wrap(n, 36) for n, _ in pairs], fontsize=8.5)
        for y, (_, v) in zip(positions, pairs):
            ax.annotate(pct(v), (100 * v, y), textcoords="offset points", xytext=(4, 0), va="center", fontsize=8.5)
        ax.xaxis.set_major_formatter(_pct_axis())
        ax.set_xlabel("Aandeel segmenten")
        ax.set_xlim(0, max([100 * v for _, v in pairs] + [1]) * 1.18)
        ax.grid(axis="x", alpha=0.3)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        return fig

    path = _drawn(out_dir, f"thema-{year}.png", (pairs,), draw)
    caption = (f"Aandeel segmenten per thema in {year}, van vaakst naar minst vaak besproken. "
               f"Het meest kwam '{pairs[0][0]}' ter sprake." if pairs else f"Aandeel segmenten per thema in {year}.")
    alt = f"Staafdiagram van het aandeel segmenten per thema in {year}: " + "; ".join(
        f"{n}: {pct(v)}" for n, v in pairs) + "."
    return FigureInfo(path, caption, alt)


def split_heatmap(theme_split: pd.DataFrame, codebook: Codebook, year: int, out_dir: Path) -> FigureInfo | None:
    """Heat map theme x (interview type, wijk): the share of each group's segments about each theme
    (`figuren/thema-wijk-<year>.png`); None without data."""
    data = theme_split[(theme_split["year"].astype(int) == year) & (theme_split["lens"].fillna("").astype(str) == "")]
    if data.empty:
        return None
    columns = [("type", v) for v in sorted(data.loc[data["split"] == "type", "value"].unique())]
    columns += [("wijk", v) for v in sorted(data.loc[data["split"] == "wijk", "value"].unique())]
    themes = list(codebook.themes)
    matrix = np.zeros((len(themes), len(columns)))
    for i, theme in enumerate(themes):
        for j, (split, value) in enumerate(columns):
            hit = data[(data["theme"] == theme.id) & (data["split"] == split) & (data["value"] == value)]
            matrix[i, j] = 100 * float(hit["share"].iloc[0]) if not hit.empty else 0.0
    labels = [wrap(("gesprek: " if s == "type" else "") + str(v), 14) for s, v in columns]

    def draw():
        fig = _figure(figsize=(1.05 * len(columns) + 3.6, 0.7 * len(themes) + 1.6))
        ax = fig.add_subplot()
        image = ax.imshow(matrix, cmap="Blues", vmin=0, aspect="auto")
        ax.set_xticks(range(len(columns)), labels, fontsize=8)
        ax.set_yticks(range(len(themes)), [wrap(t.name, 34) for t in themes], fontsize=8)
        ax.tick_params(top=True, labeltop=True, bottom=False, labelbottom=False)
        limit = matrix.max() or 1.0
        for i in range(len(themes)):
            for j in range(len(columns)):
                ax.text(j, i, decimal(matrix[i, j], 0) + "%", ha="center", va="center", fontsize=8,
                        color="white" if matrix[i, j] > 0.6 * limit else "#1f2328")
        n_types = sum(1 for s, _ in columns if s == "type")
        if 0 < n_types < len(columns):
            ax.axvline(n_types - 0.5, color="white", linewidth=3)
        colourbar = fig.colorbar(image, ax=ax, fraction=0.04, pad=0.02)
        colourbar.ax.yaxis.set_major_formatter(_pct_axis())
        colourbar.set_label("Aandeel segmenten van de groep", fontsize=8)
        return fig

    path = _drawn(out_dir, f"thema-wijk-{year}.png", (matrix.tolist(), columns, labels, codebook), draw)
    best = np.unravel_index(int(np.argmax(matrix)), matrix.shape)
    caption = (f"Welk deel van wat er per type gesprek en per wijk werd gezegd over elk thema ging, {year}. "
               "Donkerder is vaker; vergelijk binnen een kolom welke thema's daar de boventoon voerden. Het "
               f"hoogste aandeel: '{themes[best[0]].name}' bij {labels[best[1]].replace(chr(10), ' ')}.")
    alt = f"Warmtekaart van het aandeel segmenten per thema naar type gesprek en wijk in {year}: " + "; ".join(
        f"{t.name}: " + ", ".join(f"{labels[j].replace(chr(10), ' ')} {decimal(matrix[i, j], 0)}%"
                                  for j in range(len(columns))) for i, t in enumerate(themes)) + "."
    return FigureInfo(path, caption, alt)


def cooccurrence_figure(cooccurrence: pd.DataFrame, codebook: Codebook, year: int,
                        out_dir: Path) -> FigureInfo | None:
    """Heat map of Jaccard overlap between themes at segment level; None without data."""
    data = cooccurrence[(cooccurrence["year"].astype(int) == year) & (cooccurrence["level"] == "segment")]
    if data.empty:
        return None
    ids = [t.id for t in codebook.themes]
    matrix = np.full((len(ids), len(ids)), np.nan)
    for r in data.itertuples():
        if r.theme_a in ids and r.theme_b in ids:
            a, b = ids.index(r.theme_a), ids.index(r.theme_b)
            matrix[a][b] = matrix[b][a] = float(r.jaccard)
    def draw():
        fig = _figure(figsize=(7, 5.6))
        ax = fig.add_subplot()
        image = ax.imshow(np.nan_to_num(matrix), cmap="Blues", vmin=0)
        labels = [wrap(t.name, 26) for t in codebook.themes]
        ax.set_xticks(range(len(ids)), labels, rotation=40, ha="right", fontsize=7)
        ax.set_yticks(range(len(ids)), labels, fontsize=7)
        limit = np.nanmax(matrix) if np.isfinite(matrix).any() else 1.0
        for i in range(len(ids)):
            for j in range(len(ids)):
                if i != j and np.isfinite(matrix[i, j]):
                    ax.text(j, i, decimal(matrix[i, j], 2), ha="center", va="center", fontsize=7,
                            color="white" if matrix[i, j] > 0.6 * limit else "#1f2328")
        bar = fig.colorbar(image, ax=ax, label="Jaccard-overlap")
        from matplotlib.ticker import FuncFormatter

        bar.ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _p: decimal(v, 2)))
        return fig

    path = _drawn(out_dir, f"dwarsverbanden-{year}.png", (matrix.tolist(), codebook), draw)
    strongest = data.sort_values(["jaccard", "theme_a", "theme_b"], ascending=[False, True, True]).head(3)
    pairs = "; ".join(f"{codebook.get(r.theme_a).name} en {codebook.get(r.theme_b).name} ({decimal(r.jaccard, 2)})"
                      for r in strongest.itertuples() if r.theme_a in ids and r.theme_b in ids)
    caption = (f"Thema's die in {year} in hetzelfde segment samen voorkwamen (Jaccard-overlap; donkerder is "
               "vaker samen). Donkere vakken wijzen op thema's die deelnemers in één adem noemen.")
    alt = f"Warmtekaart van de overlap tussen thema's in {year}. Sterkste paren: {pairs}."
    return FigureInfo(path, caption, alt)
