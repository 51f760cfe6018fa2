"""Write round 6 of the held-out export examples (benchmarks/format_holdout/round6/; run once, files committed).

    python benchmarks/make_format_holdout_round6.py

Same method and helpers as `make_format_holdout.py` (blocks -> writer -> expected turns by the turn rules
of ../shared/formats/README.md). Round 6: tools and shapes no round used yet - noScribe's .vtt (title on the
WEBVTT line, a NOTE block of several lines, `<v S01>` voices, HTML-escaped text), whisper.cpp / MacWhisper's
timed lines `[00:00:00.000 --> 00:00:04.560]  tekst`, a Word transcript with a speaker legend and numbered
turns `1. I: ...`, a line-numbered .txt transcript (every line numbered, as for analysis in print) with
`[gelach]` / `[onverstaanbaar 00:12:03]` markers, a Markdown transcript with a heading per part, a .docx
table whose speaker cell also holds the time, and a look-alike whose speech lines look like a legend, a
line number and a marker. Written before reading the readers' code (only registry.py's list of extensions
and README.md's table were read). The content is invented (Dutch, youth-crime prevention in Helmond); any
resemblance to real people is unintended.
"""

from __future__ import annotations

import html
import sys
import textwrap
from pathlib import Path

import docx

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_format_holdout import OUT, example, hms, vtt_time, write_round  # noqa: E402

ROUND6: list[dict] = []


def untimed(blocks):
    """Typed transcripts: one turn per block, as written, start null (typed turns of one speaker never merge)."""
    return [{"speaker": s, "start": None, "text": " ".join(" ".join(line.split()) for line in lines)}
            for s, _, lines in blocks]


# R6.1 noScribe .vtt: 'WEBVTT <title>', a NOTE of several lines, 'NOTE media:', numbered cues, '<v S01>' --
NOSCRIBE = [
    ("S01", 0.0, ["Fijn dat je tijd hebt. Kun je vertellen wat je als jongerenwerker doet in Brandevoort?"]),
    ("S02", 5.12, ["Ik loop drie avonden per week door de wijk (..) en op woensdag hebben we de inloop in het buurthuis."]),
    ("S02", 11.4, ["Vooral jongens van dertien tot zestien, die 's avonds nergens heen kunnen."]),
    ("S01", 17.9, ["Wat is er veranderd sinds vorig jaar?"]),
    ("S02", 21.05, ["Er wordt meer gefilmd en gedeeld. Een ruzie op het plein staat binnen een uur online,",
                    "en dan is het niet meer klein."]),
    ("S02", 29.7, ["Daarom werken we nu samen met jeugd & gezin en met de school: \"eerst bellen, dan pas reageren\"."]),
    ("S01", 37.2, ["Dank je wel."]),
]


def write_noscribe(path, blocks):
    out = ["WEBVTT Gesprek jongerenwerk Brandevoort", "",
           "NOTE", "Transcribed with noScribe vers. 0.6.2", "Language: nl",
           "Audio file: gesprek_brandevoort.mp3", "Speaker detection: auto", "", "",
           "NOTE media: C:\\Users\\onderzoek\\Opnames\\gesprek_brandevoort.mp3", ""]
    for n, (speaker, start, lines) in enumerate(blocks):
        text = html.escape("\n".join(lines))  # noScribe escapes with html.escape: & < > " '
        out += [str(n + 1), f"{vtt_time(start)} --> {vtt_time(start + 4.8)}", f"<v {speaker}>{text}", ""]
    path.write_text("\n".join(out), encoding="utf-8")


example("noscribe_vtt_sprekers_brandevoort.vtt",
        "noScribe (open-source, local Whisper + pyannote; used by Dutch researchers) WebVTT export",
        "noScribe's own source (kaixxx/noScribe, html_to_webvtt in the public code index) writes 'WEBVTT ' + the "
        "title on the first line, 'NOTE' + the transcript's info paragraph, 'NOTE media: <path>', then numbered "
        "cues with '<v S01>' + the text escaped by html.escape (so ' and \" become &#x27; and &quot;), no "
        "closing </v>. Pauses appear as '(..)'. Reconstruction.",
        "The title after WEBVTT, both NOTE blocks and cue numbers are not turns. '<v S01>' is the speaker; the "
        "HTML entities are decoded ('s avonds, \"...\", &). '(..)' (a pause marker) stays in the text. A cue's two "
        "lines join with a space. Consecutive cues of one voice merge (start of the first).",
        NOSCRIBE, ("2026", "wijk", "Helmond-Oost"), write_noscribe, into=ROUND6)

