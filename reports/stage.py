"""The report stages of the pipeline (the `Stage` contract of `nlp.stage`).

`InterpretationStage` runs the evaluator's interpretation files (`interpretatie/<theme>.md`)
through the same pseudonymisation as the transcripts (same key: a person keeps one pseudonym) into
`output/interpretatie/`. `ReportStage` writes the chapter under `output/rapport/`, `ShareStage` the
learning community's edition under `output/deel/`; both are leak-checked by the orchestrator.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from nlp.stage import Fingerprint, Stage, StageContext, StageOutcome, StageRecord, hash_bytes, hash_files

INTERPRETATION = "interpretatie"
REPORT = "rapport"
SHARE = "deel"
REUSED = " (niets veranderd sinds de vorige opmaak: de bestanden zijn behouden)"


@dataclass(frozen=True)
class InterpretationStage(Stage):
    """Pseudonymise the interpretation files; findings go to `bevindingen-interpretatie.csv`
    beside the key (sealed), for review.

    Args:
        interpretation_dir: the workspace's `interpretatie/`.
        key_dir: the key folder.
        pseudonymise: the transcripts' pseudonymisation stage (same lists, terms, style, profile).
    """

    interpretation_dir: Path
    key_dir: Path
    pseudonymise: Any  # interviews.stage.PseudonymiseStage

    name = INTERPRETATION
    title = "Interpretaties"
    artifacts = ("interpretatie",)

    @property
    def review_path(self) -> Path:
        return self.key_dir / "bevindingen-interpretatie.csv"

    @property
    def cache_dir(self) -> Path:
        """The notes' detection cache, sealed with the key, apart from the transcripts' cache (each
        cache drops the documents it is not given): a changed transcript re-runs this stage (the key's
        names may have grown), but its unchanged notes are not searched again."""
        return self.key_dir / "detectie-interpretatie"

    def _texts(self, ctx: StageContext) -> dict[str, str]:
        from reports.inputs import read_interpretations

        return read_interpretations(ctx.codebook, self.interpretation_dir)

    def fingerprint(self, ctx: StageContext) -> Fingerprint:
        from interviews.stage import decisions_fingerprint

        record = ctx.record_of(self.pseudonymise.name)
        return Fingerprint(hash_bytes(
            json.dumps(self._texts(ctx), sort_keys=True),
            record.input_hash if record else "",  # transcripts, lists, settings
            decisions_fingerprint(self.review_path, ctx, ctx.record_of(self.name)),
        ))

    def run(self, ctx: StageContext, previous: StageRecord | None) -> StageOutcome:
        from interviews.pseudonymise import pseudonymise_corpus
        from interviews.records import Transcript, TranscriptMeta, Turn
        from nlp.io import write_text

        texts = self._texts(ctx)
        notes = []
        for theme, text in sorted(texts.items()):
            paragraphs = [p for p in text.split("\n\n") if p.strip()]
            if paragraphs:
                turns = tuple(Turn(index=i, speaker=None, text=p) for i, p in enumerate(paragraphs))
                notes.append(Transcript(doc=f"interpretatie-{theme}", source=f"interpretatie/{theme}.md",
                                        meta=TranscriptMeta(year=0, type="wijk", wijk="stad"), turns=turns,
                                        sha256="", format="md"))
        cleaned = {theme: "" for theme in texts}
        if notes:
            ctx.progress.step("interpretaties pseudonimiseren")
            stage = self.pseudonymise
            outcome = pseudonymise_corpus(
                notes, ctx.key, review_path=self.review_path, allow=dict(stage.allow), deny=dict(stage.deny),
                protected_terms=set(stage.protected_terms), style=stage.style, profile=ctx.profile,
                cache_dir=self.cache_dir)
            for note in outcome.transcripts:
                cleaned[note.doc.removeprefix("interpretatie-")] = "\n\n".join(t.text for t in note.turns) + "\n"
        folder = ctx.out / "interpretatie"
        folder.mkdir(parents=True, exist_ok=True)
        for theme, text in cleaned.items():
            write_text(folder / f"{theme}.md", text)
        from interviews.stage import remembered_decisions

        return StageOutcome(folder, {"files": len(notes), **remembered_decisions(self.review_path, ctx.key)})

    def load(self, ctx: StageContext) -> Path:
        return ctx.out / "interpretatie"


@dataclass(frozen=True)
class ReportInputsSource:
    """Where the chapter's inputs come from (what the report and the shared edition both read)."""

    codebook_path: Path
    interpretation_dir: Path
    workspace: str
    replacements_from: str  # the pseudonymisation stage's name (its replacement counts)

    def fingerprint_files(self, ctx: StageContext) -> list[Path]:
        from codebook.reviewed import shareable_path

        folders = [ctx.out / "analysis", ctx.out / "topics", ctx.out / "agreement"]
        files = [p for f in folders if f.is_dir() for p in f.glob("*.parquet")]
        files += [self.codebook_path, shareable_path(ctx.out)]
        if self.interpretation_dir.is_dir():
            files += list(self.interpretation_dir.glob("*.md"))
        return files

    def load(self, ctx: StageContext):
        from codebook.reviewed import load_shareable
        from reports.inputs import load_report_inputs

        record = ctx.record_of(self.replacements_from)
        return load_report_inputs(
            ctx.out, ctx.codebook, ctx.out / "interpretatie",
            shareable=load_shareable(ctx.out),
            pseudonymisation_counts=record.details.get("replacements", {}) if record else {},
            workspace=self.workspace,
            municipality=ctx.profile.municipality,
            programme=ctx.profile.programme,
            profile=ctx.profile,
        )


