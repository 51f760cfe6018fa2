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


def test_lookup_lemmas_are_spacys_where_its_table_knows_the_form(language):
    """The lemma component does on plain dicts what spaCy's Dutch lookup lemmatizer does, wherever
    that lemmatizer's table knows the lower-cased form (the fallback only adds to forms it misses)."""
    theirs = spacy.blank("nl")
    theirs.add_pipe("lemmatizer", config={"mode": "lookup"}).initialize()
    table = theirs.get_pipe("lemmatizer").lookups.get_table("lemma_lookup")
    text = ("Gisteren spraken twee jongerenwerkers met de buurtbewoners over hun zorgen. Zij vonden "
            "dat de kinderen te vaak alleen op straat liepen, 's avonds laat, met 3 vrienden! Ze werkten "
            "samen en bespraken de afspraken die ze eerder maakten.")
    pairs = [(ours.lemma_, spacy_token.lemma_) for ours, spacy_token in zip(language.nlp(text), theirs(text))
             if ours.text.lower() in table]
    assert len(pairs) >= 6  # the table holds some inflected forms only
    assert [ours for ours, _ in pairs] == [spacy_lemma for _, spacy_lemma in pairs]


def test_lemma_tables_are_kept_once_per_computer(language):
    import os
    from pathlib import Path

    kept = list((Path(os.environ["NARRATIEF_CACHE_DIR"]) / "woordenlijsten").glob("nl-lemmatabellen-*.marshal"))
    assert len(kept) == 1


def test_nlp_modules_import_no_other_stage():
    import subprocess
    import sys

    code = (
        "import sys, nlp.language, nlp.embeddings\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'interviews', 'codebook', 'analysis', 'reports', 'narratief'}))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
