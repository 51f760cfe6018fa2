"""Write round 4 of the held-out export examples (benchmarks/format_holdout/round4/; run once, files committed).

    python benchmarks/make_format_holdout_round4.py

Same method and helpers as `make_format_holdout.py` (blocks -> writer -> expected turns by the turn rules
of ../shared/formats/README.md). Round 4: dash labels after a time, RTF and Word tables inside a table
cell, Word's "Opslaan als platte tekst" in Unicode (UTF-16), an .srt opened and saved in Word, a table
with a time column, and a look-alike whose wrapped speech lines start with a time and a dash. The content
is invented (Dutch, youth-crime prevention in Helmond); any resemblance to real people is unintended.
"""

from __future__ import annotations

import sys
from pathlib import Path

import docx

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_format_holdout import OUT, example, hms, mss, rtf_text, srt_time, write_round  # noqa: E402

ROUND4: list[dict] = []

# R4.1 typed .txt: 'HH:MM:SS Naam - tekst' (a bare time, then a dash label) ------------------------------
TIME_DASH = [
    ("Interviewer", 2, ["Fijn dat jullie er zijn. Kunnen jullie kort vertellen wat het buurtteam in Brandevoort doet?"]),
    ("Jeroen", 9, ["Wij zijn met vier mensen: twee jongerenwerkers, een wijkcoach en ik - ik ben de coördinator."]),
    ("Samira", 21, ["En we hebben sinds januari een vaste avond in het buurthuis, op dinsdag van 19:00 tot 21:30."]),
    ("Interviewer", 34, ["Wie komen daar op af?"]),
    ("Samira", 38, ["Vooral jongens van twaalf tot zestien. Sommigen komen voor het voetbal - anderen gewoon om binnen te zijn."]),
    ("Samira", 52, ["Een paar van hen zagen we eerder bij de tunnel onder het spoor."]),
    ("Jeroen", 61, ["Dat was ook de reden om te beginnen. Om 22:00 - als het donker is - stonden daar soms vijftien jongeren."]),
    ("Interviewer", 79, ["Merken jullie verschil sinds de avond er is?"]),
    ("Jeroen", 84, ["Ja. De meldingen bij de tunnel zijn gehalveerd, dat zegt de wijkagent ook."]),
    ("Samira", 97, ["Maar we zijn er nog niet. Na 21:30 - als wij dichtgaan - gaan een paar jongens alsnog naar buiten."]),
]


def write_time_dash(path, blocks):
    out = ["Groepsgesprek buurtteam Brandevoort, 4 maart 2026", "Uitgewerkt met tijden van de opname", ""]
    for speaker, start, lines in blocks:
        out += [f"{hms(start)} {speaker} - {' '.join(lines)}", ""]
    path.write_text("\n".join(out), encoding="utf-8")


example("getypt_txt_tijd_streepje_brandevoort.txt",
        "typed .txt: a bare time, then a dash label, 'HH:MM:SS Naam - tekst', one paragraph per segment",
        "Reconstruction: a typist who copies the recording's time before each turn and separates the speaker with "
        "' - ' (the dash-label layout of round 3 with the time of Amberscript/Descript-style lines in front).",
        "Two header lines are not turns. The time is the start; the word(s) before ' - ' the speaker. Dashes and "
        "times later in the speech ('ik - ik ben', 'Om 22:00 - als') are text. Consecutive timed paragraphs of one "
        "speaker merge (start of the first).",
        TIME_DASH, ("2026", "wijk", "Helmond-Oost"), write_time_dash, into=ROUND4)

# R4.2 Word .docx: '[HH:MM:SS] Naam – tekst' paragraphs (en dash, as Word's AutoCorrect makes it) -------
BRACKET_DASH = [
    ("Gespreksleider", 0, ["Welkom. We hebben het vandaag over de aanpak rond de scholen in Helmond-Noord."]),
    ("Wijkagent", 7, ["Dank u. Ik begin met de cijfers: dit schooljaar hadden we zes meldingen van bedreiging bij het "
                      "schoolplein."]),
    ("Mentor", 23, ["Bij ons zijn dat er minder, maar we horen het vaker van leerlingen zelf – via de vertrouwenspersoon."]),
    ("Gespreksleider", 38, ["Wat werkt er volgens u?"]),
    ("Mentor", 42, ["Korte lijnen. Als ik om 08:15 iets hoor, weet de wijkagent het voor de eerste pauze."]),
    ("Wijkagent", 55, ["En andersom. Ik bel de school als ik een leerling 's nachts op straat tegenkom."]),
    ("Wijkagent", 63, ["Dat doe ik niet om hem te verraden – het is om samen op te letten."]),
    ("Moeder", 75, ["Als ouder wil ik dat dan wel weten. Niet pas na drie weken."]),
]


