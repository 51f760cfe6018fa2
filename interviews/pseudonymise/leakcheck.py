"""The final leak check: no original string from the key may appear in any output file.

Every file under a directory is read as text (binary formats are opened: docx/xlsx/pptx/odt
by their XML, pdf via poppler's pdftotext/pdfinfo (pypdf without them), parquet via pyarrow;
anything else as bytes), and searched case-insensitively on word boundaries. Originals that are
ordinary Dutch words ("Roos") are matched only as written (capitalised). File names are checked
too. The error names the file, never the string.
"""

from __future__ import annotations

import _sre  # re's own case mapping (unicode_tolower), so `fold` agrees with re.IGNORECASE
import base64
import bisect
import hashlib
import html
import io
import json
import re
import zipfile
from collections.abc import Iterable
from functools import cached_property
from pathlib import Path
from re._casefix import _EXTRA_CASES  # re's own extra case equivalences (CPython >= 3.11)

from interviews.errors import PseudonymisationError
from nlp.io import write_json

from .keep import ProtectedVocabulary
from .keystore import PseudonymKey
from .numbers import is_year
from .recognizers import is_word, stop_words

MIN_LENGTH = 3
CHECK_VERSION = "1"  # bump when what counts as a leak changes: remembered clean files are checked again
_ZIP_SUFFIXES = {".docx", ".xlsx", ".pptx", ".odt", ".ods", ".odp", ".qdpx", ".epub"}
_MARKUP_SUFFIXES = {".html", ".htm", ".xml", ".svg", ".qmd", ".md", ".qdc", ".xhtml"}


class LeakError(PseudonymisationError):
    """An output file contains an original from the key (N220)."""


def _searched_values(originals: Iterable[str]) -> tuple[set[str], set[str]]:
    """The originals worth searching for, whitespace-normalised: (case-insensitive, case-sensitive).
    Too short or common ones are skipped; an original that is an ordinary Dutch word ("Roos") is
    searched only as written, capitalised."""
    insensitive, sensitive = set(), set()
    for original in originals:
        value = " ".join(original.split())
        if len(value) < MIN_LENGTH or value.casefold() in stop_words() or value.isdigit() and len(value) < 5:
            continue
        if is_year(value):  # the product writes years itself (titles, tables)
            continue
        if " " not in value and is_word(value):
            if value[:1].isupper():
                sensitive.add(value)
            continue
        insensitive.add(value)
    return insensitive, sensitive


def build_patterns(originals: Iterable[str]) -> list[re.Pattern[str]]:
    """Search patterns for the originals, skipping ones too short or common to test safely."""
    insensitive, sensitive = _searched_values(originals)
    return [p for p in (_alternation(insensitive, re.IGNORECASE), _alternation(sensitive, 0)) if p is not None]


def _alternation(values: Iterable[str], flags: int) -> re.Pattern[str] | None:
    alts = "|".join(_bounded(v) for v in sorted(values, key=lambda v: (-len(v), v)))
    return re.compile(f"(?:{alts})", flags) if alts else None


