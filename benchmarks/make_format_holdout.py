"""Write the held-out export examples of benchmarks/format_holdout/ (run once; the files are committed).

    python benchmarks/make_format_holdout.py [round1 round2 round3]    # default: every round

Every example is described here as blocks (speaker, start in seconds or None, lines of text); a
writer per layout renders the file, and the expected turns follow from the blocks by the turn
rules of ../shared/formats/README.md (same non-empty speaker in consecutive blocks: one turn; blocks
without a speaker: never merged; start HH:MM:SS truncated, or null; lines joined with one space).
The content is invented (Dutch, youth-crime prevention in Helmond); any resemblance to real people
is unintended. Needs python-docx (in the project's environment).
"""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import docx

OUT = Path(__file__).resolve().parent / "format_holdout"


def hms(seconds: float | None) -> str | None:
    if seconds is None:
        return None
    s = int(seconds)
    return f"{s // 3600:02d}:{s % 3600 // 60:02d}:{s % 60:02d}"


def expected_turns(blocks: list[tuple]) -> list[dict]:
    turns: list[dict] = []
    for speaker, start, lines in blocks:
        text = " ".join(" ".join(line.split()) for line in lines).strip()
        if turns and speaker and turns[-1]["speaker"] == speaker:
            turns[-1]["text"] += " " + text
            continue
        turns.append({"speaker": speaker, "start": hms(start), "text": text})
    return turns


def mss(seconds: float) -> str:
    """Otter/Teams style: M:SS, MM:SS or H:MM:SS."""
    s = int(seconds)
    h, m, sec = s // 3600, s % 3600 // 60, s % 60
    return f"{h}:{m:02d}:{sec:02d}" if h else f"{m}:{sec:02d}"


def srt_time(seconds: float) -> str:
    ms = round(seconds * 1000)
    return f"{ms // 3600000:02d}:{ms % 3600000 // 60000:02d}:{ms % 60000 // 1000:02d},{ms % 1000:03d}"


def vtt_time(seconds: float) -> str:
    return srt_time(seconds).replace(",", ".")


EXAMPLES: list[dict] = []
ROUND2: list[dict] = []
ROUND3: list[dict] = []


def example(name, fmt, source, notes, blocks, meta, write, expected=None, into=EXAMPLES):
    into.append({"name": name, "format": fmt, "source": source, "notes": notes,
                 "blocks": blocks, "meta": meta, "write": write, "expected": expected})


# 1. Otter.ai .txt, speaker names on, timestamps off ------------------------------------------
OTTER_NAMES = [
    ("Ilse Martens", None, ["Welkom bij de jongerenraad. We praten vandaag over veiligheid in de wijk en over wat jullie zelf zien gebeuren."]),
    ("Speaker 2", None, ["Wat ik zie, is dat jongens van veertien al gevraagd worden om pakketjes rond te brengen.", "Ze krijgen er vijftig euro voor, dat is voor hen veel geld."]),
    ("Speaker 3", None, ["Bij ons op school praten ze daar gewoon over in de pauze. Alsof het normaal is."]),
    ("Ilse Martens", None, ["Wie zouden ze daarover moeten vertellen, denken jullie?"]),
    ("Speaker 3", None, ["Niet de politie in elk geval. Misschien de jongerenwerker, die kennen ze."]),
    ("Speaker 3", None, ["Of iemand van het Jeugd Team op school, als die er vaak genoeg is."]),
    ("Unknown Speaker", None, ["Ja, precies."]),
    ("Speaker 2", None, ["En de gemeente moet zorgen dat er 's avonds iets te doen is. Nu is het buurthuis om acht uur dicht."]),
    ("Ilse Martens", None, ["Dat neem ik mee. Dank jullie wel voor jullie eerlijkheid."]),
]


def write_otter_names(path, blocks):
    out = []
    for speaker, _, lines in blocks:
        out += [speaker, " ".join(lines), ""]
    out += ["", "Transcribed by https://otter.ai", ""]
    path.write_text("\n".join(out), encoding="utf-8")


example("otter_txt_zonder_tijden_jongerenraad.txt",
        "Otter.ai text export with 'Include speaker names' on and 'Include timestamps' off",
        "Otter's export dialog offers speaker names and timestamps as separate options (help.otter.ai export "
        "articles; third-party Otter parsers in the public code index handle both header forms). Reconstruction: "
        "the speaker header without its time, then the paragraph, then a blank line.",
        "Each block: a line with only the speaker name, a text line, a blank line. No times: start null. "
        "Footer 'Transcribed by https://otter.ai' is not a turn. The two consecutive 'Speaker 3' blocks merge.",
        OTTER_NAMES, ("2026", "partnergroep", "Helmond-Oost"), write_otter_names)

# 2. Otter.ai .txt, timestamps on, speaker names off ------------------------------------------
OTTER_TIMES = [
    ("", 4, ["Ik ben nu drie jaar wijkagent in Helmond-Oost en ik merk dat de groep die rondhangt jonger wordt."]),
    ("", 15, ["Vroeger waren het jongens van zeventien, achttien. Nu zie ik kinderen van twaalf op de scooter van een ander."]),
    ("", 31, ["Het verschil met vroeger is dat we nu samen met het jongerenwerk naar die plekken gaan."]),
    ("", 44, ["Dan is het geen controle meer, dan is het een gesprek. Dat werkt veel beter."]),
    ("", 9 * 60 + 58, ["Wat lastig blijft, is de terugkoppeling naar bewoners. Die melden iets en horen daarna niets."]),
    ("", 10 * 60 + 12, ["Daar zijn we nu een nieuwsbrief voor aan het maken, samen met de wijkraad."]),
    ("", 3600 + 2 * 60 + 5, ["Kortom: meer samen, minder los van elkaar. Dat is mijn belangrijkste les van dit jaar."]),
]


def write_otter_times(path, blocks):
    out = []
    for _, start, lines in blocks:
        out += [mss(start) + "  ", " ".join(lines), ""]
    out += ["", "Transcribed by https://otter.ai", ""]
    path.write_text("\n".join(out), encoding="utf-8")


example("otter_txt_zonder_sprekers_wijkagent.txt",
        "Otter.ai text export with 'Include timestamps' on and 'Include speaker names' off",
        "../shared/formats/README.md 'Where sources disagree': Otter exports without speaker names have time-only "
        "headers ('0:15  '); header rule from transcript-indexer.pages.dev/api/readers/.",
        "Time-only headers 'M:SS  ' / 'MM:SS  ' / 'H:MM:SS  ' (two trailing spaces). No speakers: one turn per block, "
        "speaker '', never merged. A text line starting 'Kortom:' is text, not a label. Footer is not a turn.",
        OTTER_TIMES, ("2026", "wijk", "Helmond-Oost"), write_otter_times)

# 3. Amberscript .docx ---------------------------------------------------------------------------
AMBER_DOCX = [
    ("Interviewer", 1, ["Fijn dat u wilt meedoen. U bent al lang jongerenwerker in Helmond-West, toch?"]),
    ("Spreker 2", 7, ["Klopt, sinds 2015. Ik werk vooral in de buurt rond het winkelcentrum."]),
    ("Interviewer", 14, ["Wat is er het afgelopen jaar veranderd in uw werk?"]),
    ("Spreker 2", 19, ["We hebben nu elke week overleg met de wijkagent en met school."]),
    ("Spreker 2", 26, ["Daardoor weet ik eerder wanneer een jongere afglijdt, bijvoorbeeld als hij niet meer op school komt."]),
    ("Spreker 3", 38, ["Mag ik daar iets aan toevoegen? Ik ben de collega van het ambulante team."]),
    ("Spreker 3", 45, ["Voor ons is vooral de nazorg belangrijk geworden, na een jeugdinrichting of na een taakstraf."]),
    ("Interviewer", 57, ["En wat gaat er nog niet goed?"]),
    ("Spreker 2", 61, ["De wachtlijsten. Een jongen die nu hulp nodig heeft, wacht soms een half jaar."]),
]


def write_amber_docx(path, blocks):
    document = docx.Document()
    for speaker, start, lines in blocks:
        document.add_paragraph(hms(start))
        document.add_paragraph(f"{speaker}: {' '.join(lines)}")
        document.add_paragraph("")
    document.save(path)


