"""Segments table of the demo corpus for tests: one segment per turn, gold codes as coding.

Test helper only. The planted personal details (gold `pii.csv`) are replaced by bracketed markers,
so the table looks like the pseudonymised segments the topic and comparison stages receive.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

DEMO = Path(__file__).resolve().parents[2] / "narratief" / "demo"


def _mask(text: str, pii: list[str], number: dict[str, int]) -> str:
    for value in pii:
        n = number.setdefault(value, len(number) + 1)
        text = re.sub(r"(?<!\w)" + re.escape(value) + r"(?!\w)", f"[Persoon {n:02d}]", text)
    return text


def demo_segments() -> pd.DataFrame:
    """doc, turn, part, speaker, year, type, wijk, text, themes, lenses (gold codes)."""
    from interviews.corpus import read_corpus

    pii_table = pd.read_csv(DEMO / "gold" / "pii.csv", dtype=str)
    everyone = sorted(set(pii_table["text"]), key=lambda v: (-len(v), v))
    codes = pd.read_csv(DEMO / "gold" / "codes.csv", dtype={"doc": str}, keep_default_na=False)
    codes = codes.set_index(["doc", "turn"])
    number: dict[str, int] = {}
    rows = []
    for t in read_corpus(DEMO / "interviews").transcripts:
        for turn in t.turns:
            code = codes.loc[(t.doc, turn.index)] if (t.doc, turn.index) in codes.index else None
            speaker = turn.speaker
            if speaker is not None:
                speaker = _mask(speaker, everyone, number)
            rows.append({"doc": t.doc, "turn": turn.index, "part": 0, "speaker": speaker,
                         "year": t.meta.year, "type": t.meta.type, "wijk": t.meta.wijk,
                         "text": _mask(turn.text, everyone, number),
                         "themes": "" if code is None else code["themes"],
                         "lenses": "" if code is None else code["lenses"]})
    return pd.DataFrame(rows)


def emergent_turns() -> set[tuple[str, int]]:
    table = pd.read_csv(DEMO / "gold" / "emergent.csv", dtype={"doc": str})
    return {(d, int(t)) for d, t in zip(table["doc"], table["turn"])}


def theme_texts() -> dict[str, str]:
    """Theme prototypes from the default Helmond codebook: name, definition and examples."""
    from codebook.load import default_codebook_path, load_codebook

    book = load_codebook(default_codebook_path())
    return {c.id: " ".join([f"{c.name}: {c.definition}", *c.examples]) for c in book.themes}
