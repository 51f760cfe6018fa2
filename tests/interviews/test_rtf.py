"""The .rtf reader: RTF as WordPad, Word and TextEdit write it, read with the layouts of .docx.

Every document is written here, in the RTF spellings of those tools, from Dutch sentences written
for these tests. Malformed RTF is refused with N118 naming the file, never read half.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from interviews.readers.errors import InputError
from interviews.readers.rtf import parse

from reading_helpers import read, turns

REPO = Path(__file__).resolve().parents[2]
HEAD = r"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\fnil\fcharset0 Calibri;}}{\colortbl ;\red0\green0\blue0;}"


def rtf(body: str, head: str = HEAD) -> bytes:
    return (head + "\r\n" + body + "}\r\n").encode("ascii")


def test_wordpad_paragraphs_with_code_page_escapes_and_bold_labels(tmp_path):
    body = (r"{\*\generator Riched20 10.0.19041}\viewkind4\uc1 \pard\sa200\b\fs28 Gesprek over het plein\b0\fs22\par" "\r\n"
            r"\b Wijkagent:\b0  Op het plein staan 's avonds vaak twintig jongeren, vooral na het caf\'e9.\par" "\r\n"
            r"\b Moeder:\b0  Mijn dochter durft er niet meer langs, ze fietst om via de Bloemenstraat.\par" "\r\n"
            r"Ik begrijp haar wel, het is er donker\'85 en er hangt altijd rook.\par" "\r\n"
            r"\b Wijkagent:\b0  Daarom komt er nu extra verlichting en loopt de boa er vaker langs, ook na tw\'e9\'e9 uur.\par")
    transcript = read(tmp_path, "plein.rtf", rtf(body))
    assert turns(transcript) == [
        ("Wijkagent", None, "Op het plein staan 's avonds vaak twintig jongeren, vooral na het café."),
        ("Moeder", None, "Mijn dochter durft er niet meer langs, ze fietst om via de Bloemenstraat. "
                         "Ik begrijp haar wel, het is er donker… en er hangt altijd rook."),
        ("Wijkagent", None, "Daarom komt er nu extra verlichting en loopt de boa er vaker langs, ook na twéé uur."),
    ]
    assert transcript.format == "rtf" and transcript.turns[0].line == 2  # the title is paragraph 1


def test_unicode_escapes_skip_their_fallback_characters():
    body = (r"\uc1 Jongerenwerker: Dat is Ay\u351\'3fe haar idee\u8217\'92 zegt hij.\par "
            r"{\uc2 Docent: Prijs \u8364\'80\'80 10 per avond.}\par "
            r"\uc0 Ouder: Do\u287 an en ik \u-10179\u-8704  gaan mee.\par")
    paras, rows = parse(rtf(body), "a.rtf")
    assert [p.text for p in paras] == ["Jongerenwerker: Dat is Ayşe haar idee’ zegt hij.",
                                       "Docent: Prijs € 10 per avond.", "Ouder: Doğan en ik \U0001F600 gaan mee."]
    assert rows == ()


def test_header_groups_and_destinations_are_no_text():
    head = (HEAD + r"{\stylesheet{\s0 Normal;}{\s1 heading 1;}}"
            r"{\info{\title Geheime titel}{\author Karin Verbeek}{\creatim\yr2026\mo3\dy2}}"
            r"{\*\rsidtbl \rsid123}{\*\themedata 504b0304}{\header \pard Vertrouwelijk\par}"
            r"{\*\bkmkstart begin}{\*\bkmkend begin}")
    body = (r'\pard Begeleider: Kijk op {\field{\*\fldinst HYPERLINK "https://example.org"}{\fldrslt de site}}'

            r" van de gemeente{\footnote \pard Een voetnoot.\par}.\par "
            r"{\pntext\f0 1.\tab}Jongere: Ik heb het gelezen\~maar niet begrepen\emdash echt niet.\par "
            r"{\*\annotation Opmerking van de typist.}Begeleider: Dan lopen we het samen door.\par")
    paras, _ = parse(rtf(body, head), "b.rtf")
    text = " ".join(p.text for p in paras)
    assert [p.text for p in paras] == [
        "Begeleider: Kijk op de site van de gemeente.", "Jongere: Ik heb het gelezen\u00a0maar niet begrepen\u2014echt niet.",
        "Begeleider: Dan lopen we het samen door."]
    for hidden in ("Karin", "Geheime", "Vertrouwelijk", "voetnoot", "HYPERLINK", "typist", "Normal", "1."):
        assert hidden not in text


def test_word_table_speaker_and_text_is_read_as_a_docx_table(tmp_path):
    def row(who: str, said: str, bold: bool = False) -> str:
        b = r"\b " if bold else ""
        return (r"\trowd\trgaph108\cellx2000\cellx9000\pard\intbl{" + b + who + r"}\cell {" + b + said + r"}\cell "
                r"\pard\intbl{\trowd\trgaph108\cellx2000\cellx9000\row }" "\r\n")
    body = (r"\pard\plain\s1\b Gesprek op school\b0\par" "\r\n"
            + row("Spreker", "Tekst", bold=True)
            + row("Mentor", r"Hij komt sinds januari bijna nooit op tijd.\par Ik heb zijn ouders gebeld.")
            + row("Vader", r"Hij moet 's nachts op zijn broertje passen, dat wisten jullie niet.")
            + row("", r"En overdag slaapt hij dan.")
            + row("Mentor", r"Dan zoeken we samen met het wijkteam naar hulp\u8230\'85")
            + r"\pard [einde opname]\par")
    assert turns(read(tmp_path, "school.rtf", rtf(body))) == [
        ("Mentor", None, "Hij komt sinds januari bijna nooit op tijd. Ik heb zijn ouders gebeld."),
        ("Vader", None, "Hij moet 's nachts op zijn broertje passen, dat wisten jullie niet. En overdag slaapt hij dan."),
        ("Mentor", None, "Dan zoeken we samen met het wijkteam naar hulp…"),
    ]


def test_textedit_line_ends_source_line_breaks_and_mac_bytes(tmp_path):
    head = r"{\rtf1\ansi\ansicpg1252\cocoartf2822" "\n" r"\cocoatextscaling0\cocoaplatform0{\fonttbl\f0\fswiss Helvetica;}"
    body = ("\n\\pard\\pardirnatural\\partightenfactor0\n\n\\f0\\fs24 \\cf0 Trainer: We trainen op dinsdag en \n"
            "donderdag in de sporthal.\\\n\\\nSpeler: Ik kom vooral voor de sfeer, \\'e9cht.\\\n")
    data = (head + body + "}").encode("ascii")
    assert turns(read(tmp_path, "sport.rtf", data)) == [
        ("Trainer", None, "We trainen op dinsdag en donderdag in de sporthal."), ("Speler", None, "Ik kom vooral voor de sfeer, écht.")]
    raw = (r"{\rtf1\mac Vrijwilliger: Co" + "\x9a").encode("latin-1") + rb"rdinatie via het buurthuis.\par}"
    assert parse(raw, "mac.rtf")[0][0].text == "Vrijwilliger: Coördinatie via het buurthuis."


def test_line_and_tab_controls_inside_a_paragraph(tmp_path):
    body = (r"\pard Jongerenwerker\tab We zien ze elke woensdag.\line Soms ook op vrijdag.\par "
            r"Buurman\tab Dat merk ik, het is rustiger geworden.\par ")
    assert turns(read(tmp_path, "tab.rtf", rtf(body))) == [
        ("Jongerenwerker", None, "We zien ze elke woensdag. Soms ook op vrijdag."),
        ("Buurman", None, "Dat merk ik, het is rustiger geworden.")]


@pytest.mark.parametrize("data, fragment", [
    (b"Jongerenwerker: Dit is gewone tekst met de naam .rtf.\n", "begint niet met"),
    (b"PK\x03\x04 Sanne: geheim", "lijkt een .docx-bestand"),
    (HEAD.encode() + rb"\pard Sanne: geheim\par", "niet gesloten"),
    (HEAD.encode() + rb"\pard Sanne: geheim\par}}" b"\r\n" rb"{\pard Bram: nog meer\par}", "na de afsluitende"),
    (HEAD.encode() + rb"\pard Sanne: geheim\par}" b"\r\n" rb"Bram: nog meer", "na de afsluitende"),
])
def test_malformed_rtf_is_refused_with_a_numbered_error_naming_the_file(tmp_path, data, fragment):
    with pytest.raises(InputError) as info:
        read(tmp_path, "kapot.rtf", data)
    assert info.value.code == "N118" and info.value.message.startswith("[N118] kapot.rtf, regel ")
    assert fragment in info.value.message
    assert "Sanne" not in info.value.message and "geheim" not in info.value.message


def test_malformed_rtf_through_the_cli_exits_2_without_traceback(tmp_path):
    from narratief.cli import app
    from narratief.workspace import init_workspace

    ws = init_workspace(tmp_path / "werk")
    folder = ws.interviews_dir / "2026" / "wijk" / "Binnenstad"
    folder.mkdir(parents=True)
    (folder / "goed.rtf").write_bytes(rtf(r"\pard Buurtvader: We lopen op vrijdag.\par Jongere: Dat weet ik.\par"))
    (folder / "kapot.rtf").write_bytes(HEAD.encode() + rb"\pard Buurtvader: We lopen op vrijdag.\par")
    result = subprocess.run([sys.executable, "-m", "narratief", "ingest", str(ws.root)], capture_output=True,
                            text=True, cwd=REPO, stdin=subprocess.DEVNULL, timeout=600)
    assert result.returncode == 2, result.stderr
    assert "[N118] 2026/wijk/Binnenstad/kapot.rtf, regel 1" in result.stderr and "Traceback" not in result.stderr
    assert "Buurtvader" not in result.stderr
    skipped = CliRunner().invoke(app, ["ingest", str(ws.root), "--skip-invalid", "--json"])
    assert skipped.exit_code == 0 and "goed.rtf" in skipped.output


def test_hidden_text_and_tracked_deletions_are_not_read():
    body = (r"\pard Coach: We trainen {\deleted op maandag}{\revised op dinsdag} in de hal.\par "
            r"Speler: Ik kom {\v verborgen notitie}altijd\deleted  weg\deleted0  op tijd.\par")
    assert [p.text for p in parse(rtf(body), "c.rtf")[0]] == [
        "Coach: We trainen op dinsdag in de hal.", "Speler: Ik kom altijd op tijd."]


def test_headings_between_turns_are_skipped_as_in_word(tmp_path):
    body = (r"\pard\outlinelevel0\b Deel 1: de wijk\b0\par\pard Buurtbewoner: Het is hier rustiger geworden.\par "
            r"Wijkagent: Dat zien wij ook in de meldingen.\par\pard\outlinelevel1\b Deel 2\b0\par "
            r"\pard Buurtbewoner: Alleen bij de snackbar is het 's avonds nog druk.\par")
    assert turns(read(tmp_path, "delen.rtf", rtf(body))) == [
        ("Buurtbewoner", None, "Het is hier rustiger geworden."), ("Wijkagent", None, "Dat zien wij ook in de meldingen."),
        ("Buurtbewoner", None, "Alleen bij de snackbar is het 's avonds nog druk.")]
