"""Place new and changed segments into the topics of the previous run instead of refitting.

A re-run after a small change to the corpus should cost what changed. BERTopic (UMAP, HDBSCAN,
numba) is not loaded here: the previous run's tables say which segment had which topic, and a
segment whose (doc, turn, part, text_sha) is unchanged keeps its topic.

Placement rule for a new or changed segment (embeddings L2-normalised, cosine = dot product):

1. each previous topic gets a centroid: the normalised mean of its *unchanged* members' embeddings
   (a topic without unchanged members is dropped from the tables);
2. each topic gets a bound: the `settings.placement_quantile` quantile (default 0.1, the 10th
   percentile, linear interpolation) of its unchanged members' cosines to that centroid - "at
   least as close as nine in ten of the topic's own segments";
3. the segment goes to the topic with the highest cosine to its centroid (ties: lowest topic id)
   when that cosine reaches the topic's bound, else it is an outlier (-1).

A topic with a single member has bound 1.0, so only an exact duplicate joins it. Topic ids, words
and labels stay those of the last fit (the words of the previous tables); sizes, shares,
representatives, similarity to the themes and the emergent/growing flags are recomputed with the
same code as after a fit (`nlp.topics.build_tables`).

`update_topics` chooses: place while at most `settings.max_changed_share` of the corpus changed
since the last fit (`changed_share`, summed over the placements since that fit) and the fit
settings are the same; refit otherwise and say why in the notes.

Example:
    >>> previous = TopicResult.load(Path("output/topics"))                       # doctest: +SKIP
    >>> result = update_topics(previous, segments, emb, theme_texts, theme_emb)  # doctest: +SKIP
    >>> result.info["mode"], result.info["changed_share"]                        # doctest: +SKIP
    ('geplaatst', 0.04)
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Mapping

import numpy as np
import pandas as pd

from nlp.errors import NlpError
from nlp.topic_align import centroids, normalise
from nlp.topics import (TopicResult, TopicSettings, build_tables, fit_settings_sha, fit_topics, prepare, run_info,
                        text_sha)

Key = tuple[str, int, int, str]


def _keys(doc: pd.Series, turn: pd.Series, part: pd.Series, sha: list[str] | pd.Series) -> list[Key]:
    return list(zip(doc.astype(str), turn.astype(int), part.astype(int), pd.Series(sha).astype(str)))


def _previous_keys(previous: TopicResult) -> list[Key]:
    st = previous.segment_topics
    return _keys(st["doc"], st["turn"], st["part"], st["text_sha"])


def _current_keys(segments: pd.DataFrame) -> list[Key]:
    return _keys(segments["doc"], segments["turn"], segments["part"], text_sha(segments["text"]))


def _usable(previous: TopicResult) -> bool:
    st = previous.segment_topics
    return not previous.topics.empty and not st.empty and "text_sha" in st.columns


def changed_share(previous: TopicResult, segments: pd.DataFrame) -> float:
    """How much of the corpus changed since `previous`, between 0 and 1.

    (added + changed + removed) / current segments, capped at 1.0, where a segment is identified by
    (doc, turn, part): *added or changed* = current segments whose (doc, turn, part, text_sha) is not
    in the previous `segment_topics`; *removed* = previous (doc, turn, part) positions no longer
    present. A changed segment counts once. 1.0 when the previous table is empty or lacks `text_sha`
    (a table of an earlier version), or when there are no current segments.
    """
    st = previous.segment_topics
    if st.empty or "text_sha" not in st.columns or segments.empty:
        return 1.0
    before = set(_previous_keys(previous))
    now = _current_keys(segments)
    added_or_changed = sum(key not in before for key in now)
    positions = {key[:3] for key in now}
    removed = len({key[:3] for key in before} - positions)
    return min(1.0, (added_or_changed + removed) / len(now))


def nearest_topics(embeddings: np.ndarray, labels: np.ndarray, known: np.ndarray,
                   quantile: float) -> tuple[np.ndarray, dict[int, float]]:
    """Labels for the rows where `known` is False by the placement rule (module docstring).

    Args:
        embeddings: (n, dim) segment embeddings.
        labels: (n,) topic per row; only the rows where `known` is True are read (-1 = outlier).
        known: (n,) bool, the unchanged rows whose topic is kept.
        quantile: the member quantile that sets each topic's bound.

    Returns:
        (labels with the unknown rows filled in, topic -> bound).
    """
    emb = normalise(embeddings)
    out = np.where(known, labels, -1).astype(int)
    ids = sorted(set(out[known].tolist()) - {-1})
    if not ids or known.all():
        return out, {}
    cents = centroids(emb, out, ids)
    bounds = np.array([np.quantile(emb[out == t] @ cents[i], quantile) for i, t in enumerate(ids)])
    new = np.flatnonzero(~known)
    sims = emb[new] @ cents.T
    best = np.argmax(sims, axis=1)
    close = sims[np.arange(len(new)), best] >= bounds[best]
    out[new] = np.where(close, np.asarray(ids)[best], -1)
    return out, {t: float(b) for t, b in zip(ids, bounds)}


@dataclass(frozen=True)
class TableWords:
    """Word columns from the previous tables (a placement does not re-estimate words): topic words
    from `topics`, words per (topic, year) from `over_time` and per (topic, class) from `per_class`
    where the previous tables have them, else ""."""

    previous: TopicResult

    def topic_words(self, topic: int) -> list[str]:
        t = self.previous.topics
        return str(t.loc[t["topic"].astype(int) == topic, "words"].iloc[0]).split()

    def over_time(self, labels: np.ndarray, years: list[int]) -> dict[tuple[int, int], str]:
        ot = self.previous.over_time
        if "words" not in ot.columns:
            return {}
        return {(int(t), int(y)): str(w) for t, y, w in zip(ot["topic"], ot["year"], ot["words"].fillna(""))}

    def per_class(self, labels: np.ndarray, split: str, values: list[str]) -> dict[tuple[int, str], str]:
        pc = self.previous.per_class
        if "words" not in pc.columns:
            return {}
        pc = pc[pc["split"] == split]
        return {(int(t), str(v)): str(w) for t, v, w in zip(pc["topic"], pc["value"], pc["words"].fillna(""))}


def place_topics(previous: TopicResult, segments: pd.DataFrame, embeddings: np.ndarray,
                 theme_texts: Mapping[str, str], theme_embeddings: np.ndarray,
                 settings: TopicSettings = TopicSettings()) -> TopicResult:
    """Keep the previous topics and place new and changed segments into them (no refit).

    Args:
        previous: the last run's result (`TopicResult.load` is enough; the model is not needed).
        segments, embeddings, theme_texts, theme_embeddings, settings: as for `fit_topics`.

    Returns:
        A `TopicResult` without model: `info["mode"] == "geplaatst"` with `changed_share`, the
        counts of placed segments and outliers, and `model_input_sha256` (the input of the fit whose
        topics these are); a Dutch note says the topics were not re-estimated.

    Raises:
        NlpError: N414 when `previous` has no topics or no `text_sha` (refit instead), N411-N413,
            N416 as for `fit_topics`.
    """
    emb, theme_emb = prepare(segments, embeddings, theme_texts, theme_embeddings, settings)
    if not _usable(previous):
        raise NlpError("N414", "het vorige topicresultaat heeft geen onderwerpen of geen vingerafdrukken "
                               "van de segmenten (text_sha) om nieuwe segmenten in te plaatsen; schat de "
                               "onderwerpen opnieuw")
    seg = segments.reset_index(drop=True)
    share = changed_share(previous, seg)
    previous_topic = {key: int(t) for key, t in zip(_previous_keys(previous), previous.segment_topics["topic"])}
    kept_ids = set(previous.topics["topic"].astype(int))
    now = _current_keys(seg)
    known = np.array([key in previous_topic for key in now], dtype=bool)
    labels = np.array([previous_topic.get(key, -1) for key in now], dtype=int)
    labels[known & ~np.isin(labels, list(kept_ids))] = -1  # an outlier stays an outlier
    labels, bounds = nearest_topics(emb, labels, known, settings.placement_quantile)

    placed = int((~known).sum())
    outliers = int((labels[~known] == -1).sum())
    dropped = sorted(kept_ids - set(labels.tolist()))
    notes = [f"{placed} nieuwe of gewijzigde segmenten ({share:.0%} van het corpus veranderd) zijn in de "
             "bestaande onderwerpen geplaatst; de onderwerpen zijn niet opnieuw geschat (nummers, woorden en "
             "labels komen uit de laatste schatting)."]
    if outliers:
        notes.append(f"{outliers} daarvan passen bij geen bestaand onderwerp en staan als uitschieter (-1).")
    if dropped:
        notes.append("Vervallen onderwerp(en) zonder segmenten: " + ", ".join(map(str, dropped)) + ".")

    info = run_info(seg, emb, theme_texts, theme_emb, settings, mode="geplaatst")
    before: Mapping[str, Any] = previous.info
    info.update({k: before[k] for k in ("bertopic", "umap", "hdbscan", "fit_settings_sha256") if k in before})
    info.update(changed_share=share, changed_since_fit=changed_since_fit(previous, seg),
                placed=placed, outliers=outliers, dropped_topics=dropped,
                placement_bounds={str(t): b for t, b in bounds.items()},
                model_input_sha256=before.get("model_input_sha256", before.get("input_sha256")))
    return build_tables(seg, emb, theme_texts, theme_emb, labels, TableWords(previous), settings, info,
                        notes=tuple(notes))


def changed_since_fit(previous: TopicResult, segments: pd.DataFrame) -> float:
    """Change since the last fit, summed over the placements in between (an upper bound, capped at
    1.0): small changes run after run must not keep the topics of one old fit forever."""
    placed = previous.info.get("mode") == "geplaatst"
    before = float(previous.info.get("changed_since_fit", 0.0)) if placed else 0.0
    return min(1.0, before + changed_share(previous, segments))


def refit_reason(previous: TopicResult | None, segments: pd.DataFrame, settings: TopicSettings) -> str | None:
    """Why `update_topics` refits instead of placing (Dutch, for the notes), or None to place."""
    if previous is None:
        return "er is geen eerder onderwerpmodel"
    if not _usable(previous):
        return "het vorige resultaat heeft geen onderwerpen of geen vingerafdrukken van de segmenten"
    if previous.info.get("fit_settings_sha256") != fit_settings_sha(settings):
        return "de instellingen van het onderwerpmodel zijn gewijzigd"
    if len(segments) < settings.min_segments:
        return "te weinig segmenten"
    share = changed_since_fit(previous, segments)
    if share > settings.max_changed_share:
        return (f"{share:.0%} van de segmenten is sinds de laatste schatting nieuw, gewijzigd of verwijderd "
                f"(meer dan de grens van {settings.max_changed_share:.0%})")
    return None


def update_topics(previous: TopicResult | None, segments: pd.DataFrame, embeddings: np.ndarray,
                  theme_texts: Mapping[str, str], theme_embeddings: np.ndarray,
                  settings: TopicSettings = TopicSettings()) -> TopicResult:
    """Place into `previous` when little changed (`refit_reason` is None), else fit anew.

    After a refit that replaces an earlier result, a Dutch note says that and why the topics were
    re-estimated, and `info["refit_reason"]` holds the reason. `previous=None` (first run, or an
    embedding model that changed) is a plain fit.
    """
    reason = refit_reason(previous, segments, settings)
    if reason is None:
        placed = place_topics(previous, segments, embeddings, theme_texts, theme_embeddings, settings)
        if not placed.topics.empty:
            return placed
        reason = "na het plaatsen bleef geen onderwerp over"
    result = fit_topics(segments, embeddings, theme_texts, theme_embeddings, settings)
    if previous is None:
        return result
    share = changed_share(previous, segments)
    note = (f"De onderwerpen zijn opnieuw geschat omdat {reason}; nummers, woorden en labels kunnen "
            "afwijken van de vorige run.")
    return replace(result, notes=(note, *result.notes),
                   info={**result.info, "refit_reason": reason, "changed_share": share})
