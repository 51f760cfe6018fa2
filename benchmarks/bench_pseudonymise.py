"""Benchmark: words per second of the whole pseudonymisation stage vs deduce alone.

Both run in the same process on the same text (the demo corpus, repeated `--repeat` times as
separate documents), after deduce's lookup structures are loaded. Prints both rates and the ratio.

    python benchmarks/bench_pseudonymise.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import dataclasses
import tempfile
import time
from pathlib import Path

from interviews.corpus import read_corpus
from interviews.pseudonymise import get_deduce, open_key, pseudonymise_corpus

DEMO = Path(__file__).resolve().parents[1] / "narratief" / "demo" / "interviews"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    base = read_corpus(DEMO).transcripts
    corpus = [dataclasses.replace(t, doc=f"{t.doc}-{i}") for i in range(args.repeat) for t in base]
    words = sum(t.words + sum(len((turn.speaker or "").split()) for turn in t.turns) for t in corpus)
    deduce = get_deduce()  # load once, outside both timings

    start = time.perf_counter()
    for t in corpus:  # one call per transcript (turns and labels joined), as the stage calls it
        parts = [turn.text for turn in t.turns] + [turn.speaker for turn in t.turns if turn.speaker]
        deduce.deidentify("\n\n\n".join(parts))
    deduce_s = time.perf_counter() - start

    with tempfile.TemporaryDirectory() as tmp:
        key = open_key(Path(tmp) / "sleutel.bin", "benchmark")
        start = time.perf_counter()
        pseudonymise_corpus(corpus, key, review_path=Path(tmp) / "bevindingen.csv")
        stage_s = time.perf_counter() - start

    print(f"woorden: {words} ({len(corpus)} transcripten)")
    print(f"deduce alleen:       {words / deduce_s:10.0f} woorden/s ({deduce_s:.2f} s)")
    print(f"hele pseudonimisering: {words / stage_s:8.0f} woorden/s ({stage_s:.2f} s)")
    print(f"verhouding stage/deduce: {stage_s / deduce_s:.2f}x zo lang ({(words / stage_s) / (words / deduce_s):.2f} van de snelheid)")


if __name__ == "__main__":
    main()
