"""Topic modelling of pseudonymised segments with BERTopic, aligned with the codebook.

Topics surface what partners raise that the codebook did not foresee. The model runs on the
precomputed embeddings of the coding stage (no embedding model is loaded here), with settings that
suit a few hundred to a few thousand segments and every seed fixed, so the same input gives the
same topics. Each topic gets its nearest theme with a cosine similarity; topics far from every theme
or rarely coded with any theme are flagged `emergent`, and `growing` when their share rises over the
years.

The tables are built from one label per segment by `build_tables`, whatever gave the labels: a fit
here, or `nlp.topic_place.place_topics`, which places new and changed segments (recognised by the
`text_sha` column of `segment_topics`) into the previous topics without loading BERTopic.

Example:
    >>> result = fit_topics(segments, emb, {"school": "De school als centrale plek ..."},
    ...                     theme_emb, TopicSettings(seed=42))          # doctest: +SKIP
    >>> result.save(Path("output/topics"))                               # doctest: +SKIP
    >>> TopicResult.load(Path("output/topics")).topics                   # doctest: +SKIP
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import shutil
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator, Mapping, Protocol

import numpy as np
import pandas as pd

from nlp.errors import NlpError
from nlp.topic_align import (centred_similarities, centroids, is_growing, normalise, reference_similarity,
                              theme_sets)
from nlp.io import TableSchema, read_table, replace_dir, table_schema, write_json
from nlp.runtime import cache_numba_compilations, long_lived, package_version

#: Words the pseudonymiser puts in place of personal data, and transcript scaffolding: never a topic word.
PSEUDONYM_TOKENS: tuple[str, ...] = (
    "persoon", "personen", "adres", "telefoon", "telefoonnummer", "locatie", "instelling", "datum",
    "leeftijd", "email", "mail", "url", "bsn", "naam", "patient", "id", "spreker", "interviewer",
    "respondent", "via",
)

_BRACKETED = re.compile(r"\[[^\]]*\]|<[^>]*>|\{[^}]*\}")
_TOKEN_PATTERN = r"(?u)\b[^\W\d_]{3,}\b"  # letters only, at least three: no numbers or pseudonym ids

# The tables of output/topics/, declared once (docs/architecture.md lists the same).
SCHEMAS: dict[str, TableSchema] = {s.name: s for s in (
    table_schema("topics", "topics", "topic:int size:int words:str label:str nearest_theme:str similarity:float "
                 "emergent:bool growing:bool representative:str"),
    table_schema("segment_topics", "topics", "doc:str turn:int part:int topic:int text_sha:str?"),
    table_schema("over_time", "topics", "topic:int year:int count:int share:float"),
    table_schema("per_class", "topics", "topic:int split:str value:str count:int"),
)}
TOPIC_TABLES = tuple(SCHEMAS)
_REQUIRED = ("doc", "turn", "part", "year", "type", "wijk", "text")


@dataclass(frozen=True)
class TopicSettings:
    """Settings of the topic stage (defaults suit a few hundred to a few thousand segments).

    Attributes:
        seed: random seed of UMAP (UMAP then runs single-threaded, which makes it reproducible).
        min_segments: fewer segments than this -> no model, an explicit note instead.
        n_neighbors: UMAP neighbours; None -> n/20 clamped to [5, 15] (small corpora: local structure).
        n_components: UMAP dimensions handed to HDBSCAN.
        min_cluster_size: HDBSCAN smallest topic; None -> 2% of the segments clamped to [8, 50].
        min_samples: HDBSCAN min_samples; None -> 2 (few outliers; they are reassigned anyway).
        top_n_words: words per topic.
        n_representative: representative segments stored per topic.
        emergent_similarity: fixed threshold on the centred cosine (see `nlp.topic_align`);
            None -> calibrated: `emergent_fraction` x the typical in-codebook similarity, i.e. the
            median over themes of the centred cosine between a theme's prototype and the centroid
            of the segments the coding stage gave that theme. A topic less than half as close to
            its nearest theme as a theme's own coded segments are counts as far from the codebook.
            Relative to the corpus and the embedding model, not a number tuned on one corpus.
        emergent_fraction: see `emergent_similarity`.
        uncoded_share: a topic counts as "mostly uncoded" when at least this share of its
            segments carries no theme from the coding stage.
        emergent_rule: "far_and_coded" (default): far from the codebook while the coding stage
            did code most of its segments - the coders had to force the subject into a theme.
            Far topics that are mostly uncoded are, in the demo and in real interviews, procedural
            talk (welcome, interviewer questions, greetings), so they are not flagged.
            "far": far from the codebook, whatever the coding. "far_or_uncoded": either signal.
        cluster_selection: HDBSCAN cluster selection, "leaf" (default: finer topics of
            similar size, which on interview turns separates a new subject from the big themes)
            or "eom".
        min_growth: minimal rise of a topic's share (first -> last year) to call it growing.
        stop_words: extra words kept out of topic words (besides spaCy's Dutch stop words).
        max_changed_share: `update_topics` places new and changed segments into the previous
            topics while at most this share of the corpus changed (see `changed_share`), and
            refits beyond it.
        placement_quantile: a placed segment joins its nearest topic only when its cosine to the
            topic centroid is at least this quantile of the topic members' own cosines to it
            (else it is an outlier, -1); see `nlp.topic_place`.
    """

    seed: int = 42
    min_segments: int = 30
    n_neighbors: int | None = None
    n_components: int = 5
    min_cluster_size: int | None = None
    min_samples: int | None = None
    top_n_words: int = 10
    n_representative: int = 3
    emergent_similarity: float | None = None
    emergent_fraction: float = 0.5
    uncoded_share: float = 0.5
    emergent_rule: str = "far_and_coded"
    cluster_selection: str = "leaf"
    min_growth: float = 0.02
    stop_words: tuple[str, ...] = PSEUDONYM_TOKENS
    max_changed_share: float = 0.2
    placement_quantile: float = 0.1

    def resolved(self, n: int) -> dict[str, int]:
        """The size-dependent settings for a corpus of `n` segments."""
        nn = self.n_neighbors or int(min(15, max(5, n // 20)))
        mcs = self.min_cluster_size or int(min(50, max(8, round(n * 0.02))))
        ms = self.min_samples or 2
        return {"n_neighbors": nn, "min_cluster_size": mcs, "min_samples": ms}


@dataclass(frozen=True)
class TopicResult:
    """Topic tables (schema: docs/architecture.md) plus notes and run info; `model` is the fitted
    BERTopic object when fitted in this process (None after `load`)."""

    topics: pd.DataFrame
    segment_topics: pd.DataFrame
    over_time: pd.DataFrame
    per_class: pd.DataFrame
    notes: tuple[str, ...] = ()
    info: Mapping[str, Any] = field(default_factory=dict)
    model: Any = field(default=None, compare=False, repr=False)

    def save(self, folder: Path) -> None:
        """Write the tables (Parquet + CSV), `info.json` and, if fitted, `model/` (safetensors)."""
        folder = Path(folder)
        for name in TOPIC_TABLES:
            SCHEMAS[name].save(getattr(self, name), folder)
        write_json({"notes": list(self.notes), "info": dict(self.info)}, folder / "info.json")
        if self.model is not None:
            with _quiet_bertopic():
                replace_dir(lambda tmp: self.model.save(str(tmp), serialization="safetensors",
                                                        save_ctfidf=True, save_embedding_model=False),
                            folder / "model")
        elif self.topics.empty and self.info.get("mode") != "geplaatst" and (folder / "model").is_dir():
            # A fit without topics: the model of an earlier run would contradict the tables. A
            # placement keeps the model of the fit it placed into (info["model_input_sha256"]).
            shutil.rmtree(folder / "model")

    @classmethod
    def load(cls, folder: Path) -> "TopicResult":
        """Reload the tables without refitting (the model is not needed by the report)."""
        folder = Path(folder)
        missing = [n for n in TOPIC_TABLES if not (folder / f"{n}.parquet").exists()]
        if missing or not (folder / "info.json").exists():
            raise NlpError("N414", f"topicresultaat onvolledig ({', '.join(missing) or 'info.json'} "
                                   "ontbreekt); voer 'narratief topics' opnieuw uit", path=folder)
        meta = json.loads((folder / "info.json").read_text(encoding="utf-8"))
        tables = {n: read_table(folder, n) for n in TOPIC_TABLES}
        return cls(**tables, notes=tuple(meta.get("notes", [])), info=meta.get("info", {}))


def load_topic_model(folder: Path) -> Any:
    """Reload the fitted BERTopic model from `<folder>/model` (offline, without embedding model)."""
    with long_lived():
        from bertopic import BERTopic
    cache_numba_compilations()

    path = Path(folder) / "model"
    if not path.exists():
        raise NlpError("N415", "geen opgeslagen topicmodel gevonden", path=path)
    with _quiet_bertopic():
        return BERTopic.load(str(path))


@contextmanager
def _quiet_bertopic() -> Iterator[None]:
    """Silence BERTopic's expected warnings (custom topic list after outlier reassignment; saving
    and loading without an embedding model, which is deliberate) for one call, then restore."""
    logger = logging.getLogger("BERTopic")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def clean_for_words(text: str) -> str:
    """Text for the word representation: bracketed pseudonym markers such as [PERSOON-3] removed."""
    return _BRACKETED.sub(" ", str(text))


def _empty(notes: list[str], info: dict[str, Any]) -> TopicResult:
    return TopicResult(
        topics=pd.DataFrame({"topic": pd.Series(dtype="int64"), "size": pd.Series(dtype="int64"),
                             "words": pd.Series(dtype=str), "label": pd.Series(dtype=str),
                             "nearest_theme": pd.Series(dtype=str), "similarity": pd.Series(dtype=float),
                             "emergent": pd.Series(dtype=bool), "growing": pd.Series(dtype=bool),
                             "representative": pd.Series(dtype=str)}),
        segment_topics=pd.DataFrame({"doc": pd.Series(dtype=str), "turn": pd.Series(dtype="int64"),
                                     "part": pd.Series(dtype="int64"), "topic": pd.Series(dtype="int64"),
                                     "text_sha": pd.Series(dtype=str)}),
        over_time=pd.DataFrame({"topic": pd.Series(dtype="int64"), "year": pd.Series(dtype="int64"),
                                "count": pd.Series(dtype="int64"), "share": pd.Series(dtype=float)}),
        per_class=pd.DataFrame({"topic": pd.Series(dtype="int64"), "split": pd.Series(dtype=str),
                                "value": pd.Series(dtype=str), "count": pd.Series(dtype="int64")}),
        notes=tuple(notes), info=info)


def _check(segments: pd.DataFrame, embeddings: np.ndarray, theme_texts: Mapping[str, str],
           theme_embeddings: np.ndarray) -> None:
    missing = [c for c in _REQUIRED if c not in segments.columns]
    if missing:
        raise NlpError("N411", f"segmententabel mist kolom(men): {', '.join(missing)}")
    if embeddings.ndim != 2 or embeddings.shape[0] != len(segments):
        raise NlpError("N412", f"aantal embeddings ({embeddings.shape[0]}) past niet bij aantal "
                               f"segmenten ({len(segments)}); bereken de embeddings opnieuw")
    if theme_embeddings.shape[0] != len(theme_texts) or (
            len(theme_texts) and theme_embeddings.shape[1] != embeddings.shape[1]):
        raise NlpError("N413", "thema-embeddings passen niet bij de thema's of bij de "
                               "segment-embeddings (ander embeddingmodel?)")


def _fit_bertopic(docs: list[str], emb: np.ndarray, settings: TopicSettings) -> tuple[Any, np.ndarray]:
    """Fit BERTopic on precomputed embeddings and reassign outliers; returns (model, labels)."""
    with long_lived():
        from bertopic import BERTopic
        from bertopic.vectorizers import ClassTfidfTransformer
        from hdbscan import HDBSCAN
        from sklearn.feature_extraction.text import CountVectorizer
        from spacy.lang.nl.stop_words import STOP_WORDS
        from umap import UMAP
    cache_numba_compilations()  # UMAP compiles once per installation, not once per process

    sizes = settings.resolved(len(docs))
    stop = sorted(set(STOP_WORDS) | {w.lower() for w in settings.stop_words})
    # BERTopic fits the vectorizer on one document per topic, so min_df must stay 1 (a word
    # specific to one topic is exactly what we want to see).
    vectorizer = CountVectorizer(stop_words=stop, token_pattern=_TOKEN_PATTERN, lowercase=True, min_df=1)
    umap_model = UMAP(n_neighbors=sizes["n_neighbors"], n_components=settings.n_components,
                      min_dist=0.0, metric="cosine", random_state=settings.seed, n_jobs=1)
    hdbscan_model = HDBSCAN(min_cluster_size=sizes["min_cluster_size"], min_samples=sizes["min_samples"],
                            metric="euclidean", cluster_selection_method=settings.cluster_selection,
                            prediction_data=False)
    model = BERTopic(embedding_model=None, umap_model=umap_model, hdbscan_model=hdbscan_model,
                     vectorizer_model=vectorizer, top_n_words=settings.top_n_words,
                     ctfidf_model=ClassTfidfTransformer(reduce_frequent_words=True),
                     language="multilingual", calculate_probabilities=False, verbose=False)
    labels, _ = model.fit_transform(docs, embeddings=emb)
    labels = list(labels)
    if -1 in labels and any(t != -1 for t in labels):
        labels = model.reduce_outliers(docs, labels, strategy="embeddings", embeddings=emb)
        with _quiet_bertopic():
            model.update_topics(docs, topics=labels, top_n_words=settings.top_n_words,
                                vectorizer_model=vectorizer)
    lab = np.asarray(labels, dtype=int)
    ids = sorted(set(lab.tolist()))
    # Topic embeddings as centroids of the final assignment (update_topics cannot recompute them
    # without an embedding model).
    model.topic_embeddings_ = centroids(emb, lab, ids)
    return model, lab


def _representatives(emb: np.ndarray, lab: np.ndarray, topic: int, centroid: np.ndarray,
                     texts: list[str], docs: list[str], k: int) -> list[str]:
    """The k segments closest to the centroid, preferring a new interview for each pick."""
    idx = np.flatnonzero(lab == topic)
    order = idx[np.lexsort((idx, -(emb[idx] @ centroid)))]
    picked: list[int] = []
    for prefer_new_doc in (True, False):
        for i in order:
            if len(picked) >= k:
                break
            if i in picked or (prefer_new_doc and docs[i] in {docs[j] for j in picked}):
                continue
            picked.append(int(i))
    return [texts[i] for i in picked]


class WordSource(Protocol):
    """Where the word columns of the topic tables come from: the BERTopic model after a fit
    (`ModelWords`), or the previous tables after a placement (`nlp.topic_place.TableWords`)."""

    def topic_words(self, topic: int) -> list[str]:
        """The topic's words, best first."""

    def over_time(self, labels: np.ndarray, years: list[int]) -> Mapping[tuple[int, int], str]:
        """(topic, year) -> words of the topic in that year (missing pairs get "")."""

    def per_class(self, labels: np.ndarray, split: str, values: list[str]) -> Mapping[tuple[int, str], str]:
        """(topic, value of `split`) -> words of the topic in that class (missing pairs get "")."""


