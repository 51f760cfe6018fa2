"""Municipality profiles: the one place for a municipality's vocabulary.

A profile (`interviews/profiles/<name>.yaml`) names the municipality and its programme, the focus
wijken with their buurten, schools, partner organisations, interventions and other terms that are
never pseudonymised, and the codebook `narratief init` copies. What holds for every Dutch
municipality - street suffixes, name particles, national partners and the national five-theme
crosswalk - lives in `nederland.yaml`, which every profile extends (`basis: nederland`).

The workspace loads the profile named by `gemeente` in narratief.toml once and passes it to every
stage. Functions that take `profile=None` fall back to `default_profile()` (Helmond), the profile of
the shipped demo.

Example:
    >>> p = load_profile("Helmond")
    >>> p.wijk_names
    ('Helmond-West', 'Helmond-Oost', 'Binnenstad', 'stad')
    >>> "Houtsdonk" in p.buurten
    True
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from interviews.errors import InterviewError

PROFILE_DIR = Path(__file__).resolve().parent
BASE = "nederland"
DEFAULT = "helmond"


class ProfileError(InterviewError):
    """An unknown or invalid municipality profile (N140-N141)."""


@dataclass(frozen=True)
class Wijk:
    """A focus wijk and its buurten."""

    name: str
    buurten: tuple[str, ...] = ()


@dataclass(frozen=True)
class Profile:
    """One municipality's vocabulary (see the module docstring).

    Attributes:
        id: file name without `.yaml`, lower case ("helmond").
        municipality: display name ("Helmond").
        programme: the programme's name.
        codebook: file name of the default codebook in `codebook/data/`.
        wijken: the focus wijken with their buurten.
        city_wide: the wijk value for interviews about the whole city ("stad").
        places: other place names, never pseudonymised.
        schools, partners, interventions, keep: names never pseudonymised.
        street_suffixes: endings of Dutch street names.
        name_particles: particles inside Dutch names ("van", "der", ...).
        national_themes: the national PmG themes (the codebook's crosswalk targets).
    """

    id: str
    municipality: str
    programme: str
    codebook: str
    wijken: tuple[Wijk, ...]
    city_wide: str
    places: tuple[str, ...]
    schools: tuple[str, ...]
    partners: tuple[str, ...]
    interventions: tuple[str, ...]
    keep: tuple[str, ...]
    street_suffixes: tuple[str, ...]
    name_particles: tuple[str, ...]
    national_themes: tuple[str, ...]

    @property
    def wijk_names(self) -> tuple[str, ...]:
        """Allowed values of the metadata field `wijk`: the focus wijken, then the city-wide value."""
        return tuple(w.name for w in self.wijken) + ((self.city_wide,) if self.city_wide else ())

    @property
    def buurten(self) -> tuple[str, ...]:
        return tuple(b for w in self.wijken for b in w.buurten)

    def protected_terms(self) -> set[str]:
        """Every name of this profile that pseudonymisation keeps (places, schools, partners, ...)."""
        return {self.municipality, *(w.name for w in self.wijken), *self.buurten, *self.places,
                *self.schools, *self.partners, *self.interventions, *self.keep}


_KEYS = {"basis": "", "gemeente": "", "programma": "", "codeboek": "", "wijken": {}, "stadsbreed": "",
         "plaatsen": [], "scholen": [], "partners": [], "interventies": [], "nooit_pseudonimiseren": [],
         "straatachtervoegsels": [], "tussenvoegsels": [], "landelijke_themas": []}
_REQUIRED = ("gemeente", "programma", "codeboek", "wijken")


def available_profiles() -> tuple[str, ...]:
    """Names of the shipped municipality profiles ("eindhoven", "helmond", ...)."""
    return tuple(sorted(p.stem for p in PROFILE_DIR.glob("*.yaml") if p.stem != BASE))


def _read(name: str) -> dict[str, Any]:
    path = PROFILE_DIR / f"{name}.yaml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", None)
        raise ProfileError("N141", "geen geldige YAML", path, line=line + 1 if line is not None else None) from None
    if not isinstance(data, dict):
        raise ProfileError("N141", "een profiel is een lijst 'sleutel: waarde'", path)
    for key, value in data.items():
        if key not in _KEYS:
            raise ProfileError("N141", f"onbekende sleutel '{key}'; bekend: {', '.join(_KEYS)}", path)
        if not isinstance(value, type(_KEYS[key])):
            kind = {str: "tekst", list: "een lijst", dict: "een lijst 'wijk: [buurten]'"}[type(_KEYS[key])]
            raise ProfileError("N141", f"'{key}' moet {kind} zijn", path)
    return data


def _strings(data: dict[str, Any], key: str) -> tuple[str, ...]:
    return tuple(str(v).strip() for v in data.get(key, ()) if str(v).strip())


@lru_cache(maxsize=None)
def load_profile(name: str, origin: str | None = None) -> Profile:
    """The profile `name` (case-insensitive), merged with the national base.

    Args:
        name: the `gemeente` setting, e.g. "Helmond" or "eindhoven".
        origin: where the name was read (for the message), e.g. the path of narratief.toml.

    Raises:
        ProfileError: N140 no such profile (the message lists the available ones); N141 the
            profile file is invalid.
    """
    key = name.strip().casefold()
    if key not in available_profiles():
        raise ProfileError("N140", f"geen gemeenteprofiel '{name}'; beschikbaar: "
                           f"{', '.join(available_profiles())} (zet 'gemeente' op een van deze, of voeg "
                           f"interviews/profiles/<gemeente>.yaml toe)", origin)
    data = _read(key)
    base = _read(BASE) if data.get("basis", BASE) == BASE else {}
    path = PROFILE_DIR / f"{key}.yaml"
    for required in _REQUIRED:
        if not data.get(required):
            raise ProfileError("N141", f"'{required}' ontbreekt of is leeg", path)

    def both(k: str) -> tuple[str, ...]:
        return tuple(dict.fromkeys(_strings(base, k) + _strings(data, k)))

    wijken = []
    for wijk, buurten in data["wijken"].items():
        if not isinstance(buurten, list):
            raise ProfileError("N141", f"wijk '{wijk}': de buurten moeten een lijst zijn ([] voor geen)", path)
        wijken.append(Wijk(str(wijk), tuple(str(b) for b in buurten)))
    return Profile(
        id=key, municipality=str(data["gemeente"]), programme=str(data["programma"]),
        codebook=str(data["codeboek"]), wijken=tuple(wijken), city_wide=str(data.get("stadsbreed", "")),
        places=both("plaatsen"), schools=both("scholen"), partners=both("partners"),
        interventions=both("interventies"), keep=both("nooit_pseudonimiseren"),
        street_suffixes=both("straatachtervoegsels"), name_particles=both("tussenvoegsels"),
        national_themes=both("landelijke_themas"),
    )


def default_profile() -> Profile:
    """The profile of the shipped demo (Helmond); used when a caller passes no profile."""
    return load_profile(DEFAULT)
