"""The pipeline: a loop over stages with the run manifest.

Each stage implements `nlp.stage.Stage` in its own package (`interviews.stage`,
`codebook.coding.stage`, `analysis.stage`, `nlp.topic_stage`, `reports.stage`): it fingerprints what
it reads, runs, and names and loads what it writes. `run` skips a stage whose fingerprint equals the
recorded one and whose artifacts exist, so a changed transcript re-runs what depends on it and an
interrupted run resumes after the last finished stage. This module keeps no stage knowledge beyond
building each stage from the workspace's settings; it offers the stages their shared resources
(`StageContext`: codebook, profile, language, embedder, key, corpus), all loaded on first use.
Raw transcripts are handled only inside the `interviews` stage calls.
"""

from __future__ import annotations

import functools
import os
from functools import cached_property
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any, Callable, Sequence

from interviews.records import PseudonymisedTranscript
from narratief.console import Progress
from narratief.manifest import Manifest
from narratief.lock import LOCK_NAME, WorkspaceLock
from narratief.workspace import Workspace, WorkspaceError
from nlp.stage import Stage, StageRecord

if TYPE_CHECKING:  # pandas loads with the first stage that reads a table, not with the CLI
    import pandas as pd


# The stage modules a run imports on first use (with them spaCy, scikit-learn, openpyxl, pyarrow,
# pandoc's and Typst's bindings); `Pipeline.warm_up` imports them ahead.
WARM_MODULES = ("codebook.coding.combine", "codebook.coding.learned", "analysis.compare",
                "nlp.topic_stage", "reports.chapter", "reports.render", "reports.share", "pyarrow.parquet")