@dataclass(frozen=True)
class ModelWords:
    """Word columns from a fitted BERTopic model (c-TF-IDF over the segments `docs`)."""

    model: Any
    docs: list[str]
    top_n: int

    def topic_words(self, topic: int) -> list[str]:
        # BERTopic pads short word lists with "": never a word.
        return [w for w, _ in (self.model.get_topic(topic) or []) if w][: self.top_n]

    def over_time(self, labels: np.ndarray, years: list[int]) -> dict[tuple[int, int], str]:
        frame = self.model.topics_over_time(self.docs, years, topics=labels.tolist(),
                                            global_tuning=True, evolution_tuning=False)
        return {(int(r.Topic), int(r.Timestamp) if isinstance(r.Timestamp, (int, np.integer))
                 else int(pd.Timestamp(r.Timestamp).year)): r.Words for r in frame.itertuples()}

    def per_class(self, labels: np.ndarray, split: str, values: list[str]) -> dict[tuple[int, str], str]:
        frame = self.model.topics_per_class(self.docs, values, global_tuning=True)
        return {(int(r.Topic), str(r.Class)): r.Words for r in frame.itertuples()}


def text_sha(texts: pd.Series) -> list[str]:
    """sha256 hex of each segment text: tells a later run which segments are unchanged."""
    return [hashlib.sha256(t.encode("utf-8")).hexdigest() for t in texts.astype(str)]


