"""The fast leak search gives the same answer as the old one (mask all protected terms, then run the
whole boundary alternations), on leaking and clean texts; PDFs are searched through poppler and,
without it, through pypdf, and an original planted in a PDF is found either way."""

from __future__ import annotations

import itertools
import re
import shutil

import _sre
import pytest

from interviews.pseudonymise import LeakError, check_for_leaks, leakcheck
from interviews.pseudonymise.keep import ProtectedVocabulary
from interviews.pseudonymise.keystore import PseudonymKey

ORIGINALS = ["Gerrit Lammers", "Lieke", "Roos", "Anna de Wit", "06-12345678", "Hoogstraat 12",
             "Sjoerd", "Willemijn Bakker", "Ömer Yıldız"]
PROTECTED = {"Lammers Sportschool", "Buurthuis De Wit", "De Zonnebloem"}


def old_found(text: str, originals, protected: ProtectedVocabulary) -> bool:
    """The search as it was: mask every protected span, then both whole alternations."""
    chars = list(text)
    for start, end in protected.spans(text):
        chars[start:end] = " " * (end - start)
    masked = "".join(chars)
    return any(p.search(masked) for p in leakcheck.build_patterns(originals))


FRAGMENTS = [
    "Het gesprek ging over de wijk.",
    "lieke_2009 stond in de bestandsnaam",
    "2009lieke",
    "alieke en liekes",
    "Gerrit   \n\t  Lammers kwam langs",
    "gerrit lammers",
    "Gerrit-Lammers",
    "Gerrit\nDe Zonnebloem\nLammers",
    "Gerrit\nDe Zonnebloem, daarna\nLammers",
    "Lammers Sportschool organiseert een toernooi",
    "Buurthuis De Wit is open",
    "Anna de Wit",
    "anna DE wit",
    "een roos in de tuin",
    "Roos zei dat",
    "Roosje",
    "bel 06-12345678 of 0612345678",
    "106-123456789",
    "Hoogstraat 12a",
    "Hoogstraat 123",
    "\"naam\": \"Sjoerd\", \"rol\": \"buurtbewoner\"",
    "doc,turn,text\nx,1,Sjoerd\nx,2,niets",
    "<p>Willemijn\n<b>Bakker</b></p>",
    "Willemijn\n\nBakker",
    "WILLEMIJN BAKKER",
    "Ömer Yıldız", "ÖMER YILDIZ", "ömer yildiz", "Lİeke", "Lıeke", "ſjoerd",
    "[Persoon 03] vertelde over de school",
]


@pytest.fixture(scope="module")
def protected():
    return ProtectedVocabulary.build(PROTECTED)


def test_the_fast_search_answers_like_the_old_one(protected):
    search = leakcheck.LeakSearch(ORIGINALS, protected)
    answers = set()
    texts = list(FRAGMENTS) + [" ".join(p) for p in itertools.permutations(FRAGMENTS[:8], 2)]
    texts += ["\n".join(FRAGMENTS[i:i + 3]) for i in range(len(FRAGMENTS))]
    texts += [", ".join(FRAGMENTS[i:i + 2]) for i in range(len(FRAGMENTS))]
    for text in texts:
        expected = old_found(text, ORIGINALS, protected)
        assert search.found(text) == expected, text
        answers.add(expected)
    assert answers == {True, False}  # both kinds were tested


@pytest.mark.parametrize("text, leaks", [
    ("lieke_2009", True),
    ("alieke", False),
    ("Gerrit \n\t Lammers", True),
    ("Gerrit\nDe Zonnebloem\nLammers", True),  # masking a whole line leaves only whitespace between
    ("Gerrit, De Zonnebloem, Lammers", False),
    ("Lammers Sportschool", False),  # a protected term containing a surname
    ("een roos in de tuin", False),  # a common word matches only as written
    ("Roos zei dat", True),
    ("Lıeke", True), ("Lİeke", True), ("ſjoerd", True),  # re.IGNORECASE's own equivalences
])
def test_known_answers(protected, text, leaks):
    assert old_found(text, ORIGINALS, protected) is leaks
    assert leakcheck.LeakSearch(ORIGINALS, protected).found(text) is leaks


def test_without_protected_terms_nothing_is_masked():
    search = leakcheck.LeakSearch(ORIGINALS)
    assert search.found("Lammers Sportschool belt Gerrit Lammers")
    assert not search.found("De sportschool belt de wijkagent")


