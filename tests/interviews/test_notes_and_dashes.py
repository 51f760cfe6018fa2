"""A meeting tool's notes above its transcript (Google Meet with Gemini) and dash labels ('Naam - tekst').

The documents are built here from Dutch sentences written for these tests. The notes are a machine
summary: none of their lines may become anybody's turn. A dash after a first word is common in speech,
so dash labels count only when they carry the file; the look-alikes below must keep their turns.
"""

from __future__ import annotations

import docx
import pytest

from interviews.readers.errors import InputError
from interviews.readers.notes import notes_end

from reading_helpers import make_docx, read, turns

SPEECH = [("Femke Bos", "Goedemiddag, we beginnen met de rondvraag."),
          ("Karim Haddou", "Ik wil iets zeggen over de speeltuin, daar is het weer onrustig."),
          ("Femke Bos", "Dank je, dat nemen we mee naar het overleg met de wijkagent.")]


def _notes(language: str) -> list[str]:
    if language == "nl":
        return ["Overleg speeltuin - 2026/02/10 15:00 CET - Notities van Gemini", "Uitgenodigd Femke Bos Karim Haddou",
                "Samenvatting", "Femke Bos en Karim Haddou spraken over de onrust bij de speeltuin en over het overleg "
                "met de wijkagent.", "Details",
                "Speeltuin: Karim Haddou gaf aan dat het weer onrustig is bij de speeltuin (00:00:12).",
                "Overleg: Femke Bos neemt het punt mee (00:00:20).", "Voorgestelde volgende stappen",
                "Femke Bos zal de wijkagent uitnodigen.", "Controleer de notities van Gemini op juistheid."]
    return ["Playground meeting - 2026/02/10 15:00 CET - Notes by Gemini", "Summary",
            "Femke Bos and Karim Haddou discussed the playground.", "Details",
            "Playground: Karim Haddou said it is restless again (00:00:12).", "Suggested next steps",
            "Femke Bos will invite the neighbourhood officer."]


def test_gemini_notes_in_dutch_above_a_transcript_with_time_marks_are_no_turns(tmp_path):
    paragraphs = _notes("nl") + ["📖 Transcript", "10 feb 2026", "Overleg speeltuin - Transcript", "00:00:00"]
    paragraphs += [f"{who}: {said}" for who, said in SPEECH] + ["Vergadering beëindigd na 00:01:02"]
    transcript = read(tmp_path, "meet.docx", make_docx(tmp_path, paragraphs))
    assert turns(transcript) == [(SPEECH[0][0], "00:00:00", SPEECH[0][1])] + [(w, None, s) for w, s in SPEECH[1:]]
    assert transcript.turns[0].line > len(_notes("nl"))  # numbered in the whole document, notes included


def test_gemini_notes_in_english_with_headings_above_name_paragraphs(tmp_path):
    document = docx.Document()
    for text in _notes("en"):
        if text in ("Summary", "Details", "Suggested next steps"):
            document.add_heading(text, level=2)
        else:
            document.add_paragraph(text)
    document.add_heading("Transcript", level=1)
    for who, said in SPEECH:
        document.add_paragraph(f"{who}: {said}")
    path = tmp_path / "_notes.docx"
    document.save(path)
    transcript = read(tmp_path, "meet_en.docx", path.read_bytes())
    assert turns(transcript) == [(w, None, s) for w, s in SPEECH]
    assert not any("Gemini" in t.text or t.speaker in ("Playground", "Details") for t in transcript.turns)


def test_gemini_notes_in_a_markdown_export(tmp_path):
    lines = ["# Notities van Gemini", "", "## Samenvatting", "", "Femke Bos en Karim Haddou spraken over de speeltuin.",
             "", "## Details", "", "- Speeltuin: het is weer onrustig.", "", "# Transcript", ""]
    lines += [f"{who}: {said}\n" for who, said in SPEECH]
    assert turns(read(tmp_path, "meet.md", "\n".join(lines))) == [(w, None, s) for w, s in SPEECH]


def test_without_a_notes_section_nothing_is_dropped():
    assert notes_end(["Overleg speeltuin - Transcript", "Aanwezigen", "Transcript", "Femke Bos: Hallo."]) is None
    assert notes_end(["Samenvatting", "Er is gesproken over de speeltuin."]) is None  # no transcript after it
    assert notes_end(["Femke Bos: Zullen we een samenvatting maken?", "Karim Haddou: Transcript? Nee hoor."]) is None


# --- dash labels -------------------------------------------------------------------------------

DASHED = [("Jongerenwerker", "Ik zie ze vooral op woensdagmiddag, als school vroeg uit is."),
          ("Vader", "Mijn zoon zegt dat hij bij een vriend is - maar dat klopt dan niet altijd."),
          ("Jongerenwerker", "Dat herken ik. Spreek het gewoon uit, zonder meteen boos te worden."),
          ("Vader", "Makkelijker gezegd dan gedaan - ik werk tot zes uur."),
          ("Jongerenwerker", "Dan bel ik u een keer op vrijdag, dan hebben we tijd.")]


def test_dash_labels_that_recur_are_the_speakers(tmp_path):
    text = "Gesprek met een vader\nUitgewerkt door: student\n\n"
    text += "\n\n".join(f"{who} {'–' if who == 'Vader' else '-'} {said}" for who, said in DASHED) + "\n"
    transcript = read(tmp_path, "streepjes.txt", text)
    assert turns(transcript) == [(w, None, s) for w, s in DASHED]
    assert "streepje" in transcript.layout


