"""The review file `bevindingen.csv` and the workspace allow/deny lists.

`bevindingen.csv` lives with the key and is sealed with it (it holds every original plus its
context): one row per distinct finding text and category, with score, recognizer, a short context
and a `besluit` column: "" (apply, the default), "bevestigd" (always redact) or "afgewezen" (never
redact this text in this category). Users do not edit it directly: `narratief privacy review`
writes a workbook to a path they choose and reads their decisions back
(`review_workbook.py`). Re-running keeps every decision, also for rows not found this time. A
plain-text file from an older version is still read, and sealed on the next write.

`privacy/toestaan.txt` (never redact) and `privacy/weigeren.txt` (always redact) hold one term per
line; `#` starts a comment. A deny line may name its category: `[adres] Kerkstraat 12`.
"""

from __future__ import annotations

import csv
import io
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from interviews.errors import PseudonymisationError
from nlp.io import PRIVATE, write_text

from .findings import CATEGORIES, Finding, normalise
from .keystore import PseudonymKey, is_sealed

COLUMNS = ("categorie", "tekst", "score", "herkenner", "aantal", "documenten", "context", "besluit")
DECISIONS = ("", "bevestigd", "afgewezen")
CONTEXT_CHARS = 40


@dataclass(frozen=True)
class Decisions:
    """Users' decisions: (category, normalised text) -> "bevestigd" | "afgewezen"."""

    by_key: dict[tuple[str, str], str]

    def rejected(self, finding: Finding) -> bool:
        return self.by_key.get(finding.key) == "afgewezen"

    def confirmed_terms(self) -> dict[str, str]:
        """Confirmed texts as deny terms (text -> category), so they are caught everywhere."""
        return {text: cat for (cat, text), d in self.by_key.items() if d == "bevestigd"}


def read_decisions(path: Path, key: PseudonymKey | None = None) -> Decisions:
    """Read the decisions from an existing `bevindingen.csv` (none when the file does not exist).

    Args:
        path: the review file.
        key: the opened key; needed when the file is sealed (the normal case).

    Raises:
        PseudonymisationError: N212 unreadable file or unknown decision (names file and line);
            N214 a sealed file and no key given.
    """
    rows = _read_rows(path, key)
    out: dict[tuple[str, str], str] = {}
    for line, row in rows:
        decision = (row.get("besluit") or "").strip().casefold()
        if decision not in DECISIONS:
            raise PseudonymisationError(
                "N212", f"onbekend besluit; gebruik leeg, 'bevestigd' of 'afgewezen'", path=path, line=line
            )
        if decision:
            out[(row.get("categorie", "").strip(), normalise(row.get("tekst", "")))] = decision
    return Decisions(out)


def read_review_text(path: Path, key: PseudonymKey | None) -> str:
    """The CSV text of the review file, unsealed when sealed; "" when it does not exist."""
    if not path.exists():
        return ""
    try:
        data = path.read_bytes()
        if is_sealed(data):
            if key is None:
                raise PseudonymisationError("N214", "bevindingen zijn versleuteld: open eerst de sleutel", path=path)
            data = key.unseal(data, path)
        return data.decode("utf-8-sig")
    except (OSError, UnicodeDecodeError):
        raise PseudonymisationError("N212", "bevindingenbestand niet leesbaar (verwacht UTF-8 CSV)", path=path) from None


def parse_rows(raw: str, path: Path) -> list[tuple[int, dict[str, str]]]:
    """Rows of review CSV text with their line numbers (delimiter `,` or `;`)."""
    if not raw:
        return []
    first = raw.splitlines()[0] if raw else ""
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.DictReader(io.StringIO(raw), delimiter=delimiter)
    if reader.fieldnames is None or not {"categorie", "tekst", "besluit"} <= set(reader.fieldnames):
        raise PseudonymisationError("N212", "bevindingenbestand mist kolommen categorie/tekst/besluit", path=path)
    return [(i + 2, row) for i, row in enumerate(reader)]


def _read_rows(path: Path, key: PseudonymKey | None = None) -> list[tuple[int, dict[str, str]]]:
    return parse_rows(read_review_text(path, key), path)


def write_review(
    path: Path, findings: Sequence[Finding], texts: dict[tuple[str, int, str], str], key: PseudonymKey | None = None
) -> int:
    """Write `bevindingen.csv`: one row per distinct (category, text); keeps earlier decisions.

    Args:
        path: the review file in the key folder.
        findings: every finding of this run (also rejected ones, so users see them).
        texts: (doc, turn, field) -> the field's raw text, for the context column.
        key: the opened key: the file is sealed with it (without a key: plain text, for callers
            of the older API).

    Returns:
        The number of rows written.
    """
    old = {(row.get("categorie", "").strip(), normalise(row.get("tekst", ""))): row for _, row in _read_rows(path, key)}
    groups: dict[tuple[str, str], list[Finding]] = defaultdict(list)
    for f in findings:
        groups[f.key].append(f)
    rows: list[dict[str, str]] = []
    for group_key, group in sorted(groups.items()):
        best = max(group, key=lambda f: f.score)
        source = texts.get((best.doc, best.turn, best.field), best.text)
        context = source[max(0, best.start - CONTEXT_CHARS) : best.end + CONTEXT_CHARS]
        docs = sorted({f.doc for f in group})
        rows.append({
            "categorie": group_key[0],
            "tekst": best.text,
            "score": f"{best.score:.2f}",
            "herkenner": ",".join(sorted({f.recognizer for f in group})),
            "aantal": str(len(group)),
            "documenten": ";".join(docs[:5]) + (f";... (+{len(docs) - 5})" if len(docs) > 5 else ""),
            "context": " ".join(context.split()),
            "besluit": (old.pop(group_key, {}).get("besluit") or "").strip(),
        })
    for _, row in sorted(old.items()):  # decisions on texts not seen this run stay
        rows.append({c: (row.get(c) or "") for c in COLUMNS} | {"aantal": "0"})
    write_review_rows(path, rows, key)
    return len(rows)


def write_review_rows(path: Path, rows: Sequence[dict[str, str]], key: PseudonymKey | None) -> None:
    """Write review rows as CSV, sealed with `key` when given."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    if key is None:
        write_text(path, buffer.getvalue(), encoding="utf-8-sig", mode=PRIVATE)  # raw data
    else:
        key.write_sealed(path, buffer.getvalue().encode("utf-8"))


def read_term_list(path: Path) -> dict[str, str]:
    """Read an allow or deny list: term -> category (default "persoon"). Missing file: empty.

    Raises:
        PseudonymisationError: N213 unknown category in a `[categorie] term` line.
    """
    if not path.exists():
        return {}
    out: dict[str, str] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        m = re.match(r"\[([\w-]+)\]\s*(.+)", line)
        category, term = (m.group(1).casefold(), m.group(2).strip()) if m else ("persoon", line)
        if category not in CATEGORIES:
            raise PseudonymisationError("N213", f"onbekende categorie '{category}'", path=path, line=number)
        out[term] = category
    return out




def terms_of(lists: Iterable[dict[str, str]]) -> set[str]:
    return {t for mapping in lists for t in mapping}
