"""A meeting tool's notes above its transcript: a machine summary, nobody's speech.

Google Meet's "Take notes for me" writes one document with Gemini's notes first ("Notities van Gemini"
/ "Notes by Gemini": Samenvatting / Summary, Details, (Voorgestelde) volgende stappen / Suggested next
steps) and the transcript after them, under a heading "Transcript" (or "Transcriptie", or a title
ending in " - Transcript"). The notes hold colons ("Ouderavond: de deelnemers willen ...") and names,
so read as paragraphs they would become turns of people who never said them.

`notes_end` finds where such notes end: a paragraph that is a notes section title, and after it a
transcript heading. Everything up to that heading (and the short title and date lines right under it,
when another transcript heading follows among them) is left out; the transcript part is then read
with the usual layouts. A document without a notes section title above a transcript heading is read
whole, as before: a title "... - Transcript" on the first line has nothing above it to drop.

Example:
    >>> notes_end(["Notities van Gemini", "Samenvatting", "Er is gesproken over de wijk.",
    ...            "Transcript", "Anouk: Goedemiddag."])
    3
    >>> notes_end(["Transcript", "Anouk: Goedemiddag."]) is None
    True
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from interviews.readers.paragraphs import Para

# The section titles of a meeting tool's notes (Dutch and English interface), as whole paragraphs; an
# emoji, '#' or ':' around them is ignored.
_NOTES_SECTION = re.compile(
    r"^(?:samenvatting|summary|notities|notes|(?:voorgestelde\s+)?volgende\s+stappen|(?:suggested\s+)?next\s+steps)$",
    re.I)
# A title line that names Gemini's notes: "Overleg West - 2026/03/18 14:00 CET - Notities van Gemini".
_GEMINI_TITLE = re.compile(r"\b(?:notities|aantekeningen|notes)\s+(?:van|by|from)\s+gemini\b|\bgemini[-\s]notities\b", re.I)
# The transcript's heading: "Transcript", "Transcriptie", "📖 Transcript", "Overleg West - Transcript".
_TRANSCRIPT_HEADING = re.compile(r"^(?:.{1,150}?\s[-\u2013]\s)?(?:transcript|transcriptie)$", re.I)
_EDGES = re.compile(r"^[\W_]+|[\W_]+$")
_TITLE_LINES, _TITLE_WORDS = 4, 15


def _bare(text: str) -> str:
    return " ".join(_EDGES.sub("", text.strip()).split())


def notes_end(texts: Sequence[str]) -> int | None:
    """Index of the transcript heading that ends a meeting tool's notes, or None (no such notes).

    Args:
        texts: the document's paragraphs (or lines) in order, headings included.
    """
    bare = [_bare(text) for text in texts]
    first = next((i for i, text in enumerate(bare) if _NOTES_SECTION.match(text) or _GEMINI_TITLE.search(text)), None)
    if first is None:
        return None
    end = next((i for i in range(first + 1, len(bare)) if _TRANSCRIPT_HEADING.match(bare[i])), None)
    if end is None:
        return None
    # The transcript part's own title lines: "📖 Transcript", a date, "Overleg West - Transcript".
    for i in range(end + 1, min(end + 1 + _TITLE_LINES, len(bare))):
        if len(bare[i].split()) > _TITLE_WORDS:
            break
        if _TRANSCRIPT_HEADING.match(bare[i]):
            end = i
    return end


def drop_meeting_notes(paras: Sequence[Para]) -> tuple[list[Para], str]:
    """The paragraphs after a meeting tool's notes (see `notes_end`), and a note for the layout name.

    Paragraphs keep their numbers, so a turn's "line" is still its paragraph in the whole document.
    """
    end = notes_end([para.text for para in paras])
    if end is None:
        return list(paras), ""
    return list(paras[end + 1:]), NOTES_SKIPPED


NOTES_SKIPPED = "notities van de vergadertool (Gemini) overgeslagen; "
"""Put before the layout's name when the notes above the transcript were left out."""
