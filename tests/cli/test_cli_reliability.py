"""Bad settings, unsafe paths, symlinks, locks and bad input: each a numbered Dutch error, exit code 2,
no traceback, and the sources byte-identical afterwards.

Repeat with: python -m pytest -q tests/cli/test_cli_reliability.py
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from narratief.workspace import CONFIG_TEMPLATE, init_workspace

TRANSCRIPT = ("---\nyear: 2025\ntype: wijk\nwijk: Binnenstad\ndate: 2025-03-01\n---\n\n"
              "R1: Het gaat goed in de wijk, de jongeren zijn rustiger.\n\n"
              "Int.: Wat is er veranderd op school?\n\nR1: Er wordt minder verzuimd dan vorig jaar.\n")


def cli(*args: str, cwd: Path, env_extra: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env.update(env_extra or {})
    return subprocess.run([sys.executable, "-m", "narratief", *args], capture_output=True, text=True,
                          cwd=cwd, env=env, stdin=subprocess.DEVNULL, timeout=600)


def snapshot(root: Path) -> dict[str, bytes]:
    """Every source file of a workspace (not output/), by relative path."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and "output" not in p.relative_to(root).parts}


@pytest.fixture()
def ws(tmp_path, monkeypatch) -> Path:
    """A small workspace at tmp_path/werkmap with one transcript; keys under tmp_path/sleutels."""
    monkeypatch.setenv("NARRATIEF_KEY_DIR", str(tmp_path / "sleutels"))
    monkeypatch.setenv("NARRATIEF_PASSPHRASE", "een-test-wachtwoord")
    root = tmp_path / "werkmap"
    init_workspace(root)  # what `narratief init werkmap` does (tests/cli/test_cli.py runs the command)
    (root / "interviews" / "2025").mkdir()
    (root / "interviews" / "2025" / "gesprek.txt").write_text(TRANSCRIPT, encoding="utf-8")
    return root


def set_toml(root: Path, old: str, new: str) -> None:
    path = root / "narratief.toml"
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def assert_error(result: subprocess.CompletedProcess, code: str, *words: str) -> None:
    assert result.returncode == 2, (result.returncode, result.stderr)
    assert f"[{code}]" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    for word in words:
        assert word in result.stderr, (word, result.stderr)


BAD_SETTINGS = [
    ("bootstrap = 2000", 'bootstrap = "veel"', "N712", ["vergelijking.bootstrap"]),
    ("[onderwerpen]\n# Vaste seed: dezelfde invoer geeft dezelfde onderwerpen.\nseed = 42",
     '[onderwerpen]\nseed = "abc"', "N712", ["onderwerpen.seed"]),
    ("min_segmenten = 5", "min_segmenten = -1", "N713", ["deel.min_segmenten"]),
    ("bootstrap = 2000", "bootstrapp = 2000", "N711", ["vergelijking.bootstrapp", "'bootstrap'"]),
    ("[vergelijking]", "[vergelijkng]", "N710", ["vergelijkng", "'vergelijking'"]),
    ('taalmodel = "nl_core_news_lg"', 'taalmodel = "nl_core_news_lgg"', "N714", ["codering.taalmodel"]),
    ('formaten = ["html", "docx", "pdf"]', 'formaten = ["html", "pfd"]', "N713", ["rapport.formaten", "'pdf'"]),
    ("wijkcijfers = false", 'wijkcijfers = "nee"', "N712", ["deel.wijkcijfers"]),
    ('persoon = "[{label} {n:02d}]"', 'persoon = "[{label}]"', "N713", ["pseudonimisering.persoon"]),
    ('naam = "werkmap"', "naam = werkmap", "N704", ["regel 4"]),
]


@pytest.mark.parametrize("old,new,code,words", BAD_SETTINGS, ids=[c[2] + "-" + c[1][:20] for c in BAD_SETTINGS])
def test_bad_setting_is_a_numbered_error_naming_the_key(ws, old, new, code, words):
    set_toml(ws, old, new)
    before = snapshot(ws)
    result = cli("ingest", "werkmap", cwd=ws.parent)
    assert_error(result, code, "narratief.toml", *words)
    assert snapshot(ws) == before


