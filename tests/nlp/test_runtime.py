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
