"""Mechanisms fixed after the held-out export round (benchmarks/format_holdout) and the probes after it.

Examples are small Dutch texts written for these tests (not taken from the held-out files): the
interviewer written in full beside respondent codes, a tool's timed `[tijd] Naam: tekst` paragraphs
that cut one speaker's speech into segments, `tijd - Naam` headers, a meeting's saved chat (refused),
subtitle cues with dialogue dashes, and WebVTT voices that continue over the cues after them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from interviews.readers.errors import InputError

from reading_helpers import make_docx, read, turns



IR_FULL = (
    "Gesprek met twee trainers van de sportvereniging\n"
    "Plaats: kantine\n"
    "Aanwezig: Gespreksleider, R1 en R2\n"
    "\n"
    "Gespreksleider: Hoe lang geven jullie al training aan de\n"
    "jongste groep?\n"
    "\n"
    "R1: Vier jaar nu. Elke woensdag na school.\n"
    "R2: Bij mij twee jaar, sinds mijn eigen zoon ging\n"
    "voetballen.\n"
    "\n"
    "Gespreksleider: Wat zien jullie veranderen?\n"
    "\n"
    "R1: Dat ze vaker blijven hangen na de training.\n"
    "Let op: dat is juist goed, dan zijn ze niet op straat.\n"
)


def test_interviewer_in_full_beside_respondent_codes_is_an_ir_transcript(tmp_path):
    """'Gespreksleider:' with 'R1:'/'R2:': the header above the first label is no turn, wrapped lines
    join, and a wrapped line starting 'Let op:' stays speech (only codes and interviewer words label)."""
    t = read(tmp_path, "trainers.txt", IR_FULL.replace("\n", "\r\n").encode("cp1252"))
    assert turns(t) == [
        ("Gespreksleider", None, "Hoe lang geven jullie al training aan de jongste groep?"),
        ("R1", None, "Vier jaar nu. Elke woensdag na school."),
        ("R2", None, "Bij mij twee jaar, sinds mijn eigen zoon ging voetballen."),
        ("Gespreksleider", None, "Wat zien jullie veranderen?"),
        ("R1", None, "Dat ze vaker blijven hangen na de training. Let op: dat is juist goed, dan zijn ze "
                     "niet op straat."),
    ]
    assert t.layout.startswith("uitgetypt met codes")


def test_interviewer_word_beside_a_name_label_is_not_read_as_codes(tmp_path):
    """A word label other than the interviewer's ('Trainer:') heading a paragraph, or recurring at line
    starts: a names transcript; its label must not be swallowed into another speaker's turn."""
    heading = IR_FULL.replace("R2: Bij mij", "\nTrainer: Bij mij")
    speakers = [turn.speaker for turn in read(tmp_path, "trainers.txt", heading).turns]
    assert "Trainer" in speakers and "R1" in speakers
    recurring = IR_FULL.replace("R2: Bij mij", "Trainer: Bij mij") + "Trainer: En op zaterdag ook.\n"
    speakers = [turn.speaker for turn in read(tmp_path, "trainers2.txt", recurring).turns]
    assert speakers.count("Trainer") == 2


def test_interviewer_word_without_any_code_is_the_general_layout(tmp_path):
    text = ("Interviewer: Wat doet u in de wijk?\n\nMarjolein: Ik ben buurtbemiddelaar.\n\n"
            "Interviewer: Sinds wanneer?\n\nMarjolein: Sinds vorig voorjaar.\n")
    t = read(tmp_path, "bemiddeling.txt", text)
    assert [turn.speaker for turn in t.turns] == ["Interviewer", "Marjolein", "Interviewer", "Marjolein"]
    assert not t.layout.startswith("uitgetypt met codes")


