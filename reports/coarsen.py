"""Coarsen indirect identifiers in a (pseudonymised) quote before it is shared outside Helmond.

Decisions (documented in the shared edition's text too):
- pseudonym markers lose their number: "[Persoon 07]" -> "[persoon]", "[Adres 2]" -> "[adres]";
- the focus wijken -> "een wijk"; their buurten (Houtsdonk, Oud-West, 't Haagje, ...) -> "een buurt";
  extra place names from the settings -> "een plek";
- school names (the programme's schools, and "Kindcentrum/Basisschool/Praktijkschool/ROC/VSO X",
  "...college", "...lyceum") -> "een school";
- street names ("...straat", "...laan", "...weg", "...plein", ... with an optional house number)
  -> "een straat";
- exact ages ("15-jarige", "15 jaar oud", "van 15 jaar" for 8..27) -> age bands of the programme's
  target group: 8-11, 12-17, 18-23, 24-27 (younger/older: "jonger dan 8"/"ouder dan 27").
Partner organisations (politie, HALT, Senzer, woCom, ...) stay: they identify no person.
"""

from __future__ import annotations

import re
from typing import Iterable

WIJKEN: tuple[str, ...] = ("Helmond-West", "Helmond-Oost", "Binnenstad")
BUURTEN: tuple[str, ...] = ("Houtsdonk", "Oud-West", "Bloemenbuurt", "Straakven", "Beisterveldse Broek",
                            "Leonardus", "Heipoort", "Vossenberg", "Stationsgebied")
SCHOOLS: tuple[str, ...] = ("Kindcentrum Westwijzer", "VSO De Korenaer", "De Korenaer", "Korenaer",
                            "Praktijkschool Helmond", "ROC Ter AA", "Westwijzer")

_ARTICLE = r"(?:\b(?:[Dd]e|[Hh]et)\s+)?"
_SCHOOL_RE = re.compile(
    _ARTICLE + r"(?:\b(?:Kindcentrum|Basisschool|Praktijkschool|Scholengemeenschap|ROC|VSO|SBO|Montessorischool)"
    r"(?:\s+(?:[A-Z][\w'’-]*|de|De|ter|Ter|het|Het|AA|Aa)){1,3}"
    r"|\b[A-Z][\w.-]*(?:college|lyceum|school)\b)")
_STREET_RE = re.compile(
    _ARTICLE + r"\b[A-Z][a-zà-ÿ-]*(?:straat|laan|weg|plein|singel|dreef|kade|steeg|wal|dijk|hof)\b"
    r"(?:\s+\d+[a-zA-Z]?)?")
_MARKER_RE = re.compile(r"\[\s*([A-Za-zÀ-ÿ]+)[^\]]*\]")
_BARE_PERSON_RE = re.compile(r"\b[Pp]ersoon\s+\d+\b")
_HAAGJE_RE = re.compile(r"['’‘]t\s+Haagje\b")
_AGE_RES = (
    re.compile(r"\b(\d{1,2})(\s?-\s?|\s)(jarigen|jarige|jarig)\b"),
    re.compile(r"\b(\d{1,2})(\s)(jaar oud)\b"),
)
_VAN_AGE_RE = re.compile(r"\b(van|is|was|wordt|werd)(\s)(\d{1,2})(\s)(jaar)\b")


def age_band(age: int) -> str:
    """The programme's age band of an exact age."""
    if age < 8:
        return "jonger dan 8"
    for low, high in ((8, 11), (12, 17), (18, 23), (24, 27)):
        if low <= age <= high:
            return f"{low}–{high}"
    return "ouder dan 27"


def _names_re(names: Iterable[str]) -> re.Pattern[str] | None:
    names = sorted({n for n in names if n.strip()}, key=len, reverse=True)
    if not names:
        return None
    return re.compile(_ARTICLE + r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b", re.IGNORECASE)


def coarsen(text: str, places: Iterable[str] = ()) -> str:
    """Coarsen indirect identifiers in `text` (see the module docstring for the rules).

    Example:
        >>> coarsen("[Persoon 07] (15-jarige) woont in de Houtsdonk bij de Kerkstraat 12.")
        '[persoon] (12–17-jarige) woont in een buurt bij een straat.'
    """
    out = _names_re(SCHOOLS).sub("een school", text)
    out = _SCHOOL_RE.sub("een school", out)
    out = _STREET_RE.sub("een straat", out)
    out = _HAAGJE_RE.sub("een buurt", out)
    out = _names_re(WIJKEN).sub("een wijk", out)
    out = _names_re(BUURTEN).sub("een buurt", out)
    extra = _names_re(places)
    if extra is not None:
        out = extra.sub("een plek", out)
    out = _MARKER_RE.sub(lambda m: f"[{m.group(1).lower()}]", out)
    out = _BARE_PERSON_RE.sub("[persoon]", out)
    for pattern in _AGE_RES:
        out = pattern.sub(lambda m: age_band(int(m.group(1))) + ("-" if m.group(2).strip() == "-" else m.group(2))
                          + m.group(3), out)
    out = _VAN_AGE_RE.sub(lambda m: m.group(1) + m.group(2) + (age_band(int(m.group(3))) if 8 <= int(m.group(3)) <= 27
                                                               else m.group(3)) + m.group(4) + m.group(5), out)
    return out
