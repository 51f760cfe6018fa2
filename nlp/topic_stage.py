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
    """BERTopic over the segments, aligned with the codebook's themes; a small change places the
    new segments into the existing topics instead of fitting anew.

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
        """Place new and changed segments into the topics of the last fit while less than
        `settings.max_changed_share` changed since that fit; else fit anew (`nlp.topic_place`).
        A forced run, a first run or another embedding model always fits."""
        from nlp.topic_place import update_topics

        segments = self.read_segments(ctx.out)
        embeddings = ctx.embedder.embed(segments["text"].tolist())
        theme_texts = {t.id: t.prototype_text() for t in ctx.codebook.themes}
        theme_embeddings = ctx.embedder.embed(list(theme_texts.values()))
        earlier = self._earlier(ctx, previous)
        result = update_topics(earlier, segments, embeddings, theme_texts, theme_embeddings, self.settings)
        result.save(ctx.out / "topics")
        for note in result.notes:
            ctx.progress.warn(note)
        emergent = int(result.topics["emergent"].sum()) if "emergent" in result.topics else 0
        mode = "geplaatst in de bestaande onderwerpen" if result.info.get("mode") == "geplaatst" else "geschat"
        ctx.progress.step(f"{len(result.topics)} onderwerpen ({mode}), waarvan {emergent} nieuw")
        return StageOutcome(result, {"seed": self.settings.seed, "embedder": ctx.embedder.name,
                                     "mode": result.info.get("mode", "geschat"), "info": dict(result.info)})

    def _earlier(self, ctx: StageContext, previous: StageRecord | None):
        """The last run's topics to place into, or None (first or forced run, other embedder)."""
        from nlp.errors import NlpError
        from nlp.topics import TopicResult

        if previous is None or previous.details.get("embedder") != ctx.embedder.name:
            return None
        try:
            return TopicResult.load(ctx.out / "topics")
        except NlpError:
            return None

    def load(self, ctx: StageContext):
        from nlp.topics import TopicResult

        return TopicResult.load(ctx.out / "topics")
