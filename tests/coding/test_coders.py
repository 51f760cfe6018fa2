from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from codebook.coding.learned import LearnedCoder, human_label_matrix
from codebook.coding.lexical import LexicalCoder
from codebook.coding.settings import CodingSettings
from codebook.coding.zeroshot import ZeroShotCoder


def test_lexical_matches_lemmas_phrases_and_compounds(small_codebook, language):
    coder = LexicalCoder(small_codebook, language)
    texts = [
        "De scholen en hun leerlingen doen mee.",  # plural forms -> school, leerling
        "Er was een melding bij Veilig Thuis over het gezin.",  # phrase + word
        "Het schoolverzuim daalt.",  # compound tail "verzuim" (subcode, counts for the theme too)
        "Dit moet anders.",  # lens phrase, verb form
        "Niets relevants hier.",
        "Een gezinscoach kwam langs op het schoolplein.",  # compound heads "gezin", "school"
        "Ze spijbelden.",  # inflection, not a compound
    ]
    result = coder.score(coder.lemmatise(texts))
    col = {cid: i for i, cid in enumerate(result.code_ids)}
    assert result.matched[0]["school"] == ("leerling", "school")
    assert result.scores[0, col["school"]] == pytest.approx(0.75)
    assert result.matched[1]["gezin"] == ("gezin", "veilig thuis")
    assert result.matched[2]["school"] == ("school", "verzuim")  # head and tail of the compound
    assert result.matched[2]["school.verzuim"] == ("verzuim",)
    assert result.matched[5]["gezin"] == ("gezin",) and result.matched[5]["school"] == ("school",)
    assert result.matched[3] == {"bijsturen": ("moet anders",)}
    assert result.matched[4] == {} and not result.scores[4].any()


def test_zero_shot_ranks_the_right_theme_and_explains(small_codebook, embedder, language):
    texts = [
        "Hij kwam al weken niet meer naar de les, de leerplichtambtenaar is nu ingeschakeld.",
        "De moeder en de vader worden allebei betrokken bij de hulp.",
        "Het weer was gisteren erg mooi en we hebben buiten gegeten.",
        "De bus naar het centrum rijdt elk halfuur.",
    ]
    themes = small_codebook.themes
    coder = ZeroShotCoder(small_codebook, themes, embedder, CodingSettings(keyword_weight=0.0))
    lexical = LexicalCoder(small_codebook, language, themes)
    scores = coder.score(embedder.embed(texts), lexical.score(lexical.lemmatise(texts)), np.ones(4, dtype=bool))
    assert scores.combined.shape == (4, 2) and scores.code_ids == ("school", "gezin")
    assert scores.semantic[0].argmax() == 0 and scores.semantic[1].argmax() == 1
    assert scores.semantic[0, 0] > scores.semantic[2:, 0].max() and scores.semantic[1, 1] > scores.semantic[2:, 1].max()
    assert scores.reason(0, 0).startswith("lijkt op voorbeeld: De leerplichtambtenaar")
    assert scores.reason(2, 0) is None  # not close enough to explain


def test_learned_coder_sklearn_style_with_fallback_per_code():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(60, 5))
    groups = np.repeat(["a", "b", "c", "d"], 15)
    rare = np.zeros(60, dtype=int)
    rare[[3, 20, 41]] = 1  # three positives: below min_positives, zero-shot decides
    Y = np.stack([(X[:, 0] > 0).astype(int), rare], axis=1)
    fallback = np.stack([np.zeros(60), X[:, 1]], axis=1)  # zero-shot knows nothing about label a
    coder = LearnedCoder(["a", "b"], min_positives=5, n_splits=4, random_state=1)
    assert not hasattr(coder, "estimators_")
    coder.fit(X, Y, groups, fallback, np.array([0.5, 0.5]))
    assert coder.use_learned_.tolist() == [True, False] and coder.estimators_[1] is None
    assert [f.coder for f in coder.fits_] == ["geleerd", "zero-shot"] and "positieven" in coder.fits_[1].reason
    proba = coder.predict_proba(X)
    assert proba.shape == (60, 2) and np.isnan(proba[:, 1]).all()
    assert ((proba[:, 0] > 0.5) == (X[:, 0] > 0)).mean() > 0.9
    assert coder.fits_[0].cv_f1_learned > 0.8 and coder.n_samples_ == 60
    # zero-shot that is as good as the model keeps the code
    better = LearnedCoder(["a", "b"], min_positives=5, n_splits=4).fit(X, Y, groups, np.stack([X[:, 0], X[:, 1]], 1),
                                                                      np.array([0.0, 0.5]))
    assert better.use_learned_.tolist() == [False, False]


