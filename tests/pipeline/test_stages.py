"""The stage contract: the pipeline runs a stage only when its fingerprint changed or an artifact is
missing, records per-document fingerprints, and hands the last record to the next run."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from narratief.console import Progress
from narratief.pipeline import Pipeline
from narratief.workspace import init_workspace
from nlp.io import write_text
from nlp.stage import Fingerprint, Stage, StageOutcome, StageRecord, hash_bytes


@dataclass(frozen=True)
class WordCount(Stage):
    """Counts words per document of a small folder of texts (a stage written for this test)."""

    folder: object
    calls: list = field(default_factory=list, compare=False)

    name = "woorden"
    title = "Woorden tellen"
    artifacts = ("woorden.txt",)

    def fingerprint(self, ctx):
        docs = {p.stem: hash_bytes(p.read_bytes()) for p in sorted(self.folder.glob("*.txt"))}
        return Fingerprint(hash_bytes(*docs.values()), docs)

    def run(self, ctx, previous):
        changed = previous.changed_documents(self.fingerprint(ctx)) if previous else None
        self.calls.append(changed)
        counts = {p.stem: len(p.read_text(encoding="utf-8").split()) for p in sorted(self.folder.glob("*.txt"))}
        write_text(ctx.out / "woorden.txt", "\n".join(f"{d} {n}" for d, n in counts.items()))
        return StageOutcome(counts, {"documenten": len(counts)})

    def load(self, ctx):
        lines = (ctx.out / "woorden.txt").read_text(encoding="utf-8").splitlines()
        return {d: int(n) for d, n in (line.split() for line in lines)}


@pytest.fixture
def pipeline(tmp_path, monkeypatch):
    monkeypatch.setenv("NARRATIEF_KEY_DIR", str(tmp_path / "sleutels"))
    return Pipeline(init_workspace(tmp_path / "werkmap"), Progress(quiet=True))


def test_a_stage_runs_once_then_loads_and_reruns_on_change_with_the_changed_documents(pipeline, tmp_path):
    texts = tmp_path / "teksten"
    texts.mkdir()
    (texts / "a.txt").write_text("de jongeren in de wijk", encoding="utf-8")
    (texts / "b.txt").write_text("het buurthuis", encoding="utf-8")
    stage = WordCount(texts)
    assert pipeline._run_stage(stage) == {"a": 5, "b": 2}
    assert pipeline._run_stage(stage) == {"a": 5, "b": 2} and stage.calls == [None]  # loaded, not run
    record = pipeline.record_of("woorden")
    assert set(record.documents) == {"a", "b"} and record.details == {"documenten": 2}

    (texts / "b.txt").write_text("het buurthuis is open", encoding="utf-8")
    (texts / "c.txt").write_text("nieuw", encoding="utf-8")
    assert pipeline._run_stage(stage) == {"a": 5, "b": 4, "c": 1}
    assert stage.calls[-1] == {"b", "c"}  # the stage sees which documents changed

    (pipeline.out / "woorden.txt").unlink()  # a missing artifact makes the stage run again
    pipeline._run_stage(stage)
    assert len(stage.calls) == 3
    pipeline._run_stage(stage, force=True)
    assert stage.calls[-1] is None  # forced: no previous record is handed over


def test_a_stage_record_lists_removed_documents_as_changed():
    before = StageRecord("x", ("a",), {}, {"a": "1", "b": "2"})
    assert before.changed_documents(Fingerprint("y", {"a": "1"})) == {"b"}
    assert StageRecord.from_manifest(None) is None


def test_loading_a_stage_that_never_ran_names_the_command_to_run(pipeline):
    from narratief.workspace import WorkspaceError

    with pytest.raises(WorkspaceError) as caught:
        pipeline.segments()
    assert caught.value.code == "N708" and "narratief code" in caught.value.message