example("amberscript_docx_jongerenwerk.docx",
        "Amberscript transcript export as Word (.docx), timestamps and speakers on, Dutch interface label 'Spreker N'",
        "Amberscript's documented text export (github.com/amberscript/api-docs, 'Export To TEXT'): a time line "
        "'00:00:00', then 'Speaker 1: text'. Reconstruction: the same lines as Word paragraphs, the default label "
        "as a Dutch account shows it ('Spreker 2'), one renamed label.",
        "Paragraph 'HH:MM:SS', paragraph 'Label: text', empty paragraph. Consecutive blocks of one label merge "
        "(start of the first block).",
        AMBER_DOCX, ("2026", "partnergroep", "Helmond-West"), write_amber_docx)

# 4. Teams .docx, header and text as separate paragraphs ----------------------------------------
TEAMS_DOCX = [
    ("Sanne Bakker", 3, ["Goedemiddag allemaal. Dit is het tweede overleg over de aanpak in Helmond-Noord."]),
    ("Yusuf Demir", 12, ["Dank je. Ik wil beginnen met het Annie M.G. Schmidtplein, daar is het sinds de zomer onrustig."]),
    ("Yusuf Demir", 21, ["Er staan elke avond groepjes, en de buurt belt steeds vaker."]),
    ("Sanne Bakker", 35, ["Hebben jullie daar al contact met de jongeren zelf?"]),
    ("de Vries, Marloes", 41, ["Ja, ik ben er drie keer geweest met een collega. Het zijn vooral jongens uit de buurt zelf, geen onbekenden."]),
    ("Yusuf Demir", 10 * 60 + 4, ["Dat helpt. Dan kunnen we ook de ouders erbij halen."]),
    ("Sanne Bakker", 3600 + 15, ["We ronden af. Volgende keer bespreken we de cijfers van de wijkagent."]),
]


def write_teams_separate(path, blocks):
    document = docx.Document()
    document.add_paragraph("Transcript")
    document.add_paragraph("12 maart 2026, 14:03")
    document.add_paragraph("1h 2m 40s")
    document.add_paragraph("Sanne Bakker started transcription")
    for speaker, start, lines in blocks:
        document.add_paragraph(f"{speaker}   {mss(start)}")
        for line in lines:
            document.add_paragraph(line)
    document.add_paragraph("Sanne Bakker stopped transcription")
    document.save(path)


example("teams_docx_losse_alineas_noord.docx",
        "Microsoft Teams transcript (.docx download), header 'Name   M:SS' and the speech as SEPARATE paragraphs",
        "../shared/formats/README.md 'Where sources disagree': other public parsers assume the 'Name  M:SS' header and "
        "the text are separate paragraphs; 'Transcript' title and a date line as in Teams transcript downloads.",
        "Header paragraphs 'Transcript', the date, the duration '1h 2m 40s', 'started transcription' and the closing "
        "'stopped transcription' are not turns. Times M:SS and H:MM:SS. Name with a comma ('de Vries, Marloes'). "
        "Consecutive blocks of one speaker merge.",
        TEAMS_DOCX, ("2026", "partnergroep", "Helmond-Oost"), write_teams_separate)

# 5. Descript-style .txt: '[HH:MM:SS] Name: text' on one line -----------------------------------
DESCRIPT = [
    ("Femke", 0, ["Oké, we zijn aan het opnemen. Willen jullie jezelf even voorstellen?"]),
    ("Rachid", 6, ["Ik ben Rachid, ik coördineer het buurtteam in de Binnenstad."]),
    ("Wendy", 11, ["En ik ben Wendy, ik werk bij de leerplicht."]),
    ("Femke", 16, ["Wat zien jullie als de grootste verandering van het afgelopen jaar?"]),
    ("Wendy", 22, ["Dat we verzuim eerder oppakken. Na drie dagen belt school nu al, niet pas na drie weken."]),
    ("Rachid", 35, ["En dat we elkaar kennen. Als er iets is, bel ik gewoon, ik hoef geen formulier in te vullen."]),
    ("Rachid", 44, ["Dat klinkt klein, maar het scheelt echt weken."]),
    ("Femke", 3600 + 5 * 60 + 30, ["Laatste vraag: wat moet de gemeente volgend jaar anders doen?"]),
    ("Wendy", 3600 + 5 * 60 + 37, ["Meer tijd geven. Dit soort trajecten duurt gewoon langer dan een jaar."]),
]


def write_descript(path, blocks):
    out = [f"[{hms(start)}] {speaker}: {' '.join(lines)}" for speaker, start, lines in blocks]
    path.write_text("\n\n".join(out) + "\n", encoding="utf-8")


example("descript_txt_tijdcodes_binnenstad.txt",
        "Plain-text export with timecodes and speaker labels on one line: '[HH:MM:SS] Name: text' (Descript-style)",
        "Descript's export_transcript offers include_speaker_labels and timecodes for txt "
        "(descriptinc/descript-mcp skills/export-transcript/SKILL.md); transcript editors document 'with timecodes & "
        "speaker names' plain-text exports with '[00:12:34]' before each line and 'Name:' after it. Reconstruction.",
        "One line per paragraph: '[HH:MM:SS] Name: text', blank line between. The time and the label are not text. "
        "Consecutive paragraphs of one speaker merge. A colon later in the text ('Laatste vraag: ...') stays text.",
        DESCRIPT, ("2026", "wijk", "Binnenstad"), write_descript)

# 6. WhisperX .json with diarisation --------------------------------------------------------------
WHISPERX = [
    ("SPEAKER_00", 0.031, ["Ik train hier nu vijf jaar de onder vijftien bij de voetbalclub."]),
    ("SPEAKER_00", 4.512, ["Een paar van mijn spelers zijn vorig jaar opgepakt voor een inbraak."]),
    ("SPEAKER_01", 9.874, ["Hoe reageerde de club daarop?"]),
    ("SPEAKER_00", 12.207, ["We hebben ze niet weggestuurd. Ze mochten blijven trainen, met afspraken."]),
    ("SPEAKER_00", 17.993, ["Op tijd komen, school afmaken, en elke week even praten met mij."]),
    ("", 23.401, ["Ja."]),
    ("SPEAKER_01", 24.118, ["En werkte dat?"]),
    ("SPEAKER_00", 26.06, ["Bij twee van de drie wel. De derde is verhuisd, die zijn we uit het oog verloren."]),
    ("SPEAKER_02", 33.749, ["Als ouder vond ik dat heel goed van de club. Mijn zoon zat ook in dat team."]),
]


def write_whisperx_json(path, blocks):
    segments, words_all = [], []
    for i, (speaker, start, lines) in enumerate(blocks):
        text = " ".join(lines)
        end = blocks[i + 1][1] - 0.12 if i + 1 < len(blocks) else start + 4.3
        words, t = [], start
        step = (end - start) / max(1, len(text.split()))
        for w in text.split():
            word = {"word": w, "start": round(t, 3), "end": round(t + step * 0.8, 3), "score": 0.912}
            if speaker:
                word["speaker"] = speaker
            words.append(word)
            t += step
        segment = {"start": start, "end": round(end, 3), "text": " " + text, "words": words}
        if speaker:
            segment["speaker"] = speaker
        segments.append(segment)
        words_all += words
    path.write_text(json.dumps({"segments": segments, "word_segments": words_all}, indent=2,
                               ensure_ascii=False) + "\n", encoding="utf-8")


example("whisperx_json_sprekers_sportclub.json",
        "WhisperX .json with speaker diarisation (assign_word_speakers): segments[].speaker 'SPEAKER_00'",
        "WhisperX output as written by its JSON writer after diarisation: 'segments' with start/end (float seconds), "
        "text with a leading space, 'words' with word/start/end/score/speaker, 'speaker' per segment; "
        "'word_segments' at the top. A segment with no overlapping diarisation turn has no 'speaker' key.",
        "Segments keep file order. Consecutive segments of one speaker merge; the segment without 'speaker' is one "
        "turn with speaker '' (never merged). Fractions truncated. Labels as written ('SPEAKER_00').",
        WHISPERX, ("2026", "wijk", "Helmond-West"), write_whisperx_json)

