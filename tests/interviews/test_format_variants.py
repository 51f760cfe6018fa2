"""Variants of transcription exports that the conformance examples do not show.

Each file is built here from Dutch sentences written for these tests, in the shape the tool writes
(Teams in a Dutch UI, Google Meet, Rev/Descript, Amberscript, WhisperX, typed transcripts, tables,
odd encodings). Each test states the turns a reader must find; a file that cannot be read reliably
must be refused with a numbered error naming the file, never read wrong.
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from interviews.readers.errors import InputError

from reading_helpers import make_docx, read, turns


# Three turns used by most variants: (speaker, timestamp, text).
A, B = "Anouk Smit", "Bram Kok"
SAID = ["Goedemorgen, fijn dat jullie er zijn.", "Ik heb koffie meegenomen voor iedereen.",
        "Dan beginnen we met het plein bij de school."]


TIMED = [(A, "00:00:01", SAID[0]), (B, "00:00:05", SAID[1]), (A, "00:00:09", SAID[2])]
UNTIMED = [(s, None, t) for s, _, t in TIMED]


# --- labels with times, brackets, emphasis and tabs ---------------------------------------------

LINE_VARIANTS = {
    # Rev / Descript: "Naam (00:00:01):" above the speech, and inline
    "rev_kop.txt": "".join(f"{s} ({t}):\n{x}\n\n" for s, t, x in TIMED),
    "rev_inline.txt": "".join(f"{s} ({t}): {x}\n" for s, t, x in TIMED),
    # Amberscript-like: "Naam [00:00:01]: tekst", and a header "Naam [00:00:01]" above the speech
    "amber_inline.txt": "".join(f"{s} [{t}]: {x}\n\n" for s, t, x in TIMED),
    "amber_kop.txt": "".join(f"{s} [{t}]\n{x}\n\n" for s, t, x in TIMED),
    "amber_tijd_kop.txt": "".join(f"[{t}] {s}\n{x}\n\n" for s, t, x in TIMED),
    # a bare time before the label, one turn per line; and the time after the label
    "tijd_los.txt": "".join(f"{t} {s}: {x}\n" for s, t, x in TIMED),
    "tijd_na_label.txt": "".join(f"{s}: [{t}] {x}\n\n" for s, t, x in TIMED),
    # tabs: time TAB name TAB text (spreadsheet exports)
    "tabs.txt": "".join(f"{t}\t{s}\t{x}\n" for s, t, x in TIMED),
    # Markdown with the time inside the bold label
    "vet.md": "# Gesprek\n\n" + "".join(f"**{s} ({t}):** {x}\n\n" for s, t, x in TIMED),
}


@pytest.mark.parametrize("name", sorted(LINE_VARIANTS))
def test_times_around_labels_become_timestamps_not_text(tmp_path, name):
    assert turns(read(tmp_path, name, LINE_VARIANTS[name])) == TIMED


def test_tab_separated_names_without_colon(tmp_path):
    text = "".join(f"{s}\t{x}\n" for s, _, x in UNTIMED)
    assert turns(read(tmp_path, "tabs.txt", text)) == UNTIMED
    # Word: a hanging indent with a tab after the name
    data = make_docx(tmp_path, [f"{s}\t{x}" for s, _, x in UNTIMED])
    assert turns(read(tmp_path, "tabs.docx", data)) == UNTIMED


def test_whisperx_bracketed_speakers_in_srt_vtt_and_txt(tmp_path):
    expected = [("SPEAKER_00", "00:00:01", SAID[0]), ("SPEAKER_01", "00:00:05", SAID[1]),
                ("SPEAKER_00", "00:00:09", SAID[2])]
    srt = "".join(f"{i}\n{t},000 --> {t},900\n[{s}]: {x}\n\n" for i, (s, t, x) in enumerate(expected, 1))
    assert turns(read(tmp_path, "wx.srt", srt)) == expected
    vtt = "WEBVTT\n\n" + "".join(f"{t[3:]}.000 --> {t[3:]}.900\n[{s}]: {x}\n\n" for s, t, x in expected)
    assert turns(read(tmp_path, "wx.vtt", vtt)) == expected
    # .txt: one line per segment; the speaker who speaks once still gets a turn of their own
    txt = "".join(f"[{s}]: {x}\n" for s, _, x in expected)
    assert turns(read(tmp_path, "wx.txt", txt)) == [(s, None, x) for s, _, x in expected]


def test_a_time_at_the_start_of_a_sentence_stays_text(tmp_path):
    text = "Anouk: We spraken af om half tien.\n10:30 gingen we naar huis, toen was het rustig.\n\nBram: Klopt.\n"
    assert turns(read(tmp_path, "zin.txt", text)) == [
        ("Anouk", None, "We spraken af om half tien. 10:30 gingen we naar huis, toen was het rustig."),
        ("Bram", None, "Klopt."),
    ]


def test_typed_i_r_transcript_in_one_paragraph_has_no_header_turn(tmp_path):
    text = ("Interview 3 - jongerenwerker\n\nI: Hoe gaat het in de wijk?\nR: Het gaat wel, maar in het weekend\n"
            "is het onrustig bij de snackbar.\nI: Wat merk je daarvan?\nR: Vooral geluid.\n")
    assert turns(read(tmp_path, "ir.txt", text)) == [
        ("I", None, "Hoe gaat het in de wijk?"),
        ("R", None, "Het gaat wel, maar in het weekend is het onrustig bij de snackbar."),
        ("I", None, "Wat merk je daarvan?"),
        ("R", None, "Vooral geluid."),
    ]


# --- meeting tools: Teams (Dutch UI), Google Meet ----------------------------------------------


def test_teams_docx_in_dutch_with_transcription_stopped_and_restarted(tmp_path):
    data = make_docx(tmp_path, [
        "Wijkoverleg-20250312_140211-Opname van vergadering", "12 maart 2025, 14:02", "45 min 10 s",
        f"{A} heeft de transcriptie gestart",
        f"{A}   0:03\n{SAID[0]}", f"Kok, B.   0:09\n{SAID[1]}",
        f"{A} heeft de transcriptie gestopt", f"{A} heeft de transcriptie gestart",
        f"{A} (Gemeente)   1:02:15\n{SAID[2]}",
        f"{A} heeft de transcriptie gestopt",
    ])
    assert turns(read(tmp_path, "teams.docx", data)) == [
        (A, "00:00:03", SAID[0]), ("Kok, B.", "00:00:09", SAID[1]), (f"{A} (Gemeente)", "01:02:15", SAID[2])]


def test_google_meet_docx_with_time_marks_every_few_minutes(tmp_path):
    data = make_docx(tmp_path, [
        "Overleg buurtteam (2025-03-12 10:00 GMT+1) - Transcript", "Deelnemers",
        "Anouk Smit, Bram Kok, Carla de Wit, Daan Janssen", "Transcript",
        "00:00:00", f"{A}: {SAID[0]}", f"{B}: {SAID[1]}", f"{A}: {SAID[2]}",
        "00:05:00", f"{B}: Daar is het de laatste weken rustiger.", "Carla de Wit: Dat hoor ik ook.",
        "Vergadering beëindigd na 00:06:12",
    ])
    assert turns(read(tmp_path, "meet.docx", data)) == [
        (A, "00:00:00", SAID[0]), (B, None, SAID[1]), (A, None, SAID[2]),
        (B, "00:05:00", "Daar is het de laatste weken rustiger."), ("Carla de Wit", None, "Dat hoor ik ook."),
    ]


def test_google_meet_docx_with_a_time_per_turn(tmp_path):
    paragraphs = ["Transcript"]
    for speaker, time, text in TIMED:
        paragraphs += [time, f"{speaker}: {text}"]
    data = make_docx(tmp_path, paragraphs + ["Transcriptie beëindigd na 00:00:40"])
    assert turns(read(tmp_path, "meet.docx", data)) == TIMED


def test_notes_above_a_meet_transcript_are_left_out_and_the_transcript_read(tmp_path):
    paragraphs = ["Notities", "Samenvatting",
                  "Anouk en Bram bespraken de situatie rond het plein, de afspraken met de school over de "
                  "pauzes en de overlast in de avond; ze spreken af het gesprek over een maand te herhalen.",
                  "Transcript"]
    for speaker, time, text in TIMED:
        paragraphs += [time, f"{speaker}: {text}"]
    transcript = read(tmp_path, "meet_notities.docx", make_docx(tmp_path, paragraphs))
    assert turns(transcript) == TIMED
    assert transcript.layout.startswith("notities van de vergadertool")


def test_a_long_text_above_a_meet_transcript_without_notes_titles_is_still_refused(tmp_path):
    paragraphs = ["Anouk en Bram bespraken de situatie rond het plein, de afspraken met de school over de "
                  "pauzes en de overlast in de avond; ze spreken af het gesprek over een maand te herhalen.",
                  "Transcript"]
    for speaker, time, text in TIMED:
        paragraphs += [time, f"{speaker}: {text}"]
    with pytest.raises(InputError) as info:
        read(tmp_path, "meet_notities.docx", make_docx(tmp_path, paragraphs))
    assert info.value.code == "N116" and "meet_notities.docx, regel 1" in info.value.message
    assert "vóór de eerste sprekerkop" in info.value.message


def test_time_lines_are_never_speech_in_the_general_reading(tmp_path):
    text = f"Titel: overleg\n\n00:00:00\n{A}: {SAID[0]}\n{B}: {SAID[1]}\n\n00:05:00\n{A}: {SAID[2]}\n"
    assert turns(read(tmp_path, "tijden.txt", text)) == [
        (A, "00:00:00", SAID[0]), (B, None, SAID[1]), (A, "00:05:00", SAID[2])]


# --- subtitles ----------------------------------------------------------------------------------


def test_old_teams_vtt_with_name_lines_under_the_timing(tmp_path):
    vtt = (f"WEBVTT\n\nNOTE Confidence: 0.91\n\n00:00:01.000 --> 00:00:04.000\n{A}\n{SAID[0]}\n\n"
           f"NOTE Confidence: 0.88\n\n00:00:05.000 --> 00:00:08.000\n{B}\n{SAID[1]}\n\n"
           f"00:00:09.000 --> 00:00:12.000\n{A}\n{SAID[2]}\n")
    assert turns(read(tmp_path, "stream.vtt", vtt)) == TIMED


def test_whisper_vtt_with_two_line_cues_keeps_its_text(tmp_path):
    vtt = ("WEBVTT\n\n00:01.000 --> 00:04.000\nGoedemorgen allemaal,\nfijn dat jullie er zijn.\n\n"
           "00:05.000 --> 00:08.000\nWe beginnen met het plein\nbij de school.\n")
    assert turns(read(tmp_path, "whisper.vtt", vtt)) == [
        (None, "00:00:01", "Goedemorgen allemaal, fijn dat jullie er zijn."),
        (None, "00:00:05", "We beginnen met het plein bij de school.")]


def test_srt_without_blank_lines_between_cues(tmp_path):
    srt = "".join(f"{i}\n{t},000 --> {t},900\n{s}: {x}\n" for i, (s, t, x) in enumerate(TIMED, 1))
    assert turns(read(tmp_path, "dicht.srt", srt)) == TIMED


# --- tables -------------------------------------------------------------------------------------


@pytest.mark.parametrize("header", [["Tijd", "Spreker", "Tekst"], None])
def test_docx_table_with_time_speaker_text_columns(tmp_path, header):
    rows = [[t, s, x] for s, t, x in TIMED]
    data = make_docx(tmp_path, ["Interview jongerenwerk"], ([header] if header else []) + rows)
    transcript = read(tmp_path, "tabel.docx", data)
    assert turns(transcript) == TIMED and "tijd" in transcript.layout


def test_docx_table_with_speaker_time_text_and_time_ranges(tmp_path):
    rows = [["Spreker", "Tijd", "Tekst"]] + [[s, f"{t} - {t[:-1]}9", x] for s, t, x in TIMED]
    assert turns(read(tmp_path, "tabel.docx", make_docx(tmp_path, [], rows))) == TIMED


# --- encodings ----------------------------------------------------------------------------------

PLAIN = "Anouk: Het café is dicht, zeggen ze.\n\nBram: Dat klopt, sinds één week.\n\nAnouk: Jammer.\n"
PLAIN_TURNS = [("Anouk", None, "Het café is dicht, zeggen ze."), ("Bram", None, "Dat klopt, sinds één week."),
               ("Anouk", None, "Jammer.")]


@pytest.mark.parametrize("encoded", [
    PLAIN.encode("utf-16"),  # Notepad's "Unicode": UTF-16 LE with BOM
    PLAIN.encode("utf-16-le"),  # the same without BOM
    PLAIN.encode("utf-16-be"),
    PLAIN.replace("\n", "\r\n").encode("cp1252"),
    PLAIN.replace("\n", "\r").encode("latin-1"),
    PLAIN.replace(": ", ":\u00a0").encode("utf-8-sig"),
], ids=["utf16-bom", "utf16le", "utf16be", "cp1252-crlf", "latin1-cr", "nbsp-bom"])
def test_encodings_and_line_endings(tmp_path, encoded):
    assert turns(read(tmp_path, "gesprek.txt", encoded)) == PLAIN_TURNS


def test_binary_data_is_still_refused(tmp_path):
    with pytest.raises(InputError) as info:
        read(tmp_path, "opname.txt", bytes(range(256)) * 4)
    assert info.value.code == "N102" and "opname.txt" in info.value.message


# --- names on their own line, display names, page furniture -------------------------------------


def test_otter_without_timestamps_name_line_above_the_speech(tmp_path):
    text = "".join(f"{s}\n{x}\n\n" for s, _, x in UNTIMED)
    transcript = read(tmp_path, "otter.txt", text)
    assert turns(transcript) == UNTIMED and "naam" in transcript.layout
    paragraphs = ["Gesprek op het plein"] + [p for s, _, x in UNTIMED for p in (s, x)]
    assert turns(read(tmp_path, "naamregels.docx", make_docx(tmp_path, paragraphs))) == UNTIMED


def test_prose_with_section_lines_is_not_read_as_speakers(tmp_path):
    text = ("Inleiding\nDit verslag beschrijft het overleg over het plein.\n\n"
            "Bevindingen\nDe overlast is in de avond het grootst.\n\n"
            "Afspraken\nDe school en het jongerenwerk spreken elkaar elke maand.\n")
    assert all(speaker is None for speaker, _, _ in turns(read(tmp_path, "verslag.txt", text)))


def test_display_names_with_pronouns_and_organisations(tmp_path):
    vtt = ("WEBVTT\n\n1\n00:00:01.000 --> 00:00:04.000\nAnouk Smit (zij/haar): Goedemorgen.\n\n"
           "2\n00:00:05.000 --> 00:00:06.000\nBram Kok (Gemeente): Hoi.\n")
    assert turns(read(tmp_path, "zoom.vtt", vtt)) == [
        ("Anouk Smit (zij/haar)", "00:00:01", "Goedemorgen."), ("Bram Kok (Gemeente)", "00:00:05", "Hoi.")]


def test_page_numbers_of_a_converted_pdf_are_not_speech(tmp_path):
    text = f"Anouk: {SAID[0]}\n\nPagina 2 van 3\n\nBram: {SAID[1]}\n\nAnouk: {SAID[2]}\n"
    assert turns(read(tmp_path, "pdf.txt", text)) == [
        ("Anouk", None, SAID[0]), ("Bram", None, SAID[1]), ("Anouk", None, SAID[2])]


def test_docx_tracked_changes_and_content_controls_are_read_as_shown(tmp_path):
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    mark = 'w:author="Redactie" w:date="2025-03-12T10:00:00Z"'
    document = docx.Document()
    first = document.add_paragraph("Anouk: Het was ")
    first._p.append(parse_xml(f'<w:ins {w} w:id="1" {mark}><w:r><w:t xml:space="preserve">heel </w:t></w:r></w:ins>'))
    first._p.append(parse_xml(f'<w:del {w} w:id="2" {mark}><w:r><w:delText xml:space="preserve">erg </w:delText>'
                              '</w:r></w:del>'))
    first.add_run("druk op het plein.")
    body = document.element.body
    body.insert(len(body) - 1, parse_xml(  # before the section properties, as Word writes it
        f"<w:sdt {w}><w:sdtContent><w:p><w:r><w:t>Bram: Dat zag ik ook.</w:t></w:r></w:p></w:sdtContent></w:sdt>"))
    document.add_paragraph("Anouk: Dan spreken we dat af.")
    out = tmp_path / "_gemaakt.docx"
    document.save(out)
    assert turns(read(tmp_path, "bijgewerkt.docx", out.read_bytes())) == [
        ("Anouk", None, "Het was heel druk op het plein."), ("Bram", None, "Dat zag ik ook."),
        ("Anouk", None, "Dan spreken we dat af.")]


def test_odt_deleted_text_footnotes_and_comments_are_not_speech(tmp_path):
    from odf.dc import Creator, Date
    from odf.office import Annotation, ChangeInfo
    from odf.opendocument import OpenDocumentText
    from odf.text import ChangedRegion, Deletion, Note, NoteBody, NoteCitation, P, TrackedChanges

    document = OpenDocumentText()
    deletion = Deletion()
    info = ChangeInfo()
    info.addElement(Creator(text="Redactie"))
    info.addElement(Date(text="2025-03-12T10:00:00"))
    deletion.addElement(info)
    deletion.addElement(P(text="Bram: Deze zin is geschrapt."))
    region = ChangedRegion(check_grammar=False)
    region.addElement(deletion)
    changes = TrackedChanges()
    changes.addElement(region)
    document.text.addElement(changes)
    first = P(text="Anouk: Het was druk")
    note = Note(id="n1", noteclass="footnote")
    note.addElement(NoteCitation(text="1"))
    body = NoteBody()
    body.addElement(P(text="Voetnoot van de typist."))
    note.addElement(body)
    first.addElement(note)
    first.addText(" op het plein.")
    document.text.addElement(first)
    second = P(text="Bram: Dat klopt.")
    comment = Annotation()
    comment.addElement(P(text="Naam nog controleren"))
    second.addElement(comment)
    document.text.addElement(second)
    document.text.addElement(P(text="Anouk: Dan spreken we dat af."))
    out = tmp_path / "_gemaakt.odt"
    document.save(str(out))
    assert turns(read(tmp_path, "bijgewerkt.odt", out.read_bytes())) == [
        ("Anouk", None, "Het was druk op het plein."), ("Bram", None, "Dat klopt."),
        ("Anouk", None, "Dan spreken we dat af.")]


def test_odt_table_transcript_is_read_like_a_word_table(tmp_path):
    from odf.opendocument import OpenDocumentText
    from odf.table import Table, TableCell, TableColumn, TableRow
    from odf.text import P

    document = OpenDocumentText()
    document.text.addElement(P(text="Interview jongerenwerk"))
    table = Table(name="Gesprek")
    table.addElement(TableColumn(numbercolumnsrepeated=2))
    for who, said in [("Spreker", "Tekst"), ("Anouk", SAID[0]), ("Bram", SAID[1]), ("", "Ook voor de buren."),
                      ("Anouk", SAID[2])]:
        row = TableRow()
        for value in (who, said):
            cell = TableCell()
            cell.addElement(P(text=value))
            row.addElement(cell)
        table.addElement(row)
    document.text.addElement(table)
    out = tmp_path / "_gemaakt.odt"
    document.save(str(out))
    assert turns(read(tmp_path, "tabel.odt", out.read_bytes())) == [
        ("Anouk", None, SAID[0]), ("Bram", None, f"{SAID[1]} Ook voor de buren."), ("Anouk", None, SAID[2])]


def test_name_line_with_a_time_line_under_it(tmp_path):
    paragraphs = [p for s, t, x in TIMED for p in (s, t, x)]
    assert turns(read(tmp_path, "naam_tijd.docx", make_docx(tmp_path, paragraphs))) == TIMED
    joined = [f"{s}\n{t[4:]}\n{x}" for s, t, x in TIMED]  # one paragraph with line breaks, "0:01"
    assert turns(read(tmp_path, "naam_tijd2.docx", make_docx(tmp_path, joined))) == TIMED


@pytest.mark.parametrize("timing", ["{t}:00 - {t}:12", "[{t}:05 - {t}:20]"], ids=["premiere", "davinci"])
def test_video_editor_transcripts_with_frames(tmp_path, timing):
    text = "".join(f"{timing.format(t=t)}\n{s}\n{x}\n\n" for s, t, x in TIMED)
    assert turns(read(tmp_path, "montage.txt", text)) == TIMED


def test_an_agenda_with_times_is_no_subtitle_file(tmp_path):
    text = "Agenda\n\n10:00 - 10:30\nWelkom en kennismaking\n\n10:30 - 11:00\nRondvraag\n"
    transcript = read(tmp_path, "agenda.txt", text)
    assert all(t.speaker is None and t.timestamp is None for t in transcript.turns)


# --- list markers, glued labels, caption marks ---------------------------------------------------


@pytest.mark.parametrize("prefix", ["- ", "* ", "\u2022 ", "{n}. ", "{n}) "])
def test_list_markers_before_labels(tmp_path, prefix):
    text = "".join(f"{prefix.format(n=n)}{s}: {x}\n" for n, (s, _, x) in enumerate(UNTIMED, 1))
    assert turns(read(tmp_path, "lijst.md", text)) == UNTIMED


def test_dialogue_dashes_without_labels_stay_text(tmp_path):
    text = "Anouk: Wat zeiden ze?\n- Dat het druk was.\n- En dat het laat werd.\n\nBram: Klopt.\n"
    assert turns(read(tmp_path, "streepjes.txt", text)) == [
        ("Anouk", None, "Wat zeiden ze? - Dat het druk was. - En dat het laat werd."), ("Bram", None, "Klopt.")]


def test_label_glued_to_the_speech_but_not_a_clock_time(tmp_path):
    text = "".join(f"{s}:{x}\n" for s, _, x in UNTIMED) + "\nWe begonnen om 10:30 uur.\n"
    assert turns(read(tmp_path, "vast.txt", text)) == UNTIMED + [(A, None, "We begonnen om 10:30 uur.")]


def test_caption_speaker_marks_are_not_text(tmp_path):
    srt = "1\n00:00:01,000 --> 00:00:03,000\n&gt;&gt; Goedemorgen.\n\n2\n00:00:04,000 --> 00:00:05,000\n>> Hoi.\n"
    assert turns(read(tmp_path, "tv.srt", srt)) == [(None, "00:00:01", "Goedemorgen."), (None, "00:00:04", "Hoi.")]


# --- files that cannot be read reliably: a numbered error naming the file ----------------------


def test_rtf_saved_as_text_is_refused(tmp_path):
    rtf = r"{\rtf1\ansi\deff0 {\fonttbl {\f0 Calibri;}} Anouk: Goedemorgen.\par Bram: Hoi.\par}"
    with pytest.raises(InputError) as info:
        read(tmp_path, "gesprek.txt", rtf)
    assert info.value.code == "N102" and "gesprek.txt, regel 1" in info.value.message and "RTF" in info.value.message
    assert "extensie .rtf" in info.value.message
    renamed = read(tmp_path, "gesprek.rtf", rtf)  # what the message advises works
    assert [turn.speaker for turn in renamed.turns] == ["Anouk", "Bram"]


def test_encrypted_or_old_word_file_named_docx_is_refused_with_the_reason(tmp_path):
    with pytest.raises(InputError) as info:
        read(tmp_path, "geheim.docx", bytes.fromhex("d0cf11e0a1b11ae1") + bytes(512))
    assert info.value.code == "N103" and "geheim.docx" in info.value.message and "wachtwoord" in info.value.message


def test_whisper_txt_one_segment_per_line_gives_a_turn_per_line(tmp_path):
    lines = ["Goedemorgen allemaal.", "Fijn dat jullie er zijn.", "We beginnen met het plein.",
             "Daar is het rustig geworden.", "Dat hoor ik ook van de school.", "Mooi, dan gaan we verder."]
    transcript = read(tmp_path, "whisper.txt", "\n".join(lines) + "\n")
    assert turns(transcript) == [(None, None, line) for line in lines] and "regel" in transcript.layout


def test_prose_wrapped_at_a_fixed_width_stays_one_paragraph(tmp_path):
    text = ("Dit verslag beschrijft het overleg over het plein bij de\nschool. De overlast is in de avond het\n"
            "grootst en de buurt wil dat er meer toezicht komt. De\nschool en het jongerenwerk spreken elkaar\n"
            "elke maand over de voortgang.\n")
    assert len(read(tmp_path, "verslag.txt", text).turns) == 1


def test_whisper_cpp_json(tmp_path):
    import json

    segments = [{"timestamps": {"from": f"{t},000", "to": f"{t},900"},
                 "offsets": {"from": int(t[-2:]) * 1000, "to": int(t[-2:]) * 1000 + 900}, "text": f" {x}"}
                for _, t, x in TIMED]
    data = json.dumps({"systeminfo": "", "result": {"language": "nl"}, "transcription": segments})
    assert turns(read(tmp_path, "cpp.json", data)) == [(None, t, x) for _, t, x in TIMED]
    broken = json.dumps({"transcription": [{"offsets": {"from": "nul"}, "text": "Hoi"}]})
    with pytest.raises(InputError) as info:
        read(tmp_path, "kapot.json", broken)
    assert info.value.code == "N116" and "segment 1" in info.value.message


def test_markdown_pipe_tables(tmp_path):
    text = ("# Gesprek\n\n| Spreker | Tekst |\n|---|---|\n" + "".join(f"| **{s}** | {x} |\n" for s, _, x in UNTIMED)
            + "|  | Ook voor de buren. |\n")
    expected = UNTIMED[:2] + [(A, None, f"{SAID[2]} Ook voor de buren.")]
    assert turns(read(tmp_path, "tabel.md", text)) == expected
    timed = "| Tijd | Spreker | Tekst |\n| :-- | :-- | :-- |\n" + "".join(f"| {t} | {s} | {x} |\n" for s, t, x in TIMED)
    assert turns(read(tmp_path, "tijden.md", timed)) == TIMED


def test_time_marks_inside_the_speech_are_dropped(tmp_path):
    text = "Anouk: Het was druk [00:12:31] en toen werd het stil.\n\nBram: Dat klopt (00:12:40), echt stil.\n"
    assert turns(read(tmp_path, "markeringen.txt", text)) == [
        ("Anouk", None, "Het was druk en toen werd het stil."), ("Bram", None, "Dat klopt, echt stil.")]


def test_an_incidental_time_header_does_not_refuse_a_typed_transcript(tmp_path):
    text = ("Verslag van de avond met buurtouders in het buurthuis, opgesteld door de jongerenwerker direct na "
            "afloop van de bijeenkomst.\n\nAanvang 19:30\n\n"
            + "".join(f"{s}: {x}\n\n" for s, _, x in UNTIMED) + "Einde 21:00\n")
    transcript = read(tmp_path, "verslag.txt", text)
    assert [t for t in turns(transcript) if t[0]][:3] == UNTIMED  # read, not refused (N116)


def test_old_teams_vtt_with_short_timings(tmp_path):
    vtt = "WEBVTT\n\n0:0:1.0 --> 0:0:4.680\n<v Anouk Smit>Goedemorgen.</v>\n\n0:0:5.120 --> 0:0:9.0\n<v Bram Kok>Hoi.</v>\n"
    assert turns(read(tmp_path, "oud.vtt", vtt)) == [(A, "00:00:01", "Goedemorgen."), (B, "00:00:05", "Hoi.")]


def test_speaker_headers_styled_as_headings_are_kept(tmp_path):
    document = docx.Document()
    document.add_heading("Wijkoverleg", level=1)  # a title heading: skipped
    for speaker, time, text in TIMED:
        document.add_heading(f"{speaker}   {time[4:]}", level=2)
        document.add_paragraph(text)
    out = tmp_path / "_gemaakt.docx"
    document.save(out)
    assert turns(read(tmp_path, "koppen.docx", out.read_bytes())) == TIMED


def test_whisper_tsv_gives_a_turn_per_segment_with_its_start(tmp_path):
    rows = [(0, 3500, "Goedemorgen allemaal."), (3500, 7020, "Het plein is\trustiger geworden."),
            (3_725_400, 3_729_000, "Dat zie ik ook bij de school.")]
    content = "start\tend\ttext\n" + "".join(f"{a}\t{b}\t{t}\n" for a, b, t in rows)
    transcript = read(tmp_path, "opname.tsv", content)
    assert turns(transcript) == [(None, "00:00:00", "Goedemorgen allemaal."),
                                 (None, "00:00:03", "Het plein is rustiger geworden."),
                                 (None, "01:02:05", "Dat zie ik ook bij de school.")]
    assert "Whisper-TSV" in transcript.layout


@pytest.mark.parametrize("content, line", [
    ("van\ttot\twie\n0\t10\tIk\n", 1),                      # another table
    ("start\tend\ttext\n0\t3500\tGoed.\nveertig\t50\tNee.\n", 3),  # a start that is not milliseconds
])
def test_a_tsv_that_is_not_whispers_is_refused_with_its_line(tmp_path, content, line):
    with pytest.raises(InputError) as caught:
        read(tmp_path, "tabel.tsv", content)
    assert caught.value.code == "N116" and caught.value.line == line and "tabel.tsv" in str(caught.value)
