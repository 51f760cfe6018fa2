"""Write round 5 of the held-out export examples (benchmarks/format_holdout/round5/; run once, files committed).

    python benchmarks/make_format_holdout_round5.py

Same method and helpers as `make_format_holdout.py` (blocks -> writer -> expected turns by the turn rules
of ../shared/formats/README.md). Round 5: tools and shapes no round used yet - a WhatsApp chat export
(Android and iPhone forms, Dutch phone), a Teams .vtt with NOTE blocks and voice spans over several lines,
a Rev-style 'Naam (MM:SS):' header above the speech in Word, an Otter.ai .docx with its SUMMARY KEYWORDS /
SPEAKERS header, a DaVinci Resolve transcript .txt (frame timecode ranges, name on its own line), and a
look-alike whose speech lines look like chat lines, labels and times. Written before reading the readers'
code (only registry.py's list of extensions was read). The content is invented (Dutch, youth-crime
prevention in Helmond); any resemblance to real people is unintended.
"""

from __future__ import annotations

import sys
from pathlib import Path

import docx

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_format_holdout import OUT, example, hms, mss, vtt_time, write_round  # noqa: E402

ROUND5: list[dict] = []
LRM = "\u200e"  # WhatsApp on iPhone puts a left-to-right mark before system and media lines


def clock(seconds: int) -> str:
    """A time of day 'HH:MM' from seconds after midnight."""
    return f"{seconds // 3600:02d}:{seconds % 3600 // 60:02d}"


def chat_expected(blocks):
    """WhatsApp: a message is a block; consecutive messages of one sender merge; the time is the clock time."""
    turns: list[dict] = []
    for speaker, start, lines in blocks:
        if lines is None:  # a media placeholder: the tool's marker, not what anybody wrote
            continue
        text = " ".join(" ".join(line.split()) for line in lines)
        if turns and turns[-1]["speaker"] == speaker:
            turns[-1]["text"] += " " + text
            continue
        turns.append({"speaker": speaker, "start": hms(start), "text": text})
    return turns


# R5.1 WhatsApp chat export, Android, Dutch phone: 'DD-MM-JJJJ HH:MM - Naam: tekst' -----------------------
ANDROID = [
    ("Marloes (jongerenwerk)", 19 * 3600 + 2 * 60, ["Goedenavond allemaal. Vanavond weer de ronde door de wijk, wie loopt er mee?"]),
    ("Henk Buurtpreventie", 19 * 3600 + 4 * 60, ["Ik ben erbij. Om half negen bij het winkelcentrum?"]),
    ("Marloes (jongerenwerk)", 19 * 3600 + 5 * 60, ["Prima. Let op: de jongens bij het speelveld waren gisteren onrustig.",
                                                    "Niet meteen aanspreken, eerst even kijken wie er staan."]),
    ("Ayoub", 19 * 3600 + 11 * 60, None),
    ("Ayoub", 19 * 3600 + 11 * 60, ["Dit is de nieuwe poster voor de voetbalavond, hangen jullie hem op?"]),
    ("Henk Buurtpreventie", 19 * 3600 + 20 * 60, ["Doe ik. Het programma voor vrijdag:",
                                                 "20:00 - inloop in de gymzaal",
                                                 "21:30 - afsluiten en samen naar buiten"]),
    ("Marloes (jongerenwerk)", 21 * 3600 + 47 * 60, ["Ronde gedaan. Rustig bij het speelveld, drie jongens gesproken over de avond."]),
    ("Marloes (jongerenwerk)", 21 * 3600 + 48 * 60, ["Eén van hen wil helpen met het opbouwen. Mooi begin."]),
    ("Henk Buurtpreventie", 21 * 3600 + 52 * 60, ["Top. Ik meld het morgen aan de wijkagent."]),
]


def write_android(path, blocks):
    day = "12-03-2026"
    out = [f"{day} 18:55 - Berichten en oproepen zijn end-to-end versleuteld. Niemand buiten deze chat, zelfs "
           "WhatsApp niet, kan ze lezen of beluisteren. Tik voor meer informatie.",
           f"{day} 18:56 - Marloes (jongerenwerk) heeft groep 'Buurtronde Oost' gemaakt",
           f"{day} 18:57 - Marloes (jongerenwerk) heeft Henk Buurtpreventie toegevoegd"]
    for speaker, start, lines in blocks:
        said = ["<Media weggelaten>"] if lines is None else lines
        out += [f"{day} {clock(start)} - {speaker}: {said[0]}"] + said[1:]
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


