"""Time the topic stage and the comparison on 1x, 4x and 16x the demo corpus.

Run:  python benchmarks/bench_topics_compare.py [--factors 1 4 16] [--cache DIR]

The demo segments (one per turn, gold codes, planted personal details masked) are embedded once
with the real offline embedder (cached). Larger corpora replicate every interview as a new
interview with small perturbations: one word dropped from each text and Gaussian noise (sd 0.01)
on each embedding, renormalised. The first topic fit also pays numba's one-off compilation of
UMAP/HDBSCAN; it is timed separately ("warm-up") so the ratios show the growth with size.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "topics"))


def replicate(segments: pd.DataFrame, emb: np.ndarray, factor: int, seed: int = 0):
    rng = np.random.default_rng(seed)
    frames, vectors = [], []
    for r in range(factor):
        copy = segments.copy()
        if r:
            copy["doc"] = copy["doc"] + f"_r{r:02d}"
            words = copy["text"].str.split()
            copy["text"] = [" ".join(np.delete(w, rng.integers(len(w))) if len(w) > 3 else w) for w in words]
            noisy = emb + rng.normal(0.0, 0.01, emb.shape)
            vectors.append(noisy / np.linalg.norm(noisy, axis=1, keepdims=True))
        else:
            vectors.append(emb)
        frames.append(copy)
    return pd.concat(frames, ignore_index=True), np.vstack(vectors).astype(np.float32)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--factors", type=int, nargs="+", default=[1, 4, 16])
    parser.add_argument("--cache", type=Path, default=Path("/tmp/narratief-bench-embeddings"))
    args = parser.parse_args()

    from analysis import CompareSettings, compare
    from demo_segments import demo_segments, theme_texts
    from nlp.embeddings import CachedEmbedder, load_embedder
    from nlp.topics import TopicSettings, fit_topics

    embedder = CachedEmbedder(load_embedder("auto"), args.cache)
    segments = demo_segments()
    themes = theme_texts()
    start = time.perf_counter()
    emb = np.asarray(embedder.embed(segments["text"].tolist()))
    theme_emb = np.asarray(embedder.embed(list(themes.values())))
    print(f"embedder {embedder.name}: {len(segments)} segments in {time.perf_counter() - start:.1f} s "
          "(cached after the first run)")
    start = time.perf_counter()
    fit_topics(segments, emb, themes, theme_emb, TopicSettings())
    print(f"warm-up (numba compilation + 1x fit): {time.perf_counter() - start:.1f} s")

    rows = []
    for factor in args.factors:
        seg, vec = replicate(segments, emb, factor)
        start = time.perf_counter()
        result = fit_topics(seg, vec, themes, theme_emb, TopicSettings())
        t_topics = time.perf_counter() - start
        start = time.perf_counter()
        compare(seg, CompareSettings())
        t_compare = time.perf_counter() - start
        rows.append({"factor": factor, "segments": len(seg), "interviews": seg["doc"].nunique(),
                     "topics": len(result.topics), "topics_s": t_topics, "compare_s": t_compare})
        print(f"{factor:>3}x  {len(seg):>6} segments  topics {t_topics:7.2f} s ({len(result.topics)} topics)"
              f"  compare {t_compare:6.2f} s", flush=True)
    table = pd.DataFrame(rows)
    base = table.iloc[0]
    table["topics_ratio"] = table["topics_s"] / base["topics_s"]
    table["compare_ratio"] = table["compare_s"] / base["compare_s"]
    print(table.round(2).to_string(index=False))


if __name__ == "__main__":
    main()