TIMED = (
    "[00:00:04] Karim: We zijn vorig jaar begonnen met een inloop op vrijdag.\n\n"
    "[00:00:11] Karim: Eerst kwamen er drie jongens, nu vaak vijftien.\n\n"
    "[00:00:19] Lotte: Dat merk ik op school ook, ze praten erover.\n\n"
    "[01:02:07] Karim: Tot slot: houd het laagdrempelig.\n"
)


def test_timed_paragraphs_of_one_speaker_merge_into_one_turn(tmp_path):
    """A tool's `[tijd] Naam: tekst` segments of one speaker are one turn with the first start; the
    time is neither in the label nor in the text; a colon later in the text stays text."""
    assert turns(read(tmp_path, "inloop.txt", TIMED)) == [
        ("Karim", "00:00:04", "We zijn vorig jaar begonnen met een inloop op vrijdag. "
                              "Eerst kwamen er drie jongens, nu vaak vijftien."),
        ("Lotte", "00:00:19", "Dat merk ik op school ook, ze praten erover."),
        ("Karim", "01:02:07", "Tot slot: houd het laagdrempelig."),
    ]


def test_timed_paragraphs_in_word_merge_too(tmp_path):
    import docx

    document = docx.Document()
    for paragraph in TIMED.strip().split("\n\n"):
        document.add_paragraph(paragraph)
    out = tmp_path / "inloop.docx"
    document.save(out)
    t = read(tmp_path, "inloop.docx", out.read_bytes())
    assert [(turn.speaker, turn.timestamp) for turn in t.turns] == [
        ("Karim", "00:00:04"), ("Lotte", "00:00:19"), ("Karim", "01:02:07")]


def test_untimed_typed_paragraphs_of_one_speaker_stay_separate_turns(tmp_path):
    """Without times a typist's paragraph break is deliberate: one turn per paragraph, as before."""
    untimed = "".join(line.split("] ", 1)[1] + "\n\n" for line in TIMED.strip().split("\n\n"))
    assert [turn.speaker for turn in read(tmp_path, "inloop.txt", untimed).turns] == [
        "Karim", "Karim", "Lotte", "Karim"]


@pytest.mark.parametrize("header", ["{t} - {name}", "[{t}.40] - {name}", "{t} {name}"])
def test_time_then_name_headers_with_a_dash_or_a_fraction(tmp_path, header):
    """`00:00:07 - Naam` / `[00:00:07.40] - Naam` above the speech (Happy Scribe-style exports): the
    time and the name are the turn's, never its text."""
    said = [("Speaker 1", "00:00:02", "Zullen we bij de nieuwe skatebaan beginnen?"),
            ("Speaker 2", "00:00:09", "Goed idee, daar komen nu elke middag jongeren."),
            ("Speaker 1", "00:01:15", "Wie heeft die baan eigenlijk bedacht?")]
    text = "".join(header.format(t=t, name=name) + "\n" + x + "\n\n" for name, t, x in said)
    assert turns(read(tmp_path, "skatebaan.txt", text)) == said


@pytest.mark.parametrize("lines", [
    ["19:02:11 Van Petra Jansen aan Iedereen:", "\tWelkom, de agenda staat in de uitnodiging.",
     "19:03:40 Van Koen de Groot aan Iedereen:", "\tIk ben er over vijf minuten.",
     "19:05:02 Van Petra Jansen aan Koen de Groot (direct bericht):", "\tPrima."],
    ["10:00:05 From Petra Jansen to Everyone:", "\tWelkom allemaal.",
     "10:01:40 From Koen de Groot to Everyone:", "\tDank je."],
])
def test_a_saved_meeting_chat_is_refused_not_read_as_a_transcript(tmp_path, lines):
    with pytest.raises(InputError) as caught:
        read(tmp_path, "meeting_saved_chat.txt", "\n".join(lines) + "\n")
    message = str(caught.value)
    assert message.startswith("[N116] meeting_saved_chat.txt, regel 1:") and "chat" in message
    assert "Petra" not in message and "Koen" not in message


