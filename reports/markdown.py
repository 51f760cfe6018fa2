"""Small Markdown builders in the subset that Quarto and plain pandoc render alike.

Text from the data (quotes, names, interpretations) is escaped so that it cannot turn into
markup, citations (`@x`), math (`$`), Quarto shortcodes (`{{< >}}`) or raw HTML.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterable, Sequence

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~^$@])")


def escape(text: object) -> str:
    """Escape a data value for inline Markdown; newlines and runs of spaces become one space."""
    flat = " ".join(str(text).split())
    escaped = _SPECIAL.sub(r"\\\1", flat)
    # a leading list / heading marker would start a block
    if re.match(r"\d+[.)](\s|$)", escaped):
        return re.sub(r"^(\d+)([.)])", r"\1\\\2", escaped)
    if escaped[:1] in ("-", "+", "="):
        return "\\" + escaped
    return escaped


PANDOC_COLUMNS = 72  # pandoc's --columns: a longer source line makes a table take the page width
LINE_CHARACTERS = 85  # about what one line of a table holds on A4 (body font, margins)
CELL_PADDING = 2  # characters a cell's padding takes
HEADER_BOLD = 1.15  # a bold header word is about this much wider than the same word in a cell


def column_widths(headers: Sequence[str], rows: Sequence[Sequence[str]],
                  widths: Sequence[float] | None = None) -> list[int]:
    """Relative column widths in characters (the number of dashes pandoc reads) such that no column
    is narrower than its longest word (a word does not wrap; a wider one would print over its
    neighbour), in the proportions of `widths` where given, else by how much text each column holds."""
    columns = list(zip(*rows)) if rows else [()] * len(headers)

    def longest(words: Iterable[str], factor: float = 1.0) -> float:
        return max((len(w) * factor for w in words), default=0.0)

    need = [max(longest(str(h).split(), HEADER_BOLD), longest(w for c in col for w in str(c).split()))
            + CELL_PADDING for h, col in zip(headers, columns)]
    if widths is None:  # by the text a column holds: long texts wrap, short values stay narrow
        widths = [max(n, min(max((len(str(c)) for c in col), default=0), 60) / 3) for n, col in zip(need, columns)]
    share = [LINE_CHARACTERS * w / sum(widths) for w in widths]
    fixed = [False] * len(share)
    while True:  # columns below their longest word get it; the others share what is left
        short = [i for i, (s, n) in enumerate(zip(share, need)) if s < n and not fixed[i]]
        if not short:
            break
        for i in short:
            share[i], fixed[i] = need[i], True
        free = [i for i in range(len(share)) if not fixed[i]]
        left = LINE_CHARACTERS - sum(share[i] for i in range(len(share)) if fixed[i])
        if not free or left <= 0:
            break
        total = sum(widths[i] for i in free)
        for i in free:
            share[i] = left * widths[i] / total
    return [max(3, round(s)) for s in share]


def table(headers: Sequence[str], rows: Iterable[Sequence[object]], align: str | None = None,
          caption: str | None = None, widths: Sequence[float] | None = None) -> str:
    """A pipe table; `align` is one letter per column: l(eft), r(ight), c(enter); `widths` relative
    column widths (pandoc reads them from the dashes when a row is longer than a line), never
    narrower than a column's longest word (`column_widths`).

    Cells are escaped; pass already formatted strings for numbers.
    """
    align = align or "l" * len(headers)
    cells = [[escape(c) for c in row] for row in rows]
    if not cells:
        return "_Geen gegevens._"
    lines = ["| " + " | ".join(escape(h) for h in headers) + " |"] + ["| " + " | ".join(row) + " |" for row in cells]
    if max(len(line) for line in lines) > PANDOC_COLUMNS:  # pandoc wraps cells and reads widths from the dashes
        plain = [[c.replace("\\", "") for c in row] for row in cells]
        dashes = column_widths(headers, plain, widths)
    else:  # every row fits on a line: pandoc sizes the columns to their text
        dashes = [3 * round(w) for w in (widths or [1] * len(headers))]
    marks = {"l": ":{}", "r": "{}:", "c": ":{}:"}
    lines.insert(1, "|" + "|".join(marks[a].format("-" * w) for a, w in zip(align, dashes)) + "|")
    if caption:
        lines += ["", ": " + escape(caption)]
    return "\n".join(lines)


def blockquote(text: str, attribution: str) -> str:
    """A quote as a block quote with an attribution line."""
    return f"> {escape(text)}\n>\n> — {escape(attribution)}"


def figure(path: str, caption: str, alt: str) -> str:
    """An image as a figure; `fig-alt` for Quarto, `alt` for pandoc (HTML/DOCX)."""
    alt_attr = alt.replace("\\", "").replace('"', "'")
    return f'![{escape(caption)}]({path}){{fig-alt="{alt_attr}" alt="{alt_attr}"}}'


def demote_headings(markdown: str, levels: int = 2) -> str:
    """Push the evaluator's own headings down so they nest inside a theme section."""
    return re.sub(r"(?m)^(#{1,6})(\s)", lambda m: "#" * min(6, len(m.group(1)) + levels) + m.group(2),
                  markdown)
