"""Load, validate and save a codebook in YAML.

The YAML file has three top-level keys, `name`, `version` and `codes`; `codes` is a flat list of
mappings whose keys are the fields of `codebook.model.Code`. A subcode names its parent theme in
`parent`; `kind` may be left out (a code with a parent is a "subcode", otherwise a "theme"), lenses
say `kind: lens`. Every problem is reported as a `CodebookError` naming the file, the line and the
code id, in Dutch.

Example:
    >>> from codebook.load import default_codebook_path, load_codebook
    >>> book = load_codebook(default_codebook_path())
    >>> [c.id for c in book.themes]
    ['aanwezig', 'school', 'perspectief', 'grenzen', 'intergenerationeel']
"""

from __future__ import annotations

import re
from dataclasses import fields
from pathlib import Path
from typing import Any

import yaml

from codebook.errors import CodebookError
from codebook.model import NATIONAL_THEMES, Code, Codebook
from interviews.profiles import Profile, default_profile
from nlp.io import write_text

TOP_KEYS: tuple[str, ...] = ("name", "version", "codes")
CODE_KEYS: tuple[str, ...] = tuple(f.name for f in fields(Code))
KINDS: tuple[str, ...] = ("theme", "subcode", "lens")
_LIST_KEYS = ("include", "exclude", "examples", "keywords", "national")
_TEXT_KEYS = ("id", "kind", "name", "definition", "parent")
_ID_RE = re.compile(r"^[a-z0-9][a-z0-9_-]*(\.[a-z0-9][a-z0-9_-]*)?$")


def default_codebook_path(profile: Profile | None = None) -> Path:
    """The shipped codebook of a municipality profile (`codebook/data/<profile.codebook>`; default:
    the default profile's, `helmond.yaml`)."""
    return Path(__file__).resolve().parent / "data" / (profile or default_profile()).codebook


