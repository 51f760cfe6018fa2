"""Structural checks of the shipped demo corpus and its gold files.

Independent of the reader in `interviews/`: these tests decode and split the files with their own
minimal logic, only where that logic is trivially right for this corpus.
"""

from __future__ import annotations

import csv
import re
from collections import Counter, defaultdict
from pathlib import Path

import pytest
from docx import Document

from narratief.demo import DEMO_DIR

INTERVIEWS = DEMO_DIR / "interviews"
GOLD = DEMO_DIR / "gold"
YEARS = ("2024", "2025", "2026")
FORMATS = {".txt", ".md", ".docx", ".vtt", ".srt"}
THEMES = {"aanwezig", "school", "perspectief", "grenzen", "intergenerationeel"}
LENSES = {"resultaat", "opbrengst", "bijsturen"}
PII_CATEGORIES = {"naam", "bijnaam", "telefoon", "postcode", "adres", "email", "bsn",
                  "geboortedatum", "handle", "kenteken", "leeftijd"}
EMERGENT_WORDS = re.compile(r"telegram|explosie|cobra|vuurwerkbom|aanslag|klus\b|geronseld", re.I)
DOCX_META = ("Jaar", "Type", "Wijk", "Datum", "Titel")


def transcripts() -> list[Path]:
    return sorted(p for p in INTERVIEWS.rglob("*") if p.suffix in FORMATS)


def decode(path: Path) -> str:
    """File text as a reader sees it: UTF-8 (BOM stripped) or Windows-1252, LF line endings."""
    if path.suffix == ".docx":
        return "\n".join(p.text for p in Document(str(path)).paragraphs)
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252")
    return text.replace("\r\n", "\n")


def turns(path: Path) -> list[tuple[str | None, str]]:
    """(label, text) per turn, following issue 2's rules, for this corpus' simple layout."""
    text = decode(path)
    out: list[tuple[str | None, str]] = []
    if path.suffix in (".txt", ".md"):
        body = text.split("---\n", 2)[2]
        for para in (p.strip() for p in body.split("\n\n")):
            if not para:
                continue
            para = re.sub(r"^\[\d\d:\d\d:\d\d\]\s*", "", para)
            label, sep, rest = para.partition(": ")
            out.append((label, rest) if sep and len(label) < 30 else (None, para))
    elif path.suffix == ".docx":
        paras = [p for p in text.split("\n") if p.strip()]
        assert [p.split(":")[0] for p in paras[:5]] == list(DOCX_META)
        out = [tuple(p.split(": ", 1)) for p in paras[5:]]  # type: ignore[misc]
    elif path.suffix == ".srt":
        for block in text.strip().split("\n\n"):
            lines = block.split("\n")
            if lines[0].startswith("#"):
                continue
            label, _, rest = lines[2].partition(": ")
            out.append((label, rest))
    elif path.suffix == ".vtt":
        for voice, cue in re.findall(r"<v ([^>]+)>(.*?)</v>", text):
            if out and out[-1][0] == voice:
                out[-1] = (voice, out[-1][1] + " " + cue)
            else:
                out.append((voice, cue))
    return out


