"""Code segments with the codebook's themes and lenses: zero-shot first, learned per code where
people's reviews show it does better.

1. Interviewer segments (column `role`) and very short segments are not codable: no codes.
2. The zero-shot coder (`zeroshot.py`) scores every code without labels; while nobody has
   reviewed, with the neighbouring participant segments' scores as context (`neighbour_context`).
   After a review every coder works from each segment's own score.
3. With reviewed codes, the learned coder (`learned.py`) fits per code and replaces zero-shot for
   the codes whose grouped cross-validation beats it. For the codes zero-shot keeps (after that
   comparison), the threshold follows the code's estimated share in each year nobody reviewed
   (`shift.py`, setting `prior_shift`).
4. A code is assigned when its margin (score minus threshold, in the deciding coder's units) is
   >= 0, at most top-k per kind. `score_<code>` = sigmoid(margin): 0.5 is the threshold.
5. Reviewed segments carry the reviewers' codes in `themes`/`lenses`; `machine_themes`/
   `machine_lenses` hold the machine's codes, for reviewed segments the cross-validated ones
   (from models that did not train on that segment), so agreement computed from them is honest.
6. `reliability` (per code: which coder ran, how many reviewed, agreement on reviewed segments)
   goes with the result; `uncertainty` per segment drives the next review batch.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any, Callable, Sequence

import numpy as np
import pandas as pd

from codebook.coding.features import FeatureSpace
from codebook.coding.learned import LearnedCoder, default_estimator, human_label_matrix
from codebook.coding.lexical import LexicalCoder
from codebook.coding.reliability import reliability_table
from codebook.coding.segments import ROLE_INTERVIEWER, SEGMENT_COLUMNS
from codebook.coding.settings import CodingSettings
from codebook.coding.shift import estimate_prior_shift
from codebook.coding.zeroshot import ZeroShotCoder, manual_prototypes, question_index
from codebook.errors import CodebookError
from codebook.model import Codebook
from nlp.embeddings import Embedder
from nlp.language import LanguagePipeline

Progress = Callable[[str, int, int], None]  # (step, done, total)
REQUIRED = tuple(c for c in SEGMENT_COLUMNS if c != "role")
SCORE_DECIMALS = 3  # of the score_<code> and uncertainty columns


@dataclass(frozen=True)
class CodingResult:
    """Coded segments and what produced them.

    Attributes:
        table: segments + themes, lenses, machine_themes, machine_lenses, score_<code id>,
            uncertainty, reasons (JSON).
        reliability: per code: coder, reviewed, positives, cv F1s, n/percent/kappa/alpha of the
            machine against reviewers on reviewed segments (cross-validated); see reliability.py.
        backend: language backend, embedder, coders per code, settings: for the run manifest.
    """

    table: pd.DataFrame
    reliability: pd.DataFrame = field(default_factory=pd.DataFrame)
    backend: dict[str, Any] = field(default_factory=dict)


def code_segments(
    segments: pd.DataFrame,
    codebook: Codebook,
    language: LanguagePipeline,
    embedder: Embedder | None,
    settings: CodingSettings = CodingSettings(),
    human_codes: pd.DataFrame | None = None,
    progress: Progress | None = None,
    extra_embedder: Embedder | None = None,
    manual_embedder: Embedder | None = None,
) -> CodingResult:
    """Code every segment with themes and lenses.

    Args:
        segments: output of `make_segments` (doc, turn, part, speaker, role, year, type, wijk, text),
            in transcript order; not modified. Without `role` every segment counts as a participant's.
        codebook: the validated codebook.
        language: the language pipeline (lemmas for keywords).
        embedder: embedding backend (wrap it in `CachedEmbedder`); None only when `settings.semantic`
            is False.
        settings: see `CodingSettings`.
        human_codes: reviewed codes (doc, turn, part, coder, code), any year.
        progress: optional callback (step, done, total).
        extra_embedder: a second embedder (multilingual USE) for the learned coder's features,
            used when `settings.use_embeddings`.
        manual_embedder: the same model for the coding manual's own texts (definitions, rules,
            anchor examples), e.g. with a cache shared by all workspaces (`nlp.embeddings.
            shared_cache_dir`: these texts hold no personal data); `embedder` when None.

    Returns:
        `CodingResult`.

    Raises:
        CodebookError: N351 when columns are missing, N352 when an embedder is needed but absent.

    Example:
        >>> result = code_segments(make_segments(ts, lang), codebook, lang, CachedEmbedder(load_embedder(), cache))
        >>> result.table[["doc", "turn", "part", "role", "themes", "lenses"]].head()
    """
    missing = [c for c in REQUIRED if c not in segments.columns]
    if missing:
        raise CodebookError("N351", f"segmententabel mist kolom(men): {', '.join(missing)}")
    if settings.semantic and embedder is None:
        raise CodebookError("N352", "semantisch coderen vraagt een embeddingmodel; geef er een op of zet "
                            "'semantisch = false' in [codering]")
    report = progress or (lambda step, done, total: None)
    table = segments.reset_index(drop=True).copy()
    if "role" not in table.columns:
        table["role"] = "deelnemer"
    table = table[list(SEGMENT_COLUMNS)]
    texts = table["text"].astype(str).tolist()
    n = len(texts)

    scored = list(codebook.themes) + list(codebook.lenses)
    subcodes = [c for c in codebook.codes if c.kind == "subcode"] if settings.subcode_scores else []
    codes = scored + subcodes
    ids = [c.id for c in codes]
    ks = len(scored)
    thresholds = np.array([settings.lens_threshold if c.kind == "lens" else settings.theme_threshold for c in codes])

    report("lemma's", 0, n)
    lexical = LexicalCoder(codebook, language, codes)
    lex = lexical.score(lexical.lemmatise(texts))
    report("lemma's", n, n)
    vectors = None
    if embedder is not None and (settings.semantic or human_codes is not None):
        report("embeddings", 0, n)
        vectors = embedder.embed(texts)
        report("embeddings", n, n)

    roles = table["role"].astype(str).to_numpy()
    codable = (roles != ROLE_INTERVIEWER) & np.array([len(t.split()) >= settings.min_words for t in texts])
    manual = manual_embedder if manual_embedder is not None else embedder
    zero_shot = ZeroShotCoder(codebook, codes, manual if settings.semantic else None, settings)
    zs = zero_shot.score(vectors if settings.semantic else None, lex, codable,
                         question_index(table["doc"].astype(str).tolist(), roles.tolist()),
                         groups=table["doc"].astype(str).tolist())
    isolated = zs.isolated  # without the neighbours' scores
    coder_of = ["zero-shot"] * len(codes)

    label_ids = [c.id for c in scored]
    rows, Y = human_label_matrix(table, human_codes, label_ids) if human_codes is not None else (
        np.zeros(0, dtype=np.int64), np.zeros((0, ks), dtype=np.int64))
    keep = codable[rows] if len(rows) else np.zeros(0, dtype=bool)
    rows, Y = rows[keep], Y[keep]
    reviewed = np.zeros(n, dtype=bool)
    reviewed[rows] = True
    # The neighbours' context serves the zero-shot coder while nobody has reviewed: after a review,
    # the learned coder, its comparison with zero-shot and the prior shift work on each segment's
    # own score (with the context they lost: docs/benchmarks.md). The uncertainty that chooses the
    # next review comes from the own score too, so the first batch is the one the learned coder needs.
    with_context = settings.neighbour_context > 0 and not len(rows)
    margins = (zs.combined if with_context else isolated) - thresholds
    machine_margins = margins.copy()  # what the machine says on reviewed rows (cross-validated)
    learner = None
    shifts: dict[str, dict[str, float]] = {}
    if len(rows) and settings.learned == "auto":
        report("geleerd model", 0, 1)
        asked = question_index(table["doc"].astype(str).tolist(), roles.tolist())
        context = vectors
        if vectors is not None and settings.question_context > 0:  # the answer seen with its question
            context = vectors + settings.question_context * np.where(asked[:, None] >= 0, vectors[np.maximum(asked, 0)], 0)
        learner = _fit_learned(table, texts, context, isolated[:, :ks], thresholds[:ks], rows, Y, codebook,
                               scored, manual, extra_embedder, settings)
        X = learner.features_
        learned_margin = learner.decision_scores(X, isolated[:, :ks] - thresholds[:ks])
        for column in np.flatnonzero(learner.use_learned_):
            margins[:, column] = learned_margin[:, column]
            machine_margins[:, column] = learned_margin[:, column]
            coder_of[column] = "geleerd"
        # reviewed rows: the machine's cross-validated decisions (+1/-1 as margins)
        machine_margins[np.ix_(rows, np.arange(ks))] = np.where(learner.oof_decisions_ == 1, 1.0, -1.0)
        if settings.prior_shift:
            shifts = _shift_priors(margins, machine_margins, rows, Y, codable & ~reviewed,
                                   table["year"].astype(str).to_numpy(), learner, label_ids)
        report("geleerd model", 1, 1)

    margins[~codable] = -np.inf
    machine_margins[~codable] = -np.inf
    theme_cols = [i for i, c in enumerate(codes) if c.kind == "theme"]
    lens_cols = [i for i, c in enumerate(codes) if c.kind == "lens"]
    machine_themes = _assign(machine_margins, theme_cols, settings.top_k_themes)
    machine_lenses = _assign(machine_margins, lens_cols, settings.top_k_lenses)
    final_themes, final_lenses = list(machine_themes), list(machine_lenses)
    for position, row in enumerate(rows):  # reviewed segments carry the reviewers' codes
        final_themes[row] = [c for c in theme_cols if Y[position, c]]
        final_lenses[row] = [c for c in lens_cols if Y[position, c]]
    join = lambda rows_: [";".join(ids[c] for c in r) for r in rows_]  # noqa: E731
    table["themes"] = join(final_themes)
    table["lenses"] = join(final_lenses)
    table["machine_themes"] = join(machine_themes)
    table["machine_lenses"] = join(machine_lenses)
    with np.errstate(over="ignore"):
        scores = 1.0 / (1.0 + np.exp(-np.where(np.isfinite(margins), margins, -50.0)))
    # Three decimals: enough to rank, and no run of four digits that reads like a year or a number
    # from a transcript to anyone searching the table for personal details.
    for column, code_id in enumerate(ids):
        table[f"score_{code_id}"] = np.round(scores[:, column], SCORE_DECIMALS)
    ask = (isolated - thresholds)[:, :ks] if with_context else margins[:, :ks]  # the own score chooses the review
    unsure = np.exp(-np.min(np.abs(np.where(np.isfinite(ask), ask, 50.0)), axis=1))
    table["uncertainty"] = np.round(np.where(codable & ~reviewed, unsure, 0.0), SCORE_DECIMALS)

    lens_suggestion = {c.id: not bool(len(rows)) or int(Y[:, i].sum()) == 0 for i, c in enumerate(scored)
                       if c.kind == "lens"}
    by_neighbours = (margins >= 0) & (isolated - thresholds < 0) if with_context else np.zeros_like(margins, bool)
    table["reasons"] = _reasons(table, ids, lex, zs, machine_themes, machine_lenses, coder_of, lens_suggestion,
                                reviewed, by_neighbours)
    reliability = reliability_table(label_ids, coder_of[:ks], Y, machine_margins[rows, :ks] >= 0,
                                    learner.fits_ if learner is not None else None,
                                    [c.kind for c in scored])
    backend = {
        "language": language.backend,
        "embedder": embedder.name if embedder is not None else None,
        "extra_embedder": extra_embedder.name if (extra_embedder is not None and settings.use_embeddings) else None,
        "coders": dict(zip(label_ids, coder_of[:ks])),
        "reviewed_segments": int(len(rows)),
        "reviewed_by_year": _count_by_year(table["year"], rows),
        "interviewer_segments": int((roles == ROLE_INTERVIEWER).sum()),
        "lenses_are_suggestions": bool(any(lens_suggestion.values())),
        "prior_shift": shifts,
        "neighbour_context": bool(with_context),
        "settings": asdict(settings),
        "codebook": {"name": codebook.name, "version": codebook.version},
    }
    return CodingResult(table=table, reliability=reliability, backend=backend)


def _fit_learned(table, texts, vectors, zs_scores, zs_thresholds, rows, Y, codebook, scored, embedder,
                 extra_embedder, settings) -> LearnedCoder:
    """Features for all segments, the manual's texts as extra rows, and the per-code fit."""
    space = FeatureSpace().fit(texts)
    dense = [zs_scores]
    extra_vectors = None
    use = extra_embedder if (settings.use_embeddings and extra_embedder is not None) else None
    if vectors is not None:
        dense.insert(0, vectors)
    if use is not None:
        extra_vectors = use.embed(texts)
        dense.insert(0, extra_vectors)
    X = space.transform(texts, dense)
    protos = [p for c in scored for p in manual_prototypes(c, codebook)]
    proto_texts = [p.text for p in protos]
    proto_dense = [np.tile(zs_thresholds, (len(protos), 1))]  # neutral zero-shot evidence for the manual's rows
    if vectors is not None and embedder is not None:
        proto_dense.insert(0, embedder.embed(proto_texts))
    if use is not None:
        proto_dense.insert(0, use.embed(proto_texts))
    extra_X = space.transform(proto_texts, proto_dense)
    label_index = {c.id: i for i, c in enumerate(scored)}
    extra_Y = np.zeros((len(protos), len(scored)), dtype=np.int64)
    for i, p in enumerate(protos):
        extra_Y[i, label_index[p.code_id]] = 1
    learner = LearnedCoder([c.id for c in scored], default_estimator(settings.model, settings.random_state),
                           settings.min_positives, settings.cv_folds, settings.learned_prior, settings.random_state)
    groups = table["doc"].astype(str).to_numpy()[rows]
    learner.fit(X[rows], Y, groups, zs_scores[rows], zs_thresholds, extra_X, extra_Y)
    learner.features_ = X
    return learner


