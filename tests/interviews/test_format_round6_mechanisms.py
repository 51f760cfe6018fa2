"""Round 6 of the reader hold-out (benchmarks/format_holdout/round6): the mechanisms, on exports written here.

Every file is written in this test from Dutch sentences made up for it and read with the real readers:
whisper.cpp / MacWhisper lines `[00:00:04.560 --> 00:00:08.960]  tekst`, a table whose speaker cell also
holds the time, a line-numbered .txt transcript, a speaker legend above the transcript (`I = interviewer`)
and numbered turns, and speech lines that merely look like a legend line, a line number, a time range or a
numbered turn. A legend that gives one code two meanings is refused with a numbered error naming file and
line (exit code 2 in the CLI).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from interviews.readers.errors import InputError

from reading_helpers import make_docx, read, turns

REPO = Path(__file__).resolve().parents[2]


# -- whisper.cpp / MacWhisper: a time range in brackets before every line --------------------------------

def test_arrow_ranges_before_speakerless_lines_give_each_line_its_start(tmp_path):
    text = ("[00:00:00.000 --> 00:00:03.200]   Op zaterdag is de sporthal open tot tien uur.\n"
            "[00:00:03.200 --> 00:00:07.940]   Daar komen vooral meiden, dat hadden we niet verwacht.\n"
            "[00:00:07.940 --> 00:00:11.000]   Let op: de bus rijdt na negen uur niet meer.\n"
            "[00:01:02.500 --> 00:01:04.000]   Klopt.\n")
    transcript = read(tmp_path, "opname.txt", text)
    assert turns(transcript) == [
        (None, "00:00:00", "Op zaterdag is de sporthal open tot tien uur."),
        (None, "00:00:03", "Daar komen vooral meiden, dat hadden we niet verwacht."),
        (None, "00:00:07", "Let op: de bus rijdt na negen uur niet meer."),
        (None, "00:01:02", "Klopt.")]


def test_arrow_ranges_before_labelled_lines_give_speaker_and_start(tmp_path):
    text = ("[00:00:01.000 --> 00:00:04.000] Wijkagent: We lopen nu vaker samen met de jongerenwerker.\n"
            "[00:00:04.000 --> 00:00:06.500] Moeder: Dat zien wij ook.\n")
    transcript = read(tmp_path, "opname.txt", text)
    assert turns(transcript) == [("Wijkagent", "00:00:01", "We lopen nu vaker samen met de jongerenwerker."),
                                 ("Moeder", "00:00:04", "Dat zien wij ook.")]


def test_a_dashed_time_range_in_typed_speech_stays_speech(tmp_path):
    text = ("Interviewer: Hoe lang duurde de ruzie?\n\n"
            "Buurman: Niet lang. Op het filmpje stond\n"
            "[00:02:10 - 00:02:14] als tijd, dus vier seconden.\n")
    transcript = read(tmp_path, "buurman.txt", text)
    assert turns(transcript)[-1] == ("Buurman", None, "Niet lang. Op het filmpje stond [00:02:10 - 00:02:14] als "
                                                      "tijd, dus vier seconden.")


# -- a table whose speaker cell holds the time on a line of its own --------------------------------------

def test_speaker_cell_with_the_time_on_its_own_line_gives_speaker_and_start(tmp_path):
    data = make_docx(tmp_path, ["Overleg jeugd en veiligheid"], table=[
        ["Spreker 1\n00:00:04", "Wat valt jullie op sinds de zomer?"],
        ["Spreker 2\n00:00:11", "Minder vernielingen bij het station."],
        ["Spreker 2\n00:00:19", "Wel meer klachten over brommers."],
        ["00:01:02\nSpreker 1", "Dank jullie wel."]])
    # make_docx writes the cell text with '\n' as a new paragraph in the cell
    transcript = read(tmp_path, "overleg.docx", data)
    assert turns(transcript) == [
        ("Spreker 1", "00:00:04", "Wat valt jullie op sinds de zomer?"),
        ("Spreker 2", "00:00:11", "Minder vernielingen bij het station. Wel meer klachten over brommers."),
        ("Spreker 1", "00:01:02", "Dank jullie wel.")]


def test_a_speaker_cell_with_a_number_or_a_time_in_the_name_stays_the_speaker(tmp_path):
    data = make_docx(tmp_path, ["Gesprek"], table=[
        ["Bewoner 2", "Om 22:00 is het meestal rustig."],
        ["Jan (12)", "Ik ben er om 20:30 altijd."],
        ["Bewoner 2", "Dat klopt."]])
    transcript = read(tmp_path, "gesprek.docx", data)
    assert [(t.speaker, t.timestamp) for t in transcript.turns] == [("Bewoner 2", None), ("Jan (12)", None),
                                                                    ("Bewoner 2", None)]


# -- line-numbered transcripts ---------------------------------------------------------------------------

NUMBERED_LINES = ("Interview jongerenwerker\n\n"
                  "  1  I: Sinds wanneer werk je in deze wijk?\n\n"
                  "  2  R: Sinds twee jaar. Eerst alleen op de\n"
                  "  3  woensdag, nu ook in het weekend. [gelach]\n"
                  "  4  Dat was wel wennen.\n\n"
                  "  5  I: En wat doe je op zaterdag?\n\n"
                  "  6  R: Voetbal op het pleintje, met\n"
                  "  7  20 jongens soms. [onverstaanbaar 00:04:12]\n")


def test_line_numbers_before_every_line_are_left_out_and_said_in_the_layout(tmp_path):
    transcript = read(tmp_path, "genummerd.txt", NUMBERED_LINES)
    assert turns(transcript) == [
        ("I", None, "Sinds wanneer werk je in deze wijk?"),
        ("R", None, "Sinds twee jaar. Eerst alleen op de woensdag, nu ook in het weekend. [gelach] Dat was wel wennen."),
        ("I", None, "En wat doe je op zaterdag?"),
        ("R", None, "Voetbal op het pleintje, met 20 jongens soms. [onverstaanbaar 00:04:12]")]
    assert "regelnummers" in transcript.layout and "(7 regels)" in transcript.layout


def test_line_numbers_with_a_tab_are_left_out_too(tmp_path):
    text = "1\tSanne: Wie begint?\n2\tBram: Ik wel.\n3\tSanne: Prima.\n"
    assert turns(read(tmp_path, "tab.txt", text)) == [("Sanne", None, "Wie begint?"), ("Bram", None, "Ik wel."),
                                                     ("Sanne", None, "Prima.")]


def test_numbers_that_do_not_count_on_stay_text(tmp_path):
    # three lines start with a number and two spaces, but 12, 8, 30 is no line numbering: speech
    text = ("Coach: Wat we zagen op de avonden:\n"
            "12  jongens op vrijdag,\n"
            "8  op zaterdag,\n"
            "30  bij het toernooi.\n\n"
            "Ouder: Dat is veel.\n")
    assert turns(read(tmp_path, "lijstje.txt", text)) == [
        ("Coach", None, "Wat we zagen op de avonden: 12 jongens op vrijdag, 8 op zaterdag, 30 bij het toernooi."),
        ("Ouder", None, "Dat is veel.")]


def test_a_number_at_the_start_of_one_wrapped_line_stays_speech(tmp_path):
    text = ("Interviewer: Hoeveel meldingen waren er?\n\n"
            "Wijkagent: In het voorjaar\n"
            "14  of 15, daarna bijna geen.\n")
    assert turns(read(tmp_path, "meldingen.txt", text))[-1] == (
        "Wijkagent", None, "In het voorjaar 14 of 15, daarna bijna geen.")


# -- a speaker legend above the transcript, numbered turns ------------------------------------------------

def test_a_legend_and_the_title_above_it_are_no_turns_and_the_codes_stay_as_written(tmp_path):
    data = make_docx(tmp_path, ["Gesprek met ouders", "Legenda:", "I = interviewer", "R1 = moeder", "R2 = vader",
                                "1. I: Hoe gaat het thuis?", "2. R1: Rustiger dan vorig jaar.",
                                "3. R2: Hij is vaker thuis, en hij sport weer.", "4. I: Wat hielp?"])
    transcript = read(tmp_path, "ouders.docx", data)
    assert turns(transcript) == [("I", None, "Hoe gaat het thuis?"), ("R1", None, "Rustiger dan vorig jaar."),
                                 ("R2", None, "Hij is vaker thuis, en hij sport weer."), ("I", None, "Wat hielp?")]
    assert "legenda" in transcript.layout and "(5 regels)" in transcript.layout
    assert "moeder" not in " ".join(t.speaker or "" for t in transcript.turns)


def test_a_legend_on_one_line_in_plain_text(tmp_path):
    text = ("Legenda: I = interviewer, R = buurtvader\n\n"
            "I: Hoe vaak loopt u mee?\n\n"
            "R: Twee keer per week, meestal op vrijdag.\n")
    transcript = read(tmp_path, "buurtvader.txt", text)
    assert turns(transcript) == [("I", None, "Hoe vaak loopt u mee?"),
                                 ("R", None, "Twee keer per week, meestal op vrijdag.")]
    assert "legenda" in transcript.layout


def test_legend_like_lines_inside_a_turn_stay_speech(tmp_path):
    text = ("Interviewer: Hoe stond het in het schrift?\n\n"
            "Mentor: Hij schreef het zo op:\n"
            "A = afwezig, L = te laat,\n"
            "en dan per week een rijtje.\n\n"
            "Interviewer: Duidelijk.\n")
    assert turns(read(tmp_path, "schrift.txt", text))[1] == (
        "Mentor", None, "Hij schreef het zo op: A = afwezig, L = te laat, en dan per week een rijtje.")


def test_legend_lines_whose_codes_are_never_used_are_not_taken_as_a_legend(tmp_path):
    # 'x = 3' and 'y = 4' above typed speech: no speaker of the text is called x or y, so it stays text
    text = "x = 3\ny = 4\n\nDocent: Zo begon de les, met sommen op het bord.\n\nLeerling: Ik vond het saai.\n"
    transcript = read(tmp_path, "les.txt", text)
    assert "legenda" not in transcript.layout


def test_a_numbered_list_item_with_a_one_off_code_on_a_wrapped_line_stays_speech(tmp_path):
    text = ("Interviewer: Wat stond er op het formulier?\n\n"
            "Leerplichtambtenaar: Twee vragen. De eerste:\n"
            "1. I: hoe vaak was je afwezig,\n"
            "en de tweede over thuis.\n")
    assert turns(read(tmp_path, "formulier.txt", text))[-1] == (
        "Leerplichtambtenaar", None, "Twee vragen. De eerste: 1. I: hoe vaak was je afwezig, en de tweede over thuis.")


def test_numbered_turns_one_per_line_still_start_turns(tmp_path):
    text = "1. I: Wie was erbij?\n2. R1: Mijn broer.\n3. R2: En ik.\n4. I: Dank je.\n"
    assert turns(read(tmp_path, "genummerd.txt", text)) == [
        ("I", None, "Wie was erbij?"), ("R1", None, "Mijn broer."), ("R2", None, "En ik."), ("I", None, "Dank je.")]


def test_a_legend_that_gives_a_code_two_meanings_is_refused_with_file_and_line(tmp_path):
    text = "Legenda:\nI = interviewer\nR1 = moeder\nR1 = buurvrouw\n\nI: Goedemiddag.\n\nR1: Hallo.\n"
    with pytest.raises(InputError) as caught:
        read(tmp_path, "dubbel.txt", text)
    assert caught.value.code == "N120"
    assert caught.value.message.startswith("[N120] dubbel.txt, regel 4: ")
    assert "buurvrouw" not in caught.value.message and "moeder" not in caught.value.message


def test_the_cli_refuses_a_legend_with_a_double_code_with_exit_code_2(tmp_path):
    from narratief.workspace import init_workspace

    ws = init_workspace(tmp_path / "werk")
    folder = ws.interviews_dir / "2026" / "wijk" / "Binnenstad"
    folder.mkdir(parents=True)
    (folder / "dubbel.txt").write_text("Legenda:\nI = interviewer\nI = moeder\n\nI: Goedemiddag.\n\nR1: Hallo.\n",
                                       encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "narratief", "ingest", str(ws.root)], capture_output=True,
                            text=True, cwd=REPO, stdin=subprocess.DEVNULL, timeout=600)
    assert result.returncode == 2, result.stderr
    assert "[N120] 2026/wijk/Binnenstad/dubbel.txt, regel 3" in result.stderr and "Traceback" not in result.stderr


def test_a_legend_with_colons_under_a_heading_is_no_turns(tmp_path):
    text = ("Gesprek op het jongerenwerk\n\nSprekers:\nAnouk: jongerenwerker\nBram: vader van Tim\n\n"
            "Anouk: Wat ziet u op straat?\n\nBram: Meer jongens dan vroeger, ze staan bij de snackbar.\n\n"
            "Anouk: Sinds wanneer?\n")
    transcript = read(tmp_path, "jongerenwerk.txt", text)
    assert turns(transcript) == [("Anouk", None, "Wat ziet u op straat?"),
                                 ("Bram", None, "Meer jongens dan vroeger, ze staan bij de snackbar."),
                                 ("Anouk", None, "Sinds wanneer?")]
    assert "legenda" in transcript.layout and "(4 regels)" in transcript.layout


def test_speech_right_under_a_speakers_heading_is_no_legend(tmp_path):
    text = "Sprekers:\nAnouk: Wat ziet u op straat?\nBram: Meer jongens dan vroeger.\nAnouk: Sinds wanneer?\n"
    transcript = read(tmp_path, "kort.txt", text)
    assert [t.text for t in transcript.turns] == ["Wat ziet u op straat?", "Meer jongens dan vroeger.",
                                                  "Sinds wanneer?"]
    assert "legenda" not in transcript.layout


def test_the_header_above_the_first_code_is_said_in_the_layout(tmp_path):
    text = "Interview buurtvader\nAfgenomen in het buurthuis\n\nI: Hoe lang loopt u mee?\n\nR: Vier jaar.\n"
    transcript = read(tmp_path, "buurtvader.txt", text)
    assert turns(transcript) == [("I", None, "Hoe lang loopt u mee?"), ("R", None, "Vier jaar.")]
    assert "kop boven de eerste code overgeslagen (2 regel(s))" in transcript.layout


# -- noScribe's WebVTT: '<v //S02>' marks overlapping speech ---------------------------------------------

def test_an_overlap_mark_before_a_voice_is_not_part_of_the_speaker(tmp_path):
    text = ("WEBVTT Gesprek in de wijk\n\nNOTE\nTranscribed with noScribe\nLanguage: nl\n\n"
            "1\n00:00:00.000 --> 00:00:03.000\n<v S01>Zullen we beginnen?\n\n"
            "2\n00:00:03.000 --> 00:00:05.000\n<v //S02>Ja, graag.\n\n"
            "3\n00:00:05.000 --> 00:00:09.000\n<v S02>Ik heb de cijfers van het buurthuis meegenomen.\n\n"
            "4\n00:00:09.000 --> 00:00:11.000\n<v S01>Fijn, jeugd &amp; gezin is er ook, &#x27;s avonds.\n")
    transcript = read(tmp_path, "noscribe.vtt", text)
    assert turns(transcript) == [
        ("S01", "00:00:00", "Zullen we beginnen?"),
        ("S02", "00:00:03", "Ja, graag. Ik heb de cijfers van het buurthuis meegenomen."),
        ("S01", "00:00:09", "Fijn, jeugd & gezin is er ook, 's avonds.")]
    assert "overlappende spraak" in transcript.layout and "1 cue(s)" in transcript.layout


def test_a_voice_name_with_slashes_inside_keeps_them(tmp_path):
    text = "WEBVTT\n\n00:00:00.000 --> 00:00:03.000\n<v Jongerenwerk/Noord>Goedemorgen.\n"
    assert turns(read(tmp_path, "stem.vtt", text)) == [("Jongerenwerk/Noord", "00:00:00", "Goedemorgen.")]


def test_turn_numbers_set_off_by_two_spaces_with_unnumbered_wrapped_lines(tmp_path):
    text = ("Interview groepsleider\n\n1  I: Hoe gaat het met de groep?\n\n2  R: Goed, maar soms is het\n"
            "lastig met de nieuwe jongens.\n\n3  I: Waarom?\n\n4  R: Ze kennen de regels nog niet.\n")
    assert turns(read(tmp_path, "beurten.txt", text)) == [
        ("I", None, "Hoe gaat het met de groep?"), ("R", None, "Goed, maar soms is het lastig met de nieuwe jongens."),
        ("I", None, "Waarom?"), ("R", None, "Ze kennen de regels nog niet.")]


def test_a_wrapped_line_with_a_spaced_number_and_a_one_off_label_stays_speech(tmp_path):
    text = ("Interviewer: Wat stond er in het verslag?\n\n"
            "Coach: Twee punten, als eerste\n"
            "3  R: niet alleen naar de cijfers kijken,\n"
            "want dat zegt weinig.\n")
    assert turns(read(tmp_path, "verslag.txt", text))[-1] == (
        "Coach", None, "Twee punten, als eerste 3 R: niet alleen naar de cijfers kijken, want dat zegt weinig.")
