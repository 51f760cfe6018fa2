"""Precision rules for a lone token that a lookup tagger (deduce's name lists, spaCy NER) calls a person.

A single capitalised token is weak evidence: deduce's surname list holds everyday words ("Niks",
"Mooi", "Tulp"), and first names are also brands and flowers ("Mercedes", "Roos"). Such a token is
kept as a person only when nothing speaks against it:

- at the start of a sentence it must be a first name (capitals there say nothing);
- an ordinary Dutch word (lemma table or frequency list) that is no first name needs a person cue
  right before it (a title, a role, a kinship word, a name particle);
- after an article or determiner ("die zwarte Mercedes", "een Roos") it is a thing, unless it is
  a rare first name;
- in an enumeration of ordinary words ("Roos, Anjer, Tulp") it is one of them;
- after a preposition with "het" ("op het Carolus") it is a school or building, and after a
  birthplace or origin cue ("geboren in Asmara", "komt uit Herat") a place.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .keep import is_role
from .lexicon import zipf
from .recognizers import PERSON_CUES, RARE_FIRST_NAME_ZIPF, first_names, is_plain_word, is_word, strip_possessive, surnames

_INTERFIX = ("van", "de", "der", "den", "ter", "ten", "te", "het", "'t", "el", "al", "la", "le", "da", "di", "du", "bin", "ben")
ARTICLE_PARTICLES = frozenset({"het", "'t"})
"""Particles that are also articles: a name particle only after "van" ("van het Hof")."""
_DETERMINER_BEFORE = re.compile(
    r"(?:^|[^\w'])(?i:een|zo'n|die|deze|dat|dit|het|de|zijn|z'n|haar|mijn|m'n|hun|onze|jouw|je|elke|iedere|welke)"
    r"\s+(?:[a-zà-ÿ]+\s+){0,2}$"
)


@lru_cache(maxsize=1)
def _cue_before() -> re.Pattern[str]:
    cues = "|".join(re.escape(c) for c in PERSON_CUES)
    return re.compile(rf"(?:^|\W)(?:{cues})\s*$", re.IGNORECASE)


def sentence_initial(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \t\"'(\u201c\u2018")
    return not before or before[-1] in ".!?:\n"


def person_cue_before(text: str, start: int) -> bool:
    """A title, kinship word, person noun, role word or name particle directly before `start`."""
    before = text[max(0, start - 30) : start]
    if _cue_before().search(before):
        return True
    words = re.findall(r"[\w'\u2019.-]+", before)
    if not words:
        return False
    last = words[-1].casefold().strip(".")
    if last in ARTICLE_PARTICLES and (len(words) < 2 or words[-2].casefold() != "van"):
        return False  # "op het Vermeulen": an article before a place or school, no name particle
    return is_role(last) or last in _INTERFIX


def _enumeration_of_words(text: str, start: int, end: int) -> bool:
    """The token sits in a comma list whose neighbours are ordinary words ("Roos, Anjer, Tulp")."""
    after = re.match(r"\s*,\s*([A-Za-zà-ÿ]+)", text[end:])
    before = re.search(r"([A-Za-zà-ÿ]+)\s*,\s*$", text[:start])
    neighbours = [m.group(1) for m in (after, before) if m]
    return bool(neighbours) and all(is_plain_word(n) for n in neighbours)


# "op het Carolus", "naar het Elisabeth": a preposition with the neuter article names a school,
# hospital or building, never a person (a name particle "het" follows "van": "van het Hof")
_INSTITUTION_BEFORE = re.compile(r"(?:^|[^\w'])(?i:op|naar|in|uit|bij|via|tegenover|achter|voor)\s+(?i:het)\s+$")
# "geboren in Asmara", "ze komt uit Kandahar": a birthplace or origin is a place; so is what a place
# noun names ("het eiland Santiago", "de stad Herat") and the second of an origin given twice, country
# then town ("uit Oekraïne, uit Charkiv")
PLACE_BEFORE = re.compile(
    r"(?:^|[^\w'])(?i:(?:geboren|opgegroeid|getogen)\b[^.!?\n]{0,40}?\s(?:in|te)|"
    r"(?:kom|komt|komen|kwam|kwamen|afkomstig|gevlucht|verhuisd)\s+(?:oorspronkelijk\s+|zelf\s+|ooit\s+)?uit|"
    r"(?:het\s+eiland|de\s+stad|het\s+dorp|de\s+provincie|de\s+regio|de\s+hoofdstad|de\s+deelstaat|het\s+district)|"
    r"\buit\s+[^\W\d_][\w'-]*,\s+uit)\s+$"
)
_PLACE_BEFORE = PLACE_BEFORE
_PERSON_AFTER = re.compile(r"\s+(?i:zijn|z'n|haar|d'r|zei|zegt)\b")  # "in Sem z'n kamer": a person after all
# in Brabant and Flemish speech a verb before "ge"/"gij" opens a question or an inverted clause ("Hedde
# gij ...", "Zijde ge ..."): a sentence-initial token right before that pronoun is no name (a name
# before "jij"/"hij" may be a vocative without its comma, "Sem jij bent", so those do not count)
_SUBJECT_PRONOUN_AFTER = re.compile(r"[ \t]+(?i:ge|gij)\b(?![ \t]*,)")


def weak_name_evidence_ok(text: str, start: int, end: int) -> bool:
    """Whether a single-token person from a lookup tagger at `[start, end)` is kept as a person."""
    token = strip_possessive(text[start:end])
    low = token.casefold()
    first = low in first_names()
    cue = person_cue_before(text, start)
    before = text[max(0, start - 60) : start]
    if (_INSTITUTION_BEFORE.search(before) or _PLACE_BEFORE.search(before)) and not _PERSON_AFTER.match(text, end):
        return False
    if sentence_initial(text, start) and not first and not cue:
        return False
    if sentence_initial(text, start) and not cue and _SUBJECT_PRONOUN_AFTER.match(text, end):
        return False
    if is_word(low) and not first and not cue:
        return False
    before = text[max(0, start - 40) : start]
    if _DETERMINER_BEFORE.search(before) and not cue:
        words = [w.casefold() for w in before.split()]
        prev = words[-1] if words else ""
        # "het"/"'t" is a name particle only after "van" ("van het Hof"); "op het Vermeulen" is a place
        article_only = prev in ARTICLE_PARTICLES and (len(words) < 2 or words[-2] != "van")
        surname_after_particle = prev in _INTERFIX and not article_only and low in surnames()
        if not surname_after_particle and not (first and zipf(low) < RARE_FIRST_NAME_ZIPF):
            return False
    if is_word(low) and _enumeration_of_words(text, start, end):
        return False
    return True