def test_a_transcript_that_mentions_a_chat_line_is_still_read(tmp_path):
    text = ("Interviewer: Wat stond er in de chat?\n\n"
            "Petra: Er stond: 19:02:11 Van Petra Jansen aan Iedereen: welkom. Meer niet.\n\n"
            "Interviewer: Dank je.\n")
    assert [t.speaker for t in read(tmp_path, "chatvraag.txt", text).turns] == ["Interviewer", "Petra", "Interviewer"]


SRT_DIALOGUE = (
    "1\n00:00:01,000 --> 00:00:04,000\n- Petra: Is het plein nu rustiger?\n- Koen: Ja, veel rustiger.\n\n"
    "2\n00:00:04,500 --> 00:00:08,000\nPetra: Sinds wanneer?\n\n"
    "3\n00:00:08,500 --> 00:00:11,000\nKoen: Sinds de zomer, toen de verlichting kwam.\n"
)


def test_srt_cue_with_dialogue_dashes_gives_a_turn_per_speaker(tmp_path):
    assert turns(read(tmp_path, "plein.srt", SRT_DIALOGUE)) == [
        ("Petra", "00:00:01", "Is het plein nu rustiger?"),
        ("Koen", "00:00:01", "Ja, veel rustiger."),
        ("Petra", "00:00:04", "Sinds wanneer?"),
        ("Koen", "00:00:08", "Sinds de zomer, toen de verlichting kwam."),
    ]


def test_vtt_cue_with_dialogue_dashes_gives_a_turn_per_speaker(tmp_path):
    vtt = "WEBVTT\n\n" + "\n".join(line.replace(",0", ".0") if "-->" in line else line
                                     for line in SRT_DIALOGUE.split("\n") if not line.isdigit())
    assert [(t.speaker, t.text) for t in read(tmp_path, "plein.vtt", vtt).turns][:2] == [
        ("Petra", "Is het plein nu rustiger?"), ("Koen", "Ja, veel rustiger.")]


def test_dashes_without_labels_stay_one_cue_text(tmp_path):
    srt = "1\n00:00:01,000 --> 00:00:04,000\n- Is het plein nu rustiger?\n- Ja, veel rustiger.\n"
    assert turns(read(tmp_path, "plein.srt", srt)) == [
        (None, "00:00:01", "- Is het plein nu rustiger? - Ja, veel rustiger.")]


def test_vtt_voice_continues_over_the_cues_after_it(tmp_path):
    """An exporter that writes `<v Naam>` only on a turn's first cue: the cues after it are that
    speaker's until the next voice (as a .srt cue without label continues the speaker)."""
    vtt = ("WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Petra Jansen>We beginnen bij het plein,\n\n"
           "00:00:04.000 --> 00:00:07.000\nwant daar is het sinds de zomer rustig.\n\n"
           "00:00:07.500 --> 00:00:10.000\n<v Koen de Groot>Dat klopt.\n\n"
           "00:00:10.000 --> 00:00:12.000\nVooral na tienen.\n")
    assert turns(read(tmp_path, "plein.vtt", vtt)) == [
        ("Petra Jansen", "00:00:01", "We beginnen bij het plein, want daar is het sinds de zomer rustig."),
        ("Koen de Groot", "00:00:07", "Dat klopt. Vooral na tienen."),
    ]


def test_vtt_without_any_voice_keeps_a_turn_per_cue(tmp_path):
    vtt = ("WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nWe beginnen bij het plein.\n\n"
           "00:00:04.000 --> 00:00:07.000\nDaar is het sinds de zomer rustig.\n")
    assert [t.speaker for t in read(tmp_path, "plein.vtt", vtt).turns] == [None, None]


def test_zoom_caption_headers_with_a_twelve_hour_clock(tmp_path):
    text = ("[Petra Jansen] 7:02:11 PM\nWelkom allemaal.\n\n[Koen de Groot] 7:02:20 PM\nDank je.\n\n"
            "[Petra Jansen] 12:03:01 AM\nWe ronden af.\n")
    t = read(tmp_path, "captions.txt", text)
    assert turns(t) == [("Petra Jansen", "19:02:11", "Welkom allemaal."), ("Koen de Groot", "19:02:20", "Dank je."),
                        ("Petra Jansen", "00:03:01", "We ronden af.")]
    assert t.clock_time