def read_csv(name: str) -> list[dict[str, str]]:
    with open(GOLD / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def docs() -> dict[str, Path]:
    return {p.stem: p for p in transcripts()}


@pytest.fixture(scope="module")
def codes() -> list[dict[str, str]]:
    return read_csv("codes.csv")


def test_four_transcripts_per_year_with_unique_stems(docs: dict[str, Path]) -> None:
    per_year = Counter(p.parent.name for p in docs.values())
    assert per_year == {year: 4 for year in YEARS}
    assert len(docs) == 12


def test_every_format_and_encoding_present() -> None:
    files = transcripts()
    assert {p.suffix for p in files} == FORMATS
    raw = {p.name: p.read_bytes() for p in files if p.suffix != ".docx"}
    assert any(b.startswith(b"\xef\xbb\xbf") for b in raw.values()), "UTF-8 met BOM ontbreekt"
    assert any(b"\r\n" in b for b in raw.values()), "CRLF ontbreekt"
    cp1252 = []
    for name, data in raw.items():
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            cp1252.append(name)
            text = data.decode("cp1252")
            assert all(ch in text for ch in "ëé’")
    assert len(cp1252) == 1


def test_metadata_in_every_file_matches_folder_and_csv(docs: dict[str, Path]) -> None:
    meta_csv = {row["file"]: row for row in csv.DictReader(open(INTERVIEWS / "metadata.csv", encoding="utf-8"))}
    for stem, path in docs.items():
        text = decode(path)
        if path.suffix in (".txt", ".md"):
            assert text.startswith("---\n")
            front = dict(re.findall(r"^(\w+): (.*)$", text.split("---\n")[1], re.M))
            meta = {k: front[k].strip('"') for k in ("year", "type", "wijk", "date")}
        elif path.suffix == ".docx":
            head = dict(p.split(": ", 1) for p in text.split("\n")[:5])
            meta = {"year": head["Jaar"], "type": head["Type"], "wijk": head["Wijk"], "date": head["Datum"]}
        else:
            line = re.search(r"^(?:NOTE|#) (year=.*)$", text, re.M)
            assert line, stem
            meta = dict(kv.split("=") for kv in line.group(1).split())
            row = meta_csv[f"{path.parent.name}/{path.name}"]
            assert {k: row[k] for k in meta} == meta, "metadata.csv spreekt het bestand tegen"
        assert meta["year"] == path.parent.name == stem[:4]
        assert meta["type"] in ("partnergroep", "wijk")
        assert meta["wijk"] in ("Helmond-West", "Helmond-Oost", "Binnenstad", "stad")
        assert meta["date"].startswith(meta["year"])
    for file in meta_csv:
        assert (INTERVIEWS / file).is_file()


def test_both_types_every_year_and_all_wijken(docs: dict[str, Path]) -> None:
    seen: dict[str, set[str]] = defaultdict(set)
    for stem in docs:
        seen[stem[:4]].add("partnergroep" if "_partnergroep_" in stem else "wijk")
    assert all(seen[y] == {"partnergroep", "wijk"} for y in YEARS)
    assert {"helmond-west", "helmond-oost", "binnenstad", "stad"} <= {s.split("_")[2] for s in docs}


def test_word_counts_between_600_and_1500(docs: dict[str, Path]) -> None:
    for stem, path in docs.items():
        words = sum(len(text.split()) for _, text in turns(path))
        assert 600 <= words <= 1500, (stem, words)


def test_one_monologue_without_labels(docs: dict[str, Path]) -> None:
    unlabelled = [s for s, p in docs.items() if all(label is None for label, _ in turns(p))]
    assert unlabelled == ["2025_wijk_helmond-west_oma"]


def test_vtt_has_consecutive_cues_of_one_voice(docs: dict[str, Path]) -> None:
    text = decode(docs["2026_partnergroep_stad"])
    assert "NOTE year=2026 type=partnergroep wijk=stad date=2026-03-12" in text
    voices = re.findall(r"<v ([^>]+)>", text)
    assert len(voices) > len(turns(docs["2026_partnergroep_stad"]))


def test_gold_codes_refer_to_existing_turns(docs: dict[str, Path], codes: list[dict[str, str]]) -> None:
    per_doc: dict[str, list[int]] = defaultdict(list)
    for row in codes:
        assert row["doc"] in docs
        assert row["coder"] == "gold"
        assert {t for t in row["themes"].split(";") if t} <= THEMES
        assert {t for t in row["lenses"].split(";") if t} <= LENSES
        per_doc[row["doc"]].append(int(row["turn"]))
    assert set(per_doc) == set(docs)
    for stem, indices in per_doc.items():
        assert indices == list(range(len(turns(docs[stem])))), stem


def test_designed_trend_and_coverage(codes: list[dict[str, str]]) -> None:
    share: dict[tuple[str, str], float] = {}
    for year in YEARS:
        rows = [r for r in codes if r["doc"].startswith(year)]
        for theme in THEMES:
            share[year, theme] = sum(theme in r["themes"].split(";") for r in rows) / len(rows)
            assert share[year, theme] > 0.05
        for lens in LENSES:
            assert any(lens in r["lenses"].split(";") for r in rows)
    assert share["2024", "school"] < 0.12 < share["2025", "school"] < 0.25 < 0.30 <= share["2026", "school"]
    grenzen = [share[y, "grenzen"] for y in YEARS]
    assert max(grenzen) - min(grenzen) < 0.06


def test_emergent_subject_absent_then_growing(docs: dict[str, Path]) -> None:
    hits: dict[str, Counter[str]] = defaultdict(Counter)
    for stem, path in docs.items():
        for _, text in turns(path):
            if EMERGENT_WORDS.search(text):
                hits[stem[:4]][stem] += 1
    assert not hits["2024"]
    assert 0 < sum(hits["2025"].values()) < 8
    assert sum(hits["2026"].values()) >= 12 and len(hits["2026"]) >= 3
    emergent = read_csv("emergent.csv")
    assert all(row["doc"] in docs for row in emergent)
    assert not any(row["doc"].startswith("2024") for row in emergent)


def test_pii_gold_occurs_in_its_document(docs: dict[str, Path]) -> None:
    rows = read_csv("pii.csv")
    categories = Counter()
    for row in rows:
        assert row["category"] in PII_CATEGORIES
        assert row["text"] in decode(docs[row["doc"]]), (row["doc"], row["category"])
        categories[row["category"]] += 1
    assert set(categories) == PII_CATEGORIES
    assert len({(r["doc"], r["category"], r["text"]) for r in rows}) == len(rows)
    labels = {label for p in docs.values() for label, _ in turns(p) if label}
    assert {"Sanne", "Sanne Verhoeven", "Fatima", "Agnieszka"} <= labels
    assert {"Sanne", "Sanne Verhoeven", "Fatima", "Agnieszka"} <= {r["text"] for r in rows}


def test_recurring_person_across_years() -> None:
    years = {r["doc"][:4] for r in read_csv("pii.csv") if r["text"].startswith("Bilal")}
    assert years == set(YEARS)


def test_keep_gold_occurs_and_is_not_pii(docs: dict[str, Path]) -> None:
    pii_texts = {r["text"] for r in read_csv("pii.csv")}
    rows = read_csv("keep.csv")
    assert len(rows) > 100
    for row in rows:
        assert row["text"] in decode(docs[row["doc"]]), row
        assert row["text"] not in pii_texts
    kept = {r["text"] for r in rows}
    assert {"Helmond-West", "Senzer", "woCom", "HALT", "VIOS", "#KansRIJK", "Rood-Wit '62"} <= kept


def test_interpretations_for_three_themes() -> None:
    present = {p.stem for p in (DEMO_DIR / "interpretatie").glob("*.md")}
    assert len(present) == 3 and present <= THEMES
    assert all((DEMO_DIR / "interpretatie" / f"{t}.md").read_text(encoding="utf-8").strip() for t in present)
