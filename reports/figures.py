"""Static figures of the chapter (PNG, matplotlib), with Dutch titles, axis labels and alt text.

Figures are drawn on `matplotlib.figure.Figure` objects directly (Agg canvas), so nothing touches
pyplot's global state or the process-wide backend. Every function writes one PNG atomically and
returns a `FigureInfo` with the Dutch caption and alt text the chapter uses.
"""

from __future__ import annotations

import io
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from codebook.model import Codebook
from nlp.io import write_bytes

_COLOURS = ("#1b6ca8", "#d1495b", "#edae49", "#00798c", "#66a182", "#8d6a9f", "#30638e")


@dataclass(frozen=True)
class FigureInfo:
    """A written figure: `path` relative to the chapter folder, caption and alt text in Dutch."""

    path: str
    caption: str
    alt: str


def short_name(name: str, width: int = 38) -> str:
    """A theme name shortened for axis labels and legends."""
    return textwrap.shorten(name, width=width, placeholder="…")


def pct(value: float) -> str:
    """A share (0..1) as a Dutch percentage, e.g. 0.125 -> '12,5%'."""
    return f"{100 * float(value):.1f}%".replace(".", ",")


def _save(fig: Figure, out_dir: Path, name: str) -> str:
    FigureCanvasAgg(fig)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=150, bbox_inches="tight", metadata={"Software": None})
    target = out_dir / "figuren" / name
    write_bytes(target, buffer.getvalue())
    return f"figuren/{name}"


def _overall(theme_year: pd.DataFrame) -> pd.DataFrame:
    return theme_year[theme_year["lens"].fillna("").astype(str) == ""]


def development_figure(theme_year: pd.DataFrame, codebook: Codebook, out_dir: Path) -> FigureInfo:
    """ONE line chart: share of segments per theme over all years (`figuren/ontwikkeling.png`)."""
    data = _overall(theme_year)
    years = sorted(int(y) for y in data["year"].unique())
    fig = Figure(figsize=(8, 4.5))
    ax = fig.add_subplot()
    alt_parts = []
    for i, theme in enumerate(codebook.themes):
        rows = data[data["theme"] == theme.id].sort_values("year")
        if rows.empty:
            continue
        ax.plot(rows["year"].astype(int), 100 * rows["share"].astype(float), marker="o",
                color=_COLOURS[i % len(_COLOURS)], label=short_name(theme.name))
        steps = ", ".join(f"{int(r.year)}: {pct(r.share)}" for r in rows.itertuples())
        alt_parts.append(f"{short_name(theme.name, 60)} ({steps})")
    span = f"{years[0]}–{years[-1]}" if len(years) > 1 else (str(years[0]) if years else "")
    title = f"Aandeel segmenten per thema, {span}"
    ax.set_title(title)
    ax.set_xlabel("Jaar")
    ax.set_ylabel("Aandeel segmenten (%)")
    ax.set_xticks(years)
    ax.set_ylim(bottom=0)
    ax.grid(axis="y", alpha=0.3)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8, frameon=False)
    path = _save(fig, out_dir, "ontwikkeling.png")
    alt = "Lijngrafiek van het aandeel segmenten per thema per jaar. " + "; ".join(alt_parts) + "."
    return FigureInfo(path, title, alt)


def themes_year_figure(theme_year: pd.DataFrame, codebook: Codebook, year: int,
                       out_dir: Path) -> FigureInfo:
    """Horizontal bars: share of segments per theme in `year` (`figuren/thema-<year>.png`)."""
    data = _overall(theme_year)
    data = data[data["year"].astype(int) == year]
    names, values = [], []
    for theme in codebook.themes:
        rows = data[data["theme"] == theme.id]
        names.append(short_name(theme.name))
        values.append(float(rows["share"].iloc[0]) if not rows.empty else 0.0)
    fig = Figure(figsize=(8, 3.5))
    ax = fig.add_subplot()
    ax.barh(range(len(names))[::-1], [100 * v for v in values], color=_COLOURS[0])
    ax.set_yticks(range(len(names))[::-1], names, fontsize=8)
    title = f"Aandeel segmenten per thema in {year}"
    ax.set_title(title)
    ax.set_xlabel("Aandeel segmenten (%)")
    ax.grid(axis="x", alpha=0.3)
    path = _save(fig, out_dir, f"thema-{year}.png")
    alt = f"Staafdiagram van het aandeel segmenten per thema in {year}: " + "; ".join(
        f"{n}: {pct(v)}" for n, v in zip(names, values)) + "."
    return FigureInfo(path, title, alt)


def cooccurrence_figure(cooccurrence: pd.DataFrame, codebook: Codebook, year: int,
                        out_dir: Path) -> FigureInfo | None:
    """Heat map of Jaccard overlap between themes at segment level; None without data."""
    data = cooccurrence[(cooccurrence["year"].astype(int) == year) & (cooccurrence["level"] == "segment")]
    if data.empty:
        return None
    ids = [t.id for t in codebook.themes]
    matrix = [[0.0] * len(ids) for _ in ids]
    for r in data.itertuples():
        if r.theme_a in ids and r.theme_b in ids:
            a, b = ids.index(r.theme_a), ids.index(r.theme_b)
            matrix[a][b] = matrix[b][a] = float(r.jaccard)
    fig = Figure(figsize=(6.5, 5))
    ax = fig.add_subplot()
    image = ax.imshow(matrix, cmap="Blues", vmin=0)
    labels = [short_name(t.name, 24) for t in codebook.themes]
    ax.set_xticks(range(len(ids)), labels, rotation=40, ha="right", fontsize=7)
    ax.set_yticks(range(len(ids)), labels, fontsize=7)
    fig.colorbar(image, ax=ax, label="Jaccard-overlap")
    title = f"Samen voorkomende thema's in {year} (segmenten)"
    ax.set_title(title)
    path = _save(fig, out_dir, f"dwarsverbanden-{year}.png")
    strongest = data.sort_values("jaccard", ascending=False).head(3)
    pairs = "; ".join(
        f"{short_name(codebook.get(r.theme_a).name, 30)} en {short_name(codebook.get(r.theme_b).name, 30)}"
        + " (" + f"{float(r.jaccard):.2f}".replace(".", ",") + ")"
        for r in strongest.itertuples() if r.theme_a in ids and r.theme_b in ids)
    alt = f"Warmtekaart van de overlap tussen thema's in {year}. Sterkste paren: {pairs}."
    return FigureInfo(path, title, alt)
