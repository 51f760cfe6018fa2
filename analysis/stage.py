"""The analysis stages of the pipeline (the `Stage` contract of `nlp.stage`).

`AgreementStage` reads the coded segments, the reviewers' codes and the codebook and writes
`output/agreement/`; `CompareStage` reads the coded segments and their embeddings and writes
`output/analysis/`. Both recompute from tables: cheap, so they always run over the whole corpus.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from nlp.stage import Fingerprint, Stage, StageContext, StageOutcome, StageRecord, hash_bytes, hash_files

AGREEMENT = "overeenstemming"
COMPARE = "vergelijken"


def _segments_file(ctx: StageContext) -> Path:
    from codebook.coding.io import SCHEMA

    return SCHEMA.path_in(ctx.out)


@dataclass(frozen=True)
class AgreementStage(Stage):
    """Machine-vs-reviewer and reviewer-vs-reviewer agreement per code."""

    codebook_path: Path

    name = AGREEMENT
    title = "Overeenstemming"
    artifacts = ("agreement",)

    def fingerprint(self, ctx: StageContext) -> Fingerprint:
        from codebook.reviewed import human_codes_path

        return Fingerprint(hash_bytes(hash_files([human_codes_path(ctx.out), _segments_file(ctx),
                                                  self.codebook_path])))

    def run(self, ctx: StageContext, previous: StageRecord | None) -> StageOutcome:
        from analysis.agreement import AGREEMENT_COLUMNS, compute_agreement, save_agreement
        from codebook.coding.io import load_segments
        from codebook.reviewed import load_human_codes

        human = load_human_codes(ctx.out)
        if human is None or human.empty:
            ctx.progress.step("geen menselijke codes: alleen de machine heeft gecodeerd")
            table = pd.DataFrame(columns=list(AGREEMENT_COLUMNS))
        else:
            from codebook.review import codings_from_segments  # the review workbook's module (openpyxl)

            codings = pd.concat([codings_from_segments(load_segments(ctx.out)), human], ignore_index=True)
            table = compute_agreement(codings, ctx.codebook)
        save_agreement(table, ctx.out / "agreement")
        coders = sorted(set(human["coder"])) if human is not None and not human.empty else []
        return StageOutcome(table, {"coders": coders})

    def load(self, ctx: StageContext) -> pd.DataFrame | None:
        from analysis.agreement import load_agreement

        return load_agreement(ctx.out / "agreement")


@dataclass(frozen=True)
class CompareStage(Stage):
    """Themes across years, wijken and interview types, with bootstrap intervals."""

    settings: object  # analysis.compare.CompareSettings (imported lazily: it pulls scipy)

    name = COMPARE
    title = "Vergelijken"
    artifacts = ("analysis",)

    def fingerprint(self, ctx: StageContext) -> Fingerprint:
        return Fingerprint(hash_bytes(hash_files([_segments_file(ctx)]), repr(self.settings)))

    def run(self, ctx: StageContext, previous: StageRecord | None) -> StageOutcome:
        from analysis.compare import compare
        from codebook.coding.io import load_segments

        segments = load_segments(ctx.out)
        if "role" in segments.columns:  # interviewer turns are not counted in shares nor quoted
            segments = segments[segments["role"] != "interviewer"].reset_index(drop=True)
        tables = compare(segments, self.settings, embeddings=ctx.embedder.embed(segments["text"].tolist()))
        tables.save(ctx.out / "analysis")
        for note in tables.notes:
            ctx.progress.warn(note)
        return StageOutcome(tables, {"bootstrap": self.settings.n_boot, "seed": self.settings.seed})

    def load(self, ctx: StageContext):
        from analysis.tables import AnalysisTables

        return AnalysisTables.load(ctx.out / "analysis")
