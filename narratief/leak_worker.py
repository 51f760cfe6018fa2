"""The leak check on the second core: the forked pseudonymisation child stays to check the outputs.

A new `narratief run` with a changed transcript pseudonymises in a forked child while it loads the
later stages' libraries (`Pipeline._pseudonymise_beside_warm_up`). That child then holds what the
leak check needs: the key with the names it just found and the detection word lists. So instead of
exiting, it serves leak checks for the rest of the run, over a pipe:

- `precheck()` after each stage that wrote outputs: the child checks `output/` while the process
  goes on with the next stage; files it finds clean are remembered by hash (the leak check's own
  cache beside the key), so the check after a publishing stage only reads what is new;
- `check()` after a publishing stage: the check that counts. It runs in the child, with the same
  settings as in the process; the answer is the number of files checked, or the leak check's
  numbered error (N220, naming files, never the string), raised here.

The process then never loads the word lists or derives the key for the leak check, and the reading
and searching run on the core the single-threaded stages leave idle. When the child is gone (it
failed, was killed), `check()` returns None and the caller checks in its own process.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from multiprocessing.connection import Connection

PRECHECK, CHECK = "vooraf", "controle"


class LeakCheckWorker:
    """The process's side of the forked child that checks leaks (see the module docstring).

    Args:
        pid: the child's process id.
        connection: this process's end of the pipe to it.
    """

    def __init__(self, pid: int, connection: Connection) -> None:
        self.pid = pid
        self._connection: Connection | None = connection

    def precheck(self) -> None:
        """Ask for a check of what is there now; no answer is awaited (it warms the clean cache)."""
        self._send(PRECHECK)

    def check(self) -> int | None:
        """The leak check of `output/` as it is now: the number of files checked; None when the child
        is gone.

        Raises:
            LeakError: N220 as the child's check raised it.
        """
        from interviews.pseudonymise import LeakError

        if not self._send(CHECK):
            return None
        try:
            answer = self._connection.recv()
        except (EOFError, OSError):
            self.close()
            return None
        if answer[0] == "lek":
            _, code, detail, path = answer
            raise LeakError(code, detail, path=path)
        return int(answer[1]) if answer[0] == "ok" else None  # "fout": the process checks itself

    def _send(self, request: str) -> bool:
        if self._connection is None:
            return False
        try:
            self._connection.send(request)
            return True
        except OSError:  # the child is gone
            self.close()
            return False

    def close(self) -> None:
        """Tell the child to stop (its pipe closes) and wait until it has."""
        if self._connection is None:
            return
        self._connection.close()
        self._connection = None
        try:
            os.waitpid(self.pid, 0)
        except ChildProcessError:
            pass


def serve_leak_checks(connection: Connection, check: Callable[[], int]) -> None:
    """The child's side: answer requests with `check()` until the process closes the pipe.

    A precheck's result is not sent (a leak it finds is found again by the check that counts).
    """
    from interviews.pseudonymise import LeakError

    while True:
        try:
            request = connection.recv()
        except (EOFError, OSError):
            return
        try:
            answer: tuple = ("ok", check())
        except LeakError as exc:
            answer = ("lek", exc.code, exc.detail, exc.path)
        except Exception:  # noqa: BLE001 - e.g. a file replaced while a precheck read it
            answer = ("fout",)
        if request == CHECK:
            connection.send(answer)