def test_subtitle_speaker_as_a_name_in_brackets_before_the_text(tmp_path):
    srt = ("1\n00:00:01,000 --> 00:00:04,000\n[Petra] We beginnen bij het plein.\n\n"
           "2\n00:00:04,500 --> 00:00:08,000\n[Koen] Dat klopt.\n\n"
           "3\n00:00:08,500 --> 00:00:11,000\n[Petra] Sinds wanneer?\n\n"
           "4\n00:00:11,500 --> 00:00:12,000\n[muziek]\n")
    assert turns(read(tmp_path, "plein.srt", srt)) == [
        ("Petra", "00:00:01", "We beginnen bij het plein."), ("Koen", "00:00:04", "Dat klopt."),
        ("Petra", "00:00:08", "Sinds wanneer? [muziek]")]


def test_a_recurring_sound_tag_in_brackets_is_no_speaker(tmp_path):
    srt = ("1\n00:00:01,000 --> 00:00:04,000\n[muziek] Welkom bij de podcast.\n\n"
           "2\n00:00:04,500 --> 00:00:08,000\n[muziek] Vandaag over het plein.\n\n"
           "3\n00:00:08,500 --> 00:00:11,000\nWe beginnen meteen.\n")
    assert [t.speaker for t in read(tmp_path, "podcast.srt", srt).turns] == [None, None, None]


def test_vtt_speaker_name_in_parentheses_above_the_text(tmp_path):
    vtt = ("WEBVTT\n\n00:00:08.000 --> 00:00:12.000\n(Petra Jansen)\nWe beginnen bij het plein\n\n"
           "00:00:12.000 --> 00:00:16.000\n(Petra Jansen)\nbij de school.\n\n"
           "00:00:16.000 --> 00:00:20.000\n(Koen de Groot)\nDat klopt.\n")
    assert turns(read(tmp_path, "plein.vtt", vtt)) == [
        ("Petra Jansen", "00:00:08", "We beginnen bij het plein bij de school."),
        ("Koen de Groot", "00:00:16", "Dat klopt.")]


def test_meeting_transcript_with_time_marks_and_a_closing_disclaimer(tmp_path):
    """Time marks every few minutes above `Naam: tekst` paragraphs (Google Meet); the attendee list,
    'Meeting ended after ...' and the closing disclaimer are the tool's lines, not turns."""
    data = make_docx(tmp_path, [
        "Wijkoverleg (2026-02-03 10:00 CET) - Transcript", "Attendees", "Petra Jansen, Koen de Groot, Lies Maas",
        "Transcript", "00:00:00", "Petra Jansen: Goedemorgen, we beginnen met de agenda.",
        "Koen de Groot: Prima, ik heb de cijfers meegenomen.", "00:05:00",
        "Petra Jansen: Dan gaan we nu naar de rondvraag.", "Meeting ended after 00:07:12 👋",
        "This editable transcript was computer generated and might contain errors. People can also change "
        "the text after it was created."])
    assert turns(read(tmp_path, "overleg.docx", data)) == [
        ("Petra Jansen", "00:00:00", "Goedemorgen, we beginnen met de agenda."),
        ("Koen de Groot", None, "Prima, ik heb de cijfers meegenomen."),
        ("Petra Jansen", "00:05:00", "Dan gaan we nu naar de rondvraag."),
    ]


