"""Exports of transcription tools (issue 13): layouts, turn rules, refusals, metadata sources, preview.

Every file is generated here from sentences written for these tests.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import docx
import pytest
from odf.opendocument import OpenDocumentText
from odf.style import Style, TextProperties
from odf.text import H, LineBreak, P, Span, Tab
from typer.testing import CliRunner

from interviews.corpus import read_corpus, read_transcript, summarise
from interviews.errors import CorpusErrors
from interviews.metadata import NamePattern
from interviews.preview import format_preview, preview
from interviews.readers.errors import InputError

CSV = "file,year,type,wijk\n"


def write(root: Path, rel: str, content: str | bytes) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def read(tmp_path: Path, rel: str, content: str | bytes, overrides=None):
    root = tmp_path / "interviews"
    overrides = {"year": 2025, "type": "wijk", "wijk": "stad"} if overrides is None else overrides
    return read_transcript(write(root, rel, content), root, overrides)


def turns(transcript) -> list[tuple]:
    return [(t.speaker, t.timestamp, t.text) for t in transcript.turns]


def refused(tmp_path: Path, rel: str, content: str | bytes) -> InputError:
    with pytest.raises(InputError) as info:
        read(tmp_path, rel, content)
    return info.value


def save_docx(document, tmp_path: Path) -> bytes:
    out = tmp_path / "_gemaakt.docx"
    document.save(out)
    data = out.read_bytes()
    out.unlink()
    return data


# --- Word documents -----------------------------------------------------------------------------


def teams_docx(tmp_path: Path, blocks: list[tuple[str, list[str]]], separate: bool = False) -> bytes:
    """A Teams-style download: header paragraphs, then per block 'Name   M:SS' + speech lines."""
    document = docx.Document()
    for line in ("Overleg jongerenwerk-20250611_140000-Meeting Recording", "11 June 2025, 02:00pm", "6m 2s",
                 "Visser, Anna started transcription"):
        document.add_paragraph(line)
    for header, lines in blocks:
        if separate:
            document.add_paragraph(header)
            document.add_paragraph(" ".join(lines))
            continue
        run = document.add_paragraph().add_run(header)
        for line in lines:
            run.add_break()
            run.add_text(line)
    document.add_paragraph("Visser, Anna stopped transcription")
    return save_docx(document, tmp_path)


TEAMS_BLOCKS = [
    ("Visser, Anna   0:04", ["Welkom bij dit overleg.", "We hebben een half uur."]),
    ("De Groot, Sem   0:19", ["Dank je. Ik begin met de cijfers van het buurthuis."]),
    ("De Groot, Sem   1:02", ["Daarna vertel ik iets over de zomerweken."]),
    ("Visser, Anna   12:40", ["Mooi, dan sluiten we af."]),
]


def test_teams_docx_lines_in_one_paragraph_and_furniture(tmp_path):
    t = read(tmp_path, "teams.docx", teams_docx(tmp_path, TEAMS_BLOCKS))
    assert turns(t) == [
        ("Visser, Anna", "00:00:04", "Welkom bij dit overleg. We hebben een half uur."),
        ("De Groot, Sem", "00:00:19",
         "Dank je. Ik begin met de cijfers van het buurthuis. Daarna vertel ik iets over de zomerweken."),
        ("Visser, Anna", "00:12:40", "Mooi, dan sluiten we af."),
    ]
    assert "Teams" in t.layout and not t.clock_time


def test_teams_docx_with_a_closing_marker_in_another_language(tmp_path):
    data = teams_docx(tmp_path, TEAMS_BLOCKS)
    document = docx.Document(io.BytesIO(data))
    document.paragraphs[-1].text = "Anna Visser heeft de transcriptie gestopt"
    t = read(tmp_path, "teams-nl.docx", save_docx(document, tmp_path))
    assert turns(t)[-1] == ("Visser, Anna", "00:12:40", "Mooi, dan sluiten we af.")


def test_teams_docx_header_and_text_in_separate_paragraphs(tmp_path):
    t = read(tmp_path, "teams2.docx", teams_docx(tmp_path, TEAMS_BLOCKS, separate=True))
    assert [x[0] for x in turns(t)] == ["Visser, Anna", "De Groot, Sem", "Visser, Anna"]


def test_word_transcribe_docx(tmp_path):
    document = docx.Document()
    for header, text in (("00:00:01 Speaker 1", "Zullen we beginnen?"), ("00:00:05 Speaker 2", "Ja, graag."),
                         ("00:00:09 Speaker 2", "Ik heb het verslag bij me."),
                         ("01:02:03 Speaker 1", "Dan ronden we af.")):
        document.add_paragraph(header)
        document.add_paragraph(text)
        document.add_paragraph("")
    t = read(tmp_path, "word.docx", save_docx(document, tmp_path))
    assert turns(t) == [("Speaker 1", "00:00:01", "Zullen we beginnen?"),
                        ("Speaker 2", "00:00:05", "Ja, graag. Ik heb het verslag bij me."),
                        ("Speaker 1", "01:02:03", "Dan ronden we af.")]
    assert t.layout.startswith("Word Transcribe")


def test_docx_two_column_table(tmp_path):
    document = docx.Document()
    document.add_heading("Uitwerking gesprek met de buurtsportcoach", level=1)
    document.add_paragraph("Datum: 12 mei 2025. Uitgewerkt door: de stagiair.")
    table = document.add_table(rows=0, cols=2)
    rows = [("Wie", "Wat", True), ("Coach", "We zijn in maart begonnen.", False),
            ("", "Eerst op dinsdag, later ook op vrijdag.", False), ("Wijkagent:", "Dat merk ik op straat.", False),
            ("Wijkagent", "Het is rustiger bij de speeltuin.", False), ("Coach", "Fijn om te horen.", False)]
    for who, said, bold in rows:
        cells = table.add_row().cells
        cells[0].paragraphs[0].add_run(who).bold = bold
        cells[1].paragraphs[0].add_run(said).bold = bold
    table.rows[2].cells[1].add_paragraph("Soms komen er twintig kinderen.")
    document.add_paragraph("[einde opname]")
    t = read(tmp_path, "tabel.docx", save_docx(document, tmp_path))
    assert turns(t) == [
        ("Coach", None, "We zijn in maart begonnen. Eerst op dinsdag, later ook op vrijdag. "
                        "Soms komen er twintig kinderen."),
        ("Wijkagent", None, "Dat merk ik op straat. Het is rustiger bij de speeltuin."),
        ("Coach", None, "Fijn om te horen."),
    ]
    assert t.layout.startswith("tabel")


def test_a_transcribers_note_or_closing_line_on_its_own_is_nobodys_turn(tmp_path):
    text = (
        "Interviewer: Hoe was de avond in het buurthuis?\n\n"
        "Bewoner: Druk, maar gezellig. De kinderen hadden zelf de hapjes gemaakt.\n\n"
        "(gelach)\n\n"
        "Ook de buren van de overkant kwamen langs.\n\n"
        "Interviewer: Dank u wel voor het gesprek.\n\n"
        "Einde gesprek 20:45\n\n"
        "[einde opname]\n"
    )
    t = read(tmp_path, "2025/avond.txt", text)
    assert turns(t) == [
        ("Interviewer", None, "Hoe was de avond in het buurthuis?"),
        ("Bewoner", None, "Druk, maar gezellig. De kinderen hadden zelf de hapjes gemaakt."),
        ("Bewoner", None, "Ook de buren van de overkant kwamen langs."),
        ("Interviewer", None, "Dank u wel voor het gesprek."),
    ]


def test_speech_that_starts_like_a_closing_line_stays_speech(tmp_path):
    text = (
        "Interviewer: Hoe liep het af?\n\n"
        "Bewoner: Goed.\n\n"
        "Einde verhaal: ze zijn allemaal naar huis gegaan.\n"
    )
    t = read(tmp_path, "2025/afloop.txt", text)
    assert [x[2] for x in turns(t)][-1] == "Einde verhaal: ze zijn allemaal naar huis gegaan."


def test_docx_that_merely_resembles_teams_is_refused(tmp_path):
    """Most paragraphs have no label and several look like 'Name 0:03': refuse, naming layout and line."""
    document = docx.Document()
    for text in ("Notities van het overleg.", "Bram Peters  0:03", "Hij vertelde over de zomer.",
                 "Het ging vooral over de sportdagen.", "Lies Smit  0:40", "Zij was het daarmee eens.",
                 "Daarna ging het over de begroting.", "Ook de planning kwam aan bod."):
        document.add_paragraph(text)
    error = refused(tmp_path, "lijkt.docx", save_docx(document, tmp_path))
    assert error.code == "N116" and error.line == 4
    assert "Teams" in error.message and "lijkt.docx" in error.message
    assert "Bram" not in error.message and "zomer" not in error.message


# --- plain text ---------------------------------------------------------------------------------


def test_otter_txt_with_bom_crlf_and_footer(tmp_path):
    text = ("Marloes Jansen  0:02  \r\nGoedemiddag, fijn dat u er bent.\r\n\r\nSpeaker 2  0:10  \r\n"
            "Graag gedaan.\r\n\r\nSpeaker 2  0:15  \r\nIk woon hier al twintig jaar.\r\n\r\n"
            "Unknown Speaker  59:58  \r\nKlopt.\r\n\r\nMarloes Jansen  1:00:04  \r\nDank u wel.\r\n\r\n"
            "Transcribed by https://otter.ai\r\n")
    t = read(tmp_path, "otter.txt", b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert turns(t) == [("Marloes Jansen", "00:00:02", "Goedemiddag, fijn dat u er bent."),
                        ("Speaker 2", "00:00:10", "Graag gedaan. Ik woon hier al twintig jaar."),
                        ("Unknown Speaker", "00:59:58", "Klopt."),
                        ("Marloes Jansen", "01:00:04", "Dank u wel.")]
    assert all("\ufeff" not in x and "\r" not in x for row in turns(t) for x in row if x)


def test_zoom_txt_keeps_clock_times_and_says_so(tmp_path):
    text = ("[Ruben Kok] 20:15:02\nGoedenavond allemaal.\n\n[Ruben Kok] 20:15:07\nWe beginnen met een rondje.\n\n"
            "[Sara Bos] 20:15:30\nIk ben moeder van twee kinderen\nop de basisschool.\n")
    t = read(tmp_path, "zoom.txt", text)
    assert turns(t) == [("Ruben Kok", "20:15:02", "Goedenavond allemaal. We beginnen met een rondje."),
                        ("Sara Bos", "20:15:30", "Ik ben moeder van twee kinderen op de basisschool.")]
    assert t.clock_time
    assert "kloktijden" in format_preview(preview([t]))


def test_amberscript_txt(tmp_path):
    text = ("00:00:01\nInterviewer: Wat doet u precies?\n\n00:00:06\nSpeaker 2: Ik geef huiswerkbegeleiding.\n\n"
            "00:00:12\nSpeaker 2: Drie middagen per week.\n\n00:00:20\nInterviewer: Dank u.\n")
    t = read(tmp_path, "amber.txt", text)
    assert turns(t) == [("Interviewer", "00:00:01", "Wat doet u precies?"),
                        ("Speaker 2", "00:00:06", "Ik geef huiswerkbegeleiding. Drie middagen per week."),
                        ("Interviewer", "00:00:20", "Dank u.")]


def test_time_lines_without_names_give_speakerless_turns(tmp_path):
    t = read(tmp_path, "tijden.txt", "0:15  \nEerst de opening.\n\n0:40  \nDan de vragen.\n")
    assert turns(t) == [(None, "00:00:15", "Eerst de opening."), (None, "00:00:40", "Dan de vragen.")]


def test_typed_i_r_transcript_with_wrapped_lines(tmp_path):
    text = ("Gesprek 2 - vrijwilligers speeltuin\r\nDatum: 4 juni 2025\r\nAanwezig: I, R1, R2\r\n\r\n"
            "I: Hoe lang doen jullie dit al? En wat\r\nvalt jullie op?\r\n\r\n"
            "R1: Drie jaar. De kinderen kennen ons\r\ninmiddels goed.\r\nR2: Bij mij is het korter.\r\n"
            "Samengevat: het gaat goed.\r\n\r\nI: Dank jullie.\r\n")
    t = read(tmp_path, "ir.txt", text.encode("utf-8"))
    assert turns(t) == [("I", None, "Hoe lang doen jullie dit al? En wat valt jullie op?"),
                        ("R1", None, "Drie jaar. De kinderen kennen ons inmiddels goed."),
                        ("R2", None, "Bij mij is het korter. Samengevat: het gaat goed."),
                        ("I", None, "Dank jullie.")]


def test_subtitles_saved_as_text(tmp_path):
    text = ("WEBVTT\n\n1\n00:00:01.000 --> 00:00:03.500\nFenna Vos: Welkom, we beginnen.\n\n"
            "2\n00:00:03.500 --> 00:00:06.000\nFenna Vos: Eerst een rondje.\n\n"
            "3\n00:00:06.200 --> 00:00:08.000\nJoris Ruiter: Ik ben Joris: trainer.\n")
    t = read(tmp_path, "zoom-als-tekst.txt", text)
    assert turns(t) == [("Fenna Vos", "00:00:01", "Welkom, we beginnen. Eerst een rondje."),
                        ("Joris Ruiter", "00:00:06", "Ik ben Joris: trainer.")]
    assert "tijdcode" in t.layout


def test_stream_docx_with_timing_and_name_lines(tmp_path):
    document = docx.Document()
    for timing, name, said in (("0:0:0.0 --> 0:0:4.120", "Jansen, Eva", "Goedemiddag allemaal."),
                               ("0:0:4.120 --> 0:0:9.0", "Mulder, Tim", "Hallo, ik ben er ook."),
                               ("0:0:9.0 --> 0:0:12.500", "Mulder, Tim", "Zullen we starten?")):
        document.add_paragraph(f"{timing}\n{name}\n{said}")
    t = read(tmp_path, "stream.docx", save_docx(document, tmp_path))
    assert turns(t) == [("Jansen, Eva", "00:00:00", "Goedemiddag allemaal."),
                        ("Mulder, Tim", "00:00:04", "Hallo, ik ben er ook. Zullen we starten?")]


def test_amberscript_docx(tmp_path):
    document = docx.Document()
    for time, said in (("00:00:02", "Interviewer: Hoe vaak komt u hier?"), ("00:00:07", "Speaker 2: Elke week."),
                       ("00:00:11", "Interviewer: Dank u.")):
        document.add_paragraph(time)
        document.add_paragraph(said)
    t = read(tmp_path, "amber.docx", save_docx(document, tmp_path))
    assert [x[:2] for x in turns(t)] == [("Interviewer", "00:00:02"), ("Speaker 2", "00:00:07"),
                                         ("Interviewer", "00:00:11")]


def test_txt_that_merely_resembles_otter_is_refused(tmp_path):
    text = ("Verslag\n\nTom Berg  0:05\nEerste punt was de speeltuin.\n\nDaarna de verlichting.\n\n"
            "Nog een opmerking over de bankjes.\n\nIris Kuipers  0:50\nZij wil meer toezicht.\n")
    error = refused(tmp_path, "verslag.txt", text)
    assert (error.code, error.line) == ("N116", 6)
    assert "Otter" in error.message and "Tom" not in error.message


def test_plain_text_without_headers_is_still_speakerless(tmp_path):
    t = read(tmp_path, "notities.txt", "Een alinea over de wijk.\n\nNog een alinea, om 10:30 uur.\n")
    assert [x[0] for x in turns(t)] == [None, None] and "zonder sprekers" in t.layout


# --- subtitles and Whisper ----------------------------------------------------------------------


def test_speakerless_cues_are_never_merged_and_empty_cues_skipped(tmp_path):
    srt = ("1\r\n00:00:00,000 --> 00:00:03,990\r\nEerste zin.\r\n\r\n2\r\n00:00:03,990 --> 00:00:05,000\r\n\r\n"
           "3\r\n00:00:05,000 --> 00:00:09,999\r\nTweede zin.\r\n")
    t = read(tmp_path, "whisper.srt", srt)
    assert turns(t) == [(None, "00:00:00", "Eerste zin."), (None, "00:00:05", "Tweede zin.")]
    assert "zonder sprekers" in t.layout
    vtt = "WEBVTT\n\n00:01.500 --> 00:04.000\nEen.\n\n00:04.000 --> 00:04.500\n\n\n00:59.999 --> 01:02.000\nTwee.\n"
    t = read(tmp_path, "whisper.vtt", vtt)
    assert turns(t) == [(None, "00:00:01", "Een."), (None, "00:00:59", "Twee.")]


def test_vtt_overlapping_speakers_keep_file_order(tmp_path):
    vtt = ("WEBVTT\n\nabc/3-0\n00:00:10.000 --> 00:00:14.000\n<v Nina Bakker>Het plein is opgeknapt,\nmet nieuwe banken.</v>\n\n"
           "abc/5-0\n00:00:12.000 --> 00:00:13.000\n<v Omar Aziz>Klopt.</v>\n\n"
           "abc/3-1\n00:00:14.000 --> 00:00:16.000\n<v Nina Bakker>En er is licht &amp; toezicht.</v>\n")
    t = read(tmp_path, "teams.vtt", vtt)
    assert turns(t) == [("Nina Bakker", "00:00:10", "Het plein is opgeknapt, met nieuwe banken."),
                        ("Omar Aziz", "00:00:12", "Klopt."), ("Nina Bakker", "00:00:14", "En er is licht & toezicht.")]


def test_whisper_json_segments_and_diarised_speakers(tmp_path):
    plain = {"text": "x", "language": "nl", "segments": [
        {"id": 0, "start": 0.0, "end": 2.5, "text": " Goedemorgen."},
        {"id": 1, "start": 2.5, "end": 4.0, "text": " "},
        {"id": 2, "start": 3661.97, "end": 3665.0, "text": " Tot ziens, caf\u00e9 dicht."}]}
    t = read(tmp_path, "w.json", json.dumps(plain))
    assert turns(t) == [(None, "00:00:00", "Goedemorgen."), (None, "01:01:01", "Tot ziens, café dicht.")]
    diarised = {"segments": [{"start": 1, "text": "Hallo.", "speaker": "SPEAKER_00"},
                             {"start": 2, "text": "Hoe gaat het?", "speaker": "SPEAKER_00"},
                             {"start": 5, "text": "Goed.", "speaker": "SPEAKER_01"}]}
    t = read(tmp_path, "wx.json", json.dumps(diarised))
    assert turns(t) == [("SPEAKER_00", "00:00:01", "Hallo. Hoe gaat het?"), ("SPEAKER_01", "00:00:05", "Goed.")]


@pytest.mark.parametrize("content, fragment", [
    ('{"segments": [', "geen geldige JSON"),
    ('{"chat": []}', "segments"),
    ('{"segments": [{"start": "nul", "text": "Hoi"}]}', "segment 1"),
])
def test_other_json_is_refused(tmp_path, content, fragment):
    error = refused(tmp_path, "iets.json", content)
    assert error.code == "N116" and fragment in error.message


# --- OpenDocument -------------------------------------------------------------------------------


def test_odt_bold_names_tab_soft_break_and_intro(tmp_path):
    document = OpenDocumentText()
    bold = Style(name="Vet", family="text")
    bold.addElement(TextProperties(fontweight="bold"))
    document.automaticstyles.addElement(bold)
    document.text.addElement(H(outlinelevel=1, text="Gesprek met de buurtvereniging"))
    document.text.addElement(P(text="Uitgewerkt door de secretaris."))

    def turn(name: str | None, *parts):
        paragraph = P()
        if name:
            paragraph.addElement(Span(stylename=bold, text=name))
        for part in parts:
            paragraph.addElement(part) if not isinstance(part, str) else paragraph.addText(part)
        document.text.addElement(paragraph)

    turn("Ellen:", " Wat vinden jullie van het nieuwe plein?")
    turn("Karim:", Tab(), "Het is mooi geworden.")
    turn(None, "Alleen 's avonds is het donker.")
    turn("Ellen:", " Wat kan beter?")
    turn("Karim:", " Meer lantaarns.", LineBreak(), "En een bankje bij de ingang.")
    out = tmp_path / "_gemaakt.odt"
    document.save(str(out))
    t = read(tmp_path, "vereniging.odt", out.read_bytes())
    assert turns(t) == [("Ellen", None, "Wat vinden jullie van het nieuwe plein?"),
                        ("Karim", None, "Het is mooi geworden. Alleen 's avonds is het donker."),
                        ("Ellen", None, "Wat kan beter?"),
                        ("Karim", None, "Meer lantaarns. En een bankje bij de ingang.")]


def test_broken_odt(tmp_path):
    assert refused(tmp_path, "kapot.odt", b"PK\x03\x04 geen echt bestand").code == "N103"


# --- metadata sources ---------------------------------------------------------------------------

LABELLED = "Coach: We trainen op woensdag.\n\nOuder: Mijn zoon gaat graag.\n"


def test_folder_layout_fills_metadata_and_says_so(tmp_path):
    root = tmp_path / "interviews"
    write(root, "2025/partnergroep/Helmond-Oost/overleg.txt", LABELLED)
    write(root, "2024/losse-notitie.txt", "---\nyear: 2024\ntype: wijk\nwijk: stad\n---\n" + LABELLED)
    result = read_corpus(root)
    by_doc = {t.doc: t for t in result.transcripts}
    meta = by_doc["overleg"].meta
    assert (meta.year, meta.type, meta.wijk) == (2025, "partnergroep", "Helmond-Oost")
    assert dict(by_doc["overleg"].meta_sources) == {"year": "mappen", "type": "mappen", "wijk": "mappen"}
    rows = {r.file: r for r in summarise(result.transcripts).rows}
    assert rows["2025/partnergroep/Helmond-Oost/overleg.txt"].sources == "mappen"
    assert rows["2024/losse-notitie.txt"].sources == "bestand"


def test_name_pattern_fills_metadata_and_mixed_sources_are_listed(tmp_path):
    root = tmp_path / "interviews"
    write(root, "2026_wijk_binnenstad_avond.txt", "---\ntype: wijk\n---\n" + LABELLED)
    write(root, "zonder-patroon.txt", LABELLED)
    write(root, "metadata.csv", CSV + "zonder-patroon.txt,2026,wijk,stad\n")
    result = read_corpus(root, name_pattern="{jaar}_{type}_{wijk}_*")
    by_doc = {t.doc: t for t in result.transcripts}
    assert by_doc["2026_wijk_binnenstad_avond"].meta.wijk == "Binnenstad"
    assert dict(by_doc["2026_wijk_binnenstad_avond"].meta_sources) == {
        "year": "bestandsnaam", "type": "bestand", "wijk": "bestandsnaam"}
    assert summarise(result.transcripts).rows[0].sources == "jaar: bestandsnaam, type: bestand, wijk: bestandsnaam"
    assert dict(by_doc["zonder-patroon"].meta_sources)["wijk"] == "metadata.csv"


def test_name_pattern_trailing_star_and_without_it():
    pattern = NamePattern.parse("{jaar}-{type}-{wijk}")
    assert [(f.name, f.value) for f in pattern.fields("a/2025-wijk-helmond-west.docx")] == [
        ("year", "2025"), ("type", "wijk"), ("wijk", "helmond-west")]
    pattern = NamePattern.parse("{jaar}_{type}_{wijk}_*")
    assert [f.value for f in pattern.fields("2025_wijk_stad.txt")] == ["2025", "wijk", "stad"]
    assert [f.value for f in pattern.fields("2025_wijk_stad_avond_2.txt")] == ["2025", "wijk", "stad"]
    assert pattern.fields("2025_wijk.txt") == () and pattern.fields("verslag.txt") == ()


@pytest.mark.parametrize("pattern", ["{jaar}_{buurt}", "geen_velden_*", "{jaar}_{jaar}"])
def test_invalid_name_pattern(tmp_path, pattern):
    root = tmp_path / "interviews"
    write(root, "a.txt", LABELLED)
    with pytest.raises(InputError) as info:
        read_corpus(root, name_pattern=pattern)
    assert info.value.code == "N117" and info.value.path == "narratief.toml"


def test_conflicting_sources_are_an_error(tmp_path):
    root = tmp_path / "interviews"
    write(root, "2025/wijk/Binnenstad/2025_wijk_stad_x.txt", LABELLED)
    with pytest.raises(CorpusErrors) as info:
        read_corpus(root, name_pattern="{jaar}_{type}_{wijk}_*")
    [error] = info.value.errors
    assert error.code == "N109" and "de mapnamen" in error.message and "de bestandsnaam" in error.message
    assert "Binnenstad" in error.message and "stad'" in error.message
    write(root, "metadata.csv", CSV + "2025_wijk_stad_x.txt,2024,,\n")
    with pytest.raises(CorpusErrors) as info:
        read_corpus(root)
    assert "metadata.csv, regel 2" in info.value.errors[0].message


@pytest.mark.parametrize("written, expected", [("3 april 2025", "2025-04-03"), ("19 Maart 2025", "2025-03-19"),
                                               ("1 okt. 2025", "2025-10-01")])
def test_dates_with_dutch_month_names(tmp_path, written, expected):
    t = read(tmp_path, "d.txt", f"Datum: {written}\n\n" + LABELLED)
    assert t.meta.date.isoformat() == expected


def test_invalid_folder_value_names_the_folders(tmp_path):
    root = tmp_path / "interviews"
    write(root, "2025/wijk/Onbekend/a.txt", LABELLED)
    with pytest.raises(CorpusErrors) as info:
        read_corpus(root)
    [error] = info.value.errors
    assert error.code == "N104" and "mapnamen" in error.message


# --- preview ------------------------------------------------------------------------------------


def test_ingest_voorbeeld_prints_layout_and_three_turns_and_writes_nothing(tmp_path):
    from narratief.cli import app
    from narratief.workspace import init_workspace

    ws = init_workspace(tmp_path / "werk")
    body = "".join(f"[Ruben Kok] 20:1{i}:00\nZin nummer {i} van de avond, " + "lang " * 12 + "\n\n"
                   if i % 2 else f"[Sara Bos] 20:1{i}:00\nAntwoord {i}.\n\n" for i in range(5))
    write(ws.interviews_dir, "2026/wijk/stad/avond.txt", body)
    before = sorted(p for p in ws.root.rglob("*"))
    result = CliRunner().invoke(app, ["ingest", str(ws.root), "--voorbeeld"])
    assert result.exit_code == 0, result.output
    assert "2026/wijk/stad/avond.txt" in result.output and "Zoom" in result.output
    assert "metadata uit: mappen" in result.output
    shown = [line for line in result.output.splitlines() if line.startswith("    [")]
    assert shown[0] == "    [20:10:00] Sara Bos: Antwoord 0."
    assert len(shown) == 3 and len(shown[1].split(": ", 1)[1]) == 61  # 60 characters and an ellipsis
    assert sorted(p for p in ws.root.rglob("*")) == before  # nothing written, not even under output/