# R6.2 whisper.cpp / MacWhisper timed lines: '[00:00:00.000 --> 00:00:04.560]   tekst' --------------------
WHISPERCPP = [
    ("", 0.0, ["Ik ben hier opgegroeid, in de binnenstad, en ik ben nu zelf vader."]),
    ("", 4.56, ["Wat ik zie is dat de jongens jonger worden die op straat hangen."]),
    ("", 9.12, ["Kortom: er moet iets zijn voor de leeftijd tussen twaalf en vijftien."]),
    ("", 14.0, ["De sporthal is om negen uur dicht, daarna is er niets."]),
    ("", 18.34, ["En de ouders, die werken vaak allebei tot laat."]),
    ("", 63.9, ["Ja."]),
]


def write_whispercpp(path, blocks):
    out = [f"[{vtt_time(start)} --> {vtt_time(start + 4.4)}]   {lines[0]}" for _, start, lines in blocks]
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


example("whispercpp_txt_tijdvakken_binnenstad.txt",
        "whisper.cpp console output / MacWhisper 'copy with timestamps' saved as .txt: '[HH:MM:SS.mmm --> HH:MM:SS.mmm]   tekst'",
        "whisper.cpp prints each segment as '[00:00:00.000 --> 00:00:04.000]   text' (its README and many wrappers "
        "in the public code index save that output as the transcript). Reconstruction.",
        "No speakers: one turn per line, never merged, speaker ''. start = the first time of the range. "
        "'Kortom: ...' is text of a speakerless segment, not a label.",
        WHISPERCPP, ("2026", "partnergroep", "Binnenstad"), write_whispercpp, into=ROUND6)

# R6.3 Word: a speaker legend on top and numbered turns '1. I: ...' -----------------------------------------
NUMBERED = [
    ("I", None, ["Kunt u vertellen hoe het de laatste maanden met uw zoon gaat?"]),
    ("R1", None, ["Beter. Hij gaat weer naar school, niet elke dag, maar wel de meeste dagen."]),
    ("R2", None, ["Dat komt door de mentor. Die belt als hij er niet is, en dan praten we er thuis over."]),
    ("I", None, ["Wat hielp er nog meer?"]),
    ("R1", None, ["Er waren drie dingen: 1. het voetbal op zaterdag, 2. de jongerenwerker, en 3. dat hij van die "
                  "groep bij het pleintje weg is."]),
    ("I", None, ["Hoe kwam dat laatste?"]),
    ("R2", None, ["Hij kreeg een boete, 150 euro. Toen schrok hij wel."]),
]


def write_numbered(path, blocks):
    document = docx.Document()
    document.add_paragraph("Interview ouders, Helmond-Oost")
    document.add_paragraph("")
    document.add_paragraph("Legenda:")
    document.add_paragraph("I = interviewer")
    document.add_paragraph("R1 = moeder")
    document.add_paragraph("R2 = vader")
    document.add_paragraph("")
    for n, (speaker, _, lines) in enumerate(blocks):
        document.add_paragraph(f"{n + 1}. {speaker}: {' '.join(lines)}")
    document.save(path)


example("getypt_docx_legenda_genummerde_beurten_oost.docx",
        "typed in Word: a speaker legend on top ('I = interviewer', 'R1 = moeder') and numbered turns '1. I: tekst'",
        "Qualitative researchers number turns for reference in analysis and put a legend of codes above the "
        "transcript (transcription guidelines in Dutch methods courses). Reconstruction.",
        "The title, 'Legenda:' and the legend lines are not turns. The turn number '1. ' before the code is not "
        "part of the speaker or the text; the speaker is the code as written ('I', 'R1'). '1. het voetbal' inside "
        "a turn is text. start null.",
        NUMBERED, ("2026", "wijk", "Helmond-Oost"), write_numbered, expected=untimed(NUMBERED), into=ROUND6)