class LeakSearch:
    """Whether a text holds one of the originals, with the same answer as the boundary patterns of
    `build_patterns` (after masking protected terms), at a fraction of their cost.

    The alternation of every original cannot skip ahead (each alternative starts with a lookbehind),
    so a large key makes it slow on long texts. Instead the text is folded once (the case folding
    of `re.IGNORECASE`, character for character) and each original's longest whitespace-free part is
    looked up as a plain substring; only the originals found that way (the candidates) go through
    the boundary pattern. A match of the pattern contains that part literally, so no leak is missed.
    Masking protected terms only blanks characters, so it cannot create a candidate: a text without
    candidates is clean without being masked.

    Args:
        originals: what to search for (key originals, deny list, confirmed review decisions).
        protected: terms kept on purpose (masked before the boundary patterns run), or None.
        own_words: words the outputs write themselves whatever the transcripts say (table headers,
            "Cohens kappa"). An original that is also such a word ("Kappa" as a nickname) is not
            found where the output writes that word exactly as its own (same case, whole word);
            written otherwise ("Kappa" capitalised mid-sentence) it still is.
    """

    def __init__(self, originals: Iterable[str], protected: ProtectedVocabulary | None = None,
                 own_words: Iterable[str] = ()) -> None:
        insensitive, sensitive = _searched_values(originals)
        self.protected = protected
        folded = {fold(v) for v in insensitive} | {fold(v) for v in sensitive}
        self.own_words = frozenset(w for w in own_words if fold(w) in folded)  # only those that can matter
        self._own = _alternation(self.own_words, 0)  # the same word boundaries as the search itself
        self._insensitive = sorted((fold(_longest_part(v)), v) for v in insensitive)
        self._sensitive = sorted((_longest_part(v), v) for v in sensitive)
        self._patterns: dict[tuple[frozenset[str], frozenset[str]], list[re.Pattern[str]]] = {}

    def candidates(self, text: str) -> tuple[frozenset[str], frozenset[str]]:
        """The (case-insensitive, case-sensitive) originals whose longest part occurs in `text`."""
        folded = fold(text) if self._insensitive else ""
        return (frozenset(v for part, v in self._insensitive if part in folded),
                frozenset(v for part, v in self._sensitive if part in text))

    def found(self, text: str, mask: bool = True) -> bool:
        """Whether `text` holds an original on its boundaries (protected terms masked when `mask`)."""
        insensitive, sensitive = self.candidates(text)
        if not insensitive and not sensitive:
            return False
        if mask and self._own is not None:
            text = self._own.sub(lambda m: " " * len(m.group()), text)
        if mask and self.protected is not None:
            text = self._mask_near_anchors(text, insensitive, sensitive)
        key = (insensitive, sensitive)
        patterns = self._patterns.get(key)
        if patterns is None:
            patterns = [p for p in (_alternation(insensitive, re.IGNORECASE), _alternation(sensitive, 0))
                        if p is not None]
            self._patterns[key] = patterns
        return any(p.search(text) for p in patterns)

    def _mask_near_anchors(self, text: str, insensitive: frozenset[str], sensitive: frozenset[str]) -> str:
        """`text` masked where masking can change whether a candidate matches: the same answer as
        masking all of it, at the cost of the stretches concerned.

        A barrier character (`_BARRIER_CHARS`: punctuation that occurs in no protected term and no
        searched original) is part of no protected span and of no match. A match holds its
        original's longest part (an anchor, found as a plain substring) and otherwise only other
        parts and whitespace, which in the unmasked text is whitespace or a protected span; so a
        match lies within the stretch between the barrier characters around one of its anchors, and
        so does every protected span that touches it. Those stretches are masked, each on its own
        (its edges are barrier characters or the text's ends, which the patterns of the protected
        terms treat alike), the rest is kept. A JSON file on one long line costs its anchors'
        stretches, not the whole line.
        """
        barrier = self._barrier
        if barrier is None:
            return _mask(text, self.protected)
        folded = fold(text)
        fences = [m.start() for m in barrier.finditer(text)]
        stretches: set[tuple[int, int]] = set()
        anchors = [(fold(_longest_part(v)), folded) for v in insensitive]
        anchors += [(_longest_part(v), text) for v in sensitive]
        for part, haystack in anchors:
            at = haystack.find(part)
            while at >= 0:
                k = bisect.bisect_left(fences, at)
                stretches.add((fences[k - 1] + 1 if k else 0, fences[k] if k < len(fences) else len(text)))
                at = haystack.find(part, at + 1)
        pieces, pos = [], 0
        for low, high in sorted(stretches):  # stretches between fences are disjoint or the same
            pieces += [text[pos:low], _mask(text[low:high], self.protected)]
            pos = high
        pieces.append(text[pos:])
        return "".join(pieces)

    @cached_property
    def _barrier(self) -> re.Pattern[str] | None:
        """A character no protected span can cover (None when spans might cross a line break)."""
        return _line_barrier(self.protected, self._insensitive + self._sensitive)