def write_bracket_dash(path, blocks):
    document = docx.Document()
    document.add_paragraph("Overleg scholen Helmond-Noord")
    document.add_paragraph("")
    for speaker, start, lines in blocks:
        document.add_paragraph(f"[{hms(start)}] {speaker} \u2013 {' '.join(lines)}")
    document.save(path)


example("word_docx_haakjes_tijd_streepje_noord.docx",
        "Word .docx typed by hand: '[HH:MM:SS] Naam \u2013 tekst' paragraphs",
        "Reconstruction: the Descript-style bracketed time with the dash label typed in Word, where AutoCorrect "
        "turns ' - ' into ' \u2013 ' (en dash).",
        "The title paragraph and the empty paragraph are not turns. Bracketed time = start, the word before "
        "' \u2013 ' = speaker; en dashes and times inside the speech are text. Consecutive timed paragraphs of one "
        "speaker merge.",
        BRACKET_DASH, ("2026", "partnergroep", "Helmond-West"), write_bracket_dash, into=ROUND4)

# R4.3 Word .rtf: the Spreker | Tekst table inside a cell of a layout table ('Tabel in tabel') ----------
NESTED = [
    ("Interviewer", None, ["Hoe bent u bij het wijkteam terechtgekomen?"]),
    ("Wijkcoach", None, ["Via de huisarts. Een moeder kwam daar met zorgen over haar zoon van dertien, die steeds later "
                         "thuiskwam."]),
    ("Interviewer", None, ["En wat heeft het wijkteam toen gedaan?"]),
    ("Wijkcoach", None, ["Eerst een gesprek thuis, met de jongen erbij. Hij vertelde dat oudere jongens hem "
                         "\u201cklusjes\u201d lieten doen.",
                         "We hebben toen de jongerenwerker en de school erbij gehaald."]),
    ("Wijkcoach", None, ["Binnen twee weken zat hij bij de voetbalclub, met een maatje van zijn eigen leeftijd."]),
    ("Interviewer", None, ["Wat had u daarbij nodig van de gemeente?"]),
    ("Wijkcoach", None, ["Snelheid. De co\u00f6rdinatie liep goed, maar het geld voor de contributie kwam pas na "
                         "zes weken."]),
]

_ROW = ("\\trowd \\irow{n}\\irowband{n}\\ltrrow\\ts11\\trgaph108\\trleft-108\\trbrdrt\\brdrs\\brdrw10 \\trbrdrl\\brdrs"
        "\\brdrw10 \\trbrdrb\\brdrs\\brdrw10 \\trbrdrr\\brdrs\\brdrw10 \\trftsWidth1\\trpaddl108\\trpaddr108\\trpaddfl3"
        "\\trpaddfr3\\tblrsid7012458\\tbllkhdrrows\\tbllkhdrcols\\tbllknocolband\\tblind0\\tblindtype3 ")
_GROUP = "{\\rtlch\\fcs1 \\af0 \\ltrch\\fcs0 \\insrsid7012458 "


