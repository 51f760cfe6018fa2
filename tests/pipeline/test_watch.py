"""`narratief volg`: the watch loop runs again after a settled change, and goes on after bad input."""

from __future__ import annotations

from pathlib import Path

from narratief.watch import WatchOutcome, changed_count, follow, snapshot
from nlp.errors import NarratiefError


def _sources(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "interviews"
    folder.mkdir(exist_ok=True)
    (folder / "gesprek.txt").write_text("Interviewer: Hoe gaat het in de wijk?\n", encoding="utf-8")
    config = tmp_path / "narratief.toml"
    config.write_text("[project]\n", encoding="utf-8")
    return [config, folder, tmp_path / "nog-niet-aanwezig"]


def test_snapshot_sees_added_changed_and_removed_files(tmp_path):
    sources = _sources(tmp_path)
    before = snapshot(sources)
    assert len(before) == 2  # the missing source is skipped

    (tmp_path / "interviews" / "tweede.txt").write_text("Deelnemer: Rustig.\n", encoding="utf-8")
    (tmp_path / "interviews" / "gesprek.txt").write_text("Interviewer: En op school?\n", encoding="utf-8")
    (tmp_path / "narratief.toml").unlink()
    assert changed_count(before, snapshot(sources)) == 3
    assert changed_count(before, before) == 0


def test_files_that_editors_leave_beside_an_open_document_are_not_changes(tmp_path):
    sources = _sources(tmp_path)
    before = snapshot(sources)
    folder = tmp_path / "interviews"
    (folder / "~$gesprek.docx").write_bytes(b"eigenaar")  # Word
    (folder / ".~lock.gesprek.odt#").write_text("slot", encoding="utf-8")  # LibreOffice
    (folder / ".git").mkdir()
    (folder / ".git" / "index").write_bytes(b"x")
    assert changed_count(before, snapshot(sources)) == 0


def test_follow_runs_again_once_a_change_has_settled(tmp_path):
    sources = _sources(tmp_path)
    transcript = tmp_path / "interviews" / "gesprek.txt"
    runs, lines = [], []
    # What happens during each wait: nothing, a save in two steps, then quiet.
    edits = iter([
        lambda: None,
        lambda: transcript.write_text("Interviewer: Wat is er veranderd?\n", encoding="utf-8"),
        lambda: transcript.write_text("Interviewer: Wat is er veranderd sinds vorig jaar?\n", encoding="utf-8"),
        lambda: None,
    ])
    polls = []

    def sleep(_seconds):
        polls.append(len(runs))
        next(edits)()

    outcome = follow(lambda: sources, lambda: runs.append(transcript.read_text(encoding="utf-8")),
                     say=lines.append, report_error=lambda exc: None, interval=0.0,
                     stop=lambda o: o.runs >= 2, sleep=sleep)

    assert outcome == WatchOutcome(runs=2, failed_runs=0)
    assert runs[1].endswith("sinds vorig jaar?\n")  # the second run saw the settled text, not the half-save
    assert polls == [1, 1, 1, 1]  # it waited while the file was still changing
    assert "1 bestand(en) gewijzigd; de keten draait opnieuw." in lines


def test_follow_reports_a_failed_run_and_keeps_watching(tmp_path):
    sources = _sources(tmp_path)
    transcript = tmp_path / "interviews" / "gesprek.txt"
    errors = []
    attempts = []

    def run():
        attempts.append(1)
        if len(attempts) == 1:
            raise NarratiefError("N101", "onleesbaar transcript", path=transcript, line=1)

    fixed = iter([lambda: transcript.write_text("Interviewer: Nu leesbaar.\n", encoding="utf-8"), lambda: None])
    outcome = follow(lambda: sources, run, say=lambda line: None, report_error=errors.append, interval=0.0,
                     stop=lambda o: o.runs >= 2, sleep=lambda _s: next(fixed)())

    assert outcome == WatchOutcome(runs=2, failed_runs=1)
    assert [e.code for e in errors] == ["N101"]


def test_a_broken_settings_file_is_reported_and_its_repair_starts_the_next_run(tmp_path):
    sources = _sources(tmp_path)
    config = tmp_path / "narratief.toml"
    opened = []

    def read_sources():
        opened.append(1)
        if len(opened) == 1:
            raise NarratiefError("N701", "narratief.toml is geen geldige TOML", path=config, line=3)
        return sources

    errors, runs = [], []
    repair = iter([lambda: config.write_text("[project]\nnaam = 'Wijk'\n", encoding="utf-8"), lambda: None])
    outcome = follow(read_sources, lambda: runs.append(1), say=lambda line: None, report_error=errors.append,
                     fallback=[config], interval=0.0, stop=lambda o: o.runs >= 2, sleep=lambda _s: next(repair)())

    assert outcome == WatchOutcome(runs=2, failed_runs=1)
    assert [e.code for e in errors] == ["N701"] and runs == [1]


def test_ctrl_c_while_waiting_ends_the_watch_normally(tmp_path):
    sources = _sources(tmp_path)
    lines = []

    def interrupted(_seconds):
        raise KeyboardInterrupt

    outcome = follow(lambda: sources, lambda: None, say=lines.append, report_error=lambda exc: None,
                     interval=0.0, sleep=interrupted)

    assert outcome == WatchOutcome(runs=1, failed_runs=0)
    assert lines[-1] == "Gestopt."