# Punctuation of tables, JSON and markup; none of it is a word character, and none can be part of an
# organisation-like name (keep._ORG_RES: words, apostrophes, hyphens, dots, spaces, tabs).
_BARRIER_CHARS = ',;:"=<>{}|()[]'


def _line_barrier(protected: ProtectedVocabulary, searched: list[tuple[str, str]]) -> re.Pattern[str] | None:
    """A pattern finding a character that neither masking blanks nor a match holds (punctuation that
    occurs in no protected term and no searched original), or None when what the protected terms
    match is not known (a pattern made by hand) or a term holds a line break."""
    if protected.pattern is not None and not protected.terms:
        return None  # a pattern made by hand: what it matches is not known
    if any("\n" in term for term in protected.terms):
        return None
    used = {c for term in protected.terms for c in term}
    used |= {c for _, value in searched for c in value + fold(value)}
    chars = "".join(c for c in _BARRIER_CHARS if c not in used)
    return re.compile(f"[{re.escape(chars)}]") if chars else None


def _longest_part(value: str) -> str:
    return max(value.split(), key=len)


class _FoldTable(dict):
    """str.translate table of `fold`, filled on demand: each character maps to the smallest
    member of its `re.IGNORECASE` class (simple lower case plus re's extra equivalences such as
    "ı" ~ "i" and "ſ" ~ "s"). One character in, one out, so a match keeps its length."""

    def __missing__(self, code: int) -> str:
        lower = _sre.unicode_tolower(code)
        char = chr(min((lower, *_EXTRA_CASES.get(lower, ()))))
        self[code] = char
        return char


_FOLD = _FoldTable()


def fold(text: str) -> str:
    """`text` case-folded the way `re.IGNORECASE` compares characters: a case-insensitive match of a
    literal implies the folded literal is a substring of the folded text."""
    return text.lower() if text.isascii() else text.translate(_FOLD)


def _bounded(value: str) -> str:
    """The original with boundaries that also hold at "_" and digits: "Lieke" is found in
    "lieke_2009" and "2009lieke", a phone number's digits not inside a longer number."""
    def edge(char: str) -> tuple[str, str]:
        if char.isalpha():
            return r"(?<![^\W\d_])", r"(?![^\W\d_])"
        if char.isdigit():
            return r"(?<!\d)", r"(?!\d)"
        return "", ""
    before = edge(value[0])[0]
    after = edge(value[-1])[1]
    return f"{before}{_flexible(value)}{after}"


def _flexible(value: str) -> str:
    """Escape, letting any run of whitespace in the original match any whitespace."""
    return r"\s+".join(re.escape(part) for part in value.split())


_TEXT_MEMBER = re.compile(r"\.(xml|rels|txt|json|html?|csv|md|qde|qdc)$", re.IGNORECASE)
_DATA_URI = re.compile(r"data:image/png;base64,([A-Za-z0-9+/=]+)")
_NUMERIC_SUFFIXES = frozenset({".npz", ".npy", ".safetensors"})


def file_text(path: Path, data: bytes | None = None) -> str:
    """The searchable text of one file.

    Binary formats are searched through the text they hold (the XML and text members of a zip such
    as .docx/.qdpx, the extracted text of a PDF, the rows of a Parquet table, the text chunks of a
    PNG), never through their compressed bytes, where short originals would match by chance. When
    extraction fails the raw bytes are searched instead. Arrays of numbers hold no text.
    `data`: the file's bytes when the caller has read them already.
    """
    suffix = path.suffix.casefold()
    if suffix in _NUMERIC_SUFFIXES:
        return ""
    data = path.read_bytes() if data is None else data
    extracted = _extract(suffix, data)
    if extracted is not None:
        return extracted
    text = _decode(data)
    if suffix in _MARKUP_SUFFIXES:  # embedded images are searched as images, not as base64 noise
        text = _DATA_URI.sub(lambda m: _png_text(base64.b64decode(m.group(1))), text)
    parts = [text]
    if suffix == ".json":
        try:
            parts.append(json.dumps(json.loads(text), ensure_ascii=False))
        except ValueError:
            pass
    if suffix in _MARKUP_SUFFIXES:
        parts.append(html.unescape(text))
    return "\n".join(parts)