def write_nested_rtf(path, blocks):
    para = ("\\pard\\plain \\ltrpar\\ql \\li0\\ri0\\widctlpar\\intbl\\wrapdefault\\aspalpha\\aspnum\\faauto"
            "\\adjustright\\rin0\\lin0\\itap{d} \\rtlch\\fcs1 \\af0\\afs22\\alang1025 \\ltrch\\fcs0 \\f31506\\fs22"
            "\\lang1043\\langfe1033\\cgrid\\langnp1043\\langfenp1033 ")
    outer_def = _ROW + "\\clvertalt\\clbrdrt\\brdrs\\brdrw10 \\cltxlrtb\\clftsWidth3\\clwWidth9062\\clshdrawnil \\cellx8954"
    inner_def = (_ROW.replace("\\trleft-108", "\\trleft0") + "\\clvertalt\\clbrdrt\\brdrs\\brdrw10 \\cltxlrtb"
                 "\\clftsWidth3\\clwWidth2127\\clshdrawnil \\cellx2019\\clvertalt\\clbrdrt\\brdrs\\brdrw10 \\cltxlrtb"
                 "\\clftsWidth3\\clwWidth6600\\clshdrawnil \\cellx8619")
    out = ["{\\rtf1\\adeflang1025\\ansi\\ansicpg1252\\uc1\\adeff31507\\deff0\\stshfdbch31505\\stshfloch31506"
           "\\stshfhich31506\\stshfbi31507\\deflang1043\\deflangfe1033\\themelang1043\\themelangfe0\\themelangcs0"
           "{\\fonttbl{\\f0\\fbidi \\froman\\fcharset0\\fprq2{\\*\\panose 02020603050405020304}Times New Roman;}"
           "{\\f31506\\fbidi \\fswiss\\fcharset0\\fprq2{\\*\\panose 020f0502020204030204}Calibri;}}",
           "{\\colortbl;\\red0\\green0\\blue0;\\red0\\green0\\blue255;}",
           "{\\stylesheet{\\ql \\li0\\ri0\\sa160\\sl259\\slmult1\\widctlpar\\wrapdefault\\itap0 \\f31506\\fs22\\lang1043 "
           "\\snext0 \\sqformat \\spriority0 Normal;}{\\*\\ts11\\tsrowd\\trftsWidthB3 \\snext11 \\ssemihidden Normal Table;}"
           "{\\*\\ts15\\tsrowd\\trbrdrt\\brdrs\\brdrw10 \\sbasedon11 \\snext15 \\spriority39 Table Grid;}}",
           "{\\*\\rsidtbl \\rsid7012458}{\\info{\\title Interview wijkteam}{\\author gemeente}{\\creatim\\yr2026\\mo3"
           "\\dy18\\hr14\\min2}{\\version3}}",
           "\\paperw11906\\paperh16838\\margl1417\\margr1417\\margt1417\\margb1417\\gutter0\\ltrsect "
           "\\widowctrl\\ftnbj\\aenddoc\\hyphhotz425\\nogrowautofit\\formshade\\horzdoc\\dgmargin",
           "\\sectd \\ltrsect\\linex0\\headery708\\footery708\\colsx708\\endnhere\\sectlinegrid360\\sectdefaultcl\\sftnbj "]
    outer_rows = [("Interview wijkteam Helmond-Noord", True),
                  ("Datum: 18 maart 2026. Aanwezig: interviewer en wijkcoach.", False)]
    for n, (text, bold) in enumerate(outer_rows):
        d = outer_def.replace("{n}", str(n))
        out.append(d + para.replace("{d}", "1") + _GROUP + ("\\b " if bold else "") + rtf_text(text, "unicode")
                   + "}" + _GROUP + "\\cell }")
        out.append(para.replace("{d}", "1") + _GROUP + d + "\\row }")
    # the third outer row: its one cell holds the transcript table (\itap2, \nestcell, \nesttableprops, \nestrow)
    rows = [("Spreker", ["Tekst"], True)]
    previous = None
    for speaker, _, lines in blocks:
        rows.append(("" if speaker == previous else speaker, lines, False))
        previous = speaker
    d = outer_def.replace("{n}", "2")
    out.append(d)
    for n, (who, lines, bold) in enumerate(rows):
        cells = []
        for text_lines in ([who], lines):
            said = "\\par }" + _GROUP
            said = said.join(rtf_text(line, "unicode") for line in text_lines)
            cells.append(para.replace("{d}", "2") + _GROUP + ("\\b " if bold else "") + said + "\\nestcell{\\nonesttables\r\n\\par }}")
        out.append("".join(cells))
        out.append(para.replace("{d}", "2") + "{\\*\\nesttableprops" + inner_def.replace("{n}", str(n))
                   + "\\nestrow}{\\nonesttables\r\n\\par }")
    out.append(para.replace("{d}", "1") + _GROUP + "\\cell }")
    out.append(para.replace("{d}", "1") + _GROUP + d + "\\lastrow \\row }")
    out.append("\\pard \\ltrpar\\ql \\li0\\ri0\\sa160\\sl259\\slmult1\\widctlpar\\wrapdefault\\itap0 " + _GROUP + "\\par }")
    out.append("{\\*\\themedata 504b030414000600080000002100e9de0fbfff0000001c020000130000005b436f6e74656e745f54797065}}")
    path.write_bytes("\r\n".join(out).encode("ascii"))


