from __future__ import annotations

import pytest
import spacy

from nlp.language import FALLBACK_BACKEND, MissingModelWarning, load_language


def test_fallback_is_visible_when_model_missing():
    assert not spacy.util.is_package("nl_core_news_lg_does_not_exist")
    with pytest.warns(MissingModelWarning, match=r"\[N401\].*python -m spacy download nl_core_news_lg_does_not_exist"):
        lang = load_language("nl_core_news_lg_does_not_exist")
    assert lang.backend == FALLBACK_BACKEND
    assert lang.has_ner is False
    assert "sentencizer" in lang.nlp.pipe_names and "lemmatizer" in lang.nlp.pipe_names


def test_pipeline_is_cached_per_process(language):
    assert load_language() is language


@pytest.mark.parametrize(
    "form, lemma",
    [
        ("scholen", "school"),
        ("school", "school"),
        ("jongeren", "jongere"),
        ("schulden", "schuld"),
        ("gezinnen", "gezin"),
        ("ouders", "ouder"),
        ("kinderen", "kind"),
        ("wijken", "wijk"),
        ("leerplichtambtenaren", "leerplichtambtenaar"),
        ("jeugdagenten", "jeugdagent"),  # compound tail
        ("gebiedsverboden", "gebiedsverbod"),
        ("verzuimde", "verzuimen"),
        ("spijbelde", "spijbelen"),
        ("ging", "gaan"),
    ],
)
def test_dutch_lemmas(language, form, lemma):
    assert language.lemmas(form) == [lemma]


def test_lemmas_in_context_and_sentences(language):
    doc = language.nlp("De scholen werken samen met jongeren. Ouders hebben vaak schulden.")
    assert [s.text for s in doc.sents] == ["De scholen werken samen met jongeren.", "Ouders hebben vaak schulden."]
    assert language.lemmas(doc.text) == ["de", "school", "werk", "samen", "met", "jongere", "ouder", "hebben", "vaak", "schuld"]


def test_nlp_modules_import_no_other_stage():
    import subprocess
    import sys

    code = (
        "import sys, nlp.language, nlp.embeddings\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'interviews', 'codebook', 'analysis', 'reports', 'narratief'}))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