# 7. WhisperX .srt with '[SPEAKER_00]: ' prefixes -------------------------------------------------
WHISPERX_SRT = [
    ("SPEAKER_00", 0.0, ["Ik woon al twintig jaar in de Binnenstad en ik heb de buurt zien veranderen."]),
    ("SPEAKER_00", 5.28, ["Vroeger kende iedereen elkaar, nu wonen er veel mensen maar kort."]),
    ("SPEAKER_01", 10.96, ["Merkt u dat aan de jongeren op straat?"]),
    ("SPEAKER_00", 13.5, ["Ja. Ze hebben minder volwassenen om zich heen die ze aanspreken."]),
    ("SPEAKER_00", 18.04, ["Daarom ben ik met de buurtvaders gaan lopen, op vrijdag- en zaterdagavond."]),
    ("SPEAKER_01", 24.7, ["Hoe reageren ze op u?"]),
    ("SPEAKER_00", 26.99, ["Eerst wantrouwend, nu vragen ze waar ik blijf als ik een keer niet kom."]),
]


def write_whisperx_srt(path, blocks):
    out = []
    for i, (speaker, start, lines) in enumerate(blocks, 1):
        end = blocks[i][1] - 0.2 if i < len(blocks) else start + 5.0
        out += [str(i), f"{srt_time(start)} --> {srt_time(end)}", f"[{speaker}]: {' '.join(lines)}", ""]
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


example("whisperx_srt_sprekers_buurtvader.srt",
        "WhisperX .srt after diarisation: every cue starts with '[SPEAKER_NN]: '",
        "WhisperX's subtitle writer prefixes each cue with f\"[{segment['speaker']}]: \" when a segment has a "
        "speaker (whisperx utils, seen in forks in the public code index).",
        "The bracketed label is the speaker, not text. Consecutive cues of one speaker merge. Comma decimals, "
        "fractions truncated.",
        WHISPERX_SRT, ("2026", "wijk", "Binnenstad"), write_whisperx_srt)

# 8. WebVTT with BOM, CRLF, unclosed <v> voices, cue settings, NOTE, two voices in one cue -------
VTT = [
    ("Joost Hermans", 2.1, ["Welkom. We zijn hier bij de stichting om te praten", "over de avondopenstelling van het buurthuis."]),
    ("Joost Hermans", 7.9, ["Sinds september is het open tot elf uur."]),
    ("Nadia El Idrissi", 11.25, ["En dat merk je. Jongeren die eerst op het plein zaten,", "komen nu binnen om te tafeltennissen."]),
    ("Joost Hermans", 18.4, ["Zijn het dezelfde jongeren?"]),
    ("Nadia El Idrissi", 20.05, ["Deels. Een paar van de lastigste jongens komen niet, die spreken we buiten aan."]),
    ("Joost Hermans", 26.8, ["Oké."]),
    ("Tom Swinkels", 26.8, ["Ik wil daar wel bij zeggen dat de politie ook minder meldingen krijgt."]),
    ("Tom Swinkels", 33.3, ["Niet nul, maar wel de helft minder dan vorig jaar rond deze tijd."]),
    ("Nadia El Idrissi", 39.0, ["Precies. <i>Dat</i> is het verhaal dat ik de gemeente wil vertellen."]),
]


def write_vtt(path, blocks):
    out = ["WEBVTT", "Kind: captions", "Language: nl", "",
           "NOTE", "Opname stichting, geëxporteerd uit de ondertitel-editor", ""]
    timing = {
        0: (2.1, 7.9), 1: (7.9, 11.0), 2: (11.25, 18.2), 3: (18.4, 19.9), 4: (20.05, 26.5),
        7: (33.3, 38.7), 8: (39.0, 44.1)}
    i = 0
    while i < len(blocks):
        speaker, start, lines = blocks[i]
        if i == 5:  # two voices in one cue, each on its own line
            _, _, other_lines = blocks[6]
            out += [f"{vtt_time(26.8)} --> {vtt_time(33.0)} align:start position:10%",
                    f"<v {speaker}>{' '.join(lines)}</v>",
                    f"<v {blocks[6][0]}>{' '.join(other_lines)}</v>", ""]
            i += 2
            continue
        begin, end = timing[i]
        voice = f"<v.loud {speaker}>" if i == 4 else f"<v {speaker}>"
        cue = [f"{vtt_time(begin)} --> {vtt_time(end)} align:start position:10%", voice + lines[0]] + lines[1:]
        out += cue + [""]
        i += 1
    text = "\ufeff" + "\r\n".join(out) + "\r\n"
    path.write_bytes(text.encode("utf-8"))


def vtt_expected(blocks):
    turns = expected_turns([(s, t, [line.replace("<i>", "").replace("</i>", "") for line in ls])
                            for s, t, ls in blocks])
    return turns


example("webvtt_bom_crlf_stichting.vtt",
        "WebVTT from a subtitle editor: UTF-8 BOM, CRLF, header lines, NOTE block, cue settings, unclosed <v> voices",
        "W3C WebVTT (header text after 'WEBVTT', 'Kind:'/'Language:' header lines as YouTube writes them, NOTE "
        "blocks, cue settings after the end time, voice spans '<v Name>' whose end tag may be omitted, classes "
        "'<v.loud Name>', several voices in one cue); Microsoft Teams .vtt uses the same <v> voices.",
        "BOM and CR never in labels or text. Header lines and the NOTE block are not turns. Cue settings "
        "('align:start position:10%') are not text. A voice without '</v>' runs to the end of the cue; '<v.loud Name>' "
        "is speaker 'Name'. A cue with two voices on two lines gives two turns (both at 00:00:26). Voices continue "
        "over several cues: merged. '<i>' tags removed.",
        VTT, ("2026", "partnergroep", "Binnenstad"), write_vtt)

# 9. Hand-typed Windows-1252 .txt with 'Interviewer:' / 'R1:' labels, wrapped lines -----------
CP1252 = [
    ("Interviewer", None, ["Jullie zijn allemaal moeder van een zoon die met de", "politie in aanraking is geweest. Hoe was dat?"]),
    ("R1", None, ["Schrikken. Ik kreeg een telefoontje om half twaalf ’s avonds", "dat hij op het bureau zat. Ik wist van niks."]),
    ("R2", None, ["Bij mij was het anders, ik zag het aankomen. Hij had", "ineens dure schoenen en een nieuwe telefoon – dat klopt", "gewoon niet."]),
    ("Interviewer", None, ["Wie heeft jullie daarna geholpen?"]),
    ("R1", None, ["De jongerenwerker van het café. Die heeft met mij én", "met mijn zoon gepraat, apart."]),
    ("R3", None, ["Ik heb vooral veel gehad aan de andere moeders. Je denkt", "dat je de enige bent, maar dat is niet zo."]),
    ("Interviewer", None, ["Wat zouden jullie tegen een moeder zeggen die dit nu", "meemaakt?"]),
    ("R2", None, ["“Blijf met hem praten.” Ook als hij niets terugzegt.", "Opmerking: hij hoort het wel, ook al doet hij alsof niet."]),
]


def write_cp1252(path, blocks):
    out = ["Groepsgesprek moeders - Helmond-West", "Datum: 4 februari 2026",
           "Aanwezig: Interviewer, R1, R2 en R3 (moeders)", "", ""]
    for speaker, _, lines in blocks:
        out += [f"{speaker}: {lines[0]}"] + lines[1:] + [""]
    out += ["[einde gesprek]", ""]
    path.write_bytes("\r\n".join(out).encode("cp1252"))


example("handtyped_cp1252_moedergroep.txt",
        "Hand-typed plain text saved by Windows Notepad as 'ANSI' (Windows-1252), CRLF, 'Interviewer:'/'R1:' labels",
        "Reconstruction of Dutch typed-transcript practice; Windows-1252 bytes for ’ (0x92), – (0x96), “ ” (0x93/0x94), "
        "é (0xE9): a reader that assumes Latin-1 puts C1 control characters in the text.",
        "Header lines before the first label are not turns. Turns are hard-wrapped; wrapped lines join with one space. "
        "A wrapped line starting 'Opmerking:' is text, not a label. '[einde gesprek]' is not a turn. ’ – “ ” é decoded "
        "as Windows-1252.",
        CP1252, ("2026", "wijk", "Helmond-West"), write_cp1252)

# ---- Round 2 (written after round 1's fixes and after reading the readers; measured once) -------