REVIEWED_MODULES = ("codebook.review",)  # the review workbook (openpyxl, 0.1 s): only once people have coded


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
        """`passphrase`: asked when NARRATIEF_PASSPHRASE is not set (the CLI passes a prompt)."""
        self.ws = workspace
        self.progress = progress or Progress(quiet=True)
        self.skip_invalid = skip_invalid
        self._passphrase = passphrase
        self.new_key = new_key
        self.out = workspace.output_dir
        self.manifest = Manifest(self.out / "manifest.json")
        self._leak_worker = None  # the forked child that checks leaks during `run` (narratief.leak_worker)

    # ---------------------------------------------------------------- resources
    @cached_property
    def codebook(self):
        from codebook.load import load_codebook

        return load_codebook(self.ws.codebook_path)

    @cached_property
    def language(self):
        """The Dutch pipeline; when the full model is missing, nlp.language logs N401 once (visible)."""
        import warnings

        from nlp.runtime import long_lived

        with long_lived():  # spaCy and torch stay loaded until the process ends
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
        from interviews.pseudonymise import open_key

        return open_key(self.ws.key_dir / "sleutel.bin", self._key_phrase)

    @cached_property
    def _key_phrase(self) -> str | None:
        """The key's passphrase: NARRATIEF_PASSPHRASE, else asked once (when the CLI can ask)."""
        from interviews.pseudonymise import passphrase_from_env

        self._check_key_dir()
        phrase = passphrase_from_env()
        if phrase is None and self._passphrase is not None:
            phrase = self._passphrase()
        return phrase

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

    # ---------------------------------------------------------------- context for the stages
    @property
    def profile(self):
        return self.ws.profile

    @cached_property
    def corpus(self):
        """The transcripts, read once per pipeline (ingest, pseudonymisation and roles share them)."""
        from interviews.corpus import read_corpus

        formats = list(self.ws.settings.invoer.formaten)
        result = read_corpus(self.ws.interviews_dir, formats=formats, skip_invalid=self.skip_invalid,
                             name_pattern=self.ws.name_pattern, wijken=self.ws.profile.wijk_names)
        for error in result.skipped:
            self.progress.warn(f"overgeslagen: {error.message}")
        if result.not_selected:  # counts and extensions only: file names may hold a name
            kinds = sorted({PurePosixPath(s).suffix.lower() for s in result.not_selected})
            self.progress.warn(f"niet gelezen: {len(result.not_selected)} bestand(en) van het type "
                               f"{', '.join(kinds)}, dat niet in [invoer] formaten van narratief.toml staat; "
                               "zet het formaat erbij om ze mee te nemen")
        if not result.transcripts:
            raise WorkspaceError("N706", "geen transcripten gevonden", self.ws.interviews_dir)
        return result

    def record_of(self, stage_name: str) -> StageRecord | None:
        return StageRecord.from_manifest(self.manifest.stage(stage_name))

    # ---------------------------------------------------------------- the stages, built from the settings
    @cached_property
    def pseudonymise_stage(self):
        from interviews.stage import PseudonymiseStage

        return PseudonymiseStage(
            key_dir=self.ws.key_dir, allow=self._terms("toestaan.txt"), deny=self._terms("weigeren.txt"),
            list_files=(self.ws.privacy_dir / "toestaan.txt", self.ws.privacy_dir / "weigeren.txt",
                        self.ws.codebook_path),
            protected_terms=frozenset(self._protected_terms()), style=self._pseudonym_style(),
            settings={**self.ws.section("pseudonimisering"), "gemeente": self.ws.settings.gemeente})

    @cached_property
    def coding_stage(self):
        from codebook.coding.stage import CodingStage

        return CodingStage(self._coding_settings(), self.ws.codebook_path,
                           self.ws.interviews_dir / "metadata.csv", repr(self.ws.section("codering")))

    @cached_property
    def agreement_stage(self):
        from analysis.stage import AgreementStage

        return AgreementStage(self.ws.codebook_path)

    @cached_property
    def topic_stage(self):
        from codebook.coding.io import SCHEMA, load_segments
        from nlp.topic_stage import TopicStage

        return TopicStage(self._topic_settings(), self.ws.codebook_path, SCHEMA.path_in(self.out), load_segments)

    @cached_property
    def compare_stage(self):
        from analysis.stage import CompareStage

        return CompareStage(self._compare_settings())

    @cached_property
    def interpretation_stage(self):
        from reports.stage import InterpretationStage

        return InterpretationStage(self.ws.interpretation_dir, self.ws.key_dir, self.pseudonymise_stage)

    def _report_source(self):
        from reports.stage import ReportInputsSource

        return ReportInputsSource(self.ws.codebook_path, self.ws.interpretation_dir, self.ws.name,
                                  self.pseudonymise_stage.name)

    def _run_stage(self, stage: Stage, force: bool = False, *, say_skipped: bool = True) -> Any:
        """Run one stage unless its fingerprint is recorded and its artifacts exist; then load them."""
        fingerprint = stage.fingerprint(self)
        if not force and self.manifest.is_current(stage.name, fingerprint.total, self.out):
            if say_skipped:
                self.progress.skipped(stage.title)
            return stage.load(self)
        with WorkspaceLock(self.out / LOCK_NAME, say=self.progress.warn), self.progress.stage(stage.title):
            lists = self._leak_check_lists_beside() if stage.leak_checked and not self._leak_worker else None
            outcome = stage.run(self, None if force else self.record_of(stage.name))
            if stage.leak_checked:
                if lists is not None:
                    lists.join()
                self._leak_check()
            elif self._leak_worker is not None:
                self._leak_worker.precheck()
            self.manifest.record(stage.name, fingerprint.total, list(outcome.artifacts or stage.artifacts),
                                 dict(outcome.details), documents=dict(fingerprint.documents))
        return outcome.value

    def _load(self, stage: Stage) -> Any:
        """A stage's artifacts of an earlier run; its numbered error when it has not run yet."""
        if not all((self.out / a).exists() for a in stage.artifacts):
            code, text = stage.not_yet
            raise WorkspaceError(code, text, self.out / stage.artifacts[0])
        return stage.load(self)

    # ---------------------------------------------------------------- stages, one by one
    def ingest(self):
        """Read every transcript; returns the per-file summary (no text)."""
        from interviews.corpus import summarise

        with self.progress.stage("Inlezen"):
            result = self.corpus
            self.progress.step(f"{len(result.transcripts)} transcripten gelezen")
            return summarise(result.transcripts)

    def pseudonymise(self, force: bool = False) -> list[PseudonymisedTranscript]:
        """Detect, decide and apply pseudonyms; write output/pseudo and output/transcripten."""
        return self._run_stage(self.pseudonymise_stage, force)

    def load_pseudonymised(self) -> list[PseudonymisedTranscript]:
        return self._load(self.pseudonymise_stage)

    def _pseudonym_style(self):
        from interviews.pseudonymise.pseudonyms import PseudonymStyle

        section = self.ws.settings.pseudonimisering
        return PseudonymStyle(person=section.persoon, number_all=section.alles_nummeren,
                              birth_year_band=section.geboortejaar_band)

    def _protected_terms(self) -> set[str]:
        """Programme vocabulary that is never pseudonymised: the codebook's terms and the municipality."""
        return {*self.codebook.terms(), *([self.ws.settings.gemeente] if self.ws.settings.gemeente else [])}

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

    def _coding_settings(self):
        return self.ws.coding_settings()

    def code(self, force: bool = False) -> pd.DataFrame:
        """Segment and code every pseudonymised transcript; write output/segments.csv|parquet."""
        return self._run_stage(self.coding_stage, force)

    def segments(self) -> pd.DataFrame:
        return self._load(self.coding_stage)

    def agreement(self, force: bool = False) -> pd.DataFrame:
        return self._run_stage(self.agreement_stage, force)

    def topics(self, force: bool = False):
        return self._run_stage(self.topic_stage, force)

    def _topic_settings(self):
        from nlp.topics import TopicSettings

        section = self.ws.settings.onderwerpen
        return TopicSettings(seed=section.seed, max_changed_share=section.opnieuw_schatten_boven)

    def compare(self, force: bool = False):
        return self._run_stage(self.compare_stage, force)

    def _compare_settings(self):
        from analysis.compare import CompareSettings

        section = self.ws.settings.vergelijking
        return CompareSettings(n_boot=section.bootstrap, seed=section.seed)

    def report(self, year: int | None = None, formats: Sequence[str] | None = None,
               force: bool = False) -> list[Path]:
        """Build and render the chapter 'Narratief onderzoek' under output/rapport/."""
        from reports.stage import ReportStage

        self._run_stage(self.interpretation_stage, say_skipped=False)
        stage = ReportStage(self._report_source(), self._report_year(year),
                            tuple(formats or self._report_formats()))
        return self._run_stage(stage, force)

    def share(self, year: int | None = None, force: bool = False) -> list[Path]:
        """Write the anonymised edition for the learning community under output/deel/."""
        from reports.stage import ShareStage

        self._run_stage(self.interpretation_stage, say_skipped=False)
        stage = ShareStage(self._report_source(), self._report_year(year), tuple(self._report_formats()),
                           self._share_settings())
        return self._run_stage(stage, force)

    def _report_formats(self) -> list[str]:
        return list(self.ws.settings.rapport.formaten)

    def _share_settings(self):
        from reports.share import ShareSettings

        section = self.ws.settings.deel
        return ShareSettings(min_segments=section.min_segmenten, min_interviews=section.min_interviews,
                             allow_wijk=section.wijkcijfers)

    def _report_year(self, year: int | None) -> int:
        years = sorted(int(y) for y in self.segments()["year"].unique())
        if year is None:
            return years[-1]
        if year not in years:
            raise WorkspaceError("N709", f"geen interviews uit {year}; beschikbaar: "
                                 + ", ".join(map(str, years)), self.ws.interviews_dir)
        return year

    # ---------------------------------------------------------------- human review and QDA exchange
    def human_codes(self) -> pd.DataFrame | None:
        from codebook.reviewed import load_human_codes

        return load_human_codes(self.out)

    @_locked
    def review_export(self, coders: Sequence[str], aantal: int = 0, jaar: int | None = None) -> Path:
        """Write a review workbook: every segment (of `jaar`, default the latest year), or with
        `aantal` only the N segments the machine is least sure about, diverse and not yet reviewed."""
        from codebook.review import export_review

        segments = self.segments()
        year = self._report_year(jaar) if jaar is not None else int(segments["year"].max())
        name = f"review-{year}.xlsx"
        batch = 0
        if aantal:
            segments = self._review_batch(segments, aantal, jaar)
            from codebook.reviewed import next_round

            batch = next_round(self.out, f"review-{jaar or 'alle'}-ronde-")
            name = f"review-{jaar or 'alle'}-ronde-{batch}.xlsx"
        elif jaar is not None:
            segments = segments[segments["year"] == year]
        path = self.out / "review" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        written = export_review(segments, self.codebook, path, coders=tuple(coders) or ("codeur1",))
        if batch:
            from codebook.reviewed import record_asked

            record_asked(self.out, segments, batch)
        return written

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
        from codebook.reviewed import merge_human_codes, merge_shareable

        imported = read_review(Path(workbook), self.codebook)
        merge_human_codes(self.out, imported.codes)
        merge_shareable(self.out, imported.shareable)
        return len(imported.codes)

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
            import pandas as pd

            codings = pd.concat([codings, human], ignore_index=True)
        return [
            export_qdc(self.codebook, folder / "codeboek.qdc"),
            export_qdpx(self.load_pseudonymised(), self.codebook, codings, folder / "project.qdpx",
                        segments=segments, project_name=self.ws.name),
        ]

    @_locked
    def qda_import(self, project: Path) -> int:
        from codebook.qdpx import import_qdpx
        from codebook.reviewed import merge_human_codes

        codes = import_qdpx(Path(project), self.codebook, transcripts=self.load_pseudonymised())
        codes = codes[codes["coder"] != "machine"]
        merge_human_codes(self.out, codes)
        return len(codes)

    # ---------------------------------------------------------------- privacy of what is published
    def _leak_check(self) -> None:
        """Fail (naming the file, never the string) when an original from the key is in output/.

        Leaking files are moved into a quarantine folder beside the key (outside the workspace,
        files mode 0600), so nothing readable stays behind; the stages that wrote them will run again.
        """
        from interviews.pseudonymise import LeakError

        try:
            files = self._leak_worker.check() if self._leak_worker is not None else None
            if files is None:
                files = self._check_leaks(self.out, remember=True)
        except LeakError as exc:
            leaking = self._leaking_files()
            folder = self._quarantine(leaking)
            raise LeakError(exc.code, exc.detail + (
                f" De {len(leaking)} lekkende bestand(en) zijn uit output/ gehaald en staan in quarantaine in "
                f"{folder} (alleen voor u leesbaar). Wat nu: zet de term in privacy/weigeren.txt of beoordeel "
                "hem in bevindingen.csv, draai 'narratief run' opnieuw en verwijder daarna de quarantainemap."
                if folder else ""), path=exc.path) from None
        self.progress.step(f"lekcontrole: {files} bestanden zonder oorspronkelijke persoonsgegevens")

    def _leak_check_lists_beside(self):
        """Start loading what the leak check needs (its word lists, each once per process, and the
        key when its passphrase is known) in a thread beside the stage that is about to publish
        files: that stage mostly waits for pandoc and Typst, so on two cores they cost a new process
        little time of its own. Returns the started thread; what fails to load here is loaded again,
        with its error, by the leak check itself. The thread never asks for the passphrase."""
        import threading

        def load() -> None:
            from interviews.pseudonymise.recognizers import is_word
            from narratief.vocabulary import own_words

            try:
                is_word("qzxopwarmen")  # no word: every list is consulted, wordfreq's too
                own_words()
                if "_key_phrase" in self.__dict__:
                    _ = self.key  # the key derivation (scrypt)
            except Exception:  # noqa: BLE001 - reported by the leak check, which loads them again
                pass

        thread = threading.Thread(target=load, name="lekcontrole-lijsten", daemon=True)
        thread.start()
        return thread

    def _check_leaks(self, folder: Path, remember: bool = False) -> int:
        """`remember`: files found clean are remembered (by hash, beside the key) and not read again
        while the key's originals and the lists stay the same."""
        from interviews.pseudonymise import check_output
        from narratief.vocabulary import own_words

        return check_output(folder, self.key, review_path=self.ws.key_dir / "bevindingen.csv",
                            allow=self._terms("toestaan.txt"), deny=self._terms("weigeren.txt"),
                            protected_terms=self._protected_terms(), profile=self.ws.profile,
                            clean_cache=self.ws.key_dir / "lekcontrole.json" if remember else None,
                            own_words=own_words())

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
    def warm_up(self) -> None:
        """Load what a re-run with a change needs, once per process: deduce and the word lists, the
        language pipeline, the embedding model (its first call sets it up) and the stages' libraries.
        `narratief volg` does this while it waits. Needs no passphrase and writes nothing."""
        from interviews.pseudonymise import get_deduce
        from interviews.pseudonymise.recognizers import load_word_lists
        from narratief.vocabulary import own_words

        get_deduce()
        load_word_lists()  # detection's and the leak check's
        own_words()
        self._warm_up_after_pseudonymising()  # the lemma table and the language pipeline too

    def _warm_up_after_pseudonymising(self) -> None:
        """Load what the stages after pseudonymisation need (the language pipeline, the embedding model
        with its first call, the stages' libraries), silently: their progress lines come when they are
        used. The leak check's word lists load beside the report (`_leak_check_lists_beside`)."""
        import importlib
        import warnings

        from nlp.embeddings import load_embedder
        from nlp.runtime import long_lived

        with long_lived():
            from nlp.language import MissingModelWarning, load_language

            with warnings.catch_warnings():
                warnings.simplefilter("ignore", MissingModelWarning)
                load_language(self.ws.settings.codering.taalmodel)
            load_embedder(self.ws.settings.codering.embeddings).embed(["opwarmen"])  # not cached: no file
            from codebook.reviewed import human_codes_path

            reviewed = REVIEWED_MODULES if human_codes_path(self.out).exists() else ()
            for module in WARM_MODULES + reviewed:
                importlib.import_module(module)

    def _pseudonymise_beside_warm_up(self, stage: Stage) -> bool:
        """In a new process with transcripts to pseudonymise, run that stage (and the interpretation
        notes', which needs the same detector and the key it updates) in a forked child while this
        process loads what the later stages need: on two cores the child's deduce load and detection
        overlap the language pipeline, scikit-learn and the embedder. The child then stays as this
        run's leak checker (`narratief.leak_worker`): it holds the key it saved and the word lists.
        True when the child finished the stages (the records are in the manifest); False when nothing
        was forked (a warm process such as `narratief volg`, nothing changed, no `fork` on this
        system) or the child failed - then the stages run here as usual and say why they failed."""
        import sys
        from multiprocessing import Pipe

        from interviews.pseudonymise.detect import deduce_loaded
        from narratief.leak_worker import LeakCheckWorker, serve_leak_checks

        if sys.platform != "linux" or deduce_loaded():
            return False
        if self.manifest.is_current(stage.name, stage.fingerprint(self).total, self.out):
            return False
        _ = self._key_phrase  # asked here, never in the child; the child opens the key itself
        ours, theirs = Pipe()
        sys.stdout.flush()
        sys.stderr.flush()
        child = os.fork()
        if child == 0:  # pragma: no cover - measured by the parent through the pipe
            ours.close()
            status = 1
            try:
                self._run_stage(stage)
                self._run_stage(self.interpretation_stage, say_skipped=False)
                status = 0
                sys.stdout.flush()
                sys.stderr.flush()
                theirs.send(status)
                serve_leak_checks(theirs, lambda: self._check_leaks(self.out, remember=True))
            except BaseException:  # noqa: BLE001 - the parent runs the stage again and reports it
                pass
            finally:
                sys.stdout.flush()
                sys.stderr.flush()
                os._exit(status)
        theirs.close()
        warmed = done = False
        try:
            self._warm_up_after_pseudonymising()
            warmed = True
        finally:
            try:
                done = ours.recv() == 0
            except (EOFError, OSError):  # the child failed (or was stopped) before it finished
                pass
            if not (warmed and done):  # no worker: the child stops when its pipe closes
                ours.close()
                os.waitpid(child, 0)
        if done:
            self._leak_worker = LeakCheckWorker(child, ours)
        self.manifest = Manifest(self.out / "manifest.json")  # the child recorded its stage there
        self.__dict__.pop("key", None)  # and saved the key with the names it found: open it anew
        return done

    @_locked
    def run(self) -> None:
        """Every stage in order; unchanged stages are skipped, so an interrupted run resumes."""
        self.ingest()
        try:
            done_beside = self._pseudonymise_beside_warm_up(self.pseudonymise_stage)
            self._run_stage(self.pseudonymise_stage, say_skipped=not done_beside)
            for stage in (self.coding_stage, self.agreement_stage, self.topic_stage, self.compare_stage):
                self._run_stage(stage)
            self.report()
            self.share()
        finally:
            if self._leak_worker is not None:
                self._leak_worker.close()
                self._leak_worker = None
        self.progress.say(f"[bold green]Klaar.[/bold green] Rapport: {self.out / 'rapport'}  "
                          f"Editie lerend netwerk: {self.out / 'deel'}")
