"""Storylines: the few distinct points participants made within one theme and lens in one year.

Within a (year, theme, lens) cell the evidence segments (`analysis.evidence`) are clustered on their
embeddings (or, without embeddings, on TF-IDF vectors): agglomerative clustering with cosine
distance and average linkage, the number of clusters (1..`max_storylines`) chosen by silhouette,
so one undivided storyline is the answer when the points do not separate. Each storyline gets its
key terms (class-based TF-IDF: frequent in this storyline, rare in the cell's other storylines,
Dutch stop words and pseudonym markers left out), a heading made from the representative segment's
sentence that carries most key terms, the conversations, interview types and wijken that raised
it, and its members ranked by closeness to the storyline's centre (quote candidates).

These are machine-made summaries for the evaluator to check, never the evaluator's interpretation.

Example:
    >>> storylines(segments, embeddings=emb)   # doctest: +SKIP
"""

from __future__ import annotations

import functools

import json
import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.evidence import words
from analysis.tables import SCHEMAS

STORYLINE_COLUMNS = SCHEMAS["storylines"].names  # declared with the other analysis tables
_TOKEN = r"(?u)\b[^\W\d_]{3,}\b"
_MARKER = re.compile(r"\[[^\]]*\]")
# Words of spoken Dutch that carry no content (on top of spaCy's stop words).
SPOKEN_FILLERS: tuple[str, ...] = (
    "eh", "uh", "nou", "hè", "gewoon", "echt", "heel", "beetje", "even", "zeggen", "zegt", "gezegd", "weet",
    "weten", "denk", "denken", "vind", "vinden", "goed", "gaan", "gaat", "komen", "komt", "doen", "doet",
    "gedaan", "hebben", "heeft", "zien", "zie", "ziet", "mensen", "dingen", "ding", "soort", "keer", "natuurlijk",
    "eigenlijk", "inderdaad", "precies", "oké", "jaar", "jullie", "wij", "zeg", "moet", "moeten", "kunnen",
    "kan", "willen", "wil", "staan", "staat", "zitten", "zit", "laten", "maken", "maakt", "vaak", "best",
    "helemaal", "steeds", "allemaal", "genoeg", "ander", "andere", "nogal", "gaan", "ging", "gingen", "tuurlijk",
)
_OPENING = re.compile(r"^(?:(?:ja|nee|nou|eh|uh|en|maar|dus|want|oké|ok|kijk|tja|nou ja)[,.]?\s+)+", re.IGNORECASE)


@dataclass(frozen=True)
class StorylineSettings:
    """max_storylines per cell; min_segments to form a storyline at all; heading_words at most."""

    max_storylines: int = 3
    min_segments: int = 2
    min_silhouette: float = 0.05
    heading_words: int = 12
    top_terms: int = 5


@functools.cache
def stop_words() -> frozenset[str]:
    """spaCy's Dutch stop words, spoken fillers and the pseudonymiser's marker words (built once)."""
    from nlp.runtime import import_spacy
    from nlp.topics import PSEUDONYM_TOKENS

    import_spacy()
    from spacy.lang.nl.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS) | frozenset(SPOKEN_FILLERS) | frozenset(PSEUDONYM_TOKENS)


def _clean(text: str) -> str:
    return _MARKER.sub(" ", str(text))


def _vectors(texts: list[str], embeddings: np.ndarray | None) -> np.ndarray:
    if embeddings is not None:
        emb = np.asarray(embeddings, dtype=np.float64)
    else:
        from sklearn.feature_extraction.text import TfidfVectorizer

        try:
            emb = TfidfVectorizer(token_pattern=_TOKEN, stop_words=sorted(stop_words()),
                                  sublinear_tf=True).fit_transform([_clean(t) for t in texts]).toarray()
        except ValueError:  # no content words at all
            emb = np.ones((len(texts), 1))
    norm = np.linalg.norm(emb, axis=1, keepdims=True)
    return emb / np.maximum(norm, 1e-12)


