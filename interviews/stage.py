"""The interviews stage of the pipeline: pseudonymise the raw corpus (the `Stage` contract of
`nlp.stage`). Reading happens through `StageContext.corpus`; raw text never leaves this package.

Reads: the transcripts (per document: source and sha256), `privacy/toestaan.txt` and
`weigeren.txt`, the codebook file (its terms are protected), the users' decisions in the sealed
`bevindingen.csv`, the `[pseudonimisering]` settings and the municipality profile.
Writes: `output/pseudo/<doc>.json`, `output/transcripten/<doc>.txt`; beside the key: the sealed
review file and the sealed per-document detection cache.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping

from interviews.records import PseudonymisedTranscript, Transcript
from nlp.stage import Fingerprint, Stage, StageContext, StageOutcome, StageRecord, hash_bytes, hash_files

PSEUDONYMISE = "pseudonimiseren"


@dataclass(frozen=True)
class PseudonymiseStage(Stage):
    """Detect, decide and apply pseudonyms consistently with the key.

    Args:
        key_dir: the key folder (sealed review file `bevindingen.csv`, detection cache `detectie/`).
        allow: terms never redacted (privacy/toestaan.txt), term -> category.
        deny: terms always redacted (privacy/weigeren.txt), term -> category.
        list_files: the files `allow`/`deny`/protected terms came from (their bytes are fingerprinted).
        protected_terms: programme vocabulary never pseudonymised (codebook terms, municipality).
        style: `PseudonymStyle`.
        settings: the `[pseudonimisering]` settings as plain values (fingerprinted).
    """

    key_dir: Path
    allow: Mapping[str, str]
    deny: Mapping[str, str]
    list_files: tuple[Path, ...]
    protected_terms: frozenset[str]
    style: Any
    settings: Mapping[str, Any]

    name = PSEUDONYMISE
    title = "Pseudonimiseren"
    artifacts = ("pseudo", "transcripten")
    not_yet = ("N707", "nog niet gepseudonimiseerd: voer eerst 'narratief pseudonymise' uit")

    @property
    def review_path(self) -> Path:
        return self.key_dir / "bevindingen.csv"

    @property
    def cache_dir(self) -> Path:
        """Per-document findings, sealed with the key: unchanged documents are not searched again."""
        return self.key_dir / "detectie"

    def fingerprint(self, ctx: StageContext) -> Fingerprint:
        """Sources, lists, the users' decisions (not the findings the stage itself writes into the
        review file), codebook, settings and profile; per document: its source, content hash and
        metadata (a year, wijk or title corrected in metadata.csv reaches the outputs)."""
        transcripts = ctx.corpus.transcripts
        documents = {t.doc: _document_fingerprint(t) for t in transcripts}
        total = hash_bytes(
            json.dumps(sorted(documents.items())),
            hash_files(self.list_files),
            decisions_fingerprint(self.review_path, ctx, ctx.record_of(self.name)),
            json.dumps(dict(self.settings), sort_keys=True, default=str),
            repr(ctx.profile),
        )
        return Fingerprint(total, documents)

    def run(self, ctx: StageContext, previous: StageRecord | None) -> StageOutcome:
        from interviews.pseudonymise.apply import write_outputs
        from interviews.pseudonymise.stage import pseudonymise_corpus

        key = ctx.key
        self.key_dir.mkdir(parents=True, exist_ok=True)
        outcome = pseudonymise_corpus(
            ctx.corpus.transcripts, key, review_path=self.review_path, allow=dict(self.allow),
            deny=dict(self.deny), protected_terms=set(self.protected_terms), style=self.style,
            progress=ctx.progress.step, profile=ctx.profile, cache_dir=self.cache_dir)
        written = write_outputs(outcome.transcripts, ctx.out)
        _remove_stale(ctx.out, {p.name for p in written}, self.artifacts)
        return StageOutcome(list(outcome.transcripts), {
            "transcripts": len(outcome.transcripts),
            "replacements": outcome.counts,
            "detector": outcome.backend,
            "persons": outcome.persons,
            "searched": len(outcome.detected),
            **remembered_decisions(self.review_path, ctx.key),
        })

    def load(self, ctx: StageContext) -> list[PseudonymisedTranscript]:
        return load_pseudonymised(ctx.out)


def _document_fingerprint(transcript: Transcript) -> str:
    """One transcript as the stage sees it: where it is, its bytes' hash and its resolved metadata
    (which may come from metadata.csv or the folder layout rather than the file itself)."""
    return hash_bytes(transcript.source, transcript.sha256,
                      json.dumps(transcript.meta.to_dict(), sort_keys=True),
                      json.dumps(list(transcript.meta_sources)))


def decisions_fingerprint(review_path: Path, ctx: StageContext, record: StageRecord | None) -> str:
    """A hash of the users' decisions in a sealed review file.

    Unsealing needs the key (its passphrase derivation costs a second or two), so when the sealed
    file is byte-identical to the one the stage's last run left behind, the hash that run
    remembered is used (`remembered_decisions`); only a changed file is opened.
    """
    from interviews.pseudonymise.review import read_decisions

    if not review_path.exists():
        return _decisions_hash({})
    details = record.details if record else {}
    if details.get("review_sha") == hash_files([review_path]) and details.get("decisions_sha"):
        return str(details["decisions_sha"])
    return _decisions_hash(read_decisions(review_path, ctx.key).by_key)


def remembered_decisions(review_path: Path, key: Any) -> dict[str, str]:
    """What `decisions_fingerprint` needs from a run: the sealed file's hash and its decisions' hash
    (hashes only, for the run manifest)."""
    from interviews.pseudonymise.review import read_decisions

    if not review_path.exists():
        return {}
    return {"review_sha": hash_files([review_path]),
            "decisions_sha": _decisions_hash(read_decisions(review_path, key).by_key)}


def _decisions_hash(decisions: Mapping[tuple[str, str], str]) -> str:
    return hash_bytes(json.dumps(sorted([*key, decision] for key, decision in decisions.items())))


def load_pseudonymised(output_dir: Path) -> list[PseudonymisedTranscript]:
    """The pseudonymised transcripts of `output/pseudo/` (empty when the stage has not run)."""
    folder = Path(output_dir) / "pseudo"
    return [PseudonymisedTranscript.from_dict(json.loads(p.read_text(encoding="utf-8")))
            for p in sorted(folder.glob("*.json"))]


def _remove_stale(output_dir: Path, keep: set[str], folders: tuple[str, ...]) -> None:
    """Derived files of transcripts that no longer exist are removed (only inside output/)."""
    for name in folders:
        for path in (Path(output_dir) / name).glob("*"):
            if path.is_file() and path.name not in keep:
                path.unlink()
