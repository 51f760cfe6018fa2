"""The per-document detection cache, with real deduce on small invented transcripts.

A run with the cache must give the same pseudonymised transcripts, counts and review file as a run
without it; only new or changed documents are detected again; names found in a changed document
still reach the unchanged ones; the cache holds no readable personal data; a fully cached run does
not import deduce.
"""

from __future__ import annotations

import dataclasses
import json
import pickle
import re
import subprocess
import sys
from pathlib import Path

from interviews.pseudonymise import open_key, pseudonymise_corpus
from interviews.pseudonymise.keystore import is_sealed
from interviews.records import Transcript, TranscriptMeta, Turn

ROOT = Path(__file__).resolve().parents[2]
PASS = "groene fiets onder de brug"
RAW = ("Jorinde", "jorinde", "Hoekstra", "Gerrit", "Bosma", "Lieke", "Brouwers")


def make(doc: str, lines: list[tuple[str, str]], title: str | None = None) -> Transcript:
    turns = tuple(Turn(i, speaker, text) for i, (speaker, text) in enumerate(lines))
    return Transcript(doc, f"2025/{doc}.txt", TranscriptMeta(2025, "wijk", "Helmond-West", title=title), turns, "0" * 64, "txt")


AVOND = make("buurtavond", [
    ("Interviewer", "Hoe was de avond in het buurthuis?"),
    # "onze jorinde": a rare first name in lower case is found on its own, but not after a determiner
    ("Gerrit Bosma", "Gezellig, al had onze jorinde het eten te laat klaar. Bel me gerust op 06-23456789."),
])
SCHOOL_OUD = make("schoolplein", [
    ("Interviewer", "Wie ben jij?"),
    ("Jongere", "Ik zit in de derde klas en ik voetbal op woensdag."),
])
SCHOOL_NIEUW = make("schoolplein", [
    ("Interviewer", "Wie ben jij?"),
    ("Jongere", "Ik ben Jorinde Hoekstra, ik zit in de derde klas en ik voetbal op woensdag."),
])
WINKEL = make("winkelcentrum", [
    ("Interviewer", "Wat merkt u van de overlast?"),
    ("Lieke Brouwers", "Sinds de zomer is het rustiger. Gerrit Bosma van de overkant zegt dat ook."),
], title="Gesprek met Lieke Brouwers")


def run(base: Path, transcripts, *, cache: bool = True, progress=None):
    key = open_key(base / "sleutel.bin", PASS)
    review = base / "bevindingen.csv"
    result = pseudonymise_corpus(transcripts, key, review_path=review, progress=progress,
                                 cache_dir=base / "detectie" if cache else None)
    data = review.read_bytes()
    assert is_sealed(data)
    return key, result, key.unseal(data)


def same(a, b) -> None:
    _, ra, review_a = a
    _, rb, review_b = b
    assert ra.transcripts == rb.transcripts
    assert ra.counts == rb.counts
    assert ra.findings == rb.findings
    assert review_a == review_b


def entries(base: Path) -> list[Path]:
    return sorted((base / "detectie").iterdir())


def test_cached_run_equals_a_run_without_cache(tmp_path, deduce_ready):
    corpus = [AVOND, SCHOOL_NIEUW, WINKEL]
    plain, cached = tmp_path / "zonder", tmp_path / "met"
    lines: list[str] = []
    first_plain, first = run(plain, corpus, cache=False), run(cached, corpus, progress=lines.append)
    assert first[1].detected == ("buurtavond", "schoolplein", "winkelcentrum") and first[1].cached == 0
    assert first_plain[1].detected == first[1].detected and first_plain[1].cached == 0
    assert "0 documenten uit de cache, 3 opnieuw doorzocht" in lines
    same(first_plain, first)
    assert len(entries(cached)) == 3

    lines.clear()
    second_plain, second = run(plain, corpus, cache=False), run(cached, corpus, progress=lines.append)
    assert second[1].detected == () and second[1].cached == 3
    assert "3 documenten uit de cache, 0 opnieuw doorzocht" in lines
    assert not any(line.startswith("zoeken naar persoonsgegevens") for line in lines)
    same(second_plain, second)
    text = "\n".join(t.to_text() for t in second[1].transcripts)
    assert not any(raw in text for raw in RAW) and "[Persoon" in text