# R6.4 line-numbered .txt with markers: every line numbered, '[gelach]', '[onverstaanbaar 00:12:03]' ---------
LINENUMBERED = [
    ("I", None, ["Hoe lang bent u nu wijkagent in Helmond-West?"]),
    ("R", None, ["Zes jaar. Daarvoor zat ik in Eindhoven, in de noodhulp. [gelach] Dat is wel anders, hier ken je "
                 "de mensen. Als er iets is op het Kasteel-Traverseplein weet ik meestal binnen een dag wie erbij "
                 "waren."]),
    ("I", None, ["En de jongeren, kennen die u ook?"]),
    ("R", None, ["De meesten wel. 12 jongens ken ik bij naam, van die groep die bij de supermarkt staat. "
                 "[onverstaanbaar 00:12:03] met de ouders erbij, dat werkt beter dan een bekeuring."]),
    ("I", None, ["Wat zou u willen veranderen?"]),
    ("R", None, ["Meer tijd op straat en minder achter de computer. [pauze] En dat de school ons eerder belt."]),
]


def write_linenumbered(path, blocks):
    out = ["Transcript interview wijkagent Helmond-West", ""]
    number = 1
    for speaker, _, lines in blocks:
        for line in textwrap.wrap(f"{speaker}: {' '.join(lines)}", 62):
            out.append(f"{number:>3}  {line}")
            number += 1
        out.append("")
    path.write_bytes(("\r\n".join(out)).encode("utf-8"))


example("getypt_txt_regelnummers_markers_west.txt",
        "typed .txt with a number before every line ('  7  R: tekst'), hard-wrapped, with [gelach] and "
        "[onverstaanbaar 00:12:03] markers",
        "Line-numbered transcripts for analysis on paper (as word processors and f4/MAXQDA print them, here "
        "typed into the text); transcription conventions mark laughter and inaudible passages with the time "
        "in square brackets. Reconstruction.",
        "The line numbers are not text. Lines of one turn join with a space. The markers stay in the text as "
        "written. A wrapped line that starts '12 jongens ...' after its line number is speech. The header line "
        "is not a turn. start null.",
        LINENUMBERED, ("2026", "wijk", "Helmond-West"), write_linenumbered, expected=untimed(LINENUMBERED), into=ROUND6)

# R6.5 Markdown with a heading per part of the conversation ---------------------------------------------
MARKDOWN = [
    ("Gespreksleider", None, ["Welkom allemaal. We beginnen met een rondje: wie ben je en wat doe je in de binnenstad?"]),
    ("Sanne", None, ["Ik ben buurtsportcoach, vooral op de pleintjes achter de markt."]),
    ("Milan", None, ["Ik werk bij de straatcoaches, 's avonds en in het weekend."]),
    ("Gespreksleider", None, ["Wat zien jullie op straat gebeuren?"]),
    ("Milan", None, ["Groepjes die elkaar uitdagen via #trends op TikTok. Vaak begint het online.",
                     "Het tweede wat ik zie: ze zijn jonger dan vroeger."]),
    ("Sanne", None, ["Dat herken ik. Op het pleintje zijn ze soms tien."]),
    ("Gespreksleider", None, ["Wat zou helpen?"]),
    ("Sanne", None, ["Langer open zijn. En een vaste plek waar ze niet weggestuurd worden."]),
]


def write_markdown(path, blocks):
    parts = {0: "## Deel 1 – Kennismaking", 3: "## Deel 2 – Wat zien jullie op straat?", 6: "## Deel 3 – Wat zou helpen?"}
    out = ["# Groepsgesprek buurtsportcoaches binnenstad", ""]
    for n, (speaker, _, lines) in enumerate(blocks):
        if n in parts:
            if n:
                out += ["---", ""]
            out += [parts[n], ""]
        out += [f"**{speaker}:** {lines[0]}", ""]
        for line in lines[1:]:
            out += [line, ""]
    path.write_text("\n".join(out), encoding="utf-8")


def markdown_expected(blocks):
    return [{"speaker": s, "start": None, "text": " ".join(lines)} for s, _, lines in blocks]


example("markdown_md_kopjes_per_deel_binnenstad.md",
        "Markdown transcript with a heading per part ('## Deel 2 – ...'), '---' rules between parts and bold labels",
        "Transcripts kept in Obsidian / a wiki: '#'/'##' headings for the title and the parts of the conversation, "
        "a horizontal rule '---' between parts, '**Naam:** tekst' turns. Reconstruction.",
        "Headings and rules are not turns. A paragraph without a label continues the speaker before it. "
        "'#trends' inside the speech is text. start null.",
        MARKDOWN, ("2026", "partnergroep", "Binnenstad"), write_markdown, expected=markdown_expected(MARKDOWN), into=ROUND6)

