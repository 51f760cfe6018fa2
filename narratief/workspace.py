"""The workspace: a folder with `narratief.toml`, the transcripts, the codebook and `output/`.

This module is the one place that reads the settings file; stages receive typed settings.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from interviews.profiles import Profile, default_profile, load_profile
from narratief.settings import Settings, parse_settings
from nlp.errors import NarratiefError
from nlp.io import write_text

CONFIG_NAME = "narratief.toml"


class WorkspaceError(NarratiefError):
    """Workspace or settings problems (N7xx)."""


CONFIG_TEMPLATE = """\
# Instellingen van dit narratief-project. Regels met '#' zijn toelichting.

# Naam van het project en de gemeente; de gemeente kiest het gemeenteprofiel (wijken, scholen, partners).
naam = "{name}"
gemeente = "Helmond"
# Vaste, willekeurige code van deze werkmap: de sleutelmap heet zo. Niet wijzigen, anders vindt
# narratief de sleutel niet meer en krijgen terugkerende personen een ander pseudoniem.
werkmap_id = "{workspace_id}"

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
# Leeg = buiten de werkmap: $NARRATIEF_KEY_DIR/<werkmap_id> of ~/.local/share/narratief/<werkmap_id>.
# Een eigen map moet buiten de werkmap liggen.
sleutelmap = ""

[invoer]
# Welke bestandsformaten als transcript gelden.
formaten = ["txt", "md", "docx", "vtt", "srt", "json", "tsv", "odt", "rtf", "csv"]
# Metadata uit de bestandsnaam, bijvoorbeeld "{{jaar}}_{{type}}_{{wijk}}_*" (leeg = niet gebruiken).
# Mappen interviews/<jaar>/<type>/<wijk>/ worden altijd gelezen; verschillen tussen bronnen zijn een fout.
bestandsnaam = ""

[pseudonimisering]
# Vorm van een persoonspseudoniem: {{label}} wordt "Persoon", {{n}} het volgnummer: [Persoon 07].
persoon = "[{{label}} {{n:02d}}]"
# Ook adressen, telefoonnummers enz. nummeren ([Adres 03]), zodat 'narratief herleid' ze kan terugvinden.
alles_nummeren = false
# Geboortedatums worden [Geboortedatum]; een getal > 0 maakt er een band van zoveel geboortejaren van.
geboortejaar_band = 0

[codering]
# Taalmodel: nl_core_news_lg als het geïnstalleerd is, anders het lege Nederlandse model.
taalmodel = "nl_core_news_lg"
# Embeddingmodel: "auto" kiest het beste model dat offline beschikbaar is.
embeddings = "auto"
# Sprekerlabels (of namen) van interviewers naast Interviewer, Int., I, Gespreksleider, Moderator,
# Onderzoeker. Per bestand kan ook een kolom 'interviewer' in interviews/metadata.csv.
interviewer = []
# De gespreksleider van Teams/Zoom-exports (met namen) herkennen uit het gesprek zelf.
rol_uit_gesprek = true
# Geleerde codering per code zodra beoordeelde codes er beter in zijn: "auto" of "nooit".
geleerd = "auto"
# Classificatiemodel van de geleerde codering: "logreg" of "svm".
model = "logreg"
# Minimaal aantal beoordeelde positieve segmenten voordat een code een geleerd model krijgt.
min_positief = 5
# Gewicht van de eerste (zero-shot) schatting naast het geleerde model (0 = alleen het model).
zeroshot_gewicht = 1.0
# Aantal delen van de kruisvalidatie (gegroepeerd per interview).
cv_delen = 5
# Na beoordeling: de drempel van codes die zero-shot blijven aanpassen aan hoe vaak de code voorkomt
# in een jaar dat niemand beoordeelde (geschat uit de scores).
prioraanpassing = true
# Ook USE-embeddings als kenmerken van het geleerde model gebruiken.
use_embeddings = false
# Seed voor alle toevalskeuzes van de codering (kruisvalidatie, modellen, reviewselectie).
seed = 0
# Scores in standaarddeviaties binnen het eigen corpus: drempel voor een thema en een lens.
drempel_themas = 1.25
drempel_lenzen = 1.25
# Hoeveel thema's en lenzen een segment hoogstens krijgt.
max_themas = 2
max_lenzen = 2
# Gewicht van trefwoorden naast de betekenisvergelijking; semantisch = false: alleen trefwoorden.
trefwoordgewicht = 2.0
semantisch = true
# Deel van de score van de voorafgaande interviewvraag dat een antwoord meekrijgt (0 tot 1).
vraagcontext = 0.5
# Deel van de gemiddelde score van de vorige en volgende deelnemersbeurt dat een segment meekrijgt
# (0 tot 1; alleen zolang niemand segmenten beoordeelde; 0 = uit).
buurcontext = 0.0
# Thema's scoren op hoeveel dichter een segment bij dat thema ligt dan bij de andere thema's.
themacontrast = true
# Gewicht van een model dat per code leert van de duidelijkste segmenten van het eigen corpus (0 = uit).
zelftraining = 0.5
# Segmenten korter dan min_woorden krijgen geen code; beurten langer dan max_woorden worden gesplitst.
min_woorden = 4
max_woorden = 80
# Een code scoort op de gemiddelde gelijkenis met zijn k meest gelijkende voorbeelden.
prototypen_top = 3
# Ook scorekolommen per subcode schrijven.
subcodes = true

