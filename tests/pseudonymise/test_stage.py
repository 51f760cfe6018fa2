"""The stage on hand-built transcripts with real deduce: labels, decisions, allow/deny, leak check."""

from __future__ import annotations

import pytest

from interviews.pseudonymise import LeakError, check_for_leaks, open_key, pseudonymise_corpus, write_outputs
from interviews.records import Transcript, TranscriptMeta, Turn

TURNS = (
    Turn(0, "Interviewer", "Kun je vertellen wat je doet?"),
    Turn(1, "Fatima", "Ik ben Fatima de Vries, jongerenwerker in Helmond-West. Bel 06-12345678."),
    Turn(2, "Wijkagent Bakker", "Bilal is 14 en woont op de Kerkstraat 12. Ik sprak Jan. Marie zei dat het goed ging."),
    Turn(3, "Wijkagent", "fatima zei niks. Roos zei dat het Carolus Borromeus College goed meedoet met Senzer."),
)


def transcript(doc="gesprek", turns=TURNS, title="Gesprek met Fatima"):
    return Transcript(doc, f"2024/{doc}.txt", TranscriptMeta(2024, "wijk", "Helmond-West", title=title), turns, "0" * 64, "txt")


@pytest.fixture()
def run(tmp_path, deduce_ready):
    def _run(transcripts, **kwargs):
        key = open_key(tmp_path / "keys" / "sleutel.bin", "pw")
        result = pseudonymise_corpus(transcripts, key, review_path=tmp_path / "keys" / "bevindingen.csv", **kwargs)
        return key, result

    return _run


def test_names_labels_and_roles(run):
    key, result = run([transcript()])
    t = result.transcripts[0]
    text = t.to_text()
    assert all(name not in text for name in ("Fatima", "fatima", "Bakker", "Bilal", "Jan", "Marie", "Roos", "Kerkstraat", "0612"))
    labels = [turn.speaker for turn in t.turns]
    assert labels[0] == "Interviewer" and labels[3] == "Wijkagent"
    assert labels[1].startswith("[Persoon ") and labels[2].startswith("Wijkagent [Persoon ")
    assert labels[1] in t.turns[1].text  # label and mention of the same person share a pseudonym
    assert "Carolus Borromeus College" in text and "Senzer" in text and "Helmond-West" in text
    assert "Jan" not in t.turns[2].text and t.turns[2].text.count("[Persoon") == 3  # Bilal, Jan, Marie separated
    assert "[Persoon" in (t.meta.title or "")
    assert t.pseudonym_counts["persoon"] >= 8 and t.pseudonym_counts["telefoon"] == 1
    assert [turn.index for turn in t.turns] == [0, 1, 2, 3]


def test_propagation_across_transcripts(run):
    other = transcript("tweede", (Turn(0, "Interviewer", "En hoe gaat het nu met fatima en met Bilal?"),), title=None)
    _, result = run([transcript(), other])
    second = result.transcripts[1].turns[0].text
    assert "fatima" not in second and "Bilal" not in second and second.count("[Persoon") == 2


def test_review_file_is_sealed_and_decisions_round_trip_through_the_workbook(run, tmp_path):
    from openpyxl import load_workbook

    from interviews.pseudonymise.review_workbook import export_review, import_review

    key, _ = run([transcript()])
    review = tmp_path / "keys" / "bevindingen.csv"
    assert b"Fatima" not in review.read_bytes() and b"Roos" not in review.read_bytes()  # sealed, not plain
    book_path = tmp_path / "elders" / "review.xlsx"
    assert export_review(review, key, book_path) > 3
    book = load_workbook(book_path)
    sheet = book["bevindingen"]
    header = [c.value for c in sheet[1]]
    tekst, besluit = header.index("Tekst (origineel)") + 1, header.index("Besluit") + 1
    for row in range(2, sheet.max_row + 1):  # the user rejects "Roos" as a person
        if sheet.cell(row, tekst).value == "Roos":
            sheet.cell(row, besluit).value = "afgewezen"
    book.save(book_path)
    assert import_review(review, key, book_path) == 1
    _, result = run([transcript()])
    assert "Roos zei" in result.transcripts[0].turns[3].text
    assert b"Roos" not in review.read_bytes()


def test_review_workbook_refuses_output_folder_and_bad_decisions(run, tmp_path):
    from interviews.errors import PseudonymisationError
    from interviews.pseudonymise.review_workbook import export_review, import_review
    from openpyxl import load_workbook

    key, _ = run([transcript()])
    review = tmp_path / "keys" / "bevindingen.csv"
    with pytest.raises(PseudonymisationError) as info:
        export_review(review, key, tmp_path / "output" / "r.xlsx", forbidden=tmp_path / "output")
    assert info.value.code == "N215"
    path = tmp_path / "r.xlsx"
    export_review(review, key, path)
    book = load_workbook(path)
    book["bevindingen"].cell(2, 8).value = "misschien"
    book.save(path)
    with pytest.raises(PseudonymisationError) as info:
        import_review(review, key, path)
    assert info.value.code == "N216" and "regel 2" in info.value.message