def test_changed_document_alone_is_detected_and_its_new_name_reaches_the_others(tmp_path, deduce_ready):
    plain, cached = tmp_path / "zonder", tmp_path / "met"
    before = [AVOND, SCHOOL_OUD, WINKEL]
    run(plain, before, cache=False)
    _, old, _ = run(cached, before)
    assert "jorinde" in old.transcripts[0].turns[1].text  # alone, the lower-case name is not found

    after = [AVOND, SCHOOL_NIEUW, WINKEL]
    without = run(plain, after, cache=False)
    key, new, review = run(cached, after)
    assert new.detected == ("schoolplein",) and new.cached == 2
    same(without, (key, new, review))
    avond = new.transcripts[0].turns[1].text
    assert "jorinde" not in avond and "[Persoon" in avond  # propagated into the unchanged document
    assert len(entries(cached)) == 3  # the old version's entry was removed

    _, fewer, _ = run(cached, [AVOND, WINKEL])
    assert fewer.detected == () and fewer.cached == 2
    assert len(entries(cached)) == 2  # a document no longer present leaves no entry behind


def test_cache_files_are_sealed_and_named_without_text(tmp_path, deduce_ready):
    key, result, _ = run(tmp_path, [AVOND, SCHOOL_NIEUW, WINKEL])
    files = entries(tmp_path)
    assert len(files) == 3
    payloads = []
    for path in files:
        assert re.fullmatch(r"[0-9a-f]{64}\.bin", path.name)
        data = path.read_bytes()
        assert is_sealed(data)
        assert not any(raw.encode("utf-8") in data for raw in RAW)
        payloads.append(key.unseal(data).decode("utf-8"))
    # what was sealed does hold the names: the check above is about sealing, not about an empty cache
    assert any("Hoekstra" in p for p in payloads) and any("Brouwers" in p for p in payloads)
    assert not (tmp_path / "output").exists()


def test_corrupt_or_foreign_entries_are_detected_again(tmp_path, deduce_ready):
    corpus = [AVOND, SCHOOL_NIEUW, WINKEL]
    reference = run(tmp_path, corpus)
    files = entries(tmp_path)
    files[0].write_bytes(b"kapot")
    files[1].write_bytes(files[1].read_bytes()[:-20])
    again = run(tmp_path, corpus)
    assert len(again[1].detected) == 2 and again[1].cached == 1
    same(reference, again)

    other = tmp_path / "andere"
    foreign_key = open_key(other / "sleutel.bin", "een ander wachtwoord")
    pseudonymise_corpus(corpus, foreign_key, review_path=other / "bevindingen.csv", cache_dir=tmp_path / "detectie")
    with_own_key = run(tmp_path, corpus)  # entries sealed with another key: a miss, not an error
    assert len(with_own_key[1].detected) == 3
    same(reference, with_own_key)


_SCRIPT = """
import json, pickle, sys
from pathlib import Path
from interviews.pseudonymise import open_key, pseudonymise_corpus
from interviews.pseudonymise.detect import get_deduce
base = Path(sys.argv[1])
corpus = pickle.loads(Path(sys.argv[2]).read_bytes())
key = open_key(base / "sleutel.bin", sys.argv[3])
result = pseudonymise_corpus(corpus, key, review_path=base / "bevindingen.csv", cache_dir=base / "detectie")
print(json.dumps({"imported": "deduce" in sys.modules, "loaded": get_deduce.cache_info().currsize,
                  "cached": result.cached, "detected": list(result.detected)}))
"""


def _subprocess_run(tmp_path: Path, corpus) -> dict:
    script, data = tmp_path / "run.py", tmp_path / "corpus.pkl"
    script.write_text(_SCRIPT, encoding="utf-8")
    data.write_bytes(pickle.dumps(corpus))
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, str(script), str(tmp_path / "ws"), str(data), PASS],
                          capture_output=True, text=True, env=env, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_fully_cached_run_does_not_import_deduce(tmp_path, deduce_ready):
    corpus = [AVOND, SCHOOL_NIEUW, WINKEL]
    run(tmp_path / "ws", corpus)
    hit = _subprocess_run(tmp_path, corpus)
    assert hit == {"imported": False, "loaded": 0, "cached": 3, "detected": []}
    changed = [AVOND, SCHOOL_NIEUW, dataclasses.replace(WINKEL, turns=WINKEL.turns[:1])]
    miss = _subprocess_run(tmp_path, changed)  # the same check sees deduce when one document changed
    assert miss == {"imported": True, "loaded": 1, "cached": 2, "detected": ["winkelcentrum"]}
