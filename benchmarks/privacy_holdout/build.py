"""Build the held-out privacy corpus (corpus/) and its annotation (truth.json) from src/*.src.

    python benchmarks/privacy_holdout/build.py

Two rounds: `src/` (five transcripts, written before the pseudonymiser was run on them; the
mechanisms were then fixed while reading their leaks, so they are no longer held out) and
`round2/src/` (two transcripts written after those fixes and measured once), each built into its
own corpus/ and truth.json; `round3/src/` (one transcript written after round 2's fixes) and
`round4/src/` (three transcripts: txt, vtt, docx, written after round 3's fixes) and `round5/src/`
(three more: txt with timestamps, vtt, docx, written after round 4's fixes) likewise, and
`round6/src/` (three: a Whisper json without speakers, an srt with `Naam:` cues, a Zoom vtt, written
after round 5's fixes), and
`round7/src/` (three: minutes of a partner meeting in txt without speaker labels, an interview in
docx with initials as labels, a Markdown file with bold labels; written after round 6's fixes), and
`round8/src/` (three: a WhatsApp group export pasted into a txt, a telephone interview typed into a
two-column docx table, a youth conversation typed with `JW:`/`J1:` codes and wrapped lines; written
after round 7's fixes), and `round9/src/` (three: an interview in srt that opens with an informed-consent
text read aloud, a wijkagent's weekly handover in txt with role-and-surname labels, a teachers' pupil
meeting in a Teams vtt; written after round 8's fixes), and `round10/src/` (three: a care meeting in rtf
where a mentor reads her notes aloud, labels "<full name>, <role and organisation>"; a parents' group
interview typed into a spreadsheet saved as csv `Spreker;Tekst`; a neighbour mediation recorded with
Otter, its txt export with `Name  m:ss` headers and `Speaker N`; written after round 9's fixes).

Source format (UTF-8), one file per transcript:
  @key: value      header: file, year, type, wijk, date, title,
                   format (txt | md (Markdown, `**Naam:**` labels) | vtt | docx | srt | zoom (a Zoom vtt: numbered cues `Naam: text`) |
                   chat (a WhatsApp export in a txt: `dd-mm-yyyy hh:mm - Naam: text`, one message a line;
                   LABEL `-` is a system line) |
                   json (Whisper json, no speakers; metadata goes to corpus/metadata.csv) |
                   rtf (WordPad-style rtf: `Jaar: ...` paragraphs, then bold `Naam:` labels; cp1252 escapes) |
                   csv (a spreadsheet saved as csv, UTF-8 with BOM, `Spreker;Tekst`; metadata to corpus/metadata.csv) |
                   otter (an Otter.ai txt export: `Naam  m:ss` then the text, after the txt front matter)),
                   encoding (utf-8 | cp1252-crlf, txt only), timestamps (yes | no, txt only),
                   bold (yes | no, docx only: speaker labels in bold),
                   table (yes | no, docx only: the turns in a two-column table speaker | text),
                   wrap (a line width, txt only: each turn's text wrapped, continuation lines unindented),
                   keep (programme terms and ordinary words that must survive, separated by ';')
  LABEL :: text    one speaker turn; personal details inline as [[surface|cat]], also in LABEL;
                   LABEL `-` is a turn without a speaker (Whisper; a plain paragraph in txt)
  cat: p person, n nickname, a address, pc postcode, ph phone, e email, b bsn, d birthdate,
       h handle, pl plate, ag age, ib iban, cs case (zaak-, dossier- or registratienummer)

truth.json has the structure of the evaluation set's truth.json (files with pii, keep and turns);
themes and lenses are not annotated here (this corpus measures privacy only).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import textwrap
import zipfile
from pathlib import Path

import docx

HERE = Path(__file__).resolve().parent
CATS = {"p": "person", "n": "nickname", "a": "address", "pc": "postcode", "ph": "phone", "e": "email",
        "b": "bsn", "d": "birthdate", "h": "handle", "pl": "plate", "ag": "age", "ib": "iban", "cs": "case"}
SPAN = re.compile(r"\[\[([^|\]]+)\|([a-z]+)\]\]")


def plain(marked: str) -> str:
    return SPAN.sub(lambda m: m.group(1), marked)


def masked(marked: str) -> str:
    return SPAN.sub(lambda m: " " * len(m.group(1)), marked)


def parse(path: Path) -> dict:
    head, turns = {}, []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        if line.startswith("@"):
            key, _, value = line[1:].partition(":")
            head[key.strip()] = value.strip()
        else:
            label, sep, text = line.partition(" :: ")
            assert sep, f"{path.name}: no ' :: ' in {line[:40]!r}"
            turns.append((label.strip(), text.strip()))
    return {"head": head, "turns": turns}


def stamp(seconds: int) -> str:
    return f"{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


def write_txt(path: Path, head: dict, turns: list[tuple[str, str]]) -> None:
    lines = ["---", f"year: {head['year']}", f"type: {head['type']}", f"wijk: {head['wijk']}",
             f"date: {head['date']}", f'title: "{head["title"]}"', "---", ""]
    clock = 7
    for label, text in turns:
        prefix = f"[{stamp(clock)}] " if head.get("timestamps") == "yes" else ""
        line = f"{prefix}{label}: {text}" if label else f"{prefix}{text}"  # `-`: minutes without speakers
        if head.get("wrap"):  # typed with hard line breaks
            line = "\n".join(textwrap.wrap(line, int(head["wrap"]), break_long_words=False, break_on_hyphens=False))
        lines += [line, ""]
        clock += 4 + len(text.split()) // 3
    body = "\n".join(lines)
    if head.get("encoding") == "cp1252-crlf":
        path.write_bytes(body.replace("\n", "\r\n").encode("cp1252"))
    else:
        path.write_text(body, encoding="utf-8")


def write_chat(path: Path, head: dict, turns: list[tuple[str, str]]) -> None:
    lines = ["---", f"year: {head['year']}", f"type: {head['type']}", f"wijk: {head['wijk']}",
             f"date: {head['date']}", f'title: "{head["title"]}"', "---", ""]
    moment = dt.datetime.fromisoformat(head["date"]) + dt.timedelta(hours=19, minutes=2)
    for i, (label, text) in enumerate(turns):
        when = moment.strftime("%d-%m-%Y %H:%M")
        lines.append(f"{when} - {label}: {text}" if label else f"{when} - {text}")
        moment += dt.timedelta(minutes=(i * 7) % 23 + 1)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_md(path: Path, head: dict, turns: list[tuple[str, str]]) -> None:
    lines = ["---", f"year: {head['year']}", f"type: {head['type']}", f"wijk: {head['wijk']}",
             f"date: {head['date']}", f'title: "{head["title"]}"', "---", "", f"# {head['title']}", ""]
    for label, text in turns:
        lines += [f"**{label}:** {text}", ""]
    path.write_text("\n".join(lines), encoding="utf-8")


def write_vtt(path: Path, head: dict, turns: list[tuple[str, str]]) -> None:
    lines = ["WEBVTT", "", f"NOTE year={head['year']} type={head['type']} wijk={head['wijk']} "
             f"date={head['date']} title=\"{head['title']}\"", ""]
    clock = 3.0
    for i, (label, text) in enumerate(turns):
        end = clock + 2 + len(text.split()) * 0.4
        fmt = lambda s: f"{int(s // 3600):02d}:{int(s // 60 % 60):02d}:{s % 60:06.3f}"
        lines += [f"{i:04x}a1c-{i * 7919 % 65536:04x}/{i % 90}-0", f"{fmt(clock)} --> {fmt(end)}",
                  f"<v {label}>{text}</v>", ""]
        clock = end + 1.3
    path.write_text("\n".join(lines), encoding="utf-8")


def _srt_time(seconds: float) -> str:
    ms = round(seconds * 1000)
    return f"{ms // 3600000:02d}:{ms // 60000 % 60:02d}:{ms // 1000 % 60:02d},{ms % 1000:03d}"


def write_srt(path: Path, head: dict, turns: list[tuple[str, str]]) -> None:
    lines = [f"# year={head['year']} type={head['type']} wijk={head['wijk']} date={head['date']} "
             f"title=\"{head['title']}\"", ""]
    clock = 0.6
    for i, (label, text) in enumerate(turns, start=1):
        end = clock + 1.5 + len(text.split()) * 0.37
        lines += [str(i), f"{_srt_time(clock)} --> {_srt_time(end)}", f"{label}: {text}", ""]
        clock = end + 0.4
    path.write_text("\n".join(lines), encoding="utf-8")


def write_zoom(path: Path, head: dict, turns: list[tuple[str, str]]) -> None:
    lines = ["WEBVTT", "", f"NOTE year={head['year']} type={head['type']} wijk={head['wijk']} "
             f"date={head['date']} title=\"{head['title']}\"", ""]
    clock = 1.2
    for i, (label, text) in enumerate(turns, start=1):
        end = clock + 1.8 + len(text.split()) * 0.35
        fmt = lambda s: f"{int(s // 3600):02d}:{int(s // 60 % 60):02d}:{s % 60:06.3f}"
        lines += [str(i), f"{fmt(clock)} --> {fmt(end)}", f"{label}: {text}", ""]
        clock = end + 0.9
    path.write_text("\n".join(lines), encoding="utf-8")


def write_json(path: Path, head: dict, turns: list[tuple[str, str]]) -> None:
    segments, clock = [], 0.0
    for i, (_, text) in enumerate(turns):
        end = round(clock + 1.2 + len(text.split()) * 0.31, 2)
        segments.append({"id": i, "seek": int(clock * 100) // 3000 * 3000, "start": clock, "end": end,
                         "text": f" {text}", "temperature": 0.0, "avg_logprob": -0.41,
                         "compression_ratio": 1.38, "no_speech_prob": 0.02})
        clock = round(end + 0.3, 2)
    whole = "".join(s["text"] for s in segments)
    path.write_text(json.dumps({"text": whole, "segments": segments, "language": "nl"}), encoding="utf-8")


def _rtf_escape(text: str) -> str:
    out = []
    for ch in text:
        if ch in "\\{}":
            out.append("\\" + ch)
        elif ord(ch) < 128:
            out.append(ch)
        else:
            try:
                out.append("".join(f"\\'{b:02x}" for b in ch.encode("cp1252")))
            except UnicodeEncodeError:  # outside the code page: \uN with a '?' fallback, per UTF-16 unit
                units = ch.encode("utf-16-le")
                for i in range(0, len(units), 2):
                    n = int.from_bytes(units[i:i + 2], "little")
                    out.append(f"\\u{n - 65536 if n > 32767 else n}?")
    return "".join(out)


def write_rtf(path: Path, head: dict, turns: list[tuple[str, str]]) -> None:
    lines = [r"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\fswiss Calibri;}}{\*\generator Riched20 10.0.19041}\viewkind4\uc1",
             r"\pard\sa200\sl276\slmult1\f0\fs22\lang1043"]
    for key, name in (("year", "Jaar"), ("type", "Type"), ("wijk", "Wijk"), ("date", "Datum"), ("title", "Titel")):
        lines.append(_rtf_escape(f"{name}: {head[key]}") + r"\par")
    for label, text in turns:
        lines.append(r"{\b " + _rtf_escape(f"{label}:") + r"}\b0  " + _rtf_escape(text) + r"\par")
    lines.append("}")
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("ascii"))


def write_csv(path: Path, head: dict, turns: list[tuple[str, str]]) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(["Spreker", "Tekst"])
    writer.writerows(turns)
    path.write_bytes(buffer.getvalue().encode("utf-8-sig"))


def write_otter(path: Path, head: dict, turns: list[tuple[str, str]]) -> None:
    lines = ["---", f"year: {head['year']}", f"type: {head['type']}", f"wijk: {head['wijk']}",
             f"date: {head['date']}", f'title: "{head["title"]}"', "---", ""]
    clock = 2
    for label, text in turns:
        lines += [f"{label}  {clock // 60}:{clock % 60:02d}  ", text, ""]
        clock += 5 + len(text.split()) // 2
    path.write_text("\n".join(lines), encoding="utf-8")


def write_docx(path: Path, head: dict, turns: list[tuple[str, str]]) -> None:
    document = docx.Document()
    for key, name in (("year", "Jaar"), ("type", "Type"), ("wijk", "Wijk"), ("date", "Datum"), ("title", "Titel")):
        document.add_paragraph(f"{name}: {head[key]}")
    if head.get("table") == "yes":  # a hand-typed two-column table: speaker | text
        table = document.add_table(rows=0, cols=2)
        for label, text in turns:
            row = table.add_row().cells
            row[0].text, row[1].text = label, text
    else:
        for label, text in turns:
            paragraph = document.add_paragraph()
            paragraph.add_run(f"{label}:").bold = head.get("bold", "yes") != "no"
            paragraph.add_run(f" {text}")
    document.core_properties.author = "onderzoeker"
    stamp = dt.datetime(int(head["year"]), 1, 1)
    document.core_properties.created = document.core_properties.modified = stamp  # same bytes every build
    buffer = io.BytesIO()
    document.save(buffer)
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():  # fixed member times: the same bytes on every build
            target.writestr(zipfile.ZipInfo(item.filename, date_time=(int(head["year"]), 1, 1, 0, 0, 0)), source.read(item))


def build(folder: Path) -> None:
    """`folder`/src/*.src -> `folder`/corpus/ and `folder`/truth.json."""
    corpus = folder / "corpus"
    corpus.mkdir(exist_ok=True)
    files, metadata = [], []
    for src in sorted((folder / "src").glob("*.src")):
        parsed = parse(src)
        head, marked = parsed["head"], parsed["turns"]
        turns = [("" if label == "-" else plain(label), plain(text)) for label, text in marked]
        writers = {"txt": write_txt, "vtt": write_vtt, "docx": write_docx, "srt": write_srt, "zoom": write_zoom,
                   "json": write_json, "md": write_md, "chat": write_chat,
                   "rtf": write_rtf, "csv": write_csv, "otter": write_otter}
        writers[head["format"]](corpus / head["file"], head, turns)
        if head["format"] in ("json", "csv"):  # Whisper and a csv table have no metadata of their own
            metadata.append([head[k] for k in ("file", "year", "type", "wijk", "date", "title")])
        pii, seen = [], set()
        for label, text in marked:
            for m in SPAN.finditer(label + " " + text):
                item = (m.group(1), CATS[m.group(2)])
                if item not in seen:
                    seen.add(item)
                    pii.append({"text": item[0], "category": item[1]})
        keep = [k.strip() for k in head.get("keep", "").split(";") if k.strip()]
        outside = "\n".join(masked(label) + " " + masked(text) for label, text in marked)
        for term in keep:
            assert re.search(rf"(?<!\w){re.escape(term)}(?!\w)", outside, re.I), f"{src.name}: keep {term!r} absent"
        files.append({
            "file": head["file"], "year": int(head["year"]), "type": head["type"], "wijk": head["wijk"],
            "date": head["date"], "title": head["title"], "format": {"zoom": "vtt", "chat": "txt", "otter": "txt"}.get(head["format"], head["format"]),
            "encoding": head.get("encoding", "utf-8"), "n_turns": len(turns),
            "n_words": sum(len(t.split()) for _, t in turns), "pii": pii, "keep": keep,
            "turns": [{"turn": i, "speaker": label, "themes": [], "lenses": []} for i, (label, _) in enumerate(turns)],
        })
    if metadata:
        with (corpus / "metadata.csv").open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(["file", "year", "type", "wijk", "date", "title"])
            writer.writerows(metadata)
    truth = {"files": files, "trends": [], "theme_counts_per_year": {},
             "notes": ["Held-out privacy corpus for narratief, written before the pseudonymiser was run on it. "
                       "All persons, numbers, addresses, accounts and cases are invented; public places, "
                       "organisations, schools, clubs and employers are not personal data (some are in 'keep').",
                       "Themes and lenses are not annotated (empty lists): this corpus measures privacy only.",
                       "Category 'case' (zaak-, dossier-, registratie- and meldnummers) is added to the "
                       "evaluation set's categories."]}
    (folder / "truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    for f in files:
        print(f"{f['file']}: {f['n_turns']} beurten, {f['n_words']} woorden, {len(f['pii'])} details, {len(f['keep'])} termen")


if __name__ == "__main__":
    for part in (HERE, *sorted(p for p in HERE.glob("round*") if (p / "src").is_dir())):
        print(f"== {part.relative_to(HERE.parent)}")
        build(part)
