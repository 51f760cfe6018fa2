"""What participants said, as the chapter prints it: storylines with quotes, each quote used once.

`QuoteBook` keeps the quotes of one document: a segment (by address and by its normalised text) is
quoted at most once, and never when it is an interviewer turn, an introduction or too short
(`analysis.evidence`). Storylines come from `analysis.storylines`; without them the chapter falls
back to the comparison's quote table.
"""

from __future__ import annotations

import json
import re
from typing import Iterable

import pandas as pd

from analysis.evidence import evidence_mask
from analysis.storylines import heading
from reports.markdown import blockquote, escape

Address = tuple[str, int, int]
MACHINE_NOTE = ("De verhaallijnen zijn door narratief automatisch samengesteld uit wat deelnemers zeiden: een "
                "machinale samenvatting om te controleren, niet de duiding van de evaluator.")


def _norm(text: str) -> str:
    return re.sub(r"\W+", " ", str(text).lower()).strip()


def attribution(row: pd.Series | dict) -> str:
    """Quote attribution: document, interview type, wijk, year (never the speaker)."""
    return f"{row['doc']}, {row['type']}, {row['wijk']}, {int(row['year'])}"


class QuoteBook:
    """The quotes of one chapter: each segment at most once, only participants' evidence."""

    def __init__(self, segments: pd.DataFrame | None):
        self.used: set[Address] = set()
        self.used_text: set[str] = set()
        self.headings: set[str] = set()
        self.rows: dict[Address, dict] = {}
        self.allowed_text: set[str] | None = None
        if segments is not None and "text" in segments.columns:
            frame = segments.reset_index(drop=True)
            ok = evidence_mask(frame)
            for r, good in zip(frame.to_dict("records"), ok):
                self.rows[(str(r["doc"]), int(r["turn"]), int(r["part"]))] = {**r, "_ok": bool(good)}
            self.allowed_text = {_norm(r["text"]) for r in self.rows.values() if r["_ok"]}

    def usable(self, address: Address, text: str) -> bool:
        row = self.rows.get(address)
        if row is not None and not row["_ok"]:
            return False
        return address not in self.used and _norm(text) not in self.used_text and bool(_norm(text))

    def usable_text(self, text: str) -> bool:
        """For texts without an address (topic representatives): unused and a participant's evidence."""
        key = _norm(text)
        if not key or key in self.used_text:
            return False
        return self.allowed_text is None or key in self.allowed_text

    def take(self, address: Address, text: str) -> None:
        self.used.add(address)
        self.used_text.add(_norm(text))

    def take_text(self, text: str) -> None:
        self.used_text.add(_norm(text))

    def row(self, address: Address) -> dict | None:
        return self.rows.get(address)

    def pick(self, candidates: Iterable[dict], k: int) -> list[dict]:
        """Up to `k` unused candidates (dicts with doc, turn, part, text, ...), marking them used."""
        out = []
        for cand in candidates:
            if len(out) >= k:
                break
            address = (str(cand["doc"]), int(cand["turn"]), int(cand["part"]))
            if self.usable(address, cand["text"]):
                self.take(address, cand["text"])
                out.append(cand)
        return out


def _where(row: pd.Series) -> str:
    n = int(row["interviews"])
    types = [t for t in str(row["types"] or "").split(";") if t]
    wijken = [w for w in str(row["wijken"] or "").split(";") if w]
    parts = [f"{n} {'gesprek' if n == 1 else 'gesprekken'}"]
    if types:
        parts.append(", ".join(types))
    if wijken:
        parts.append(", ".join(wijken))
    return "genoemd in " + parts[0] + (" (" + "; ".join(parts[1:]) + ")" if parts[1:] else "")


def storyline_blocks(lines: pd.DataFrame, book: QuoteBook, max_lines: int = 3, level: str = "###") -> str:
    """Storylines of one theme x lens as Markdown: heading, where it came up, one or two quotes."""
    out = []
    for _, line in lines.sort_values("storyline").head(max_lines).iterrows():
        members = [tuple(m) for m in json.loads(line["members"])]
        rows = [book.row((str(d), int(t), int(p))) for d, t, p in members]
        rows = [r for r in rows if r is not None]
        # quote the members closest to the storyline's centre; the heading is the key sentence of the
        # first quote, never a heading used before
        quotes = book.pick(rows, 2 if int(line["segments"]) >= 3 else 1)
        if not quotes:
            continue  # everything it rests on is quoted elsewhere already: no heading without evidence
        terms_list = str(line["terms"] or "").split()
        title = heading(quotes[0]["text"], terms_list)
        if _norm(title) in book.headings:
            continue
        book.headings.add(_norm(title))
        terms = ", ".join(terms_list[:5])
        size = int(line["segments"])
        meta = f"{_where(line)}; {size} {'segment' if size == 1 else 'segmenten'}"
        block = [f"{level} {escape(title)}", f"_{escape(meta[:1].upper() + meta[1:])}" +
                 (f". Kernwoorden: {escape(terms)}._" if terms else "._")]
        block += [blockquote(q["text"], attribution(q)) for q in quotes]
        out.append("\n\n".join(block))
    return "\n\n".join(out)


def fallback_quotes(quotes: pd.DataFrame, book: QuoteBook, k: int = 2) -> str:
    """Quotes of the comparison's quote table (when there are no storylines), each used once."""
    picked = book.pick(quotes.sort_values("rank").to_dict("records"), k)
    return "\n\n".join(blockquote(q["text"], attribution(q)) for q in picked)