def test_dash_labels_one_per_line_with_times(tmp_path):
    text = "".join(f"[00:00:{10 * i:02d}] {who} - {said}\n" for i, (who, said) in enumerate(DASHED))
    assert turns(read(tmp_path, "tijden.txt", text)) == [
        (w, f"00:00:{10 * i:02d}", s) for i, (w, s) in enumerate(DASHED)]


def test_a_dash_after_a_first_word_in_speech_stays_one_turn(tmp_path):
    text = ("Nou - ik weet het niet. Mijn buurjongen - die van nummer tien - zit de hele dag binnen.\n\n"
            "Eerlijk gezegd - en dat zeg ik niet graag - maak ik me zorgen.\n")
    transcript = read(tmp_path, "monoloog.txt", text)
    assert [t.speaker for t in transcript.turns] == [None, None]
    assert transcript.turns[0].text.startswith("Nou - ik weet")


def test_colon_labels_keep_speech_with_dashes_and_wrapped_lines_starting_with_a_dash_word(tmp_path):
    text = ("Docent: De leerlingen - vooral de jongens - komen later binnen dan vorig jaar,\n"
            "Maandag - dat is de ergste dag - is het bijna de helft.\n\n"
            "Ouder: Thuis merken we dat ook. Ze gamen tot laat - veel te laat -\n"
            "Maandag - ja, dan is het het ergst.\n\n"
            "Docent: Dan moeten we samen afspraken maken - school en thuis.\n\n"
            "Ouder: Graag. Bel me - liefst na vijven.\n")
    assert turns(read(tmp_path, "school.txt", text)) == [
        ("Docent", None, "De leerlingen - vooral de jongens - komen later binnen dan vorig jaar, "
                         "Maandag - dat is de ergste dag - is het bijna de helft."),
        ("Ouder", None, "Thuis merken we dat ook. Ze gamen tot laat - veel te laat - Maandag - ja, dan is het het ergst."),
        ("Docent", None, "Dan moeten we samen afspraken maken - school en thuis."),
        ("Ouder", None, "Graag. Bel me - liefst na vijven.")]


def test_a_recurring_dash_word_in_long_speech_is_no_speaker(tmp_path):
    paragraphs = [f"Helmond - zo noemen we het hier gewoon - is {x}." for x in ("groot", "veranderd", "mijn thuis")]
    paragraphs += [f"Zaterdag - dat was het leukst - gingen we {x}." for x in ("zwemmen", "vissen")]
    paragraphs += [f"Het buurthuis was {x}, dat weet iedereen hier in de straat nog wel." for x in
                   ("altijd open", "klein", "warm", "vol", "gezellig", "ons tweede huis")]
    transcript = read(tmp_path, "herinneringen.txt", "\n\n".join(paragraphs) + "\n")
    assert all(t.speaker is None for t in transcript.turns) and len(transcript.turns) == 11


def test_dash_labels_in_word(tmp_path):
    data = make_docx(tmp_path, [f"{who} – {said}" for who, said in DASHED])
    assert turns(read(tmp_path, "streepjes.docx", data)) == [(w, None, s) for w, s in DASHED]


def test_only_gemini_notes_without_a_transcript_are_refused(tmp_path):
    data = make_docx(tmp_path, _notes("nl"))
    with pytest.raises(InputError) as info:
        read(tmp_path, "alleen_notities.docx", data)
    assert info.value.code == "N116" and "alleen_notities.docx, regel 1" in info.value.message
    assert "notities van Gemini" in info.value.message and "Karim" not in info.value.message


def test_speech_about_gemini_notes_is_read_as_speech(tmp_path):
    text = ("Femke Bos: Heeft iemand de notities van Gemini gelezen?\n\n"
            "Karim Haddou: Ja, maar de samenvatting klopte niet helemaal.\n\n"
            "Femke Bos: Dan lezen we het transcript terug.\n")
    assert [t.speaker for t in read(tmp_path, "gesprek.txt", text).turns] == ["Femke Bos", "Karim Haddou", "Femke Bos"]


def test_bold_labels_followed_by_a_dash_in_word(tmp_path):
    document = docx.Document()
    for who, said in DASHED[:3]:
        paragraph = document.add_paragraph()
        paragraph.add_run(who).bold = True
        paragraph.add_run(f" – {said}")
    paragraph = document.add_paragraph()
    paragraph.add_run(f"{DASHED[3][0]} -").bold = True
    paragraph.add_run(f" {DASHED[3][1]}")
    path = tmp_path / "_vet.docx"
    document.save(path)
    assert turns(read(tmp_path, "vet.docx", path.read_bytes())) == [(w, None, s) for w, s in DASHED[:4]]


def test_in_a_dash_labelled_file_a_speaker_who_speaks_once_is_a_speaker(tmp_path):
    spoken = DASHED[:2] + [("Buurvrouw", "Ik zie die jongens ook, ze zijn best beleefd.")] + DASHED[2:]
    text = "\n\n".join(f"{who} - {said}" for who, said in spoken) + "\n"
    assert turns(read(tmp_path, "buurvrouw.txt", text)) == [(w, None, s) for w, s in spoken]
