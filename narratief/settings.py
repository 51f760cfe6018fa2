"""`narratief.toml` read into one typed, validated settings object.

Each section is a frozen dataclass; each key is one field whose type comes from its annotation and
whose limits come from `setting(...)`. Adding a key is one line in its section class (plus a line in
the template in `workspace.py`). Reading checks every key: an unknown section or key (with the
nearest known name as a suggestion), a wrong type, a value out of range or not in the allowed
choices is a numbered Dutch error naming the key; the CLI exits with code 2.

Example:
    >>> s = parse_settings({"vergelijking": {"bootstrap": 500}}, Path("narratief.toml"))
    >>> s.vergelijking.bootstrap, s.onderwerpen.seed
    (500, 42)
"""

from __future__ import annotations

import dataclasses
import difflib
import re
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from interviews.corpus import DEFAULT_FORMATS
from nlp.errors import NarratiefError


class SettingsError(NarratiefError):
    """A wrong value in narratief.toml (N710-N714)."""


def setting(default: Any, *, min: float | None = None, max: float | None = None,
            choices: tuple[str, ...] | None = None, check: Callable[[Any], str | None] | None = None) -> Any:
    """Declare a key: its default and limits. `check` returns a Dutch problem description or None."""
    meta = {"min": min, "max": max, "choices": choices, "check": check}
    if isinstance(default, (list, tuple)):
        return field(default_factory=lambda: tuple(default), metadata=meta)
    return field(default=default, metadata=meta)


INPUT_FORMATS = DEFAULT_FORMATS  # one list, kept by the reading stage
REPORT_FORMATS = ("html", "docx", "pdf")
# spaCy's Dutch pipelines; anything else is a typo or a model for another language.
LANGUAGE_MODELS = ("nl_core_news_lg", "nl_core_news_md", "nl_core_news_sm", "nl_core_news_trf")


def _person_pattern(value: str) -> str | None:
    if "{n" not in value:
        return "moet {n} (het volgnummer) bevatten, bijvoorbeeld \"[{label} {n:02d}]\""
    try:
        value.format(label="Persoon", n=1)
    except (KeyError, IndexError, ValueError):
        return "is geen geldig patroon; gebruik alleen {label} en {n} (bijvoorbeeld {n:02d})"
    return None


@dataclass(frozen=True)
class Paden:
    interviews: str = setting("interviews")
    codebook: str = setting("codebook/codebook.yaml")
    output: str = setting("output")
    interpretatie: str = setting("interpretatie")
    sleutelmap: str = setting("")


@dataclass(frozen=True)
class Invoer:
    formaten: tuple[str, ...] = setting(INPUT_FORMATS, choices=INPUT_FORMATS)
    bestandsnaam: str = setting("")


@dataclass(frozen=True)
class Pseudonimisering:
    persoon: str = setting("[{label} {n:02d}]", check=_person_pattern)
    alles_nummeren: bool = setting(False)
    geboortejaar_band: int = setting(0, min=0, max=20)


def _coding_section() -> type:
    """[codering]: the language and embedding model (read here), then every key of the coding
    stage's own settings, declared once in `codebook.coding.settings` (TOML key -> field, default,
    type); that stage validates their ranges when the workspace hands the section over."""
    from codebook.coding.settings import TOML_KEYS, CodingSettings

    hints = typing.get_type_hints(CodingSettings)
    defaults = {f.name: f.default for f in dataclasses.fields(CodingSettings)}
    own = [("taalmodel", str, setting("nl_core_news_lg", choices=LANGUAGE_MODELS)),
           ("embeddings", str, setting("auto"))]
    coder = [(key, hints[name], setting(defaults[name])) for key, name in TOML_KEYS.items()]
    return dataclasses.make_dataclass("Codering", own + coder, frozen=True)


Codering = _coding_section()


@dataclass(frozen=True)
class Onderwerpen:
    seed: int = setting(42, min=0, max=2**32 - 1)
    opnieuw_schatten_boven: float = setting(0.2, min=0.0, max=1.0)


@dataclass(frozen=True)
class Vergelijking:
    bootstrap: int = setting(2000, min=100, max=100_000)
    seed: int = setting(42, min=0, max=2**32 - 1)


@dataclass(frozen=True)
class Rapport:
    formaten: tuple[str, ...] = setting(REPORT_FORMATS, choices=REPORT_FORMATS)


@dataclass(frozen=True)
class Deel:
    min_segmenten: int = setting(5, min=1, max=1000)
    min_interviews: int = setting(3, min=1, max=1000)
    wijkcijfers: bool = setting(False)


