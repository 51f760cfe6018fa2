"""REFI-QDA codebook exchange (`.qdc`, namespace `urn:QDA-XML:codebook:1.0`).

Themes are top-level `Code` elements with their subcodes nested inside; lenses are top-level codes
too. GUIDs are derived from code ids (uuid5), so a code keeps its GUID across exports and tools
can merge re-exports. REFI-QDA only has a `Description` per code: it holds the definition, followed
by labelled lines that narratief reads back (other tools show them as plain text):

    <definition>

    Wel: <include>            (one line per criterion)
    Niet: <exclude>
    Voorbeeld: <example>
    Trefwoorden: a; b; c
    Landelijk: onderwijs; sociale netwerk
    Soort: lens               (lenses only)
    Code-id: school.verzuim

The crosswalk to the national PmG themes is also written as `Sets` ("Landelijk: <thema>"), and the
lenses as the set "Lenzen", which QDA tools show as code groups.

Example:
    >>> export_qdc(book, Path("output/qda/codeboek.qdc"))
    >>> import_qdc(Path("output/qda/codeboek.qdc")) == book
    True
"""

from __future__ import annotations

import re
import uuid
from pathlib import Path
from typing import Any

from lxml import etree

from codebook.errors import CodebookError
from codebook.load import codebook_from_data
from nlp.io import write_bytes
from codebook.model import Code, Codebook

QDC_NS = "urn:QDA-XML:codebook:1.0"
ORIGIN = "narratief"
_GUID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://narratief.nl/refi-qda/code")
_COLORS = ("#1F77B4", "#FF7F0E", "#2CA02C", "#D62728", "#9467BD", "#8C564B", "#E377C2", "#7F7F7F")
_LABELS = {"include": "Wel", "exclude": "Niet", "examples": "Voorbeeld"}
_LIST_LABELS = {"keywords": "Trefwoorden", "national": "Landelijk"}
_LINE_RE = re.compile(r"^(Wel|Niet|Voorbeeld|Trefwoorden|Landelijk|Soort|Code-id): ?(.*)$")


def code_guid(code_id: str) -> str:
    """The stable REFI-QDA GUID of a code id (uuid5), e.g. for CodeRef elements."""
    return str(uuid.uuid5(_GUID_NAMESPACE, code_id))


def stable_guid(kind: str, key: str) -> str:
    """A stable GUID for another object (source, user, selection) named by `kind` and `key`."""
    return str(uuid.uuid5(_GUID_NAMESPACE, f"{kind}:{key}"))


def describe(code: Code) -> str:
    """The `Description` text of a code: definition plus labelled lines (see module docstring)."""
    lines = [code.definition, ""]
    for key, label in _LABELS.items():
        lines.extend(f"{label}: {value}" for value in getattr(code, key))
    for key, label in _LIST_LABELS.items():
        values = getattr(code, key)
        if values:
            lines.append(f"{label}: {'; '.join(values)}")
    if code.kind == "lens":
        lines.append("Soort: lens")
    lines.append(f"Code-id: {code.id}")
    return "\n".join(lines)


def codes_element(codebook: Codebook, ns: str) -> etree._Element:
    """A `<Codes>` element in namespace `ns` (codebook or project) with nested theme hierarchy."""
    codes = etree.Element(f"{{{ns}}}Codes")
    top = [c for c in codebook.codes if c.kind in ("theme", "lens")]
    for index, code in enumerate(top):
        color = _COLORS[index % len(_COLORS)]
        element = _code_element(codes, code, ns, color)
        for sub in codebook.subcodes(code.id):
            _code_element(element, sub, ns, color)
    return codes


def _code_element(parent: etree._Element, code: Code, ns: str, color: str) -> etree._Element:
    element = etree.SubElement(parent, f"{{{ns}}}Code", guid=code_guid(code.id), name=code.name,
                               isCodable="true", color=color)
    description = etree.SubElement(element, f"{{{ns}}}Description")
    description.text = describe(code)
    return element


def sets_element(codebook: Codebook, ns: str) -> etree._Element | None:
    """`<Sets>`: one set per national PmG theme used (the crosswalk) and one set "Lenzen"."""
    groups: dict[str, list[Code]] = {}
    for code in codebook.codes:
        for theme in code.national:
            groups.setdefault(f"Landelijk: {theme}", []).append(code)
    if codebook.lenses:
        groups["Lenzen"] = list(codebook.lenses)
    if not groups:
        return None
    sets = etree.Element(f"{{{ns}}}Sets")
    for name, members in groups.items():
        element = etree.SubElement(sets, f"{{{ns}}}Set", guid=stable_guid("set", name), name=name)
        for code in members:  # the codebook schema says guid=, the project schema targetGUID=
            member = etree.SubElement(element, f"{{{ns}}}MemberCode")
            member.set("guid" if ns == QDC_NS else "targetGUID", code_guid(code.id))
    return sets


