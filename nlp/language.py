"""The Dutch language pipeline: tokens, sentences and lemmas for segmenting and keyword coding.

`load_language()` loads the full spaCy model `nl_core_news_lg` where it is installed. Otherwise it
builds a blank Dutch pipeline with a sentencizer and lemmas from `spacy-lookups-data`, and says so
visibly (a warning and a log line) - the fallback has no named-entity recognition and no tagger.

The plain lookup table of `spacy-lookups-data` misses many common Dutch forms ("scholen",
"jongeren", "werken" come back unchanged), so the fallback's lemma component (`LookupLemmatizer`)
does what spaCy's Dutch lookup lemmatizer does and then, for a token the table does not know, tries
the POS-free use of the rule tables of the same package (index, exceptions and suffix rules; nouns
first, then verbs, then adjectives), then the tail of a compound ("jeugdagenten" -> "jeugd" +
"agent"). The tables are read once per computer into plain dicts (`lemma_tables`). Keywords are
lemmatised by the same pipeline as the transcripts, so consistency matters more than perfect
linguistics.

Example:
    >>> lang = load_language()
    >>> [t.lemma_ for t in lang.nlp("scholen en jongeren")]
    ['school', 'en', 'jongere']
"""

from __future__ import annotations

import functools
import logging
import warnings
from dataclasses import dataclass
from typing import Any

from nlp.errors import NlpError
from nlp.lemma_tables import POS_ORDER as _POS_ORDER, lemma_tables
from nlp.runtime import import_spacy, long_lived

spacy = import_spacy()
from spacy.language import Language  # noqa: E402 - after import_spacy(), which decides how spaCy loads
from spacy.tokens import Doc  # noqa: E402

log = logging.getLogger(__name__)

FALLBACK_BACKEND = "spacy.blank('nl') + lookups lemmatizer"
_LEMMA_COMPONENT = "narratief_lemmas"
# Extra noun rules for nominalised adjectives ("jongeren" -> "jongere", "volwassenen").
_EXTRA_NOUN_RULES = (("eren", "ere"), ("enen", "ene"))
# High-frequency forms the tables get wrong or miss; checked before anything else.
_OVERRIDES = {
    "jongeren": "jongere",
    "ouderen": "oudere",
    "is": "zijn",
    "was": "zijn",
    "waren": "zijn",
    "bent": "zijn",
    "het": "het",
}
_MIN_HEAD = 3  # a compound head has at least this many characters
_MIN_TAIL = 4  # and a tail at least this many


class MissingModelWarning(UserWarning):
    """The full spaCy Dutch model is not installed; the lookup fallback runs instead (N401)."""


@dataclass(frozen=True)
class LanguagePipeline:
    """A loaded spaCy pipeline and what it is.

    Attributes:
        nlp: the spaCy `Language`.
        backend: e.g. "nl_core_news_lg 3.8.0" or "spacy.blank('nl') + lookups lemmatizer".
        has_ner: whether the pipeline has a named-entity recogniser.
    """

    nlp: Language
    backend: str
    has_ner: bool

    def lemmas(self, text: str) -> list[str]:
        """Lower-cased lemmas of the non-punctuation, non-space tokens of `text`."""
        return doc_lemmas(self.nlp(text))


def doc_lemmas(doc: Doc) -> list[str]:
    """Lower-cased lemmas of the non-punctuation, non-space tokens of a parsed doc."""
    return [(t.lemma_ or t.text).lower() for t in doc if not (t.is_punct or t.is_space)]


@functools.lru_cache(maxsize=4)
def load_language(prefer: str = "nl_core_news_lg") -> LanguagePipeline:
    """Load the Dutch pipeline once per process.

    Args:
        prefer: name of the installed spaCy package to use when available.

    Returns:
        A `LanguagePipeline`; `.backend` records which one ran (for the run manifest).

    Raises:
        NlpError: N402 when neither the model nor the lookup tables can be loaded.
    """
    with long_lived():  # the pipeline and its lemma tables live until the process ends
        return _load_language(prefer)