def test_agreement_estimate_never_uses_training_segments():
    """Labels that are pure noise: a model evaluated on its own training rows would look perfect;
    the out-of-fold decisions must not."""
    rng = np.random.default_rng(3)
    X = rng.normal(size=(80, 40))
    Y = rng.integers(0, 2, size=(80, 1))
    groups = np.repeat(list("abcd"), 20)
    coder = LearnedCoder(["a"], min_positives=5, n_splits=4, random_state=0)
    coder.fit(X, Y, groups, np.full((80, 1), -1.0), np.array([0.0]))
    from sklearn.linear_model import LogisticRegression

    train_fit = LogisticRegression(C=1.0, class_weight="balanced", max_iter=3000).fit(X, Y[:, 0])
    assert (train_fit.predict(X) == Y[:, 0]).mean() > 0.85  # memorised
    assert (coder.oof_decisions_[:, 0] == Y[:, 0]).mean() < 0.75  # honest: about chance


def test_human_label_matrix_majority_and_whole_turns():
    segments = pd.DataFrame({"doc": ["d", "d", "d", "e"], "turn": [0, 1, 1, 0], "part": [0, 0, 1, 0]})
    human = pd.DataFrame(
        [
            {"doc": "d", "turn": 0, "part": 0, "coder": "anna", "code": "school"},
            {"doc": "d", "turn": 0, "part": 0, "coder": "bram", "code": "gezin"},
            {"doc": "d", "turn": 0, "part": 0, "coder": "bram", "code": "school"},
            {"doc": "d", "turn": 1, "part": None, "coder": "anna", "code": "gezin"},  # whole turn
            {"doc": "e", "turn": 0, "part": 0, "coder": "anna", "code": ""},  # reviewed, no code
            {"doc": "x", "turn": 9, "part": 0, "coder": "anna", "code": "school"},  # unknown segment
        ]
    )
    rows, Y = human_label_matrix(segments, human, ["school", "gezin"])
    assert rows.tolist() == [0, 1, 2, 3]
    assert Y.tolist() == [[1, 1], [0, 1], [0, 1], [0, 0]]  # gezin: 1 of 2 coders = half counts


def test_regularisation_and_prior_weight_are_chosen_per_code_by_grouped_cv():
    """A zero-shot prior that points the wrong way gets the smallest weight on offer; the model's C
    comes from the grid; an estimator without C is used as it is."""
    rng = np.random.default_rng(5)
    X = rng.normal(size=(80, 6))
    groups = np.repeat(list("abcd"), 20)
    Y = (X[:, :1] > 0).astype(int)
    misleading = -3.0 * X[:, :1]  # zero-shot says the opposite of the reviewers
    coder = LearnedCoder(["a"], min_positives=5, n_splits=4, prior_weight=1.0,
                         c_grid=(0.1, 1.0, 10.0), prior_grid=(0.0, 1.0, 2.0))
    coder.fit(X, Y, groups, misleading, np.array([0.0]))
    assert coder.use_learned_[0] and coder.prior_weights_[0] == 0.0
    assert coder.estimators_[0].C in (0.1, 1.0, 10.0)
    assert ((coder.predict_proba(X, misleading)[:, 0] > 0.5) == Y[:, 0]).mean() > 0.9
    from sklearn.linear_model import RidgeClassifier

    plain = LearnedCoder(["a"], RidgeClassifier(), min_positives=5, n_splits=4, c_grid=(0.1, 1.0))
    plain.fit(X, Y, groups, np.zeros((80, 1)), np.array([0.5]))
    assert isinstance(plain.estimators_[0], RidgeClassifier) and plain.use_learned_[0]


