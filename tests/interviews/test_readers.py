"""Reading transcripts (issue 2): every format, encoding, metadata source and bad-input case."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

import docx
import pytest
from docx.shared import Pt

from interviews.corpus import read_corpus, read_transcript, summarise
from interviews.errors import CorpusErrors, InterviewError
from interviews.readers.errors import InputError

NAME = "Zwanetta"  # a name that must never show up in an error message

TXT = f"""---
year: 2025
type: wijk
wijk: helmond west
date: 2-4-2025
title: "Avond: West"
---

# not a heading in .txt, just a sentence without label

[00:00:05] Jongerenwerker: Welkom allemaal.
We beginnen zo.

{NAME}: Ze zei: kom maar om 10:30 uur.

Ze zei: dat klopt niet.

Dat vond ik ook.

Wijkagent Helmond-West: Ik loop elke dinsdag door de Houtsdonk.
"""


def write(root: Path, rel: str, content: str | bytes) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def docx_bytes(tmp: Path, paragraphs: list[tuple[str, str] | str], heading: str | None = None) -> bytes:
    """A .docx; a (bold, normal) tuple makes a paragraph with a bold label run."""
    document = docx.Document()
    if heading:
        document.add_heading(heading, level=1)
    for item in paragraphs:
        paragraph = document.add_paragraph()
        if isinstance(item, tuple):
            paragraph.add_run(item[0]).bold = True
            paragraph.add_run(item[1]).font.size = Pt(11)
        else:
            paragraph.add_run(item)
    out = tmp / "_build.docx"
    document.save(out)
    data = out.read_bytes()
    out.unlink()
    return data


def read_one(tmp_path: Path, rel: str, content: str | bytes, overrides=None):
    root = tmp_path / "interviews"
    return read_transcript(write(root, rel, content), root, overrides)


def error_of(tmp_path: Path, rel: str, content: str | bytes) -> InputError:
    with pytest.raises(InputError) as info:
        read_one(tmp_path, rel, content)
    return info.value


# --- formats ------------------------------------------------------------------------------------

def test_txt_front_matter_labels_and_timestamps(tmp_path):
    t = read_one(tmp_path, "2025/avond.txt", TXT)
    assert (t.doc, t.source, t.format) == ("avond", "2025/avond.txt", "txt")
    assert t.meta.year == 2025 and t.meta.type == "wijk" and t.meta.wijk == "Helmond-West"
    assert t.meta.date == dt.date(2025, 4, 2) and t.meta.title == "Avond: West"
    assert t.sha256 == hashlib.sha256(TXT.encode()).hexdigest()
    speakers = [turn.speaker for turn in t.turns]
    # the short line above the first label is the document's header, not a turn (as in .odt and .rtf)
    assert speakers == ["Jongerenwerker", NAME, NAME, NAME, "Wijkagent Helmond-West"]
    assert [turn.index for turn in t.turns] == list(range(5))
    assert t.layout.startswith("kop boven het eerste sprekerlabel overgeslagen (1 alinea('s))")  # said, not silent
    first = t.turns[0]
    assert (first.timestamp, first.text, first.line) == ("00:00:05", "Welkom allemaal. We beginnen zo.", 11)
    # a colon inside a sentence is not a label, nor is a clock time
    assert t.turns[1].text == "Ze zei: kom maar om 10:30 uur."
    assert t.turns[2].text == "Ze zei: dat klopt niet."
    assert t.turns[4].line == 20


def test_txt_without_labels_is_one_speaker_per_paragraph(tmp_path):
    text = "Jaar: 2024\nType: partnergroep\nWijk: stad\n\nEerste alinea over school.\n\nTweede: alinea.\nNog een regel.\n"
    t = read_one(tmp_path, "notities.txt", text)
    assert t.meta.year == 2024 and t.meta.wijk == "stad"
    assert [(x.speaker, x.text) for x in t.turns] == [
        (None, "Eerste alinea over school."), (None, "Tweede: alinea. Nog een regel.")]


def test_txt_one_turn_per_line(tmp_path):
    text = "---\nyear: 2025\ntype: partnergroep\nwijk: Binnenstad\n---\nInt.: Hoe gaat het?\nR1: Goed.\nR2: Prima.\nR1: Echt waar.\n"
    t = read_one(tmp_path, "regels.txt", text)
    assert [(x.speaker, x.text, x.line) for x in t.turns] == [
        ("Int.", "Hoe gaat het?", 6), ("R1", "Goed.", 7), ("R2", "Prima.", 8), ("R1", "Echt waar.", 9)]


def test_markdown_headings_and_emphasis(tmp_path):
    text = ("---\nyear: 2026\ntype: wijk\nwijk: BINNENSTAD\ndate: 2026-01-15\n---\n# Gesprek\n\n"
            "**Moeder van Jayden:** Het gaat beter.\n\n## Deel 2\n**Wijk-BOA**: Dat zie ik ook.\n\n"
            "Sanne zei: nee.\n")
    t = read_one(tmp_path, "md/gesprek.md", text)
    assert t.format == "md" and t.meta.wijk == "Binnenstad" and t.meta.year == 2026
    assert [(x.speaker, x.text) for x in t.turns] == [
        ("Moeder van Jayden", "Het gaat beter."), ("Wijk-BOA", "Dat zie ik ook."),
        ("Wijk-BOA", "Sanne zei: nee.")]


def test_cp1252_crlf_and_utf8_bom(tmp_path):
    body = "Jaar: 2025\r\nType: wijk\r\nWijk: Helmond-Oost\r\n\r\nOuder: Ik heb een ëxtra idee’s gehad.\r\n"
    t = read_one(tmp_path, "oud.txt", body.encode("cp1252"))
    assert t.turns[0].text == "Ik heb een ëxtra idee’s gehad." and t.turns[0].line == 5
    t2 = read_one(tmp_path, "bom.txt", b"\xef\xbb\xbf" + body.encode("utf-8"))
    assert t2.turns[0].text == t.turns[0].text and t2.meta.wijk == "Helmond-Oost"


def test_docx_metadata_and_bold_labels(tmp_path):
    data = docx_bytes(tmp_path, [
        "Jaar: 2025", "Type: wijk", "Wijk: Helmond-Oost", "Datum: 02-04-2025", "Titel: Bewonersavond",
        ("Jongerenwerker:", " We zien meer jongeren bij de Cruyff Court."),
        ("Buurtbewoner", " Klopt, vooral op woensdag."),
        "R1: Gewone regel zonder opmaak.",
        "Ze zei: dat gaat niet.",
    ], heading="Verslag")
    t = read_one(tmp_path, "2025/oost.docx", data)
    assert (t.meta.year, t.meta.type, t.meta.wijk, t.meta.date, t.meta.title) == (
        2025, "wijk", "Helmond-Oost", dt.date(2025, 4, 2), "Bewonersavond")
    assert [(x.speaker, x.text) for x in t.turns] == [
        ("Jongerenwerker", "We zien meer jongeren bij de Cruyff Court."),
        ("Buurtbewoner", "Klopt, vooral op woensdag."),
        ("R1", "Gewone regel zonder opmaak."),
        ("R1", "Ze zei: dat gaat niet."),
    ]
    assert t.turns[0].line == 7  # paragraph number (heading is paragraph 1)


VTT = """WEBVTT