def export_qdc(codebook: Codebook, path: Path) -> Path:
    """Write `codebook` as a REFI-QDA codebook file (.qdc), atomically.

    Args:
        codebook: the validated codebook.
        path: destination, usually `output/qda/codeboek.qdc`.

    Returns:
        The path written.
    """
    root = etree.Element(f"{{{QDC_NS}}}CodeBook", nsmap={None: QDC_NS}, origin=ORIGIN)
    root.append(codes_element(codebook, QDC_NS))
    sets = sets_element(codebook, QDC_NS)
    if sets is not None:
        root.append(sets)
    data = etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True)
    return write_bytes(Path(path), data)


def import_qdc(path: Path, name: str | None = None, version: str = "qdc") -> Codebook:
    """Read a REFI-QDA codebook (.qdc) written by narratief or by another QDA tool.

    Codes nested deeper than two levels become subcodes of their top-level theme. Codes without a
    `Code-id:` line get an id made from their name. The result is validated like a YAML codebook.

    Args:
        path: the .qdc file.
        name: codebook name (default: the file name without extension).
        version: codebook version to record.

    Raises:
        CodebookError: N320 when the file is not a REFI-QDA codebook; N303-N310 when its codes do
            not form a valid codebook (e.g. a code without a description).
    """
    path = Path(path)
    root = _parse_xml(path, "N320")
    if etree.QName(root).localname != "CodeBook" or etree.QName(root).namespace != QDC_NS:
        raise CodebookError("N320", f"geen REFI-QDA-codeboek (verwacht CodeBook in {QDC_NS})",
                            path=path)
    codes = root.find(f"{{{QDC_NS}}}Codes")
    if codes is None:
        raise CodebookError("N320", "het codeboek bevat geen element Codes", path=path)
    data = codebook_data_from_codes(codes, root.find(f"{{{QDC_NS}}}Sets"), QDC_NS)
    data["name"] = name or path.stem
    data["version"] = version
    return codebook_from_data(data, path)


def codebook_data_from_codes(codes: etree._Element, sets: etree._Element | None,
                             ns: str) -> dict[str, Any]:
    """The codebook structure (as in YAML) from a REFI-QDA `<Codes>` element (and `<Sets>`)."""
    national_by_guid: dict[str, list[str]] = {}
    lens_guids: set[str] = set()
    if sets is not None:
        for element in sets.iter(f"{{{ns}}}Set"):
            set_name = element.get("name", "")
            members = [(m.get("guid") or m.get("targetGUID") or "").strip("{}").lower()
                       for m in element.iter(f"{{{ns}}}MemberCode")]
            if set_name.startswith("Landelijk: "):
                for guid in members:
                    national_by_guid.setdefault(guid, []).append(set_name[len("Landelijk: "):])
            elif set_name == "Lenzen":
                lens_guids.update(members)
    entries: list[dict[str, Any]] = []
    for top in codes.findall(f"{{{ns}}}Code"):
        theme = _entry(top, ns, None, national_by_guid, lens_guids)
        entries.append(theme)
        for sub in top.iter(f"{{{ns}}}Code"):
            if sub is not top:
                entries.append(_entry(sub, ns, theme["id"], national_by_guid, lens_guids))
    return {"codes": entries}


def _entry(element: etree._Element, ns: str, parent: str | None,
           national_by_guid: dict[str, list[str]], lens_guids: set[str]) -> dict[str, Any]:
    name = (element.get("name") or "").strip()
    guid = (element.get("guid") or "").strip("{}").lower()
    description = element.findtext(f"{{{ns}}}Description") or ""
    entry: dict[str, Any] = {"name": name}
    definition: list[str] = []
    for line in description.splitlines():
        match = _LINE_RE.match(line.strip())
        if not match:
            definition.append(line)
            continue
        label, value = match.group(1), match.group(2).strip()
        if label == "Code-id":
            entry["id"] = value
        elif label == "Soort":
            entry["kind"] = value
        elif label in ("Trefwoorden", "Landelijk"):
            key = "keywords" if label == "Trefwoorden" else "national"
            entry[key] = [v.strip() for v in value.split(";") if v.strip()]
        else:
            key = {v: k for k, v in _LABELS.items()}[label]
            entry.setdefault(key, []).append(value)
    entry["definition"] = "\n".join(definition).strip()
    if "id" not in entry:
        slug = _slug(name) or guid[:8]
        entry["id"] = f"{parent}.{slug}" if parent else slug
    if parent:
        entry["parent"] = parent
        entry.setdefault("kind", "subcode")
    elif guid in lens_guids:
        entry.setdefault("kind", "lens")
    if "national" not in entry and guid in national_by_guid:
        entry["national"] = national_by_guid[guid]
    return entry


def _slug(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return slug[:40].strip("-")


def _parse_xml(path: Path, code: str) -> etree._Element:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise CodebookError(code, "bestand niet gevonden", path=path) from None
    except OSError as exc:
        raise CodebookError(code, f"bestand niet leesbaar ({type(exc).__name__})", path=path) from None
    return parse_xml_bytes(data, path, code)


def parse_xml_bytes(data: bytes, path: Path | str, code: str) -> etree._Element:
    """Parse XML safely (no entities, no network); errors become `CodebookError(code)`."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        return etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as exc:
        raise CodebookError(code, f"geen geldige XML (regel {exc.lineno})", path=path) from None