# R2.1 Teams .docx in a Dutch interface: localised title/markers, one paragraph per turn with <w:br/>
TEAMS_NL = [
    ("Bakker, Sanne", 3, ["Goedemorgen. Fijn dat jullie er allemaal zijn voor dit gesprek over het", "jongerenwerk in Helmond-West."]),
    ("Öztürk, Emre", 11, ["Dank je. Ik ben jongerenwerker in Oud-West, sinds drie jaar."]),
    ("Bakker, Sanne", 19, ["Wat is er sinds vorig jaar veranderd op straat?"]),
    ("Öztürk, Emre", 26, ["Minder groepen bij de supermarkt. We zijn er nu", "elke avond, ook in het weekend."]),
    ("Öztürk, Emre", 41, ["En de jongeren weten ons te vinden, dat is het grootste verschil."]),
    ("Lambregts, Ingrid", 55, ["Vanuit school merk ik dat ook: leerlingen noemen Emre bij naam."]),
]


def write_teams_nl(path, blocks):
    document = docx.Document()
    document.add_paragraph("Overleg jongerenwerk West-20260311_093012-Vergaderingsopname")
    document.add_paragraph("11 maart 2026, 09:30")
    document.add_paragraph("4 min 2 s")
    document.add_paragraph("Bakker, Sanne heeft de transcriptie gestart")
    for speaker, start, lines in blocks:
        run = document.add_paragraph().add_run(f"{speaker}   {mss(start)}")
        for line in lines:
            run.add_break()
            run.add_text(line)
    document.add_paragraph("Bakker, Sanne heeft de transcriptie gestopt")
    document.save(path)


example("teams_docx_nederlands_west.docx",
        "Microsoft Teams transcript (.docx) from a Dutch-language client: localised title, duration and markers",
        "../shared/formats/README.md: marker texts are English in every source; a Dutch Teams client may localise "
        "them (unconfirmed). Reconstruction of the localised markers; the turn layout is the observed one "
        "('Name   M:SS' + <w:br/> lines in one paragraph).",
        "Title '...-Vergaderingsopname', date, duration '4 min 2 s', 'heeft de transcriptie gestart/gestopt' are not "
        "turns. Names 'Achternaam, Voornaam' with Ö. Consecutive blocks of one speaker merge.",
        TEAMS_NL, ("2026", "partnergroep", "Helmond-West"), write_teams_nl, into=ROUND2)

# R2.2 Word Transcribe .docx 'with timestamps', no speakers
WORD_TIMES = [
    ("", 2, ["Ik ben moeder van drie kinderen en woon al vijftien jaar in de Bloemenbuurt."]),
    ("", 9, ["Vroeger was er niets voor jongeren hier, nu is er het sportveld en de inloop."]),
    ("", 17, ["Mijn oudste zoon gaat er elke woensdag heen."]),
    ("", 23, ["Wat ik wel mis, is dat ouders iets horen over wat daar gebeurt."]),
]


def write_word_times(path, blocks):
    document = docx.Document()
    for _, start, lines in blocks:
        document.add_paragraph(hms(start))
        document.add_paragraph(" ".join(lines))
        document.add_paragraph("")
    document.save(path)


example("word_transcribe_alleen_tijden.docx",
        "Word for Microsoft 365 Transcribe, added to the document 'with timestamps' (no speakers)",
        "Word's Transcribe pane offers adding the transcript with speakers and timestamps, with speakers, with "
        "timestamps or as text only; the time paragraph '00:00:03' as in the speaker-and-time layout. Reconstruction.",
        "A time paragraph, a text paragraph, an empty paragraph. No speakers: one turn per block, speaker '', never "
        "merged; start from the time paragraph.",
        WORD_TIMES, ("2026", "wijk", "Helmond-Oost"), write_word_times, into=ROUND2)

# R2.3 WhisperX .txt: '[SPEAKER_NN]: text' one segment per line, no blank lines
WHISPERX_TXT = [
    ("SPEAKER_01", None, ["Hoe lang woont u al in de Binnenstad?"]),
    ("SPEAKER_00", None, ["Sinds 2009. Boven de winkel van mijn ouders."]),
    ("SPEAKER_00", None, ["Toen was het hier 's avonds uitgestorven."]),
    ("SPEAKER_01", None, ["En nu?"]),
    ("SPEAKER_00", None, ["Nu is het drukker, er zijn meer jongeren, maar ook meer toezicht."]),
    ("SPEAKER_00", None, ["Ik voel me veiliger dan vijf jaar geleden, eerlijk gezegd."]),
    ("SPEAKER_02", None, ["Dat geldt niet voor iedereen. Mijn dochter fietst nog steeds om."]),
]


def write_whisperx_txt(path, blocks):
    path.write_text("".join(f"[{s}]: {' '.join(lines)}\n" for s, _, lines in blocks), encoding="utf-8")


example("whisperx_txt_sprekers_binnenstad.txt",
        "WhisperX .txt after diarisation: one segment per line, '[SPEAKER_NN]: text'",
        "WhisperX's text writer prefixes each segment with its speaker when diarised (the same "
        "f\"[{segment['speaker']}]: \" prefix as its subtitle writer). Reconstruction of the line layout.",
        "One segment per line, no blank lines. The bracketed label is the speaker; consecutive lines of one speaker "
        "merge. No times: start null.",
        WHISPERX_TXT, ("2026", "wijk", "Binnenstad"), write_whisperx_txt, into=ROUND2)

# R2.4 Google Meet transcript .docx (transcript tab only)
MEET = [
    ("Marloes van Dijk", 0, ["Goedemiddag allemaal, we nemen het gesprek op voor het onderzoek."]),
    ("Hasan Kaya", None, ["Prima. Ik ben buurtsportcoach in Helmond-Oost."]),
    ("Marloes van Dijk", None, ["Wat zie jij veranderen bij de jongeren die bij jou sporten?"]),
    ("Hasan Kaya", None, ["Ze blijven langer. Eerst kwamen ze twee keer en dan niet meer, nu blijven ze een heel seizoen."]),
    ("Hasan Kaya", 5 * 60, ["Dat komt ook omdat we de ouders uitnodigen bij de wedstrijden."]),
    ("Marloes van Dijk", None, ["Mooi. Dan sluiten we hier af, dank je wel."]),
]


def write_meet(path, blocks):
    document = docx.Document()
    document.add_paragraph("Gesprek buurtsport (2026-03-18 14:02 CET) - Transcript")
    document.add_paragraph("Attendees")
    document.add_paragraph("Hasan Kaya, Marloes van Dijk, Wendy Peeters")
    document.add_paragraph("Transcript")
    for speaker, start, lines in blocks:
        if start is not None:
            document.add_paragraph(hms(start))
        document.add_paragraph(f"{speaker}: {' '.join(lines)}")
    document.add_paragraph("Meeting ended after 00:06:41 👋")
    document.add_paragraph("This editable transcript was computer generated and might contain errors. "
                           "People can also change the text after it was created.")
    document.save(path)


def meet_expected(blocks):
    turns = []
    for speaker, start, lines in blocks:
        text = " ".join(lines)
        if turns and turns[-1]["speaker"] == speaker:
            turns[-1]["text"] += " " + text
        else:
            turns.append({"speaker": speaker, "start": hms(start), "text": text})
    return turns


example("google_meet_transcript_buurtsport.docx",
        "Google Meet transcript (Google Docs downloaded as .docx), transcript tab only",
        "Google Meet saves the transcript as a Google Doc in the organiser's Drive (Meet help; the Meet REST API's "
        "transcripts.docsDestination); parsers in the public code index read a title '... - Transcript', "
        "'Attendees' and a name list, 'Transcript', time marks every few minutes, 'Name: text' paragraphs, "
        "'Meeting ended after HH:MM:SS'. The closing disclaimer is a reconstruction.",
        "Title, 'Attendees', the attendee list, 'Transcript', 'Meeting ended after ...' and the disclaimer are not "
        "turns. A time mark dates the first turn under it; later turns under the same mark have start null (the file "
        "does not give their time). Consecutive paragraphs of one speaker merge (start of the first).",
        MEET, ("2026", "partnergroep", "Helmond-Oost"), write_meet, expected=meet_expected(MEET), into=ROUND2)

# R2.5 Sonix-style .docx: 'Name: [00:00:05] text'
SONIX = [
    ("Interviewer", 5, ["Kunt u vertellen wat de buurtvaders doen?"]),
    ("Mustafa", 10, ["We lopen op vrijdag en zaterdag door de wijk, met z'n vieren."]),
    ("Mustafa", 18, ["We spreken jongeren aan, maar we zijn geen handhavers."]),
    ("Interviewer", 26, ["Hoe reageren de jongeren?"]),
    ("Gerrit", 30, ["Eerst lachten ze ons uit. Nu vragen ze of we koffie komen drinken in de keet."]),
]


