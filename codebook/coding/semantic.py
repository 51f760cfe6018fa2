"""Semantic coder: cosine similarity between segment embeddings and each code's prototype texts.

A code's prototypes are "name: definition", each example utterance and, for a theme, the
"name: definition" of each of its subcodes. They are embedded once per codebook. The raw score of a
code is the highest cosine to any of its prototypes; the reason is that nearest prototype.

Raw cosines differ per embedding model (E5 cosines sit around 0.8-0.9, USE around 0.1-0.5), so the
coder standardises them against a background: the similarity of the code's own prototypes to the
prototypes of the *other* codes of the same kind. `z = (cos - mean_bg) / sd_bg`, and the score is
`sigmoid(z - z_shift)` in [0, 1]. This keeps one set of thresholds usable across embedders.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np

from codebook.model import Code, Codebook
from nlp.embeddings import Embedder


@dataclass(frozen=True)
class Prototype:
    """One text that stands for a code."""

    code_id: str
    text: str
    source: str  # "definitie", "voorbeeld" or "subcode"


@dataclass(frozen=True)
class SemanticScores:
    """Result of semantic coding.

    Attributes:
        code_ids: codes, in column order.
        scores: (n_segments, n_codes) standardised scores in [0, 1].
        cosine: (n_segments, n_codes) raw best cosine.
        nearest: (n_segments, n_codes) index into `prototypes` of the nearest prototype.
        prototypes: all prototypes.
    """

    code_ids: tuple[str, ...]
    scores: np.ndarray
    cosine: np.ndarray
    nearest: np.ndarray
    prototypes: tuple[Prototype, ...]

    def reason(self, row: int, column: int, width: int = 90) -> str:
        proto = self.prototypes[int(self.nearest[row, column])]
        text = proto.text if len(proto.text) <= width else proto.text[: width - 1].rstrip() + "…"
        return f"lijkt op {proto.source}: {text}"


def prototypes_of(code: Code, codebook: Codebook) -> list[Prototype]:
    """The prototype texts of one code."""
    protos = [Prototype(code.id, f"{code.name}: {code.definition}", "definitie")]
    protos += [Prototype(code.id, example, "voorbeeld") for example in code.examples]
    if code.kind == "theme":
        protos += [Prototype(code.id, f"{sub.name}: {sub.definition}", "subcode") for sub in codebook.subcodes(code.id)]
    return protos


class SemanticCoder:
    """Compare segment embeddings with code prototypes.

    Args:
        codebook: the codebook.
        embedder: the embedding backend (ideally a `CachedEmbedder`).
        codes: the codes to score (default: every code).
        z_shift: z value that maps to score 0.5.
    """

    def __init__(self, codebook: Codebook, embedder: Embedder, codes: Sequence[Code] | None = None, z_shift: float = 1.0):
        self.embedder = embedder
        self.codes = tuple(codes) if codes is not None else codebook.codes
        self.code_ids = tuple(c.id for c in self.codes)
        self.z_shift = z_shift
        protos: list[Prototype] = []
        for code in self.codes:
            protos += prototypes_of(code, codebook)
        self.prototypes = tuple(protos)
        self.proto_vectors_ = embedder.embed([p.text for p in protos]) if protos else np.zeros((0, embedder.dim), np.float32)
        self._columns = [np.array([i for i, p in enumerate(protos) if p.code_id == cid]) for cid in self.code_ids]
        self.background_mean_, self.background_sd_ = self._background()

    def _background(self) -> tuple[np.ndarray, np.ndarray]:
        """Per code: mean and sd of the best cosine of other codes' prototypes (same kind) to this code."""
        means = np.zeros(len(self.codes))
        sds = np.ones(len(self.codes))
        for column, code in enumerate(self.codes):
            others = [i for i, p in enumerate(self.prototypes) if p.code_id != code.id and self._kind(p.code_id) == code.kind]
            if len(others) < 2:
                continue
            sims = self.proto_vectors_[others] @ self.proto_vectors_[self._columns[column]].T
            best = sims.max(axis=1)
            means[column] = float(best.mean())
            sds[column] = max(float(best.std()), 1e-3)
        return means, sds

    def _kind(self, code_id: str) -> str:
        return self.codes[self.code_ids.index(code_id)].kind

    def score_vectors(self, vectors: np.ndarray) -> SemanticScores:
        """Score already embedded segments (rows L2-normalised)."""
        n = vectors.shape[0]
        cosine = np.zeros((n, len(self.codes)))
        nearest = np.zeros((n, len(self.codes)), dtype=np.int64)
        if n and len(self.prototypes):
            sims = vectors @ self.proto_vectors_.T
            for column, idx in enumerate(self._columns):
                block = sims[:, idx]
                best = block.argmax(axis=1)
                cosine[:, column] = block[np.arange(n), best]
                nearest[:, column] = idx[best]
        z = (cosine - self.background_mean_) / self.background_sd_
        scores = 1.0 / (1.0 + np.exp(-(z - self.z_shift)))
        return SemanticScores(self.code_ids, scores, cosine, nearest, self.prototypes)

    def score(self, texts: Sequence[str]) -> SemanticScores:
        """Embed and score segment texts."""
        return self.score_vectors(self.embedder.embed(list(texts)))
