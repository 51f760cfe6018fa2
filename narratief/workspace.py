"""The workspace: a folder with `narratief.toml`, the transcripts, the codebook and `output/`.

This module is the one place that reads the settings file; stages receive typed settings.
"""

from __future__ import annotations

import os
import re
import shutil
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from nlp.errors import NarratiefError

CONFIG_NAME = "narratief.toml"
THEME_IDS = ("aanwezig", "school", "perspectief", "grenzen", "intergenerationeel")


class WorkspaceError(NarratiefError):
    """Workspace or settings problems (N7xx)."""


CONFIG_TEMPLATE = """\
# Instellingen van dit narratief-project. Regels met '#' zijn toelichting.

# Naam van het project en de gemeente (komen in het rapport).
naam = "{name}"
gemeente = "Helmond"

[paden]
# Map met de transcripten (ook submappen, bijvoorbeeld één per jaar). narratief wijzigt hier nooit iets.
interviews = "interviews"
# Het codeboek (YAML).
codebook = "codebook/codebook.yaml"
# Alles wat narratief afleidt komt hier; elders in de werkmap schrijft narratief niets.
output = "output"
# Interpretatie van de evaluator per thema (<thema>.md).
interpretatie = "interpretatie"
# Map voor de pseudonimiseringssleutel en het bevindingenbestand (ruwe gegevens!).
# Leeg = buiten de werkmap: $NARRATIEF_KEY_DIR of ~/.local/share/narratief/<projectnaam>.
sleutelmap = ""

[invoer]
# Welke bestandsformaten als transcript gelden.
formaten = ["txt", "md", "docx", "vtt", "srt"]

[pseudonimisering]
# Vorm van een persoonspseudoniem: {{label}} wordt "Persoon", {{n}} het volgnummer: [Persoon 07].
persoon = "[{{label}} {{n:02d}}]"
# Ook adressen, telefoonnummers enz. nummeren ([Adres 03]), zodat 'narratief herleid' ze kan terugvinden.
alles_nummeren = false

[codering]
# Taalmodel: nl_core_news_lg als het geïnstalleerd is, anders het lege Nederlandse model.
taalmodel = "nl_core_news_lg"
# Embeddingmodel: "auto" kiest het beste model dat offline beschikbaar is.
embeddings = "auto"
# Sprekerlabels (of namen) van interviewers naast Interviewer, Int., I, Gespreksleider, Moderator,
# Onderzoeker. Per bestand kan ook een kolom 'interviewer' in interviews/metadata.csv.
# interviewer = ["Gespreksleider 2"]
# Geleerde codering per code zodra beoordeelde codes er beter in zijn: "auto" of "nooit".
# geleerd = "auto"
# Overige instellingen (standaardwaarden in codebook/coding/settings.py): trefwoordgewicht,
# semantisch, vraagcontext, drempel_themas, drempel_lenzen, max_themas, max_lenzen, min_woorden,
# max_woorden, prototypen_top, model, min_positief, cv_delen, use_embeddings, seed, subcodes,
# rol_uit_gesprek.

[onderwerpen]
# Vaste seed: dezelfde invoer geeft dezelfde onderwerpen.
seed = 42

[vergelijking]
# Aantal bootstrap-herhalingen (over interviews) voor de onzekerheidsmarges.
bootstrap = 2000
seed = 42

[rapport]
# Formaten van het hoofdstuk: html, docx, pdf.
formaten = ["html", "docx", "pdf"]

[deel]
# Editie voor het lerend netwerk: cellen met minder segmenten of interviews worden onderdrukt.
min_segmenten = 5
min_interviews = 3
# Cijfers per wijk delen? Standaard niet.
wijkcijfers = false
"""