def write_sonix(path, blocks):
    document = docx.Document()
    document.add_paragraph("buurtvaders_opname_03.mp3")
    for speaker, start, lines in blocks:
        document.add_paragraph(f"{speaker}: [{hms(start)}] {' '.join(lines)}")
    document.add_paragraph("Automatically convert your audio to text with Sonix.")
    document.save(path)


example("sonix_docx_buurtvaders.docx",
        "Sonix-style Word export: 'Name: [HH:MM:SS] text' paragraphs, the media file name on top, a footer line",
        "Transcription services that put the time after the label ('Sanne: [00:01:02] tekst', documented as a "
        "spelling in narratief's labels.py, seen in Sonix exports in the code index); reconstruction.",
        "The time after the label is the start, not text. The file name above and the footer line are not turns. "
        "Consecutive timed paragraphs of one speaker merge.",
        SONIX, ("2026", "wijk", "Helmond-West"), write_sonix, into=ROUND2)


# ---- Round 3 (RTF, Google Meet with Gemini's notes first, dash labels; committed before anything ran on it) --

def rtf_text(text: str, style: str) -> str:
    """Text as an RTF writer escapes it: WordPad ('cp1252': \\'hh, else \\uN?), Word/LibreOffice ('unicode':
    \\uN\\'hh for every non-ASCII character, \\uN\\'3f outside the code page) or TextEdit ('textedit': \\'hh,
    else \\uc0\\uN with no fallback)."""
    out = []
    for ch in text:
        if ch in "\\{}":
            out.append("\\" + ch)
        elif ord(ch) < 128:
            out.append(ch)
        else:
            try:
                byte = f"\\'{ch.encode('cp1252')[0]:02x}"
            except UnicodeEncodeError:
                byte = None
            if style == "unicode":
                out.append(f"\\u{ord(ch) if ord(ch) < 32768 else ord(ch) - 65536}{byte or chr(92) + chr(39) + '3f'}")
            elif byte:
                out.append(byte)
            elif style == "textedit":
                out.append(f"\\uc0\\u{ord(ch)} ")
            else:
                out.append(f"\\u{ord(ch)}?")
    return "".join(out)


# R3.1 WordPad .rtf (Riched20, \ansicpg1252): 'Naam: tekst' paragraphs, bold labels, \'xx escapes
WORDPAD = [
    ("Jongerenwerker", None, ["Goedemiddag. Ik ben Ruud, jongerenwerker in Helmond-Oost. Wij lopen elke avond een ronde langs de "
                              "plekken waar jongeren samenkomen."]),
    ("Interviewer", None, ["Wat is er het afgelopen jaar veranderd op die plekken?"]),
    ("Jongerenwerker", None, ["De groep bij het winkelcentrum is kleiner geworden. Vroeger waren het er twintig, nu een stuk "
                              "of acht. Die jongens kennen ons, ze zeggen \u201cH\u00e9 Ruud\u201d als we langskomen."]),
    ("Interviewer", None, ["En de jongeren die niet meer komen, waar zijn die gebleven?"]),
    ("Jongerenwerker", None, ["Een deel werkt nu, twee zitten op de mbo-opleiding in de zorg. Maar een paar zijn naar de "
                              "skatebaan in de wijk ernaast gegaan, daar hebben we minder zicht op.",
                              "Daar moeten we \u2019s avonds vaker heen, dat is mijn conclusie."]),
    ("Wijkagent", None, ["Mag ik aanvullen? Bij de skatebaan kregen we dit voorjaar meldingen van overlast, geluid en "
                         "vernielde bankjes. Schade van ongeveer \u20ac 2.000."]),
    ("Interviewer", None, ["Hoe pakken jullie dat samen op?"]),
    ("Wijkagent", None, ["Ik ga niet meer alleen. Eerst gaat Ruud praten, daarna kom ik erbij als het nodig is. Co\u00f6rdinatie "
                         "loopt via het overleg op donderdag."]),
    ("Jongerenwerker", None, ["En we hebben een jongen uit die groep gevraagd om mee te denken over een nieuwe plek. Dat "
                              "werkt beter dan verbieden."]),
]


def write_wordpad(path, blocks):
    out = ["{\\rtf1\\ansi\\ansicpg1252\\deff0\\nouicompat\\deflang1043{\\fonttbl{\\f0\\fnil\\fcharset0 Calibri;}}",
           "{\\*\\generator Riched20 10.0.19041}\\viewkind4\\uc1 ",
           "\\pard\\sa200\\sl276\\slmult1\\b\\f0\\fs28\\lang19 Gesprek jongerenwerk en wijkagent Helmond-Oost\\b0\\fs22\\par"]
    for speaker, _, lines in blocks:
        body = "\\par\r\n".join(rtf_text(line, "cp1252") for line in lines)
        out.append(f"\\b {rtf_text(speaker, 'cp1252')}:\\b0  {body}\\par")
    out.append("[einde opname]\\par")
    out.append("}")
    path.write_bytes(("\r\n".join(out) + "\r\n\x00").encode("ascii"))


example("wordpad_rtf_cp1252_jongerenwerk_oost.rtf",
        "WordPad (Windows) .rtf: Riched20, \\ansicpg1252, one paragraph per turn with a bold label",
        "WordPad's RTF writer (Riched20) starts '{\\rtf1\\ansi\\ansicpg1252\\deff0\\nouicompat\\deflang1043{\\fonttbl...}', "
        "a '{\\*\\generator Riched20 ...}' group, '\\viewkind4\\uc1', paragraphs '\\pard\\sa200\\sl276\\slmult1 ... \\par'; "
        "characters of the code page as \\'hh, others as \\uN? (RTF 1.9.1 specification; WordPad files in the public "
        "code index). The trailing NUL byte is what Riched20 leaves after the closing brace. Reconstruction.",
        "A bold title paragraph above the first label is not a turn. Labels bold ('\\b Naam:\\b0 '). \\'e9 \\'92 \\'93 "
        "\\'94 \\'80 \\'f6 decoded under \\ansicpg1252. A speaker's second paragraph (no label) continues the speaker: "
        "one turn. '[einde opname]' is not a turn. start null.",
        WORDPAD, ("2026", "partnergroep", "Helmond-Oost"), write_wordpad, into=ROUND3)

# R3.2 Word .rtf: header groups (fonttbl, colortbl, stylesheet, info, \*\ destinations), \uN\'hh escapes, a table
WORD_TABLE = [
    ("Moeder", None, ["Mijn zoon is vijftien. Vorig jaar werd hij op school aangesproken door jongens die ouder waren."]),
    ("Gespreksleider", None, ["Wat gebeurde er toen?"]),
    ("Moeder", None, ["Hij kreeg een telefoon van ze, \u201cvoor niks\u201d. Later moest hij daar iets voor terugdoen.",
                      "Ik heb het pas gemerkt toen de mentor belde."]),
    ("Mentor", None, ["Dat klopt. Ay\u015fe en ik hebben toen samen met de schoolagent een gesprek gehad, met haar zoon erbij."]),
    ("Gespreksleider", None, ["Hoe kijkt u daar nu op terug?"]),
    ("Moeder", None, ["Ik ben blij dat de school niet meteen de politie belde. Hij durfde te praten omdat het "
                      "niet als een verhoor voelde."]),
    ("Moeder", None, ["Wat ik wel mis: een plek waar ouders elkaar kunnen spreken. Ik dacht dat ik de enige was."]),
    ("Mentor", None, ["Daar zijn we mee bezig, met de ouderavond van \u00e9\u00e9n keer per kwartaal."]),
]


