"""Compare coded segments across years: counts, shares, change with honest uncertainty,
co-occurrence, representative quotes and the `bijsturen` signals per theme.

Example:
    >>> tables = compare(pd.read_parquet("output/segments.parquet"), CompareSettings(seed=7))  # doctest: +SKIP
    >>> tables.save(Path("output/analysis"))                                                  # doctest: +SKIP
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from itertools import combinations

import numpy as np
import pandas as pd

from analysis.bootstrap import percentile_interval, resample_shares, verdict, year_rng
from analysis.errors import AnalysisError
from analysis.evidence import evidence_mask, interviewer_mask
from analysis.quotes import choose_quotes, coded_typicality, typicality
from analysis.storylines import StorylineSettings, storylines
from analysis.tables import AnalysisTables

LENSES: tuple[str, ...] = ("resultaat", "opbrengst", "bijsturen")
REQUIRED = ("doc", "turn", "part", "speaker", "year", "type", "wijk", "text", "themes", "lenses")
UNKNOWN = "onbekend"


@dataclass(frozen=True)
class CompareSettings:
    """Settings of the comparison.

    Attributes:
        n_boot: bootstrap resamples of interviews per year.
        seed: random seed of the bootstrap (one generator per year derived from it).
        level: confidence level of the percentile interval.
        k: quotes per year, theme and lens.
        min_quote_words: shorter segments are quoted only when there are too few longer ones.
        themes: theme ids to report, in order; None -> every theme found in the segments (sorted).
        lenses: lens ids; "" (all lenses) is always added.
        signal_lens: the lens whose segments are the signals to adjust.
    """

    n_boot: int = 2000
    seed: int = 42
    level: float = 0.95
    k: int = 3
    min_quote_words: int = 6
    themes: tuple[str, ...] | None = None
    lenses: tuple[str, ...] = LENSES
    signal_lens: str = "bijsturen"


def _ids(value: object) -> frozenset[str]:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return frozenset()
    return frozenset(p.strip() for p in str(value).split(";") if p.strip())


def _prepare(segments: pd.DataFrame) -> pd.DataFrame:
    missing = [c for c in REQUIRED if c not in segments.columns]
    if missing:
        raise AnalysisError("N510", f"segmententabel mist kolom(men): {', '.join(missing)}")
    seg = segments.reset_index(drop=True).copy()
    try:
        seg["year"] = pd.to_numeric(seg["year"], errors="raise").astype(int)
    except (ValueError, TypeError) as exc:
        raise AnalysisError("N511", "kolom 'year' bevat een waarde die geen jaartal is") from exc
    seg["doc"] = seg["doc"].astype(str)
    seg["turn"] = seg["turn"].astype(int)
    seg["part"] = seg["part"].astype(int)
    for col in ("type", "wijk"):
        seg[col] = seg[col].fillna(UNKNOWN).astype(str).replace("", UNKNOWN)
    speaker = seg["speaker"].where(seg["speaker"].notna(), None)
    seg["speaker"] = speaker.map(lambda s: None if s is None or str(s) == "" else str(s))
    # A speaker is a label within one interview; unlabelled turns count as one speaker per interview.
    seg["speaker_key"] = seg["doc"] + "\x1f" + seg["speaker"].fillna("")
    seg["theme_set"] = seg["themes"].map(_ids)
    seg["lens_set"] = seg["lenses"].map(_ids)
    seg["text"] = seg["text"].fillna("").astype(str)
    seg["evidence"] = evidence_mask(seg)
    seg["interviewer"] = interviewer_mask(seg)
    return seg


def _masks(seg: pd.DataFrame, themes: list[str], lenses: list[str]) -> dict[tuple[str, str], np.ndarray]:
    """(theme, lens) -> boolean mask over the segments ("" lens = any lens)."""
    has_theme = {t: seg["theme_set"].map(lambda s, t=t: t in s).to_numpy() for t in themes}
    has_lens = {lens: seg["lens_set"].map(lambda s, lens=lens: lens in s).to_numpy() for lens in lenses}
    out = {}
    for t in themes:
        out[(t, "")] = has_theme[t]
        for lens in lenses:
            out[(t, lens)] = has_theme[t] & has_lens[lens]
    return out


def _counts(docs: np.ndarray, speakers: np.ndarray, mask: np.ndarray, total: int) -> dict[str, float]:
    """Segments, share, interviews and speakers under `mask`; `docs` and `speakers` are integer codes
    per segment (counting distinct codes is what `nunique` does, without copying the rows)."""
    return {"segments": int(mask.sum()), "share": mask.sum() / total if total else np.nan,
            "interviews": len(np.unique(docs[mask])), "speakers": len(np.unique(speakers[mask]))}


def _theme_tables(seg: pd.DataFrame, masks: dict, years: list[int]) -> tuple[pd.DataFrame, pd.DataFrame]:
    year_rows, split_rows = [], []
    docs, speakers = pd.factorize(seg["doc"])[0], pd.factorize(seg["speaker_key"])[0]
    for year in years:
        in_year = (seg["year"] == year).to_numpy()
        for (theme, lens), mask in masks.items():
            year_rows.append({"year": year, "theme": theme, "lens": lens,
                              **_counts(docs, speakers, mask & in_year, int(in_year.sum()))})
        for split in ("type", "wijk"):
            for value in sorted(seg.loc[in_year, split].unique()):
                in_group = in_year & (seg[split] == value).to_numpy()
                for (theme, lens), mask in masks.items():
                    split_rows.append({"year": year, "theme": theme, "lens": lens, "split": split,
                                       "value": value, **_counts(docs, speakers, mask & in_group,
                                                         int(in_group.sum()))})
    return pd.DataFrame(year_rows), pd.DataFrame(split_rows)


def _bootstrap(seg: pd.DataFrame, masks: dict, years: list[int], settings: CompareSettings) -> dict[int, dict]:
    """Per year: the shares of every (theme, lens) key and their bootstrap resamples (None with one
    interview)."""
    keys = list(masks)
    per_year: dict[int, dict] = {}
    for year in years:
        sub = seg[seg["year"] == year]
        docs = sorted(sub["doc"].unique())
        index = sub["doc"].map({d: i for i, d in enumerate(docs)}).to_numpy()
        totals = np.bincount(index, minlength=len(docs))
        counts = np.column_stack([np.bincount(index, weights=masks[k][sub.index].astype(float),
                                              minlength=len(docs)) for k in keys])
        share = counts.sum(axis=0) / totals.sum()
        boot = resample_shares(counts, totals, settings.n_boot, year_rng(settings.seed, year)) \
            if len(docs) >= 2 else None
        per_year[year] = {"share": share, "boot": boot}
    return per_year


def _with_intervals(theme_year: pd.DataFrame, per_year: dict[int, dict], keys: list, level: float) -> pd.DataFrame:
    """theme_year plus ci_low / ci_high: the percentile interval of each year's share (NaN with one
    interview in that year)."""
    bounds = {}
    for year, data in per_year.items():
        if data["boot"] is None:
            continue
        low, high = percentile_interval(data["boot"], level)
        bounds.update({(year, *k): (float(low[j]), float(high[j])) for j, k in enumerate(keys)})
    pairs = [bounds.get((int(r.year), r.theme, r.lens), (np.nan, np.nan)) for r in theme_year.itertuples()]
    return theme_year.assign(ci_low=[p[0] for p in pairs], ci_high=[p[1] for p in pairs])


def _change(per_year: dict[int, dict], keys: list, years: list[int], settings: CompareSettings) -> pd.DataFrame:
    rows = []
    for prev, year in zip(years, years[1:]):
        cur, old = per_year[year], per_year[prev]
        diff = cur["share"] - old["share"]
        if cur["boot"] is not None and old["boot"] is not None:
            low, high = percentile_interval(cur["boot"] - old["boot"], settings.level)
        else:
            low = high = np.full(len(keys), np.nan)
        for j, (theme, lens) in enumerate(keys):
            rows.append({"year": year, "prev_year": prev, "theme": theme, "lens": lens,
                         "share": float(cur["share"][j]), "prev_share": float(old["share"][j]),
                         "diff": float(diff[j]), "ci_low": float(low[j]), "ci_high": float(high[j]),
                         "n_boot": settings.n_boot if np.isfinite(low[j]) else 0,
                         "verdict": verdict(float(low[j]), float(high[j]))})
    columns = ["year", "prev_year", "theme", "lens", "share", "prev_share", "diff", "ci_low", "ci_high",
               "n_boot", "verdict"]
    return pd.DataFrame(rows, columns=columns)


def _cooccurrence(seg: pd.DataFrame, themes: list[str], years: list[int]) -> pd.DataFrame:
    rows = []
    for year in years:
        sub = seg[seg["year"] == year]
        units = {"segment": sub["theme_set"].tolist(),
                 "interview": [frozenset().union(*sets) for _, sets in sub.groupby("doc")["theme_set"]]}
        for level, sets in units.items():
            for a, b in combinations(themes, 2):
                both = sum(1 for s in sets if a in s and b in s)
                either = sum(1 for s in sets if a in s or b in s)
                rows.append({"year": year, "level": level, "theme_a": a, "theme_b": b, "count": both,
                             "jaccard": both / either if either else 0.0})
    return pd.DataFrame(rows, columns=["year", "level", "theme_a", "theme_b", "count", "jaccard"])


_QUOTE_COLS = ["year", "theme", "lens", "rank", "doc", "turn", "part", "speaker", "type", "wijk", "text",
               "typicality"]
_SIGNAL_COLS = ["year", "theme", "doc", "turn", "part", "speaker", "type", "wijk", "text"]


def _quotes(seg: pd.DataFrame, masks: dict, years: list[int], settings: CompareSettings,
            embeddings: np.ndarray | None) -> pd.DataFrame:
    """Quotes per year, theme and lens: only evidence segments (never interviewers or introductions),
    typical for the theme and, within a lens, for the lens. The columns the choice reads are taken
    out of the table once; each cell works on positions, and the chosen rows are copied once."""
    evidence = seg["evidence"].to_numpy(dtype=bool)
    scored = {c: pd.to_numeric(seg[c], errors="coerce").to_numpy(dtype=float)
              for c in seg.columns if c.startswith("score_")}
    docs, turns, parts = seg["doc"].astype(str).tolist(), seg["turn"].tolist(), seg["part"].tolist()
    speakers = seg["speaker_key"].tolist()
    words = seg["text"].str.split().str.len().tolist()
    rows, cells = [], []  # per chosen quote: its row, and (year, theme, lens, rank, typicality)
    for year in years:
        in_year = (seg["year"] == year).to_numpy()
        for (theme, lens), mask in masks.items():
            idx = np.flatnonzero(mask & in_year & evidence)
            if not len(idx):
                continue
            lens_scores = scored.get(f"score_{lens}") if lens else None
            theme_scores = scored.get(f"score_{theme}")
            scores = coded_typicality(None if theme_scores is None else theme_scores[idx],
                                      None if lens_scores is None else lens_scores[idx])
            if scores is None:
                scores = typicality(seg.iloc[idx], theme, None if embeddings is None else embeddings[idx], lens=lens)
            chosen = choose_quotes([docs[i] for i in idx], [turns[i] for i in idx], [parts[i] for i in idx],
                                   [speakers[i] for i in idx], [words[i] for i in idx], scores, settings.k,
                                   settings.min_quote_words)
            rows += idx[chosen].tolist()
            cells += [(year, theme, lens, rank, float(scores[c])) for rank, c in enumerate(chosen, start=1)]
    if not rows:
        return pd.DataFrame(columns=_QUOTE_COLS)
    picked = seg.iloc[rows].reset_index(drop=True)
    for j, column in enumerate(("year", "theme", "lens", "rank", "typicality")):
        picked[column] = [cell[j] for cell in cells]
    return picked[_QUOTE_COLS]


def _signals(seg: pd.DataFrame, themes: list[str], lens: str) -> pd.DataFrame:
    flagged = seg[seg["lens_set"].map(lambda s: lens in s) & ~seg["interviewer"]]  # participants only
    rows = [{**{c: r[c] for c in _SIGNAL_COLS if c != "theme"}, "theme": t}
            for _, r in flagged.iterrows() for t in themes if t in r["theme_set"]]
    table = pd.DataFrame(rows, columns=_SIGNAL_COLS)
    return table.sort_values(["year", "theme", "doc", "turn", "part"], kind="mergesort").reset_index(drop=True)


def _storylines(seg: pd.DataFrame, masks: dict, years: list[int], embeddings: np.ndarray | None) -> pd.DataFrame:
    evidence = seg["evidence"].to_numpy(dtype=bool)
    cells, scores = {}, {}
    for (theme, lens), mask in masks.items():
        if not lens:
            continue  # storylines per theme x lens; the theme as a whole is their union
        scores[(theme, lens)] = typicality(seg, theme, embeddings, lens=lens)
        for year in years:
            cells[(year, theme, lens)] = mask & evidence & (seg["year"] == year).to_numpy()
    return storylines(seg, cells, scores, embeddings, StorylineSettings())


def _overview(seg: pd.DataFrame) -> pd.DataFrame:
    words = seg["text"].str.split().str.len()
    return (seg.assign(words=words).groupby(["year", "type", "wijk"], as_index=False)
            .agg(interviews=("doc", "nunique"), segments=("doc", "size"),
                 speakers=("speaker_key", "nunique"), words=("words", "sum")))


def _notes(seg: pd.DataFrame, years: list[int], themes: list[str]) -> list[str]:
    notes = []
    if len(years) == 1:
        notes.append("Slechts één jaar: geen vergelijking met een vorig jaar mogelijk.")
    if seg["doc"].nunique() == 1:
        notes.append("Slechts één interview: onzekerheidsintervallen (bootstrap over interviews) zijn "
                     "niet zinvol; aandelen beschrijven alleen dit gesprek.")
    else:
        for year in years:
            if seg.loc[seg["year"] == year, "doc"].nunique() == 1:
                notes.append(f"{year}: slechts één interview; voor veranderingen van of naar dit jaar is "
                             "geen interval te berekenen en wordt geen verandering vastgesteld.")
    for prev, year in zip(years, years[1:]):
        if year - prev > 1:
            notes.append(f"Tussen {prev} en {year} ontbreken jaren: de verandering beslaat {year - prev} jaar.")
    if not themes:
        notes.append("Geen enkel segment is met een thema gecodeerd: er valt niets te vergelijken.")
    return notes


def compare(segments: pd.DataFrame, settings: CompareSettings = CompareSettings(), *,
            embeddings: np.ndarray | None = None) -> AnalysisTables:
    """Turn coded segments into the comparison tables of the report.

    Args:
        segments: the coded segments table (docs/architecture.md): doc, turn, part, speaker, year,
            type, wijk, text, themes, lenses (';'-separated ids), optional score_<theme> columns.
        settings: `CompareSettings` (bootstrap size and seed, quotes per cell, themes to report).
        embeddings: optional segment embeddings (row i = segment i) used for quote typicality
            when the segments carry no `score_<theme>` column.

    Returns:
        `AnalysisTables`; deterministic given `settings.seed`.

    Raises:
        AnalysisError: N510 missing columns, N511 a year that is not a number, N512 no segments.
    """
    if len(segments) == 0:
        raise AnalysisError("N512", "de segmententabel is leeg: eerst lezen en coderen")
    seg = _prepare(segments)
    if embeddings is not None and len(embeddings) != len(seg):
        raise AnalysisError("N513", f"aantal embeddings ({len(embeddings)}) past niet bij aantal segmenten "
                                    f"({len(seg)})")
    found = sorted(set().union(*seg["theme_set"]))
    themes = list(settings.themes) if settings.themes is not None else found
    years = sorted(int(y) for y in seg["year"].unique())
    masks = _masks(seg, themes, list(settings.lenses))
    theme_year, theme_split = _theme_tables(seg, masks, years)
    per_year = _bootstrap(seg, masks, years, settings)
    theme_year = _with_intervals(theme_year, per_year, list(masks), settings.level)
    return AnalysisTables(
        overview=_overview(seg), theme_year=theme_year, theme_split=theme_split,
        theme_change=_change(per_year, list(masks), years, settings),
        cooccurrence=_cooccurrence(seg, themes, years),
        quotes=_quotes(seg, masks, years, settings, embeddings),
        signals=_signals(seg, themes, settings.signal_lens),
        storylines=_storylines(seg, masks, years, embeddings),
        notes=tuple(_notes(seg, years, themes)),
        info={"input_sha256": hashlib.sha256(
                  seg[list(REQUIRED)].astype(str).to_csv(index=False).encode("utf-8")).hexdigest(),
              "seed": settings.seed, "n_boot": settings.n_boot, "level": settings.level, "k": settings.k,
              "years": years, "themes": themes, "segments": len(seg)})
