"""The pseudonymisation stage: detect -> decide -> apply, with the key and the review file.

The CLI (`narratief pseudonymise MAP`, `narratief herleid MAP "[Persoon 07]"`) calls
`pseudonymise_corpus`, `write_outputs`, `check_output` (or `check_for_leaks`) and `reidentify` with explicit arguments.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from interviews.records import PseudonymisedTranscript, Transcript

from .apply import apply_findings
from .detect import Detector, ner_backend
from .detection_cache import DetectionCache
from .findings import Finding
from interviews.profiles import Profile

from .keep import ProtectedVocabulary
from .keystore import PseudonymKey
from .leakcheck import check_for_leaks
from .pseudonyms import DEFAULT_STYLE, PseudonymAssigner, PseudonymStyle
from .review import read_decisions, write_review


@dataclass(frozen=True)
class PseudonymisationResult:
    """What the stage produced.

    Attributes:
        transcripts: the pseudonymised transcripts (the only transcript type later stages get).
        findings: the findings that were applied (RAW data: keep inside `interviews/`).
        counts: category -> number of replacements over the corpus.
        review_rows: rows in `bevindingen.csv`.
        backend: detection backends that ran (for the run manifest).
        persons: number of distinct persons in the key after this run.
        detected: doc ids whose per-document detection ran in this run (all of them without a
            cache; with one, the new and changed documents).
        cached: number of documents whose per-document findings came from the detection cache.
    """

    transcripts: tuple[PseudonymisedTranscript, ...]
    findings: tuple[Finding, ...]
    counts: dict[str, int]
    review_rows: int
    backend: str
    persons: int
    detected: tuple[str, ...] = ()
    cached: int = 0


def _as_terms(terms: Mapping[str, str] | Iterable[str]) -> dict[str, str]:
    if isinstance(terms, Mapping):
        return {str(k): str(v) for k, v in terms.items()}
    return {str(t): "persoon" for t in terms}


def pseudonymise_corpus(
    transcripts: Sequence[Transcript],
    key: PseudonymKey,
    *,
    review_path: Path,
    allow: Iterable[str] = (),
    deny: Mapping[str, str] | Iterable[str] = (),
    protected_terms: Iterable[str] = (),
    style: PseudonymStyle = DEFAULT_STYLE,
    progress: Callable[[str], None] | None = None,
    use_ner: bool = True,
    save_key: bool = True,
    profile: Profile | None = None,
    cache_dir: Path | None = None,
) -> PseudonymisationResult:
    """Pseudonymise a corpus consistently with (and into) the key.

    Args:
        transcripts: raw transcripts (all years in the run), in a stable order.
        key: the opened key (`open_key`); new persons/originals are added and it is saved.
        review_path: `bevindingen.csv` in the key folder; rewritten, keeping users' decisions.
        allow: terms never redacted (`privacy/toestaan.txt`).
        deny: terms always redacted (`privacy/weigeren.txt`): term -> category, or plain terms
            (category "persoon").
        protected_terms: extra programme vocabulary to keep (e.g. every codebook keyword); the
            built-in list from the domain brief is always included.
        style: how pseudonyms look.
        progress: called with short Dutch status lines (no personal data).
        use_ner: add spaCy NER when `nl_core_news_lg` is installed.
        save_key: write the key file after applying (default).
        profile: the municipality profile (protected names, street suffixes, name particles).
        cache_dir: folder for the per-document detection cache (`detection_cache.py`), sealed with
            the key; keep it next to the key, never under `output/`. Documents whose content and
            detection settings are unchanged skip detection (deduce is then not even loaded); the
            corpus-wide steps (name propagation, ages, decisions, review file, apply) still run over
            every document, so the result is the same as without a cache. Entries of documents not
            in `transcripts` are removed. None: no cache.

    Returns:
        A `PseudonymisationResult`.

    Raises:
        PseudonymisationError: N2xx on an unreadable review/list file or key write failure.

    Example:
        >>> key = open_key(key_dir / "sleutel.bin", passphrase)  # doctest: +SKIP
        >>> result = pseudonymise_corpus(corpus.transcripts, key,
        ...     review_path=key_dir / "bevindingen.csv", allow=set(), deny=set(),
        ...     protected_terms=codebook_keywords)  # doctest: +SKIP
        >>> write_outputs(result.transcripts, workspace / "output")  # doctest: +SKIP
    """
    decisions = read_decisions(review_path, key)
    deny_terms = _as_terms(deny)
    for text, category in decisions.confirmed_terms().items():
        deny_terms.setdefault(text, category)
    protected = ProtectedVocabulary.build({*protected_terms, *allow}, profile=profile)
    known = [name for names in key.persons.values() for name in names]
    detector = Detector(protected, deny=deny_terms, known_names=known, use_ner=use_ner, profile=profile)
    cache = DetectionCache(cache_dir, key, detector.fingerprint()) if cache_dir is not None else None
    findings = detector.detect(transcripts, progress=progress, cache=cache)
    detected = tuple(cache.detected) if cache is not None else tuple(t.doc for t in transcripts)
    if progress and cache is not None:
        progress(f"{len(cache.cached)} documenten uit de cache, {len(detected)} opnieuw doorzocht")
    texts: dict[tuple[str, int, str], str] = {}
    for t in transcripts:
        if t.meta.title:
            texts[(t.doc, -1, "title")] = t.meta.title
        for turn in t.turns:
            texts[(t.doc, turn.index, "text")] = turn.text
            if turn.speaker:
                texts[(t.doc, turn.index, "speaker")] = turn.speaker
    if progress:
        progress("bevindingen bijwerken")
    rows = write_review(review_path, findings, texts, key)
    applied = [f for f in findings if not decisions.rejected(f)]
    assigner = PseudonymAssigner(key, style)
    result = apply_findings(transcripts, applied, assigner)
    names = [f.text for f in applied if f.category in {"persoon", "handle"}] + known
    result = tuple(_opaque_document(t, detector, key, names) for t in result)
    if save_key:
        key.save()
    counts: Counter[str] = Counter()
    for t in result:
        counts.update(t.pseudonym_counts)
    return PseudonymisationResult(
        transcripts=result,
        findings=tuple(applied),
        counts=dict(sorted(counts.items())),
        review_rows=rows,
        backend=ner_backend() if use_ner else ner_backend().split(" + spaCy")[0],
        persons=len(key.persons),
        detected=detected,
        cached=len(cache.cached) if cache is not None else 0,
    )


DOCUMENT_KEY = "document"
"""Key section holding file stems that contained personal data; the index gives the opaque id."""


def document_id(key: PseudonymKey, stem: str) -> str:
    """The opaque id for a stem with personal data ("document-003"), stable through the key."""
    stems = key.others.setdefault(DOCUMENT_KEY, [])
    if stem not in stems:
        stems.append(stem)
    return f"document-{stems.index(stem) + 1:03d}"


def _opaque_document(
    t: PseudonymisedTranscript, detector: Detector, key: PseudonymKey, names: Sequence[str]
) -> PseudonymisedTranscript:
    """Replace the document id (and the source file name) when the stem holds personal data."""
    if t.doc not in key.others.get(DOCUMENT_KEY, []) and not detector.stem_has_personal_data(t.doc, names):
        return t
    doc = document_id(key, t.doc)
    folder, _, name = t.source.rpartition("/")
    suffix = name[len(t.doc):] if name.startswith(t.doc) else ""
    folder = "/".join(part for part in folder.split("/") if part and not detector.stem_has_personal_data(part, names))
    return dataclasses.replace(t, doc=doc, source=(f"{folder}/" if folder else "") + doc + suffix)


def check_output(
    output_dir: Path,
    key: PseudonymKey,
    *,
    review_path: Path | None = None,
    allow: Iterable[str] = (),
    deny: Mapping[str, str] | Iterable[str] = (),
    protected_terms: Iterable[str] = (),
    profile: Profile | None = None,
    clean_cache: Path | None = None,
    own_words: Iterable[str] = (),
) -> int:
    """The final leak check of a run, with the same settings the stage ran with (`clean_cache`,
    `own_words`: see `check_for_leaks`).

    Searches every file under `output_dir` for every original in the key, the deny list and the
    confirmed review decisions; protected terms (kept on purpose) are masked first.

    Returns:
        The number of files checked.

    Raises:
        LeakError: N220 naming the file(s), never the string.
    """
    extra = set(_as_terms(deny))
    if review_path is not None:
        extra |= set(read_decisions(review_path, key).confirmed_terms())
    protected = ProtectedVocabulary.build({*protected_terms, *allow}, profile=profile)
    return check_for_leaks(output_dir, key, extra=extra, protected=protected, clean_cache=clean_cache,
                           own_words=own_words)
