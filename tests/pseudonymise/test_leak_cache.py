"""The leak check remembers clean files by hash: unchanged files are not read again, anything that
changes what counts as a leak (a new original, another file content) checks them again."""

from __future__ import annotations

import pytest

from interviews.pseudonymise import LeakError, check_for_leaks, leakcheck
from interviews.pseudonymise.keystore import PseudonymKey


@pytest.fixture
def key(tmp_path):
    return PseudonymKey(path=tmp_path / "sleutel" / "sleutel.bin", persons={1: ["Gerrit Lammers"]})


@pytest.fixture
def reads(monkeypatch):
    """The files whose text the check actually reads."""
    seen: list[str] = []
    real = leakcheck.file_text

    def counting(path, data=None):
        seen.append(path.name)
        return real(path, data)

    monkeypatch.setattr(leakcheck, "file_text", counting)
    return seen


def test_unchanged_clean_files_are_not_read_again(tmp_path, key, reads):
    out, cache = tmp_path / "output", tmp_path / "sleutel" / "lekcontrole.json"
    out.mkdir()
    (out / "a.txt").write_text("De buurtsportcoach organiseert een toernooi.", encoding="utf-8")
    (out / "b.txt").write_text("[Persoon 01] komt elke week langs.", encoding="utf-8")
    assert check_for_leaks(out, key, clean_cache=cache) == 2
    assert sorted(reads) == ["a.txt", "b.txt"]
    reads.clear()
    (out / "b.txt").write_text("[Persoon 01] komt elke maand langs.", encoding="utf-8")
    assert check_for_leaks(out, key, clean_cache=cache) == 2
    assert reads == ["b.txt"]  # only the changed file was read
    assert "Gerrit" not in cache.read_text(encoding="utf-8") and "toernooi" not in cache.read_text(encoding="utf-8")


def test_a_new_original_checks_every_file_again(tmp_path, key, reads):
    out, cache = tmp_path / "output", tmp_path / "sleutel" / "lekcontrole.json"
    out.mkdir()
    (out / "a.txt").write_text("Volgens Wilma Brouwer gaat het beter.", encoding="utf-8")
    check_for_leaks(out, key, clean_cache=cache)  # Wilma is not in the key yet: clean
    key.persons[2] = ["Wilma Brouwer"]
    with pytest.raises(LeakError):
        check_for_leaks(out, key, clean_cache=cache)
    assert reads == ["a.txt", "a.txt"]


def test_a_leaking_file_is_never_remembered_as_clean(tmp_path, key):
    out, cache = tmp_path / "output", tmp_path / "sleutel" / "lekcontrole.json"
    out.mkdir()
    (out / "a.txt").write_text("Gerrit Lammers belde.", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(LeakError):
            check_for_leaks(out, key, clean_cache=cache)


def test_a_damaged_cache_only_costs_a_full_check(tmp_path, key, reads):
    out, cache = tmp_path / "output", tmp_path / "sleutel" / "lekcontrole.json"
    out.mkdir()
    (out / "a.txt").write_text("Niets bijzonders.", encoding="utf-8")
    cache.parent.mkdir(parents=True)
    cache.write_text("{kapot", encoding="utf-8")
    assert check_for_leaks(out, key, clean_cache=cache) == 1 and reads == ["a.txt"]