def load_codebook(path: Path) -> Codebook:
    """Read and validate a codebook YAML file.

    Args:
        path: the YAML file.

    Returns:
        The validated `Codebook`; keywords are stripped and lower-cased.

    Raises:
        CodebookError: N301-N310, naming the file, line and code id.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CodebookError("N301", "codeboek niet gevonden", path=path) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise CodebookError("N301", f"codeboek niet leesbaar ({type(exc).__name__})", path=path) from None
    return parse_codebook(text, path)


def parse_codebook(text: str, path: Path | str = "codebook.yaml") -> Codebook:
    """Validate codebook YAML `text`; `path` is only used in error messages."""
    try:
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when PyYAML has it: ~10x faster
        root = yaml.compose(text, Loader=loader)
        data = yaml.load(text, Loader=loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise CodebookError("N302", "geen geldige YAML; controleer inspringing en dubbele punten",
                            path=path, line=line) from None
    return codebook_from_data(data, path, _LineIndex(root))


def codebook_from_data(data: Any, path: Path | str, lines: "_LineIndex | None" = None) -> Codebook:
    """Validate an already parsed codebook structure (as in the YAML file) into a `Codebook`.

    Used by the YAML loader and by the REFI-QDA importers, so every source is checked the same way.
    `path` names the source in error messages; `lines` gives YAML line numbers where known.
    """
    lines = lines or _LineIndex(None)
    if not isinstance(data, dict):
        raise CodebookError("N303", "het codeboek moet beginnen met de sleutels name, version en codes",
                            path=path, line=1)
    for key in data:
        if key not in TOP_KEYS:
            raise CodebookError("N303", f"onbekende sleutel '{key}' bovenaan (toegestaan: "
                                f"{', '.join(TOP_KEYS)})", path=path, line=lines.top(key))
    for key in ("name", "version"):
        value = data.get(key)
        if value is None or not isinstance(value, (str, int, float)) or not str(value).strip():
            raise CodebookError("N303", f"'{key}' ontbreekt of is leeg", path=path, line=lines.top(key))
    raw_codes = data.get("codes")
    if not isinstance(raw_codes, list) or not raw_codes:
        raise CodebookError("N303", "'codes' moet een niet-lege lijst van codes zijn", path=path,
                            line=lines.top("codes"))

    codes: list[Code] = []
    seen: dict[str, int] = {}
    for index, raw in enumerate(raw_codes):
        code = _parse_code(raw, index, path, lines)
        line = lines.code(index)
        if code.id in seen:
            first = f" (ook op regel {seen[code.id]})" if seen[code.id] else ""
            raise CodebookError("N306", f"code '{code.id}' komt twee keer voor{first}", path=path,
                                line=line)
        seen[code.id] = line or 0
        codes.append(code)

    by_id = {c.id: c for c in codes}
    for index, code in enumerate(codes):
        line = lines.code(index)
        if code.kind == "subcode":
            parent = by_id.get(code.parent or "")
            if parent is None:
                raise CodebookError("N307", f"code '{code.id}': bovenliggende code '{code.parent}' "
                                    "bestaat niet", path=path, line=line)
            if parent.kind != "theme":
                raise CodebookError("N307", f"code '{code.id}': bovenliggende code '{code.parent}' "
                                    "is geen thema", path=path, line=line)
            if not code.id.startswith(parent.id + "."):
                raise CodebookError("N310", f"code '{code.id}': id van een subcode begint met het "
                                    f"thema, bijvoorbeeld '{parent.id}.{code.id.split('.')[-1]}'",
                                    path=path, line=line)
    if not any(c.kind == "theme" for c in codes):
        raise CodebookError("N303", "het codeboek bevat geen enkel thema", path=path)
    return Codebook(name=str(data["name"]).strip(), version=str(data["version"]).strip(),
                    codes=tuple(codes))


def _parse_code(raw: Any, index: int, path: Path | str, lines: "_LineIndex") -> Code:
    line = lines.code(index)
    if not isinstance(raw, dict):
        raise CodebookError("N305", f"code nummer {index + 1} is geen lijst van sleutels "
                            "(id, name, definition, ...)", path=path, line=line)
    raw_id = raw.get("id")
    label = f"code '{raw_id}'" if isinstance(raw_id, str) and raw_id.strip() else f"code nummer {index + 1}"
    for key in raw:
        if key not in CODE_KEYS:
            raise CodebookError("N304", f"{label}: onbekende sleutel '{key}' (toegestaan: "
                                f"{', '.join(CODE_KEYS)})", path=path, line=lines.key(index, key))
    values: dict[str, Any] = {}
    for key in _TEXT_KEYS:
        value = raw.get(key)
        if value is None:
            continue
        if not isinstance(value, str):
            raise CodebookError("N305", f"{label}: '{key}' moet tekst zijn, niet "
                                f"{_type_name(value)}", path=path, line=lines.key(index, key))
        values[key] = value.strip()
    for key in _LIST_KEYS:
        value = raw.get(key)
        if value is None:
            continue
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise CodebookError("N305", f"{label}: '{key}' moet een lijst van teksten zijn",
                                path=path, line=lines.key(index, key))
        items = [v.strip() for v in value]
        if any(not v for v in items):
            raise CodebookError("N308", f"{label}: '{key}' bevat een lege regel", path=path,
                                line=lines.key(index, key))
        values[key] = tuple(items)
    for key in ("id", "name", "definition"):
        if not values.get(key):
            raise CodebookError("N308", f"{label}: '{key}' ontbreekt of is leeg", path=path,
                                line=lines.key(index, key) if key in raw else line)
    code_id = values["id"]
    if not _ID_RE.match(code_id):
        raise CodebookError("N310", f"code '{code_id}': ongeldig id; gebruik kleine letters, cijfers, "
                            "'-' of '_', en voor een subcode 'thema.naam'", path=path, line=line)
    kind = values.get("kind") or ("subcode" if values.get("parent") else "theme")
    if kind not in KINDS:
        raise CodebookError("N310", f"code '{code_id}': onbekende soort '{kind}' (toegestaan: "
                            f"{', '.join(KINDS)})", path=path, line=lines.key(index, "kind"))
    parent = values.get("parent") or None
    if kind == "subcode" and parent is None:
        raise CodebookError("N307", f"code '{code_id}': een subcode heeft 'parent' nodig", path=path,
                            line=line)
    if kind != "subcode" and parent is not None:
        raise CodebookError("N310", f"code '{code_id}': alleen een subcode heeft 'parent'", path=path,
                            line=lines.key(index, "parent"))
    for theme in values.get("national", ()):
        if theme not in NATIONAL_THEMES:
            raise CodebookError("N309", f"code '{code_id}': onbekend landelijk thema '{theme}' "
                                f"(toegestaan: {'; '.join(NATIONAL_THEMES)})", path=path,
                                line=lines.key(index, "national"))
    keywords = tuple(dict.fromkeys(k.lower() for k in values.get("keywords", ())))
    return Code(
        id=code_id, kind=kind, name=values["name"], definition=values["definition"], parent=parent,
        include=values.get("include", ()), exclude=values.get("exclude", ()),
        examples=values.get("examples", ()), keywords=keywords, national=values.get("national", ()),
    )


def _type_name(value: Any) -> str:
    return {list: "een lijst", dict: "een tabel", bool: "ja/nee", int: "een getal",
            float: "een getal"}.get(type(value), type(value).__name__)


class _LineIndex:
    """1-based source lines of the top-level keys, of each code and of each code's keys."""

    def __init__(self, root: yaml.Node | None):
        self._top: dict[str, int] = {}
        self._codes: list[int] = []
        self._keys: list[dict[str, int]] = []
        if not isinstance(root, yaml.MappingNode):
            return
        for key_node, value_node in root.value:
            self._top[str(key_node.value)] = key_node.start_mark.line + 1
            if key_node.value == "codes" and isinstance(value_node, yaml.SequenceNode):
                for item in value_node.value:
                    self._codes.append(item.start_mark.line + 1)
                    keys: dict[str, int] = {}
                    if isinstance(item, yaml.MappingNode):
                        for k, _ in item.value:
                            keys[str(k.value)] = k.start_mark.line + 1
                    self._keys.append(keys)

    def top(self, key: str) -> int | None:
        return self._top.get(key)

    def code(self, index: int) -> int | None:
        return self._codes[index] if index < len(self._codes) else None

    def key(self, index: int, key: str) -> int | None:
        if index < len(self._keys):
            return self._keys[index].get(key, self.code(index))
        return None


def codebook_to_dict(codebook: Codebook) -> dict[str, Any]:
    """The YAML structure of `codebook` (empty fields left out, `kind` always written)."""
    codes = []
    for code in codebook.codes:
        entry: dict[str, Any] = {"id": code.id, "kind": code.kind}
        if code.parent:
            entry["parent"] = code.parent
        entry["name"] = code.name
        entry["definition"] = code.definition
        for key in _LIST_KEYS:
            value = getattr(code, key)
            if value:
                entry[key] = list(value)
        codes.append(entry)
    return {"name": codebook.name, "version": codebook.version, "codes": codes}


def dump_codebook(codebook: Codebook, path: Path) -> Path:
    """Write `codebook` as YAML to `path` atomically; `load_codebook(path)` gives it back.

    Returns:
        The path written.
    """
    text = yaml.safe_dump(codebook_to_dict(codebook), allow_unicode=True, sort_keys=False, width=100)
    return write_text(Path(path), text)