def test_media_file_name_and_a_services_advert_around_timed_paragraphs_are_not_turns(tmp_path):
    text = ("wijkgesprek_opname_2.m4a\n\n"
            "Lies: [00:00:03] Welkom in het buurthuis.\n\n"
            "Koen: [00:00:09] Dank je, fijn om hier te zijn.\n\n"
            "Convert audio to text with Scribo - try it free.\n")
    assert turns(read(tmp_path, "gesprek.txt", text)) == [
        ("Lies", "00:00:03", "Welkom in het buurthuis."), ("Koen", "00:00:09", "Dank je, fijn om hier te zijn.")]


def test_diarisation_labels_one_segment_per_line_merge_per_speaker(tmp_path):
    """WhisperX .txt: a line `[SPEAKER_00]: tekst` per segment; consecutive segments of one speaker are
    one turn (a diarisation label is no typist's choice to start a new turn)."""
    text = ("[SPEAKER_00]: Ik woon hier sinds twee jaar.\n[SPEAKER_00]: Boven de bakker.\n"
            "[SPEAKER_01]: En hoe bevalt het?\n[SPEAKER_00]: Goed, het is rustig.\n")
    assert turns(read(tmp_path, "segmenten.txt", text)) == [
        ("SPEAKER_00", None, "Ik woon hier sinds twee jaar. Boven de bakker."),
        ("SPEAKER_01", None, "En hoe bevalt het?"), ("SPEAKER_00", None, "Goed, het is rustig.")]


def test_typed_one_turn_per_line_keeps_repeated_labels_apart(tmp_path):
    text = "Lies: Ik woon hier sinds twee jaar.\nLies: Boven de bakker.\nKoen: En hoe bevalt het?\n"
    assert [t.speaker for t in read(tmp_path, "regels.txt", text).turns] == ["Lies", "Lies", "Koen"]


def test_f4transkript_end_of_paragraph_marks_are_not_text(tmp_path):
    """f4transkript and MAXQDA end each paragraph with `#00:00:11-8#`: the time the paragraph ends,
    neither text nor the turn's start."""
    text = ("I: Hoe lang werk je al in de wijk? #00:00:04-2#\n\n"
            "B: Zes jaar nu, eerst in Oost. #00:00:11-8#\n\n"
            "I: Wat is er veranderd? #00:00:15#\n\n"
            "B: De jongeren zijn jonger geworden #00:00:24-5#.\n")
    assert turns(read(tmp_path, "f4.txt", text)) == [
        ("I", None, "Hoe lang werk je al in de wijk?"), ("B", None, "Zes jaar nu, eerst in Oost."),
        ("I", None, "Wat is er veranderd?"), ("B", None, "De jongeren zijn jonger geworden.")]


def test_the_fields_of_minutes_are_no_speakers(tmp_path):
    minutes = (
        "Verslag overleg jeugd en veiligheid, dinsdag 4 maart.\n\n"
        "Aanwezig: de wijkagent, twee jongerenwerkers en de schoolmaatschappelijk werker.\n"
        "Afwezig met kennisgeving: de leerplichtambtenaar.\n\n"
        "1. Opening\n\n"
        "De voorzitter opent het overleg. Het plein bij de bibliotheek is rustiger sinds de zomer.\n\n"
        "Actie: de jongerenwerkers plannen een avond met de buurt.\n\n"
        "Actie: de school stuurt de roosters door.\n"
    )
    transcript = read(tmp_path, "verslag.txt", minutes)
    assert {t.speaker for t in transcript.turns} == {None}
    assert any(t.text.startswith("Aanwezig: de wijkagent") for t in transcript.turns)
    assert any("plein bij de bibliotheek" in t.text for t in transcript.turns)
    # a meeting transcript with a chair who speaks: "Voorzitter" stays a speaker
    meeting = ("Voorzitter: Welkom allemaal, we beginnen met het plein.\n\n"
               "Wijkagent: Het is daar rustiger sinds de zomer.\n\n"
               "Voorzitter: Dank je, dan het volgende punt.\n")
    assert [t.speaker for t in read(tmp_path, "overleg.txt", meeting).turns] == ["Voorzitter", "Wijkagent", "Voorzitter"]
