"""Word frequencies (the `wordfreq` package, whose wheel ships the Dutch and English lists offline).

Used for precision: a frequent Dutch word ("niks", "kleine", "mooi") is not a person on the word
list of deduce's surnames alone, and a token that neither Dutch nor English text ever uses
("Shurandy") is more likely a name than a word.
"""

from __future__ import annotations

import math
from functools import lru_cache

FREQUENT_ZIPF = 4.5
"""Zipf frequency (log10 per billion words) from which a Dutch word counts as frequent; common
surnames sit below it (Jansen 4.1, Smit 4.0), everyday words above (niks 5.5, kleine 5.6)."""
UNKNOWN_ZIPF = 1.0
"""Below this zipf in both Dutch and English a word is practically never used as a word."""


@lru_cache(maxsize=2)
def _table(lang: str) -> dict[str, float]:
    """wordfreq's large list for `lang` as word -> frequency (kept in the per-user cache)."""
    from nlp.runtime import cached_table, package_dir, package_version

    source = package_dir("wordfreq") / "data" / f"large_{lang}.msgpack.gz"

    def read() -> dict[str, float]:
        from wordfreq import get_frequency_dict

        return get_frequency_dict(lang, wordlist="large")

    return cached_table(f"wordfreq-large-{lang}", str(package_version("wordfreq")), [source], read)


@lru_cache(maxsize=65536)
def zipf(word: str, lang: str = "nl") -> float:
    """Zipf frequency of a lower-cased word (0.0 when wordfreq does not know it)."""
    freq = _table(lang).get(word.casefold(), 0.0)
    return round(math.log10(freq) + 9, 2) if freq > 0 else 0.0


def is_frequent_word(word: str, threshold: float = FREQUENT_ZIPF) -> bool:
    """True for an everyday Dutch word (zipf >= `threshold`)."""
    return zipf(word) >= threshold


def is_unknown_word(word: str) -> bool:
    """True for a token that Dutch and English text practically never use as a word."""
    return zipf(word) < UNKNOWN_ZIPF and zipf(word, "en") < UNKNOWN_ZIPF
