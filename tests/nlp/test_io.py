"""The one IO helper: atomic writes, tables, JSON."""

from __future__ import annotations

import stat

import pandas as pd
import pytest

from nlp import io


def test_atomic_write_replaces_and_leaves_no_temporary_file(tmp_path):
    target = tmp_path / "sub" / "a.txt"
    io.write_text(target, "eerste\r\n")
    io.write_text(target, "tweede\n")
    assert target.read_bytes() == b"tweede\n"
    assert [p.name for p in target.parent.iterdir()] == ["a.txt"]
    assert stat.S_IMODE(target.stat().st_mode) == io.PUBLIC


def test_failed_write_keeps_the_old_file(tmp_path):
    target = tmp_path / "a.csv"
    io.write_text(target, "oud")

    def broken(tmp):
        tmp.write_text("half")
        raise RuntimeError("schijf vol")

    with pytest.raises(RuntimeError):
        io.atomic_write(target, broken)
    assert target.read_text() == "oud" and [p.name for p in tmp_path.iterdir()] == ["a.csv"]


def test_private_files_are_readable_by_the_owner_only(tmp_path):
    target = io.write_bytes(tmp_path / "sleutel.bin", b"\x00geheim", mode=io.PRIVATE)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_table_and_json_round_trip(tmp_path):
    frame = pd.DataFrame({"doc": ["a", "b"], "share": [0.25, 0.5]})
    parquet, csv = io.write_table(frame, tmp_path, "t")
    assert parquet.name == "t.parquet" and csv.read_text(encoding="utf-8").startswith("doc,share")
    pd.testing.assert_frame_equal(io.read_table(tmp_path, "t"), frame)
    io.write_json({"b": 1, "a": "wijk é"}, tmp_path / "m.json")
    assert io.read_json(tmp_path / "m.json") == {"a": "wijk é", "b": 1}
    assert "é" in (tmp_path / "m.json").read_text(encoding="utf-8")
