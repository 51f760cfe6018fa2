"""Benchmark: the final leak check on a workspace's output, new search against the old one.

Reads every file under `output/` once, then times in this process, on the same texts and with the
same originals and protected terms as `narratief run`:

- text extraction of the PDFs: poppler (`pdftotext`/`pdfinfo`) against pypdf;
- the search: `LeakSearch` (substring prefilter, boundary patterns for the candidates only, masking
  only texts with candidates) against the old way (mask every text, then both whole alternations);
- the whole `check_output` without the clean-file cache.

It also checks that both searches give the same answer for every file (and stops if not).

    NARRATIEF_PASSPHRASE=... NARRATIEF_KEY_DIR=... python benchmarks/bench_leakcheck.py WORKSPACE [--repeat 3]
"""

from __future__ import annotations

import sys
import time

from interviews.pseudonymise import leakcheck
from interviews.pseudonymise.keep import ProtectedVocabulary
from interviews.pseudonymise.review import read_decisions
from interviews.pseudonymise.stage import check_output
from finished_workspace import parse_workspace_args
from narratief.pipeline import Pipeline
from narratief.workspace import open_workspace


def old_mask(text: str, protected: ProtectedVocabulary) -> str:
    """The masking of the old check (a list of characters)."""
    chars = list(text)
    for start, end in protected.spans(text):
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def old_found(text: str, patterns, protected: ProtectedVocabulary) -> bool:
    """The old check of one text: mask protected terms, then both whole alternations."""
    return any(p.search(old_mask(text, protected)) for p in patterns)


def best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    args = parse_workspace_args(__doc__.splitlines()[0], argv)
    if args is None:
        return 2

    pipeline = Pipeline(open_workspace(args.workspace))
    key, out = pipeline.key, pipeline.out
    deny = set(pipeline._terms("weigeren.txt"))
    review = pipeline.ws.key_dir / "bevindingen.csv"
    searched = sorted({*key.originals(), *deny, *read_decisions(review, key).confirmed_terms()})
    protected = ProtectedVocabulary.build({*pipeline._protected_terms(), *pipeline._terms("toestaan.txt")},
                                          profile=pipeline.ws.profile)
    files = sorted(p for p in out.rglob("*") if p.is_file())
    data = {p: p.read_bytes() for p in files}
    print(f"{len(files)} bestanden, {sum(map(len, data.values())) / 1e6:.1f} MB, {len(searched)} originelen")

    pdfs = [p for p in files if p.suffix == ".pdf"]
    if pdfs:
        poppler = best(lambda: [leakcheck.pdf_text_poppler(data[p]) for p in pdfs], args.repeat)
        pypdf = best(lambda: [leakcheck.pdf_text_pypdf(data[p]) for p in pdfs], args.repeat)
        print(f"pdf-tekst ({len(pdfs)} pdf): poppler {poppler:.2f} s, pypdf {pypdf:.2f} s, "
              f"verhouding {poppler / pypdf:.2f}")

    texts = {p: leakcheck.file_text(p, data[p]) for p in files}
    patterns = leakcheck.build_patterns(searched)
    search = leakcheck.LeakSearch(searched, protected)
    old = {p: old_found(t, patterns, protected) for p, t in texts.items()}
    new = {p: search.found(t) for p, t in texts.items()}
    if old != new:
        print("VERSCHIL tussen oude en nieuwe zoekmethode:",
              [p.relative_to(out).as_posix() for p in files if old[p] != new[p]])
        return 1
    with_candidates = sum(1 for t in texts.values() if any(search.candidates(t)))
    t_old = best(lambda: [old_found(t, patterns, protected) for t in texts.values()], args.repeat)
    t_new = best(lambda: [leakcheck.LeakSearch(searched, protected).found(t) for t in texts.values()],
                 args.repeat)
    print(f"zoeken ({sum(map(len, texts.values())) / 1e6:.1f} M tekens, {with_candidates} bestanden met "
          f"kandidaten, {sum(old.values())} met een treffer): oud {t_old:.2f} s, nieuw {t_new:.3f} s, "
          f"verhouding {t_new / t_old:.3f}")
    whole = best(lambda: check_output(out, key, review_path=review, allow=pipeline._terms("toestaan.txt"),
                                      deny=pipeline._terms("weigeren.txt"),
                                      protected_terms=pipeline._protected_terms(), profile=pipeline.ws.profile),
                 1)
    print(f"hele lekcontrole zonder cache: {whole:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