def cluster(vectors: np.ndarray, settings: StorylineSettings) -> np.ndarray:
    """Cluster labels 0..k-1; k chosen by silhouette (1 when no split is clearly better)."""
    n = len(vectors)
    best, best_score = np.zeros(n, dtype=int), settings.min_silhouette
    if n < 2 * settings.min_segments:
        return best
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.metrics import silhouette_score

    for k in range(2, min(settings.max_storylines, n // settings.min_segments) + 1):
        labels = AgglomerativeClustering(n_clusters=k, metric="cosine", linkage="average").fit_predict(vectors)
        if np.bincount(labels).min() < settings.min_segments:
            continue
        score = float(silhouette_score(vectors, labels, metric="cosine"))
        if score > best_score + 1e-9:
            best, best_score = labels, score
    # stable numbering: largest storyline first, ties by first member
    order = sorted(set(best.tolist()), key=lambda c: (-int((best == c).sum()), int(np.flatnonzero(best == c)[0])))
    return np.array([order.index(c) for c in best], dtype=int)


def key_terms(texts: list[str], labels: np.ndarray, top: int) -> dict[int, list[str]]:
    """Class-based TF-IDF terms per cluster (BERTopic's c-TF-IDF on the cell's own clusters)."""
    from sklearn.feature_extraction.text import CountVectorizer

    classes = sorted(set(labels.tolist()))
    joined = [" ".join(_clean(t) for t, l in zip(texts, labels) if l == c) for c in classes]
    try:
        vec = CountVectorizer(token_pattern=_TOKEN, stop_words=sorted(stop_words()), lowercase=True)
        counts = vec.fit_transform(joined).toarray().astype(float)
    except ValueError:
        return {c: [] for c in classes}
    vocab = np.array(vec.get_feature_names_out())
    # documents (segments) per term and class, so one long turn repeating a word does not dominate
    doc_freq = np.zeros_like(counts)
    index = {w: i for i, w in enumerate(vocab)}
    for t, l in zip(texts, labels):
        for w in set(re.findall(_TOKEN, _clean(t).lower())):
            if w in index:
                doc_freq[classes.index(l), index[w]] += 1
    tf = counts / np.maximum(counts.sum(axis=1, keepdims=True), 1)
    idf = np.log(1 + counts.sum(axis=1).mean() / np.maximum(counts.sum(axis=0), 1))
    plain = tf * idf
    shared = plain * (doc_freq >= 2)  # prefer terms said in more than one segment
    out = {}
    for i, c in enumerate(classes):
        score = shared if (shared[i] > 0).sum() >= min(top, 2) else plain
        order = np.lexsort((vocab, -score[i]))
        out[c] = [str(vocab[j]) for j in order[:top] if score[i, j] > 0]
    return out


def heading(text: str, terms: list[str], max_words: int = 12) -> str:
    """A short heading: the segment's sentence with most key terms (then most content words), opening
    fillers removed, cut to `max_words` words; sentences with pseudonym markers only when nothing else
    is left."""
    sentences = [s.strip() for s in re.split(r"(?<=[.!?;])\s+", str(text).strip()) if s.strip()]
    sentences = sentences or [str(text).strip()]
    wanted = set(terms)
    stop = stop_words()

    def rank(pair: tuple[int, str]) -> tuple:
        pos, s = pair
        tokens = re.findall(_TOKEN, s.lower())
        hits = len(wanted & set(tokens))
        content = len({t for t in tokens if t not in stop})  # ties: the sentence that says most
        return (-int(not _MARKER.search(s)), -int(words(s) >= 5), -hits, -min(content, max_words), pos)

    best = min(enumerate(sentences), key=rank)[1]
    best = _OPENING.sub("", best).strip().rstrip(".!?;:,")
    tokens = best.split()
    if len(tokens) > max_words:
        best = " ".join(tokens[:max_words]).rstrip(",;:") + " …"
    return best[:1].upper() + best[1:]


def _cell(cand: pd.DataFrame, vectors: np.ndarray, scores: np.ndarray, settings: StorylineSettings,
          key: tuple[int, str, str]) -> list[dict]:
    labels = cluster(vectors, settings)
    texts = cand["text"].astype(str).tolist()
    terms = key_terms(texts, labels, settings.top_terms)
    rows = []
    for c in sorted(set(labels.tolist())):
        idx = np.flatnonzero(labels == c)
        centre = vectors[idx].mean(axis=0)
        closeness = vectors[idx] @ (centre / max(np.linalg.norm(centre), 1e-12))
        # central for the storyline and typical for the theme and lens: the first members are its quotes
        order = idx[np.lexsort((idx, -(closeness + scores[idx])))]
        members = cand.iloc[order]
        rep = members.iloc[0]
        rows.append({
            "year": key[0], "theme": key[1], "lens": key[2], "storyline": c + 1, "segments": len(idx),
            "interviews": int(members["doc"].nunique()),
            "types": ";".join(sorted(members["type"].astype(str).unique())),
            "wijken": ";".join(sorted(members["wijk"].astype(str).unique())),
            "terms": " ".join(terms.get(c, [])),
            "heading": heading(rep["text"], terms.get(c, []), settings.heading_words),
            "members": json.dumps([[str(r.doc), int(r.turn), int(r.part)] for r in members.itertuples()]),
        })
    return rows


def storylines(seg: pd.DataFrame, cells: dict[tuple[int, str, str], np.ndarray], scores: dict[tuple[str, str], np.ndarray],
               embeddings: np.ndarray | None = None, settings: StorylineSettings = StorylineSettings()) -> pd.DataFrame:
    """Storylines of every (year, theme, lens) cell.

    Args:
        seg: the prepared segments (columns doc, turn, part, type, wijk, text).
        cells: (year, theme, lens) -> boolean mask of the cell's evidence segments.
        scores: (theme, lens) -> typicality of every segment (ranks members with equal closeness).
        embeddings: segment embeddings aligned with `seg`, or None (TF-IDF vectors instead).
        settings: `StorylineSettings`.

    Returns:
        DataFrame with `STORYLINE_COLUMNS`; `members` is a JSON list of [doc, turn, part].
    """
    rows: list[dict] = []
    seg = seg[["doc", "turn", "part", "type", "wijk", "text"]]  # row selections below copy only these
    for key, mask in cells.items():
        idx = np.flatnonzero(mask)
        if len(idx) < settings.min_segments:
            continue
        cand = seg.iloc[idx]
        vectors = _vectors(cand["text"].astype(str).tolist(), None if embeddings is None else embeddings[idx])
        rows += _cell(cand, vectors, scores[(key[1], key[2])][idx], settings, key)
    return pd.DataFrame(rows, columns=list(STORYLINE_COLUMNS))