def _relative(files, out: Path) -> tuple[str, ...]:
    return tuple(str(Path(p).relative_to(out)) for p in files)


class _Publication(Stage):
    """A document of one year rendered from the report inputs (chapter or shared edition): its
    fingerprint covers those inputs, the year, the formats and `extra`; it loads the files its last
    run rendered. Published documents are leak-checked."""

    leak_checked = True
    source: ReportInputsSource
    year: int
    formats: tuple[str, ...]

    def extra(self) -> str:
        return ""

    def fingerprint(self, ctx: StageContext) -> Fingerprint:
        return Fingerprint(hash_bytes(hash_files(self.source.fingerprint_files(ctx)), str(self.year),
                                      self.extra(), ",".join(self.formats)))

    def load(self, ctx: StageContext) -> list[Path]:
        record = ctx.record_of(self.name)
        return [ctx.out / p for p in (record.outputs if record else ())]


@dataclass(frozen=True)
class ReportStage(_Publication):
    """The chapter 'Narratief onderzoek' of one year, in the given formats."""

    source: ReportInputsSource
    year: int
    formats: tuple[str, ...]

    name = REPORT
    artifacts = ("rapport",)  # the folder; each run records the files it rendered

    @property
    def title(self) -> str:  # type: ignore[override]
        return f"Rapport {self.year}"

    def run(self, ctx: StageContext, previous: StageRecord | None) -> StageOutcome:
        from reports.chapter import build_chapter
        from reports.render import render_chapter

        source = build_chapter(self.source.load(ctx), self.year, ctx.out / "rapport")
        result = render_chapter(source, formats=list(self.formats))
        ctx.progress.step(f"opgemaakt met {result.engine}" + (REUSED if result.reused else ""))
        for warning in result.warnings:
            ctx.progress.warn(warning)
        return StageOutcome(list(result.files), {"year": self.year, "engine": result.engine},
                            artifacts=_relative(result.files, ctx.out))


@dataclass(frozen=True)
class ShareStage(_Publication):
    """The anonymised edition for the learning community of one year."""

    source: ReportInputsSource
    year: int
    formats: tuple[str, ...]
    settings: Any  # reports.share.ShareSettings

    name = SHARE
    artifacts = ("deel",)  # the folder; each run records the files it rendered

    @property
    def title(self) -> str:  # type: ignore[override]
        return f"Editie lerend netwerk {self.year}"

    def extra(self) -> str:
        return repr(self.settings)

    def run(self, ctx: StageContext, previous: StageRecord | None) -> StageOutcome:
        from reports.share import build_shared_edition

        edition = build_shared_edition(self.source.load(ctx), self.year, ctx.out / "deel", self.settings,
                                       formats=list(self.formats))
        ctx.progress.step(f"{edition.suppressed_cells} kleine cellen onderdrukt, {edition.quotes} citaten"
                          + (REUSED if edition.reused else ""))
        return StageOutcome(list(edition.files), {"year": self.year, "engine": edition.engine,
                                                  "suppressed_cells": edition.suppressed_cells},
                            artifacts=_relative(edition.files, ctx.out))
