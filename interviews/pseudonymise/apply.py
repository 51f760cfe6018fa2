"""Apply: replace findings with pseudonyms and build `PseudonymisedTranscript` records.

Also writes the stage's artifacts: `output/pseudo/<doc>.json` and the readable
`output/transcripten/<doc>.txt` (metadata on top, one `Label: text` turn per paragraph).
"""

from __future__ import annotations

import dataclasses
import json
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path

from interviews.records import PseudonymisedTranscript, Transcript, Turn
from nlp.io import write_text

from .findings import Finding
from .pseudonyms import PseudonymAssigner


def resolve_overlaps(findings: Sequence[Finding]) -> list[Finding]:
    """Non-overlapping findings of one field: longest first, then highest score, then earliest."""
    chosen: list[Finding] = []
    for f in sorted(findings, key=lambda f: (-(f.end - f.start), -f.score, f.start)):
        if all(f.end <= c.start or f.start >= c.end for c in chosen):
            chosen.append(f)
    return sorted(chosen, key=lambda f: f.start)


def replace(text: str, findings: Sequence[Finding], assigner: PseudonymAssigner, counts: Counter[str]) -> str:
    """`text` with every (non-overlapping) finding replaced by its pseudonym."""
    out, pos = [], 0
    for f in resolve_overlaps(findings):
        out.append(text[pos : f.start])
        out.append(assigner.pseudonym(f.category, f.text))
        counts[f.category] += 1
        pos = f.end
    out.append(text[pos:])
    return "".join(out)


def apply_findings(
    transcripts: Sequence[Transcript], findings: Sequence[Finding], assigner: PseudonymAssigner
) -> tuple[PseudonymisedTranscript, ...]:
    """Pseudonymise every transcript with the given (already decided) findings.

    Transcripts are processed in the given order, turns in file order, so person numbers are
    assigned deterministically.
    """
    by_field: dict[tuple[str, int, str], list[Finding]] = defaultdict(list)
    for f in findings:
        by_field[(f.doc, f.turn, f.field)].append(f)
    out = []
    for t in transcripts:
        counts: Counter[str] = Counter()
        turns = []
        for turn in t.turns:
            speaker = turn.speaker
            if speaker:
                speaker = replace(speaker, by_field.get((t.doc, turn.index, "speaker"), []), assigner, counts)
            text = replace(turn.text, by_field.get((t.doc, turn.index, "text"), []), assigner, counts)
            turns.append(Turn(index=turn.index, speaker=speaker, text=text, timestamp=turn.timestamp, line=turn.line))
        meta = t.meta
        if meta.title:
            title = replace(meta.title, by_field.get((t.doc, -1, "title"), []), assigner, counts)
            meta = dataclasses.replace(meta, title=title)
        out.append(
            PseudonymisedTranscript(
                doc=t.doc, source=t.source, meta=meta, turns=tuple(turns), sha256=t.sha256,
                format=t.format, pseudonym_counts=dict(sorted(counts.items())),
            )
        )
    return tuple(out)


def write_outputs(transcripts: Sequence[PseudonymisedTranscript], output_dir: Path) -> list[Path]:
    """Write `pseudo/<doc>.json` and `transcripten/<doc>.txt` under `output_dir`, atomically.

    Returns:
        The paths written.
    """
    written = []
    for t in transcripts:
        json_path = output_dir / "pseudo" / f"{t.doc}.json"
        write_text(json_path, json.dumps(t.to_dict(), ensure_ascii=False, indent=1))
        txt_path = output_dir / "transcripten" / f"{t.doc}.txt"
        write_text(txt_path, t.to_text())
        written += [json_path, txt_path]
    return written