def fit_settings_sha(settings: TopicSettings) -> str:
    """Fingerprint of the settings that shape the fitted model (not those recomputed from the
    labels: emergent, growth, representatives): a placement is only valid under the same ones."""
    keys = ("seed", "min_segments", "n_neighbors", "n_components", "min_cluster_size", "min_samples",
            "top_n_words", "cluster_selection", "stop_words")
    data = json.dumps({k: getattr(settings, k) for k in keys}, sort_keys=True, default=list)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def run_info(segments: pd.DataFrame, emb: np.ndarray, theme_texts: Mapping[str, str], theme_emb: np.ndarray,
             settings: TopicSettings, mode: str) -> dict[str, Any]:
    """The `info` of a topic run: seed, input hash, library versions, settings and mode
    ("geschat" = fitted, "geplaatst" = placed into the previous topics)."""
    n = len(segments)
    digest = hashlib.sha256()
    for part in (segments[["doc", "turn", "part", "text"]].astype(str).to_csv(index=False).encode("utf-8"),
                 emb.tobytes(), theme_emb.tobytes(), json.dumps(dict(theme_texts), sort_keys=True).encode()):
        digest.update(part)
    return {"mode": mode, "seed": settings.seed, "segments": n, "input_sha256": digest.hexdigest(),
            "bertopic": package_version("bertopic"), "umap": package_version("umap-learn"),
            "hdbscan": package_version("hdbscan"),
            "fit_settings_sha256": fit_settings_sha(settings),
            "settings": {**{k: v for k, v in settings.__dict__.items() if k != "stop_words"},
                         **settings.resolved(max(n, 1))}}