NOTE year=2026 type=partnergroep wijk=stad
date=2026-03-12 title="Partneroverleg maart"

1
00:00:01.500 --> 00:00:04.000
<v Wijkagent Helmond-West>Goedemiddag allemaal.</v>

2
00:00:04.000 --> 00:00:09.250
<v Wijkagent Helmond-West>We beginnen met de cijfers.

00:01:02.500 --> 00:01:05.000
<v.loud Jan de Vries>Dank je. &amp; verder</v> <v Wijkagent Helmond-West>Graag.</v>

01:00:00.000 --> 01:00:02.000
<v Jan de Vries><i>Tot slot.</i>
"""


def test_vtt_voices_merge_and_note_metadata(tmp_path):
    t = read_one(tmp_path, "2026/teams.vtt", VTT)
    assert t.meta.to_dict() == {"year": 2026, "type": "partnergroep", "wijk": "stad",
                                "date": "2026-03-12", "title": "Partneroverleg maart"}
    assert [(x.speaker, x.timestamp, x.text) for x in t.turns] == [
        ("Wijkagent Helmond-West", "00:00:01", "Goedemiddag allemaal. We beginnen met de cijfers."),
        ("Jan de Vries", "00:01:02", "Dank je. & verder"),
        ("Wijkagent Helmond-West", "00:01:02", "Graag."),
        ("Jan de Vries", "01:00:00", "Tot slot."),
    ]
    assert t.turns[0].line == 7


SRT = """# year=2025 type=wijk wijk=Binnenstad date=2025-05-01