def _load_language(prefer: str) -> LanguagePipeline:
    if prefer and spacy.util.is_package(prefer):
        nlp = spacy.load(prefer)
        if "sentencizer" not in nlp.pipe_names and "parser" not in nlp.pipe_names and "senter" not in nlp.pipe_names:
            nlp.add_pipe("sentencizer")
        version = nlp.meta.get("version", "?")
        return LanguagePipeline(nlp=nlp, backend=f"{prefer} {version}", has_ner="ner" in nlp.pipe_names)

    message = (
        f"[N401] Het spaCy-model '{prefer}' is niet geïnstalleerd; narratief gebruikt een eenvoudige "
        "Nederlandse pijplijn (lemma's uit spacy-lookups-data, geen entiteitherkenning). Installeer het "
        f"volledige model op een computer met internet: python -m spacy download {prefer}"
    )
    warnings.warn(message, MissingModelWarning, stacklevel=3)
    log.warning(message)
    return LanguagePipeline(nlp=_blank_dutch(), backend=FALLBACK_BACKEND, has_ner=False)


def _blank_dutch() -> Language:
    try:
        nlp = spacy.blank("nl")
        _register_lemmatizer()
        nlp.add_pipe(_LEMMA_COMPONENT, name="lemmatizer")
        nlp.add_pipe("sentencizer")
    except (OSError, ValueError, ImportError, KeyError) as exc:  # lookups package missing or broken
        raise NlpError(
            "N402",
            "de Nederlandse lemmatabellen (spacy-lookups-data) ontbreken of zijn onleesbaar; "
            f"installeer narratief opnieuw ({type(exc).__name__})",
        ) from exc
    return nlp


def _register_lemmatizer() -> None:
    """Register the lemma component with spaCy, once, on first use (not at import)."""
    if not Language.has_factory(_LEMMA_COMPONENT):
        Language.factory(_LEMMA_COMPONENT, func=lambda nlp, name: LookupLemmatizer(lemma_tables()))


class LookupLemmatizer:
    """Lemmas from the lookup table of `spacy-lookups-data`, and for a form that table does not
    know, from the POS-free rule tables of the same package, then from a compound's tail.

    This is what spaCy's Dutch lemmatizer in lookup mode gives (the lower-cased form looked up),
    followed by the fallback described in the module docstring, in one component on plain dicts.

    Args:
        tables: `lemma_tables()`.
    """

    def __init__(self, tables: dict[str, Any]) -> None:
        self._lookup: dict[str, str] = tables["lookup"]
        self._index: dict[str, frozenset[str]] = tables["index"]
        self._exc: dict[str, dict[str, tuple[str, ...]]] = tables["exc"]
        self._rules = {p: list(tables["rules"][p]) for p in _POS_ORDER}
        self._rules["noun"] = list(_EXTRA_NOUN_RULES) + self._rules["noun"]

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            lower = token.text.lower()
            if token.is_punct or token.is_space or token.like_num:
                token.lemma_ = self._lookup.get(lower, lower)
            else:
                token.lemma_ = self.lemma(lower)
        return doc

    @functools.lru_cache(maxsize=50_000)  # noqa: B019 - one instance per process
    def lemma(self, word: str) -> str:
        """The lemma of one lower-cased word form."""
        if word in _OVERRIDES:
            return _OVERRIDES[word]
        if word in self._lookup:
            return self._lookup[word]
        for pos in _POS_ORDER:
            found = self._pos_lemma(word, pos)
            if found:
                return found
        for k in range(_MIN_HEAD, len(word) - _MIN_TAIL + 1):
            tail = word[k:]
            found = self._pos_lemma(tail, "noun") or self._lookup.get(tail)
            if found:
                return word[:k] + found
        return word

    def _pos_lemma(self, word: str, pos: str) -> str | None:
        if word in self._index[pos]:
            return word
        forms = self._exc[pos].get(word)
        if forms:
            return forms[0]
        for old, new in self._rules[pos]:
            if word.endswith(old) and len(word) > len(old):
                candidate = word[: len(word) - len(old)] + new
                if candidate in self._index[pos]:
                    return candidate
        return None
