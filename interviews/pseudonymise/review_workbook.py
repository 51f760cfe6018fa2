"""The privacy review workbook: the sealed findings as an .xlsx a user fills in, and back.

`export_review(review_path, key, destination)` writes the findings (raw data!) to a path the user
chooses - never inside the workspace's output folder - with a `besluit` column to fill in with
"bevestigd" or "afgewezen". `import_review(review_path, key, source)` checks every decision and
merges it into the sealed review file; the next `narratief pseudonymise` applies it.
"""

from __future__ import annotations

from pathlib import Path

from interviews.errors import PseudonymisationError
from nlp.io import PRIVATE, atomic_write

from .findings import normalise
from .keystore import PseudonymKey
from .review import COLUMNS, DECISIONS, _read_rows, write_review_rows

SHEET = "bevindingen"
HEADERS = {
    "categorie": "Categorie", "tekst": "Tekst (origineel)", "score": "Score", "herkenner": "Herkenner",
    "aantal": "Aantal", "documenten": "Documenten", "context": "Context", "besluit": "Besluit",
}
INSTRUCTION = (
    "Vul per regel 'Besluit' in: leeg = vervangen (standaard), 'bevestigd' = altijd vervangen, "
    "'afgewezen' = nooit vervangen. Dit werkboek bevat ruwe persoonsgegevens: bewaar het veilig "
    "en verwijder het na het inlezen."
)


def export_review(review_path: Path, key: PseudonymKey, destination: Path, *, forbidden: Path | None = None) -> int:
    """Write the review workbook to `destination`.

    Args:
        review_path: the sealed `bevindingen.csv` next to the key.
        key: the opened key.
        destination: an .xlsx path the user chose.
        forbidden: a folder the workbook may not be written in (the workspace's output/).

    Returns:
        The number of findings written.

    Raises:
        PseudonymisationError: N215 no findings yet, wrong suffix, or a path inside `forbidden`.
    """
    from openpyxl import Workbook

    destination = Path(destination)
    if destination.suffix.casefold() != ".xlsx":
        raise PseudonymisationError("N215", "kies een bestandsnaam die eindigt op .xlsx", path=destination)
    if forbidden is not None:
        resolved, out = destination.resolve(), Path(forbidden).resolve()
        if resolved == out or out in resolved.parents:
            raise PseudonymisationError(
                "N215", "het reviewwerkboek bevat ruwe gegevens en mag niet in output/ staan; kies een andere map",
                path=destination,
            )
    rows = [row for _, row in _read_rows(review_path, key)]
    if not rows:
        raise PseudonymisationError("N215", "nog geen bevindingen: voer eerst 'narratief pseudonymise' uit", path=review_path)
    book = Workbook()
    sheet = book.active
    sheet.title = SHEET
    sheet.append([HEADERS[c] for c in COLUMNS])
    for row in rows:
        sheet.append([row.get(c, "") or "" for c in COLUMNS])
    sheet.freeze_panes = "A2"
    info = book.create_sheet("uitleg")
    info.append([INSTRUCTION])
    atomic_write(destination, book.save, mode=PRIVATE)  # raw data: readable by the owner only
    return len(rows)


def import_review(review_path: Path, key: PseudonymKey, source: Path) -> int:
    """Read the decisions of a filled-in workbook into the sealed review file.

    Returns:
        The number of rows that carry a decision.

    Raises:
        PseudonymisationError: N216 unreadable workbook, missing columns, unknown decision or
            category (naming the sheet row, never the text).
    """
    from openpyxl import load_workbook

    try:
        book = load_workbook(Path(source), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for a damaged or foreign file
        raise PseudonymisationError("N216", "reviewwerkboek niet leesbaar (verwacht .xlsx)", path=source) from None
    if SHEET not in book.sheetnames:
        raise PseudonymisationError("N216", f"tabblad '{SHEET}' ontbreekt", path=source)
    values = list(book[SHEET].iter_rows(values_only=True))
    book.close()
    if not values:
        raise PseudonymisationError("N216", "het werkboek is leeg", path=source)
    by_header = {str(h or "").strip(): i for i, h in enumerate(values[0])}
    index = {c: by_header.get(HEADERS[c], by_header.get(c)) for c in COLUMNS}
    if any(index[c] is None for c in ("categorie", "tekst", "besluit")):
        raise PseudonymisationError("N216", "kolommen Categorie/Tekst/Besluit ontbreken", path=source)
    from .findings import CATEGORIES

    current = {(r.get("categorie", "").strip(), normalise(r.get("tekst", ""))): dict(r) for _, r in _read_rows(review_path, key)}
    decided = 0
    for number, raw in enumerate(values[1:], start=2):
        cell = lambda c: "" if index[c] is None or index[c] >= len(raw) or raw[index[c]] is None else str(raw[index[c]])
        category, text = cell("categorie").strip(), cell("tekst")
        if not category and not text:
            continue
        decision = cell("besluit").strip().casefold()
        if decision not in DECISIONS:
            raise PseudonymisationError("N216", "onbekend besluit; gebruik leeg, 'bevestigd' of 'afgewezen'", path=source, line=number)
        if category not in CATEGORIES:
            raise PseudonymisationError("N216", f"onbekende categorie '{category}'", path=source, line=number)
        key_ = (category, normalise(text))
        row = current.setdefault(key_, {c: cell(c) for c in COLUMNS} | {"aantal": "0"})
        row["besluit"] = decision
        decided += bool(decision)
    write_review_rows(review_path, list(current.values()), key)
    return decided