[onderwerpen]
# Vaste seed: dezelfde invoer geeft dezelfde onderwerpen.
seed = 42
# Veranderde sinds de laatste schatting minder dan dit deel van de segmenten (0,2 = 20%), dan worden
# nieuwe segmenten in de bestaande onderwerpen geplaatst; daarboven worden de onderwerpen opnieuw
# geschat (het hoofdstuk zegt welke van de twee gebeurde).
opnieuw_schatten_boven = 0.2

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
        root: the workspace folder, absolute (so every relative path in the README works from any
            current directory).
        name: project name.
        settings: the validated `narratief.toml` (`narratief.settings.Settings`).
        profile: the municipality profile `gemeente` selects (`interviews.profiles`), loaded once here
            and passed to every stage.
    """

    root: Path
    name: str
    settings: Settings = field(default_factory=Settings)
    profile: Profile = field(default_factory=default_profile)

    @property
    def config_path(self) -> Path:
        return self.root / CONFIG_NAME

    def _path(self, value: str) -> Path:
        path = Path(value).expanduser()
        return path if path.is_absolute() else self.root / path

    @property
    def interviews_dir(self) -> Path:
        return self._path(self.settings.paden.interviews)

    @property
    def codebook_path(self) -> Path:
        return self._path(self.settings.paden.codebook)

    @property
    def output_dir(self) -> Path:
        return self._path(self.settings.paden.output)

    @property
    def interpretation_dir(self) -> Path:
        return self._path(self.settings.paden.interpretatie)

    @property
    def privacy_dir(self) -> Path:
        return self.root / "privacy"

    @property
    def workspace_id(self) -> str:
        return self.settings.werkmap_id

    @property
    def key_dir(self) -> Path:
        """Where the key and the findings file live: outside the workspace, named by the workspace id."""
        if self.settings.paden.sleutelmap:
            return self._path(self.settings.paden.sleutelmap).resolve()
        return (_key_root() / self.workspace_id).resolve()

    @property
    def legacy_key_dir(self) -> Path:
        """Where versions before the workspace id kept the key: named after the project."""
        return (_key_root() / slug(self.name)).resolve()

    @property
    def name_pattern(self) -> str | None:
        """`[invoer] bestandsnaam`: file-name pattern for metadata, e.g. "{jaar}_{type}_{wijk}_*"."""
        return self.settings.invoer.bestandsnaam.strip() or None

    def section(self, name: str) -> dict:
        return self.settings.section(name)

    def coding_settings(self):
        """The typed settings of the coding stage from [codering] (unknown keys are an error, N350)."""
        from codebook.coding.settings import CodingSettings

        return CodingSettings.from_section(self.section("codering"))

    def validate_paths(self) -> None:
        """Refuse settings that could overwrite sources or put raw data into the workspace.

        Raises:
            WorkspaceError: N715 output folder overlaps the workspace root or the sources;
                N716/N702 key folder inside the workspace or inside output/.
        """
        out = self.output_dir.resolve()
        config = self.config_path
        sources = {"interviews": self.interviews_dir, "codebook": self.codebook_path,
                   "interpretatie": self.interpretation_dir, "privacy": self.privacy_dir,
                   CONFIG_NAME: config}
        if out == self.root or _inside(out, self.root):
            raise WorkspaceError("N715", f"paden.output = '{self.settings.paden.output}' is de werkmap zelf "
                                 "(of een map erboven); narratief zou dan bronbestanden overschrijven. "
                                 "Gebruik een eigen map, bijvoorbeeld output = \"output\"", config)
        for label, source in sources.items():
            src = source.resolve()
            if out == src or _inside(out, src) or _inside(src, out):
                raise WorkspaceError("N715", f"paden.output = '{self.settings.paden.output}' overlapt met "
                                     f"{label}; kies een aparte map, bijvoorbeeld output = \"output\"", config)
        key = self.key_dir
        if key == out or _inside(out, key):
            raise WorkspaceError("N702", "de sleutelmap ligt binnen output/; kies een map buiten de werkmap "
                                 "(paden.sleutelmap)", config)
        if key == self.root or _inside(self.root, key):
            raise WorkspaceError("N716", f"paden.sleutelmap = '{self.settings.paden.sleutelmap}' ligt binnen de "
                                 "werkmap; de sleutel en de bevindingen (ruwe gegevens) moeten erbuiten staan. "
                                 "Kies een map buiten de werkmap of laat de waarde leeg", config)


def _inside(parent: Path, path: Path) -> bool:
    """True when `path` lies strictly inside `parent` (both resolved)."""
    return parent != path and parent in path.parents


def _key_root() -> Path:
    env = os.environ.get("NARRATIEF_KEY_DIR")
    return Path(env).expanduser() if env else Path.home() / ".local" / "share" / "narratief"


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "project"


def demo_data() -> Path:
    """The demo corpus shipped inside the package."""
    return Path(str(resources.files("narratief") / "demo"))


def init_workspace(root: Path, *, name: str | None = None, demo: bool = False,
                   gemeente: str = "Helmond") -> Workspace:
    """Create a workspace (idempotent: existing files are never overwritten).

    Args:
        root: the folder to create or complete.
        name: project name (default: the folder name).
        demo: also copy in the synthetic demo corpus and example interpretations.
        gemeente: the municipality profile of a new workspace (`interviews/profiles/<gemeente>.yaml`);
            it selects the codebook copied in. An existing narratief.toml keeps its own.

    Returns:
        The opened workspace.
    """
    from codebook.load import default_codebook_path, load_codebook

    root = Path(root).expanduser().resolve()
    if root.exists() and not root.is_dir():
        raise WorkspaceError("N701", "bestaat al en is geen map", root)
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise WorkspaceError("N701", f"kan de werkmap niet maken ({exc.strerror})", root) from None
    config = root / CONFIG_NAME
    if not config.exists():
        project = (name or root.name).replace("\\", "\\\\").replace('"', '\\"')  # a TOML string
        profile = load_profile(gemeente)  # an unknown profile is reported before anything is written
        text = CONFIG_TEMPLATE.format(name=project, workspace_id=new_workspace_id())
        write_text(config, text.replace('gemeente = "Helmond"', f'gemeente = "{profile.municipality}"', 1))
    else:
        profile = open_workspace(root).profile  # a broken narratief.toml is reported before anything is added
    for sub in ("interviews", "codebook", "output", "interpretatie", "privacy"):
        (root / sub).mkdir(exist_ok=True)
    codebook = root / "codebook" / "codebook.yaml"
    if not codebook.exists():
        shutil.copyfile(default_codebook_path(profile), codebook)
    for theme in (t.id for t in load_codebook(default_codebook_path(profile)).themes):
        interp = root / "interpretatie" / f"{theme}.md"
        if not interp.exists():
            write_text(interp, "")
    for fname, header in (
        ("toestaan.txt", "# Termen die nooit gepseudonimiseerd worden, één per regel.\n"),
        ("weigeren.txt", "# Termen die altijd gepseudonimiseerd worden, één per regel.\n"),
    ):
        target = root / "privacy" / fname
        if not target.exists():
            write_text(target, header)
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
    """Open an existing workspace, validating `narratief.toml` and the paths it names.

    The root is made absolute first. A workspace without `werkmap_id` (made by an older version)
    gets one, written once into `narratief.toml`.

    Raises:
        WorkspaceError: no workspace there, the settings file is invalid, or a path is unsafe.
        SettingsError: a key with a wrong type or value, an unknown key or section (N710-N714).
    """
    root = Path(root).expanduser().resolve()
    config = root / CONFIG_NAME
    if not config.is_file():
        raise WorkspaceError(
            "N703", f"geen werkmap: {CONFIG_NAME} ontbreekt (maak er een met 'narratief init')", root
        )
    try:
        text = config.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        where = re.search(r"at line (\d+)", str(exc))
        raise WorkspaceError("N704", "geen geldige TOML: controleer op deze regel de aanhalingstekens rond "
                             "tekst, het '=' en de [sectie]-kop", config,
                             line=int(where.group(1)) if where else None) from None
    except UnicodeDecodeError:
        raise WorkspaceError("N704", "geen UTF-8-tekst; sla het bestand op als UTF-8", config) from None
    except OSError as exc:
        raise WorkspaceError("N704", f"instellingen niet leesbaar ({exc.strerror})", config) from None
    settings = parse_settings(data, config)
    legacy = not settings.werkmap_id
    if legacy:
        settings = _add_workspace_id(config, text, settings)
    profile = load_profile(settings.gemeente, str(config))  # N140 names the available profiles
    ws = Workspace(root=root, name=settings.naam or root.name, settings=settings, profile=profile)
    ws.validate_paths()
    if legacy and not settings.paden.sleutelmap:
        _copy_legacy_key(ws)
    return ws


def _copy_legacy_key(ws: Workspace) -> None:
    """An older workspace kept its key in a folder named after the project: copy it (never move:
    another workspace of the same name may use it too) into the folder named by the new id."""
    import sys

    old, new = ws.legacy_key_dir, ws.key_dir
    if not (old / "sleutel.bin").is_file() or (new / "sleutel.bin").exists():
        return
    try:
        new.mkdir(parents=True, exist_ok=True)
        for name in ("sleutel.bin", "bevindingen.csv"):
            if (old / name).is_file():
                shutil.copy2(old / name, new / name)
    except OSError as exc:
        raise WorkspaceError("N719", f"kan de sleutel niet overzetten naar {new} ({exc.strerror})", old) from None
    print(f"Sleutel van deze werkmap gekopieerd van {old} naar {new} (de sleutelmap heet nu naar "
          "werkmap_id; de oude map blijft staan).", file=sys.stderr)


def new_workspace_id() -> str:
    return secrets.token_hex(8)


def _add_workspace_id(config: Path, text: str, settings: Settings) -> Settings:
    """Write a fresh `werkmap_id` into an older narratief.toml (before its first section)."""
    import dataclasses

    workspace_id = new_workspace_id()
    line = ("# Vaste, willekeurige code van deze werkmap: de sleutelmap heet zo. Niet wijzigen.\n"
            f'werkmap_id = "{workspace_id}"\n')
    lines = text.splitlines(keepends=True)
    first_section = next((i for i, ln in enumerate(lines) if ln.lstrip().startswith("[")), len(lines))
    if lines[:first_section] and not lines[first_section - 1].endswith("\n"):
        lines[first_section - 1] += "\n"
    lines.insert(first_section, line + ("\n" if first_section < len(lines) else ""))
    try:
        write_text(config, "".join(lines))
    except OSError as exc:
        raise WorkspaceError("N704", f"kan werkmap_id niet in de instellingen schrijven ({exc.strerror})",
                             config) from None
    return dataclasses.replace(settings, werkmap_id=workspace_id)

