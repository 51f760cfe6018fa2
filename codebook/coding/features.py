"""Features of the learned coder: TF-IDF word and character n-grams (fitted on the texts of the
corpus being coded, no labels), sentence embeddings, and the zero-shot scores.

Each block is scaled to a comparable norm so no block dominates by its dimension alone.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer


class FeatureSpace:
    """Turn texts + dense blocks into one sparse feature matrix (scikit-learn style `fit`/`transform`).

    Args:
        word_ngrams: n-gram range of the word TF-IDF.
        char_ngrams: n-gram range of the character TF-IDF (within word boundaries).
        dense_weight: scale of each dense block (embeddings, zero-shot scores) relative to TF-IDF.
    """

    def __init__(self, word_ngrams: tuple[int, int] = (1, 2), char_ngrams: tuple[int, int] = (3, 5),
                 dense_weight: float = 1.0):
        self.word_ngrams = word_ngrams
        self.char_ngrams = char_ngrams
        self.dense_weight = dense_weight

    def fit(self, texts: Sequence[str]) -> "FeatureSpace":
        texts = [str(t) for t in texts]
        self.word_ = TfidfVectorizer(ngram_range=self.word_ngrams, min_df=2 if len(texts) > 50 else 1,
                                     sublinear_tf=True, lowercase=True)
        self.char_ = TfidfVectorizer(analyzer="char_wb", ngram_range=self.char_ngrams,
                                     min_df=2 if len(texts) > 50 else 1, sublinear_tf=True, lowercase=True)
        self.word_.fit(texts)
        self.char_.fit(texts)
        return self

    def transform(self, texts: Sequence[str], dense: Sequence[np.ndarray] = ()) -> sparse.csr_matrix:
        texts = [str(t) for t in texts]
        blocks = [self.word_.transform(texts), self.char_.transform(texts)]
        for block in dense:
            block = np.asarray(block, dtype=np.float64)
            norms = np.linalg.norm(block, axis=1, keepdims=True)
            scale = float(np.median(norms[norms > 0])) if np.any(norms > 0) else 1.0
            blocks.append(sparse.csr_matrix(block / scale * self.dense_weight))
        return sparse.hstack(blocks).tocsr()