def prepare(segments: pd.DataFrame, embeddings: np.ndarray, theme_texts: Mapping[str, str],
            theme_embeddings: np.ndarray, settings: TopicSettings) -> tuple[np.ndarray, np.ndarray]:
    """Checked float32 (embeddings, theme embeddings) for a fit or a placement.

    Raises:
        NlpError: N411 missing columns, N412/N413 embeddings that do not match, N416 bad settings.
    """
    emb = np.asarray(embeddings, dtype=np.float32)
    theme_emb = np.asarray(theme_embeddings, dtype=np.float32).reshape(len(theme_texts), -1)
    _check(segments, emb, theme_texts, theme_emb)
    if settings.emergent_rule not in ("far_and_coded", "far", "far_or_uncoded") or \
            settings.cluster_selection not in ("leaf", "eom"):
        raise NlpError("N416", "ongeldige topic-instelling: emergent_rule moet 'far_and_coded', 'far' of "
                               "'far_or_uncoded' zijn en cluster_selection 'leaf' of 'eom'")
    return emb, theme_emb


def fit_topics(segments: pd.DataFrame, embeddings: np.ndarray, theme_texts: Mapping[str, str],
               theme_embeddings: np.ndarray, settings: TopicSettings = TopicSettings()) -> TopicResult:
    """Fit topics on all segments and align them with the codebook themes.

    Args:
        segments: the coded segments table (doc, turn, part, year, type, wijk, text, themes, ...),
            pseudonymised; row i belongs to `embeddings[i]`.
        embeddings: (n, dim) L2-normalised segment embeddings from the project's `Embedder`.
        theme_texts: theme id -> prototype text (e.g. name + definition + examples), in the row
            order of `theme_embeddings`.
        theme_embeddings: (n_themes, dim) embeddings of `theme_texts` by the same embedder.
        settings: `TopicSettings`.

    Returns:
        A `TopicResult` (`info["mode"] == "geschat"`); with fewer than `settings.min_segments`
        segments (or no cluster at all) empty tables and a Dutch note explaining why.

    Raises:
        NlpError: N411 missing columns, N412/N413 embeddings that do not match, N416 bad settings.
    """
    emb, theme_emb = prepare(segments, embeddings, theme_texts, theme_embeddings, settings)
    n = len(segments)
    info = run_info(segments, emb, theme_texts, theme_emb, settings, mode="geschat")
    if n < settings.min_segments:
        return _empty([f"Te weinig segmenten voor topics ({n}; minimaal {settings.min_segments} "
                       "nodig): geen topicmodel gemaakt."], info)
    seg = segments.reset_index(drop=True)
    docs = [clean_for_words(t) for t in seg["text"].astype(str)]
    model, lab = _fit_bertopic(docs, emb, settings)
    if not set(lab.tolist()) - {-1}:
        return _empty(["Geen samenhangende topics gevonden in deze segmenten (alles is ruis)."], info)
    return build_tables(seg, emb, theme_texts, theme_emb, lab, ModelWords(model, docs, settings.top_n_words),
                        settings, info, model=model)


