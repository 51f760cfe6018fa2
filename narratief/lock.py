"""One run at a time per workspace: a lock file holding the pid of the run that owns it.

The lock is an OS file lock (`flock`) on `output/.narratief.lock`, so it is released when the
process dies, however it dies; the pid written into the file names the owner in the error message
and tells a later run that it takes over a lock left behind by a process that no longer runs.
Re-entrant within one process (a stage called from `run` does not lock twice).

Example:
    >>> with WorkspaceLock(Path("werkmap/output/.narratief.lock")):  # doctest: +SKIP
    ...     pipeline.run()
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path
from typing import Callable

from nlp.errors import NarratiefError

LOCK_NAME = ".narratief.lock"


class LockError(NarratiefError):
    """Another run holds the workspace (N717), or the lock cannot be written (N720)."""


_held: dict[Path, int] = {}  # lock path -> depth, for re-entrant use inside one process


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class WorkspaceLock:
    """Context manager: hold `path` for the duration of a run.

    Args:
        path: the lock file (created, with its folder, when missing).
        say: called with a Dutch message when a stale lock of a dead process is taken over.

    Raises:
        LockError: N717 when another live process holds it; N720 when the folder is not writable.
    """

    def __init__(self, path: Path, say: Callable[[str], None] | None = None):
        self.path = Path(path)
        self.say = say or (lambda message: None)
        self._fd: int | None = None

    def __enter__(self) -> "WorkspaceLock":
        if _held.get(self.path):
            _held[self.path] += 1
            return self
        for _ in range(5):  # retry when the file was replaced between open and lock
            fd = self._open()
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                owner = os.pread(fd, 32, 0).decode("ascii", "ignore").strip()
                os.close(fd)
                raise LockError("N717", f"een andere narratief-run (proces {owner or '?'}) werkt al in deze "
                                "werkmap; wacht tot die klaar is en start dan opnieuw", self.path) from None
            try:
                same = os.fstat(fd).st_ino == os.stat(self.path).st_ino
            except FileNotFoundError:
                same = False
            if same:
                break
            os.close(fd)
        else:  # pragma: no cover - only under heavy contention
            raise LockError("N717", "kon de werkmap niet vergrendelen; probeer het opnieuw", self.path)
        previous = os.pread(fd, 32, 0).decode("ascii", "ignore").strip()
        if previous.isdigit() and int(previous) != os.getpid():
            state = "bestaat niet meer" if not _alive(int(previous)) else "houdt het slot niet meer vast"
            self.say(f"verouderd slot overgenomen: proces {previous} {state} (een eerdere run is afgebroken; "
                     "wat klaar was, blijft bewaard)")
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        self._fd = fd
        _held[self.path] = 1
        return self

    def _open(self) -> int:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            return os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise LockError("N720", f"kan niet schrijven in de uitvoermap ({exc.strerror}); controleer de "
                            "rechten of kies een andere map (paden.output)", self.path.parent) from None

    def __exit__(self, *exc_info: object) -> None:
        depth = _held.get(self.path, 0)
        if depth > 1:
            _held[self.path] = depth - 1
            return
        _held.pop(self.path, None)
        if self._fd is not None:
            try:
                self.path.unlink(missing_ok=True)
            finally:
                fcntl.flock(self._fd, fcntl.LOCK_UN)
                os.close(self._fd)
                self._fd = None