def _extract(suffix: str, data: bytes) -> str | None:
    """Text held by a binary file, or None when it is not binary or cannot be read."""
    try:
        if suffix in _ZIP_SUFFIXES or data[:2] == b"PK":
            parts = []
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                for name in archive.namelist():
                    parts.append(name)
                    if _TEXT_MEMBER.search(name):
                        xml = archive.read(name).decode("utf-8", errors="ignore")
                        parts += [html.unescape(re.sub(r"<[^>]+>", "", xml)),
                                  html.unescape(re.sub(r"<[^>]+>", " ", xml))]
            return "\n".join(parts)
        if suffix == ".pdf":
            text = pdf_text_poppler(data)
            return text if text is not None else pdf_text_pypdf(data)
        if suffix == ".parquet":
            return _parquet_text(data)
        if data[:8] == b"\x89PNG\r\n\x1a\n":
            return _png_text(data)
    except Exception:  # damaged or unreadable: search the raw bytes instead
        return None
    return None


def _parquet_text(data: bytes) -> str:
    """A Parquet table's rows as CSV, written by pyarrow itself: reading it through pandas would
    import pandas into the leak-check child (0.3 s) for every run. Column types the Arrow CSV writer
    does not know go through pandas as before."""
    import pyarrow
    import pyarrow.csv as arrow_csv
    import pyarrow.parquet as pq

    table = pq.ParquetFile(io.BytesIO(data)).read(use_pandas_metadata=False)
    try:
        out = io.BytesIO()
        arrow_csv.write_csv(table, out)
        return out.getvalue().decode("utf-8", errors="ignore")
    except pyarrow.ArrowException:
        return table.to_pandas().to_csv(index=False)


def pdf_text_poppler(data: bytes) -> str | None:
    """A PDF's metadata (standard and custom fields) and page text through poppler's `pdfinfo` and
    `pdftotext`, several times faster than pypdf; None when they are not installed or fail."""
    import shutil
    import subprocess

    info, text = shutil.which("pdfinfo"), shutil.which("pdftotext")
    if info is None or text is None:
        return None
    parts = []
    for command in ([info, "-custom", "-enc", "UTF-8", "-"], [text, "-enc", "UTF-8", "-", "-"]):
        try:
            done = subprocess.run(command, input=data, capture_output=True, timeout=120, check=False)
        except (OSError, subprocess.SubprocessError):
            return None
        if done.returncode != 0:
            return None
        parts.append(done.stdout.decode("utf-8", errors="ignore"))
    return "\n".join(parts)


