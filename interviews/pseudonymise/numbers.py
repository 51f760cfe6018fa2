"""Dutch number words: a small parser for cardinals and ordinals (0-999), written from the grammar.

Dutch writes numbers as one word: units before tens joined by "en" ("eenentwintig"; "ën" after a
vowel that would otherwise merge, "drieëntwintig", "tweeënveertig"), hundreds in front
("honderdzestien", "tweehonderd"). Ordinals add "-de" or "-ste" ("twaalfde", "twintigste",
"eerste", "achtste"). Digits are accepted too ("16", "16e", "16de").

    >>> parse_number("drieëntwintig"), parse_number("eenenzeventig"), parse_number("zestien")
    (23, 71, 16)
    >>> parse_ordinal("twaalfde"), parse_ordinal("21ste")
    (12, 21)
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_UNITS = {
    "nul": 0, "een": 1, "één": 1, "eén": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6,
    "zeven": 7, "acht": 8, "negen": 9,
}
_TEENS = {
    "tien": 10, "elf": 11, "twaalf": 12, "dertien": 13, "veertien": 14, "vijftien": 15,
    "zestien": 16, "zeventien": 17, "achttien": 18, "negentien": 19,
}
_TENS = {
    "twintig": 20, "dertig": 30, "veertig": 40, "vijftig": 50, "zestig": 60, "zeventig": 70,
    "tachtig": 80, "negentig": 90,
}
# ordinal stems that differ from the cardinal
_ORDINAL_IRREGULAR = {"eerste": 1, "derde": 3, "achtste": 8}


def _fold(word: str) -> str:
    """Lower case; the trema of "drieën" kept as a separator, other accents removed (één -> een)."""
    word = word.casefold().replace("ë", "\0")
    word = "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))
    return word.replace("\0", "ë")


@lru_cache(maxsize=4096)
def parse_number(word: str) -> int | None:
    """The value of a Dutch cardinal written in digits or in words (0-999); None otherwise."""
    word = word.strip()
    if word.isdigit():
        return int(word) if len(word) <= 3 else None
    return _below_thousand(_fold(word))


def _below_thousand(w: str) -> int | None:
    if not w:
        return None
    if "honderd" in w:
        head, _, tail = w.partition("honderd")
        hundreds = 1 if head == "" else _UNITS.get(head)
        if hundreds is None or hundreds == 0:
            return None
        if tail == "":
            return hundreds * 100
        if tail.startswith("en") and _below_hundred(tail[2:]) is not None and len(tail) > 2:
            rest = _below_hundred(tail[2:])  # "honderdentien"
        else:
            rest = _below_hundred(tail)
        return None if rest is None or rest == 0 else hundreds * 100 + rest
    return _below_hundred(w)


def _below_hundred(w: str) -> int | None:
    if w in _UNITS:
        return _UNITS[w]
    if w in _TEENS:
        return _TEENS[w]
    if w in _TENS:
        return _TENS[w]
    for tens_word, tens in _TENS.items():
        if w.endswith(tens_word):
            unit_part = w[: -len(tens_word)]
            for joiner in ("ën", "en"):
                if unit_part.endswith(joiner):
                    unit = _UNITS.get(unit_part[: -len(joiner)])
                    if unit and unit > 0:
                        return tens + unit
    return None


_ORDINAL_DIGITS = re.compile(r"(\d{1,3})(?:e|de|ste)")


@lru_cache(maxsize=4096)
def parse_ordinal(word: str) -> int | None:
    """The value of a Dutch ordinal ("twaalfde", "eenentwintigste", "16e", "16de"); None otherwise."""
    w = _fold(word.strip())
    m = _ORDINAL_DIGITS.fullmatch(w)
    if m:
        return int(m.group(1))
    for irregular, value in _ORDINAL_IRREGULAR.items():
        if w == irregular:
            return value
    for suffix in ("ste", "de"):
        if w.endswith(suffix):
            value = _below_thousand(w[: -len(suffix)])
            if value is not None and value > 0:
                return value
    return None


SPELLED_NUMBER = (
    r"(?:[a-zë]*?(?:nul|een|één|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|"
    r"dertien|veertien|vijftien|zestien|zeventien|achttien|negentien|twintig|dertig|veertig|vijftig|"
    r"zestig|zeventig|tachtig|negentig|honderd))"
)
"""A regex fragment that matches a candidate number word (a word ending in a number stem)."""
NUMBER_WORD = rf"(?:\d{{1,3}}|{SPELLED_NUMBER})"
"""A regex fragment that matches a candidate number (digits or a word ending in a number stem);
`parse_number` validates it."""


def is_year(text: str) -> bool:
    """A bare year ("2009"): written by the product itself (titles, tables), so never a key entry,
    and never a case number."""
    return re.fullmatch(r"\s*(?:19|20)\d{2}\s*", text) is not None
