"""Benchmark: privacy quality and speed of the pseudonymisation stage on two corpora.

For the demo corpus (gold in narratief/demo/gold) and an annotated evaluation corpus (a folder with
corpus/ and truth.json, e.g. ../shared/evaluation; skipped when absent) it prints:

- leak rate per category: annotated personal details still present anywhere in the output
  (case-insensitive, whole word, strings of 3+ characters - the evaluation's own rule);
- kept programme terms (case-sensitive for acronyms);
- over-redaction: ordinary words of the source turns missing from the pseudonymised turns
  (words of annotated personal details left out);
- words per second of the whole stage against deduce alone, both timed in this process.

The evaluation corpus is also split: development years and held-out years (default 2024,2025 /
2026), scored from one run over all files, and the held-out files run on their own.

A third corpus, `benchmarks/privacy_holdout` (five transcripts written for this check, plus later
rounds in its round2/ to round6/, see its README), is scored per round as a whole (`--holdout`; the
year split does not apply to it). A folder given
to `--evaluation` without the evaluation set's years (e.g. the holdout itself) is scored as a whole.

    python benchmarks/bench_privacy.py [--evaluation ../shared/evaluation] [--heldout 2026] [--holdout DIR]
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path

from interviews.corpus import read_corpus
from interviews.pseudonymise import get_deduce, open_key, pseudonymise_corpus

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "narratief" / "demo"
MIN_LEN = 3


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def _pattern(term: str, case_sensitive: bool = False) -> re.Pattern[str]:
    body = r"\s+".join(re.escape(p) for p in term.split())
    return re.compile(rf"(?<!\w){body}(?!\w)", 0 if case_sensitive else re.IGNORECASE)


def _acronym(term: str) -> bool:
    letters = [c for c in term if c.isalpha()]
    return len(term) <= 6 and bool(letters) and all(c.isupper() for c in letters)


def score(raw, pseudo, pii: dict[str, list[tuple[str, str]]], keep: dict[str, list[str]]) -> dict:
    """Leaks per category, kept terms and over-redaction of one run (see the module doc)."""
    docs = {t.doc for t in raw}
    output = "\n".join(t.to_text() + "\n" + json.dumps(t.to_dict(), ensure_ascii=False) for t in pseudo)
    items: dict[str, str] = {}
    for doc, values in pii.items():
        if doc in docs:
            for category, text in values:
                if len(text) >= MIN_LEN:
                    items.setdefault(text.casefold(), category)
    total, leaked = Counter(), Counter()
    for text, category in items.items():
        total[category] += 1
        leaked[category] += bool(_pattern(text).search(output))
    terms = {t for doc, values in keep.items() if doc in docs for t in values if len(t) >= MIN_LEN}
    kept = sum(bool(_pattern(t, _acronym(t)).search(output)) for t in terms)
    by_doc = {t.doc: t for t in pseudo}
    lost, ordinary = Counter(), 0
    for t in raw:
        skip = {w for _, text in pii.get(t.doc, []) for w in _words(text)}
        out_turns = {turn.index: turn.text for turn in by_doc[t.doc].turns}
        for turn in t.turns:
            before = Counter(w for w in _words(turn.text) if w not in skip)
            after = Counter(_words(out_turns.get(turn.index, "")))
            ordinary += sum(before.values())
            for w, n in before.items():
                if n > after[w]:
                    lost[w] += n - after[w]
    return {"total": total, "leaked": leaked, "terms": len(terms), "kept": kept,
            "lost": sum(lost.values()), "ordinary": ordinary, "lost_words": lost}


def run_stage(transcripts: Sequence) -> tuple[list, float]:
    with tempfile.TemporaryDirectory() as tmp:
        key = open_key(Path(tmp) / "sleutel.bin", "benchmark")
        start = time.perf_counter()
        result = pseudonymise_corpus(transcripts, key, review_path=Path(tmp) / "bevindingen.csv")
        return list(result.transcripts), time.perf_counter() - start


def deduce_alone(transcripts: Sequence) -> float:
    deduce = get_deduce()
    start = time.perf_counter()
    for t in transcripts:  # one call per transcript (turns and labels joined), as the stage calls it
        parts = [turn.text for turn in t.turns] + [turn.speaker for turn in t.turns if turn.speaker]
        deduce.deidentify("\n\n\n".join(parts))
    return time.perf_counter() - start


def report(name: str, s: dict) -> None:
    n_total, n_leaked = sum(s["total"].values()), sum(s["leaked"].values())
    print(f"\n== {name}")
    print(f"{'categorie':<15}{'details':>8}{'gelekt':>8}{'lekpercentage':>15}")
    for category in sorted(s["total"]):
        t, k = s["total"][category], s["leaked"][category]
        print(f"{category:<15}{t:>8}{k:>8}{100 * k / t:>14.1f}%")
    print(f"{'totaal':<15}{n_total:>8}{n_leaked:>8}{100 * n_leaked / max(n_total, 1):>14.1f}%")
    print(f"programmatermen behouden: {s['kept']} van {s['terms']}")
    print(f"over-redactie: {s['lost']} van {s['ordinary']} gewone woorden "
          f"({100 * s['lost'] / max(s['ordinary'], 1):.2f}%)"
          + (f"; meest: {', '.join(f'{w} ({c})' for w, c in s['lost_words'].most_common(8))}" if s["lost"] else ""))


def speed(name: str, transcripts: Sequence, stage_s: float) -> None:
    words = sum(t.words + sum(len((turn.speaker or "").split()) for turn in t.turns) for t in transcripts)
    deduce_s = deduce_alone(transcripts)
    print(f"snelheid {name}: hele stap {words / stage_s:,.0f} woorden/s ({stage_s:.2f} s), deduce alleen "
          f"{words / deduce_s:,.0f} woorden/s ({deduce_s:.2f} s); stap/deduce = {stage_s / deduce_s:.2f}x zo lang")


def demo_gold() -> tuple[dict, dict]:
    pii: dict[str, list[tuple[str, str]]] = defaultdict(list)
    keep: dict[str, list[str]] = defaultdict(list)
    with (DEMO / "gold" / "pii.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            pii[row["doc"]].append((row["category"], row["text"]))
    with (DEMO / "gold" / "keep.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            keep[row["doc"]].append(row["text"])
    return pii, keep


def evaluation_gold(folder: Path) -> tuple[dict, dict]:
    truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
    pii, keep = {}, {}
    for f in truth["files"]:
        doc = Path(f["file"]).stem
        pii[doc] = [(p["category"], p["text"]) for p in f["pii"]]
        keep[doc] = list(f["keep"])
    return pii, keep


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--evaluation", type=Path, default=ROOT.parent / "shared" / "evaluation")
    parser.add_argument("--heldout", default="2026", help="held-out years, comma-separated")
    parser.add_argument("--holdout", type=Path, default=ROOT / "benchmarks" / "privacy_holdout",
                        help="a privacy corpus written apart from the evaluation set (scored as a whole)")
    args = parser.parse_args()
    get_deduce()  # load once, outside every timing
    demo = read_corpus(DEMO / "interviews").transcripts
    run_stage(demo[:1])  # warm up: word lists and frequency tables load on first use

    pseudo, seconds = run_stage(demo)
    report("democorpus", score(demo, pseudo, *demo_gold()))
    speed("democorpus", demo, seconds)

    # each round N was written after the fixes of round N-1 (round2/, round3/, round4/, ...)
    for part in (args.holdout, *sorted(args.holdout.glob("round*"))):
        if (part / "truth.json").is_file() and part.resolve() != args.evaluation.resolve():
            pii, keep = evaluation_gold(part)
            corpus = read_corpus(part / "corpus").transcripts
            pseudo, _ = run_stage(corpus)
            report(f"privacycorpus {part.relative_to(args.holdout.parent)}", score(corpus, pseudo, pii, keep))

    folder = args.evaluation if args.evaluation.is_dir() else Path("/work/shared/evaluation")
    if not (folder / "truth.json").is_file():
        print(f"\n(evaluatiecorpus niet gevonden in {args.evaluation}: overgeslagen)")
        return
    held = {int(y) for y in args.heldout.split(",") if y.strip()}
    pii, keep = evaluation_gold(folder)
    corpus = read_corpus(folder / "corpus").transcripts
    pseudo, seconds = run_stage(corpus)
    report("evaluatie: alle bestanden", score(corpus, pseudo, pii, keep))
    if folder.resolve() == args.holdout.resolve() or not held & {t.meta.year for t in corpus}:
        speed("evaluatie", corpus, seconds)  # no development/held-out split in this folder
        return
    dev = [t for t in corpus if t.meta.year not in held]
    out = [t for t in corpus if t.meta.year in held]
    report("evaluatie: ontwikkeljaren (uit de run over alles)",
           score(dev, [p for p in pseudo if p.meta.year not in held], pii, keep))
    report("evaluatie: achtergehouden jaren (uit de run over alles)",
           score(out, [p for p in pseudo if p.meta.year in held], pii, keep))
    alone, _ = run_stage(out)
    report("evaluatie: achtergehouden jaren, alleen gedraaid", score(out, alone, pii, keep))
    speed("evaluatie", corpus, seconds)


if __name__ == "__main__":
    main()
