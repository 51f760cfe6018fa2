"""Protected vocabulary: what the analysis needs and is never redacted unless a user denies it.

Generic Dutch role words (here) and the municipality profile's names - wijken, buurten, places,
schools, partners, interventions, terms never to pseudonymise (`interviews.profiles`) - plus any
extra terms passed in (every codebook keyword, the workspace allow list). Organisation names not on the list are recognised by their form
("...college", "Sint-Joris College", "Basisschool ...", "Stichting ...").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from interviews.profiles import Profile, default_profile

ROLES: tuple[str, ...] = (
    "wijkagent", "jeugdagent", "agent", "politieagent", "wijkbeheerder", "jongerenwerker",
    "leerplichtambtenaar", "leerkracht", "docent", "mentor", "directeur", "coördinator",
    "coordinator", "zorgcoördinator", "interviewer", "gespreksleider", "notulist", "moderator",
    "respondent", "deelnemer", "bewoner", "buurtbewoner", "ouder", "moeder", "vader", "jongere",
    "jeugdcoach", "BOA", "jeugd-BOA", "wijk-BOA", "casusregisseur", "programmamanager",
    "beleidsmedewerker", "beleidsadviseur", "wethouder", "burgemeester", "reclasseringswerker",
    "officier", "officier van justitie", "hulpverlener", "maatschappelijk werker",
    "verbindingsofficier", "re-integratieofficier", "RIO", "spreker", "onbekend", "student",
    "onderzoeker", "trainer", "coach", "schoolmaatschappelijk werker", "wijkcoach",
    "ambtenaar", "medewerker", "voorzitter", "teamleider", "procesregisseur",
)

# Words that make a capitalised sequence an organisation (kept), not a person.
_ORG_HEAD = (
    r"College|Lyceum|Gymnasium|Academie|School|Scholengemeenschap|Kindcentrum|Basisschool|"
    r"Praktijkschool|Stichting|Vereniging|Sportclub|Woningcorporatie|Gemeente|Ziekenhuis|Kliniek|"
    r"Buurthuis|Wijkhuis|Moskee|Kerk|ROC|VSO|MBO|SBO|BV|B\.V\.|"
    # shops and firms, often named after their owner ("Bakkerij <surname>"): the shop's name is public
    r"Bakkerij|Slagerij|Kapsalon|Barbershop|Autobedrijf|Snackbar|Cafetaria|Frituur|Eetcafé|Supermarkt|"
    r"Fietsenwinkel|Bloemenwinkel|Drogisterij|Apotheek|Rijschool|Installatiebedrijf|Bouwbedrijf|Schildersbedrijf|"
    r"Klusbedrijf|Schoonheidssalon|Nagelstudio|Groentewinkel|Viswinkel|Juwelier|Opticien|Tandartspraktijk"
)
_CAP = r"(?:[A-Z\u00C0-\u00DE][\w'\u2019-]*|'t|de|van|der|den|ter|ten|het|voor|en)"
# School heads that close a name written apart ("Pieter Zeeman College", "Sint-Joris Lyceum"):
# only these, since a person's name before "Gemeente" or "School" ("Sem Jansen School ...") is still
# a person
_ORG_TAIL = r"College|Lyceum|Gymnasium|Academie|Scholengemeenschap"
# A head closing a compound ("Brandevoortschool", "Sint-Jozefkerk"): the words, not the abbreviations
# in lower case ("Jumbo" ends in "mbo", "Rambo" too: no organisation)
_ORG_HEAD_IN_COMPOUND = "|".join(h.lower() for h in _ORG_HEAD.split("|") if not h.replace(".", "").isupper())
_ORG_RES = (
    re.compile(rf"\b(?:{_ORG_HEAD})[ \t]+(?:{_CAP}[ \t]+){{0,3}}[A-Z0-9\u00C0-\u00DE][\w'-]*"),
    re.compile(rf"\b(?:{_CAP}[ \t]+){{0,3}}[A-Z][\w'-]*(?:{_ORG_HEAD_IN_COMPOUND}|{_ORG_HEAD})\b"),
    re.compile(rf"(?<![\w'-])[A-Z\u00C0-\u00DE][\w'\u2019-]*[ \t]+(?:{_CAP}[ \t]+){{0,3}}(?:{_ORG_TAIL})\b"),
)


def default_terms(profile: Profile | None = None) -> set[str]:
    """Every built-in protected term: the profile's names (default: the default profile) and roles."""
    return (profile or default_profile()).protected_terms() | set(ROLES)


ROLE_SUFFIXES: tuple[str, ...] = (
    "agent", "werker", "coach", "medewerker", "ambtenaar", "officier", "docent", "leider",
    "regisseur", "boa", "adviseur", "manager", "directeur", "mentor", "consulent", "begeleider",
    "hulpverlener", "bewoner", "coördinator", "coordinator", "voorzitter", "wethouder",
    "onderzoeker", "interviewer", "deelnemer", "leerkracht", "trainer", "ouder", "moeder", "vader",
)


def is_role(word: str) -> bool:
    """True for a role word or a compound ending in one ("Schoolcoördinator", "jeugdwerker")."""
    low = word.casefold().strip(".,:;()")
    return low in role_words() or low.endswith(ROLE_SUFFIXES)


@lru_cache(maxsize=1)
def role_words() -> frozenset[str]:
    """Lower-case role words: a speaker label made only of these (and numbers) stays as it is."""
    return frozenset(r.casefold() for r in ROLES)


@dataclass(frozen=True)
class ProtectedVocabulary:
    """A compiled matcher for protected terms.

    Args:
        terms: terms to protect; matched case-insensitively on word boundaries.

    Example:
        >>> vocab = ProtectedVocabulary.build({"Senzer"})
        >>> vocab.spans("Ze werkt bij Senzer.")
        [(13, 19)]
    """

    pattern: re.Pattern[str] | None
    terms: frozenset[str] = frozenset()  # what `pattern` matches (empty for a pattern made by hand)

    @classmethod
    def build(cls, extra: Iterable[str] = (), *, include_defaults: bool = True,
              profile: Profile | None = None) -> "ProtectedVocabulary":
        terms = {t.strip() for t in extra if t and t.strip()}
        if include_defaults:
            terms |= default_terms(profile)
        if not terms:
            return cls(None)
        alts = "|".join(re.escape(t) for t in sorted(terms, key=lambda t: (-len(t), t)))  # stable across runs
        return cls(re.compile(rf"(?<![\w@#])(?:{alts})(?![\w])", re.IGNORECASE), frozenset(terms))

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Character spans of protected terms and organisation-like names in `text`."""
        out: list[tuple[int, int]] = []
        if self.pattern is not None:
            out.extend(m.span() for m in self.pattern.finditer(text))
        for org in _ORG_RES:
            out.extend(m.span() for m in org.finditer(text))
        return sorted(out)


def subtract(start: int, end: int, protected: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Parts of `[start, end)` not covered by any protected span."""
    parts = [(start, end)]
    for ps, pe in protected:
        if pe <= start or ps >= end:
            continue
        nxt: list[tuple[int, int]] = []
        for s, e in parts:
            if pe <= s or ps >= e:
                nxt.append((s, e))
                continue
            if s < ps:
                nxt.append((s, ps))
            if pe < e:
                nxt.append((pe, e))
        parts = nxt
    return parts
