"""The coding stage of the pipeline (the `Stage` contract of `nlp.stage`).

Reads: `output/pseudo/*.json` (per document), the codebook file, the reviewers' codes
(`output/review/human_codes.csv`), `interviews/metadata.csv` (its `interviewer` column) and the
`[codering]` settings. Speaker roles are detected on the raw corpus inside `interviews.roles`.
Writes: `output/segments.*` and `output/coding_reliability.*` (schemas in `codebook.coding.io`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from codebook.coding.io import RELIABILITY_SCHEMA, SCHEMA
from codebook.coding.settings import CodingSettings
from nlp.stage import Fingerprint, Stage, StageContext, StageOutcome, StageRecord, hash_bytes, hash_files

CODING = "coderen"


@dataclass(frozen=True)
class CodingStage(Stage):
    """Segment and code every pseudonymised transcript.

    Args:
        settings: the coding settings (from `[codering]`).
        codebook_path: the codebook file (fingerprinted).
        metadata_path: `interviews/metadata.csv` (its `interviewer` column overrides role detection).
        settings_section: the raw `[codering]` section (fingerprinted, so any key change re-codes).
    """

    settings: CodingSettings
    codebook_path: Path
    metadata_path: Path
    settings_section: str = ""

    name = CODING
    title = "Coderen"
    artifacts = tuple(f"{schema.name}{suffix}" for schema in (SCHEMA, RELIABILITY_SCHEMA)
                      for suffix in (".parquet", ".csv"))
    not_yet = ("N708", "nog niet gecodeerd: voer eerst 'narratief code' uit")

    def fingerprint(self, ctx: StageContext) -> Fingerprint:
        from codebook.reviewed import human_codes_path

        pseudo = sorted((ctx.out / "pseudo").glob("*.json"))
        return Fingerprint(
            hash_bytes(hash_files(pseudo), hash_files([self.codebook_path, human_codes_path(ctx.out),
                                                        self.metadata_path]),
                       repr(self.settings), self.settings_section),
            {p.stem: hash_files([p]) for p in pseudo})

    def run(self, ctx: StageContext, previous: StageRecord | None) -> StageOutcome:
        from codebook.coding import code_segments, make_segments, save_reliability, save_segments
        from codebook.reviewed import load_asked, load_human_codes, reviewed_asked
        from interviews.roles import RoleSettings, corpus_roles, read_interviewer_column
        from interviews.stage import load_pseudonymised

        settings = self.settings
        transcripts = load_pseudonymised(ctx.out)
        roles = corpus_roles(ctx.corpus.transcripts,
                             RoleSettings(settings.interviewer_labels, settings.roles_from_conversation),
                             read_interviewer_column(self.metadata_path))
        for doc, found in sorted(roles.items()):
            ctx.progress.step(f"{doc}: interviewer {found.method} ({found.interviewer_turns} beurten)")
        segments = make_segments(transcripts, ctx.language, max_words=settings.max_words, roles=roles)
        ctx.progress.step(f"{len(segments)} segmenten uit {len(transcripts)} transcripten")
        extra = None
        if settings.use_embeddings:
            from nlp.embeddings import CachedEmbedder, load_embedder

            extra = CachedEmbedder(load_embedder("use"), ctx.out / "embeddings")
        embedder = ctx.embedder if settings.semantic else None
        human = load_human_codes(ctx.out)
        result = code_segments(segments, ctx.codebook, ctx.language, embedder, settings,
                               human_codes=human, progress=_counter(ctx.progress.step),
                               extra_embedder=extra, manual_embedder=_manual_embedder(embedder))
        save_segments(result.table, ctx.out)
        save_reliability(result.reliability, ctx.out)
        # Reviewed segments narratief chose itself (its least sure): the agreement on them is a
        # hard test, and the chapter says so. Only imports change this count (a round's segments
        # are not yet reviewed when it is exported), and imports are in the fingerprint.
        asked = reviewed_asked(human, load_asked(ctx.out))
        return StageOutcome(result.table, {
            "backend": {**result.backend, "reviewed_asked": asked},
            "codebook": {"name": ctx.codebook.name, "version": ctx.codebook.version,
                         "sha256": hash_files([self.codebook_path])},
            "roles": {d: r.method for d, r in sorted(roles.items())},
            "reliability": result.reliability.to_dict("records"),
        })

    def load(self, ctx: StageContext) -> pd.DataFrame:
        from codebook.coding.io import load_segments

        return load_segments(ctx.out)


def _manual_embedder(embedder: Any):
    """The model of `embedder` with the per-user cache for the coding manual's texts (no personal data),
    so a new workspace does not embed the same manual again; None (the workspace's own cache is
    used) when that folder cannot be written or there is no cached embedder."""
    import os

    from nlp.embeddings import CachedEmbedder, shared_cache_dir

    if not isinstance(embedder, CachedEmbedder):
        return None
    folder = shared_cache_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return CachedEmbedder(embedder.inner, folder) if os.access(folder, os.W_OK | os.X_OK) else None


def _counter(say: Any):
    """A progress callback (step, done, total) that prints about five lines per step."""

    def count(step: str, done: int, total: int) -> None:
        if total and (done == total or done % max(1, total // 5) == 0):
            say(f"{step}: {done}/{total}")

    return count
