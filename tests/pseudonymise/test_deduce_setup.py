"""narratief's deduce: started without the care-institution trie, finding what the full deduce finds."""

from __future__ import annotations

import pytest

from interviews.pseudonymise import get_deduce
from interviews.pseudonymise.deduce_setup import UNUSED_ANNOTATORS
from interviews.pseudonymise.detect import _DEDUCE_CATEGORY

USED_TAGS = {*_DEDUCE_CATEGORY, "locatie", "datum"}  # what detect._deduce_spans reads

SENTENCES = (
    "Gisteren sprak ik Marieke de Boer van het wijkteam; zij woont aan de Dorpsstraat 14 in Eindhoven.",
    "Bel mevrouw Yilmaz op 06-12345678 of mail naar p.jansen@voorbeeld.nl, dan regelt Pieter het.",
    "Hij is geboren op 3 maart 2009 en zat bij meester Van Dijk in de klas.",
    "De jongerenwerker van Stichting Welzijn en de wijkagent kwamen langs op de Kerkweg 2a.",
)


@pytest.fixture(scope="module")
def full_deduce():
    from deduce import Deduce

    from nlp.runtime import long_lived

    with long_lived():
        return Deduce()


def _used(deduce, text):
    doc = deduce.deidentify(text, disabled={"redactor"})
    return sorted((a.start_char, a.end_char, a.tag) for a in doc.annotations if a.tag in USED_TAGS)


def test_narratiefs_deduce_loads_no_unused_trie(deduce_ready):
    structs = set(get_deduce().lookup_structs.keys())
    assert not structs & set(UNUSED_ANNOTATORS.values())
    assert {"first_name", "surname", "street", "placename"} <= structs


def test_narratiefs_deduce_finds_what_the_full_deduce_finds(deduce_ready, full_deduce):
    found = 0
    for text in SENTENCES:
        mine = _used(get_deduce(), text)
        assert mine == _used(full_deduce, text)
        found += len(mine)
    assert found >= 6  # persons, an address, a phone number, an e-mail address, a date


def test_a_damaged_trimmed_copy_falls_back_to_deduce_as_shipped(tmp_path, monkeypatch, deduce_ready):
    from interviews.pseudonymise import deduce_setup

    monkeypatch.setenv("NARRATIEF_CACHE_DIR", str(tmp_path / "cache"))
    cache_path = deduce_setup._trimmed_cache(deduce_setup.package_dir("deduce"), "proef")
    copy = cache_path / "cache" / "lookup_structs.pickle"
    assert copy.is_file()
    copy.write_bytes(copy.read_bytes()[:1000])  # cut short, as by a full disk
    monkeypatch.setattr(deduce_setup, "_trimmed_cache", lambda package, version: cache_path)
    deduce = deduce_setup.load_deduce()
    assert "healthcare_institution" in deduce.lookup_structs.keys()  # deduce as shipped, working
    assert _used(deduce, SENTENCES[0]) == _used(get_deduce(), SENTENCES[0])
