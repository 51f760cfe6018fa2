"""Municipality profiles: loading, validation, and a whole run under a second profile (Eindhoven)."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from interviews import profiles
from interviews.metadata import MetaField, resolve_meta
from interviews.profiles import ProfileError, available_profiles, load_profile
from interviews.readers.errors import InputError
from narratief.workspace import init_workspace, open_workspace
from reports.coarsen import coarsen


def test_shipped_profiles_load_and_share_the_national_base():
    helmond, eindhoven = load_profile("Helmond"), load_profile("eindhoven")
    assert {"helmond", "eindhoven"} <= set(available_profiles())
    assert "Helmond-West" in helmond.wijk_names and "Helmond-West" not in eindhoven.wijk_names
    assert "Woensel-Zuid" in eindhoven.wijk_names and eindhoven.wijk_names[-1] == "stad"
    assert "Doornakkers" in eindhoven.buurten
    # language-level lists come from nederland.yaml, once, for every profile
    assert helmond.street_suffixes == eindhoven.street_suffixes and "straat" in helmond.street_suffixes
    assert helmond.name_particles == eindhoven.name_particles and "van" in helmond.name_particles
    assert len(helmond.national_themes) == 5 and helmond.national_themes == eindhoven.national_themes
    assert "Eindhoven" in eindhoven.protected_terms() and "politie" in eindhoven.protected_terms()


def test_unknown_profile_is_a_numbered_error_naming_the_available_ones():
    with pytest.raises(ProfileError) as err:
        load_profile("Atlantis")
    assert err.value.code == "N140"
    for name in available_profiles():
        assert name in err.value.message


@pytest.fixture()
def profile_dir(tmp_path, monkeypatch):
    (tmp_path / "nederland.yaml").write_text((profiles.PROFILE_DIR / "nederland.yaml").read_text("utf-8"), "utf-8")
    monkeypatch.setattr(profiles, "PROFILE_DIR", tmp_path)
    profiles.load_profile.cache_clear()
    yield tmp_path
    profiles.load_profile.cache_clear()


@pytest.mark.parametrize("text, problem", [
    ("gemeente: Dorp\nprogramma: X\ncodeboek: x.yaml\nwijken: {Noord: []}\nkleur: blauw\n", "kleur"),
    ("gemeente: Dorp\nprogramma: X\ncodeboek: x.yaml\nwijken: [Noord, Zuid]\n", "wijken"),
    ("gemeente: Dorp\ncodeboek: x.yaml\nwijken: {Noord: []}\n", "programma"),
    ("gemeente: Dorp\nprogramma: X\ncodeboek: x.yaml\nwijken: {Noord: Oud}\n", "Noord"),
    ("gemeente: [Dorp\n", "YAML"),
])
def test_invalid_profile_file_is_reported(profile_dir, text, problem):
    (profile_dir / "dorp.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(ProfileError) as err:
        load_profile("Dorp")
    assert err.value.code == "N141" and problem in err.value.message


def test_a_new_profile_needs_only_its_own_names(profile_dir):
    (profile_dir / "dorp.yaml").write_text(
        "basis: nederland\ngemeente: Dorp\nprogramma: Samen Sterk\ncodeboek: helmond.yaml\n"
        "wijken: {Noord: [Molenhoek], Zuid: []}\nstadsbreed: dorp\n", encoding="utf-8")
    dorp = load_profile("dorp")
    assert dorp.wijk_names == ("Noord", "Zuid", "dorp") and dorp.buurten == ("Molenhoek",)
    assert "straat" in dorp.street_suffixes


def test_metadata_validation_uses_the_profiles_wijken():
    eindhoven = load_profile("Eindhoven").wijk_names
    fields = [MetaField("year", "2025", "a.txt", 1), MetaField("type", "wijk", "a.txt", 2)]
    meta = resolve_meta(fields + [MetaField("wijk", "woensel zuid", "a.txt", 3)], None, "a.txt", "txt", eindhoven)
    assert meta.wijk == "Woensel-Zuid"
    with pytest.raises(InputError) as err:
        resolve_meta(fields + [MetaField("wijk", "Helmond-West", "a.txt", 3)], None, "a.txt", "txt", eindhoven)
    assert err.value.code == "N104" and "Woensel-Zuid" in err.value.message


def test_coarsening_follows_the_profile():
    text = "Hij woont in Doornakkers, vlak bij de Kastanjelaan 4, en traint in Tongelre."
    assert coarsen(text, profile=load_profile("Eindhoven")) == (
        "Hij woont in een buurt, vlak bij een straat, en traint in een wijk.")
    # Helmond's buurten are no built-in list: under the Eindhoven profile they are plain words
    assert "Straakven" in coarsen("Zij komt uit Straakven.", profile=load_profile("Eindhoven"))
    assert coarsen("Zij komt uit Straakven.") == "Zij komt uit een buurt."


def test_workspace_selects_profile_and_codebook(tmp_path):
    ws = init_workspace(tmp_path / "ehv", gemeente="eindhoven")
    settings = tomllib.loads((ws.root / "narratief.toml").read_text("utf-8"))
    assert settings["gemeente"] == "Eindhoven" and ws.profile.id == "eindhoven"
    assert "Eindhoven" in (ws.root / "codebook" / "codebook.yaml").read_text("utf-8").splitlines()[4]
    assert sorted(p.stem for p in (ws.root / "interpretatie").glob("*.md")) == ["netwerk", "perspectief", "signaleren"]
    config = ws.root / "narratief.toml"
    config.write_text(config.read_text("utf-8").replace('gemeente = "Eindhoven"', 'gemeente = "Atlantis"'), "utf-8")
    with pytest.raises(ProfileError) as err:
        open_workspace(ws.root)
    assert err.value.code == "N140" and "narratief.toml" in err.value.message and "eindhoven" in err.value.message


# Sentences written for this test (not from the demo corpus or the evaluation set).
_TURNS = {
    "signaleren": ("Sinds de training herken ik veel sneller een kwetsbare jongen. We delen nu informatie "
                   "met het sociaal domein als we zorgen hebben."),
    "perspectief": ("Een baan of een stage geeft hem echt perspectief. Met een opleiding heeft hij weer "
                    "toekomst en kansen."),
    "netwerk": ("Criminelen ronselen jongens als handlanger voor snel geld. De politie pakt dat netwerk "
                "nu harder aan."),
}


def _transcript(year: int, wijk: str, variant: int) -> str:
    lines = ["Interviewer: Wat ziet u in de wijk?"]
    for i, (theme, text) in enumerate(_TURNS.items()):
        lines.append(f"Bewoner: {text}" + (" Dat is echt veranderd." if (i + variant) % 2 else ""))
        lines.append("Interviewer: Kunt u daar meer over vertellen?")
    lines.append(f"Jongerenwerker: In {wijk} werken we samen met de school. Het gaat beter dan vorig jaar.")
    return "\n\n".join(lines) + "\n"


@pytest.mark.slow
def test_a_run_under_the_eindhoven_profile(tmp_path, monkeypatch):
    """The whole run (narratief run) on a tiny corpus with Eindhoven's wijken and codebook."""
    from narratief.console import Progress
    from narratief.pipeline import Pipeline

    monkeypatch.setenv("NARRATIEF_PASSPHRASE", "test-wachtwoord-eindhoven")
    monkeypatch.setenv("NARRATIEF_KEY_DIR", str(tmp_path / "sleutels"))
    ws = init_workspace(tmp_path / "ehv", gemeente="Eindhoven")
    config = ws.root / "narratief.toml"
    config.write_text(config.read_text("utf-8").replace('formaten = ["html", "docx", "pdf"]', 'formaten = ["html"]')
                      .replace("bootstrap = 2000", "bootstrap = 200"), "utf-8")
    for year in (2025, 2026):
        for n, wijk in enumerate(("Woensel-Zuid", "Tongelre", "stad")):
            folder = ws.root / "interviews" / str(year) / "wijk" / wijk
            folder.mkdir(parents=True)
            (folder / f"gesprek-{year}-{n}.txt").write_text(_transcript(year, wijk, n + year), "utf-8")
    pipeline = Pipeline(open_workspace(ws.root), Progress(quiet=True))
    pipeline.run()  # every stage, as `narratief run`
    segments = pipeline.segments()
    assert set(segments["wijk"]) == {"Woensel-Zuid", "Tongelre", "stad"}
    themes = {t for cell in segments["themes"].fillna("") for t in str(cell).split(";") if t}
    assert themes <= {"signaleren", "perspectief", "netwerk"} and "netwerk" in themes
    from analysis.tables import AnalysisTables

    tables = AnalysisTables.load(ws.output_dir / "analysis")
    assert set(tables.theme_year["theme"]) <= {"signaleren", "perspectief", "netwerk"}
    assert "Woensel-Zuid" in set(tables.overview["wijk"])
    assert (ws.output_dir / "rapport" / "narratief-onderzoek-2026.html").is_file()
    chapter = (ws.output_dir / "rapport" / "hoofdstuk.qmd").read_text("utf-8")
    assert "Eindhoven" in chapter and "Preventie jonge aanwas" in chapter and "Helmond" not in chapter
    shared = next((ws.output_dir / "deel").glob("*.qmd")).read_text("utf-8")
    assert "Eindhoven" in shared and "Helmond" not in shared