UNSAFE_PATHS = [
    ('output = "output"', 'output = "."', "N715"),
    ('output = "output"', 'output = ".."', "N715"),
    ('output = "output"', 'output = "interviews"', "N715"),
    ('output = "output"', 'output = "interviews/uitvoer"', "N715"),
    ('output = "output"', 'output = "codebook"', "N715"),
    ('sleutelmap = ""', 'sleutelmap = "interviews"', "N716"),
    ('sleutelmap = ""', 'sleutelmap = "sleutels"', "N716"),
    ('sleutelmap = ""', 'sleutelmap = "output/sleutels"', "N702"),
]


@pytest.mark.parametrize("old,new,code", UNSAFE_PATHS, ids=[c[1] for c in UNSAFE_PATHS])
def test_unsafe_output_or_key_folder_is_refused_before_anything_is_written(ws, old, new, code):
    set_toml(ws, old, new)
    before = snapshot(ws)
    for command in ("ingest", "run"):
        assert_error(cli(command, "werkmap", cwd=ws.parent), code)
    assert snapshot(ws) == before
    assert not (ws / "interviews" / "uitvoer").exists()
    assert not (ws / "interviews" / "sleutel.bin").exists()


def test_key_folder_that_is_a_file_or_cannot_be_made(ws, tmp_path):
    blocker = tmp_path / "geen-map"
    blocker.write_text("dit is een bestand\n", encoding="utf-8")
    before = snapshot(ws)
    set_toml(ws, 'sleutelmap = ""', f'sleutelmap = "{blocker}"')
    assert_error(cli("pseudonymise", "werkmap", cwd=ws.parent), "N719", "paden.sleutelmap")
    set_toml(ws, f'sleutelmap = "{blocker}"', f'sleutelmap = "{blocker}/sub"')
    assert_error(cli("pseudonymise", "werkmap", cwd=ws.parent), "N719", "paden.sleutelmap")
    assert blocker.read_text(encoding="utf-8") == "dit is een bestand\n"
    assert {k: v for k, v in snapshot(ws).items() if k != "narratief.toml"} == \
        {k: v for k, v in before.items() if k != "narratief.toml"}


def test_output_folder_that_cannot_be_written(ws, tmp_path):
    blocker = tmp_path / "bestand"
    blocker.write_text("x", encoding="utf-8")
    set_toml(ws, 'output = "output"', f'output = "{blocker}/uit"')
    before = snapshot(ws)
    assert_error(cli("pseudonymise", "werkmap", cwd=ws.parent), "N720", "paden.output")
    assert snapshot(ws) == before


def test_invalid_date_in_front_matter(ws):
    (ws / "interviews" / "2025" / "gesprek.txt").write_text(
        TRANSCRIPT.replace("2025-03-01", "2025-13-45"), encoding="utf-8")
    before = snapshot(ws)
    assert_error(cli("ingest", "werkmap", cwd=ws.parent), "N112", "gesprek.txt")
    assert snapshot(ws) == before


def test_symlink_outside_interviews_is_named(ws, tmp_path):
    elsewhere = tmp_path / "elders"
    elsewhere.mkdir()
    (elsewhere / "vreemd.txt").write_text(TRANSCRIPT, encoding="utf-8")
    (ws / "interviews" / "koppeling.txt").symlink_to(elsewhere / "vreemd.txt")
    (ws / "interviews" / "map-elders").symlink_to(elsewhere, target_is_directory=True)
    before = snapshot(ws)
    assert_error(cli("ingest", "werkmap", cwd=ws.parent), "N119", "koppeling.txt", "map-elders")
    assert snapshot(ws) == before


def test_symlinked_folder_inside_interviews_is_read(ws):
    real = ws / "interviews" / "archief"
    real.mkdir()
    (real / "oud.txt").write_text(TRANSCRIPT.replace("2025", "2024"), encoding="utf-8")
    (ws / "interviews" / "2024").symlink_to(real, target_is_directory=True)
    result = cli("ingest", "werkmap", "--json", cwd=ws.parent)
    assert result.returncode == 0, result.stderr
    import json

    files = {row["file"] for row in json.loads(result.stdout)}
    assert files == {"2025/gesprek.txt", "2024/oud.txt"}  # the real folder is not read twice