def test_themes_are_scored_by_contrast_with_the_other_themes(codebook, embedder, language):
    texts = [
        "Hij spijbelt steeds vaker en de mentor heeft de leerplichtambtenaar gebeld.",
        "Zijn vader en moeder krijgen nu ook hulp, het hele gezin doet mee.",
        "We moeten met de school, de ouders, de politie en het jongerenwerk samen optrekken.",
        "Het regende de hele dag en de bus was te laat.",
        "Ze zoekt een stageplek en wil later een eigen bedrijf beginnen.",
    ]
    codes = list(codebook.themes) + list(codebook.lenses)
    lexical = LexicalCoder(codebook, language, codes)
    matches = lexical.score(lexical.lemmatise(texts))
    vectors = embedder.embed(texts)
    plain = ZeroShotCoder(codebook, codes, embedder, CodingSettings(theme_contrast=False, self_training=0.0))
    contrast = ZeroShotCoder(codebook, codes, embedder, CodingSettings(theme_contrast=True, self_training=0.0))
    off = plain.score(vectors, matches, np.ones(len(texts), dtype=bool))
    on = contrast.score(vectors, matches, np.ones(len(texts), dtype=bool))
    themes = [i for i, c in enumerate(codes) if c.kind == "theme"]
    lenses = [i for i, c in enumerate(codes) if c.kind == "lens"]
    expected = off.combined[:, themes] - off.semantic[:, themes].mean(axis=1, keepdims=True)
    np.testing.assert_allclose(on.combined[:, themes], expected)
    np.testing.assert_allclose(on.combined[:, lenses], off.combined[:, lenses])  # lenses are no rivals
    np.testing.assert_allclose(on.semantic, off.semantic)  # reasons still use the plain closeness
    school = [i for i, c in enumerate(codes) if c.id == "school"][0]
    # the truancy sentence stands out for school more clearly than the sentence naming every partner
    assert on.combined[0, school] - on.combined[2, school] > off.combined[0, school] - off.combined[2, school]


def test_self_training_sharpens_a_weak_signal_and_keeps_the_scale():
    """Two clusters of segments; the zero-shot score only weakly follows the cluster. A model trained
    on the clearest and least likely segments spreads the signal to the rest of the cluster."""
    from sklearn.metrics import roc_auc_score

    from codebook.coding.zeroshot import with_self_training

    rng = np.random.default_rng(7)
    n, dim = 240, 12
    member = (rng.random(n) < 0.3).astype(int)
    vectors = rng.normal(size=(n, dim)) + 2.0 * member[:, None] * np.eye(dim)[0]
    scores = np.stack([member + rng.normal(scale=1.2, size=n), rng.normal(size=n)], axis=1)
    codable = np.ones(n, dtype=bool)
    codable[:10] = False  # e.g. interviewer segments: untouched
    groups = np.repeat([f"interview{i}" for i in range(8)], n // 8)
    out = with_self_training(scores, vectors, codable, [0], 0.5, groups)
    assert roc_auc_score(member[codable], out[codable, 0]) > roc_auc_score(member[codable], scores[codable, 0]) + 0.05
    np.testing.assert_allclose(out[codable, 0].std(), scores[codable, 0].std())  # threshold keeps its meaning
    np.testing.assert_array_equal(out[~codable], scores[~codable])
    np.testing.assert_array_equal(out[:, 1], scores[:, 1])  # only the columns asked for
    tiny = with_self_training(scores[:15], vectors[:15], codable[:15], [0], 0.5)
    np.testing.assert_array_equal(tiny, scores[:15])  # too few segments: nothing learned
    with pytest.raises(Exception, match="zelftraining"):
        CodingSettings(self_training=-1.0)
