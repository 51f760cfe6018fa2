"""Coarsen indirect identifiers in a (pseudonymised) quote before it is shared outside the municipality.

Decisions (documented in the shared edition's text too):
- pseudonym markers lose their number: "[Persoon 07]" -> "[persoon]", "[Adres 2]" -> "[adres]";
- the profile's focus wijken -> "een wijk", also by the short name people use for a wijk named after
  the municipality ("West" for "Helmond-West", not in "Oost-Europa"); their buurten -> "een buurt"; extra place names from
  the settings -> "een plek" (wijken, buurten and schools come from the municipality profile,
  `interviews.profiles`);
- school names (the profile's schools, and "Kindcentrum/Basisschool/Praktijkschool/ROC/VSO X",
  "...college", "...lyceum") -> "een school";
- street names (a capitalised word ending in one of the profile's street suffixes: "...straat",
  "...laan", ..., with an optional house number) -> "een straat";
- exact ages ("15-jarige", "15 jaar oud", "van 15 jaar" for 8..27) -> age bands of the programme's
  target group: 8-11, 12-17, 18-23, 24-27 (younger/older: "jonger dan 8"/"ouder dan 27").
Partner organisations (politie, HALT, ...) stay: they identify no person.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

from interviews.profiles import Profile, default_profile

_ARTICLE = r"(?:(?:\b[Dd]e|\b[Hh]et|['’‘]t)\s+)?"
_SCHOOL_RE = re.compile(
    _ARTICLE + r"(?:\b(?:Kindcentrum|Basisschool|Praktijkschool|Scholengemeenschap|ROC|VSO|SBO|Montessorischool)"
    r"(?:\s+(?:[A-Z][\w'’-]*|de|De|ter|Ter|het|Het|AA|Aa)){1,3}"
    r"|\b[A-Z][\w.-]*(?:college|lyceum|school)\b)")
_MARKER_RE = re.compile(r"\[\s*([A-Za-zÀ-ÿ]+)[^\]]*\]")
_BARE_PERSON_RE = re.compile(r"\b[Pp]ersoon\s+\d+\b")
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


@lru_cache(maxsize=None)
def _street_re(suffixes: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(_ARTICLE + r"\b[A-Z][a-zà-ÿ-]*(?:" + "|".join(map(re.escape, suffixes)) + r")\b"
                      r"(?:\s+\d+[a-zA-Z]?)?")


def _names_re(names: Iterable[str]) -> re.Pattern[str] | None:
    names = sorted({n for n in names if n.strip()}, key=len, reverse=True)
    if not names:
        return None
    # not the first part of a compound name ("Oost" in "Oost-Europa")
    return re.compile(_ARTICLE + r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b(?!-\w)", re.IGNORECASE)


def wijk_names(profile: Profile) -> tuple[str, ...]:
    """The focus wijken's names and the short names people use for those named after the
    municipality: "Helmond-West" -> also "West"."""
    prefix = re.compile(re.escape(profile.municipality) + r"[-\s]+", re.IGNORECASE)
    out = []
    for wijk in profile.wijken:
        out.append(wijk.name)
        short = prefix.sub("", wijk.name, count=1) if profile.municipality else wijk.name
        if short != wijk.name and len(short) >= 3:
            out.append(short)
    return tuple(out)


def coarsen(text: str, places: Iterable[str] = (), profile: Profile | None = None) -> str:
    """Coarsen indirect identifiers in `text` (see the module docstring for the rules).

    Args:
        text: a pseudonymised text.
        places: extra place names -> "een plek".
        profile: the municipality profile (wijken, buurten, schools, street suffixes); default:
            the default profile.

    Example:
        >>> coarsen("[Persoon 07] (15-jarige) woont in de Houtsdonk bij de Kerkstraat 12.")
        '[persoon] (12–17-jarige) woont in een buurt bij een straat.'
    """
    profile = profile or default_profile()
    out = text
    for names, replacement in ((profile.schools, "een school"), (wijk_names(profile), "een wijk"),
                               (profile.buurten, "een buurt")):
        pattern = _names_re(names)
        if pattern is not None:
            out = pattern.sub(replacement, out)
    out = _SCHOOL_RE.sub("een school", out)
    out = _street_re(profile.street_suffixes).sub("een straat", out)
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