def test_old_workspace_gets_an_id_once_and_two_same_named_workspaces_get_their_own_key_folder(tmp_path, monkeypatch):
    from narratief.workspace import open_workspace

    monkeypatch.setenv("NARRATIEF_KEY_DIR", str(tmp_path / "sleutels"))
    roots = []
    for parent in ("a", "b"):
        root = tmp_path / parent / "werkmap"
        (root / "interviews").mkdir(parents=True)
        old_style = "\n".join(line for line in CONFIG_TEMPLATE.format(name="werkmap", workspace_id="x").splitlines()
                              if not line.startswith("werkmap_id"))
        (root / "narratief.toml").write_text(old_style + "\n", encoding="utf-8")
        roots.append(root)
    first = open_workspace(roots[0])
    again = open_workspace(roots[0])
    other = open_workspace(roots[1])
    assert first.workspace_id and first.workspace_id == again.workspace_id
    assert first.key_dir != other.key_dir
    assert (roots[0] / "narratief.toml").read_text(encoding="utf-8").count("werkmap_id =") == 1


def test_old_workspace_keeps_its_key(tmp_path, monkeypatch):
    """A workspace from before the id: its key in the folder named after the project is copied."""
    from narratief.workspace import open_workspace

    monkeypatch.setenv("NARRATIEF_KEY_DIR", str(tmp_path / "sleutels"))
    legacy = tmp_path / "sleutels" / "mijn-project"
    legacy.mkdir(parents=True)
    (legacy / "sleutel.bin").write_bytes(b"oude sleutel")
    root = tmp_path / "werkmap"
    root.mkdir()
    text = CONFIG_TEMPLATE.format(name="Mijn project", workspace_id="x")
    (root / "narratief.toml").write_text(
        "\n".join(ln for ln in text.splitlines() if not ln.startswith("werkmap_id")) + "\n", encoding="utf-8")
    ws = open_workspace(root)
    assert (ws.key_dir / "sleutel.bin").read_bytes() == b"oude sleutel"
    assert (legacy / "sleutel.bin").read_bytes() == b"oude sleutel"  # copied, never moved


def test_a_second_run_while_one_holds_the_lock_is_refused(ws, tmp_path):
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys,time; from pathlib import Path; from narratief.lock import WorkspaceLock\n"
         "with WorkspaceLock(Path(sys.argv[1])):\n    print('vast', flush=True); time.sleep(60)",
         str(ws / "output" / ".narratief.lock")], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "vast"
        before = snapshot(ws)
        result = cli("pseudonymise", "werkmap", cwd=ws.parent)
        assert_error(result, "N717", str(holder.pid))
        assert snapshot(ws) == before
    finally:
        holder.kill()
        holder.wait()


def test_a_stale_lock_of_a_dead_process_is_taken_over_with_a_message(ws):
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    lock = ws / "output" / ".narratief.lock"
    lock.write_text(f"{dead.pid}\n", encoding="ascii")
    result = cli("review", "export", "werkmap", cwd=ws.parent)  # takes the lock, then: nothing coded yet
    assert "verouderd slot" in result.stderr and str(dead.pid) in result.stderr
    assert_error(result, "N708")
    assert not lock.exists()


def test_workspace_lock_is_reentrant_and_released(tmp_path):
    from narratief.lock import LockError, WorkspaceLock

    path = tmp_path / "out" / ".narratief.lock"
    with WorkspaceLock(path):
        with WorkspaceLock(path):
            assert path.read_text().strip() == str(os.getpid())
        assert path.exists()
    assert not path.exists()
    (tmp_path / "bestand").write_text("x", encoding="utf-8")
    with pytest.raises(LockError) as caught:
        with WorkspaceLock(tmp_path / "bestand" / ".narratief.lock"):
            pass
    assert caught.value.code == "N720"


def test_ctrl_c_says_in_dutch_that_the_run_can_resume(tmp_path, monkeypatch, capsys):
    from narratief import cli as cli_module
    from narratief.pipeline import Pipeline

    root = tmp_path / "werkmap"
    init_workspace(root)
    (root / "interviews" / "2025").mkdir(parents=True, exist_ok=True)
    (root / "interviews" / "2025" / "gesprek.md").write_text(TRANSCRIPT, encoding="utf-8")

    def pressed_ctrl_c(self):
        raise KeyboardInterrupt

    monkeypatch.setattr(Pipeline, "run", pressed_ctrl_c)
    monkeypatch.setenv("NARRATIEF_PASSPHRASE", "wachtwoord-voor-de-test")
    monkeypatch.setenv("NARRATIEF_KEY_DIR", str(tmp_path / "sleutels"))
    monkeypatch.setattr(sys, "argv", ["narratief", "run", str(root)])
    with pytest.raises(SystemExit) as stopped:
        cli_module.main()
    assert stopped.value.code == 130
    assert "Afgebroken; wat klaar was, blijft bewaard" in capsys.readouterr().err
