"""REFI-QDA project exchange (`.qdpx`: a zip with `project.qde`, namespace `urn:QDA-XML:project:1.0`).

Export writes, for the pseudonymised transcripts only:
- `Users`: one user per coder (including "machine", the automatic coding);
- `CodeBook`: the codebook (same codes, GUIDs and descriptions as the .qdc export);
- `Variables` year (Integer), type and wijk (Text), given per source as `VariableValue`;
- `Sources`: one `TextSource` per transcript, `plainTextPath="internal://<guid>.txt"`, the file
  `sources/<guid>.txt` holding `PseudonymisedTranscript.to_text()`;
- per coded segment and coder one `PlainTextSelection` (startPosition inclusive, endPosition
  exclusive, in characters of that text) with one `Coding` (`CodeRef`, `creatingUser`) per code;
- `narratief.json`: the turn and part offsets of every source, so `import_qdpx` can map selections
  back to (doc, turn, part) without the transcripts. Other tools ignore this file.

Import reads coded selections back to the long codings table (doc, turn, part, coder, code). A
selection is attributed to the turn that contains its start, and within the turn to the part it
overlaps most.

Example:
    >>> export_qdpx(transcripts, book, codings, Path("output/qda/project.qdpx"), segments=segments)
    >>> import_qdpx(Path("output/qda/project.qdpx"), book)
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pandas as pd
from lxml import etree

from codebook.errors import CodebookError
from nlp.io import write_bytes
from codebook.model import Codebook
from codebook.qdc import codebook_data_from_codes, codes_element, parse_xml_bytes, sets_element
from codebook.qdc import code_guid, stable_guid
from codebook.review import CODES_COLUMNS
from interviews.records import PseudonymisedTranscript

PROJECT_NS = "urn:QDA-XML:project:1.0"
SIDECAR = "narratief.json"
_N = f"{{{PROJECT_NS}}}"
_VARIABLES = (("year", "Integer"), ("type", "Text"), ("wijk", "Text"))

Spans = dict[int, tuple[int, int]]


def part_spans(turn_text: str, turn_start: int, parts: Sequence[tuple[int, str]], doc: str,
               turn: int) -> dict[int, tuple[int, int]]:
    """Offsets (in the whole source text) of each part of one turn.

    Args:
        turn_text: the turn's text; `turn_start` its offset in the source text.
        parts: (part index, part text) in order.

    Raises:
        CodebookError: N341 when a part's text is not found inside the turn.
    """
    spans: dict[int, tuple[int, int]] = {}
    cursor = 0
    for part, text in sorted(parts):
        words = text.split()
        if not words:
            continue
        pattern = re.compile(r"\s+".join(re.escape(w) for w in words))
        match = pattern.search(turn_text, cursor) or pattern.search(turn_text)
        if match is None:
            raise CodebookError("N341", f"document '{doc}', beurt {turn}, deel {part}: tekst van het "
                                "deel niet gevonden in de beurt (segmenten horen niet bij deze "
                                "transcripten)")
        spans[part] = (turn_start + match.start(), turn_start + match.end())
        cursor = match.end()
    return spans


def export_qdpx(transcripts: Sequence[PseudonymisedTranscript], codebook: Codebook,
                codings: pd.DataFrame, path: Path, segments: pd.DataFrame | None = None,
                project_name: str = "narratief") -> Path:
    """Write a REFI-QDA project (.qdpx) with sources, codebook, users and coded selections.

    Args:
        transcripts: the pseudonymised transcripts (sources).
        codebook: the codebook.
        codings: doc, turn, part, coder, code; rows with code "" (reviewed, no code) are skipped.
        path: destination .qdpx.
        segments: doc, turn, part, text of the segments; needed to place parts of split turns
            (without it every selection covers its whole turn).
        project_name: the project's name in the QDA tool.

    Returns:
        The path written.

    Raises:
        CodebookError: N341 for a coding of an unknown document, turn, part or code.
    """
    _check_columns(codings, CODES_COLUMNS, "codings")
    by_doc = {t.doc: t for t in transcripts}
    known = {c.id for c in codebook.codes}
    parts_by_turn: dict[tuple[str, int], list[tuple[int, str]]] = {}
    if segments is not None:
        _check_columns(segments, ("doc", "turn", "part", "text"), "segments")
        for rec in segments[["doc", "turn", "part", "text"]].to_dict("records"):
            if str(rec["doc"]) in by_doc:
                parts_by_turn.setdefault((str(rec["doc"]), int(rec["turn"])), []).append(
                    (int(rec["part"]), str(rec["text"])))

    coders = list(dict.fromkeys(str(c) for c in codings["coder"]))
    user_guid = {c: stable_guid("user", c) for c in coders}

    root = etree.Element(f"{_N}Project", nsmap={None: PROJECT_NS}, name=project_name, origin="narratief")
    users = etree.SubElement(root, f"{_N}Users")
    for coder in coders:
        etree.SubElement(users, f"{_N}User", guid=user_guid[coder], name=coder)
    book = etree.SubElement(root, f"{_N}CodeBook")
    book.append(codes_element(codebook, PROJECT_NS))
    variables = etree.SubElement(root, f"{_N}Variables")
    for name, kind in _VARIABLES:
        etree.SubElement(variables, f"{_N}Variable", guid=stable_guid("variable", name), name=name,
                         typeOfVariable=kind)
    sources = etree.SubElement(root, f"{_N}Sources")

    grouped = {doc: frame for doc, frame in codings.groupby(codings["doc"].astype(str), sort=False)}
    unknown_docs = sorted(set(grouped) - set(by_doc))
    if unknown_docs:
        raise CodebookError("N341", f"codering voor onbekend document '{unknown_docs[0]}'")
    files: dict[str, bytes] = {}
    sidecar: dict[str, Any] = {}
    for transcript in transcripts:
        text, spans = transcript.to_text(), transcript.turn_spans()
        guid = stable_guid("source", transcript.doc)
        files[f"sources/{guid}.txt"] = text.encode("utf-8")
        source = etree.SubElement(sources, f"{_N}TextSource", guid=guid, name=transcript.doc,
                                  plainTextPath=f"internal://{guid}.txt")
        turn_texts = {t.index: t.text for t in transcript.turns}
        part_map: dict[int, dict[int, tuple[int, int]]] = {}
        for turn, (start, end) in spans.items():
            parts = parts_by_turn.get((transcript.doc, turn))
            part_map[turn] = (part_spans(turn_texts[turn], start, parts, transcript.doc, turn)
                              if parts else {0: (start, end)})
        sidecar[transcript.doc] = {"guid": guid, "turns": {str(t): list(s) for t, s in spans.items()},
                                   "parts": {str(t): {str(p): list(s) for p, s in ps.items()}
                                             for t, ps in part_map.items()}}
        frame = grouped.get(transcript.doc)
        if frame is not None:
            _add_selections(source, frame, transcript.doc, part_map, known, user_guid)
        for name, _ in _VARIABLES:
            value = etree.SubElement(source, f"{_N}VariableValue")
            etree.SubElement(value, f"{_N}VariableRef", targetGUID=stable_guid("variable", name))
            tag = "IntegerValue" if name == "year" else "TextValue"
            etree.SubElement(value, f"{_N}{tag}").text = str(getattr(transcript.meta, name))
    sets = sets_element(codebook, PROJECT_NS)
    if sets is not None:
        root.append(sets)
    etree.SubElement(root, f"{_N}Description").text = (
        "Geëxporteerd door narratief: gepseudonimiseerde transcripten met thema's en lenzen.")

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("project.qde", etree.tostring(root, xml_declaration=True, encoding="utf-8",
                                                       pretty_print=True))
        for name, data in files.items():
            archive.writestr(name, data)
        archive.writestr(SIDECAR, json.dumps(sidecar, indent=1, sort_keys=True))
    return write_bytes(Path(path), buffer.getvalue())


def _add_selections(source: etree._Element, frame: pd.DataFrame, doc: str,
                    part_map: dict[int, dict[int, tuple[int, int]]], known: set[str],
                    user_guid: dict[str, str]) -> None:
    frame = frame[frame["code"].astype(str) != ""]
    for (turn, part, coder), rows in frame.groupby(["turn", "part", "coder"], sort=True):
        turn, part, coder = int(turn), int(part), str(coder)
        span = part_map.get(turn, {}).get(part)
        if span is None:
            raise CodebookError("N341", f"codering voor onbekende beurt of deel: document '{doc}', "
                                f"beurt {turn}, deel {part}")
        key = f"{doc}/{turn}/{part}/{coder}"
        selection = etree.SubElement(source, f"{_N}PlainTextSelection", guid=stable_guid("selection", key),
                                     name=f"{doc} beurt {turn} deel {part}",
                                     startPosition=str(span[0]), endPosition=str(span[1]),
                                     creatingUser=user_guid[coder])
        for code in dict.fromkeys(rows["code"].astype(str)):
            if code not in known:
                raise CodebookError("N341", f"codering met onbekende code '{code}' (document '{doc}', "
                                    f"beurt {turn})")
            coding = etree.SubElement(selection, f"{_N}Coding", guid=stable_guid("coding", f"{key}/{code}"),
                                      creatingUser=user_guid[coder])
            etree.SubElement(coding, f"{_N}CodeRef", targetGUID=code_guid(code))


def import_qdpx(path: Path, codebook: Codebook,
                transcripts: Sequence[PseudonymisedTranscript] | None = None) -> pd.DataFrame:
    """Read the coded text selections of a REFI-QDA project back to (doc, turn, part, coder, code).

    Turn offsets come from `transcripts` when given (the source text in the project must then equal
    `to_text()`), otherwise from the `narratief.json` that `export_qdpx` writes.

    Raises:
        CodebookError: N340 when the file is not a readable project, a source has no offsets, a
            source text was changed, or a code is not in `codebook`.
    """
    path = Path(path)
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
            qde = [n for n in names if n.lower().endswith(".qde")]
            if not qde:
                raise CodebookError("N340", "geen project.qde in het .qdpx-bestand", path=path)
            root = parse_xml_bytes(archive.read(qde[0]), path, "N340")
            sidecar = json.loads(archive.read(SIDECAR)) if SIDECAR in names else {}
            texts = {n: archive.read(n) for n in names if n.startswith("sources/")}
    except FileNotFoundError:
        raise CodebookError("N340", "bestand niet gevonden", path=path) from None
    except (zipfile.BadZipFile, OSError, json.JSONDecodeError) as exc:
        raise CodebookError("N340", f"geen leesbaar .qdpx-bestand ({type(exc).__name__})", path=path) from None
    if etree.QName(root).localname != "Project" or etree.QName(root).namespace != PROJECT_NS:
        raise CodebookError("N340", f"geen REFI-QDA-project (verwacht Project in {PROJECT_NS})", path=path)

    guid_to_code = _code_map(root, codebook, path)
    users = {u.get("guid", "").strip("{}").lower(): u.get("name") or "onbekend"
             for u in root.iter(f"{_N}User")}
    by_doc = {t.doc: t for t in transcripts or ()}
    rows: list[tuple[str, int, int, str, str]] = []
    for source in root.iter(f"{_N}TextSource"):
        doc = source.get("name") or ""
        turns, parts = _offsets(source, doc, by_doc, sidecar, texts, path)
        for selection in source.iter(f"{_N}PlainTextSelection"):
            start, end = int(selection.get("startPosition", 0)), int(selection.get("endPosition", 0))
            turn = next((t for t, (s, e) in sorted(turns.items()) if s <= start < e or (s == start == e)), None)
            if turn is None:
                continue  # a selection outside every turn (e.g. in the header) has no segment
            part = _best_part(parts.get(turn, {}), start, end)
            default_user = users.get((selection.get("creatingUser") or "").strip("{}").lower(), "onbekend")
            for coding in selection.iter(f"{_N}Coding"):
                ref = coding.find(f"{_N}CodeRef")
                target = (ref.get("targetGUID") if ref is not None else "") or ""
                code = guid_to_code.get(target.strip("{}").lower())
                if code is None:
                    raise CodebookError("N340", "codering verwijst naar een code die niet in het "
                                        "codeboek staat", path=path)
                coder = users.get((coding.get("creatingUser") or "").strip("{}").lower(), default_user)
                rows.append((doc, turn, part, coder, code))
    frame = pd.DataFrame(rows, columns=list(CODES_COLUMNS)).drop_duplicates()
    return frame.astype({"doc": str, "turn": int, "part": int, "coder": str, "code": str}).reset_index(drop=True)


def _code_map(root: etree._Element, codebook: Codebook, path: Path) -> dict[str, str]:
    known = {c.id for c in codebook.codes}
    mapping = {code_guid(c.id): c.id for c in codebook.codes}
    codes = root.find(f"{_N}CodeBook/{_N}Codes")
    if codes is not None:
        data = codebook_data_from_codes(codes, None, PROJECT_NS)["codes"]
        for element, entry in zip(_iter_codes(codes), data):
            guid = (element.get("guid") or "").strip("{}").lower()
            if guid in mapping:
                continue
            if entry["id"] not in known:
                raise CodebookError("N340", f"code '{entry['id']}' uit het project staat niet in het "
                                    "codeboek; voeg hem eerst toe aan codebook.yaml", path=path)
            mapping[guid] = entry["id"]
    return mapping


def _iter_codes(codes: etree._Element) -> list[etree._Element]:
    """Codes in the order `codebook_data_from_codes` lists them (each top code, then its subtree)."""
    out = []
    for top in codes.findall(f"{_N}Code"):
        out.extend(top.iter(f"{_N}Code"))
    return out


def _offsets(source: etree._Element, doc: str, by_doc: dict[str, PseudonymisedTranscript],
             sidecar: dict[str, Any], texts: dict[str, bytes], path: Path) -> tuple[Spans, dict[int, Spans]]:
    if doc in by_doc:
        transcript = by_doc[doc]
        plain = (source.get("plainTextPath") or "").replace("internal://", "sources/")
        stored = texts.get(plain)
        if stored is None and source.findtext(f"{_N}PlainTextContent") is not None:
            stored = source.findtext(f"{_N}PlainTextContent", "").encode("utf-8")
        # utf-8-sig: QualCoder writes its text sources with a byte-order mark, which is not text
        if stored is not None and stored.decode("utf-8-sig", "replace") != transcript.to_text():
            raise CodebookError("N340", f"brontekst van document '{doc}' wijkt af van het transcript; "
                                "posities zijn niet terug te rekenen", path=path)
        turns = transcript.turn_spans()
        saved_parts = sidecar.get(doc, {}).get("parts", {})
        parts = {int(t): {int(p): (s[0], s[1]) for p, s in ps.items()} for t, ps in saved_parts.items()}
        return turns, parts
    if doc in sidecar:
        entry = sidecar[doc]
        turns = {int(t): (s[0], s[1]) for t, s in entry["turns"].items()}
        parts = {int(t): {int(p): (s[0], s[1]) for p, s in ps.items()} for t, ps in entry["parts"].items()}
        return turns, parts
    raise CodebookError("N340", f"geen posities voor document '{doc}': geef de transcripten mee",
                        path=path)


def _best_part(parts: Spans, start: int, end: int) -> int:
    if not parts:
        return 0
    def overlap(span: tuple[int, int]) -> int:
        return min(end, span[1]) - max(start, span[0])
    return max(sorted(parts), key=lambda p: (overlap(parts[p]), -p))


def _check_columns(frame: pd.DataFrame, columns: Sequence[str], name: str) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise CodebookError("N341", f"tabel {name} mist kolom(men): {', '.join(missing)}")
