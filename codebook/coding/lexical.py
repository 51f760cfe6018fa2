"""Lexical coder: lemma-based matching of each code's keywords (single words and phrases).

Keywords and segment texts go through the same spaCy pipeline; each token offers its surface form
and its lemma, and a keyword token matches a text token when they share one of them. So "scholen"
matches the keyword "school" and "het moet anders" matches "moet anders", also where the
lemmatiser reads "werken" as a noun but "werkt" as a verb. A single-word keyword of at least
`COMPOUND_MIN` characters also matches as the tail of a Dutch compound ("verzuim" in
"schoolverzuim"), and one of at least `HEAD_MIN` characters as the head of a compound whose rest
has at least `HEAD_REST_MIN` characters ("werk" in "werkervaring", not in "werken"). A theme
collects the keywords of its subcodes too.

Score: 1 - 0.5 ** (number of distinct matched keywords): 0.5 for one, 0.75 for two, ...
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np

from codebook.model import Code, Codebook
from nlp.language import Doc, LanguagePipeline

COMPOUND_MIN = 5  # shortest keyword that may match as a compound tail
COMPOUND_HEAD_MIN = 3  # shortest compound head ("jeugd" + "agent")
HEAD_MIN = 4  # shortest keyword that may match as the head of a compound ("werk" + "plaats")
HEAD_REST_MIN = 4  # shortest rest after such a head (so inflections like "werk-en" do not count)


@dataclass(frozen=True)
class LexicalMatches:
    """Result of lexical coding.

    Attributes:
        code_ids: the codes, in column order.
        scores: (n_segments, n_codes) float array in [0, 1].
        matched: per segment, code id -> matched keywords (as written in the codebook), sorted.
    """

    code_ids: tuple[str, ...]
    scores: np.ndarray
    matched: tuple[dict[str, tuple[str, ...]], ...]


class LexicalCoder:
    """Match codebook keywords on lemmas.

    Args:
        codebook: the codebook.
        codes: the codes to score (default: every code of the codebook).
        language: the pipeline that lemmatises keywords and texts.
    """

    def __init__(self, codebook: Codebook, language: LanguagePipeline, codes: Sequence[Code] | None = None):
        self.language = language
        self.codes = tuple(codes) if codes is not None else codebook.codes
        self.code_ids = tuple(c.id for c in self.codes)
        # A keyword is a sequence of token alternatives {surface form, lemma}; a text token matches a
        # position when its own {surface form, lemma} shares a member (robust to the lemmatiser
        # treating "werken" as a noun and "werkt" as a verb).
        phrases: dict[tuple[frozenset[str], ...], set[tuple[int, str]]] = {}
        per_code = []
        for code in self.codes:
            keywords = set(code.keywords)
            if code.kind == "theme":
                for sub in codebook.subcodes(code.id):
                    keywords.update(sub.keywords)
            per_code.append(sorted(keywords))
        every = sorted({k for keywords in per_code for k in keywords})
        keyword_forms = dict(zip(every, self.lemmatise(every)))
        for column, keywords in enumerate(per_code):
            for keyword in keywords:
                seq = tuple(frozenset(forms) for forms in keyword_forms[keyword])
                if seq:
                    phrases.setdefault(seq, set()).add((column, keyword))
        self._phrases = phrases
        self._by_first: dict[str, list[tuple[frozenset[str], ...]]] = {}
        self._tails: dict[str, tuple[frozenset[str], ...]] = {}
        self._heads: dict[str, tuple[frozenset[str], ...]] = {}
        for seq in phrases:
            for form in seq[0]:
                self._by_first.setdefault(form, []).append(seq)
                if len(seq) == 1 and len(form) >= COMPOUND_MIN:
                    self._tails[form] = seq
                if len(seq) == 1 and len(form) >= HEAD_MIN and form.isalpha():
                    self._heads[form] = seq

    def lemmatise(self, texts: Sequence[str], batch_size: int = 64) -> list[list[tuple[str, ...]]]:
        """Per text, per token its forms (surface form, lemma), lower-cased (one spaCy pass)."""
        return [token_forms(doc) for doc in self.language.nlp.pipe(texts, batch_size=batch_size)]

    def score(self, lemma_lists: Sequence[Sequence[tuple[str, ...]]]) -> LexicalMatches:
        """Score tokenised segments (output of `lemmatise`) against every code."""
        scores = np.zeros((len(lemma_lists), len(self.codes)), dtype=np.float64)
        matched_all: list[dict[str, tuple[str, ...]]] = []
        for row, lemmas in enumerate(lemma_lists):
            found: dict[int, set[str]] = {}
            for seq in self._find(list(lemmas)):
                for column, keyword in self._phrases[seq]:
                    found.setdefault(column, set()).add(keyword)
            matched: dict[str, tuple[str, ...]] = {}
            for column, keywords in found.items():
                scores[row, column] = 1.0 - 0.5 ** len(keywords)
                matched[self.code_ids[column]] = tuple(sorted(keywords))
            matched_all.append(matched)
        return LexicalMatches(self.code_ids, scores, tuple(matched_all))

    def _find(self, tokens: list[tuple[str, ...]]) -> set[tuple[frozenset[str], ...]]:
        hits: set[tuple[frozenset[str], ...]] = set()
        for i, forms in enumerate(tokens):
            known = False
            for form in forms:
                for seq in self._by_first.get(form, ()):
                    known = True
                    window = tokens[i : i + len(seq)]
                    if len(window) == len(seq) and all(alt.intersection(tok) for alt, tok in zip(seq, window)):
                        hits.add(seq)
            if not known:
                lemma = forms[-1]
                for k in range(COMPOUND_HEAD_MIN, len(lemma) - COMPOUND_MIN + 1):
                    tail = self._tails.get(lemma[k:])
                    if tail:
                        hits.add(tail)
                        break
                for k in range(len(lemma) - HEAD_REST_MIN, HEAD_MIN - 1, -1):
                    head = self._heads.get(lemma[:k])
                    if head:
                        hits.add(head)
                        break
        return hits


def token_forms(doc: Doc) -> list[tuple[str, ...]]:
    """Per non-punctuation token: (lower-cased surface form, lower-cased lemma), deduplicated."""
    out = []
    for token in doc:
        if token.is_punct or token.is_space:
            continue
        lower = token.text.lower()
        lemma = (token.lemma_ or token.text).lower()
        out.append((lower,) if lemma == lower else (lower, lemma))
    return out