example("word_rtf_tabel_in_tabel_noord.rtf",
        "Microsoft Word 'Save as RTF' of a layout table whose third cell holds the Spreker | Tekst table ('Tabel in tabel')",
        "RTF 1.9.1 specification, 'Nested Tables': paragraphs of a nested table carry \\itap2, its cells end with "
        "\\nestcell, its row properties follow in '{\\*\\nesttableprops \\trowd ... \\nestrow}', and "
        "'{\\nonesttables \\par }' groups are for readers without nested tables. Reconstruction in Word's spelling.",
        "The outer table's first two rows (title, date and who was present) are not turns; the nested table's header "
        "row 'Spreker | Tekst' is not a turn. An empty speaker cell continues the speaker above; two paragraphs in a "
        "cell are joined with a space; consecutive rows of one speaker are one turn. start null.",
        NESTED, ("2026", "wijk", "Binnenstad"), write_nested_rtf, into=ROUND4)

# R4.4 the same shape in .docx (a table in a table cell) ----------------------------------------------
NESTED_DOCX = [
    ("Gespreksleider", None, ["Wat is voor jullie als ouders het grootste zorgpunt in de wijk?"]),
    ("Vader", None, ["Dat mijn zoon van veertien na school niemand heeft. Wij werken allebei tot zes uur."]),
    ("Moeder", None, ["Bij ons hetzelfde. En op het pleintje hangen oudere jongens die hem geld aanbieden."]),
    ("Gespreksleider", None, ["Weten jullie waar je dan terechtkunt?"]),
    ("Moeder", None, ["Nu wel, via de ouderavond. Daarvoor niet.", "Ik had nooit van de buurtvaders gehoord."]),
    ("Vader", None, ["Misschien moet de school dat in de eerste week al vertellen, aan alle ouders."]),
]


def write_nested_docx(path, blocks):
    document = docx.Document()
    outer = document.add_table(rows=3, cols=1)
    outer.style = "Table Grid"
    outer.cell(0, 0).paragraphs[0].add_run("Oudergesprek Helmond-West").bold = True
    outer.cell(1, 0).paragraphs[0].text = "Datum: 25 maart 2026. Locatie: basisschool, ouderkamer."
    inner = outer.cell(2, 0).add_table(rows=0, cols=2)
    inner.style = "Table Grid"
    header = inner.add_row().cells
    header[0].paragraphs[0].add_run("Spreker").bold = True
    header[1].paragraphs[0].add_run("Tekst").bold = True
    previous = None
    for speaker, _, lines in blocks:
        cells = inner.add_row().cells
        cells[0].paragraphs[0].text = "" if speaker == previous else speaker
        cells[1].paragraphs[0].text = lines[0]
        for line in lines[1:]:
            cells[1].add_paragraph(line)
        previous = speaker
    document.add_paragraph("")
    document.save(path)


example("word_docx_tabel_in_tabel_west.docx",
        "Word .docx: a one-column layout table whose third cell holds the Spreker | Tekst table",
        "Reconstruction with python-docx (a <w:tbl> inside a <w:tc>, as Word writes 'Tabel in tabel'); a municipal "
        "report template with a frame table is a common way such tables arise.",
        "Title and date rows of the outer table are not turns; the header row of the inner table is not a turn; two "
        "paragraphs in a cell are joined with a space. start null.",
        NESTED_DOCX, ("2026", "wijk", "Helmond-West"), write_nested_docx, into=ROUND4)