def _shift_priors(margins, machine_margins, rows, Y, new, years, learner, label_ids) -> dict[str, dict[str, float]]:
    """Move the threshold of each code the zero-shot coder decides after a review (it beat the
    learned model in grouped cross-validation, so it ranks well and had enough reviewed positives)
    to the code's estimated share in each year nobody reviewed (`shift.py`). Years with reviewed
    segments keep the threshold: their share is what the review measured, and segments chosen by
    active review are not a sample of their year. Modifies `margins` and `machine_margins` of the
    shifted segments in place; returns {code: {year: shift}}."""
    out: dict[str, dict[str, float]] = {}
    unreviewed_years = sorted(set(years[new].tolist()) - set(years[rows].tolist()))
    for column, fit in enumerate(learner.fits_):
        if learner.use_learned_[column] or fit.cv_f1_learned is None:
            continue
        for year in unreviewed_years:
            group = new & (years == year)
            estimate = estimate_prior_shift(margins[rows, column], Y[:, column], margins[group, column])
            if estimate.shift:
                margins[group, column] += estimate.shift
                machine_margins[group, column] += estimate.shift
                out.setdefault(label_ids[column], {})[year] = round(estimate.shift, 3)
    return out


def _count_by_year(years: pd.Series, rows: np.ndarray) -> dict[str, int]:
    """Reviewed segments per year, every year of the corpus listed (0 where nobody reviewed)."""
    counts = pd.Series(years.to_numpy()[rows]).astype(str).value_counts()
    return {year: int(counts.get(year, 0)) for year in sorted(set(years.astype(str)))}


