"""Transcripts without capitals: speech recognisers that write everything in lower case.

Most name recognizers read capitals ("Gerrit Smits", "mevrouw De Bruijn"). A transcript whose
sentences practically never start with a capital (an ASR export without casing, a chat typed in
lower case) gives them nothing to read, so its names go through. For such a transcript detection
runs on a re-cased copy of each text: the same characters, with a capital only on tokens that are
names by the word lists or by their place, never on ordinary words. Offsets stay the same, so the
findings point into the original text (and carry its spelling).

Capitalised in an uncased text:
- a token on deduce's first-name list that is no Dutch word, stop word, place or role, unless an
  article stands before it ("sinds de ramadan"; the name is found at its other mentions), and a
  surname that is no word right after it ("ruben hendriks"); a surname alone stays in lower case
  (a school or street named after a person: "ze zit op het <surname>");
- after such a name or after a title ("meester", "mevrouw", ...), a surname after name particles
  ("marco de wit", "meester van gemert"), also when it is a word or a place;
- a first name that is also a word, right before particles and a surname that is no word ("toon de
  vries");
- a token that is no ordinary word right after a naming cue ("iedereen noemt hem kefke").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from interviews.profiles import default_profile

from .keep import is_role
from .recognizers import _cue_patterns, first_names, is_plain_word, is_word, place_names, stop_words, surnames

_TOKEN = re.compile(r"[a-zà-ÿ][a-zà-ÿ'\u2019-]*", re.IGNORECASE)
_SENTENCE_START = re.compile(r"(?:^|[.!?]\s+)[\"'(\u201c]*(?P<first>[^\W\d_])")
_ARTICLES = frozenset({"de", "het", "een", "'t"})
_TITLES = frozenset({"meester", "juf", "mevrouw", "meneer", "dokter", "ome", "oom", "tante", "zuster"})
_PARTICLES = frozenset(default_profile().name_particles)
UNCASED_SHARE = 0.8
"""Share of sentence starts in lower case from which a transcript counts as written without capitals."""
_MIN_STARTS = 5


def is_uncased(texts: Sequence[str]) -> bool:
    """Whether a transcript (its turn texts) is written without capitals: at least `_MIN_STARTS`
    sentence starts, and `UNCASED_SHARE` of them in lower case."""
    lower = total = 0
    for text in texts:
        for m in _SENTENCE_START.finditer(text):
            total += 1
            lower += m.group("first").islower()
    return total >= _MIN_STARTS and lower >= UNCASED_SHARE * total


def _name_token(low: str) -> bool:
    return (len(low) >= 3 and low in first_names() and not is_word(low)
            and low not in stop_words() and low not in place_names() and not is_role(low))


def _surname_token(low: str) -> bool:
    return len(low) >= 2 and low not in stop_words() and (low in surnames() or not is_plain_word(low))


def recase(text: str, protected: Sequence[tuple[int, int]] = ()) -> str:
    """`text` with a capital on the tokens that are names (see the module doc); same length."""
    tokens = [m for m in _TOKEN.finditer(text) if not any(ps < m.end() and m.start() < pe for ps, pe in protected)]
    lows = [m.group().casefold() for m in tokens]
    upper: set[int] = set()
    cue_re = _cue_patterns()[0]
    for i, low in enumerate(lows):
        before = lows[i - 1] if i else ""
        if _name_token(low) and before not in _ARTICLES:
            upper.add(i)
        elif i - 1 in upper and low in surnames() and not is_word(low) and low not in stop_words():
            upper.add(i)  # "gerrit smits": a surname right after a first name
        elif (i and tokens[i - 1].end() == tokens[i].start() - 1 and cue_re.search(text[max(0, tokens[i].start() - 20) : tokens[i].start()])
              and len(low) >= 3 and low not in stop_words() and not is_plain_word(low) and not is_word(low)
              and low not in place_names()):
            upper.add(i)  # "noemt hem kefke": a naming cue right before a token that is no word
    for i, low in enumerate(lows):  # particles and a surname after a name or a title
        j = i + 1
        while j < len(lows) and lows[j] in _PARTICLES and j - i <= 3:
            j += 1
        if j == i + 1 or j >= len(lows) or not _surname_token(lows[j]):
            continue
        if lows[i + 1 : j] == ["van"] and is_word(lows[j]) and low not in _TITLES:
            continue  # "fatima van oost": where she is from, not a surname
        if i in upper or low in _TITLES:
            upper.add(j)
        elif low in first_names() and lows[j] in surnames() and not is_word(lows[j]) and before_ok(lows, i):
            upper.update({i, j})  # "toon de vries"
    chars = list(text)
    for i in upper:
        start = tokens[i].start()
        capital = chars[start].upper()
        if len(capital) == 1:
            chars[start] = capital
    return "".join(chars)


def before_ok(lows: list[str], i: int) -> bool:
    """No article right before token `i` ("de toon van de brief" is no name)."""
    return i == 0 or lows[i - 1] not in _ARTICLES
