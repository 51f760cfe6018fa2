"""Round 5 of the reader hold-out (benchmarks/format_holdout/round5): the mechanisms, on exports written here.

Every file is written in this test from Dutch sentences made up for it and read with the real readers:
WhatsApp chat exports (Android and iPhone, a sender known only by number, the app's own lines and media
placeholders), a Rev-style `Naam (00:06):` header above several paragraphs, and wrapped speech lines
that merely look like a label with a time or a chat line. A damaged chat line is refused with a
numbered error naming file and line (exit code 2 in the CLI).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from interviews.readers.errors import InputError

from reading_helpers import make_docx, read, turns

REPO = Path(__file__).resolve().parents[2]
LRM = "\u200e"

CHAT = [
    ("Yvonne", "18:30", ["Wie neemt er morgen de koffie mee naar het buurthuis?"]),
    ("Ruben de Wit", "18:41", ["Ik. Let op: de voordeur is dicht, we gaan via de achteringang."]),
    ("Yvonne", "18:44", ["Top. Het schema voor de avond:", "19:30 - binnenkomst", "20:15 - gesprek met de jongeren"]),
    ("Yvonne", "18:45", ["En daarna samen opruimen."]),
    ("Fleur", "19:02", ["Ik kom iets later, mijn dochter heeft training tot zeven uur."]),
]


def _android(messages, day="04-02-2026"):
    out = [f"{day} 18:20 - Berichten en oproepen zijn end-to-end versleuteld. Niemand buiten deze chat kan ze lezen.",
           f"{day} 18:21 - Yvonne heeft Fleur toegevoegd"]
    for who, clock, lines in messages:
        out += [f"{day} {clock} - {who}: {lines[0]}"] + lines[1:]
    return "\n".join(out) + "\n"


def test_an_android_chat_export_is_read_as_a_written_conversation(tmp_path):
    text = _android(CHAT[:2] + [("Fleur", "18:42", ["<Media weggelaten>"])] + CHAT[2:])
    transcript = read(tmp_path, "chat.txt", text)
    assert turns(transcript) == [
        ("Yvonne", "18:30:00", CHAT[0][2][0]),
        ("Ruben de Wit", "18:41:00", CHAT[1][2][0]),
        ("Yvonne", "18:44:00", " ".join(CHAT[2][2] + CHAT[3][2])),
        ("Fleur", "19:02:00", CHAT[4][2][0])]
    assert transcript.clock_time
    assert "WhatsApp" in transcript.layout and "3 regel(s) van de app zelf" in transcript.layout


def test_an_iphone_chat_export_with_marks_crlf_and_seconds(tmp_path):
    day = "04-02-2026"
    lines = [f"[{day} 21:00:03] Buurtgroep: {LRM}Berichten en oproepen zijn end-to-end versleuteld.",
             f"{LRM}[{day} 21:00:03] Fleur: {LRM}Fleur heeft je toegevoegd",
             f"[{day} 21:04:17] Fleur: Is de melding over de brommers al doorgegeven?",
             f"{LRM}[{day} 21:05:40] Ruben de Wit: {LRM}afbeelding weggelaten",
             f"[{day} 21:05:52] Ruben de Wit: Ja, vanmiddag. De wijkagent komt vrijdag langs.",
             "Hij wil ook met de ouders praten."]
    transcript = read(tmp_path, "chat.txt", ("\r\n".join(lines) + "\r\n").encode("utf-8"))
    assert turns(transcript) == [
        ("Fleur", "21:04:17", "Is de melding over de brommers al doorgegeven?"),
        ("Ruben de Wit", "21:05:52", "Ja, vanmiddag. De wijkagent komt vrijdag langs. Hij wil ook met de ouders praten.")]
    assert all(LRM not in t.text and LRM not in t.speaker for t in transcript.turns)


def test_a_sender_known_only_by_number_is_no_speaker_label(tmp_path):
    messages = [("\u202a+31 6 11122233\u202c", "10:01", ["Goedemorgen, ik ben de nieuwe buurman van nummer vijf."]),
                ("Yvonne", "10:03", ["Welkom! Loop je zaterdag mee?"]),
                ("+31 6 44455566", "10:04", ["Ik ook graag."]),
                ("\u202a+31 6 11122233\u202c", "10:06", ["Ja, dat lijkt me goed."])]
    transcript = read(tmp_path, "chat.txt", _android(messages))
    assert [t.speaker for t in transcript.turns] == ["Telefoonnummer 1", "Yvonne", "Telefoonnummer 2",
                                                     "Telefoonnummer 1"]
    assert "2 afzender(s) zonder naam" in transcript.layout
    assert not any("11122233" in (t.speaker or "") + t.text for t in transcript.turns)


def test_a_twelve_hour_clock_and_a_comma_after_the_date(tmp_path):
    text = ("2/4/26, 7:02 PM - Yvonne: Zijn jullie er allemaal?\n"
            "2/4/26, 7:05 PM - Fleur: Bijna, ik fiets nog.\n")
    assert [t.timestamp for t in read(tmp_path, "chat.txt", text).turns] == ["19:02:00", "19:05:00"]


def test_a_damaged_chat_line_is_refused_with_file_and_line(tmp_path):
    text = _android(CHAT).replace("04-02-2026 19:02 - Fleur:", "04-02-2026 19:02 Fleur:")
    with pytest.raises(InputError) as caught:
        read(tmp_path, "chat.txt", text)
    assert caught.value.code == "N116"
    assert caught.value.message.startswith("[N116] chat.txt, regel 9: ")
    assert "Fleur" not in caught.value.message and "training" not in caught.value.message


def test_the_cli_refuses_a_damaged_chat_with_exit_code_2(tmp_path):
    from narratief.workspace import init_workspace

    ws = init_workspace(tmp_path / "werk")
    folder = ws.interviews_dir / "2026" / "wijk" / "Binnenstad"
    folder.mkdir(parents=True)
    (folder / "chat.txt").write_text(_android(CHAT).replace("19:02 - Fleur:", "19:02 Fleur:"), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "narratief", "ingest", str(ws.root)], capture_output=True,
                            text=True, cwd=REPO, stdin=subprocess.DEVNULL, timeout=600)
    assert result.returncode == 2, result.stderr
    assert "[N116] 2026/wijk/Binnenstad/chat.txt, regel 9" in result.stderr and "Traceback" not in result.stderr
    assert "training" not in result.stderr + result.stdout


def test_a_typed_interview_that_quotes_a_chat_line_stays_a_typed_interview(tmp_path):
    text = ("Gesprek over de buurtapp\n\n"
            "Interviewer: Hoe kwam u erachter?\n\n"
            "Bewoner: Via de app. Het bericht was:\n"
            "04-02-2026 22:10 - iemand: er wordt weer gevochten bij de snackbar\n"
            "en toen belde ik de politie.\n\n"
            "Interviewer: En daarna?\n\n"
            "Bewoner: Daarna bleef het stil.\n")
    transcript = read(tmp_path, "gesprek.txt", text)
    assert [t.speaker for t in transcript.turns] == ["Interviewer", "Bewoner", "Interviewer", "Bewoner"]
    assert "04-02-2026 22:10 - iemand: er wordt" in transcript.turns[1].text
    assert "WhatsApp" not in transcript.layout


def test_a_chat_with_few_message_lines_is_not_read_as_a_chat(tmp_path):
    long = ["Dit is een verslag dat iemand onder een appbericht heeft getypt, regel voor regel."] * 8
    text = "04-02-2026 18:30 - Yvonne: Zie hieronder.\n04-02-2026 18:31 - Fleur: Dank je.\n" + "\n".join(long) + "\n"
    assert "WhatsApp" not in read(tmp_path, "verslag.txt", text).layout


# -- a Rev-style header alone above the speech ------------------------------------------------------

REV = [("Interviewer (00:00):", ["Hoe lang woont u al in de wijk?"]),
       ("Bewoonster (00:04):", ["Twaalf jaar. Eerst in de flat, nu in een rijtjeshuis.",
                                "Mijn kinderen zijn hier opgegroeid."]),
       ("Interviewer (00:19):", ["Wat is er veranderd?"]),
       ("Bewoonster (1:00:02):", ["Er is meer te doen voor jongeren. Dat merk je op straat."])]


def test_a_header_alone_takes_every_paragraph_up_to_the_next_header_in_word(tmp_path):
    paragraphs = ["Gesprek bewoonster", "Transcript"]
    for header, said in REV:
        paragraphs += [header] + said
    transcript = read(tmp_path, "rev.docx", make_docx(tmp_path, paragraphs))
    assert turns(transcript) == [
        ("Interviewer", "00:00:00", "Hoe lang woont u al in de wijk?"),
        ("Bewoonster", "00:00:04", "Twaalf jaar. Eerst in de flat, nu in een rijtjeshuis. Mijn kinderen zijn hier opgegroeid."),
        ("Interviewer", "00:00:19", "Wat is er veranderd?"),
        ("Bewoonster", "01:00:02", "Er is meer te doen voor jongeren. Dat merk je op straat.")]


def test_in_plain_text_a_second_paragraph_under_a_header_stays_with_that_speaker(tmp_path):
    # the header sits on the line above its first paragraph; a further paragraph is the same speaker's
    # (its own turn, without a time: the general reading of typed paragraphs)
    text = "\n\n".join(f"{header}\n" + "\n\n".join(said) for header, said in REV) + "\n"
    transcript = read(tmp_path, "rev.txt", text)
    assert [(t.speaker, t.timestamp) for t in transcript.turns] == [
        ("Interviewer", "00:00:00"), ("Bewoonster", "00:00:04"), ("Bewoonster", None), ("Interviewer", "00:00:19"),
        ("Bewoonster", "01:00:02")]
    assert transcript.turns[2].text == "Mijn kinderen zijn hier opgegroeid."


# -- speech lines that merely look like a label with a time --------------------------------------------

def test_a_wrapped_line_that_looks_like_a_label_with_a_time_stays_speech(tmp_path):
    text = ("Interviewer: Wanneer was het het drukst?\n\n"
            "Jongerenwerker: In het weekend, vooral laat.\n"
            "Zaterdag (23:15): toen stonden er zeker twintig jongens,\n"
            "Spreker 3 (00:20): zo stond het ook in het verslag van de avond.\n\n"
            "Interviewer: Dank u.\n")
    transcript = read(tmp_path, "avond.txt", text)
    assert [t.speaker for t in transcript.turns] == ["Interviewer", "Jongerenwerker", "Interviewer"]
    assert transcript.turns[1].text == ("In het weekend, vooral laat. Zaterdag (23:15): toen stonden er zeker "
                                        "twintig jongens, Spreker 3 (00:20): zo stond het ook in het verslag van de avond.")
    assert transcript.turns[1].timestamp is None


def test_recurring_labels_with_a_time_one_per_line_still_start_turns(tmp_path):
    text = ("Anna (00:00:01): Goedemiddag.\n"
            "Bas (00:00:04): Hallo, fijn dat ik er mag zijn.\n"
            "Anna (00:00:09): Vertel eens over de straat.\n"
            "Bas (00:00:12): Het is er rustiger dan vorig jaar.\n")
    transcript = read(tmp_path, "regels.txt", text)
    assert [(t.speaker, t.timestamp) for t in transcript.turns] == [
        ("Anna", "00:00:01"), ("Bas", "00:00:04"), ("Anna", "00:00:09"), ("Bas", "00:00:12")]


def test_a_leading_time_on_a_wrapped_line_still_starts_a_turn(tmp_path):
    text = ("Interviewer: Goedemiddag, we beginnen.\n"
            "[00:00:05] Wijkagent: Dank u, ik vertel eerst over de meldingen.\n")
    transcript = read(tmp_path, "tijd.txt", text)
    assert [(t.speaker, t.timestamp) for t in transcript.turns] == [("Interviewer", None), ("Wijkagent", "00:00:05")]


# -- a transcript kept in a spreadsheet, saved as .csv ---------------------------------------------------

def test_a_dutch_excel_csv_with_time_speaker_and_text(tmp_path):
    rows = ['Tijd;Spreker;Tekst',
            '0:00:02;Gespreksleider;"Welkom; fijn dat u er bent."',
            '0:00:07;Moeder;"Dank u. Ik wil het hebben over de avonden.',
            'Mijn zoon is dan vaak weg."',
            ';;',
            '0:00:19;Moeder;Nu gaat hij naar de sportavond, dat helpt.',
            '0:00:30;Gespreksleider;Sinds wanneer?']
    transcript = read(tmp_path, "gesprek.csv", ("\r\n".join(rows) + "\r\n").encode("cp1252"))
    assert turns(transcript) == [
        ("Gespreksleider", "00:00:02", "Welkom; fijn dat u er bent."),
        ("Moeder", "00:00:07", "Dank u. Ik wil het hebben over de avonden. Mijn zoon is dan vaak weg. "
                               "Nu gaat hij naar de sportavond, dat helpt."),
        ("Gespreksleider", "00:00:30", "Sinds wanneer?")]
    assert [t.line for t in transcript.turns] == [2, 3, 7]
    assert "tijd | spreker | tekst" in transcript.layout and "';'" in transcript.layout


def test_a_csv_with_commas_utf8_bom_and_an_empty_speaker_cell(tmp_path):
    text = "\ufeffSpreker,Tekst\nJongerenwerker,\"Ik ben er elke dinsdag, ook in de vakantie.\"\n,En op vrijdag soms.\n" \
           "Jongere,Dat wist ik niet.\n"
    transcript = read(tmp_path, "gesprek.csv", text.encode("utf-8"))
    assert turns(transcript) == [
        ("Jongerenwerker", None, "Ik ben er elke dinsdag, ook in de vakantie. En op vrijdag soms."),
        ("Jongere", None, "Dat wist ik niet.")]


def test_a_csv_speech_cell_that_looks_like_a_label_or_a_time_stays_speech(tmp_path):
    text = "Spreker;Tekst\nWijkagent;Let op: om 22:30 - na sluiting - is het daar het drukst.\nBewoner;Klopt.\n"
    transcript = read(tmp_path, "gesprek.csv", text)
    assert turns(transcript)[0] == ("Wijkagent", None, "Let op: om 22:30 - na sluiting - is het daar het drukst.")


@pytest.mark.parametrize("content, line, words", [
    ("Naam;Leeftijd;Wijk\nYara;15;Noord\n", 1, "kopregel"),                  # a list of participants, no transcript
    ("Spreker;Tekst\nAnna;Hallo\nBas;Dag;extra\n", 3, "3 kolommen"),         # a row wider than the header
    ('Spreker;Tekst\nAnna;"Hallo\nBas;Dag\n', 2, "aanhalingsteken"),        # a quote never closed
    ("Spreker;Tekst\n;Tekst zonder spreker\nBas;Dag\n", 2, "zonder spreker"),  # the first row has no speaker
])
def test_a_csv_that_is_no_transcript_table_is_refused_with_file_and_line(tmp_path, content, line, words):
    with pytest.raises(InputError) as caught:
        read(tmp_path, "lijst.csv", content)
    assert caught.value.code == "N116" and caught.value.line == line
    assert caught.value.message.startswith(f"[N116] lijst.csv, regel {line}: ") and words in caught.value.message
    assert "Yara" not in caught.value.message and "Hallo" not in caught.value.message


def test_metadata_csv_is_not_read_as_a_transcript(tmp_path):
    from interviews.corpus import read_corpus

    root = tmp_path / "interviews"
    root.mkdir()
    (root / "metadata.csv").write_text("file,year,type,wijk\ngesprek.csv,2026,wijk,stad\n", encoding="utf-8")
    (root / "gesprek.csv").write_text("Spreker;Tekst\nAnna;Hallo allemaal.\nBas;Dag Anna.\n", encoding="utf-8")
    result = read_corpus(root)
    assert [t.source for t in result.transcripts] == ["gesprek.csv"] and not result.skipped


def test_deleted_and_edited_messages_and_a_narrow_space_before_pm(tmp_path):
    text = ("2/4/26, 9:15\u202fPM - Yvonne: Morgen geen ronde, het onweert.\n"
            "2/4/26, 9:16\u202fPM - Fleur: Dit bericht is verwijderd\n"
            "2/4/26, 9:17\u202fPM - Fleur: Jammer, dan vrijdag.\n"
            "\n"
            "Ik neem dan soep mee. <Dit bericht is bewerkt>\n")  # the app's note ends the edited message
    transcript = read(tmp_path, "chat.txt", text)
    assert turns(transcript) == [("Yvonne", "21:15:00", "Morgen geen ronde, het onweert."),
                                 ("Fleur", "21:17:00", "Jammer, dan vrijdag. Ik neem dan soep mee.")]
    assert "1 regel(s) van de app zelf" in transcript.layout
