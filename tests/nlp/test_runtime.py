"""The process-runtime helpers: loading long-lived objects without the collector, numba's disk cache."""

from __future__ import annotations

import gc
import importlib.util
import sys

import pytest

from nlp.runtime import cache_numba_compilations, long_lived


def test_long_lived_freezes_what_it_built_and_restores_the_collector():
    assert gc.isenabled()
    before = gc.get_freeze_count()
    with long_lived():
        assert not gc.isenabled()
        tables = [{"woord": [i]} for i in range(1000)]  # container objects the collector tracks
    assert gc.isenabled()
    assert gc.get_freeze_count() >= before + len(tables)
    assert tables[999] == {"woord": [999]}  # frozen objects are ordinary objects


def test_long_lived_leaves_a_paused_collector_paused():
    gc.disable()
    try:
        with long_lived():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_long_lived_restores_the_collector_after_an_error():
    with pytest.raises(ValueError):
        with long_lived():
            raise ValueError("laden mislukt")
    assert gc.isenabled()


def test_numba_functions_of_a_package_get_a_disk_cache(tmp_path, monkeypatch):
    pytest.importorskip("numba")
    source = tmp_path / "narratief_numba_probe.py"
    source.write_text("import numba\n\n@numba.njit\ndef add(a, b):\n    return a + b\n", encoding="utf-8")
    spec = importlib.util.spec_from_file_location("narratief_numba_probe", source)
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "narratief_numba_probe", module)
    spec.loader.exec_module(module)

    assert cache_numba_compilations(("narratief_numba_probe",)) == 1
    assert module.add(2, 3) == 5
    assert list((tmp_path / "__pycache__").glob("narratief_numba_probe.add-*.nbi"))  # compiled code on disk
    assert cache_numba_compilations(("narratief_numba_probe",)) == 0  # already cached: left alone


def test_the_language_pipeline_loads_without_torch_and_torch_stays_importable():
    import subprocess

    script = (
        "import sys\n"
        "from nlp.language import load_language\n"
        "lemmas = load_language().lemmas('De jongeren speelden voetbal op het plein.')\n"
        "print('torch' in sys.modules, 'jongere' in lemmas)\n"
        "import thinc.compat\n"
        "print(thinc.compat.has_torch)\n"
        "import torch\n"
        "print(torch.ones(2).sum().item())\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.split() == ["False", "True", "False", "2.0"]


# ------------------------------------------------------------------ the per-user cache of word tables
def _table_source(tmp_path, words="kaas brood melk"):
    source = tmp_path / "bron" / "woorden.txt"
    source.parent.mkdir(exist_ok=True)
    source.write_text(words, encoding="utf-8")
    return source


def _counting_build(source, calls):
    def build():
        calls.append(1)
        return frozenset(source.read_text(encoding="utf-8").split())
    return build


def test_a_cached_table_is_built_once_and_read_back_from_the_user_cache(tmp_path, monkeypatch):
    from nlp.runtime import cached_table

    monkeypatch.setenv("NARRATIEF_CACHE_DIR", str(tmp_path / "cache"))
    source, calls = _table_source(tmp_path), []
    first = cached_table("proef", "1", [source], _counting_build(source, calls))
    again = cached_table("proef", "1", [source], _counting_build(source, calls))
    assert first == again == frozenset({"kaas", "brood", "melk"})
    assert len(calls) == 1
    assert [p.suffix for p in (tmp_path / "cache" / "woordenlijsten").iterdir()] == [".marshal"]


def test_a_cached_table_is_built_again_for_a_changed_source_or_version(tmp_path, monkeypatch):
    from nlp.runtime import cached_table

    monkeypatch.setenv("NARRATIEF_CACHE_DIR", str(tmp_path / "cache"))
    source, calls = _table_source(tmp_path), []
    cached_table("proef", "1", [source], _counting_build(source, calls))
    source.write_text("kaas brood melk boter", encoding="utf-8")
    assert "boter" in cached_table("proef", "1", [source], _counting_build(source, calls))
    assert "boter" in cached_table("proef", "2", [source], _counting_build(source, calls))
    assert len(calls) == 3


def test_a_damaged_or_unwritable_table_cache_only_costs_a_rebuild(tmp_path, monkeypatch):
    from nlp.runtime import cached_table

    monkeypatch.setenv("NARRATIEF_CACHE_DIR", str(tmp_path / "cache"))
    source, calls = _table_source(tmp_path), []
    cached_table("proef", "1", [source], _counting_build(source, calls))
    (stored,) = (tmp_path / "cache" / "woordenlijsten").iterdir()
    stored.write_bytes(b"\x00kapot")
    assert cached_table("proef", "1", [source], _counting_build(source, calls)) == {"kaas", "brood", "melk"}
    blocked = tmp_path / "geen-map"
    blocked.write_text("een bestand, geen map", encoding="utf-8")
    monkeypatch.setenv("NARRATIEF_CACHE_DIR", str(blocked))
    assert cached_table("proef", "1", [source], _counting_build(source, calls)) == {"kaas", "brood", "melk"}
    assert len(calls) == 3


def test_a_cached_frequency_table_keeps_its_numbers(tmp_path, monkeypatch):
    from nlp.runtime import cached_table

    monkeypatch.setenv("NARRATIEF_CACHE_DIR", str(tmp_path / "cache"))
    source = _table_source(tmp_path)
    table = {"de": 0.05, "fiets": 2.5e-05}
    assert cached_table("freq", "1", [source], lambda: dict(table)) == table
    assert cached_table("freq", "1", [source], lambda: {}) == table
