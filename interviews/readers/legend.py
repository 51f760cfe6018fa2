"""A speaker legend above a typed transcript: `Legenda:` / `I = interviewer` / `R1 = moeder`.

Qualitative researchers put a key of the speaker codes above the transcript. Its lines are not
anybody's speech, and a legend line read as a turn would also make `Legenda:` the speaker of the
next paragraph. `drop_legend` takes the legend (and the short title lines above it) off the front of
a document's paragraphs; the caller says in the layout text how many lines were left out. The codes
stay as written in the turns (`I`, `R1`): the legend is not applied, so no name or role from it
reaches the turns.

A legend is recognised only when all of this holds:
- at least two consecutive `code = who` lines (or one line `Legenda: I = interviewer, R1 = moeder`),
  each code label-shaped (`labels.is_candidate`), before the first paragraph that starts with a label;
  right under a heading (`Legenda:`, `Sprekers:`) also `code: who` lines whose description is short
  (at most four words, no sentence end: `R1: moeder`);
- at least one of its codes is used as a speaker label further on;
- what stands above it is short (a title, a date): at most three paragraphs of at most 25 words.
A code given twice with different meanings is an error (N120), not a guess.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from interviews.readers.errors import InputError
from interviews.readers.labels import Block, Line, is_candidate, split_prefix

# "I = interviewer", "R1 = moeder (42)", "Int. = Anouk (jongerenwerk)"
_ENTRY = re.compile(r"^\s*(?P<code>[^\s=:][^=:\n]{0,30}?)\s*=\s*(?P<who>\S[^=\n]{0,80})$")
# "Legenda", "Legenda:", "Sprekers:", "Legend:"; optionally followed by entries on the same line.
_HEADING = re.compile(r"^\s*(?:legenda|legend|sprekers|speakers|afkortingen|codes)\s*(?::\s*(?P<rest>.*))?$",
                      re.IGNORECASE)
_MAX_ABOVE, _ABOVE_WORDS = 3, 25


def _entries(text: str) -> list[tuple[str, str]] | None:
    """The (code, who) pairs of one legend line, or None when the line is no legend line."""
    parts = [part for part in re.split(r"\s*[;,]\s*(?=[^=,;]{1,30}=)", text.strip()) if part]
    found = [_ENTRY.match(part) for part in parts]
    if not found or not all(found):
        return None
    pairs = [(" ".join(m.group("code").split()), m.group("who").strip().rstrip(",;")) for m in found if m]
    return pairs if all(is_candidate(code) and len(code.split()) <= 3 for code, _ in pairs) else None


def _colon_entry(text: str) -> list[tuple[str, str]] | None:
    """A legend line written with a colon, "R1: moeder (42)": a label and a short description (at most four
    words, no sentence end), as speech never is right under a heading "Legenda:"."""
    prefix = split_prefix(text)
    who = prefix.text.strip()
    if prefix.label is None or prefix.timestamp is not None or not who or len(who.split()) > 4 \
            or who.endswith(("?", "!", ".", "\u2026")) or len(prefix.label.split()) > 3:
        return None
    return [(prefix.label, who)]


def drop_legend(blocks: Sequence[Block], source: str) -> tuple[list[Block], int]:
    """The paragraphs without a leading speaker legend (and the title above it), and how many lines went.

    Raises:
        InputError: N120 when the legend gives one code two different meanings.
    """
    lines = [(b, line) for b, block in enumerate(blocks[:12]) for line in block.lines]
    legend: list[tuple[int, Line, list[tuple[str, str]]]] = []
    heading: int | None = None
    for b, line in lines:
        head = _HEADING.match(line.text)
        pairs = _entries(head.group("rest") or "") if head and head.group("rest") else _entries(line.text)
        if pairs is None and heading is not None and (legend or b <= heading + 1):
            pairs = _colon_entry(line.text)  # under a heading "Legenda:" also "I: interviewer"
        if pairs is not None:
            legend.append((b, line, pairs))
            continue
        if legend:
            break
        if head:
            heading = b
            continue
        if split_prefix(line.text).label is not None:
            return list(blocks), 0  # the transcript starts before any legend
    entries = [pair for _, _, pairs in legend for pair in pairs]
    if len(entries) < 2 or (len(legend) < 2 and heading is None and not _HEADING.match(legend[0][1].text)):
        return list(blocks), 0
    first, last = legend[0][0] if heading is None else heading, legend[-1][0]
    if first > _MAX_ABOVE or any(len(line.text.split()) > _ABOVE_WORDS for block in blocks[:first]
                                 for line in block.lines):
        return list(blocks), 0
    last_line = legend[-1][1].number
    rest = [Block(tuple(line for line in block.lines if line.number > last_line), block.label) if b == last
            else block for b, block in enumerate(blocks) if b >= last]
    rest = [block for block in rest if block.lines]
    codes = {code for code, _ in entries}
    if not any(split_prefix(line.text).label in codes or block.label in codes for block in rest for line in block.lines):
        return list(blocks), 0
    meaning: dict[str, tuple[str, int]] = {}
    for _, line, pairs in legend:
        for code, who in pairs:
            known = meaning.setdefault(code, (who, line.number))
            if known[0].lower() != who.lower():
                raise InputError("N120", path=source, line=line.number, detail=(
                    f"de legenda noemt code '{code}' twee keer (ook op regel {known[1]}) met een andere "
                    "betekenis; geef elke spreker een eigen code"))
    dropped = sum(len(block.lines) for block in blocks[:last]) + sum(
        1 for line in blocks[last].lines if line.number <= last_line)
    return rest, dropped