example("whatsapp_android_txt_buurtronde_oost.txt",
        "WhatsApp 'Chat exporteren' > 'Zonder media' on Android with Dutch settings: 'DD-MM-JJJJ HH:MM - Naam: tekst'",
        "The Android export form 'date, time - sender: message' with '<Media omitted>' for media (WhatsApp chat "
        "parsers in the public code index: 'DD/MM/YYYY, HH:MM - Person X: Message'); with a Dutch phone the date "
        "is written with dashes and no comma and the placeholder is '<Media weggelaten>'. Reconstruction.",
        "The encryption notice and the 'heeft groep gemaakt' / 'heeft ... toegevoegd' lines have no sender: not "
        "turns. A message's later lines (no date in front) continue it, also '20:00 - inloop ...'. '<Media "
        "weggelaten>' is WhatsApp's marker, not a turn. The sender up to the first ': ' is the speaker ('Marloes "
        "(jongerenwerk)'); 'Let op: ...' is text. start = the clock time of the message (HH:MM:00), a time of day. "
        "Consecutive messages of one sender merge.",
        ANDROID, ("2026", "wijk", "Helmond-Oost"), write_android, expected=chat_expected(ANDROID), into=ROUND5)

# R5.2 WhatsApp chat export, iPhone, Dutch phone: '[DD-MM-JJJJ HH:MM:SS] Naam: tekst' --------------------
IPHONE = [
    ("Fatima", 20 * 3600 + 14 * 60 + 5, ["Hoi allemaal, hebben jullie de brief van school gelezen over de overlast bij de bushalte?"]),
    ("Peter van Dijk", 20 * 3600 + 15 * 60 + 40, ["Ja. Mijn zoon zegt dat het vooral oudere jongens zijn, niet van school."]),
    ("Fatima", 20 * 3600 + 16 * 60 + 2, None),
    ("Fatima", 20 * 3600 + 16 * 60 + 9, ["Zo stond het er gisteren bij. Ik vind het niet normaal voor kinderen van twaalf."]),
    ("Sevda", 20 * 3600 + 21 * 60 + 33, ["Zullen we de wijkcoach uitnodigen voor de ouderavond?",
                                         "Zij weet welke hulp er is, en het is geen politie."]),
    ("Peter van Dijk", 20 * 3600 + 23 * 60 + 1, ["Goed idee. Ik vraag het haar morgen."]),
    ("Peter van Dijk", 20 * 3600 + 23 * 60 + 50, ["[update] ze kan op dinsdag de 24e."]),
]


def write_iphone(path, blocks):
    day = "12-03-2026"
    out = [f"[{day} 20:10:41] Ouders groep 8 West: {LRM}Berichten en oproepen zijn end-to-end versleuteld. "
           "Niemand buiten deze chat, zelfs WhatsApp niet, kan ze lezen of beluisteren.",
           f"{LRM}[{day} 20:10:41] Sevda: {LRM}Sevda heeft je toegevoegd"]
    for speaker, start, lines in blocks:
        if lines is None:
            out.append(f"{LRM}[{day} {hms(start)}] {speaker}: {LRM}afbeelding weggelaten")
            continue
        out += [f"[{day} {hms(start)}] {speaker}: {lines[0]}"] + lines[1:]
    path.write_bytes(("\r\n".join(out) + "\r\n").encode("utf-8"))


example("whatsapp_iphone_txt_ouders_west.txt",
        "WhatsApp 'Exporteer chat' > 'Zonder bijlagen' on an iPhone with Dutch settings: '[DD-MM-JJJJ HH:MM:SS] Naam: tekst'",
        "The iOS export form '[date, time] sender: message', a left-to-right mark (U+200E) before system and media "
        "lines, media as '<type> omitted' (chat parsers in the public code index); Dutch: 'afbeelding weggelaten', "
        "date with dashes. CRLF line ends. Reconstruction.",
        "The first line (the group's name as sender, then the encryption notice) and 'Sevda heeft je toegevoegd' "
        "(after U+200E) are WhatsApp's, not turns. '\u200eafbeelding weggelaten' is WhatsApp's marker, not a turn. "
        "A later line without a date continues the message. '[update] ze kan ...' is text. start = the clock time "
        "(HH:MM:SS). Consecutive messages of one sender merge; no U+200E in a label or text.",
        IPHONE, ("2026", "partnergroep", "Helmond-West"), write_iphone, expected=chat_expected(IPHONE), into=ROUND5)

