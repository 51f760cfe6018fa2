"""The pipeline: ingest -> pseudonymise -> code -> topics -> compare -> agreement -> report -> deel.

Every stage reads the previous stage's artifact from `output/`, writes its own atomically and records
its input hash in the run manifest. `run` skips a stage whose inputs did not change and whose
outputs exist, so a changed transcript re-runs what depends on it and an interrupted run resumes
after the last finished stage. Raw transcripts are handled only inside the `interviews` stage calls.
"""

from __future__ import annotations

import functools
import json
import os
from functools import cached_property
from pathlib import Path
from typing import Any, Callable, Sequence

import pandas as pd

from interviews.records import PseudonymisedTranscript
from narratief.console import Progress, is_interactive
from narratief.manifest import Manifest, hash_bytes, hash_files
from narratief.lock import LOCK_NAME, WorkspaceLock
from narratief.workspace import Workspace, WorkspaceError
from nlp.io import write_csv, write_text


def _locked(method):
    """Run a writing step under the workspace lock (re-entrant: `run` and its stages lock once)."""

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        with WorkspaceLock(self.out / LOCK_NAME, say=self.progress.warn):
            return method(self, *args, **kwargs)

    return wrapper


class Pipeline:
    """One workspace's pipeline. Expensive resources (language, embedder) load once, on first use."""

    def __init__(self, workspace: Workspace, progress: Progress | None = None, *, skip_invalid: bool = False,
                 passphrase: Callable[[], str | None] | None = None, new_key: bool = False):
        self.ws = workspace
        self.progress = progress or Progress(quiet=True)
        self.skip_invalid = skip_invalid
        self._passphrase = passphrase
        self.new_key = new_key
        self.out = workspace.output_dir
        self.manifest = Manifest(self.out / "manifest.json")

    # ---------------------------------------------------------------- resources
    @cached_property
    def codebook(self):
        from codebook.load import load_codebook

        return load_codebook(self.ws.codebook_path)

    @cached_property
    def language(self):
        """The Dutch pipeline; when the full model is missing, nlp.language logs N401 once (visible)."""
        import warnings

        from nlp.language import MissingModelWarning, load_language

        with warnings.catch_warnings():
            warnings.simplefilter("ignore", MissingModelWarning)  # the N401 log line already says it
            lang = load_language(self.ws.settings.codering.taalmodel)
        self.progress.step(f"taalmodel: {lang.backend}")
        return lang

    @cached_property
    def embedder(self):
        from nlp.embeddings import CachedEmbedder, load_embedder

        inner = load_embedder(self.ws.settings.codering.embeddings)
        self.progress.step(f"embeddingmodel: {inner.name}")
        return CachedEmbedder(inner, self.out / "embeddings")

    @cached_property
    def key(self):
        """The pseudonymisation key, opened once (the passphrase is asked at most once)."""
        from interviews.pseudonymise import open_key, passphrase_from_env

        self._check_key_dir()
        phrase = passphrase_from_env()
        if phrase is None and self._passphrase is not None:
            phrase = self._passphrase()
        if phrase is None and is_interactive():
            import typer

            phrase = typer.prompt("Wachtwoordzin voor de pseudonimiseringssleutel", hide_input=True)
        return open_key(self.ws.key_dir / "sleutel.bin", phrase)

    def _check_key_dir(self) -> None:
        """The key folder must be a writable folder, and a key must not silently start anew.

        Raises:
            WorkspaceError: N719 key folder is a file or not writable; N718 no key while
                pseudonymised outputs exist (returning people would get another pseudonym).
        """
        folder = self.ws.key_dir
        config = self.ws.config_path
        if folder.exists() and not folder.is_dir():
            raise WorkspaceError("N719", f"de sleutelmap {folder} is een bestand, geen map; wijs met "
                                 "paden.sleutelmap een map aan", config)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise WorkspaceError("N719", f"de sleutelmap {folder} kan niet worden gemaakt ({exc.strerror}); "
                                 "wijs met paden.sleutelmap een schrijfbare map aan", config) from None
        if not os.access(folder, os.W_OK | os.X_OK):
            raise WorkspaceError("N719", f"de sleutelmap {folder} is niet schrijfbaar; pas de rechten aan of "
                                 "wijs met paden.sleutelmap een andere map aan", config)
        key_file = folder / "sleutel.bin"
        earlier = self.manifest.stage("pseudonimiseren") or any((self.out / "pseudo").glob("*.json"))
        if not key_file.exists() and earlier and not self.new_key:
            raise WorkspaceError(
                "N718", f"de sleutel ontbreekt: verwacht in {key_file}, maar deze werkmap is al eerder "
                "gepseudonimiseerd. Zonder die sleutel krijgen terugkerende personen een ander pseudoniem. "
                "Zet de sleutelmap terug, of wijs hem aan met paden.sleutelmap in narratief.toml of "
                "NARRATIEF_KEY_DIR; wilt u bewust opnieuw beginnen, gebruik dan --nieuwe-sleutel", config)
        if not key_file.exists() and self.new_key:
            # The findings files are sealed with the lost key: keep them aside, unreadable to the new key.
            for name in ("bevindingen.csv", "bevindingen-interpretatie.csv"):
                sealed = folder / name
                if sealed.exists():
                    n = 1
                    while (folder / f"{name}.oude-sleutel-{n}").exists():
                        n += 1
                    sealed.rename(folder / f"{name}.oude-sleutel-{n}")
                    self.progress.warn(f"nieuwe sleutel: {name} van de oude sleutel bewaard als "
                                       f"{name}.oude-sleutel-{n}")

    # ---------------------------------------------------------------- stages
    @cached_property
    def _corpus(self):
        """The transcripts, read once per pipeline (ingest and pseudonymise share them)."""
        from interviews.corpus import read_corpus

        formats = list(self.ws.settings.invoer.formaten)
        result = read_corpus(self.ws.interviews_dir, formats=formats, skip_invalid=self.skip_invalid,
                             name_pattern=self.ws.name_pattern, wijken=self.ws.profile.wijk_names)
        for error in result.skipped:
            self.progress.warn(f"overgeslagen: {error.message}")
        if not result.transcripts:
            raise WorkspaceError("N706", "geen transcripten gevonden", self.ws.interviews_dir)
        return result

    def ingest(self):
        """Read every transcript; returns the per-file summary (no text)."""
        from interviews.corpus import summarise

        with self.progress.stage("Inlezen"):
            result = self._corpus
            self.progress.step(f"{len(result.transcripts)} transcripten gelezen")
            return summarise(result.transcripts)

    def _pseudo_inputs(self, transcripts) -> str:
        """Sources, allow/deny lists, the users' decisions (not the findings the stage itself
        writes into the review file), codebook and settings."""
        from interviews.pseudonymise.review import read_decisions

        privacy = [self.ws.privacy_dir / "toestaan.txt", self.ws.privacy_dir / "weigeren.txt",
                   self.ws.codebook_path]
        decisions = read_decisions(self.ws.key_dir / "bevindingen.csv", self.key).by_key
        return hash_bytes(
            json.dumps(sorted((t.source, t.sha256) for t in transcripts)),
            hash_files(privacy),
            json.dumps(sorted([*key, decision] for key, decision in decisions.items())),
            json.dumps(self.ws.section("pseudonimisering"), sort_keys=True),
            self.ws.settings.gemeente,
            repr(self.ws.profile),
        )

    @_locked
    def pseudonymise(self, force: bool = False) -> list[PseudonymisedTranscript]:
        """Detect, decide and apply pseudonyms; write output/pseudo and output/transcripten."""
        from interviews.pseudonymise.apply import write_outputs
        from interviews.pseudonymise.stage import pseudonymise_corpus

        result = self._corpus
        input_hash = self._pseudo_inputs(result.transcripts)
        if not force and self.manifest.is_current("pseudonimiseren", input_hash, self.out):
            self.progress.skipped("Pseudonimiseren")
            return self.load_pseudonymised()
        with self.progress.stage("Pseudonimiseren"):
            key = self.key
            self.ws.key_dir.mkdir(parents=True, exist_ok=True)
            outcome = pseudonymise_corpus(
                result.transcripts,
                key,
                review_path=self.ws.key_dir / "bevindingen.csv",
                allow=self._terms("toestaan.txt"),
                deny=self._terms("weigeren.txt"),
                protected_terms=self._protected_terms(),
                style=self._pseudonym_style(),
                progress=self.progress.step,
                profile=self.ws.profile,
            )
            written = write_outputs(outcome.transcripts, self.out)
            self._remove_stale({p.name for p in written}, ("pseudo", "transcripten"))
            self.manifest.record("pseudonimiseren", input_hash, ["pseudo", "transcripten"], {
                "transcripts": len(outcome.transcripts),
                "replacements": outcome.counts,
                "detector": outcome.backend,
                "persons": outcome.persons,
            })
            return list(outcome.transcripts)

    def _pseudonym_style(self):
        from interviews.pseudonymise.pseudonyms import PseudonymStyle

        section = self.ws.settings.pseudonimisering
        return PseudonymStyle(person=section.persoon, number_all=section.alles_nummeren,
                              birth_year_band=section.geboortejaar_band)

    def _protected_terms(self) -> set[str]:
        """Programme vocabulary that is never pseudonymised: the codebook's terms and the municipality."""
        return {*self.codebook.terms(), *([self.ws.settings.gemeente] if self.ws.settings.gemeente else [])}

    def _remove_stale(self, keep: set[str], folders: Sequence[str]) -> None:
        """Derived files of transcripts that no longer exist are removed (only inside output/)."""
        for name in folders:
            for path in (self.out / name).glob("*"):
                if path.is_file() and path.name not in keep:
                    path.unlink()

    def load_pseudonymised(self) -> list[PseudonymisedTranscript]:
        folder = self.out / "pseudo"
        if not folder.is_dir():
            raise WorkspaceError("N707", "nog niet gepseudonimiseerd: voer eerst 'narratief pseudonymise' uit", folder)
        return [PseudonymisedTranscript.from_dict(json.loads(p.read_text(encoding="utf-8")))
                for p in sorted(folder.glob("*.json"))]

    def privacy_review_export(self, destination: Path) -> int:
        """Write the privacy review workbook (raw findings) to a path the user chose."""
        from interviews.pseudonymise.review_workbook import export_review

        return export_review(self.ws.key_dir / "bevindingen.csv", self.key, destination, forbidden=self.out)

    def privacy_review_import(self, source: Path) -> int:
        """Read the decisions of a filled-in privacy review workbook into the sealed review file."""
        from interviews.pseudonymise.review_workbook import import_review

        return import_review(self.ws.key_dir / "bevindingen.csv", self.key, source)

    def reidentify(self, pseudonym: str) -> str:
        from interviews.pseudonymise.pseudonyms import reidentify

        return reidentify(self.key, pseudonym, self._pseudonym_style())

    # ---------------------------------------------------------------- coding
    def _segments_path(self) -> Path:
        return self.out / "segments.parquet"

    def _coding_settings(self):
        return self.ws.coding_settings()

    def _roles(self, settings):
        """Speaker roles per document, detected on the raw transcripts inside `interviews`
        (labels, settings, the `interviewer` column of metadata.csv, the conversation)."""
        from interviews.roles import RoleSettings, corpus_roles, read_interviewer_column

        return corpus_roles(self._corpus.transcripts,
                            RoleSettings(settings.interviewer_labels, settings.roles_from_conversation),
                            read_interviewer_column(self.ws.interviews_dir / "metadata.csv"))

    def _human_codes_path(self) -> Path:
        return self.out / "review" / "human_codes.csv"

    def human_codes(self) -> pd.DataFrame | None:
        path = self._human_codes_path()
        if not path.is_file():
            return None
        return pd.read_csv(path, dtype={"doc": str, "coder": str, "code": str}, keep_default_na=False)

    @_locked
    def code(self, force: bool = False) -> pd.DataFrame:
        """Segment and code every pseudonymised transcript; write output/segments.csv|parquet."""
        from codebook.coding import code_segments, make_segments, save_reliability, save_segments

        pseudo_dir = self.out / "pseudo"
        settings = self._coding_settings()
        input_hash = hash_bytes(
            hash_files(pseudo_dir.glob("*.json")) if pseudo_dir.is_dir() else "",
            hash_files([self.ws.codebook_path, self._human_codes_path(), self.ws.interviews_dir / "metadata.csv"]),
            repr(settings), self.ws.section("codering").__repr__(),
        )
        if not force and self.manifest.is_current("coderen", input_hash, self.out):
            self.progress.skipped("Coderen")
            return self.segments()
        with self.progress.stage("Coderen"):
            transcripts = self.load_pseudonymised()
            roles = self._roles(settings)
            for doc, found in sorted(roles.items()):
                self.progress.step(f"{doc}: interviewer {found.method} ({found.interviewer_turns} beurten)")
            segments = make_segments(transcripts, self.language, max_words=settings.max_words, roles=roles)
            self.progress.step(f"{len(segments)} segmenten uit {len(transcripts)} transcripten")
            extra = None
            if settings.use_embeddings:
                from nlp.embeddings import CachedEmbedder, load_embedder

                extra = CachedEmbedder(load_embedder("use"), self.out / "embeddings")
            result = code_segments(segments, self.codebook, self.language,
                                   self.embedder if settings.semantic else None, settings,
                                   human_codes=self.human_codes(), progress=self._count_progress,
                                   extra_embedder=extra)
            save_segments(result.table, self.out)
            save_reliability(result.reliability, self.out)
            self.manifest.record("coderen", input_hash,
                                 ["segments.parquet", "segments.csv", "coding_reliability.parquet",
                                  "coding_reliability.csv"],
                                 {"backend": result.backend, "codebook": self._codebook_info(),
                                  "roles": {d: r.method for d, r in sorted(roles.items())},
                                  "reliability": result.reliability.to_dict("records")})
            return result.table

    def _count_progress(self, step: str, done: int, total: int) -> None:
        if total and (done == total or done % max(1, total // 5) == 0):
            self.progress.step(f"{step}: {done}/{total}")

    def _codebook_info(self) -> dict[str, Any]:
        return {"name": self.codebook.name, "version": self.codebook.version,
                "sha256": hash_files([self.ws.codebook_path])}

    def segments(self) -> pd.DataFrame:
        from codebook.coding import load_segments

        path = self._segments_path()
        if not path.is_file():
            raise WorkspaceError("N708", "nog niet gecodeerd: voer eerst 'narratief code' uit", path)
        return load_segments(self.out)

    @_locked
    def review_export(self, coders: Sequence[str], aantal: int = 0, jaar: int | None = None) -> Path:
        """Write a review workbook: every segment (of `jaar`, default the latest year), or with
        `aantal` only the N segments the machine is least sure about, diverse and not yet reviewed."""
        from codebook.review import export_review

        segments = self.segments()
        year = self._report_year(jaar) if jaar is not None else int(segments["year"].max())
        name = f"review-{year}.xlsx"
        if aantal:
            segments = self._review_batch(segments, aantal, jaar)
            batch = len(list((self.out / "review").glob(f"review-{jaar or 'alle'}-ronde-*.xlsx"))) + 1
            name = f"review-{jaar or 'alle'}-ronde-{batch}.xlsx"
        elif jaar is not None:
            segments = segments[segments["year"] == year]
        path = self.out / "review" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        return export_review(segments, self.codebook, path, coders=tuple(coders) or ("codeur1",))

    def _reviewed_keys(self) -> set:
        human = self.human_codes()
        if human is None or human.empty:
            return set()
        return {(str(d), int(t)) for d, t in zip(human["doc"], human["turn"])}

    def _review_batch(self, segments: pd.DataFrame, n: int, year: int | None) -> pd.DataFrame:
        from codebook.coding.active import select_for_review

        segments = segments.reset_index(drop=True)
        done = self._reviewed_keys()
        unsure = segments["uncertainty"].to_numpy() if "uncertainty" in segments else segments.index.to_numpy() * 0.0
        candidates = (unsure > 0) & ~segments.apply(lambda r: (str(r["doc"]), int(r["turn"])) in done, axis=1).to_numpy()
        if year is not None:
            candidates &= (segments["year"] == self._report_year(year)).to_numpy()
        if not candidates.any():
            raise WorkspaceError("N721", "geen onbeoordeelde segmenten meer om voor te leggen"
                                 + (f" uit {year}" if year else ""), self.out / "segments.parquet")
        vectors = self.embedder.embed(segments["text"].astype(str).tolist())
        rows = select_for_review(unsure, vectors, candidates, n, random_state=self._coding_settings().random_state)
        return segments.iloc[sorted(rows)]

    @_locked
    def review_import(self, workbook: Path) -> int:
        from codebook.review import read_review

        imported = read_review(Path(workbook), self.codebook)
        self._merge_human_codes(imported.codes)
        shareable = self.out / "review" / "shareable.csv"
        marked = imported.shareable.assign(
            deelbaar=imported.shareable["shareable"].map(lambda v: "ja" if bool(v) else "nee"))
        marked = marked[["doc", "turn", "part", "deelbaar"]]
        previous = pd.read_csv(shareable, dtype={"doc": str}) if shareable.is_file() else None
        table = marked if previous is None else (
            pd.concat([previous, marked]).drop_duplicates(["doc", "turn", "part"], keep="last"))
        write_csv(table, shareable)
        return len(imported.codes)

    def _merge_human_codes(self, codes: pd.DataFrame) -> None:
        """Add imported human codes; a coder's new judgement of a segment replaces the old one."""
        old = self.human_codes()
        if old is not None and not old.empty:
            new_keys = set(zip(codes["doc"], codes["turn"], codes["part"], codes["coder"]))
            keep = [k not in new_keys for k in zip(old["doc"], old["turn"], old["part"], old["coder"])]
            codes = pd.concat([old[keep], codes], ignore_index=True)
        write_csv(codes, self._human_codes_path())

    @_locked
    def qda_export(self) -> list[Path]:
        from codebook.qdc import export_qdc
        from codebook.qdpx import export_qdpx
        from codebook.review import codings_from_segments

        folder = self.out / "qda"
        folder.mkdir(parents=True, exist_ok=True)
        segments = self.segments()
        codings = codings_from_segments(segments)
        human = self.human_codes()
        if human is not None:
            codings = pd.concat([codings, human], ignore_index=True)
        return [
            export_qdc(self.codebook, folder / "codeboek.qdc"),
            export_qdpx(self.load_pseudonymised(), self.codebook, codings, folder / "project.qdpx",
                        segments=segments, project_name=self.ws.name),
        ]

    @_locked
    def qda_import(self, project: Path) -> int:
        from codebook.qdpx import import_qdpx

        codes = import_qdpx(Path(project), self.codebook, transcripts=self.load_pseudonymised())
        codes = codes[codes["coder"] != "machine"]
        self._merge_human_codes(codes)
        return len(codes)

    # ---------------------------------------------------------------- agreement
    @_locked
    def agreement(self, force: bool = False) -> pd.DataFrame:
        from analysis.agreement import compute_agreement, load_agreement, save_agreement
        from codebook.review import codings_from_segments

        human = self.human_codes()
        input_hash = hash_bytes(hash_files([self._human_codes_path(), self._segments_path(), self.ws.codebook_path]))
        folder = self.out / "agreement"
        if not force and self.manifest.is_current("overeenstemming", input_hash, self.out):
            self.progress.skipped("Overeenstemming")
            return load_agreement(folder)
        with self.progress.stage("Overeenstemming"):
            if human is None or human.empty:
                self.progress.step("geen menselijke codes: alleen de machine heeft gecodeerd")
                table = pd.DataFrame(columns=["code", "coder_a", "coder_b", "n", "percent", "kappa", "alpha", "reading"])
            else:
                codings = pd.concat([codings_from_segments(self.segments()), human], ignore_index=True)
                table = compute_agreement(codings, self.codebook)
            save_agreement(table, folder)
            self.manifest.record("overeenstemming", input_hash, ["agreement"], {"coders": sorted(
                set(human["coder"])) if human is not None and not human.empty else []})
            return table

    # ---------------------------------------------------------------- topics and comparison
    @_locked
    def topics(self, force: bool = False):
        from nlp.topics import TopicResult, TopicSettings, fit_topics

        settings = self._topic_settings()
        input_hash = hash_bytes(hash_files([self._segments_path(), self.ws.codebook_path]), repr(settings))
        folder = self.out / "topics"
        if not force and self.manifest.is_current("onderwerpen", input_hash, self.out):
            self.progress.skipped("Onderwerpen")
            return TopicResult.load(folder)
        with self.progress.stage("Onderwerpen"):
            segments = self.segments()
            embeddings = self.embedder.embed(segments["text"].tolist())
            themes = self.codebook.themes
            theme_texts = {t.id: t.prototype_text() for t in themes}
            theme_embeddings = self.embedder.embed(list(theme_texts.values()))
            result = fit_topics(segments, embeddings, theme_texts, theme_embeddings, settings)
            result.save(folder)
            for note in result.notes:
                self.progress.warn(note)
            emergent = int(result.topics["emergent"].sum()) if "emergent" in result.topics else 0
            self.progress.step(f"{len(result.topics)} onderwerpen, waarvan {emergent} nieuw")
            self.manifest.record("onderwerpen", input_hash, ["topics"], {
                "seed": settings.seed, "embedder": self.embedder.name, "info": dict(result.info)})
            return result

    @_locked
    def _topic_settings(self):
        from nlp.topics import TopicSettings

        return TopicSettings(seed=self.ws.settings.onderwerpen.seed)

    def _compare_settings(self):
        from analysis.compare import CompareSettings

        section = self.ws.settings.vergelijking
        return CompareSettings(n_boot=section.bootstrap, seed=section.seed)

    def compare(self, force: bool = False):
        from analysis.compare import CompareSettings, compare
        from analysis.tables import AnalysisTables

        settings = self._compare_settings()
        input_hash = hash_bytes(hash_files([self._segments_path()]), repr(settings))
        folder = self.out / "analysis"
        if not force and self.manifest.is_current("vergelijken", input_hash, self.out):
            self.progress.skipped("Vergelijken")
            return AnalysisTables.load(folder)
        with self.progress.stage("Vergelijken"):
            segments = self.segments()
            if "role" in segments.columns:  # interviewer turns are not counted in shares nor quoted
                segments = segments[segments["role"] != "interviewer"].reset_index(drop=True)
            tables = compare(segments, settings, embeddings=self.embedder.embed(segments["text"].tolist()))
            tables.save(folder)
            for note in tables.notes:
                self.progress.warn(note)
            self.manifest.record("vergelijken", input_hash, ["analysis"], {
                "bootstrap": settings.n_boot, "seed": settings.seed})
            return tables


    # ---------------------------------------------------------------- report and shared edition
    def _report_inputs(self):
        from reports.inputs import load_report_inputs

        record = self.manifest.stage("pseudonimiseren") or {}
        return load_report_inputs(
            self.out, self.codebook, self._interpretations,
            shareable_path=self.out / "review" / "shareable.csv",
            pseudonymisation_counts=record.get("details", {}).get("replacements", {}),
            workspace=self.ws.name,
            municipality=self.ws.profile.municipality,
            programme=self.ws.profile.programme,
            profile=self.ws.profile,
        )

    @cached_property
    def _interpretations(self) -> Path:
        """The evaluator's interpretation files through the same detection as the transcripts (with
        the same key, so a person keeps one pseudonym), written to output/interpretatie/ for the
        chapter. Findings go to `bevindingen-interpretatie.csv` beside the key, for review."""
        from interviews.pseudonymise import pseudonymise_corpus
        from interviews.records import Transcript, TranscriptMeta, Turn
        from reports.inputs import read_interpretations

        from interviews.pseudonymise.review import read_decisions

        texts = read_interpretations(self.codebook, self.ws.interpretation_dir)
        folder = self.out / "interpretatie"
        review = self.ws.key_dir / "bevindingen-interpretatie.csv"
        input_hash = hash_bytes(
            json.dumps(texts, sort_keys=True),
            (self.manifest.stage("pseudonimiseren") or {}).get("input_hash", ""),  # transcripts, lists, settings
            json.dumps(sorted([*k, d] for k, d in read_decisions(review, self.key if review.exists() else None).by_key.items())),
        )
        if self.manifest.is_current("interpretatie", input_hash, self.out):
            return folder
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
            self.progress.step("interpretaties pseudonimiseren")
            outcome = pseudonymise_corpus(
                notes, self.key, review_path=review,
                allow=self._terms("toestaan.txt"), deny=self._terms("weigeren.txt"),
                protected_terms=self._protected_terms(), style=self._pseudonym_style(), profile=self.ws.profile)
            for note in outcome.transcripts:
                cleaned[note.doc.removeprefix("interpretatie-")] = "\n\n".join(t.text for t in note.turns) + "\n"
        folder.mkdir(parents=True, exist_ok=True)
        for theme, text in cleaned.items():
            write_text(folder / f"{theme}.md", text)
        self.manifest.record("interpretatie", input_hash, ["interpretatie"], {"files": len(notes)})
        return folder

    def _report_formats(self) -> list[str]:
        return list(self.ws.settings.rapport.formaten)

    def _report_year(self, year: int | None) -> int:
        years = sorted(int(y) for y in self.segments()["year"].unique())
        if year is None:
            return years[-1]
        if year not in years:
            raise WorkspaceError("N709", f"geen interviews uit {year}; beschikbaar: "
                                 + ", ".join(map(str, years)), self.ws.interviews_dir)
        return year

    def _report_hash(self, *extra: str) -> str:
        folders = [self.out / "analysis", self.out / "topics", self.out / "agreement"]
        files = [p for f in folders if f.is_dir() for p in f.glob("*.parquet")]
        files += [self.ws.codebook_path, self.out / "review" / "shareable.csv"]
        files += list(self.ws.interpretation_dir.glob("*.md")) if self.ws.interpretation_dir.is_dir() else []
        return hash_bytes(hash_files(files), *extra)

    @_locked
    def report(self, year: int | None = None, formats: Sequence[str] | None = None,
               force: bool = False) -> list[Path]:
        """Build and render the chapter 'Narratief onderzoek' under output/rapport/."""
        from reports.chapter import build_chapter
        from reports.render import render_chapter

        year = self._report_year(year)
        formats = list(formats or self._report_formats())
        input_hash = self._report_hash(str(year), ",".join(formats))
        if not force and self.manifest.is_current("rapport", input_hash, self.out):
            self.progress.skipped("Rapport")
            return [self.out / p for p in self.manifest.stage("rapport")["outputs"]]
        with self.progress.stage(f"Rapport {year}"):
            source = build_chapter(self._report_inputs(), year, self.out / "rapport")
            result = render_chapter(source, formats=formats)
            self.progress.step(f"opgemaakt met {result.engine}")
            for warning in result.warnings:
                self.progress.warn(warning)
            self._leak_check()
            outputs = [str(p.relative_to(self.out)) for p in result.files]
            self.manifest.record("rapport", input_hash, outputs, {"year": year, "engine": result.engine})
            return list(result.files)

    @_locked
    def _share_settings(self):
        from reports.share import ShareSettings

        section = self.ws.settings.deel
        return ShareSettings(min_segments=section.min_segmenten, min_interviews=section.min_interviews,
                             allow_wijk=section.wijkcijfers)

    def share(self, year: int | None = None, force: bool = False) -> list[Path]:
        """Write the anonymised edition for the learning community under output/deel/."""
        from reports.share import ShareSettings, build_shared_edition

        year = self._report_year(year)
        settings = self._share_settings()
        formats = self._report_formats()
        input_hash = self._report_hash(str(year), repr(settings), ",".join(formats))
        if not force and self.manifest.is_current("deel", input_hash, self.out):
            self.progress.skipped("Editie lerend netwerk")
            return [self.out / p for p in self.manifest.stage("deel")["outputs"]]
        with self.progress.stage(f"Editie lerend netwerk {year}"):
            edition = build_shared_edition(self._report_inputs(), year, self.out / "deel", settings,
                                           formats=formats)
            self.progress.step(f"{edition.suppressed_cells} kleine cellen onderdrukt, {edition.quotes} citaten")
            self._leak_check()
            outputs = [str(p.relative_to(self.out)) for p in edition.files]
            self.manifest.record("deel", input_hash, outputs, {"year": year, "engine": edition.engine,
                                                               "suppressed_cells": edition.suppressed_cells})
            return list(edition.files)

    def _leak_check(self) -> None:
        """Fail (naming the file, never the string) when an original from the key is in output/.

        Leaking files are moved into a quarantine folder beside the key (outside the workspace,
        files mode 0600), so nothing readable stays behind; the stages that wrote them will run again.
        """
        from interviews.pseudonymise import LeakError

        try:
            files = self._check_leaks(self.out)
        except LeakError as exc:
            leaking = self._leaking_files()
            folder = self._quarantine(leaking)
            raise LeakError(exc.code, exc.detail + (
                f" De {len(leaking)} lekkende bestand(en) zijn uit output/ gehaald en staan in quarantaine in "
                f"{folder} (alleen voor u leesbaar). Wat nu: zet de term in privacy/weigeren.txt of beoordeel "
                "hem in bevindingen.csv, draai 'narratief run' opnieuw en verwijder daarna de quarantainemap."
                if folder else ""), path=exc.path) from None
        self.progress.step(f"lekcontrole: {files} bestanden zonder oorspronkelijke persoonsgegevens")

    def _check_leaks(self, folder: Path) -> int:
        from interviews.pseudonymise import check_output

        return check_output(folder, self.key, review_path=self.ws.key_dir / "bevindingen.csv",
                            allow=self._terms("toestaan.txt"), deny=self._terms("weigeren.txt"),
                            protected_terms=self._protected_terms(), profile=self.ws.profile)

    def _leaking_files(self) -> list[Path]:
        """Which files under output/ fail the leak check: each file checked on its own (through a
        link of the same relative name in a scratch folder, so the file-name check applies too)."""
        import tempfile

        from interviews.pseudonymise import LeakError

        leaking = []
        with tempfile.TemporaryDirectory(prefix="narratief-lek-") as scratch:
            for path in sorted(p for p in self.out.rglob("*") if p.is_file() and p.name != LOCK_NAME):
                rel = path.relative_to(self.out)
                probe = Path(scratch) / "probe" / rel
                probe.parent.mkdir(parents=True, exist_ok=True)
                probe.symlink_to(path)
                try:
                    self._check_leaks(Path(scratch) / "probe")
                except LeakError:
                    leaking.append(path)
                finally:
                    import shutil

                    shutil.rmtree(Path(scratch) / "probe")
        return leaking

    @property
    def _quarantine_dir(self) -> Path:
        return self.ws.key_dir / "quarantaine"

    def _quarantine(self, files: Sequence[Path]) -> Path | None:
        """Move files out of output/ into key_dir/quarantaine/<n>/ (folders 0700, files 0600) and
        forget the stages that wrote them, so the next run writes them again."""
        import shutil

        if not files:
            return None
        base = self._quarantine_dir
        base.mkdir(mode=0o700, parents=True, exist_ok=True)
        run = 1 + max((int(p.name) for p in base.iterdir() if p.name.isdigit()), default=0)
        target_root = base / str(run)
        moved = []
        for path in files:
            rel = path.relative_to(self.out)
            target = target_root / rel
            target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            shutil.move(str(path), str(target))
            os.chmod(target, 0o600)
            moved.append(target)
            for name, record in list(self.manifest.data["stages"].items()):
                if any(rel.as_posix() == out or rel.as_posix().startswith(out.rstrip("/") + "/")
                       for out in record.get("outputs", [])):
                    del self.manifest.data["stages"][name]
        for folder in sorted({p.parent for p in moved}, key=lambda p: len(p.parts)):
            os.chmod(folder, 0o700)
        self.manifest.save()
        return target_root

    def _terms(self, name: str) -> dict[str, str]:
        from interviews.pseudonymise import read_term_list

        return read_term_list(self.ws.privacy_dir / name)

    # ---------------------------------------------------------------- whole pipeline
    @_locked
    def run(self) -> None:
        """Every stage in order; unchanged stages are skipped, so an interrupted run resumes."""
        self.ingest()
        self.pseudonymise()
        self.code()
        self.agreement()
        self.topics()
        self.compare()
        self.report()
        self.share()
        self.progress.say(f"[bold green]Klaar.[/bold green] Rapport: {self.out / 'rapport'}  "
                          f"Editie lerend netwerk: {self.out / 'deel'}")