def _assign(margins: np.ndarray, columns: Sequence[int], top_k: int) -> list[list[int]]:
    out: list[list[int]] = []
    cols = np.array(columns, dtype=np.int64)
    for row in margins[:, cols] if len(cols) else np.zeros((margins.shape[0], 0)):
        order = np.argsort(-row, kind="stable")
        out.append([int(cols[i]) for i in order[:top_k] if row[i] >= 0])
    return out


def _reasons(table, ids, lex, zs, themes, lenses, coder_of, lens_suggestion, reviewed, by_neighbours) -> list[str]:
    out = []
    for row in range(len(table)):
        reason: dict[str, str] = {}
        if reviewed[row]:
            reason["beoordeeld"] = "codes van de beoordelaars"
        for column in themes[row] + lenses[row]:
            parts = []
            if coder_of[column] == "geleerd":
                parts.append("geleerd van beoordeelde segmenten")
            matched = lex.matched[row].get(ids[column])
            if matched:
                parts.append("trefwoorden: " + ", ".join(matched))
            semantic = zs.reason(row, column)
            if semantic:
                parts.append(semantic)
            if by_neighbours[row, column]:
                parts.append("de beurten ervoor en erna gaan hierover")
            text = "; ".join(parts) or "vraag van de interviewer of gecombineerde score"
            if lens_suggestion.get(ids[column]):
                text = "suggestie (nog niet getoetst aan beoordelingen): " + text
            reason[ids[column]] = text
        out.append(json.dumps(reason, ensure_ascii=False, sort_keys=True))
    return out