def build_tables(seg: pd.DataFrame, emb: np.ndarray, theme_texts: Mapping[str, str], theme_emb: np.ndarray,
                 lab: np.ndarray, words: WordSource, settings: TopicSettings, info: dict[str, Any],
                 notes: tuple[str, ...] = (), model: Any = None) -> TopicResult:
    """The topic tables from one label per segment (-1 = outlier), shared by fit and placement.

    Sizes, shares, representatives, similarity to the themes and the emergent/growing flags are
    computed here from `lab` and the embeddings; only the word columns come from `words`.
    `seg` has a 0..n-1 index; `info` is updated with the emergent threshold and its reference.
    """
    n = len(seg)
    ids = sorted(set(lab.tolist()) - {-1})
    notes_out: list[str] = list(notes)
    if not ids:
        return _empty(notes_out, info)
    cents = centroids(emb, lab, ids)
    theme_ids = list(theme_texts)
    if theme_ids:
        sims, raw_sims = centred_similarities(emb, [lab == t for t in ids], theme_emb)
    else:
        sims = raw_sims = np.zeros((len(ids), 0))

    sets = theme_sets(seg["themes"]) if "themes" in seg.columns else [frozenset()] * n
    if "themes" not in seg.columns:
        notes_out.append("De segmenten hebben geen codering (kolom 'themes'): 'emergent' rust alleen op de "
                         "afstand tot de thema's.")
    reference, per_theme = reference_similarity(emb, sets, theme_ids, theme_emb)
    if settings.emergent_similarity is not None:
        threshold = settings.emergent_similarity
    elif reference is not None:
        threshold = settings.emergent_fraction * reference
    else:
        threshold = settings.emergent_fraction * float(np.median(sims.max(axis=1))) if theme_ids else 1.0
        notes_out.append("Geen gecodeerde segmenten om de drempel voor 'emergent' te ijken: de mediaan van de "
                         "topic-gelijkenissen is gebruikt.")
    info.update(threshold=threshold, reference=reference, reference_per_theme=per_theme)

    years = sorted(int(y) for y in seg["year"].unique())
    year_of = seg["year"].astype(int).to_numpy()
    year_total = {y: int((year_of == y).sum()) for y in years}
    over_words = words.over_time(lab, seg["year"].astype(int).tolist())
    rows_ot, rows_topic = [], []
    texts = seg["text"].astype(str).tolist()
    doc_ids = seg["doc"].astype(str).tolist()
    for i, topic in enumerate(ids):
        mask = lab == topic
        shares = []
        for y in years:
            count = int((mask & (year_of == y)).sum())
            share = count / year_total[y]
            shares.append(share)
            rows_ot.append({"topic": topic, "year": y, "count": count, "share": share,
                            "words": over_words.get((topic, y), "")})
        topic_words = words.topic_words(topic)
        members = np.flatnonzero(mask)
        uncoded = float(np.mean([len(sets[j]) == 0 for j in members]))
        best = int(np.argmax(sims[i])) if theme_ids else -1
        similarity = float(sims[i, best]) if theme_ids else float("nan")
        far = bool(similarity < threshold) if theme_ids else True
        rare = uncoded >= settings.uncoded_share
        emergent = {"far_and_coded": far and not rare, "far": far,
                    "far_or_uncoded": far or rare}[settings.emergent_rule]
        rows_topic.append({
            "topic": topic, "size": int(mask.sum()), "words": " ".join(topic_words),
            "label": ", ".join(topic_words[:4]), "nearest_theme": theme_ids[best] if theme_ids else "",
            "similarity": similarity, "emergent": bool(emergent),
            "growing": is_growing(shares, settings.min_growth),
            "representative": json.dumps(_representatives(normalise(emb), lab, topic, cents[i], texts,
                                                          doc_ids, settings.n_representative),
                                         ensure_ascii=False),
            "similarity_raw": float(raw_sims[i, best]) if theme_ids else float("nan"),
            "uncoded_share": uncoded, "far_from_codebook": far,
        })
    if len(years) < 2:
        notes_out.append("Slechts één jaar: of een topic groeit is niet te bepalen.")
    per_class = []
    for split in ("type", "wijk"):
        values = seg[split].fillna("onbekend").astype(str).replace("", "onbekend")
        class_words = words.per_class(lab, split, values.tolist())
        for (topic, value), count in pd.Series(1, index=pd.MultiIndex.from_arrays(
                [lab, values.to_numpy()])).groupby(level=[0, 1]).sum().items():
            if topic != -1:
                per_class.append({"topic": int(topic), "split": split, "value": value, "count": int(count),
                                  "words": class_words.get((int(topic), value), "")})
    segment_topics = pd.DataFrame({"doc": seg["doc"].astype(str), "turn": seg["turn"].astype(int),
                                   "part": seg["part"].astype(int), "topic": lab.astype(int),
                                   "text_sha": text_sha(seg["text"])})
    return TopicResult(
        topics=pd.DataFrame(rows_topic), segment_topics=segment_topics,
        over_time=pd.DataFrame(rows_ot),
        per_class=pd.DataFrame(per_class).sort_values(["split", "topic", "value"]).reset_index(drop=True),
        notes=tuple(notes_out), info=info, model=model)


_PLACEMENT_API = ("changed_share", "place_topics", "update_topics")


def __getattr__(name: str) -> Any:
    """`changed_share`, `place_topics` and `update_topics` live in `nlp.topic_place` (they build on
    this module); they are reachable from here too."""
    if name in _PLACEMENT_API:
        from nlp import topic_place

        return getattr(topic_place, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