def test_fold_agrees_with_re_ignorecase():
    """Whenever re.IGNORECASE lets one character match another, both fold alike (Latin, Greek,
    Cyrillic and the special cases), and ASCII text folds like str.lower."""
    specials = [0x130, 0x131, 0x17F, 0x1E9E, 0x212A, 0x212B, 0x2126, 0x1FBE, 0x345, 0x3C2, 0xB5]
    for code in [*range(0x20, 0x530), *specials]:
        char = chr(code)
        others = {char.lower(), char.upper(), char.casefold(), chr(_sre.unicode_tolower(code))}
        others |= {chr(c) for c in specials}
        for other in (o for o in others if len(o) == 1):
            if re.fullmatch(re.escape(char), other, re.IGNORECASE):
                assert leakcheck.fold(char) == leakcheck.fold(other), (hex(code), hex(ord(other)))
    ascii_text = "".join(map(chr, range(128)))
    assert leakcheck.fold(ascii_text) == ascii_text.translate(leakcheck._FOLD)


def _pdf(text: str) -> bytes:
    """A minimal one-page PDF showing `text` (Helvetica), with a correct cross-reference table."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode("latin-1")
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
               b"/Resources << /Font << /F1 5 0 R >> >> >>",
               b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


@pytest.mark.skipif(shutil.which("pdftotext") is None or shutil.which("pdfinfo") is None,
                    reason="poppler-utils not installed")
def test_poppler_and_pypdf_both_read_a_planted_original():
    data = _pdf("Volgens Willemijn Bakker gaat het beter in de wijk.")
    poppler, pypdf = leakcheck.pdf_text_poppler(data), leakcheck.pdf_text_pypdf(data)
    for text in (poppler, pypdf):
        assert leakcheck.LeakSearch(["Willemijn Bakker"]).found(text)
    assert re.findall(r"\w+", poppler) == re.findall(r"\w+", pypdf)


@pytest.mark.parametrize("poppler", [True, False])
def test_a_pdf_with_an_original_fails_the_check(tmp_path, monkeypatch, poppler):
    if not poppler:
        monkeypatch.setattr(shutil, "which", lambda name: None)  # no poppler: pypdf reads it
    elif shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils not installed")
    key = PseudonymKey(path=tmp_path / "sleutel" / "sleutel.bin", persons={1: ["Willemijn Bakker"]})
    out = tmp_path / "output"
    out.mkdir()
    (out / "rapport.pdf").write_bytes(_pdf("Het buurthuis is weer open."))
    assert check_for_leaks(out, key) == 1
    (out / "rapport.pdf").write_bytes(_pdf("Volgens Willemijn Bakker gaat het beter."))
    with pytest.raises(LeakError) as error:
        check_for_leaks(out, key)
    assert "rapport.pdf" in str(error.value) and "Willemijn" not in str(error.value)


def test_an_original_that_is_also_a_word_the_report_writes_is_found_only_where_a_person_says_it():
    from narratief.vocabulary import own_words

    assert {"kappa", "alpha"} <= own_words()  # read from the code that writes the agreement table
    search = leakcheck.LeakSearch(["Kappa", "Merel"], own_words=own_words())
    assert search.own_words == {"kappa", "Kappa"} & own_words()
    assert not search.found("Overeenstemming: procent, Cohens kappa en Krippendorffs alpha.")
    assert search.found("Toen zei Kappa dat hij niet meer naar het plein ging.") == (
        "Kappa" not in own_words())
    assert search.found("Cohens kappa was hoog, zei Merel.")
    plain = leakcheck.LeakSearch(["Kappa"])
    assert plain.found("Cohens kappa")  # without the product's own words it would stop every report


def test_the_leak_check_of_a_folder_lets_the_reports_own_words_pass(tmp_path):
    from narratief.vocabulary import own_words

    key = PseudonymKey(path=tmp_path / "sleutel" / "sleutel.bin", persons={1: ["Kappa"]})
    output = tmp_path / "output"
    output.mkdir()
    (output / "overeenstemming.csv").write_text("code,n,percent,kappa,alpha\nschool,12,91.7,0.81,0.80\n",
                                                encoding="utf-8")
    assert check_for_leaks(output, key, own_words=own_words()) == 1
    with pytest.raises(LeakError):  # what stopped the report before
        check_for_leaks(output, key)
    (output / "citaat.txt").write_text("Op het plein zei KAPPA dat hij stopte.\n", encoding="utf-8")
    with pytest.raises(LeakError):  # the name itself, written as no output writes the word
        check_for_leaks(output, key, own_words=own_words())


def test_the_reports_own_words_are_read_once_per_computer_without_loading_pandas(tmp_path):
    import os
    import subprocess
    import sys

    code = ("import sys\nfrom narratief.vocabulary import own_words\nwords = own_words()\n"
            "print(len(words), 'kappa' in {w.casefold() for w in words}, 'pandas' in sys.modules)")
    env = dict(os.environ, NARRATIEF_CACHE_DIR=str(tmp_path / "cache"))
    first = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    again = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    count, has_kappa, _ = first.stdout.split()
    assert int(count) > 500 and has_kappa == "True"
    assert again.stdout.split() == [count, "True", "False"]  # the same words, from the cache
    assert list((tmp_path / "cache" / "woordenlijsten").glob("eigen-woorden-*.marshal"))