def test_allow_and_deny_lists(run):
    turns = (Turn(0, "Interviewer", "De Snackbar Kees is de plek, zei Ahmed. Ook de Buurtkamer hoorde erbij."),)
    _, result = run([transcript(turns=turns, title=None)], allow={"Ahmed"}, deny={"Buurtkamer": "adres"})
    text = result.transcripts[0].turns[0].text
    assert "Ahmed" in text and "Buurtkamer" not in text and "[Adres]" in text


def test_leak_check_names_file_not_string(run, tmp_path):
    key, result = run([transcript()])
    out = tmp_path / "output"
    write_outputs(result.transcripts, out)
    assert check_for_leaks(out, key) == 2
    (out / "rapport").mkdir()
    (out / "rapport" / "hoofdstuk.html").write_text("<p>Citaat van F&#97;tima de Vries</p>".replace("&#97;", "a"))
    with pytest.raises(LeakError) as info:
        check_for_leaks(out, key)
    assert "rapport/hoofdstuk.html" in info.value.message and "Fatima" not in info.value.message
    assert info.value.code == "N220"


def test_leak_check_reads_docx_and_parquet(run, tmp_path):
    import docx
    import pandas as pd

    key, result = run([transcript()])
    out = tmp_path / "out2"
    out.mkdir()
    document = docx.Document()
    document.add_paragraph("Hier staat Bilal in een citaat.")
    document.save(out / "deel.docx")
    with pytest.raises(LeakError, match="deel.docx"):
        check_for_leaks(out, key)
    (out / "deel.docx").unlink()
    pd.DataFrame({"text": ["niets", "met Bakker erin"] * 50}).to_parquet(out / "segments.parquet")
    with pytest.raises(LeakError, match="segments.parquet"):
        check_for_leaks(out, key)
    (out / "segments.parquet").unlink()
    (out / "interview_fatima.txt").write_text("schoon")
    with pytest.raises(LeakError, match="bestandsnaam"):
        check_for_leaks(out, key)
    (out / "interview_fatima.txt").unlink()
    (out / "lijst.txt").write_text("gebruiker fatima_2009 en 2009bakker")  # "_" and digits are boundaries
    with pytest.raises(LeakError, match="lijst.txt"):
        check_for_leaks(out, key)
    (out / "lijst.txt").write_text("Rapport 2024, Helmond-West; Fatimas is geen naam hier")
    assert check_for_leaks(out, key) == 1  # years are never key entries; no match inside words


def test_parquet_text_is_read_row_by_row_also_for_columns_the_csv_writer_cannot_write(tmp_path):
    import io

    import pandas as pd

    from interviews.pseudonymise.leakcheck import file_text

    frame = pd.DataFrame({"voornaam": ["Anouk", "Sem"], "achternaam": ["de Wit", "Kuipers"], "n": [3, 4]})
    buffer = io.BytesIO()
    frame.to_parquet(buffer)
    text = file_text(tmp_path / "t.parquet", buffer.getvalue())
    assert "Anouk" in text and "de Wit" in text and "Kuipers" in text
    assert text.index("Anouk") < text.index("de Wit") < text.index("Sem")  # rows, not columns
    listed = pd.DataFrame({"namen": [["Anouk", "Sem"], ["Kuipers"]]})
    buffer = io.BytesIO()
    listed.to_parquet(buffer)
    assert "Kuipers" in file_text(tmp_path / "l.parquet", buffer.getvalue())


def test_file_stem_with_a_name_becomes_an_opaque_document_id(run, tmp_path):
    named = transcript("2024_gesprek_met_fatima")
    plain = transcript("2024_wijkgesprek_west")
    key, result = run([named, plain])
    docs = [t.doc for t in result.transcripts]
    assert docs[0].startswith("document-") and docs[1] == "2024_wijkgesprek_west"
    assert "fatima" not in result.transcripts[0].source.casefold()
    out = tmp_path / "out3"
    write_outputs(result.transcripts, out)
    assert check_for_leaks(out, key) == 4  # the key knows the stem; outputs hold the opaque id only
    _, again = run([named, plain])
    assert again.transcripts[0].doc == docs[0]  # stable across runs through the key


def test_a_protected_term_is_masked_in_a_long_one_line_file_only_where_it_matters():
    """JSON on one line: the stretches around an original's anchor are masked, with the same answer
    as masking every line (a protected name hides the surname inside it, not the surname alone)."""
    from interviews.pseudonymise.keep import ProtectedVocabulary
    from interviews.pseudonymise.leakcheck import LeakSearch

    search = LeakSearch(["Jansen"], ProtectedVocabulary.build({"Jansen Makelaardij"}, include_defaults=False))
    filler = ", ".join(f'"woord{i}": ["de", "wijk", "school"]' for i in range(2000))
    kept = '{"a": "Jansen Makelaardij", ' + filler + "}"
    assert not search.found(kept)
    assert search.found('{"a": "Jansen Makelaardij", ' + filler + ', "b": "meneer Jansen"}')
    assert search.found('{"a": "Jansen Makelaardij en Jansen", ' + filler + "}")
