"""The stage on hand-built transcripts with real deduce: labels, decisions, allow/deny, leak check."""

from __future__ import annotations

import csv

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


def test_review_file_decisions_are_kept_and_applied(run, tmp_path):
    run([transcript()])
    review = tmp_path / "keys" / "bevindingen.csv"
    with review.open(encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert rows and {"categorie", "tekst", "score", "herkenner", "context", "besluit"} <= set(rows[0])
    assert len({(r["categorie"], r["tekst"].casefold()) for r in rows}) == len(rows)
    for row in rows:  # the user rejects "Roos" as a person
        if row["tekst"] == "Roos":
            row["besluit"] = "afgewezen"
    with review.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), delimiter=";")
        writer.writeheader()
        writer.writerows(rows)
    _, result = run([transcript()])
    assert "Roos zei" in result.transcripts[0].turns[3].text
    with review.open(encoding="utf-8-sig") as handle:
        kept = [r for r in csv.DictReader(handle) if r["tekst"] == "Roos"]
    assert kept and kept[0]["besluit"] == "afgewezen"


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