@dataclass(frozen=True)
class Settings:
    """The whole file: top-level keys, then one field per section."""

    naam: str = setting("")
    gemeente: str = setting("Helmond")
    werkmap_id: str = setting("", check=lambda v: None if re.fullmatch(r"[0-9a-f]{16,64}", v) else
                              "moet een reeks van 16 tot 64 tekens 0-9/a-f zijn (laat narratief die schrijven)")
    paden: Paden = field(default_factory=Paden)
    invoer: Invoer = field(default_factory=Invoer)
    pseudonimisering: Pseudonimisering = field(default_factory=Pseudonimisering)
    codering: Codering = field(default_factory=Codering)
    onderwerpen: Onderwerpen = field(default_factory=Onderwerpen)
    vergelijking: Vergelijking = field(default_factory=Vergelijking)
    rapport: Rapport = field(default_factory=Rapport)
    deel: Deel = field(default_factory=Deel)

    def section(self, name: str) -> dict[str, Any]:
        """One section as a plain dict (the values after validation, defaults filled in)."""
        return dataclasses.asdict(getattr(self, name))


_TYPE_NAMES = {str: "tekst", int: "een geheel getal", float: "een getal", bool: "true of false",
               tuple: "een lijst"}


def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _is_section(tp: Any) -> bool:
    return dataclasses.is_dataclass(tp) and isinstance(tp, type)


def _suggest(name: str, known: list[str]) -> str:
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    return f"; bedoelt u '{close[0]}'?" if close else f"; bekend: {', '.join(known)}"


def _check_value(value: Any, tp: Any, meta: dict[str, Any], key: str, config: Path) -> Any:
    origin = typing.get_origin(tp)
    base = origin or tp
    if base is tuple:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise SettingsError("N712", f"'{key}' moet een lijst met tekst zijn, bijvoorbeeld [\"html\", \"pdf\"]", config)
        if not value and meta.get("choices"):  # a list of formats cannot be empty; a list of names can
            raise SettingsError("N713", f"'{key}' mag niet leeg zijn", config)
        choices = meta.get("choices")
        for item in value:
            if choices and item not in choices:
                raise SettingsError("N713", f"'{key}' kent '{item}' niet{_suggest(item, list(choices))}", config)
        return tuple(value)
    ok = isinstance(value, base) and not (base in (int, float) and isinstance(value, bool))
    if base is float and isinstance(value, int) and not isinstance(value, bool):
        value, ok = float(value), True
    if not ok:
        raise SettingsError("N712", f"'{key}' moet {_TYPE_NAMES.get(base, base.__name__)} zijn, niet "
                            f"{value!r}", config)
    if meta.get("min") is not None and value < meta["min"]:
        raise SettingsError("N713", f"'{key}' moet minstens {meta['min']} zijn (nu {value})", config)
    if meta.get("max") is not None and value > meta["max"]:
        raise SettingsError("N713", f"'{key}' mag hoogstens {meta['max']} zijn (nu {value})", config)
    choices = meta.get("choices")
    if choices and value not in choices:
        code = "N714" if key.endswith("taalmodel") else "N713"
        raise SettingsError(code, f"'{key}' kent '{value}' niet{_suggest(value, list(choices))}", config)
    problem = meta["check"](value) if meta.get("check") else None
    if problem:
        raise SettingsError("N713", f"'{key}' {problem}", config)
    return value


def _parse(cls: type, data: dict[str, Any], config: Path, prefix: str) -> Any:
    hints = _hints(cls)
    fields = {f.name: f for f in dataclasses.fields(cls)}
    values: dict[str, Any] = {}
    for name, value in data.items():
        full = f"{prefix}{name}"
        if name not in fields:
            where = f"sectie [{prefix.rstrip('.')}]" if prefix else "het bestand"
            kind = "sectie" if isinstance(value, dict) and not prefix else "sleutel"
            known = [n for n in fields if (_is_section(hints[n]) == (kind == "sectie"))] or list(fields)
            raise SettingsError("N710" if kind == "sectie" else "N711",
                                f"onbekende {kind} '{full}' in {where}{_suggest(name, known)}", config)
        tp = hints[name]
        if _is_section(tp):
            if not isinstance(value, dict):
                raise SettingsError("N712", f"'{full}' moet een sectie [{name}] zijn", config)
            values[name] = _parse(tp, value, config, prefix=f"{name}.")
        elif isinstance(value, dict):
            raise SettingsError("N712", f"'{full}' is een sleutel, geen sectie", config)
        else:
            values[name] = _check_value(value, tp, dict(fields[name].metadata), full, config)
    return cls(**values)


def parse_settings(data: dict[str, Any], config: Path) -> Settings:
    """Validate the parsed TOML of `config` into `Settings`.

    Raises:
        SettingsError: N710 unknown section, N711 unknown key, N712 wrong type, N713 value out of
            range or not allowed, N714 unknown language model; each names the key.
    """
    return _parse(Settings, data, config, prefix="")


def template_keys(settings_cls: type = Settings, prefix: str = "") -> list[str]:
    """Every key the settings know, as 'section.key' (top-level keys without a section)."""
    keys = []
    hints = _hints(settings_cls)
    for f in dataclasses.fields(settings_cls):
        if _is_section(hints[f.name]):
            keys += template_keys(hints[f.name], f"{f.name}.")
        else:
            keys.append(prefix + f.name)
    return keys


__all__ = ["Settings", "SettingsError", "parse_settings", "setting", "template_keys",
           "LANGUAGE_MODELS", "INPUT_FORMATS", "REPORT_FORMATS"]
