"""The forked child that checks leaks for the rest of a run (narratief.leak_worker), with a real fork."""

from __future__ import annotations

import os
from multiprocessing import Pipe

import pytest

from interviews.pseudonymise import LeakError
from narratief.leak_worker import LeakCheckWorker, serve_leak_checks

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")


def _worker(check) -> LeakCheckWorker:
    ours, theirs = Pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the child
        ours.close()
        try:
            serve_leak_checks(theirs, check)
        finally:
            os._exit(0)
    theirs.close()
    return LeakCheckWorker(pid, ours)


def _gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


def test_a_check_answers_with_the_childs_count_and_prechecks_are_not_answered(tmp_path):
    calls = tmp_path / "aanroepen.txt"

    def check() -> int:
        with calls.open("a") as handle:
            handle.write("x")
        return 7

    worker = _worker(check)
    worker.precheck()
    worker.precheck()
    assert worker.check() == 7  # the answer to this check, not to a precheck
    worker.close()
    assert calls.read_text() == "xxx"  # two prechecks and the check ran, in the child
    assert _gone(worker.pid)


def test_the_childs_leak_error_is_raised_here_with_its_code_and_file():
    def check() -> int:
        raise LeakError("N220", "lekcontrole mislukt: rapport/hoofdstuk.html", path="output")

    worker = _worker(check)
    with pytest.raises(LeakError) as caught:
        worker.check()
    assert caught.value.code == "N220" and "rapport/hoofdstuk.html" in caught.value.detail
    assert caught.value.path == "output"
    worker.close()


def test_without_its_child_a_check_returns_none_so_the_process_checks_itself():
    def check() -> int:
        os._exit(3)  # the child dies in the middle of a check

    worker = _worker(check)
    assert worker.check() is None
    assert worker.check() is None  # and stays so, without waiting
    assert _gone(worker.pid)


def test_an_unexpected_error_in_the_child_also_means_checking_here():
    def check() -> int:
        raise FileNotFoundError("vervangen tijdens het lezen")

    worker = _worker(check)
    worker.precheck()  # a precheck's failure is not answered
    assert worker.check() is None
    worker.close()