def write_word_rtf(path, blocks):
    def group(rtf, bold=False):
        return "{\\rtlch\\fcs1 \\af0 \\ltrch\\fcs0 " + ("\\b " if bold else "") + "\\insrsid4536210 " + rtf + "}"

    def cell_par(text, bold=False):
        return group(rtf_text(text, "unicode"), bold)

    row_def = ("\\trowd \\irow{n}\\irowband{n}\\ltrrow\\ts11\\trgaph108\\trleft-108\\trbrdrt\\brdrs\\brdrw10 "
               "\\trbrdrl\\brdrs\\brdrw10 \\trbrdrb\\brdrs\\brdrw10 \\trbrdrr\\brdrs\\brdrw10 \\trftsWidth1\\trpaddl108"
               "\\trpaddr108\\trpaddfl3\\trpaddfr3\\tblrsid4536210\\tbllkhdrrows\\tbllkhdrcols\\tbllknocolband\\tblind0"
               "\\tblindtype3 \\clvertalt\\clbrdrt\\brdrs\\brdrw10 \\cltxlrtb\\clftsWidth3\\clwWidth2263\\clshdrawnil "
               "\\cellx2155\\clvertalt\\clbrdrt\\brdrs\\brdrw10 \\cltxlrtb\\clftsWidth3\\clwWidth6799\\clshdrawnil \\cellx8954")
    cell_start = "\\pard\\plain \\ltrpar\\ql \\li0\\ri0\\widctlpar\\intbl\\wrapdefault\\aspalpha\\aspnum\\faauto\\adjustright\\rin0\\lin0 \\rtlch\\fcs1 \\af0\\afs22\\alang1025 \\ltrch\\fcs0 \\f31506\\fs22\\lang1043\\langfe1033\\cgrid\\langnp1043\\langfenp1033 "
    out = ["{\\rtf1\\adeflang1025\\ansi\\ansicpg1252\\uc1\\adeff31507\\deff0\\stshfdbch31505\\stshfloch31506\\stshfhich31506"
           "\\stshfbi31507\\deflang1043\\deflangfe1033\\themelang1043\\themelangfe0\\themelangcs0"
           "{\\fonttbl{\\f0\\fbidi \\froman\\fcharset0\\fprq2{\\*\\panose 02020603050405020304}Times New Roman;}"
           "{\\f31506\\fbidi \\fswiss\\fcharset0\\fprq2{\\*\\panose 020f0502020204030204}Calibri;}}",
           "{\\colortbl;\\red0\\green0\\blue0;\\red0\\green0\\blue255;\\red255\\green255\\blue255;}"
           "{\\*\\defchp \\f31506\\fs22\\lang1043\\langfe1033\\langfenp1033 }{\\*\\defpap \\ql \\li0\\ri0\\sa160\\sl259\\slmult1 }",
           "{\\stylesheet{\\ql \\li0\\ri0\\sa160\\sl259\\slmult1\\widctlpar\\wrapdefault\\aspalpha\\aspnum\\faauto\\adjustright"
           "\\rin0\\lin0\\itap0 \\f31506\\fs22\\lang1043 \\snext0 \\sqformat \\spriority0 Normal;}{\\s1\\ql \\b\\fs32 "
           "\\sbasedon0 \\snext0 \\slink15 \\sqformat heading 1;}{\\*\\cs10 \\additive \\ssemihidden Default Paragraph Font;}"
           "{\\*\\ts11\\tsrowd\\trftsWidthB3 \\snext11 \\ssemihidden \\sunhideused Normal Table;}}",
           "{\\*\\rsidtbl \\rsid4536210\\rsid9907541}{\\mmathPr\\mmathFont34\\mbrkBin0}",
           "{\\info{\\title Oudergesprek school}{\\author J. Verhoeven}{\\operator J. Verhoeven}"
           "{\\creatim\\yr2026\\mo3\\dy12\\hr10\\min4}{\\revtim\\yr2026\\mo3\\dy12\\hr11\\min20}{\\version2}{\\edmins12}"
           "{\\nofpages1}{\\nofwords310}{\\nofchars1710}{\\*\\company Gemeente}{\\vern101}}"
           "{\\*\\xmlnsdecl \\xmlns1 http://schemas.microsoft.com/office/word/2003/wordml}",
           "\\paperw11906\\paperh16838\\margl1417\\margr1417\\margt1417\\margb1417\\gutter0\\ltrsect ",
           "\\widowctrl\\ftnbj\\aenddoc\\hyphhotz425\\trackmoves0\\trackformatting1\\donotembedsysfont1\\relyonvml0"
           "\\donotembedlingdata0\\grfdocevents0\\validatexml1\\showplaceholdtext0\\ignoremixedcontent0\\saveinvalidxml0"
           "\\showxmlerrors1\\noxlattoyen\\expshrtn\\noultrlspc\\dntblnsbdb\\nospaceforul\\formshade\\horzdoc\\dgmargin"
           "\\dghspace180\\dgvspace180\\dghorigin1417\\dgvorigin1417\\dghshow1\\dgvshow1",
           "{\\*\\template C:\\\\Users\\\\verhoeven\\\\AppData\\\\Roaming\\\\Microsoft\\\\Templates\\\\Normal.dotm}",
           "\\sectd \\ltrsect\\linex0\\headery708\\footery708\\colsx708\\endnhere\\sectlinegrid360\\sectdefaultcl\\sftnbj "
           "{\\*\\pnseclvl1\\pnucrm\\pnstart1\\pnindent720\\pnhang {\\pntxta .}}",
           "{\\header \\ltrpar \\pard\\plain \\ltrpar\\s17\\ql \\li0\\ri0\\widctlpar {\\rtlch\\fcs1 \\af0 \\ltrch\\fcs0 "
           "\\insrsid4536210 Vertrouwelijk \\endash  niet verspreiden}{\\rtlch\\fcs1 \\af0 \\ltrch\\fcs0 \\insrsid4536210 \\par }}",
           "\\pard\\plain \\ltrpar\\s1\\ql \\li0\\ri0\\sb240\\keepn\\widctlpar\\wrapdefault\\outlinelevel0 \\rtlch\\fcs1 "
           "\\ab\\af0\\afs32 \\ltrch\\fcs0 \\b\\fs32\\lang1043 {\\rtlch\\fcs1 \\af0 \\ltrch\\fcs0 \\insrsid4536210 "
           + rtf_text("Oudergesprek school \u2013 maart 2026", "unicode") + "}{\\rtlch\\fcs1 \\af0 \\ltrch\\fcs0 \\insrsid4536210 \\par }",
           "\\pard\\plain \\ltrpar\\ql \\li0\\ri0\\sa160\\sl259\\slmult1\\widctlpar\\wrapdefault \\rtlch\\fcs1 \\af0 \\ltrch"
           "\\fcs0 \\f31506\\fs22\\lang1043 {\\rtlch\\fcs1 \\af0 \\ltrch\\fcs0 \\insrsid4536210 "
           + rtf_text("Gesprek met een moeder en de mentor, uitgetypt door de gespreksleider.", "unicode")
           + "}{\\rtlch\\fcs1 \\af0 \\ltrch\\fcs0 \\insrsid4536210 \\par }"]
    rows = [("Spreker", ["Tekst"], True)]
    previous = None
    for speaker, _, lines in blocks:
        rows.append(("" if speaker == previous else speaker, lines, False))
        previous = speaker
    for n, (who, lines, bold) in enumerate(rows):
        definition = row_def.replace("{n}", str(n))
        said = "\\par ".join(rtf_text(line, "unicode") for line in lines)  # paragraphs inside one cell
        out.append(definition + cell_start + cell_par(who, bold) + "\\cell " + group(said, bold) + "\\cell ")
        # Word repeats the row definition in a group before \row
        out.append("\\pard\\plain \\ltrpar\\ql \\li0\\ri0\\sa160\\sl259\\slmult1\\widctlpar\\intbl\\wrapdefault "
                   "{\\rtlch\\fcs1 \\af0 \\ltrch\\fcs0 \\insrsid4536210 " + definition + "\\row }")
    out.append("\\pard \\ltrpar\\ql \\li0\\ri0\\sa160\\sl259\\slmult1\\widctlpar\\wrapdefault {\\rtlch\\fcs1 \\af0 \\ltrch"
               "\\fcs0 \\insrsid4536210 [einde opname]\\par }")
    out.append("{\\*\\themedata 504b030414000600080000002100e9de0fbfff0000001c020000130000005b436f6e74656e745f54797065735d2e78}")
    out.append("{\\*\\datastore 0105000002000000180000004d73786d6c322e534158584d4c5265616465722e362e300000000000000000}}")
    text = "\r\n".join(out)
    # Word breaks long source lines after a space; the line break in the RTF source is no text
    text = text.replace("omdat het ", "omdat het \r\n", 1)
    path.write_bytes(text.encode("ascii"))