# R5.3 Teams .vtt with NOTE blocks and voice spans over several lines -----------------------------------
TEAMS_VTT = [
    ("Smits, Anouk", 2.16, ["Goedemorgen allemaal, fijn dat jullie er zijn. We beginnen met de cijfers", "van Helmond-Noord."]),
    ("Smits, Anouk", 7.9, ["Daarna de vraag wat jullie zelf zien in de wijk."]),
    ("Yilmaz, Kerem", 12.44, ["Dank je. De meldingen van overlast zijn gedaald,", "maar we horen vaker over jonge kinderen",
                              "die gevraagd worden om iets te bewaren."]),
    ("Smits, Anouk", 24.0, ["Hoe jong?"]),
    ("Yilmaz, Kerem", 25.3, ["Twaalf, dertien. Soms nog op de basisschool."]),
    ("Jansen-Peeters, Ria", 31.85, ["Dat herken ik van school. Note to self, zou ik bijna zeggen:",
                                    "we moeten de ouders eerder betrekken."]),
    ("Yilmaz, Kerem", 40.2, ["Eens. En de wijkagent wil graag aansluiten bij de ouderavond."]),
]


def write_teams_vtt(path, blocks):
    guid = "8f3c2a71-5d0e-4b6f-9a41-2c7e0d1b9f53"
    out = ["WEBVTT", 'NOTE duration:"00:00:48.0400000"', "NOTE language:nl-nl", "", "NOTE recognizability:0.812", ""]
    for n, (speaker, start, lines) in enumerate(blocks):
        end = start + 5.0
        out += [f"NOTE Confidence: 0.{91 - n}27", "", f"{guid}/{n + 17}-0", f"{vtt_time(start)} --> {vtt_time(end)}",
                f"<v {speaker}>{lines[0]}"] + lines[1:-1] + ([f"{lines[-1]}</v>"] if len(lines) > 1 else [])
        if len(lines) == 1:
            out[-1] += "</v>"
        out.append("")
    path.write_text("\n".join(out), encoding="utf-8")


example("teams_vtt_notes_meerregelig_noord.vtt",
        "Microsoft Teams transcript .vtt (older download): NOTE header lines, a 'NOTE Confidence' block before every "
        "cue, '<v Achternaam, Voornaam>' spans over several lines",
        "Microsoft's own captioning guide for Teams recordings says 'Remove any NOTE Confidence lines' (public code "
        "index); Teams .vtt downloads start with 'NOTE duration:' and 'NOTE language:' lines and use GUID/N-0 cue "
        "ids and <v Name> voices. Reconstruction.",
        "WEBVTT, the NOTE lines and blocks, cue ids and timings are not turns. A voice span opened on a cue's first "
        "line and closed on its last covers every line in between (joined with a space). 'Note to self' in the "
        "speech is text. Consecutive cues of one voice merge (start of the first).",
        TEAMS_VTT, ("2026", "partnergroep", "Helmond-West"), write_teams_vtt, into=ROUND5)

# R5.4 Rev-style Word export: 'Naam (MM:SS):' on its own paragraph above the speech ---------------------
REV = [
    ("Spreker 1", 0, ["Welkom bij dit gesprek over de buurtvaders in de binnenstad. Stelt u zich even voor?"]),
    ("Abdel", 6, ["Ik ben Abdel, ik loop sinds vier jaar mee als buurtvader. Vooral op vrijdag- en zaterdagavond."]),
    ("Abdel", 14, ["We zijn met z'n achten nu. Vroeger waren we met drie."]),
    ("Spreker 1", 21, ["Wat doet een buurtvader precies?"]),
    ("Abdel", 25, ["Aanwezig zijn. Jongens aanspreken als het uit de hand loopt, maar vooral gewoon praten.",
                   "Veel van hen kennen mij van de moskee of van de voetbal."]),
    ("Carla", 3600 + 2 * 60 + 5, ["Mag ik aanvullen? Als buurtbewoner merk ik dat het rustiger is als zij er lopen."]),
    ("Spreker 1", 3600 + 2 * 60 + 19, ["Dank u wel allebei. Dan sluiten we hier af."]),
]