# R6.6 .docx table whose speaker cell also holds the time ('Spreker 1' + line break + '00:00:02') ----------
TABLE = [
    ("Spreker 1", 2, ["Goedemiddag. Zullen we beginnen met de cijfers van het afgelopen halfjaar?"]),
    ("Spreker 2", 9, ["Ja. Het aantal meldingen van jongerenoverlast in Helmond-West is gedaald, van 84 naar 61."]),
    ("Spreker 2", 21, ["Maar de meldingen over drugs bij de scholen zijn gestegen."]),
    ("Spreker 1", 30, ["Hoe verklaren jullie dat?"]),
    ("Spreker 3", 34, ["Meer ouders durven het te melden sinds de voorlichtingsavond.", "Dat is ook winst."]),
    ("Spreker 1", 3600 + 15, ["Dan ronden we af. Dank jullie wel."]),
]


def write_table(path, blocks):
    document = docx.Document()
    document.add_paragraph("Overleg veiligheid Helmond-West")
    table = document.add_table(rows=0, cols=2)
    for speaker, start, lines in blocks:
        cells = table.add_row().cells
        cells[0].paragraphs[0].add_run(speaker).add_break()
        cells[0].paragraphs[0].add_run(hms(start))
        cells[1].paragraphs[0].text = lines[0]
        for line in lines[1:]:
            cells[1].add_paragraph(line)
    document.save(path)


example("tabel_docx_spreker_en_tijd_in_een_cel_west.docx",
        "transcription tool's Word export as a two-column table: speaker and time in one cell (a line break between), the speech in the other",
        "Table exports of transcription services put the speaker and the timecode together in the left column "
        "(Amberscript/Happy Scribe-style table export). Reconstruction.",
        "The title paragraph is not a turn. Left cell: speaker, then the time (start, '01:00:15' past the hour). "
        "Two paragraphs in a text cell join with a space. Consecutive rows of one speaker merge (start of the first).",
        TABLE, ("2026", "partnergroep", "Helmond-West"), write_table, into=ROUND6)

# R6.7 look-alike: 'Naam:' labels whose wrapped lines look like a legend, a line number and a marker -------
LOOKALIKE = [
    ("Interviewer", None, ["Hoe schreef hij dat in het verslag?"]),
    ("Mentor", None, ["Hij had een lijstje gemaakt, met afkortingen, zo:",
                      "R1 = de jongen zelf, R2 = zijn broer,",
                      "en dan per dag wat er gebeurde."]),
    ("Interviewer", None, ["En klopte dat?"]),
    ("Mentor", None, ["Grotendeels. Op dag drie stond er:",
                      "12  keer te laat, maar dat waren er eigenlijk acht,",
                      "[onverstaanbaar] stond er bij de rest, dat kon hij zelf niet lezen."]),
    ("Interviewer", None, ["Wat deed de school toen?"]),
    ("Mentor", None, ["Een gesprek met de ouders en de leerplichtambtenaar.",
                      "1. I: dat was de eerste vraag op zijn formulier, dus daar begonnen we mee."]),
]


def write_lookalike(path, blocks):
    out = ["Gesprek met mentor, Helmond-West", ""]
    for speaker, _, lines in blocks:
        out += [f"{speaker}: {lines[0]}"] + lines[1:] + [""]
    path.write_text("\n".join(out), encoding="utf-8")


example("getypt_txt_legenda_en_nummers_in_tekst_west.txt",
        "hand-typed .txt with colon labels whose wrapped speech lines look like a legend line, a line number, a "
        "marker and a numbered turn (look-alike)",
        "Reconstruction: a mentor reads out a pupil's notes; the interviewer types them with hard line breaks.",
        "Only the colon labels at a paragraph start are speakers. 'R1 = de jongen zelf, ...', '12  keer te laat ...', "
        "'[onverstaanbaar] stond er ...' and '1. I: dat was ...' are speech of the turn they are in (the double "
        "space after 12 becomes one). The header line is not a turn. start null.",
        LOOKALIKE, ("2026", "wijk", "Helmond-West"), write_lookalike, expected=untimed(LOOKALIKE), into=ROUND6)


def main() -> None:
    write_round(OUT / "round6", ROUND6)


if __name__ == "__main__":
    main()
