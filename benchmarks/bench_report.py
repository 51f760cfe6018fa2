"""Benchmark: building and rendering the chapter of a workspace, in this process, on its report inputs.

- build: `build_chapter` into an empty folder (every figure drawn) against a rebuild into the same
  folder with the same inputs (figures whose inputs did not change are reused);
- render: each format on its own (pandoc for html and docx, typst for pdf). Rendering the formats
  concurrently was tried and did not win on the shared two-core machine (fresh processes: 1.07 s one
  after the other against 1.04-1.09 s at once), so they render one after the other.

matplotlib, pandoc and typst are warmed up first, so imports are not counted. Nothing is written into
the workspace.

    NARRATIEF_PASSPHRASE=... NARRATIEF_KEY_DIR=... python benchmarks/bench_report.py WORKSPACE [--repeat 3]
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from finished_workspace import parse_workspace_args
from narratief.pipeline import Pipeline
from narratief.workspace import open_workspace
from reports.chapter import build_chapter
from reports.render import render_chapter


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    args = parse_workspace_args(__doc__.splitlines()[0], argv)
    if args is None:
        return 2

    pipeline = Pipeline(open_workspace(args.workspace))
    inputs = pipeline._report_source().load(pipeline)
    year = pipeline._report_year(None)
    formats = list(pipeline._report_formats())
    with tempfile.TemporaryDirectory(prefix="bench-rapport-") as scratch:
        root = Path(scratch)
        source = build_chapter(inputs, year, root / "warmup")
        render_chapter(source, formats=formats)
        cold, warm = [], []
        for i in range(args.repeat):
            folder = root / f"run{i}"
            cold.append(timed(lambda: build_chapter(inputs, year, folder)))
            warm.append(timed(lambda: build_chapter(inputs, year, folder)))
        print(f"build_chapter ({len(source.figures)} figuren): alles tekenen {min(cold):.2f} s, "
              f"figuren hergebruikt {min(warm):.2f} s, verhouding {min(warm) / min(cold):.2f}")
        per_format = {f: min(timed(lambda f=f: render_chapter(source, formats=[f])) for _ in range(args.repeat))
                      for f in formats}
        print("render_chapter: " + ", ".join(f"{f} {t:.2f} s" for f, t in per_format.items())
              + f", samen {sum(per_format.values()):.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
