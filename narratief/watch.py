"""Keep one process warm and run the pipeline again when the workspace's sources change.

`narratief volg MAP` is for the working session: an evaluator corrects a transcript, writes an
interpretation or imports a review round, and wants to see the chapter again. A new process pays
for loading its libraries each time (spaCy, scikit-learn, deduce's lookup lists, the embedding
model: several seconds, most of a small re-run); here they load once, and each later run costs
what changed (the stages' own fingerprints decide what runs, as in `narratief run`).

The watch is a cheap poll of the sources' sizes and modification times (no file is read). A
change is acted on once it has stayed the same for one more poll (an editor or a copy may write a
file in steps). The workspace lock is held only during a run, so other commands (`review import`)
can run in between. A run that stops on bad input prints its numbered error and the watch goes on:
fixing the file starts the next run. Messages name no file (a file name may hold a person's name).
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Mapping

from nlp.errors import NarratiefError

Stamp = tuple[int, int]  # (modification time in ns, size)


@dataclass(frozen=True)
class WatchOutcome:
    """What a watch did before it stopped."""

    runs: int
    failed_runs: int


def watched_sources(ws) -> list[Path]:
    """The files and folders whose changes start a new run: the workspace's own inputs.

    Args:
        ws: the `narratief.workspace.Workspace`.
    """
    from codebook.reviewed import human_codes_path, shareable_path

    return [ws.config_path, ws.interviews_dir, ws.codebook_path, ws.interpretation_dir, ws.privacy_dir,
            human_codes_path(ws.output_dir), shareable_path(ws.output_dir)]


def snapshot(sources: Iterable[Path]) -> dict[str, Stamp]:
    """Size and modification time of every file under `sources` (missing sources are skipped).

    Hidden files and folders and Word's owner files (`~$…`) are left out: editors create and remove
    them while a document is open, and no stage reads them.
    """
    stamps: dict[str, Stamp] = {}
    for source in sources:
        source = Path(source)
        if source.is_file():
            _stamp(source, stamps)
            continue
        for folder, dirs, files in os.walk(source):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            for name in files:
                if not name.startswith((".", "~$")):
                    _stamp(Path(folder) / name, stamps)
    return stamps


def _stamp(path: Path, stamps: dict[str, Stamp]) -> None:
    try:
        info = path.stat()
    except OSError:  # removed between listing and stat: seen as gone on the next poll
        return
    stamps[str(path)] = (info.st_mtime_ns, info.st_size)


def changed_count(before: Mapping[str, Stamp], after: Mapping[str, Stamp]) -> int:
    """How many files were added, removed or changed between two snapshots."""
    return sum(1 for path in before.keys() | after.keys() if before.get(path) != after.get(path))


def follow(
    sources: Callable[[], list[Path]],
    run: Callable[[], None],
    *,
    say: Callable[[str], None],
    report_error: Callable[[NarratiefError], None],
    warm_up: Callable[[], None] | None = None,
    fallback: Iterable[Path] = (),
    interval: float = 1.0,
    stop: Callable[[WatchOutcome], bool] | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> WatchOutcome:
    """Run, then run again after every settled change of the sources, until interrupted or `stop`.

    Args:
        sources: the paths to watch, asked anew before each run (a changed narratief.toml may
            point elsewhere); a NarratiefError here (a broken narratief.toml) counts as a failed
            run, and the last good paths (at first `fallback`) stay watched.
        run: one pipeline run (builds its own `Pipeline`, so settings are read anew).
        say: prints a line for people (Dutch).
        report_error: prints a run's numbered error; the watch goes on.
        warm_up: loads the heavy libraries once, after the first run (which may have loaded
            nothing, when nothing had changed), so that the first change is as cheap as the later.
        fallback: what to watch when `sources` fails before it ever succeeded (the settings file).
        interval: seconds between polls.
        stop: asked after each run; True ends the watch (tests, scripts).
        sleep: waits `interval` (tests pass a function that edits files instead).

    Returns:
        `WatchOutcome`. Ctrl-C while waiting ends the watch normally; during a run it propagates
        (the run is interrupted; the next `narratief run` resumes it).
    """
    runs = failed = 0
    watched = list(fallback)
    while True:
        try:
            watched = sources()
            before = snapshot(watched)
            run()
        except NarratiefError as exc:
            failed += 1
            report_error(exc)
            before = snapshot(watched)
        runs += 1
        outcome = WatchOutcome(runs, failed)
        if stop is not None and stop(outcome):
            return outcome
        if warm_up is not None and runs == 1:
            say("Modellen alvast laden ...")
            try:
                warm_up()
            except NarratiefError as exc:  # a missing model: the next run says so again
                report_error(exc)
        try:  # Ctrl-C from here on is the normal way to stop
            say("Wacht op wijzigingen in de werkmap (Ctrl-C stopt) ...")
            count = _wait_for_change(watched, before, interval, sleep)
        except KeyboardInterrupt:
            say("Gestopt.")
            return outcome
        say(f"{count} bestand(en) gewijzigd; de keten draait opnieuw.")


def _wait_for_change(watched: list[Path], before: Mapping[str, Stamp], interval: float,
                     sleep: Callable[[float], None]) -> int:
    """Block until the watched files differ from `before` and stayed the same for one more poll.

    `before` is taken before the run, so a file saved during the run also counts; the run's own
    writes under output/ are not watched (the reviewers' two tables are, and only `review import`
    writes them).
    """
    seen = before
    while True:
        sleep(interval)
        now = snapshot(watched)
        if now == seen and changed_count(before, now):
            return changed_count(before, now)
        seen = now
