"""The encrypted key: round trip, and clear errors that never lose or replace the key."""

from __future__ import annotations

import pytest

from interviews.pseudonymise import KeyFileError, open_key, reidentify
from interviews.pseudonymise.pseudonyms import PseudonymAssigner, PseudonymStyle


def make_key(path, passphrase="goed wachtwoord"):
    key = open_key(path, passphrase)
    assigner = PseudonymAssigner(key)
    assert assigner.pseudonym("persoon", "Fatima de Vries") == "[Persoon 01]"
    assert assigner.pseudonym("adres", "Kerkstraat 12") == "[Adres]"
    key.save()
    return key


def test_round_trip_and_reidentify(tmp_path):
    path = tmp_path / "sleutel.bin"
    make_key(path)
    raw = path.read_bytes()
    assert b"Fatima" not in raw and b"Kerkstraat" not in raw  # encrypted
    key = open_key(path, "goed wachtwoord")
    assert "Fatima de Vries" in reidentify(key, "[Persoon 01]")
    assert "Kerkstraat 12" in key.originals()


def test_wrong_passphrase_is_clear_error_and_key_unchanged(tmp_path):
    path = tmp_path / "sleutel.bin"
    make_key(path)
    before = path.read_bytes()
    with pytest.raises(KeyFileError) as info:
        open_key(path, "fout wachtwoord")
    assert info.value.code == "N202" and "wachtwoord" in info.value.message
    assert path.read_bytes() == before


def test_missing_passphrase(tmp_path):
    path = tmp_path / "sleutel.bin"
    make_key(path)
    before = path.read_bytes()
    for missing in (None, ""):
        with pytest.raises(KeyFileError) as info:
            open_key(path, missing)
        assert info.value.code == "N201" and "NARRATIEF_PASSPHRASE" in info.value.message
    assert path.read_bytes() == before


@pytest.mark.parametrize("damage", ["truncate", "garbage", "flip"])
def test_corrupt_key_file(tmp_path, damage):
    path = tmp_path / "sleutel.bin"
    make_key(path)
    raw = path.read_bytes()
    broken = {"truncate": raw[:10], "garbage": b"dit is geen sleutel", "flip": raw[:-5] + b"xxxxx"}[damage]
    path.write_bytes(broken)
    with pytest.raises(KeyFileError) as info:
        open_key(path, "goed wachtwoord")
    assert info.value.code in {"N202", "N203"}
    assert path.read_bytes() == broken  # nothing overwritten, no new empty key
    assert [p.name for p in tmp_path.iterdir()] == ["sleutel.bin"]


def test_variants_map_to_one_person(tmp_path):
    key = open_key(tmp_path / "k.bin", "pw")
    a = PseudonymAssigner(key)
    ids = {a.pseudonym("persoon", n) for n in ("Fatima", "fatima", "Fatima's", "FATIMA", "Fatima de Vries")}
    assert len(ids) == 1
    assert a.pseudonym("persoon", "Daan") == a.pseudonym("persoon", "Daantje")
    assert a.pseudonym("persoon", "Daan") != a.pseudonym("persoon", "Fatima")


def test_style_setting_and_numbered_reidentify(tmp_path):
    style = PseudonymStyle(person="<{label}-{n}>", number_all=True)
    key = open_key(tmp_path / "k.bin", "pw")
    a = PseudonymAssigner(key, style)
    assert a.pseudonym("persoon", "Jan") == "<Persoon-1>"
    assert a.pseudonym("telefoon", "06-12345678") == "[Telefoon 01]"
    assert reidentify(key, "[Telefoon 01]", style) == "06-12345678"
    assert reidentify(key, "<Persoon-1>", style) == "Jan"