def write_rev(path, blocks):
    document = docx.Document()
    document.add_paragraph("Gesprek buurtvaders binnenstad")
    document.add_paragraph("Transcript")
    for speaker, start, lines in blocks:
        stamp = mss(start) if start >= 3600 else f"{start // 60:02d}:{start % 60:02d}"
        document.add_paragraph(f"{speaker} ({stamp}):")
        for line in lines:
            document.add_paragraph(line)
        document.add_paragraph("")
    document.save(path)


example("rev_docx_naam_haakjes_tijd_binnenstad.docx",
        "Rev-style transcript as Word: a paragraph 'Naam (MM:SS):', then the speech paragraph(s)",
        "The 'Speaker Name (MM:SS)' header on its own line above the dialogue, '(H:MM:SS)' past the hour (transcript "
        "format notes in the public code index describing Rev-style output); the default label 'Speaker 1' as a Dutch "
        "export writes it ('Spreker 1'). Reconstruction.",
        "The title paragraph and 'Transcript' are not turns. The header gives speaker and start ('(1:02:05)' -> "
        "01:02:05); two speech paragraphs under one header are joined with a space; consecutive blocks of one "
        "speaker merge (start of the first).",
        REV, ("2026", "wijk", "Binnenstad"), write_rev, into=ROUND5)

# R5.5 Otter.ai .docx export: title, date line, SUMMARY KEYWORDS, SPEAKERS, then 'Naam  M:SS' + text -----
OTTER_DOCX = [
    ("Lotte Verbeek", 4, ["Welkom bij het overleg van het jeugdnetwerk Rijpelberg. Wie wil beginnen?"]),
    ("Speaker 2", 11, ["Ik wel. Bij de sporthal zien we sinds de kerstvakantie weer groepjes tot laat op de avond."]),
    ("Lotte Verbeek", 24, ["Zijn dat dezelfde jongens als vorig jaar?"]),
    ("Speaker 2", 29, ["Deels. Een paar zijn nieuw, die zijn net naar de middelbare school."]),
    ("Speaker 2", 37, ["Die kennen het jongerenwerk nog niet."]),
    ("Bram Hendriks", 45, ["Dan kunnen wij in de brugklassen langsgaan. Dat hebben we in Brouwhuis ook gedaan."]),
    ("Lotte Verbeek", 59 * 60 + 58, ["Goed, dat spreken we af. Dank jullie wel."]),
]


def write_otter_docx(path, blocks):
    document = docx.Document()
    document.add_paragraph("Jeugdnetwerk Rijpelberg")
    document.add_paragraph("Thu, Mar 12, 2026 7:02PM \u2022 1:00:04")
    document.add_paragraph("SUMMARY KEYWORDS")
    document.add_paragraph("jongeren, sporthal, brugklas, jongerenwerk, groepjes, avond, school, wijk")
    document.add_paragraph("SPEAKERS")
    document.add_paragraph("Lotte Verbeek, Speaker 2, Bram Hendriks")
    document.add_paragraph("")
    for speaker, start, lines in blocks:
        document.add_paragraph(f"{speaker}  {mss(start)}")
        document.add_paragraph(" ".join(lines))
        document.add_paragraph("")
    document.add_paragraph("Transcribed by https://otter.ai")
    document.save(path)


example("otter_docx_samenvatting_sprekers_rijpelberg.docx",
        "Otter.ai export as Word (.docx) with its header: title, date and duration, SUMMARY KEYWORDS, SPEAKERS",
        "Otter's .docx/.pdf exports start with the conversation title, a date line with the duration after '\u2022', "
        "'SUMMARY KEYWORDS' and 'SPEAKERS' each followed by one comma-separated line; the speaker header is "
        "'Name  M:SS' as in the .txt export. Reconstruction.",
        "Title, date line, SUMMARY KEYWORDS with its keywords and SPEAKERS with its names are not turns; nor is the "
        "footer. 'Naam  M:SS' paragraph = speaker and start, the next paragraph the speech. Consecutive blocks of "
        "one speaker merge.",
        OTTER_DOCX, ("2026", "partnergroep", "Helmond-Oost"), write_otter_docx, into=ROUND5)

