"""Mechanisms fixed after the held-out export round (benchmarks/format_holdout).

Examples are small Dutch texts written for these tests (not taken from the held-out files): the
interviewer written in full beside respondent codes, and a tool's timed `[tijd] Naam: tekst`
paragraphs that cut one speaker's speech into segments.
"""

from __future__ import annotations

from pathlib import Path

from interviews.corpus import read_transcript

META = {"year": 2025, "type": "wijk", "wijk": "stad"}


def read(tmp_path: Path, name: str, content: str | bytes):
    root = tmp_path / "interviews"
    root.mkdir(exist_ok=True)
    path = root / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return read_transcript(path, root, META)


def turns(transcript) -> list[tuple]:
    return [(t.speaker, t.timestamp, t.text) for t in transcript.turns]


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