example("word_rtf_tabel_oudergesprek.rtf",
        "Microsoft Word 'Save as Rich Text Format' of a hand-typed table Spreker | Tekst",
        "Word's RTF writer: '{\\rtf1\\adeflang1025\\ansi\\ansicpg1252\\uc1...', font/colour tables, '{\\*\\defchp}', "
        "stylesheet, '{\\*\\rsidtbl}', '{\\info}', '{\\*\\xmlnsdecl}', a header, '{\\*\\themedata}' and '{\\*\\datastore}' "
        "groups; table rows '\\trowd ... \\cellx ... \\intbl ... \\cell ... \\row' with the row definition repeated in a "
        "group before '\\row' (RTF 1.9.1 specification, 'Table Definitions'). The \\uN\\'hh spelling of every non-ASCII "
        "character is how LibreOffice writes; Word writes it for characters outside the code page. Reconstruction.",
        "Title (heading) and intro paragraph above the table, the header row (bold, 'Spreker | Tekst'), the page header "
        "and '[einde opname]' are not turns. Two paragraphs in one cell are joined with a space. An empty speaker cell "
        "continues the speaker above. \\u351\\'3f is '\u015f' (the fallback '?' skipped), \\u8220\\'93 '\u201c'. A line "
        "break in the RTF source inside a cell's text is no text. start null.",
        WORD_TABLE, ("2026", "wijk", "Helmond-West"), write_word_rtf, expected=None, into=ROUND3)

# R3.3 TextEdit (macOS) .rtf: Cocoa header, '\' line ends, \uc0\uN, bold labels via a bold font
TEXTEDIT = [
    ("Buurtvader", None, ["Wij lopen met zes vaders op vrijdagavond door de Binnenstad, van negen tot half twaalf."]),
    ("Onderzoeker", None, ["Waarom bent u begonnen?"]),
    ("Buurtvader", None, ["Mijn neef werd beroofd bij het station. Toen dacht ik: we kunnen niet alleen klagen."]),
    ("Buurtvader", None, ["Eerst keken de jongeren ons wantrouwig aan. Nu vragen ze of we morgen weer komen."]),
    ("Onderzoeker", None, ["Werkt u samen met de politie?"]),
    ("Buurtvader", None, ["Met de wijkagent, ja. Maar we zijn geen verlengstuk van de politie, dat vind ik belangrijk. "
                          "Ik heb een jongen, Mehmet Do\u011fan, een keer naar de jongerenwerker gebracht toen hij niet naar huis durfde."]),
    ("Onderzoeker", None, ["Wat heeft u nodig om door te gaan?"]),
    ("Buurtvader", None, ["Meer vaders. En een vaste plek om na afloop koffie te drinken en te praten over wat we zagen."]),
]


def write_textedit(path, blocks):
    out = ["{\\rtf1\\ansi\\ansicpg1252\\cocoartf2822",
           "\\cocoatextscaling0\\cocoaplatform0{\\fonttbl\\f0\\fswiss\\fcharset0 Helvetica;\\f1\\fswiss\\fcharset0 Helvetica-Bold;}",
           "{\\colortbl;\\red255\\green255\\blue255;}",
           "{\\*\\expandedcolortbl;;}",
           "\\paperw11900\\paperh16840\\margl1440\\margr1440\\vieww11520\\viewh8400\\viewkind0",
           "\\pard\\tx566\\tx1133\\tx1700\\tx2267\\tx2834\\tx3401\\tx3968\\tx4535\\tx5102\\tx5669\\tx6236\\tx6803"
           "\\pardirnatural\\partightenfactor0",
           "",
           "\\f1\\b\\fs24 \\cf0 Buurtvaders Binnenstad, gesprek 2\\",
           "\\f0\\b0 \\",
           ]
    for speaker, _, lines in blocks:
        out.append(f"\\f1\\b {rtf_text(speaker, 'textedit')}:\\f0\\b0  {rtf_text(' '.join(lines), 'textedit')}\\")
        out.append("\\")
    out[-1] = "}"
    path.write_bytes("\n".join(out).encode("ascii"))


example("textedit_rtf_buurtvaders_binnenstad.rtf",
        "TextEdit (macOS) .rtf: Cocoa header, one paragraph per turn with a bold label, empty line between turns",
        "TextEdit writes '{\\rtf1\\ansi\\ansicpg1252\\cocoartf...', '\\cocoatextscaling0\\cocoaplatform0', a font table "
        "with a separate bold font ('Helvetica-Bold' + \\b), '{\\*\\expandedcolortbl;;}', paragraph ends as a backslash "
        "at the end of the source line (the control symbol '\\<newline>' = \\par), \\'hh for the code page and "
        "'\\uc0\\uN ' (no fallback) for other characters (RTF files from macOS in the public code index). Reconstruction.",
        "The bold title line and the empty paragraphs are not turns. A backslash-newline ends a paragraph. \\'eb "
        "decoded, '\\uc0\\u287 ' is '\u011f'; consecutive paragraphs of one speaker merge. start null.",
        TEXTEDIT, ("2026", "wijk", "Binnenstad"), write_textedit, into=ROUND3)

# R3.4 Google Meet .docx with Gemini's notes first (Dutch interface), then the transcript
MEET_GEMINI = [
    ("Sanne de Groot", 0, ["Goedemiddag, fijn dat jullie er zijn. We nemen dit gesprek op voor het onderzoek naar de aanpak."]),
    ("Youssef Amrani", None, ["Prima. Ik ben jeugdboa in Helmond-West, sinds anderhalf jaar."]),
    ("Sanne de Groot", None, ["Wat doe je anders dan een handhaver van vroeger?"]),
    ("Youssef Amrani", None, ["Ik schrijf minder boetes uit en ik praat meer. Bij de skatebaan ken ik de meeste jongens bij naam."]),
    ("Lotte Maas", 2 * 60 + 30, ["Dat merk ik als jongerenwerker ook. Als Youssef er is, lopen ze niet meer weg."]),
    ("Sanne de Groot", None, ["Wat is de volgende stap volgens jullie?"]),
    ("Lotte Maas", None, ["Samen een avond organiseren met de ouders, in het wijkhuis. Dat hebben we nog nooit gedaan."]),
    ("Youssef Amrani", None, ["En afspreken wie wat doet als er toch iets gebeurt. Nu bellen we elkaar, maar dat staat nergens."]),
    ("Sanne de Groot", None, ["Dank jullie wel, dan stop ik de opname."]),
]


def write_meet_gemini(path, blocks):
    document = docx.Document()
    document.add_heading("\U0001F4DD Notities", level=1)
    document.add_paragraph("18 mrt 2026")
    document.add_heading("Overleg jeugdboa en jongerenwerk West - 2026/03/18 14:00 CET - Notities van Gemini", level=2)
    document.add_paragraph("Uitgenodigd Sanne de Groot Youssef Amrani Lotte Maas")
    document.add_paragraph("Bijlagen Overleg jeugdboa en jongerenwerk West")
    document.add_paragraph("Vergaderverslagen Transcript Opname")
    document.add_heading("Samenvatting", level=3)
    document.add_paragraph("Sanne de Groot, Youssef Amrani en Lotte Maas bespraken de samenwerking tussen de jeugdboa en het "
                           "jongerenwerk in Helmond-West. De jongeren bij de skatebaan zijn minder schuw geworden sinds de "
                           "jeugdboa vaker komt praten. Er komt een ouderavond in het wijkhuis.")
    document.add_heading("Details", level=3)
    document.add_paragraph("Rol van de jeugdboa: Youssef Amrani gaf aan dat hij minder boetes uitschrijft en meer gesprekken "
                           "voert met jongeren bij de skatebaan (00:00:40).", style="List Bullet")
    document.add_paragraph("Samenwerking met het jongerenwerk: Lotte Maas bevestigde dat jongeren niet meer weglopen als de "
                           "jeugdboa aanwezig is (00:02:30).", style="List Bullet")
    document.add_paragraph("Ouderavond: De deelnemers willen samen met de ouders een avond organiseren in het wijkhuis "
                           "(00:03:10).", style="List Bullet")
    document.add_heading("Voorgestelde volgende stappen", level=3)
    document.add_paragraph("Lotte Maas zal een datum voor de ouderavond voorstellen.", style="List Bullet")
    document.add_paragraph("Youssef Amrani en Lotte Maas zullen vastleggen wie wat doet bij een incident.", style="List Bullet")
    document.add_paragraph("Controleer de notities van Gemini op juistheid. Tips ophalen en informatie over hoe Gemini "
                           "notities maakt")
    document.add_paragraph("Geef feedback over het gebruik van Gemini voor het maken van notities in een korte enquête.")
    document.add_heading("\U0001F4D6 Transcript", level=1)
    document.add_paragraph("18 mrt 2026")
    document.add_heading("Overleg jeugdboa en jongerenwerk West - Transcript", level=2)
    for speaker, start, lines in blocks:
        if start is not None:
            document.add_heading(hms(start), level=3)
        document.add_paragraph(f"{speaker}: {' '.join(lines)}")
    document.add_paragraph("Vergadering beëindigd na 00:04:12 \U0001F44B")
    document.save(path)