def pdf_text_pypdf(data: bytes) -> str:
    """A PDF's metadata and page text through pypdf (the fallback without poppler)."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    meta = " ".join(str(v) for v in (reader.metadata or {}).values())
    return meta + "\n" + "\n".join(page.extract_text() or "" for page in reader.pages)


def _png_text(data: bytes) -> str:
    """The tEXt/iTXt/zTXt chunks of a PNG (titles, descriptions)."""
    import struct
    import zlib

    parts, pos = [], 8
    while pos + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"tEXt":
            parts.append(body.decode("latin-1", errors="ignore"))
        elif kind == b"zTXt":
            key, _, rest = body.partition(b"\x00")
            parts.append(key.decode("latin-1") + " " + zlib.decompress(rest[1:]).decode("latin-1", errors="ignore"))
        elif kind == b"iTXt":
            parts.append(body.decode("utf-8", errors="ignore"))
        pos += 12 + length
    return "\n".join(parts)


def _decode(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="ignore")
    return data.decode("utf-8", errors="ignore")


def check_for_leaks(
    directory: Path,
    key: PseudonymKey,
    extra: Iterable[str] = (),
    protected: ProtectedVocabulary | None = None,
    clean_cache: Path | None = None,
    own_words: Iterable[str] = (),
) -> int:
    """Fail if any file (content or name) under `directory` holds an original from the key.

    Args:
        directory: usually the workspace's `output/` folder.
        key: the opened key (its originals are searched for).
        extra: more strings to search for (deny list, confirmed review decisions).
        protected: protected vocabulary; an original inside a protected term (a surname in a
            school's name) is not a leak, as the stage keeps those terms on purpose.
        clean_cache: a JSON file (beside the key, never under `directory`) remembering the sha256
            of (file name + content) of files found clean with the same originals and protected
            terms; those are not read again. It holds hashes only.
        own_words: words the outputs write themselves (see `LeakSearch`).

    Returns:
        The number of files checked.

    Raises:
        LeakError: N220, naming the first offending file (relative to `directory`), not the string.

    Example:
        >>> check_for_leaks(Path("MAP/output"), key)  # doctest: +SKIP
    """
    searched = sorted({*key.originals(), *extra})
    search = LeakSearch(searched, protected, own_words)
    signature = _signature([*searched, "\x01", *sorted(search.own_words)], protected)
    known_clean = _read_clean(clean_cache, signature)
    clean: set[str] = set()
    checked = 0
    leaks: list[str] = []
    for path in sorted(p for p in Path(directory).rglob("*") if p.is_file()):
        checked += 1
        rel = path.relative_to(directory).as_posix()
        name_text = re.sub(r"[_\-.]+", " ", rel)
        if search.found(name_text, mask=False):
            leaks.append(f"{rel} (bestandsnaam)")
            continue
        try:
            data = path.read_bytes()
            fingerprint = _file_hash(rel, data) if clean_cache is not None else ""
            if fingerprint and fingerprint in known_clean:
                clean.add(fingerprint)
                continue
            text = file_text(path, data)
        except OSError:
            leaks.append(f"{rel} (niet leesbaar, dus niet te controleren)")
            continue
        if search.found(text):
            leaks.append(rel)
        elif fingerprint:
            clean.add(fingerprint)
    if clean_cache is not None:
        write_json({"signature": signature, "clean": sorted(clean)}, clean_cache)
    if leaks:
        listed = ", ".join(leaks[:10]) + (f" en {len(leaks) - 10} meer" if len(leaks) > 10 else "")
        raise LeakError(
            "N220",
            f"lekcontrole mislukt: {len(leaks)} bestand(en) bevatten mogelijk een origineel uit de sleutel: "
            f"{listed}. Controleer bevindingen.csv / weigeren.txt en draai opnieuw.",
            path=str(directory),
        )
    return checked


def _signature(searched: Iterable[str], protected: ProtectedVocabulary | None) -> str:
    """One hash of what is searched for and what is masked (the cache holds only this hash)."""
    digest = hashlib.sha256(CHECK_VERSION.encode("utf-8") + b"\x00")
    for value in searched:
        digest.update(value.encode("utf-8") + b"\x00")
    pattern = protected.pattern if protected is not None else None
    digest.update((pattern.pattern if pattern is not None else "-").encode("utf-8"))
    return digest.hexdigest()


def _file_hash(rel: str, data: bytes) -> str:
    return hashlib.sha256(rel.encode("utf-8") + b"\x00" + data).hexdigest()


def _read_clean(path: Path | None, signature: str) -> frozenset[str]:
    """The clean-file hashes remembered for this signature (none when absent, damaged or stale)."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8")) if path is not None else {}
    except (OSError, ValueError):
        return frozenset()
    if not isinstance(data, dict) or data.get("signature") != signature:
        return frozenset()
    return frozenset(str(h) for h in data.get("clean", []))


def _mask(text: str, protected: ProtectedVocabulary) -> str:
    """`text` with the protected spans blanked (same length)."""
    pieces, pos = [], 0
    for start, end in protected.spans(text):  # sorted by start; spans may overlap
        if end <= pos:
            continue
        start = max(start, pos)
        pieces += [text[pos:start], " " * (end - start)]
        pos = end
    pieces.append(text[pos:])
    return "".join(pieces)
