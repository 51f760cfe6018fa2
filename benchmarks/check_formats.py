"""Acceptance check of the transcript readers against the export examples in a formats folder.

    python benchmarks/check_formats.py [FORMATS_DIR] [--mappen]     # default: ../shared/formats from the repo root
                                                         # (or from a folder above it)

Copies the example transcripts and `metadata.csv` of FORMATS_DIR (not `*.expected.json`, `check.py`
or README) into a temporary `interviews/` folder, reads it with the public library function
`interviews.corpus.read_corpus` (metadata from `metadata.csv`), writes what was read as
`{"file.ext": [{"speaker", "start", "text"}, ...]}` (a file the reader refused gets `{"error": ...}`)
and runs FORMATS_DIR/check.py on it. With `--mappen` the examples are placed in the folder layout
`interviews/<jaar>/<type>/<wijk>/` taken from metadata.csv, and metadata.csv itself is left out. Prints check.py's report, then one line per file with the
layout that was detected. Exit status: that of check.py.

A folder without its own check.py (e.g. `benchmarks/format_holdout`) is checked with the check.py
of the default folder.

The temporary folder is removed afterwards; nothing is written into FORMATS_DIR or the repository.
"""

from __future__ import annotations

import argparse
import csv
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from interviews.corpus import read_corpus  # noqa: E402
from interviews.readers.registry import default_registry  # noqa: E402

_NOT_EXAMPLES = ("check.py", "readme.md")


def example_files(folder: Path) -> list[Path]:
    """The example transcripts and metadata.csv of a formats folder."""
    return sorted(p for p in folder.iterdir() if p.is_file() and not p.name.endswith(".expected.json")
                  and p.name.lower() not in _NOT_EXAMPLES and not p.name.startswith("."))


def read_examples(folder: Path, work: Path, folders: bool = False) -> tuple[dict, dict]:
    """Reader output in check.py's layout, and the detected layout per file."""
    interviews = work / "interviews"
    interviews.mkdir()
    places = {}
    if folders:
        with open(folder / "metadata.csv", encoding="utf-8-sig", newline="") as handle:
            places = {r["file"]: Path(r["year"], r["type"], r["wijk"]) for r in csv.DictReader(handle)}
    for path in example_files(folder):
        if folders and path.name == "metadata.csv":
            continue
        target = interviews / places.get(path.name, Path()) / path.name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
    result = read_corpus(interviews, formats=default_registry().formats, skip_invalid=True)
    produced: dict = {}
    layouts: dict = {}
    for transcript in result.transcripts:
        produced[Path(transcript.source).name] = [
            {"speaker": turn.speaker or "", "start": turn.timestamp, "text": turn.text}
            for turn in transcript.turns]
        layouts[Path(transcript.source).name] = f"{transcript.layout} [metadata: {dict(transcript.meta_sources)['wijk']}]"
    for error in result.skipped:
        source = getattr(error, "path", None) or "?"
        produced[Path(str(source)).name] = {"error": error.message}
    return produced, layouts


def default_folder() -> Path:
    """../shared/formats relative to the repository root (or to a folder above it, for worktrees)."""
    for base in ROOT.parents:
        if (base / "shared" / "formats").is_dir():
            return base / "shared" / "formats"
    return ROOT.parent / "shared" / "formats"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("formats_dir", nargs="?", default=str(default_folder()),
                        help="folder with the examples, metadata.csv and check.py")
    parser.add_argument("--mappen", action="store_true",
                        help="metadata from the folder layout <jaar>/<type>/<wijk>/ instead of metadata.csv")
    args = parser.parse_args(argv)
    folder = Path(args.formats_dir).resolve()
    checker = folder / "check.py"
    if not checker.is_file():  # a held-out folder (benchmarks/format_holdout) uses the shared checker
        checker = default_folder() / "check.py"
    if not checker.is_file():
        print(f"no check.py in {folder}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="narratief-formats-") as tmp:
        produced, layouts = read_examples(folder, Path(tmp), args.mappen)
        out = Path(tmp) / "out.json"
        out.write_text(json.dumps(produced, ensure_ascii=False, indent=1), encoding="utf-8")
        done = subprocess.run([sys.executable, str(checker), str(out), "--dir", str(folder)],
                              capture_output=True, text=True)
    report = done.stdout.rstrip("\n").split("\n")
    print("\n".join(report[:-1]))
    for name in sorted(layouts):
        print(f"layout {name}: {layouts[name] or '?'}")
    if done.stderr:
        print(done.stderr, file=sys.stderr, end="")
    print(report[-1])  # "formats: N of M read as expected" stays the last line
    return done.returncode


if __name__ == "__main__":
    sys.exit(main())
