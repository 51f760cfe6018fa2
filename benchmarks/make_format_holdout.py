"""Write the held-out export examples of benchmarks/format_holdout/ (run once; the files are committed).

    python benchmarks/make_format_holdout.py

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


def main() -> None:
    write_round(OUT, EXAMPLES)
    write_round(OUT / "round2", ROUND2)


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
