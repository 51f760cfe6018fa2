"""Dates of birth in the forms Dutch speakers use, tied to a person by a cue.

Pattern: a date in any common form - "13-02-2008", "13/2/08", "13 februari 2008", "dertien
februari 2008", "twee april tweeduizend negen", "de 13e februari", "februari 2008", or a bare
year ("2009") where the cue is explicit. Cues: "geboren (op|in)", "geboortedatum", "jarig (op)",
"verjaardag", "... is (hij) geboren" after the date (after a date with a month also "...
geboren"), and "is van <date>" / "<age>, van <date>" (a person "is of" a date).
Validate: a real calendar date whose year (when given) lies before the interview year minus
`MIN_AGE_AT_INTERVIEW`, so "het plan is van mei 2024" in a 2024 interview is not a birth date;
a later whole date (day, month, year, not after the interview year) only after "geboren" or a
person "is van" ("die is van 3-2-2024": a baby).
"""

from __future__ import annotations

import re

from .findings import Span
from .numbers import parse_number, parse_ordinal

MIN_AGE_AT_INTERVIEW = 4
_MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "maart": 3, "mrt": 3, "april": 4, "apr": 4,
    "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "augustus": 8, "aug": 8, "september": 9,
    "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
_FULL_MONTHS = frozenset(m for m in _MONTHS if len(m) > 4 or m in {"mei", "juni", "juli"})
_MONTH = "(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY_WORD = r"(?:[a-zë]*?(?:een|één|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|twintig|dertig)(?:de|ste)?|eerste|derde|achtste)"
_YEAR_UNIT = r"[a-zë]*?(?:een|één|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|tig)"
_YEAR = (
    r"(?:19|20)\d{2}|'\d{2}"
    rf"|tweeduizend(?:[ \t]*(?:en[ \t]*)?{_YEAR_UNIT})?"  # a year in words: "tweeduizend negen", "tweeduizend en elf"
    rf"|negentien[ \t]*(?:honderd[ \t]*(?:en[ \t]*)?)?{_YEAR_UNIT}"  # "negentien achtennegentig"
)
DATE_PATTERN = (
    r"(?:(?P<d>\d{1,2})[-/.](?P<m>\d{1,2})[-/.](?P<y>(?:19|20)?\d{2})"
    rf"|(?:de\s+)?(?P<dw>\d{{1,2}}(?:e|de|ste)?|{_DAY_WORD})\s+(?P<mw>{_MONTH})(?:\s+(?P<yw>{_YEAR}))?"
    rf"|(?P<mo>{_MONTH})\s+(?P<yo>{_YEAR}))"
)
_DATE = re.compile(rf"(?<![\w-]){DATE_PATTERN}(?![\w-])", re.IGNORECASE)
# a year alone, also abbreviated with an apostrophe ("geboren in '51"; only after a birth cue, like every year here)
_YEAR_ONLY = re.compile(r"(?<![\w-])(?P<y>(?:19|20)\d{2}|['\u2019]\d{2})(?![\w-])")
_CUE_BEFORE = re.compile(
    r"\b(?:geboren|geb\.|geboortedatum|geboortedag|geboortejaar|jarig|verjaardag|verjaart)(?!\w)[^.!?\n]{0,25}$",
    re.IGNORECASE,
)
_YEAR_CUE_BEFORE = re.compile(r"\b(?:geboren|geboortejaar|geb\.)\s*(?:in|is|:)?\s*(?:het\s+jaar\s+)?$", re.IGNORECASE)
_CUE_AFTER = re.compile(r"\s*,?\s*(?:is|was|werd|ben)[- ]?(?:ie|hij|zij|ze|ik)?\s+geboren\b", re.IGNORECASE)
# after a date with a month, "geboren" alone is a cue too ("hij is op 3 mei 2010 geboren"); after a
# bare year it is not ("de in 2012 geboren kinderen" is a cohort)
_CUE_AFTER_DATE = re.compile(r"\s*,?\s*(?:(?:is|was|werd|ben)[- ]?(?:ie|hij|zij|ze|ik)?\s+)?geboren\b", re.IGNORECASE)
_IS_VAN = re.compile(r"(?:\b(?:is|was|ben)|-ie|\bjaar\s*,|\w+\s*,)\s+van\s+$", re.IGNORECASE)
# a person is of a whole date: "die is van 3-2-2024", "ons kleintje is van 12 mei 2025"; then a baby's
# date counts too (a plan "is van mei 2024" has no day, and no person subject)
_PERSON_IS_VAN = re.compile(
    r"(?:\b(?:die|hij|zij|ze|ik|jij|kleine|kleintje|baby|jongste|zoon(?:tje)?|dochter(?:tje)?)\s+(?:is|was|ben)|\bben\s+ik|-ie)\s+van\s+$",
    re.IGNORECASE,
)