@dataclass(frozen=True)
class Workspace:
    """A workspace folder and its settings.

    Attributes:
        root: the workspace folder.
        name: project name.
        settings: the parsed `narratief.toml` (plain dict of sections).
    """

    root: Path
    name: str
    settings: dict = field(default_factory=dict)

    def _path(self, key: str, default: str) -> Path:
        value = self.settings.get("paden", {}).get(key, default)
        path = Path(value)
        return path if path.is_absolute() else self.root / path

    @property
    def interviews_dir(self) -> Path:
        return self._path("interviews", "interviews")

    @property
    def codebook_path(self) -> Path:
        return self._path("codebook", "codebook/codebook.yaml")

    @property
    def output_dir(self) -> Path:
        return self._path("output", "output")

    @property
    def interpretation_dir(self) -> Path:
        return self._path("interpretatie", "interpretatie")

    @property
    def privacy_dir(self) -> Path:
        return self.root / "privacy"

    @property
    def key_dir(self) -> Path:
        """Where the key and the findings file live: never inside `output/`."""
        configured = self.settings.get("paden", {}).get("sleutelmap", "")
        if configured:
            path = Path(configured).expanduser()
            path = path if path.is_absolute() else self.root / path
        elif os.environ.get("NARRATIEF_KEY_DIR"):
            path = Path(os.environ["NARRATIEF_KEY_DIR"]).expanduser() / slug(self.name)
        else:
            path = Path.home() / ".local" / "share" / "narratief" / slug(self.name)
        resolved_out = self.output_dir.resolve()
        if resolved_out == path.resolve() or resolved_out in path.resolve().parents:
            raise WorkspaceError(
                "N702",
                "de sleutelmap ligt binnen output/; kies een map buiten output/ (paden.sleutelmap)",
                self.root / CONFIG_NAME,
            )
        return path

    def section(self, name: str) -> dict:
        return dict(self.settings.get(name, {}))

    def coding_settings(self):
        """The typed settings of the coding stage from [codering] (unknown keys are an error, N350)."""
        from codebook.coding.settings import CodingSettings

        return CodingSettings.from_section(self.section("codering"))


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "project"


def demo_data() -> Path:
    """The demo corpus shipped inside the package."""
    return Path(str(resources.files("narratief") / "demo"))


def init_workspace(root: Path, *, name: str | None = None, demo: bool = False) -> Workspace:
    """Create a workspace (idempotent: existing files are never overwritten).

    Args:
        root: the folder to create or complete.
        name: project name (default: the folder name).
        demo: also copy in the synthetic demo corpus and example interpretations.

    Returns:
        The opened workspace.
    """
    from codebook.load import default_codebook_path

    root = Path(root)
    if root.exists() and not root.is_dir():
        raise WorkspaceError("N701", "bestaat al en is geen map", root)
    root.mkdir(parents=True, exist_ok=True)
    config = root / CONFIG_NAME
    if not config.exists():
        _write_text(config, CONFIG_TEMPLATE.format(name=name or root.resolve().name))
    for sub in ("interviews", "codebook", "output", "interpretatie", "privacy"):
        (root / sub).mkdir(exist_ok=True)
    codebook = root / "codebook" / "codebook.yaml"
    if not codebook.exists():
        shutil.copyfile(default_codebook_path(), codebook)
    for theme in THEME_IDS:
        interp = root / "interpretatie" / f"{theme}.md"
        if not interp.exists():
            _write_text(interp, "")
    for fname, header in (
        ("toestaan.txt", "# Termen die nooit gepseudonimiseerd worden, één per regel.\n"),
        ("weigeren.txt", "# Termen die altijd gepseudonimiseerd worden, één per regel.\n"),
    ):
        target = root / "privacy" / fname
        if not target.exists():
            _write_text(target, header)
    if demo:
        _copy_demo(root)
    return open_workspace(root)


def _copy_demo(root: Path) -> None:
    source = demo_data()
    for sub in ("interviews", "interpretatie"):
        src_dir = source / sub
        if not src_dir.is_dir():
            continue
        for src in sorted(src_dir.rglob("*")):
            if src.is_dir() or "__pycache__" in src.parts:
                continue
            target = root / sub / src.relative_to(src_dir)
            target.parent.mkdir(parents=True, exist_ok=True)
            if sub == "interpretatie" and target.exists() and target.stat().st_size > 0:
                continue  # keep the evaluator's own text
            if sub == "interviews" and target.exists():
                continue  # never overwrite a transcript
            shutil.copyfile(src, target)


def open_workspace(root: Path) -> Workspace:
    """Open an existing workspace, validating `narratief.toml`.

    Raises:
        WorkspaceError: no workspace there, or the settings file is invalid.
    """
    root = Path(root)
    config = root / CONFIG_NAME
    if not config.is_file():
        raise WorkspaceError(
            "N703", f"geen werkmap: {CONFIG_NAME} ontbreekt (maak er een met 'narratief init')", root
        )
    try:
        settings = tomllib.loads(config.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise WorkspaceError("N704", f"ongeldige instellingen: {exc}", config) from None
    name = settings.get("naam") or root.resolve().name
    if not isinstance(name, str):
        raise WorkspaceError("N705", "'naam' moet tekst zijn", config)
    return Workspace(root=root, name=name, settings=settings)


def _write_text(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)
