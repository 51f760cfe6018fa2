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


def table(headers: Sequence[str], rows: Iterable[Sequence[object]], align: str | None = None,
          caption: str | None = None, widths: Sequence[int] | None = None) -> str:
    """A pipe table; `align` is one letter per column: l(eft), r(ight), c(enter); `widths` relative
    column widths (pandoc reads them from the dashes when a row is longer than a line).

    Cells are escaped; pass already formatted strings for numbers.
    """
    align = align or "l" * len(headers)
    widths = widths or [1] * len(headers)

    def mark(a: str, w: int) -> str:
        dashes = "-" * (3 * w)
        return {"l": f":{dashes}", "r": f"{dashes}:", "c": f":{dashes}:"}[a]

    lines = ["| " + " | ".join(escape(h) for h in headers) + " |",
             "|" + "|".join(mark(a, w) for a, w in zip(align, widths)) + "|"]
    for row in rows:
        lines.append("| " + " | ".join(escape(c) for c in row) + " |")
    if len(lines) == 2:
        return "_Geen gegevens._"
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