def _spelled_year(text: str) -> int | None:
    """A year said in words: "tweeduizend negen", "tweeduizend en elf", "negentien achtennegentig"."""
    words = re.sub(r"\ben\b", " ", text.casefold().replace("tweeduizend", "tweeduizend ")).split()
    if words[0].startswith("tweeduizend"):
        rest = parse_number("".join(words[1:])) if len(words) > 1 else 0
        return None if rest is None or rest > 99 else 2000 + rest
    rest = "".join(words[1:]).removeprefix("honderd")
    tail = parse_number(rest) if rest else None
    return None if tail is None or tail > 99 else 1900 + tail


def _year(text: str | None) -> int | None:
    if not text:
        return None
    if text[:1].isalpha():
        return _spelled_year(text)
    if text.startswith("'"):
        value = int(text[1:])
        return 2000 + value if value <= 30 else 1900 + value
    value = int(text)
    if value < 100:
        return 2000 + value if value <= 30 else 1900 + value
    return value


def _parse(m: re.Match[str]) -> tuple[int | None, int, int | None] | None:
    """(day, month, year) of a date match, or None when it is no calendar date."""
    g = m.groupdict()
    if g["d"]:
        day, month, year = int(g["d"]), int(g["m"]), _year(g["y"])
    elif g["mw"]:
        raw_day = g["dw"]
        day = parse_number(raw_day) if raw_day.isdigit() else (parse_ordinal(raw_day) or parse_number(raw_day))
        if day is None:
            day = parse_ordinal(raw_day)
        if day is None:
            return None
        month, year = _MONTHS[g["mw"].rstrip(".").casefold()], _year(g["yw"])
    else:
        day, month, year = None, _MONTHS[g["mo"].rstrip(".").casefold()], _year(g["yo"])
    if day is not None and not 1 <= day <= 31:
        return None
    if not 1 <= month <= 12:
        return None
    return day, month, year


def find_birthdates(text: str, interview_year: int | None = None) -> list[Span]:
    """Dates of birth in `text` (see the module doc).

    Args:
        text: one turn's text.
        interview_year: the transcript's year; a birth year must lie at least
            `MIN_AGE_AT_INTERVIEW` years before it (None: only the cue decides).
    """
    out: list[Span] = []
    latest = (interview_year - MIN_AGE_AT_INTERVIEW) if interview_year else None
    taken: list[tuple[int, int]] = []
    for m in _DATE.finditer(text):
        parsed = _parse(m)
        if parsed is None:
            continue
        day, month, year = parsed
        before = text[max(0, m.start() - 40) : m.start()]
        # a young child's date: an explicit cue or "<person> is van <day month year>" (not in the future)
        young = (year is not None and day is not None and interview_year is not None and year <= interview_year
                 and bool(_CUE_BEFORE.search(before) or _PERSON_IS_VAN.search(before)))
        if year is not None and (year < 1900 or (latest is not None and year > latest and not young)):
            continue
        cue = _CUE_BEFORE.search(before) or _CUE_AFTER_DATE.match(text, m.end())
        is_van = _IS_VAN.search(before) and year is not None
        if cue or is_van:
            end = m.end()
            month = m.group("mw") or m.group("mo") or ""
            if month.endswith(".") and month.rstrip(".").casefold() in _FULL_MONTHS:
                end -= 1  # the full stop ends the sentence, it is no abbreviation
            out.append(Span(m.start(), end, "geboortedatum", 0.85, "geboortedatum"))
            taken.append((m.start(), end))
    for m in _YEAR_ONLY.finditer(text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        year = _year(m.group("y").replace("\u2019", "'"))
        if latest is not None and year > latest:
            continue
        before = text[max(0, m.start() - 30) : m.start()]
        if _YEAR_CUE_BEFORE.search(before) or _CUE_AFTER.match(text, m.end()):
            out.append(Span(m.start(), m.end(), "geboortedatum", 0.8, "geboortejaar"))
    return out


def birth_year(text: str) -> int | None:
    """The year in a birth-date finding text, if it has one."""
    m = re.search(r"(?:19|20)\d{2}", text)
    if m:
        return int(m.group())
    m = re.search(r"\d{1,2}[-/.]\d{1,2}[-/.](\d{2})\b", text)
    return _year(m.group(1)) if m else None


def render_birthdate(text: str, label: str, band: int = 0) -> str:
    """The replacement: "[Geboortedatum]", or with `band` > 0 the birth-year band "[geboren 2005-2009]"."""
    year = birth_year(text) if band > 0 else None
    if year is None:
        return f"[{label}]"
    low = year - year % band
    return f"[geboren {low}-{low + band - 1}]"