# R4.5 Word 'Opslaan als platte tekst', encoding 'Unicode' (UTF-16 LE with BOM), CRLF, labels in capitals --
PLAIN_UTF16 = [
    ("INTERVIEWER", None, ["Hoe lang werkt u al als jongerenwerker in Helmond-Oost?"]),
    ("JONGERENWERKER", None, ["Bijna acht jaar. Ik ben begonnen in het jongerencentrum aan de rand van de wijk,",
                              "nu werk ik vooral op straat. Elke avond een ronde van twee uur."]),
    ("INTERVIEWER", None, ["Wat is er in die acht jaar veranderd?"]),
    ("JONGERENWERKER", None, ["De leeftijd. Vroeger sprak ik jongens van zeventien, achttien aan,",
                              "nu zijn het kinderen van twaalf. Die worden geronseld via hun telefoon,",
                              "met geld of met kleding. Dat zie ik \u00e9\u00e9n keer per maand wel."]),
    ("INTERVIEWER", None, ["En wat doet u dan?"]),
    ("JONGERENWERKER", None, ["Praten. Met de jongen zelf, en als hij het goed vindt met zijn ouders.",
                              "Soms samen met de wijkagent \u2013 maar pas als er vertrouwen is."]),
    ("MOEDER", None, ["Mag ik iets zeggen? Mijn zoon kent hem, en dat is precies waarom hij wel luistert."]),
]


def write_plain_utf16(path, blocks):
    out = ["Interview jongerenwerk Helmond-Oost", "Uitgewerkt door: afdeling Veiligheid", ""]
    for speaker, _, lines in blocks:  # Word writes a soft line break (Shift+Enter) as CR LF too
        out += [f"{speaker}: {lines[0]}"] + lines[1:]
    path.write_bytes(("\r\n".join(out) + "\r\n").encode("utf-16"))


example("word_platte_tekst_unicode_hoofdletters_oost.txt",
        "Word 'Opslaan als' > 'Platte tekst (*.txt)' with encoding 'Unicode': UTF-16 LE with BOM, CRLF",
        "Word's File Conversion dialog offers 'Windows (standaard)', 'MS-DOS', 'Unicode' (UTF-16 little endian with "
        "BOM) and 'Andere codering'; paragraph marks and manual line breaks both become CR LF. Labels typed in "
        "capitals ('INTERVIEWER:'). Reconstruction.",
        "UTF-16 decoded (no BOM or NUL in the text). Two header lines are not turns. A turn's soft line breaks are "
        "lines without a label: they continue the speaker (joined with a space). No blank lines between turns. start null.",
        PLAIN_UTF16, ("2026", "wijk", "Helmond-Oost"), write_plain_utf16, into=ROUND4)

# R4.6 an .srt opened in Word and saved as .docx (every line a paragraph), speaker names in the cue text ---
SRT_WORD = [
    ("Interviewer", 1.2, ["Goedenavond. Waarom zijn jullie met de sportavond begonnen?"]),
    ("Trainer", 5.9, ["Omdat de jongens op het veldje toch al voetbalden,"]),
    ("Trainer", 8.4, ["alleen zonder begeleiding en tot middernacht."]),
    ("Interviewer", 12.75, ["Hoeveel jongeren komen er nu?"]),
    ("Trainer", 15.0, ["Zo'n twintig, elke vrijdag. Van 20:00 - 22:00 uur."]),
    ("Buurtbewoner", 19.3, ["En sindsdien is het bij ons in de straat veel rustiger."]),
    ("Buurtbewoner", 23.1, ["Ik slaap weer met het raam open."]),
]


def write_srt_word(path, blocks):
    document = docx.Document()
    previous = None
    for n, (speaker, start, lines) in enumerate(blocks, 1):
        document.add_paragraph(str(n))
        document.add_paragraph(f"{srt_time(start)} --> {srt_time(start + 3.4)}")
        text = " ".join(lines)
        document.add_paragraph(text if speaker == previous else f"{speaker}: {text}")
        document.add_paragraph("")
        previous = speaker
    document.save(path)


example("srt_in_word_docx_sportavond_binnenstad.docx",
        "an .srt subtitle file opened in Word and saved as .docx: cue number, time range and text as paragraphs",
        "Reconstruction: Word opens an .srt as plain text (one paragraph per line); a transcription service's .srt "
        "with the speaker name in front of a cue's text when the speaker changes.",
        "Cue numbers and time ranges are not text; the range's start is the start. A cue without a name continues "
        "the speaker of the cue before; consecutive cues of one speaker merge (start of the first). The '20:00 - "
        "22:00' inside the text is text.",
        SRT_WORD, ("2026", "partnergroep", "Binnenstad"), write_srt_word, into=ROUND4)