1
00:00:01,000 --> 00:00:04,000
Buurtbewoner: Er hangen weer jongeren

2
00:00:04,000 --> 00:00:06,000
bij het station rond.

3
00:00:06,500 --> 00:00:08,000
Jongerenwerker: Die ken ik, dat zijn
<i>de jongens van de pannakooi.</i>

4
00:01:10,000 --> 00:01:12,000
Buurtbewoner: Fijn.
"""


def test_srt_labels_merge_and_comment_metadata(tmp_path):
    t = read_one(tmp_path, "2025/station.srt", SRT.replace("\n", "\r\n"))
    assert (t.meta.year, t.meta.type, t.meta.wijk, t.meta.date) == (2025, "wijk", "Binnenstad", dt.date(2025, 5, 1))
    assert [(x.speaker, x.timestamp, x.text) for x in t.turns] == [
        ("Buurtbewoner", "00:00:01", "Er hangen weer jongeren bij het station rond."),
        ("Jongerenwerker", "00:00:06", "Die ken ik, dat zijn de jongens van de pannakooi."),
        ("Buurtbewoner", "00:01:10", "Fijn."),
    ]


# --- metadata.csv -------------------------------------------------------------------------------

def test_metadata_csv_fills_missing_fields(tmp_path):
    root = tmp_path / "interviews"
    write(root, "2025/a.txt", "Sanne: Hallo.\n")
    write(root, "2026/b.srt", SRT.split("\n", 2)[2])
    write(root, "2025/c.vtt", "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v X>Hoi\n")
    csv_text = ("bestand;jaar;type;wijk;datum;titel\n2025/a.txt;;partnergroep;Helmond West;1-2-2025;Overleg één\n"
                "b.srt;2026;wijk;binnenstad;;\nc.vtt;2025;wijk;stad;;\n")
    write(root, "metadata.csv", csv_text.encode("cp1252"))
    result = read_corpus(root)
    by_doc = {t.doc: t.meta for t in result.transcripts}
    assert by_doc["a"].year == 2025 and by_doc["a"].wijk == "Helmond-West" and by_doc["a"].title == "Overleg één"
    assert (by_doc["b"].year, by_doc["b"].wijk) == (2026, "Binnenstad")
    assert by_doc["c"].type == "wijk" and result.skipped == ()


def test_metadata_conflict_is_an_error(tmp_path):
    root = tmp_path / "interviews"
    write(root, "2025/avond.txt", TXT)
    write(root, "metadata.csv", "file,year,type,wijk\n2025/avond.txt,2025,wijk,Binnenstad\n")
    with pytest.raises(CorpusErrors) as info:
        read_corpus(root)
    [error] = info.value.errors
    assert error.code == "N109" and error.path == "2025/avond.txt" and error.line == 4
    assert "'wijk'" in error.message and "metadata.csv, regel 2" in error.message
    assert "Helmond-West" in error.message and "Binnenstad" in error.message
    # equal values in another spelling are no conflict
    write(root, "metadata.csv", "file,year,type,wijk,date\navond.txt,2025,Wijk,helmond-west,2025-04-02\n")
    assert read_corpus(root).transcripts[0].meta.wijk == "Helmond-West"


def test_metadata_csv_row_for_missing_file(tmp_path):
    root = tmp_path / "interviews"
    write(root, "a.txt", "Jaar: 2025\nType: wijk\nWijk: stad\n\nA: b\n")
    write(root, "metadata.csv", "file,year\nverkeerd.txt,2025\n")
    with pytest.raises(CorpusErrors) as info:
        read_corpus(root)
    assert [(e.code, e.path, e.line) for e in info.value.errors] == [("N111", "metadata.csv", 2)]


# --- bad input ----------------------------------------------------------------------------------

META = "---\nyear: 2025\ntype: wijk\nwijk: stad\n---\n"


@pytest.mark.parametrize("rel, content, code, fragment", [
    ("2025/leeg.txt", b"", "N101", "leeg"),
    ("2025/spaties.md", b" \r\n\n", "N101", "leeg"),
    ("2025/binair.txt", b"Sanne: \x00\x01\x02\xff", "N102", "binair"),
    ("2025/ongeldig.txt", b"A: \x81\x8d\x8f\x90", "N102", "Windows-1252"),
    ("2025/gemengd.txt", "A: ë ".encode() + "’".encode("cp1252"), "N102", "gemengde codering"),
    ("2025/kapot.docx", b"PK\x03\x04 afgekapt", "N103", ".docx"),
    ("2025/leeg.docx", b"", "N101", "leeg"),
    ("2025/foto.jpg", b"\xff\xd8\xff", "N106", "'.jpg'"),
    ("2025/zonder.txt", "---\nyear: 2025\ntype: wijk\n---\nA: b\n", "N105", "'wijk' ontbreekt"),
    ("2025/jaar.txt", "---\nyear: twintig\ntype: wijk\nwijk: stad\n---\nA: b\n", "N104", "'year' is geen jaartal ('twintig')"),
    ("2025/oud.txt", "---\nyear: 1995\ntype: wijk\nwijk: stad\n---\nA: b\n", "N104", "plausibel"),
    ("2025/wijk.txt", "---\nyear: 2025\ntype: wijk\nwijk: west\n---\nA: b\n", "N104", "'wijk' is 'west'"),
    ("2025/datum.txt", "---\nyear: 2025\ntype: wijk\nwijk: stad\ndate: 31-02-2025\n---\nA: b\n", "N104", "geen datum"),
    ("2025/alleen.txt", META + "\n\n", "N108", "geen spreekbeurten"),
    ("2025/alleenmeta.md", META + "\n# kop\n\n---\n", "N108", "geen spreekbeurten"),
    ("2025/yaml.txt", "---\ntitle: Gesprek: West\nyear: 2025\n---\nA: b\n", "N112", "YAML"),
    ("2025/open.txt", "---\nyear: 2025\nA: b\n", "N112", "niet afgesloten"),
    ("2025/leeg.vtt", "WEBVTT\n\nNOTE year=2025 type=wijk wijk=stad\n", "N107", "geen cues"),
    ("2025/geenkop.vtt", "00:00:01.000 --> 00:00:02.000\nhoi\n", "N114", "WEBVTT"),
    ("2025/tijd.srt", "1\n00:00:01 --> 00:00:02\nA: hoi\n", "N114", "tijdcode"),
    ("2025/leeg.srt", "# year=2025 type=wijk wijk=stad\n", "N107", "geen ondertitels"),
])
def test_bad_input(tmp_path, rel, content, code, fragment):
    error = error_of(tmp_path, rel, content)
    assert error.code == code and error.path == rel
    assert error.message.startswith(f"[{code}] {rel}")
    assert fragment in error.message


def test_invalid_type_message_names_file_and_line(tmp_path):
    text = "---\nyear: 2025\ntype: buurt\nwijk: stad\n---\nA: b\n"
    error = error_of(tmp_path, "2025/groep.txt", text)
    assert error.message == "[N104] 2025/groep.txt, regel 3: 'type' is 'buurt'; kies 'partnergroep' of 'wijk'"


def test_year_defaults_to_date_and_hint_per_format(tmp_path):
    t = read_one(tmp_path, "d.vtt", "WEBVTT\n\nNOTE type=wijk wijk=Helmond-Oost date=12-3-2026\n\n00:00:01.000 --> 00:00:02.000\nhoi\n")
    assert (t.meta.year, t.meta.date) == (2026, dt.date(2026, 3, 12)) and t.turns[0].speaker is None
    error = error_of(tmp_path, "e.docx", docx_bytes(tmp_path, ["Jaar: 2025", "Wijk: stad", "A: b"]))
    assert error.code == "N105" and "'type' ontbreekt" in error.message and "'Type: ...'" in error.message


def test_messages_never_hold_transcript_text(tmp_path):
    bad = [
        ("a.txt", f"---\nyear: 2025\ntype: buurt\nwijk: stad\n---\n{NAME}: geheim\n"),
        ("b.txt", f"---\nyear: 2025\ntype: wijk\n---\n{NAME}: geheim\n"),
        ("c.srt", f"1\n00:00:01 --> 00:00:02\n{NAME}: geheim\n"),
        ("d.txt", f"---\ntitle: {NAME}: geheim\n---\n"),
    ]
    for rel, content in bad:
        error = error_of(tmp_path, rel, content)
        assert NAME not in error.message and "geheim" not in error.message


# --- corpus -------------------------------------------------------------------------------------

def _corpus(root: Path) -> None:
    write(root, "2025/avond.txt", TXT)
    write(root, "2025/leeg.txt", b"")
    write(root, "2026/teams.vtt", VTT)
    write(root, "2026/notities.pdf", b"%PDF-1.4")
    write(root, "README.md", "# Uitleg\n")
    write(root, ".verborgen.txt", "x")
    write(root, ".git/config", "x")
    write(root, "2025/~$avond.docx", b"\x00lock")


def test_corpus_reports_all_bad_files(tmp_path):
    root = tmp_path / "interviews"
    _corpus(root)
    with pytest.raises(CorpusErrors) as info:
        read_corpus(root)
    errors = info.value.errors
    assert [(e.code, e.path) for e in errors] == [("N101", "2025/leeg.txt"), ("N106", "2026/notities.pdf")]
    assert info.value.code == "N100"
    assert "2025/leeg.txt" in info.value.message and "2026/notities.pdf" in info.value.message


def test_corpus_skip_invalid_and_formats(tmp_path):
    root = tmp_path / "interviews"
    _corpus(root)
    result = read_corpus(root, skip_invalid=True)
    assert [t.source for t in result.transcripts] == ["2025/avond.txt", "2026/teams.vtt"]
    assert sorted(e.path for e in result.skipped) == ["2025/leeg.txt", "2026/notities.pdf"]
    assert all(isinstance(e, InterviewError) for e in result.skipped)
    only_vtt = read_corpus(root, formats=("vtt",), skip_invalid=True)
    assert [t.format for t in only_vtt.transcripts] == ["vtt"]
    assert "2025/avond.txt" in only_vtt.not_selected  # readable, but not asked for: reported, not read
    with pytest.raises(InputError) as info:
        read_corpus(root, formats=("pdf",))
    assert info.value.code == "N106"


def test_duplicate_doc_ids(tmp_path):
    root = tmp_path / "interviews"
    write(root, "2025/avond.txt", TXT)
    write(root, "2026/avond.md", TXT)
    write(root, "2026/teams.vtt", VTT)
    with pytest.raises(CorpusErrors) as info:
        read_corpus(root)
    assert {(e.code, e.path) for e in info.value.errors} == {("N110", "2025/avond.txt"), ("N110", "2026/avond.md")}
    assert [t.doc for t in read_corpus(root, skip_invalid=True).transcripts] == ["teams"]


def test_missing_folder(tmp_path):
    with pytest.raises(InputError) as info:
        read_corpus(tmp_path / "bestaat-niet")
    assert info.value.code == "N115"


def test_reading_changes_nothing(tmp_path):
    root = tmp_path / "interviews"
    _corpus(root)
    write(root, "2025/oost.docx", docx_bytes(tmp_path, ["Jaar: 2025", "Type: wijk", "Wijk: stad", "A: b"]))
    write(root, "2025/station.srt", SRT)
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in tmp_path.rglob("*") if p.is_file()}
    read_corpus(root, skip_invalid=True)
    with pytest.raises(CorpusErrors):
        read_corpus(root)
    after = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in tmp_path.rglob("*") if p.is_file()}
    assert after == before


def test_summary_rows_and_totals(tmp_path):
    root = tmp_path / "interviews"
    write(root, "2025/avond.txt", TXT)
    write(root, "2025/station.srt", SRT)
    write(root, "2026/teams.vtt", VTT)
    summary = summarise(read_corpus(root).transcripts)
    rows = summary.to_json_rows()
    assert all(list(r) == ["file", "year", "type", "wijk", "turns", "words"] for r in rows)
    assert [r["file"] for r in rows] == ["2025/avond.txt", "2025/station.srt", "2026/teams.vtt"]
    assert rows[1] == {"file": "2025/station.srt", "year": 2025, "type": "wijk", "wijk": "Binnenstad",
                       "turns": 3, "words": 19}
    assert [(g.value, g.files) for g in summary.by_year] == [(2025, 2), (2026, 1)]
    assert [(g.value, g.files) for g in summary.by_type] == [("partnergroep", 1), ("wijk", 2)]
    assert summary.total.words == sum(r["words"] for r in rows)
    assert NAME not in json.dumps(rows)


DEMO = Path(__file__).resolve().parents[2] / "narratief" / "demo" / "interviews"


@pytest.mark.skipif(not DEMO.is_dir(), reason="demo corpus not present")
def test_demo_corpus_reads(tmp_path):
    result = read_corpus(DEMO)
    assert len(result.transcripts) >= 2
    assert all(t.turns and t.words > 0 for t in result.transcripts)
    assert {t.meta.year for t in result.transcripts} >= {2024, 2025} or len({t.meta.year for t in result.transcripts}) >= 2


def test_lowercase_label_counts_only_when_it_recurs(tmp_path):
    text = (META + "Petra: Het gaat goed.\n\nwoCom: Minder klachten.\n\nPetra: Mooi.\n\nwoCom: Ja.\n\n"
            "vorige week: was het rustig.\n")
    t = read_one(tmp_path, "corporatie.md", text)
    assert [x.speaker for x in t.turns] == ["Petra", "woCom", "Petra", "woCom", "woCom"]
    assert t.turns[-1].text == "vorige week: was het rustig."


def test_plain_overrides_and_utf16(tmp_path):
    body = "Ouder: Wij wonen in de Bloemenbuurt, dat is prima.\r\n"
    t = read_one(tmp_path, "teams.txt", b"\xff\xfe" + body.encode("utf-16-le"),
                 overrides={"jaar": 2025, "type": "wijk", "wijk": "helmond-oost", "datum": dt.date(2025, 1, 2)})
    assert (t.meta.year, t.meta.wijk, t.meta.date) == (2025, "Helmond-Oost", dt.date(2025, 1, 2))
    assert t.turns[0].speaker == "Ouder" and t.turns[0].text.endswith("prima.")


def test_truncated_real_docx_and_broken_metadata_csv(tmp_path):
    data = docx_bytes(tmp_path, ["Jaar: 2025", "Type: wijk", "Wijk: stad", "A: b"])
    error = error_of(tmp_path, "half.docx", data[: len(data) // 2])
    assert error.code == "N103" and error.path == "half.docx"
    root = tmp_path / "interviews"
    write(root, "metadata.csv", "file;jaar;wjik\nhalf.docx;2025;stad\n")
    with pytest.raises(InputError) as info:
        read_corpus(root, skip_invalid=True)
    assert info.value.code == "N111" and "'wjik'" in info.value.message