example("google_meet_gemini_notities_west.docx",
        "Google Meet with 'Notities maken met Gemini' (Dutch interface), downloaded as .docx: the notes tab first, "
        "then the transcript tab",
        "Google Meet's 'Take notes for me' writes a Google Doc with a notes tab ('Notes by Gemini': Summary, Details, "
        "Suggested next steps, a review reminder) and a transcript tab ('Transcript', time marks, 'Name: text'); the "
        "Dutch wordings (Notities van Gemini, Samenvatting, Voorgestelde volgende stappen) and that a download holds "
        "both tabs one after the other are reconstructions. The round-2 Meet file has the transcript tab only.",
        "Everything of the notes tab (title, date, invitees, Samenvatting, Details bullets with 'Onderwerp: ...' colons, "
        "next steps, the review and feedback lines) is a machine summary, not speech: no turns. The transcript tab: the "
        "headings, the date, 'Vergadering beëindigd na ...' are not turns; a time mark dates the first turn under it, "
        "later turns under it have start null; consecutive paragraphs of one speaker merge.",
        MEET_GEMINI, ("2026", "partnergroep", "Helmond-West"), write_meet_gemini,
        expected=meet_expected(MEET_GEMINI), into=ROUND3)

# R3.5 typed .txt with dash labels 'Naam - tekst' / 'Naam – tekst'
DASH = [
    ("Interviewer", None, ["Hoe lang bent u al wijkagent in de Binnenstad?"]),
    ("Wijkagent", None, ["Sinds 2019. Daarvoor werkte ik in Eindhoven, in Woensel - een heel andere wijk."]),
    ("Interviewer", None, ["Wat valt u op aan de jongeren hier?"]),
    ("Wijkagent", None, ["Ze zijn jonger dan vroeger als ze voor het eerst in beeld komen. Twaalf, dertien jaar."]),
    ("Moeder", None, ["Mag ik daar iets over zeggen? Mijn dochter is dertien en ze wordt op Snapchat benaderd - "
                      "door jongens die ze niet kent."]),
    ("Wijkagent", None, ["Dat horen we vaker. Meld het, ook als het klein lijkt."]),
    ("Moeder", None, ["Bij wie dan? De school zegt: politie. De politie zegt: school."]),
    ("Interviewer", None, ["Dat is een duidelijk punt. Wie zou het moeten oppakken, vindt u?"]),
    ("Moeder", None, ["Eén persoon die ik kan bellen. Het maakt me niet uit wie - als het maar iemand is."]),
    ("Wijkagent", None, ["Dat ben ik, voor de Binnenstad. Mijn nummer staat op de site van de gemeente."]),
]


def write_dash(path, blocks):
    out = ["Gesprek wijkagent en ouders Binnenstad", "Uitgetypt door: stagiair", ""]
    for n, (speaker, _, lines) in enumerate(blocks):
        dash = "\u2013" if speaker == "Moeder" else "-"  # typed by two people: one wrote en dashes
        out += [f"{speaker} {dash} {' '.join(lines)}", ""]
    path.write_text("\n".join(out), encoding="utf-8")


example("getypt_txt_streepjes_wijkagent.txt",
        "hand-typed .txt with the speaker label followed by a dash: 'Wijkagent - tekst', 'Moeder \u2013 tekst'",
        "A common way of typing a transcript by hand (label, space, hyphen or en dash, space), seen in typed "
        "transcripts and interview write-ups in the public code index. Reconstruction.",
        "Two header lines (title, 'Uitgetypt door: ...') are not turns. The label before ' - ' or ' \u2013 ' at the start "
        "of a paragraph is the speaker; a dash later in the speech ('Woensel - een', 'wie - als') is text. start null.",
        DASH, ("2026", "wijk", "Binnenstad"), write_dash, into=ROUND3)

# R3.6 look-alike: colon labels, speech full of 'woord - woord' dashes, hard-wrapped lines starting 'Woord - '
LOOKALIKE = [
    ("Jongerenwerker", None, ["Kijk, die groep bij de sporthal - dat zijn jongens van veertien, vijftien -", "Helmond - dat "
                              "zeggen ze zelf - is voor hen de Rijpelberg en verder niks."]),
    ("Docent", None, ["Op school zie ik hetzelfde. Ze kennen de stad niet - ja, de route naar de supermarkt,", "Vakanties - "
                      "die zijn er niet bij, de meeste blijven hier."]),
    ("Jongerenwerker", None, ["Daarom doen we uitstapjes. Vorige maand naar Eindhoven - met de trein, voor het eerst",
                              "Alleen - dat is het verschil - zouden ze dat nooit doen."]),
    ("Docent", None, ["Nou - ik weet het niet. Een uitstapje is mooi, maar het probleem zit thuis."]),
    ("Jongerenwerker", None, ["Soms. Niet altijd - Ouders - die doen vaak hun best, maar werken twee banen."]),
    ("Docent", None, ["Dat is waar. Jongens - vooral de oudste broers - moeten dan op de kleintjes passen."]),
    ("Jongerenwerker", None, ["En dan ben je vijftien en de hele avond binnen - logisch dat je naar buiten wilt."]),
]


def write_lookalike(path, blocks):
    out = []
    for speaker, _, lines in blocks:
        out += [f"{speaker}: {lines[0]}"] + lines[1:] + [""]  # hard-wrapped: later lines start with 'Woord - '
    path.write_text("\n".join(out), encoding="utf-8")


def lookalike_expected(blocks):
    return [{"speaker": s, "start": None, "text": " ".join(lines)} for s, _, lines in blocks]


example("getypt_txt_dubbele_punt_met_streepjes_school.txt",
        "hand-typed .txt with colon labels whose speech is full of dashes (look-alike of the dash-label layout)",
        "Reconstruction: a typist who writes pauses and asides as ' - ' and hard-wraps the lines, so that some wrapped "
        "lines start with a capitalised word and a dash ('Helmond - dat', 'Vakanties - die').",
        "Only the colon labels are speakers. 'Nou - ', 'Helmond - ', 'Vakanties - ', 'Alleen - ', 'Jongens - ' are "
        "speech, never labels, also when they start a wrapped line; each paragraph is one turn of its label.",
        LOOKALIKE, ("2026", "partnergroep", "Helmond-Oost"), write_lookalike, into=ROUND3)


def main() -> None:
    rounds = {"round1": (OUT, EXAMPLES), "round2": (OUT / "round2", ROUND2), "round3": (OUT / "round3", ROUND3)}
    for name in sys.argv[1:] or list(rounds):  # "python make_format_holdout.py round3": only that round
        write_round(*rounds[name])


def write_round(out: Path, examples: list[dict]) -> None:
    out.mkdir(exist_ok=True)
    rows = []
    for n, ex in enumerate(examples):
        path = out / ex["name"]
        ex["write"](path, ex["blocks"])
        if ex["expected"] is not None:
            turns = ex["expected"]
        elif ex["name"].endswith(".vtt"):
            turns = vtt_expected(ex["blocks"])
        else:
            turns = expected_turns(ex["blocks"])
        stem = ex["name"].rsplit(".", 1)[0]
        (out / f"{stem}.expected.json").write_text(json.dumps(
            {"file": ex["name"], "format": ex["format"], "source": ex["source"], "turns": turns,
             "notes": ex["notes"]}, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        year, kind, wijk = ex["meta"]
        rows.append([ex["name"], year, kind, wijk, f"2026-04-{n + 1:02d}", stem.replace("_", " ")])
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["file", "year", "type", "wijk", "date", "title"])
    writer.writerows(rows)
    (out / "metadata.csv").write_text(buffer.getvalue(), encoding="utf-8")
    print(f"{len(examples)} examples in {out}")


if __name__ == "__main__":
    main()
