"""Round 4 of the reader hold-out (benchmarks/format_holdout/round4): the mechanisms, on exports written here.

Every file is written in this test from Dutch sentences made up for it, and read with the real readers:
a dash label after a time, a table inside a table cell (.rtf and .docx), Word's plain text in UTF-16
with labels in capitals, subtitles saved from Word, a table with a time column and "Achternaam,
Voornaam" names. Lines of speech that merely start with a time or hold a dash stay speech; a damaged
timing line in pasted subtitles is refused with a numbered error naming file and line.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import docx
import pytest

from interviews.readers.errors import InputError
from interviews.readers.rtf import parse

from reading_helpers import make_docx, read, turns

REPO = Path(__file__).resolve().parents[2]

SPOKEN = [
    ("Gespreksleider", "Wat merkt u in de straat sinds het nieuwe pleintje er ligt?"),
    ("Bewoonster", "Het is drukker - vooral na het eten - maar ook gezelliger."),
    ("Gespreksleider", "En de jongeren die daar 's avonds zitten?"),
    ("Bewoonster", "Die groeten me nu. Om 23:00 - als ik de hond uitlaat - zeggen ze gewoon goedenavond."),
    ("Buurman", "Bij mij is dat anders, ik hoor ze tot na middernacht."),
]


# -- a dash label after a time -----------------------------------------------------------------

def test_a_bare_time_before_a_dash_label_is_the_start(tmp_path):
    text = "Bewonersavond Houtsdonk\nUitgewerkt door: de wijkcoach\n\n"
    text += "\n\n".join(f"00:0{i}:1{i} {who} - {said}" for i, (who, said) in enumerate(SPOKEN)) + "\n"
    transcript = read(tmp_path, "avond.txt", text)
    assert turns(transcript) == [(who, f"00:0{i}:1{i}", said) for i, (who, said) in enumerate(SPOKEN)]
    assert "streepje" in transcript.layout


def test_a_bracketed_time_and_an_en_dash_label_in_word_merge_timed_paragraphs_of_one_speaker(tmp_path):
    paragraphs = [f"[00:01:{10 + i:02d}] {who} \u2013 {said}" for i, (who, said) in enumerate(SPOKEN)]
    paragraphs.insert(2, "[00:01:11] Bewoonster \u2013 Dat zei ik ook tegen mijn zus.")
    transcript = read(tmp_path, "avond.docx", make_docx(tmp_path, paragraphs))
    assert [(t.speaker, t.timestamp) for t in transcript.turns] == [
        ("Gespreksleider", "00:01:10"), ("Bewoonster", "00:01:11"), ("Gespreksleider", "00:01:12"),
        ("Bewoonster", "00:01:13"), ("Buurman", "00:01:14")]
    assert transcript.turns[1].text == SPOKEN[1][1] + " Dat zei ik ook tegen mijn zus."


def test_a_time_dash_label_speaker_who_speaks_once_is_a_speaker_and_one_per_line_works(tmp_path):
    lines = [f"00:00:0{i} {who} - {said}" for i, (who, said) in enumerate(SPOKEN)]
    lines.append("00:00:09 Wijkagent - Dat neem ik mee naar het overleg.")
    transcript = read(tmp_path, "regels.txt", "\n".join(lines) + "\n")
    assert [t.speaker for t in transcript.turns] == [w for w, _ in SPOKEN] + ["Wijkagent"]
    assert transcript.turns[-1].timestamp == "00:00:09"


def test_speech_lines_that_start_with_a_time_and_hold_a_dash_stay_speech(tmp_path):
    text = ("Coach: Het schema van de avond was simpel, zo hebben we het opgeschreven:\n"
            "19:30 Inloop - thee en een spelletje,\n"
            "20:15 Gesprek - over school of over geld,\n"
            "21:30 Afsluiting - samen naar buiten.\n\n"
            "Ouder: En daarna?\n\n"
            "Coach: Daarna niks. Tot\n"
            "22:00 - dan bellen soms de buren nog.\n")
    assert turns(read(tmp_path, "schema.txt", text)) == [
        ("Coach", None, "Het schema van de avond was simpel, zo hebben we het opgeschreven: 19:30 Inloop - thee en "
                        "een spelletje, 20:15 Gesprek - over school of over geld, 21:30 Afsluiting - samen naar buiten."),
        ("Ouder", None, "En daarna?"),
        ("Coach", None, "Daarna niks. Tot 22:00 - dan bellen soms de buren nog.")]


def test_an_agenda_of_times_and_dashes_without_speakers_gets_no_false_labels(tmp_path):
    text = ("19:30 Inloop - koffie en thee in de grote zaal\n\n"
            "20:00 Presentatie - de wijkagent vertelt over de cijfers van dit jaar\n\n"
            "20:45 Vragen - iedereen mag iets vragen of zeggen\n\n"
            "21:15 Afsluiting - met een drankje bij de bar\n")
    transcript = read(tmp_path, "agenda.txt", text)
    assert [t.speaker for t in transcript.turns] == [None] * 4
    assert transcript.turns[1].text == "20:00 Presentatie - de wijkagent vertelt over de cijfers van dit jaar"


def test_in_a_time_dash_file_a_paragraph_starting_with_a_time_and_a_dash_continues_the_speaker(tmp_path):
    text = "\n\n".join(f"00:0{i}:00 {who} - {said}" for i, (who, said) in enumerate(SPOKEN[:4]))
    text += "\n22:30 - en dan is het stil, echt waar.\n"
    transcript = read(tmp_path, "door.txt", text)
    assert [t.speaker for t in transcript.turns] == [w for w, _ in SPOKEN[:4]]
    assert transcript.turns[-1].text.endswith("goedenavond. 22:30 - en dan is het stil, echt waar.")


# -- a table inside a table cell -----------------------------------------------------------------

HEAD = r"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\fnil\fcharset0 Calibri;}}"
OUTER = r"\trowd\trgaph108\cellx9000 "
INNER = r"\trowd\trgaph108\cellx2000\cellx8800 "


def nested_rtf(rows: list[tuple[str, str]], above: str = "") -> bytes:
    """A Word-style RTF: a one-column layout table (a title row, then a row whose cell holds the rows)."""
    body = [OUTER + r"\pard\intbl\itap1 {\b Gesprek in het buurthuis}\cell " + r"{" + OUTER + r"\row}"]
    cell = OUTER + (r"\pard\intbl\itap1 " + above + r"\par " if above else "")
    for who, said in rows:
        cell += (r"\pard\intbl\itap2 " + who + r"\nestcell{\nonesttables\par }"
                 + r"\pard\intbl\itap2 " + said.replace("\n", r"\par ") + r"\nestcell{\nonesttables\par }"
                 + r"\pard\intbl\itap2 {\*\nesttableprops" + INNER + r"\nestrow}{\nonesttables\par }")
    body.append(cell + r"\pard\intbl\itap1 \cell {" + OUTER + r"\row}\pard\par ")
    return (HEAD + "\r\n" + "\r\n".join(body) + "}\r\n").encode("ascii")


TABLE = [("Spreker", "Tekst"), ("Jongerenwerker", "We zien de groep elke woensdag bij het winkelcentrum."),
         ("Ouder", "Mijn zoon zit daar ook.\nHij zegt dat er niks anders te doen is."),
         ("", "Dat klopt wel, eerlijk gezegd."), ("Jongerenwerker", "Daarom openen we het buurthuis nu ook op woensdag.")]
EXPECTED = [("Jongerenwerker", None, "We zien de groep elke woensdag bij het winkelcentrum."),
            ("Ouder", None, "Mijn zoon zit daar ook. Hij zegt dat er niks anders te doen is. Dat klopt wel, eerlijk gezegd."),
            ("Jongerenwerker", None, "Daarom openen we het buurthuis nu ook op woensdag.")]


def test_rtf_nested_table_rows_are_read_and_the_fallback_paragraphs_skipped(tmp_path):
    paras, rows = parse(nested_rtf(TABLE), "a.rtf")
    assert [row.cells for row in rows][:3] == [
        (("Gesprek in het buurthuis",),), (("Spreker",), ("Tekst",)),
        (("Jongerenwerker",), ("We zien de groep elke woensdag bij het winkelcentrum.",))]
    assert len(rows) == 1 + len(TABLE)  # the row holding the nested table has no text of its own
    assert not any(p.text.strip() for p in paras)  # {\nonesttables \par} gives no paragraphs
    assert turns(read(tmp_path, "buurthuis.rtf", nested_rtf(TABLE))) == EXPECTED


def test_rtf_text_above_a_nested_table_in_the_same_cell_stays_with_the_outer_cell():
    _, rows = parse(nested_rtf(TABLE, above="Opname van 3 april"), "a.rtf")
    assert rows[1].cells == (("Spreker",), ("Tekst",))
    assert rows[-1].cells == (("Opname van 3 april",),)  # the outer row, after its nested rows


def test_docx_nested_table_rows_are_read(tmp_path):
    document = docx.Document()
    outer = document.add_table(rows=2, cols=1)
    outer.cell(0, 0).text = "Gesprek in het buurthuis"
    inner = outer.cell(1, 0).add_table(rows=0, cols=2)
    for who, said in TABLE:
        cells = inner.add_row().cells
        cells[0].text = who
        parts = said.split("\n")
        cells[1].text = parts[0]
        for part in parts[1:]:
            cells[1].add_paragraph(part)
    path = tmp_path / "gemaakt.docx"
    document.save(path)
    assert turns(read(tmp_path, "buurthuis.docx", path.read_bytes())) == EXPECTED


# -- Word's plain text, subtitles saved from Word, a table with a time column ----------------------------

def test_word_plain_text_in_utf16_with_capital_labels_and_soft_line_breaks(tmp_path):
    lines = ["Interview buurtpreventie", "Uitgewerkt door: stagiaire", "",
             "INTERVIEWER: Hoe bent u bij de buurtpreventie gekomen?",
             "BEWONER: Via een buurman. Hij liep al twee jaar mee,", "en vroeg of ik een keer wilde komen kijken.",
             "INTERVIEWER: En wat doet u precies?",
             "BEWONER: Rondjes lopen, met z\u2019n tweeën, en praten met wie we tegenkomen."]
    transcript = read(tmp_path, "platte_tekst.txt", ("\r\n".join(lines) + "\r\n").encode("utf-16"))
    assert turns(transcript) == [
        ("INTERVIEWER", None, "Hoe bent u bij de buurtpreventie gekomen?"),
        ("BEWONER", None, "Via een buurman. Hij liep al twee jaar mee, en vroeg of ik een keer wilde komen kijken."),
        ("INTERVIEWER", None, "En wat doet u precies?"),
        ("BEWONER", None, "Rondjes lopen, met z\u2019n tweeën, en praten met wie we tegenkomen.")]


def test_a_plain_text_without_labels_keeps_its_first_paragraph(tmp_path):
    text = "Vanavond was het rustig op het plein.\n\nDe jongeren gingen om tien uur naar huis.\n"
    assert [t.text for t in read(tmp_path, "notitie.txt", text).turns] == [
        "Vanavond was het rustig op het plein.", "De jongeren gingen om tien uur naar huis."]


SUBTITLES = ["1", "00:00:01,200 --> 00:00:04,000", "Trainer: Elke vrijdag spelen we van 20:00 - 22:00 uur.", "",
             "2", "00:00:04,500 --> 00:00:07,000", "Daarna gaan de jongens meestal meteen naar huis.", "",
             "3", "00:00:08,000 --> 00:00:10,000", "Moeder: Dat merk ik thuis ook.", ""]


def test_subtitles_saved_from_word_a_cue_without_a_name_continues_the_speaker(tmp_path):
    transcript = read(tmp_path, "sport.docx", make_docx(tmp_path, SUBTITLES))
    assert turns(transcript) == [
        ("Trainer", "00:00:01", "Elke vrijdag spelen we van 20:00 - 22:00 uur. Daarna gaan de jongens meestal "
                                "meteen naar huis."),
        ("Moeder", "00:00:08", "Dat merk ik thuis ook.")]


@pytest.mark.parametrize("damaged", ["00:00:04,500 -> 00:00:07,000", "00:00:04,500 --> ", "00:00:04,500 - 00:00:07,000"])
def test_a_damaged_timing_line_in_pasted_subtitles_is_refused_naming_the_line(tmp_path, damaged):
    paragraphs = SUBTITLES[:5] + [damaged] + SUBTITLES[6:]
    with pytest.raises(InputError) as caught:
        read(tmp_path, "sport.docx", make_docx(tmp_path, paragraphs))
    assert caught.value.code == "N114"
    assert caught.value.message.startswith("[N114] sport.docx, regel 6: ")
    assert "Trainer" not in caught.value.message and "vrijdag" not in caught.value.message


def test_the_cli_refuses_damaged_subtitles_with_exit_code_2(tmp_path):
    from narratief.workspace import init_workspace

    ws = init_workspace(tmp_path / "werk")
    folder = ws.interviews_dir / "2026" / "wijk" / "Binnenstad"
    folder.mkdir(parents=True)
    paragraphs = SUBTITLES[:5] + ["00:00:04,500 -> 00:00:07,000"] + SUBTITLES[6:]
    (folder / "sport.docx").write_bytes(make_docx(tmp_path, paragraphs))
    result = subprocess.run([sys.executable, "-m", "narratief", "ingest", str(ws.root)], capture_output=True,
                            text=True, cwd=REPO, stdin=subprocess.DEVNULL, timeout=600)
    assert result.returncode == 2, result.stderr
    assert "[N114] 2026/wijk/Binnenstad/sport.docx, regel 6" in result.stderr and "Traceback" not in result.stderr
    assert "vrijdag" not in result.stderr + result.stdout


def test_a_table_with_a_time_column_and_surname_first_names(tmp_path):
    rows = [["Tijdstip", "Spreker", "Tekst"], ["0:05", "Jansen, Eva", "Welkom bij het overleg over de Bloemenbuurt."],
            ["0:12", "de Groot, Ali", "Ik begin met de meldingen van deze maand."],
            ["0:20", "de Groot, Ali", "Het zijn er minder dan in maart."], ["1:02:10", "Jansen, Eva", "Dank jullie wel."]]
    transcript = read(tmp_path, "overleg.docx", make_docx(tmp_path, ["Overleg Bloemenbuurt"], rows))
    assert turns(transcript) == [
        ("Jansen, Eva", "00:00:05", "Welkom bij het overleg over de Bloemenbuurt."),
        ("de Groot, Ali", "00:00:12", "Ik begin met de meldingen van deze maand. Het zijn er minder dan in maart."),
        ("Jansen, Eva", "01:02:10", "Dank jullie wel.")]


def test_a_table_whose_first_column_holds_sentences_is_still_refused(tmp_path):
    rows = [["Spreker", "Tekst"], ["Ik weet het niet, zei ze.", "Goedemorgen."], ["Wijkagent", "Dag."]]
    with pytest.raises(InputError) as caught:
        read(tmp_path, "raar.docx", make_docx(tmp_path, [], rows))
    assert caught.value.code in ("N116", "N108")


# -- probes between the rounds (not held out): a name line above a timing, a time range before a label,
#    a time between a label and its dash, a Word table saved as plain text ------------------------------

ASKED = [("Interviewer", "Sinds wanneer loopt u mee met de buurtpreventie?"),
         ("Vrijwilliger", "Sinds vorig najaar, na de inbraken in onze straat."),
         ("Interviewer", "Wat doet u als u jongeren tegenkomt?"),
         ("Vrijwilliger", "Gewoon een praatje maken. De meesten kennen we bij naam.")]


def test_a_name_line_above_a_subtitle_timing_dates_the_turn_and_the_timing_is_no_text(tmp_path):
    text = "\n\n".join(f"{who}\n00:00:{10 * i:02d},000 --> 00:00:{10 * i + 8:02d},500\n{said}"
                       for i, (who, said) in enumerate(ASKED)) + "\n"
    assert turns(read(tmp_path, "namen.txt", text)) == [
        (who, f"00:00:{10 * i:02d}", said) for i, (who, said) in enumerate(ASKED)]


def test_a_time_range_before_a_label_gives_the_start(tmp_path):
    text = "".join(f"00:01:{10 * i:02d} - 00:01:{10 * i + 9:02d} {who}: {said}\n\n" for i, (who, said) in enumerate(ASKED))
    assert turns(read(tmp_path, "bereik.txt", text)) == [
        (who, f"00:01:{10 * i:02d}", said) for i, (who, said) in enumerate(ASKED)]


def test_a_time_range_at_the_start_of_speech_without_a_label_stays_text(tmp_path):
    text = ("Coach: Op vrijdag is de zaal open.\n20:00 - 22:00 uur, en dan is het vol.\n\n"
            "Ouder: Ook in de vakantie?\n\nCoach: Dan niet.\n")
    assert turns(read(tmp_path, "zaal.txt", text))[0] == (
        "Coach", None, "Op vrijdag is de zaal open. 20:00 - 22:00 uur, en dan is het vol.")


def test_a_time_between_the_label_and_the_dash(tmp_path):
    text = "".join(f"{who} ({i}:{10 * i:02d}) - {said}\n\n" for i, (who, said) in enumerate(ASKED))
    assert turns(read(tmp_path, "haakjes.txt", text)) == [
        (who, f"00:0{i}:{10 * i:02d}", said) for i, (who, said) in enumerate(ASKED)]


def test_a_word_table_saved_as_plain_text_one_row_per_line_with_tabs(tmp_path):
    text = "Gesprek buurtpreventie\n\nSpreker\tTekst\n" + "".join(f"{who}\t{said}\n" for who, said in ASKED)
    text += "\tDat doen we al jaren zo.\n"  # an empty speaker cell: the speaker above goes on
    expected = [(who, None, said) for who, said in ASKED]
    expected[-1] = (expected[-1][0], None, expected[-1][2] + " Dat doen we al jaren zo.")
    transcript = read(tmp_path, "tabel_als_tekst.txt", text)
    assert turns(transcript) == expected and "tabel" in transcript.layout


def test_a_single_tab_in_typed_speech_makes_no_table(tmp_path):
    text = "Coach: We hebben twee ploegen:\tde jongste en de oudste.\n\nOuder: Mooi.\n\nCoach: Ja.\n"
    transcript = read(tmp_path, "tab.txt", text)
    assert [t.speaker for t in transcript.turns] == ["Coach", "Ouder", "Coach"]
    assert "tabel" not in transcript.layout


def test_rtf_nested_table_without_its_nestrow_loses_no_row_and_keeps_the_outer_text():
    cells = (r"\pard\intbl\itap1 Opname van 3 april\par "
             r"\pard\intbl\itap2 Ouder\nestcell \pard\intbl\itap2 Mijn zoon zit daar ook.\nestcell "
             r"\pard\intbl\itap2 {\*\nesttableprops" + INNER + r"\nestrow}"
             r"\pard\intbl\itap2 Jongerenwerker\nestcell \pard\intbl\itap2 Dat weten we.\nestcell "
             r"\pard\intbl\itap1 Einde\cell {" + OUTER + r"\row}")
    _, rows = parse((HEAD + OUTER + cells + "}").encode("ascii"), "a.rtf")
    assert [row.cells for row in rows] == [
        (("Ouder",), ("Mijn zoon zit daar ook.",)), (("Jongerenwerker",), ("Dat weten we.",)),
        (("Opname van 3 april", "Einde"),)]
