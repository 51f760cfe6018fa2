"""The topic stage of the pipeline (the `Stage` contract of `nlp.stage`).

Reads: the coded segments (through the reader the orchestrator passes in: `nlp` imports no other
stage), their embeddings, the codebook's theme texts and the `[onderwerpen]` settings.
Writes: `output/topics/` (tables, `info.json`, `model/`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import pandas as pd

from nlp.stage import Fingerprint, Stage, StageContext, StageOutcome, StageRecord, hash_bytes, hash_files

TOPICS = "onderwerpen"


@dataclass(frozen=True)
class TopicStage(Stage):
    """BERTopic over the segments, aligned with the codebook's themes.

    Args:
        settings: `nlp.topics.TopicSettings`.
        codebook_path: the codebook file (its theme texts steer the alignment).
        segments_file: the coded segments' file (fingerprinted).
        read_segments: reads the coded segments table from `output/`.
    """

    settings: Any
    codebook_path: Path
    segments_file: Path
    read_segments: Callable[[Path], pd.DataFrame]

    name = TOPICS
    title = "Onderwerpen"
    artifacts = ("topics",)

    def fingerprint(self, ctx: StageContext) -> Fingerprint:
        return Fingerprint(hash_bytes(hash_files([self.segments_file, self.codebook_path]), repr(self.settings)))

    def run(self, ctx: StageContext, previous: StageRecord | None) -> StageOutcome:
        from nlp.topics import fit_topics

        segments = self.read_segments(ctx.out)
        embeddings = ctx.embedder.embed(segments["text"].tolist())
        theme_texts = {t.id: t.prototype_text() for t in ctx.codebook.themes}
        theme_embeddings = ctx.embedder.embed(list(theme_texts.values()))
        result = fit_topics(segments, embeddings, theme_texts, theme_embeddings, self.settings)
        result.save(ctx.out / "topics")
        for note in result.notes:
            ctx.progress.warn(note)
        emergent = int(result.topics["emergent"].sum()) if "emergent" in result.topics else 0
        ctx.progress.step(f"{len(result.topics)} onderwerpen, waarvan {emergent} nieuw")
        return StageOutcome(result, {"seed": self.settings.seed, "embedder": ctx.embedder.name,
                                     "info": dict(result.info)})

    def load(self, ctx: StageContext):
        from nlp.topics import TopicResult

        return TopicResult.load(ctx.out / "topics")
