"""Detection: deduce as the base, own recognizers for speech, optional spaCy NER, propagation.

`Detector.detect(transcripts)` returns every `Finding` in turns, speaker labels and titles. It does
not decide or apply anything (that is `review.py` and `apply.py`).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from interviews.profiles import Profile, default_profile
from interviews.records import Transcript
from nlp.runtime import long_lived, package_version

from .findings import Finding, Span, normalise
from .keep import ProtectedVocabulary, is_role, role_words, subtract
from .ages import asks_age, asks_introductions
from .birthdates import find_birthdates
from .casing import is_uncased, recase
from .cues import find_handles, find_names, find_nicknames
from .deduce_setup import load_deduce
from .lexicon import FREQUENT_ZIPF, UNKNOWN_ZIPF, zipf
from .precision import ARTICLE_PARTICLES, weak_name_evidence_ok
from .recognizers import (
    RARE_FIRST_NAME_ZIPF,
    _BIRTH_CUE,
    find_ages,
    find_name_candidates,
    first_names,
    is_compound_word,
    is_plain_word,
    is_word,
    place_names,
    surnames,
    pattern_recognizers,
    stop_words,
    strip_possessive,
)

if TYPE_CHECKING:
    from .detection_cache import DetectionCache

DETECTION_VERSION = 1
"""Bump when detection changes in a way `_code_hash` does not see (e.g. a word list's meaning)."""

_DEDUCE_CATEGORY = {
    "persoon": "persoon",
    "patient": "persoon",
    "telefoonnummer": "telefoon",
    "emailadres": "email",
    "bsn": "bsn",
    "url": "url",
    "id": "nummer",
}
_TURN_SEP = "\n\n\n"
STRONG_CUE_RECOGNIZERS = frozenset({"bijnaam_context", "naam_gespeld", "naam_titel_initiaal"})  # a spelled name is letters, not words; "dhr. K." an initial
_UNITS = frozenset({"email", "handle"})  # a url keeps a protected place visible ("www.<gemeente>.nl/..."): public pages
_PLACE_BEFORE = re.compile(r"(?:^|\W)(?:in|naar|uit|richting)\s+$", re.IGNORECASE)
_POSTCODE = re.compile(r"[1-9]\d{3}\s?[A-Z]{2}")
_INITIALS = re.compile(r"(?:[A-Z]\.){1,3}")
_INITIALS_BEFORE = re.compile(r"(?<![\w.])(?:[A-Z]\.[ \t]?){1,3}[ \t]*$")
_BIRTH_BEFORE = re.compile(_BIRTH_CUE + r"(?!\w)[^.!?\n]{0,25}$", re.IGNORECASE)  # "geb." ends in a dot: no \b
_SENTENCE_SPLIT = re.compile(r"(?<=[^\W\d]{2}[.!?])\s+|\n+")
_EDGE_WORDS = {
    "van", "de", "der", "den", "het", "ter", "ten", "te", "en", "'t", "met", "bij", "voor",
    "dr", "mr", "ir", "prof", "dhr", "mevr", "mw", "hr", "mw.", "dhr.", "mevr.",
}
_INTERFIX = frozenset(default_profile().name_particles)
_PARTICLE_SURNAME = re.compile(
    r"[ \t]+(?:(?:" + "|".join(re.escape(p) for p in sorted(_INTERFIX - ARTICLE_PARTICLES, key=len, reverse=True))
    + r")[ \t]+){1,3}(?P<surname>[a-zà-ÿ][\w'-]+)(?![\w@]|\.\w)"
)
# recognizers whose single token is someone's first name ("mijn buurman X", "ik ben X", "een vriendin, X,")
_FIRST_NAME_CUES = frozenset({"naam_context", "naam_voorstellen", "naam_bijstelling", "naam_tussenzin", "naam_voornaam_zeldzaam"})
# a surname right after a first name: "Kortstee", "Al-Amin", "Smits-Verbeek", "El Idrissi" is two tokens
_SURNAME_AFTER = re.compile(r"[ \t]+(?P<surname>[A-Z][a-zà-ÿ'\u2019]*(?:-[A-Z][a-zà-ÿ'\u2019]+)*[a-zà-ÿ])(?![\w@'\u2019-])")
_STREET_END = re.compile(r"..(?:" + "|".join(re.escape(s) for s in default_profile().street_suffixes) + r")$")
_NAME_BEFORE = re.compile(r"(?<![\w'@#-])(?P<first>[A-Z][a-zà-ÿ]+(?:-[A-Z][a-zà-ÿ]+)?)[ \t]$")
# in a speaker label, a capitalised surname after name particles ("Ruud van de Laar", "Joke in 't
# Zandt"); "in"/"op"/"uit" only before an article particle ("in 't", "op den", "uit de")
_LABEL_SURNAME = re.compile(
    r"[ \t]+(?:(?:in|op|uit)[ \t]+(?=(?:'t|het|de|den|der)[ \t]))?(?:(?:"
    + "|".join(re.escape(p) for p in sorted(_INTERFIX, key=len, reverse=True))
    + r")[ \t]+){1,3}(?P<surname>[A-Z][\w'\u2019-]+)"
)
# a capitalised particle before a place name, after a title or mid-sentence: a surname ("mevrouw Van Gemert")
_VARIANT_MAX_ZIPF = 2.5
"""A spelling variant of a found name is a word Dutch text hardly uses ("zanders" 1.4; "bakkers" 3.4)."""
_CAPITAL_PARTICLES = frozenset({"Van", "Ter", "Ten", "Te"})
_PARTICLE_PLACE = re.compile(
    r"(?P<title>(?i:\b(?:meneer|mevrouw|mevr\.|dhr\.|mw\.|familie|fam\.)\s+))?"
    r"(?P<name>(?:Van(?:[ \t]+(?:der|den|de|het|'t))?|Ter|Ten|Te)[ \t]+(?P<place>[A-Z][\w-]+))(?![\w-])"
)
_LABEL_INITIAL = re.compile(r"[ \t]+[A-Z]\.?(?![\w.'-])")
# a surname that starts with its particle, capitalised as Dutch writes it without a first name, after a
# role or alone in a label ("Wijkagent Van der Steen", "De Wit"): the particles and the surname
_LABEL_CAPITAL_PARTICLE = re.compile(
    r"(?<![\w'\u2019-])(?:"
    + "|".join(re.escape(p[0].upper() + p[1:]) for p in sorted(_INTERFIX, key=len, reverse=True) if p[0].isalpha())
    + r")(?:[ \t]+(?:" + "|".join(re.escape(p) for p in sorted(_INTERFIX, key=len, reverse=True))
    + r")){0,2}[ \t]+(?P<surname>[A-Z][\w'\u2019-]+)"
)
_LABEL_WORDS = {
    "interviewer", "interviewster", "deelnemer", "spreker", "speaker", "respondent", "onbekend",
    "unknown", "man", "vrouw", "jongen", "meisje", "jongere", "ouder", "moeder", "vader", "bewoner",
    "buurtbewoner", "partner", "professional", "allen", "iedereen", "groep", "gespreksleider",
    "notulist", "stem", "voice", "persoon", "vraag", "antwoord", "i", "r", "p", "v", "a", "b",
    "int", "resp", "mod", "spr", "gespr", "geïnterviewde", "geinterviewde", "kind", "zoon",
    "dochter", "oma", "opa", "buurman", "buurvrouw", "tolk", "aanwezig", "aanwezigen",
}


@lru_cache(maxsize=1)
def get_deduce() -> Any:
    """One `deduce.Deduce` per process (building its lookup cache takes a minute the first time)."""
    import logging

    # deduce configures the root logger (DEBUG, a stdout handler) when it is imported or built;
    # undo that so narratief's output and the caller's logging stay as they were.
    root = logging.getLogger()
    level, handlers = root.level, list(root.handlers)
    try:
        with long_lived():  # millions of trie nodes: a third of the load time without the collector
            return load_deduce()  # without the tries of the tags narratief drops
    finally:
        root.setLevel(level)
        root.handlers[:] = handlers


def deduce_loaded() -> bool:
    """Whether this process has loaded deduce already (a warm process: `narratief volg`, tests)."""
    return bool(get_deduce.cache_info().currsize)


@lru_cache(maxsize=1)
def get_ner() -> Any | None:
    """spaCy `nl_core_news_lg` for extra person recall when installed; None otherwise (never downloads)."""
    import importlib.util

    if importlib.util.find_spec("nl_core_news_lg") is None:  # cheap check: importing spaCy takes seconds
        return None
    from nlp.runtime import import_spacy

    spacy = import_spacy()
    if not spacy.util.is_package("nl_core_news_lg"):
        return None
    return spacy.load("nl_core_news_lg", exclude=["lemmatizer", "parser", "tagger", "morphologizer", "attribute_ruler"])


def ner_model_version() -> str | None:
    """The version of `nl_core_news_lg` when installed (what `get_ner` would load), else None;
    cheap: neither spaCy nor the model is imported."""
    import importlib.util

    if importlib.util.find_spec("nl_core_news_lg") is None:
        return None
    return package_version("nl_core_news_lg")


def ner_backend() -> str:
    """Which detection backends run, for the run manifest (cheap: loads neither deduce nor spaCy)."""
    name = f"deduce {package_version('deduce')} + eigen herkenners"
    ner = ner_model_version()
    return name + (" + spaCy nl_core_news_lg" if ner is not None else " (zonder spaCy-NER: nl_core_news_lg niet geïnstalleerd)")


class Detector:
    """Finds personal data in transcripts.

    Args:
        protected: protected vocabulary (findings overlapping it are trimmed away).
        deny: terms that are always personal data (workspace deny list), category per term.
        known_names: person names already in the key (returning people are caught everywhere).
        use_ner: use spaCy NER when `nl_core_news_lg` is installed.
        profile: the municipality profile (street suffixes, name particles); default: the default profile.
    """

    def __init__(
        self,
        protected: ProtectedVocabulary,
        *,
        deny: dict[str, str] | None = None,
        known_names: Iterable[str] = (),
        use_ner: bool = True,
        profile: Profile | None = None,
    ):
        self.protected = protected
        self.deny = dict(deny or {})
        self.known_names = [n for n in known_names if n.strip()]
        self.use_ner = use_ner
        self.profile = profile or default_profile()
        self.recognizers = pattern_recognizers(profile)
        self.roles = role_words()
        self._uncased_key: tuple[str, str] | None = None
        self._uncased = False

    # ------------------------------------------------------------------ public
    def detect(
        self,
        transcripts: Sequence[Transcript],
        progress: Callable[[str], None] | None = None,
        cache: DetectionCache | None = None,
    ) -> list[Finding]:
        """Every finding in the corpus.

        The per-document detection (deduce, NER, own recognizers) is taken from `cache` when it
        holds an entry for the document's content and this detector's configuration; the corpus-wide
        steps (propagation of every name, ages) always run over all transcripts, so the result is
        the same with or without a cache.
        """
        findings: list[Finding] = []
        for transcript in transcripts:
            cached = cache.get(transcript) if cache is not None else None
            if cached is not None:
                findings.extend(cached)
                continue
            if progress:
                progress(f"zoeken naar persoonsgegevens: {transcript.doc}")
            found = self._detect_transcript(transcript)
            if cache is not None:
                cache.put(transcript, found)
            findings.extend(found)
        if cache is not None:
            cache.finish()
        findings.extend(self._propagate(transcripts, findings))
        findings.extend(self._lower_case_surnames(transcripts, findings))
        findings.extend(self._ages(transcripts, findings))
        return [f for f in findings if not self._written_by_product(f)]

    def fingerprint(self) -> str:
        """Hash of everything besides the document that `_detect_transcript` depends on: the
        protected vocabulary, the profile's recognizers, NER on/off and its model, the versions of
        deduce and the word lists, and the detection code itself. Deny list and known names only
        act in the corpus-wide steps, so they are not part of it."""
        parts = {
            "version": DETECTION_VERSION,
            "code": _code_hash(),
            "protected": self.protected.pattern.pattern if self.protected.pattern is not None else None,
            "recognizers": [
                [r.name, r.category, r.pattern.pattern, int(r.pattern.flags), r.score, r.group,
                 getattr(r.validate, "__qualname__", None)]
                for r in self.recognizers
            ],
            "profiles": [repr(self.profile), repr(default_profile())],
            "ner": ner_model_version() if self.use_ner else None,
            "packages": {p: package_version(p) for p in ("deduce", "wordfreq", "spacy-lookups-data", "spacy")},
        }
        return hashlib.sha256(json.dumps(parts, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()

    def _written_by_product(self, finding: Finding) -> bool:
        """Years and protected terms (wijk, municipality) are text the product writes itself: a
        finding that is only that never enters the key, or the leak check would trip on the report."""
        value = finding.text.strip()
        if finding.category != "geboortedatum" and re.fullmatch(r"(?:19|20)\d{2}", value):
            return True
        if finding.category == "adres" and finding.recognizer == "deduce" and not _house_number(value):
            return True
        spans = self.protected.spans(value)
        return any(s == 0 and e >= len(value) for s, e in spans)

    def _ages(self, transcripts: Sequence[Transcript], findings: list[Finding]) -> list[Finding]:
        """Ages tied to a person, once every person mention (also propagated ones) is known."""
        persons: dict[tuple[str, int, str], list[Span]] = {}
        for f in findings:
            if f.category == "persoon":
                persons.setdefault((f.doc, f.turn, f.field), []).append(
                    Span(f.start, f.end, f.category, f.score, f.recognizer))
        out: list[Finding] = []
        for transcript in transcripts:
            asked = False  # the previous turn asked a person's age: its answer may open this turn
            speakers = {turn.index: turn.speaker for turn in transcript.turns}
            round_by: str | None = None  # who asked a round of introductions with the age, until they speak again
            for index, fld, text in self._fields(transcript):
                if fld == "speaker":
                    continue
                text = self._readable(transcript, text)
                speaker = speakers.get(index) if fld == "text" else None
                if round_by is not None and speaker == round_by:
                    round_by = None
                for span in find_ages(text, persons.get((transcript.doc, index, fld), []),
                                      asked_before=asked and fld == "text",
                                      introducing=round_by is not None and fld == "text"):
                    out.append(_finding(transcript.doc, index, fld, text, span))
                asked = fld == "text" and asks_age(text)
                if fld == "text" and speaker and asks_introductions(text):
                    round_by = speaker
        return out

    def _field_texts(self, transcripts: Sequence[Transcript]) -> tuple[dict, dict]:
        """Every field's text as the recognizers read it (re-cased in a transcript without capitals)
        and as written, keyed by (doc, turn, field)."""
        fields = [(t, i, fld, text) for t in transcripts for i, fld, text in self._fields(t)]
        return ({(t.doc, i, fld): self._readable(t, text) for t, i, fld, text in fields},
                {(t.doc, i, fld): text for t, i, fld, text in fields})

    def _first_name_before_surname(self, texts: dict, originals: dict, findings: list[Finding]) -> list[Finding]:
        """A capitalised token right before a found capitalised name ("Ken je Wojtek Kowalczyk?",
        where only the surname was found): the first name of a full name, when it is no ordinary
        word, stop word, place or role. The whole name then enters propagation, so the first name
        is also caught where it stands alone (or in lower case)."""
        taken = {(f.doc, f.turn, f.field, f.start) for f in findings if f.category == "persoon"}
        out: list[Finding] = []
        for f in findings:
            text = texts.get((f.doc, f.turn, f.field))
            if f.category != "persoon" or f.field == "speaker" or text is None:
                continue
            words = text[f.start : f.end].split()
            if not words or not (words[0][:1].isupper() or (
                    words[0].casefold() in _INTERFIX and any(w[:1].isupper() for w in words[1:]))):
                continue  # a capitalised name, or particles before a capitalised surname ("de Vries")
            offset = max(0, f.start - 40)
            m = _NAME_BEFORE.search(text[offset : f.start])
            if m is None or (f.doc, f.turn, f.field, offset + m.start()) in taken:
                continue
            start = offset + m.start()
            low = m.group("first").casefold()
            if (low in stop_words() or low in _EDGE_WORDS or low in _LABEL_WORDS or is_role(low)
                    or is_plain_word(low) or low in place_names() or self.protected.spans(m.group("first"))):
                continue
            original = originals[(f.doc, f.turn, f.field)]
            out.append(Finding(f.doc, f.turn, f.field, start, f.end, original[start : f.end], "persoon", f.score, f.recognizer))
        return out

    def _surname_after_first_name(self, texts: dict, originals: dict, findings: list[Finding]) -> list[Finding]:
        """A capitalised token right after a found first name ("dat regelt Henk Kortstee", where only
        the first name was found): its surname, when it is no Dutch word (a compound that is no word
        counts: many surnames are), stop word, place, street, role or protected term, nor an everyday
        English word. Hyphenated and prefixed surnames ("Al-Amin", "Smits-Verbeek") are one token.
        The whole name then enters propagation, so the surname is caught where it stands alone."""
        out: list[Finding] = []
        seen: set[tuple[str, int, str, int]] = set()
        for f in findings:
            text = texts.get((f.doc, f.turn, f.field))
            if f.category != "persoon" or f.field == "speaker" or text is None:
                continue
            name = text[f.start : f.end]
            if " " in name.strip() or not name[:1].isupper() or (f.doc, f.turn, f.field, f.end) in seen:
                continue  # one capitalised token: a first name alone
            if strip_possessive(name).casefold() not in first_names() and f.recognizer not in _FIRST_NAME_CUES:
                continue  # a first name by the list or by a cue that names a person, not any capitalised finding
            m = _SURNAME_AFTER.match(text, f.end)
            if m is None:
                continue
            surname = m.group("surname")
            low = surname.casefold()
            if (is_word(low) or low in stop_words() or low in _EDGE_WORDS or low in _LABEL_WORDS or is_role(low)
                    or low in place_names() or _STREET_END.search(low) or (low in first_names() and low not in surnames())
                    or zipf(low, "en") >= FREQUENT_ZIPF or self.protected.spans(surname)
                    or any(is_word(part) for part in low.split("-")[1:])):
                continue
            seen.add((f.doc, f.turn, f.field, f.end))
            original = originals[(f.doc, f.turn, f.field)]
            out.append(Finding(f.doc, f.turn, f.field, f.start, m.end(), original[f.start : m.end()], "persoon", f.score, f.recognizer))
        return out

    def _lower_case_surnames(self, transcripts: Sequence[Transcript], findings: list[Finding]) -> list[Finding]:
        """A found name followed by a name particle and a surname written in lower case ("dylan ten
        hagen", "sem van der linden"): the whole name, so the surname does not stay behind. The
        surname must be on the surname list and rare as a word ("van de school" is no name)."""
        texts = {(t.doc, i, fld): text for t in transcripts for i, fld, text in self._fields(t)}
        out: list[Finding] = []
        for f in findings:
            if f.category != "persoon" or f.field == "speaker":
                continue
            text = texts.get((f.doc, f.turn, f.field))
            if text is None:
                continue
            m = _PARTICLE_SURNAME.match(text, f.end)
            if m is None:
                continue
            surname = m.group("surname")
            if surname.casefold() not in surnames() or zipf(surname) >= RARE_FIRST_NAME_ZIPF or self.protected.spans(surname):
                continue
            out.append(Finding(f.doc, f.turn, f.field, f.start, m.end(), text[f.start : m.end()], "persoon", f.score, f.recognizer))
        return out

    # ----------------------------------------------------------------- helpers
    def _readable(self, transcript: Transcript, text: str) -> str:
        """`text` as the recognizers read it: re-cased when the transcript has no capitals
        (`casing.py`), else as it is."""
        key = (transcript.doc, transcript.sha256)
        if self._uncased_key != key:
            self._uncased_key = key
            self._uncased = is_uncased([turn.text for turn in transcript.turns])
        return recase(text, self.protected.spans(text)) if self._uncased else text

    def _fields(self, transcript: Transcript) -> list[tuple[int, str, str]]:
        out = [(turn.index, "text", turn.text) for turn in transcript.turns]
        out += [(turn.index, "speaker", turn.speaker) for turn in transcript.turns if turn.speaker]
        if transcript.meta.title:
            out.append((-1, "title", transcript.meta.title))
        return out

    def _detect_transcript(self, transcript: Transcript) -> list[Finding]:
        texts = [(turn.index, "text", turn.text) for turn in transcript.turns]
        if transcript.meta.title:
            texts.append((-1, "title", transcript.meta.title))
        # without capitals (ASR in lower case) the recognizers read a re-cased copy, same offsets
        seen = [self._readable(transcript, t) for _, _, t in texts]
        deduce_spans = self._deduce_spans(seen)
        ner_spans = self._ner_spans(seen) if self.use_ner else [[] for _ in texts]
        out: list[Finding] = []
        for (index, fld, original), text, d_spans, n_spans in zip(texts, seen, deduce_spans, ner_spans):
            protected = self.protected.spans(text)
            spans = list(d_spans) + list(n_spans)
            for recognizer in self.recognizers:
                spans.extend(recognizer.find(text))
            spans.extend(find_birthdates(text, transcript.meta.year))
            spans.extend(find_handles(text))
            spans.extend(find_nicknames(text, protected))
            spans.extend(find_names(text, protected))
            spans.extend(find_name_candidates(text, protected))
            spans = self._clean(text, spans, protected)
            spans += [u for sp in spans if (u := _unit_before(text, sp)) is not None]
            out.extend(_finding(transcript.doc, index, fld, original, s) for s in spans)
        seen_labels: dict[str, list[Span]] = {}
        for turn in transcript.turns:
            if turn.speaker:
                if turn.speaker not in seen_labels:
                    seen_labels[turn.speaker] = self.label_spans(turn.speaker)
                out.extend(_finding(transcript.doc, turn.index, "speaker", turn.speaker, s) for s in seen_labels[turn.speaker])
        return out

    def stem_has_personal_data(self, stem: str, known: Iterable[str] = ()) -> bool:
        """Whether a file stem ("2024_gesprek_fatima") names a person or holds other personal data:
        its words are checked like a speaker label, by the pattern recognizers and against every
        name found in the corpus."""
        text = re.sub(r"[_.-]+", " ", stem)
        if self.label_spans(text):
            return True
        if any(r.find(text) for r in self.recognizers if r.category not in {"postcode", "kenteken"}):
            return True
        from .leakcheck import build_patterns  # local: leakcheck imports this module's neighbours

        protected = self.protected.spans(text)
        masked = "".join(" " if any(s <= i < e for s, e in protected) else c for i, c in enumerate(text))
        return any(p.search(masked) for p in build_patterns(known))

    def label_spans(self, label: str) -> list[Span]:
        """Names in a speaker label or WebVTT voice ("Fatima", "Wijkagent Jansen", "moeder van Bilal")."""
        protected = self.protected.spans(label)
        # "Esther (politie)", "Jeroen (Novadic-Kentron)": what stands in brackets is an affiliation
        bracketed = [m.span() for m in re.finditer(r"\([^)]*\)?|\[[^\]]*\]?", label)]
        tokens = [t for t in re.finditer(r"[^\W\d_][\w'\u2019-]*", label)
                  if not any(c.isdigit() for c in t.group()) and not any(bs <= t.start() < be for bs, be in bracketed)]
        names: list[tuple[int, int]] = []
        for m in tokens:
            word = m.group()
            low = strip_possessive(word).casefold()
            if any(ps < m.end() and m.start() < pe for ps, pe in protected):
                if not (_place_surname_in_label(label, m, names, bracketed) and self._is_place(word)):
                    continue
                names.append(m.span())  # "<first name> <Place>": a label names a person, the place is the surname
                continue
            if is_role(low) or low in _LABEL_WORDS or low in _EDGE_WORDS or low in stop_words():
                continue
            if word.isupper() and len(word) <= 3:  # abbreviations of roles ("JW", "BOA")
                continue
            if not word[0].isupper() and low not in first_names():
                continue
            if is_plain_word(low) and low not in first_names() and not _surname_after_label_name(label, m, names):
                continue  # "Ondernemer", "Winkelier": a role
            names.append(m.span())
        for m in _LABEL_CAPITAL_PARTICLE.finditer(label):
            if any(s <= m.start() < e for s, e in names) or any(bs <= m.start() < be for bs, be in bracketed):
                continue
            if self._label_surname_ok(label, m, protected):
                names = [(s, e) for s, e in names if not (m.start() <= s < m.end())] + [m.span()]
        names.sort()
        merged: list[tuple[int, int]] = []
        for start, end in names:
            gap = label[merged[-1][1] : start] if merged else None
            if merged and gap is not None and all(w.casefold() in _EDGE_WORDS for w in gap.split()) and "\n" not in gap:
                merged[-1] = (merged[-1][0], end)
            else:
                merged.append((start, end))
        # a surname after particles is part of the name even when it is a word ("van de Laar", "in 't
        # Zandt"): not when it is a role, a stop word, protected, or a frequent word that is no surname
        for i, (start, end) in enumerate(merged):
            m = _LABEL_SURNAME.match(label, end)
            if m is None or any(bs <= m.start("surname") < be for bs, be in bracketed):
                continue
            if not self._label_surname_ok(label, m, protected):
                continue
            merged[i] = (start, m.start("surname") + len(strip_possessive(m.group("surname"))))
        for i, (start, end) in enumerate(merged):  # "Daan V", "Sanne K.": the initial of the surname (Zoom names)
            m = _LABEL_INITIAL.match(label, end)
            if m is not None:
                merged[i] = (start, m.end())
        spans: list[tuple[int, int]] = []
        for start, end in merged:  # a name the extension now covers ("Zandt" of "in 't Zandt") goes
            if spans and start < spans[-1][1]:
                spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
            else:
                spans.append((start, end))
        return [Span(s, e, "persoon", 0.9, "sprekerlabel") for s, e in spans]

    @staticmethod
    def _label_surname_ok(label: str, m: re.Match[str], protected: list[tuple[int, int]]) -> bool:
        """The surname after particles in a label is a name even when it is a word ("van de Laar"):
        not when it is a role, a stop word, protected, or a frequent word that is no surname."""
        low = strip_possessive(m.group("surname")).casefold()
        return not (is_role(low) or low in stop_words() or low in _LABEL_WORDS
                    or any(ps < m.end() and m.start("surname") < pe for ps, pe in protected)
                    or (low not in surnames() and zipf(low) >= FREQUENT_ZIPF))

    def _deduce_spans(self, texts: list[str]) -> list[list[Span]]:
        """Run deduce once on all texts of a transcript and map its tags to our categories."""
        joined = _TURN_SEP.join(texts)
        doc = get_deduce().deidentify(joined, disabled={"redactor"})
        offsets, pos = [], 0
        for text in texts:
            offsets.append(pos)
            pos += len(text) + len(_TURN_SEP)
        out: list[list[Span]] = [[] for _ in texts]
        for ann in doc.annotations:
            i = _bisect(offsets, ann.start_char)
            base = offsets[i]
            # deduce gives numpy integers for some merged person spans ("Anne Smit van de "):
            # plain ints, or the sealed detection cache (JSON) cannot store the finding
            start, end = int(ann.start_char) - base, min(int(ann.end_char) - base, len(texts[i]))
            if start < 0 or end <= start:
                continue
            text = texts[i]
            value = text[start:end]
            tag = ann.tag
            if tag in _DEDUCE_CATEGORY:
                category = _DEDUCE_CATEGORY[tag]
            elif tag == "locatie" and _house_number(value):
                category = "postcode" if _POSTCODE.fullmatch(value.strip()) else "adres"
            elif tag == "datum" and _BIRTH_BEFORE.search(text[:start]):
                category = "geboortedatum"
            else:
                continue  # place names, institutions, interview dates, unnamed ages: kept
            out[i].append(Span(start, end, category, 0.85, "deduce"))
        return out

    def _ner_spans(self, texts: list[str]) -> list[list[Span]]:
        nlp = get_ner()
        if nlp is None:
            return [[] for _ in texts]
        out = []
        for doc in nlp.pipe(texts, batch_size=32):
            out.append([Span(e.start_char, e.end_char, "persoon", 0.7, "spacy_ner") for e in doc.ents if e.label_ in {"PER", "PERSON"}])
        return out

    def _clean(self, text: str, spans: list[Span], protected: list[tuple[int, int]]) -> list[Span]:
        """Split person spans at sentence ends, cut away protected terms and role words at the edges."""
        out: list[Span] = []
        for span in spans:
            pieces = [(span.start, span.end)]
            if span.category == "persoon":
                pieces = _split_sentences(text, span.start, span.end)
            for start, end in pieces:
                # an e-mail address or a user name is one unit: a protected word inside it
                # ("...@buurtwerk-west.nl", "... at politie punt nl", "west.side.06") does not split it
                whole = span.category in _UNITS
                for s, e in ([(start, end)] if whole else subtract(start, end, protected)):
                    if span.category == "persoon" and span.recognizer in STRONG_CUE_RECOGNIZERS:
                        pass  # a naming cue says it is a name, even when it is a word ("Professor")
                    elif span.category == "persoon":
                        trimmed = self._trim_name(text, s, e, span.recognizer)
                        if trimmed is None:
                            continue
                        s, e = trimmed
                    else:
                        piece = text[s:e]
                        stripped = piece.strip(" \t\n,;:()\"'?!")
                        if len(stripped) < 2 or not any(c.isalnum() for c in stripped):
                            continue
                        s += piece.index(stripped)
                        e = s + len(stripped)
                        if span.category == "adres" and _POSTCODE.fullmatch(stripped):
                            out.append(Span(s, e, "postcode", span.score, span.recognizer))
                            continue
                    out.append(Span(s, e, span.category, span.score, span.recognizer))
        return out

    def _trim_name(self, text: str, start: int, end: int, recognizer: str = "") -> tuple[int, int] | None:
        words = list(re.finditer(r"\S+", text[start:end]))
        titled = recognizer == "naam_titel"  # "mevrouw Bos", "meneer Visser": a word after a title is a name

        def droppable(w: str) -> bool:
            low = strip_possessive(w.strip(".,;:!?()\"'")).casefold()
            return not low or low in _EDGE_WORDS or is_role(low) or low in stop_words() or (not titled and is_plain_word(low))
        # "De Wit", "van der Bakker": an interfix followed by a surname is a name, even a word-like one
        surname_at = {
            i for i in range(1, len(words))
            if words[i - 1].group().casefold() in _INTERFIX and strip_possessive(words[i].group().strip(".,;:!?")).casefold() in surnames()
        }
        lead = re.findall(r"[\w']+", text[max(0, start - 12) : start])
        after_van = bool(lead) and lead[-1].casefold() == "van"
        def keeps(i: int) -> bool:
            low = words[i].group().casefold()
            if i == 0 and low in ARTICLE_PARTICLES and not after_van:
                return False  # "op het Vermeulen": an article, not the particle of "van het Hof"
            if titled and low in _INTERFIX and words[i].group()[:1].isupper() and i < len(words) - 1:
                return True  # "mevrouw De Clercq": the capitalised particle opens the surname after a title
            return i in surname_at or (low in _INTERFIX and any(j > i for j in surname_at))
        while words and not keeps(0) and droppable(words[0].group()) \
                and not (len(words) > 1 and _INITIALS.fullmatch(words[0].group())):  # "W. Pietersen": the initial is the name's
            words.pop(0)
            surname_at = {i - 1 for i in surname_at if i > 0}
        while words and not keeps(len(words) - 1) and droppable(words[-1].group()):
            words.pop()
        if not words:
            return None
        s, e = start + words[0].start(), start + words[-1].end()
        while e > s and text[e - 1] in ".,;:!?)\"":
            e -= 1
        value = text[s:e]
        if value.endswith(("'s", "\u2019s")):
            e -= 2
        if e - s < 2:
            return None
        if len(words) == 1 and recognizer in {"deduce", "spacy_ner"} and not weak_name_evidence_ok(text, s, e):
            return None
        return s, e

    def _propagate(self, transcripts: Sequence[Transcript], findings: list[Finding]) -> list[Finding]:
        """Catch every recurrence of a detected (or known, or denied) name anywhere in the corpus.

        Then a first name right before a found or propagated surname ("Ken je Wojtek <surname>?",
        the surname known from "mevrouw <surname>") is added and propagated in a second pass."""
        terms = self._propagation_terms(findings, lists=True)
        out = self._find_terms(transcripts, terms)
        texts, originals = self._field_texts(transcripts)  # both passes read the same fields
        extra = self._first_name_before_surname(texts, originals, findings + out)
        extra += self._surname_after_first_name(texts, originals, findings + out)
        if extra:
            more = {t: c for t, c in self._propagation_terms(extra, lists=False).items() if t not in terms}
            out += extra + self._find_terms(transcripts, more)
        out += self._place_surnames(transcripts, findings + out)
        variants = self._spelling_variants(transcripts, findings + out)
        if variants:
            out += self._find_terms(transcripts, variants)
        return out

    def _place_surnames(self, transcripts: Sequence[Transcript], findings: list[Finding]) -> list[Finding]:
        """A surname that is a protected place name ("meneer Van Gemert", a label "<first name>
        <Place>"). Protected terms are cut out of names and never propagated, so such a surname
        needs evidence that it is one: a title or a capitalised particle mid-sentence before it
        ("Beste meneer Van <Place>", "..., Van <Place>, ..."), or a label that is a listed first name
        and the place. Then that whole name is replaced wherever it is written the same way, and
        the particle with the place after a found first name ("<first name> van <Place>") too;
        "de jongeren van <Place>" and "in <Place>" stay."""
        fields = [(t.doc, i, fld, text) for t in transcripts for i, fld, text in self._fields(t)]
        names: set[str] = set()
        for f in findings:  # labels "<first name> <Place>" (label_spans reads the place as the surname)
            if f.category == "persoon" and f.field == "speaker" and " " in f.text and self.protected.spans(f.text):
                names.add(f.text)
        for _doc, _i, fld, text in fields:
            if fld == "speaker":
                continue
            protected = self.protected.spans(text)
            for m in _PARTICLE_PLACE.finditer(text):
                if not self._is_place(m.group("place")) or any(
                        ps <= m.start("name") < pe for ps, pe in protected):
                    continue  # "Bakkerij Van <Place>": a shop, protected as a whole
                if m.group("title") or not _sentence_initial(text, m.start("name")):
                    names.add(m.group("name"))
        if not names:
            return []
        surnames_ = {n for n in names if n.split()[0] in _CAPITAL_PARTICLES}
        exact = re.compile(r"(?<![\w@#\[])(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")(?![\w-])")
        after_first = None
        if surnames_:
            lowered = "|".join(re.escape(n[:1].lower() + n[1:]) for n in sorted(surnames_, key=len, reverse=True))
            after_first = re.compile(rf"[ \t](?:{lowered})(?![\w-])")
        ends = {(f.doc, f.turn, f.field, f.end): f for f in findings if f.category == "persoon"}
        out: list[Finding] = []
        for doc, index, fld, text in fields:
            protected = self.protected.spans(text)
            for m in exact.finditer(text):
                if any(ps <= m.start() < pe for ps, pe in protected):
                    continue
                out.append(Finding(doc, index, fld, m.start(), m.end(), m.group(), "persoon", 0.75, "naam_plaats_achternaam"))
            if after_first is None:
                continue
            for m in after_first.finditer(text):
                first = ends.get((doc, index, fld, m.start()))
                if first is not None and first.text[:1].isupper():
                    out.append(Finding(doc, index, fld, first.start, m.end(), text[first.start : m.end()], "persoon",
                                       0.75, "naam_plaats_achternaam"))
        return out

    def _is_place(self, word: str) -> bool:
        """A town, wijk or buurt (the profile's or deduce's place lists), not any protected term."""
        p = self.profile
        own = {p.municipality, *p.places, *(w.name for w in p.wijken), *p.buurten}
        return word in own or word.casefold() in place_names()

    def _spelling_variants(self, transcripts: Sequence[Transcript], findings: list[Finding]) -> dict[str, str]:
        """Capitalised tokens one letter away from a found surname-like name in the same
        transcript ("<Surname> with an s, not <Zurname>", a name as an office misspelled it): the
        same person's name in another spelling. Both must be six letters or more and no Dutch word,
        place, street or protected term ("Bakkers" next to "Bakker" is a word)."""
        by_doc: dict[str, set[str]] = {}
        for f in findings:
            if f.category != "persoon":
                continue
            for word in re.findall(r"[A-Z][a-zà-ÿ]{5,}", f.text):
                if not is_word(word) and word.casefold() not in place_names():
                    by_doc.setdefault(f.doc, set()).add(word)
        out: dict[str, str] = {}
        for t in transcripts:
            known = by_doc.get(t.doc)
            if not known:
                continue
            lowered = {k.casefold() for k in known}
            for _i, _fld, text in self._fields(t):
                for m in re.finditer(r"(?<![\w'-])[A-Z][a-zà-ÿ]{5,}(?![\w'-])", text):
                    word = m.group()
                    low = word.casefold()
                    if low in lowered or word in out or zipf(low) >= _VARIANT_MAX_ZIPF or low in place_names() \
                            or low in stop_words() or is_role(low) or _STREET_END.search(low) or self.protected.spans(word):
                        continue
                    if any(_one_edit(low, k) for k in lowered):
                        out[word] = "persoon"
        return out

    def _propagation_terms(self, findings: list[Finding], lists: bool) -> dict[str, str]:
        """The names to search everywhere (and their parts), with the deny list when `lists`."""
        names: dict[str, str] = {}
        for f in findings:
            if f.category == "persoon":
                names.setdefault(f.text, "persoon")
        for name in self.known_names if lists else ():
            names.setdefault(name, "persoon")
        terms: dict[str, str] = {}
        for name, category in names.items():
            parts = name.split()
            last = strip_possessive(parts[-1].strip(".,;:!?()\"")) if len(parts) > 1 else None
            # the halves of a double surname are said alone too ("<First> Smits-Verbeek", later "Verbeek")
            halves = [h for h in (last or "").split("-") if len(h) >= 3 and h[:1].isupper()] if last and "-" in last else []
            for term in {name, *parts, *halves}:
                term = strip_possessive(term.strip(".,;:!?()\""))
                low = term.casefold()
                short = len(term) == 2 and term == name and term[0].isupper() and term[1].islower() and not is_word(low)
                if (len(term) < 3 and not short) or low in stop_words() or low in _EDGE_WORDS or low in self.roles:
                    continue  # a name of two letters ("Mo") only as found, capitalised and no word; searched as written
                if term != name and is_plain_word(term) and (is_word(term) or term != last or not term[:1].isupper()):
                    continue  # "Kleine" of "Kleine Tijger" alone is a word; a surname made of two words ("Kortstee") is not
                if self.protected.spans(term):
                    continue
                terms.setdefault(term, category)
        for term, category in self.deny.items() if lists else ():
            terms[term] = category
        return terms

    def _find_terms(self, transcripts: Sequence[Transcript], terms: dict[str, str]) -> list[Finding]:
        if not terms:
            return []
        insensitive = sorted({t for t in terms if (not is_word(t) and len(t) > 2) or t in self.deny}, key=len, reverse=True)
        sensitive = sorted({t for t in terms if t not in insensitive and t[:1].isupper()}, key=len, reverse=True)
        patterns = []
        suffix = r"(?:tje|je|['\u2019]s|['\u2019]|s)?"
        if insensitive:
            alts = "|".join(re.escape(t) for t in insensitive)
            patterns.append(re.compile(rf"(?<![\w@#\[])(?:{alts}){suffix}(?!\w)", re.IGNORECASE))
        if sensitive:
            alts = "|".join(re.escape(t) for t in sensitive)
            patterns.append(re.compile(rf"(?<![\w@#\[])(?:{alts}){suffix}(?!\w)"))
        # a first name that is also a word ("Roos") is searched as written, except right after a
        # self-introduction or a title, where case says nothing: "ik ben roos", "ome roos" (also when
        # the name was found in lower case, in a transcript without capitals)
        introduced = sorted({t for t in terms if t.casefold() in first_names() and is_word(t) and t not in self.deny},
                            key=len, reverse=True)
        if introduced:
            alts = "|".join(re.escape(t) for t in introduced)
            patterns.append(re.compile(
                rf"(?i:\b(?:ik\s+ben|ik\s+heet|ben\s+ik|heet\s+ik|mijn\s+naam\s+is|noem\s+me|noem\s+mij|"
                rf"ome|oom|tante|opa|oma|juf|meester|meneer|mevrouw)\s+(?:gewoon\s+)?)"
                rf"(?P<name>(?i:{alts}))(?!\w)"))
        lookup = {normalise(t): c for t, c in terms.items()}
        out: list[Finding] = []
        for transcript in transcripts:
            for index, fld, text in self._fields(transcript):
                protected = None
                for pattern in patterns:
                    for m in pattern.finditer(text):
                        group = "name" if "name" in pattern.groupindex else 0
                        start, value = m.start(group), strip_possessive(m.group(group))
                        if value[-1:] in ("s", "S") and normalise(value) not in lookup:
                            if is_word(value) and (value[0].islower() or _sentence_initial(text, start)):
                                continue  # the name plus s is a word of its own ("jets"), unless capitalised mid-sentence
                            value = value[:-1]  # "Yamans moeder": the genitive s stays outside
                        end = start + len(value)
                        category = lookup.get(normalise(value))
                        if category is None:
                            base = re.sub(r"(?:tje|je)$", "", value, flags=re.IGNORECASE)
                            category = lookup.get(normalise(base), "persoon")
                        if normalise(value) not in {normalise(t) for t in self.deny}:
                            if value.casefold() in place_names() and _PLACE_BEFORE.search(text[max(0, start - 12) : start]):
                                continue  # a surname that is also a town, used as the town: "ze wonen nu in Gemert"
                            protected = protected if protected is not None else self.protected.spans(text)
                            if any(ps < end and start < pe for ps, pe in protected):
                                continue
                        if value[:1].isupper() and value.casefold() not in first_names() \
                                and (initials := _INITIALS_BEFORE.search(text, max(0, start - 12), start)):
                            start = initials.start()  # "t.n.v. J. <Surname>": the initials belong to the name
                        out.append(Finding(transcript.doc, index, fld, start, end, text[start:end], category, 0.75, "propagatie"))
        return out


_DETECTION_MODULES = (
    "detect.py", "recognizers.py", "cues.py", "birthdates.py", "keep.py", "precision.py",
    "lexicon.py", "numbers.py", "findings.py", "ages.py", "casing.py",
)


@lru_cache(maxsize=1)
def _code_hash() -> str:
    """Hash of the source of the modules detection runs through, and of the profile module, so a
    changed recognizer invalidates the detection cache without anyone remembering to bump a number."""
    from pathlib import Path

    import interviews.profiles as profiles

    here = Path(__file__).parent
    digest = hashlib.sha256()
    for path in [here / name for name in _DETECTION_MODULES] + [Path(profiles.__file__)]:
        digest.update(path.name.encode("utf-8") + b"\0")
        digest.update(path.read_bytes() if path.exists() else b"")
    return digest.hexdigest()


def _house_number(value: str) -> bool:
    """A location with a number that is no year ("Steenweg 14", not "Helmond 2024"): an address."""
    numbers = re.findall(r"\d+", value)
    return any(not re.fullmatch(r"(?:19|20)\d{2}", n) for n in numbers)


def _sentence_initial(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \t\"'(")
    return not before or before[-1] in ".!?:\n"


def _split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces, pos = [], start
    for m in _SENTENCE_SPLIT.finditer(text, start, end):
        pieces.append((pos, m.start()))
        pos = m.end()
    pieces.append((pos, end))
    return [(s, e) for s, e in pieces if e > s]


_LABEL_WORD_BEFORE = re.compile(r"([^\W\d_][\w'-]*) $")


def _surname_after_label_name(label: str, m: re.Match[str], names: list[tuple[int, int]]) -> bool:
    """A capitalised compound that Dutch text hardly uses, right after a first name in a speaker
    label, is that person's surname ("Gerard Hoebergen": hoe + bergen). Not a word, a role, or a
    compound Dutch text uses ("Henk Wijkteam", "Sanne Jongerenwerk": an organisation, which would
    otherwise be replaced in every turn that names it). Only after one space and a listed first name,
    or after a role ("Wijkagent <compound>")."""
    word = m.group()
    low = strip_possessive(word).casefold()
    if not word[:1].isupper() or is_word(low) or is_role(low) or zipf(low) >= UNKNOWN_ZIPF:
        return False
    before = _LABEL_WORD_BEFORE.search(label, 0, m.start())
    if before is not None and is_role(before.group(1).casefold()):
        return True  # "Wijkagent <compound>": a role and the surname
    if not names or label[names[-1][1] : m.start()] != " ":
        return False
    return strip_possessive(label[names[-1][0] : names[-1][1]]).casefold() in first_names()


# the dwelling before the building it is in: "appartement 12 van de <street> 8", "flat 3 aan de ..."
_UNIT_BEFORE = re.compile(
    r"(?P<unit>(?:[Pp]ortiek|[Aa]ppartement|[Ff]lat|[Ww]oning|[Kk]amer)[ \t]+(?:\d{1,4}[a-zA-Z]?|[A-Z]))"
    r"[ \t]+(?:van|aan|in|op)[ \t]+(?:de|het|'t)[ \t]+$"
)


def _unit_before(text: str, span: Span) -> Span | None:
    """The dwelling said before an address ("appartement 12 van de <address>"): part of the address,
    replaced on its own so "van de" stays."""
    if span.category != "adres" or not any(c.isdigit() for c in text[span.start : span.end]):
        return None
    m = _UNIT_BEFORE.search(text, max(0, span.start - 40), span.start)
    return Span(m.start("unit"), m.end("unit"), "adres", span.score, span.recognizer) if m else None


def _place_surname_in_label(label: str, m: re.Match[str], names: list[tuple[int, int]],
                            bracketed: list[tuple[int, int]]) -> bool:
    """A protected place right after a listed first name that opens the label, and nothing but an
    affiliation in brackets after it ("<First> <Place> (<organisation>)"): the surname. A role and
    a place ("Wijkagent <wijk>") or a place after a surname stays."""
    if len(names) != 1 or names[0][0] != 0 or label[names[0][1] : m.start()] != " ":
        return False
    if label[: names[0][1]].casefold() not in first_names():
        return False
    rest = label[m.end() :]
    for bs, be in bracketed:
        if bs >= m.end():
            rest = rest.replace(label[bs:be], "")
    return not rest.strip()


def _one_edit(a: str, b: str) -> bool:
    """Whether `a` and `b` differ by one substitution, insertion or deletion."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def _bisect(offsets: list[int], value: int) -> int:
    lo, hi = 0, len(offsets) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if offsets[mid] <= value:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _finding(doc: str, index: int, fld: str, text: str, span: Span) -> Finding:
    return Finding(doc, index, fld, span.start, span.end, text[span.start : span.end], span.category, span.score, span.recognizer)