# R5.6 DaVinci Resolve transcript .txt: '[HH:MM:SS:FF - HH:MM:SS:FF]', name line, indented speech --------
RESOLVE = [
    ("Interviewer", 3 + 18 / 25, ["Je traint nu drie jaar de jongens van de O17. Wat zie je veranderen?"]),
    ("Trainer", 8 + 10 / 25, ["Dat ze later komen, en moe. Sommigen werken tot elf uur 's avonds bij een bezorgdienst."]),
    ("Trainer", 16 + 2 / 25, ["En een paar hebben opeens dure schoenen, dat valt dan op."]),
    ("Interviewer", 23 + 20 / 25, ["Praat je daar met ze over?"]),
    ("Trainer", 26 + 5 / 25, ["Ja, na de training. Niet beschuldigend, gewoon vragen hoe het gaat.",
                              "Als het nodig is bel ik de jongerenwerker, die kent de ouders."]),
    ("Voorzitter", 41 + 12 / 25, ["Wij hebben als club afgesproken dat niemand wordt weggestuurd om zijn contributie."]),
]


def tc(seconds: float, fps: int = 25) -> str:
    frames = round(seconds * fps)
    s, f = divmod(frames, fps)
    return f"{s // 3600:02d}:{s % 3600 // 60:02d}:{s % 60:02d}:{f:02d}"


def write_resolve(path, blocks):
    out = []
    for speaker, start, lines in blocks:
        out += [f"[{tc(start)} - {tc(start + 4.4)}]", speaker] + [" " + line for line in lines] + [""]
    path.write_text("\n".join(out), encoding="utf-8")


example("davinci_resolve_txt_sportclub_west.txt",
        "DaVinci Resolve transcript export .txt: '[HH:MM:SS:FF - HH:MM:SS:FF]', the speaker on its own line, the speech indented",
        "Transcript format notes in the public code index describe DaVinci Resolve's export as a bracketed timecode "
        "range with frames, the speaker name on the next line and the dialogue indented by a space. Reconstruction "
        "(25 fps).",
        "Timecode range = start (frames dropped: 00:00:03:18 -> 00:00:03); the next line the speaker; the indented "
        "lines the speech. Consecutive blocks of one speaker merge (start of the first).",
        RESOLVE, ("2026", "partnergroep", "Helmond-West"), write_resolve, into=ROUND5)

# R5.7 look-alike: typed 'Naam:' labels whose wrapped lines look like chat lines, Rev headers and time codes --
LOOKALIKE = [
    ("Interviewer", None, ["Hoe hoorde u van het incident bij het winkelcentrum?"]),
    ("Moeder", None, ["Via de groepsapp van de ouders. Ik lees het bericht even voor, het stond er zo:",
                      "12-03-2026 21:40 - iemand: er staan weer jongens bij de pinautomaat",
                      "en daarna kwamen er twintig berichten achter elkaar."]),
    ("Interviewer", None, ["Wat deed u toen?"]),
    ("Moeder", None, ["Ik heb mijn zoon gebeld. Hij zat gewoon thuis bij een vriend, gelukkig.",
                      "Vrijdag (22:30): daar was hij wel bij, zei hij later,",
                      "[00:10:05 - 00:10:09] zo lang duurde het filmpje dat iemand maakte."]),
    ("Wijkagent", None, ["Dat filmpje kennen wij. Het is doorgestuurd naar de school en naar het jongerenwerk,",
                         "Spreker 2 (00:14): zo heet het account dat het plaatste, dus we weten niet wie."]),
]


def write_lookalike(path, blocks):
    out = ["Gesprek moeder en wijkagent, Stiphout", ""]
    for speaker, _, lines in blocks:
        out += [f"{speaker}: {lines[0]}"] + lines[1:] + [""]
    path.write_text("\n".join(out), encoding="utf-8")


example("getypt_txt_chat_en_tijden_in_tekst_stiphout.txt",
        "hand-typed .txt with colon labels whose wrapped speech lines look like a chat line, a Rev header and a "
        "timecode range (look-alike)",
        "Reconstruction: a mother reads out a group-chat message and the interviewer types it with hard line breaks.",
        "Only the colon labels at a paragraph start are speakers. The lines '12-03-2026 21:40 - iemand: ...', "
        "'Vrijdag (22:30): ...', '[00:10:05 - 00:10:09] ...' and 'Spreker 2 (00:14): ...' are speech of the turn "
        "they are in. The header line is not a turn. start null.",
        LOOKALIKE, ("2026", "wijk", "Helmond-Oost"), write_lookalike,
        expected=[{"speaker": s, "start": None, "text": " ".join(lines)} for s, _, lines in LOOKALIKE], into=ROUND5)


def main() -> None:
    write_round(OUT / "round5", ROUND5)


if __name__ == "__main__":
    main()
