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
whole, as before: a title "... - Transcript" on the first line has nothing above it to drop. A document
that holds only Gemini's notes (titled so, no transcript heading after them) is refused (N116).

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

from interviews.readers.errors import InputError
from interviews.readers.paragraphs import Para

# The section titles of a meeting tool's notes (Dutch and English interface), as whole paragraphs; an
# emoji, '#' or ':' around them is ignored.
_NOTES_SECTION = re.compile(
    r"^(?:samenvatting|summary|notities|notes|(?:voorgestelde\s+)?volgende\s+stappen|(?:suggested\s+)?next\s+steps)$",
    re.I)
# A title line that names Gemini's notes: "Overleg West - 2026/03/18 14:00 CET - Notities van Gemini".
# It ends the paragraph: "Notities van Gemini" in speech ("... van Gemini gelezen?") is no title.
_GEMINI_TITLE = re.compile(r"(?:^|\s[-\u2013]\s)(?:(?:notities|aantekeningen|notes)\s+(?:van|by|from)\s+gemini"
                           r"|gemini[-\s]notities)$", re.I)
# The transcript's heading: "Transcript", "Transcriptie", "📖 Transcript", "Overleg West - Transcript".
_TRANSCRIPT_HEADING = re.compile(r"^(?:.{1,150}?\s[-\u2013]\s)?(?:transcript|transcriptie)$", re.I)
_EDGES = re.compile(r"^[\W_]+|[\W_]+$")
_TITLE_LINES, _TITLE_WORDS = 4, 15
_NOTES_TOP = 5  # Gemini's title stands among the first paragraphs of its notes


def _bare(text: str) -> str:
    return " ".join(_EDGES.sub("", text.strip()).split())


def notes_end(texts: Sequence[str]) -> int | None:
    """Index of the transcript heading that ends a meeting tool's notes, or None (no such notes).

    Args:
        texts: the document's paragraphs (or lines) in order, headings included.
    """
    bare = [_bare(text) for text in texts]
    first = next((i for i, text in enumerate(bare) if _NOTES_SECTION.match(text) or _gemini_title(text)), None)
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


def _gemini_title(text: str) -> bool:
    return len(text.split()) <= _TITLE_WORDS + 5 and bool(_GEMINI_TITLE.search(text))


def transcript_start(texts: Sequence[str], numbers: Sequence[int], source: str) -> int | None:
    """`notes_end`, refusing a document that holds only Gemini's notes (no transcript heading after them).

    Args:
        texts: the paragraphs (or lines) in order; numbers: their paragraph or line numbers.

    Raises:
        InputError: N116 when a paragraph near the top is titled "Notities van Gemini" / "Notes by
            Gemini" and no transcript heading follows: the notes would be read as speech.
    """
    end = notes_end(texts)
    if end is None:
        top = [i for i, text in enumerate(texts) if text.strip()][:_NOTES_TOP]
        title = next((i for i in top if _gemini_title(_bare(texts[i]))), None)
        if title is not None:
            raise InputError("N116", path=source, line=numbers[title], detail=(
                "dit zijn de notities van Gemini (een samenvatting door de vergadertool), zonder transcript; "
                "lever het transcript aan (het tabblad 'Transcript' van hetzelfde document)"))
    return end


def drop_meeting_notes(paras: Sequence[Para], source: str) -> tuple[list[Para], str]:
    """The paragraphs after a meeting tool's notes (see `transcript_start`), and a note for the layout name.

    Paragraphs keep their numbers, so a turn's "line" is still its paragraph in the whole document.

    Raises:
        InputError: N116 for Gemini's notes without a transcript.
    """
    end = transcript_start([para.text for para in paras], [para.number for para in paras], source)
    if end is None:
        return list(paras), ""
    return list(paras[end + 1:]), NOTES_SKIPPED


NOTES_SKIPPED = "notities van de vergadertool (Gemini) overgeslagen; "
"""Put before the layout's name when the notes above the transcript were left out."""