# R4.7 Teams transcript pasted into a Word table: Tijdstip | Spreker | Tekst ----------------------------
TEAMS_TABLE = [
    ("Bakker, Lotte", 4, ["Goedemorgen. We bespreken de evaluatie van de aanpak in Rijpelberg."]),
    ("Yilmaz, Hakan", 15, ["Ik heb de cijfers van het jongerenwerk: 140 contacten dit kwartaal."]),
    ("Yilmaz, Hakan", 24, ["Waarvan 31 jongeren die we voor het eerst spraken."]),
    ("Bakker, Lotte", 40, ["En hoeveel daarvan zijn doorverwezen?"]),
    ("Peters, Anouk", 47, ["Negen naar het wijkteam, twee naar de schuldhulp. Dat laatste is nieuw."]),
    ("Bakker, Lotte", 3600 + 125, ["Goed. We ronden af, de volgende keer komt de wijkagent erbij."]),
]


def write_teams_table(path, blocks):
    document = docx.Document()
    document.add_paragraph("Evaluatie Rijpelberg \u2013 transcript uit Teams")
    table = document.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    for cell, title in zip(table.rows[0].cells, ("Tijdstip", "Spreker", "Tekst")):
        cell.paragraphs[0].add_run(title).bold = True
    for speaker, start, lines in blocks:
        cells = table.add_row().cells
        cells[0].text = mss(start)
        cells[1].text = speaker
        cells[2].text = " ".join(lines)
    document.save(path)


example("teams_tabel_docx_tijdstip_rijpelberg.docx",
        "Teams transcript pasted into a Word table with three columns: Tijdstip | Spreker | Tekst",
        "Reconstruction: an evaluator who copies Teams' transcript into a three-column table (Teams times M:SS and "
        "H:MM:SS, names 'Achternaam, Voornaam').",
        "The paragraph above the table and the header row are not turns. The time column is the start, the speaker "
        "column the speaker. Consecutive rows of one speaker merge (start of the first).",
        TEAMS_TABLE, ("2026", "partnergroep", "Helmond-Oost"), write_teams_table, into=ROUND4)

# R4.8 look-alike: colon labels, hard-wrapped speech lines that start with a time and a dash -----------
LOOKALIKE_TIMES = [
    ("Wijkcoach", None, ["De avond in het buurthuis had een vast schema, dat hebben we met de jongeren gemaakt:",
                         "19:30 Inloop - koffie, thee en tafeltennis voor wie wil,",
                         "20:15 Gesprek - een onderwerp dat zij zelf kiezen, bijvoorbeeld geld of school,",
                         "21:30 Afsluiting - en dan lopen we samen naar buiten."]),
    ("Onderzoeker", None, ["Waarom samen naar buiten?"]),
    ("Wijkcoach", None, ["Zodat ze niet blijven hangen bij de ingang. Dat gaf vorig jaar de meeste klachten,",
                         "22:00 - dat was het moment dat de buren begonnen te bellen."]),
    ("Onderzoeker", None, ["En nu?"]),
    ("Jongerenwerker", None, ["Nu is het rustig. Een enkele keer nog, maar dan bellen ze ons en niet de politie -",
                              "00:30 Zaterdag - dat was de laatste keer, en toen waren het jongens van buiten de wijk."]),
]


def write_lookalike_times(path, blocks):
    out = []
    for speaker, _, lines in blocks:
        out += [f"{speaker}: {lines[0]}"] + lines[1:] + [""]
    path.write_text("\n".join(out), encoding="utf-8")


example("getypt_txt_tijden_in_tekst_buurthuis.txt",
        "hand-typed .txt with colon labels whose wrapped lines start with a time and a word before a dash (look-alike)",
        "Reconstruction: a speaker who reads out a schedule ('19:30 Inloop - koffie ...'), typed with hard line "
        "breaks, so that wrapped lines look like 'HH:MM Naam - tekst'.",
        "Only the colon labels are speakers. Lines '19:30 Inloop - ...', '22:00 - ...', '00:30 Zaterdag - ...' are "
        "speech of the turn they are in, never labels or times of a new turn. start null.",
        LOOKALIKE_TIMES, ("2026", "wijk", "Binnenstad"), write_lookalike_times,
        expected=[{"speaker": s, "start": None, "text": " ".join(lines)} for s, _, lines in LOOKALIKE_TIMES],
        into=ROUND4)


def main() -> None:
    write_round(OUT / "round4", ROUND4)


if __name__ == "__main__":
    main()
