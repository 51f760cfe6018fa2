"""Small pattern recognizers for what interviews contain and `deduce` (built for medical records) misses.

Besides phones, e-mail, postcodes, BSN, IBAN, plates and addresses in digits, speech forms: a house
number or phone number said in words ("Lindelaan zevenentwintig b", "nul zes, twaalf, ..."), case
and registration numbers (after a cue word, or shaped like letter and digit groups), German and
Belgian plates.

Each recognizer is one small object with a `name` and `find(text) -> list[Span]`. Name-related
recognizers use two word lists that install with the project: deduce's first-name list and the
Dutch word forms of spacy-lookups-data (to tell "Roos" the person from "roos" the flower).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from interviews.profiles import Profile, default_profile
from nlp.runtime import cached_table, package_dir

from .findings import Span
from .lexicon import is_frequent_word, zipf
from .numbers import NUMBER_WORD, SPELLED_NUMBER, is_year, parse_number

KNOWN_ZIPF = 2.5
"""A compound's parts count as Dutch words from this zipf frequency on ("filmpjes" 2.6)."""
RARE_FIRST_NAME_ZIPF = 4.0
"""A first name rarer than this as a word (Bilal 2.9, Sem 3.3) stays a name even after a determiner,
and is a name in lower case without a cue ("toen kwam bilal") when English rarely uses it either."""

# Street-name endings of the national base profile (the same for every municipality); used by the
# cue rules. `pattern_recognizers(profile)` builds its patterns from the profile it is given.
_STREET_SUFFIX = "|".join(re.escape(s) for s in default_profile().street_suffixes)

MONTHS = (
    r"jan(?:uari)?|feb(?:ruari)?|maart|mrt|apr(?:il)?|mei|jun(?:i)?|jul(?:i)?|aug(?:ustus)?|"
    r"sep(?:t(?:ember)?)?|okt(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
DATE = rf"(?:\d{{1,2}}[-/.]\d{{1,2}}[-/.](?:19|20)?\d{{2}}|\d{{1,2}}\s+(?:{MONTHS})\.?(?:\s+(?:19|20)\d{{2}})?)"
_BIRTH_CUE = r"(?:geboren|geb\.|geboortedatum|geboortedag|verjaardag|jarig)"
_SEP = r"(?:[ \t]?[-./][ \t]?|[ \t])?"
# what follows a house number: a letter ("12a", "12 B"), a floor ("12-2", "12-II", "12 hs"), "bis" ("3-bis"),
# the colour of an Amsterdam-style number ("14 rood") when the address ends there, or a Belgian
# letterbox ("12 bus 4")
_ADDITION = (
    r"[ \t-]?bis\b|-(?:I{1,3}|IV|hs|\d{1,3})\b|[ \t]+bus[ \t]+\d{1,4}\b"
    r"|[ \t]+(?:hs|huis|bg|beneden|boven|I{1,3}|IV|rood|zwart)\b(?=[ \t]*(?:[.,;:!?)\n]|$))|[ \t]?[a-zA-Z]\b"
)
# a dwelling inside a building, after its street and number: "Kerkstraat 4, portiek 2, appartement 31",
# "Molenlaan 8 flat 12", "ingang C"; a number or a single capital letter
_UNIT = (
    r"(?:,?[ \t]+(?:portiek|ingang|appartement|app\.|flat|woning|unit|kamer)[ \t]+(?:nr\.?[ \t]*|nummer[ \t]+)?"
    r"(?:\d{1,4}[a-zA-Z]?|[A-Z])(?![\w-])){0,3}"
)
PERSON_CUES = (
    "heet", "heette", "genaamd", "bijnaam", "meneer", "mevrouw", "mevr.", "dhr.", "mw.", "juf",
    "meester", "tante", "oom", "opa", "oma", "broer", "broertje", "zus", "zusje", "zoon",
    "zoontje", "dochter", "dochtertje", "neef", "neefje", "nicht", "nichtje", "vriend",
    "vriendin", "vriendje", "vriendinnetje", "moeder van", "vader van", "ouders van",
    "kleine van", "familie", "jongen", "meisje", "buurman", "buurvrouw", "collega",
    "vrouw", "man", "partner", "echtgenoot", "echtgenote", "ex", "zwager", "schoonzus", "schoonzoon",
    "schoondochter", "schoonmoeder", "schoonvader", "stiefvader", "stiefmoeder", "halfbroer", "halfzus",
    "noemen we", "noemen ze", "noemden we", "noemden ze", "noemt hem", "noemt haar", "noemen hem",
    "noemen haar", "noem hem", "noem haar", "alias", "ook wel", "roepnaam",
)
SPEECH_VERBS = (
    "zei", "zegt", "vertelde", "vertelt", "vroeg", "vraagt", "belde", "belt", "appte", "appt",
    "riep", "antwoordde", "schreef", "lachte", "huilde", "knikte", "noemen ze", "noemen we",
    "noemden ze", "noemden we",
)


_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class RegexRecognizer:
    """One regular expression for one category; `validate` may reject a match (e.g. elfproef)."""

    name: str
    category: str
    pattern: re.Pattern[str]
    score: float
    group: int = 0
    validate: Callable[[str], bool] | None = None
    needs_digit: bool = False  # cheap pre-check: a text without any digit is skipped

    def find(self, text: str) -> list[Span]:
        if self.needs_digit and _DIGIT.search(text) is None:
            return []
        out = []
        for m in self.pattern.finditer(text):
            value = m.group(self.group)
            if not value or (self.validate is not None and not self.validate(value)):
                continue
            out.append(Span(m.start(self.group), m.end(self.group), self.category, self.score, self.name))
        return out


def elfproef(value: str) -> bool:
    """The Dutch BSN check ("elfproef") on a 9-digit number written with or without separators."""
    digits = [int(c) for c in value if c.isdigit()]
    if len(digits) != 9 or len(set(digits)) == 1:
        return False
    total = sum(d * w for d, w in zip(digits[:8], range(9, 1, -1))) - digits[8]
    return total % 11 == 0


IBAN_LENGTHS = {"NL": 18, "BE": 16, "DE": 22, "LU": 20, "FR": 27, "ES": 24, "GB": 22, "TR": 26, "PL": 28, "MA": 28}


def iban_valid(value: str) -> bool:
    """ISO 13616 check: known country length and the mod-97 check digits."""
    compact = re.sub(r"[\s.-]", "", value).upper()
    if IBAN_LENGTHS.get(compact[:2]) != len(compact) or not compact.isalnum():
        return False
    digits = "".join(str(int(c, 36)) for c in compact[4:] + compact[:4])
    return int(digits) % 97 == 1


def _phone_digits(low: int, high: int) -> Callable[[str], bool]:
    def check(value: str) -> bool:
        return low <= sum(c.isdigit() for c in value) <= high
    return check


def _licence_plate(value: str) -> bool:
    groups = value.upper().split("-")
    chars = "".join(groups)
    return (
        len(chars) == 6
        and any(c.isalpha() for c in chars)
        and any(c.isdigit() for c in chars)
        and all(g.isalpha() or g.isdigit() for g in groups)
    )


_CASE_CUE = (
    r"(?:zaak|dossier|registratie|meld|meldings|aangifte|pv|bvh|referentie|kenmerk|volg|cliënt|client|klant|"
    r"inschrijf|inschrijvings|parket|verbalisant|leerling|student|studenten|personeels|lid|lidmaatschaps|"
    r"relatie|polis|pas)-?nummers?|nummer|kenmerk|referentie|dossier|registratie|melding|aangifte"
)
_CODE = r"(?P<code>(?=[A-Za-z0-9/-]*\d)[A-Za-z0-9]+(?:[-/][A-Za-z0-9]+)*)"
_DATE_SHAPE = re.compile(r"\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}")


def case_number(value: str, cue: bool = True) -> bool:
    """A case, file or registration number ("LP-2025-0412", "2024-556301", "PL1400-2024112233"):
    enough digits to identify a case, not a date, year (range) or amount. Without a cue word it
    must also hold letters and consist of several groups ("MK24-0198-ZW"), or be a year and a
    serial number of five or more digits ("2025-448120"; not a range "2020-2024", nor one with a
    footnote mark glued to it in text taken from a PDF, "2021-20243")."""
    digits = sum(c.isdigit() for c in value)
    groups = re.split(r"[-/]", value)
    letters = any(c.isalpha() for c in value)
    if _DATE_SHAPE.fullmatch(value) or all(is_year(g) for g in groups):
        return False
    if not letters and value.startswith("0") and digits == 10:  # a phone number (its own recognizer)
        return False
    if "/" in value and any(g.isalpha() and len(g) >= 4 for g in groups):  # a web path ("nieuws/artikel/5318352")
        return False
    if not cue:  # letter and digit groups, or a year and a serial number ("2025-448120": a case of that year)
        serial = (len(groups) == 2 and is_year(groups[0]) and groups[1].isdigit() and len(groups[1]) >= 5
                  and not is_year(groups[1][:4]))  # "2021-20243": a range of years and a footnote mark
        return (letters and digits >= 5 and len(groups) >= 2) or serial
    return digits >= 5 or (digits >= 4 and (letters or len(groups) >= 2))


def spoken_phone(value: str) -> bool:
    """A phone number read out in number words ("nul zes, twaalf, vierendertig, ..."): the digits
    of the words, in order, make a Dutch number of ten digits."""
    digits = ""
    for word in re.findall(r"[^\s,.-]+", value):
        number = parse_number(word)
        if number is None or number > 99:
            return False
        digits += str(number) if number < 10 or word.isdigit() else f"{number:02d}"
    return len(digits) == 10 and digits[0] == "0" and digits[1] != "0"


def _house_number_word(word: str) -> int | None:
    """The value of a house number said as a word ("zevenentwintig"): 1-999, else None."""
    number = parse_number(word)
    return number if number is not None and 1 <= number <= 999 else None


def _spelled_house_number(value: str) -> bool:
    """The number of a street + number written as a word ("Lindelaan zevenentwintig b"): 1-999;
    "een" only after "nummer" (else it is the article)."""
    words = value.replace(",", " ").split()
    if len(words[-1]) == 1 and len(words) > 2:
        words = words[:-1]
    number = _house_number_word(words[-1])
    if number is None:
        return False
    return number != 1 or any(w.casefold().endswith("nummer") for w in words)


_PLATE_UNITS = "een|één|twee|drie|vier|vijf|zes|zeven|acht|negen"
_PLATE_NUMBER = (  # a number a plate is read out in: digits, 0-99 as one word (no "geen", "meen")
    rf"(?:\d{{1,3}}|nul|{_PLATE_UNITS}|tien|elf|twaalf|dertien|veertien|vijftien|zestien|zeventien|achttien|negentien|"
    rf"(?:(?:{_PLATE_UNITS})[eë]n)?(?:twintig|dertig|veertig|vijftig|zestig|zeventig|tachtig|negentig))(?![\w-])"
)


def spoken_plate(value: str) -> bool:
    """A licence plate read out after "kenteken": single letters and numbers ("de ka el
    vierenzeventig b" as "d k l 74 b") that make six characters in two or three groups of letters
    and digits, with both."""
    chars = ""
    for token in re.split(r"[ \t,-]+", value.strip()):
        if len(token) == 1 and token.isalpha():
            chars += token.upper()
            continue
        number = parse_number(token)
        if number is None:
            return False
        chars += str(number)
    runs = re.findall(r"[A-Z]+|\d+", chars)
    return len(chars) == 6 and 2 <= len(runs) <= 3 and any(c.isdigit() for c in chars) and any(c.isalpha() for c in chars)


_PLATE_VOWELS = frozenset("AEIOUY")


def spaced_plate(value: str) -> bool:
    """A Dutch plate written with spaces for the dashes ("G 412 ZX", "85 GBZ 3"): six characters in
    three groups that alternate letters and digits, the letters without vowels (Dutch series leave
    them out, so "A 12 B" or "HBO 3 BV" is no plate)."""
    groups = value.split()
    chars = "".join(groups)
    kinds = [g.isdigit() for g in groups]
    return (
        len(groups) == 3 and len(chars) == 6 and kinds[0] == kinds[2] != kinds[1]
        and all(g.isdigit() or (g.isalpha() and g.isupper()) for g in groups)
        and not any(c in _PLATE_VOWELS for c in chars)
    )


def _split_house_number(value: str) -> bool:
    """The number after "nummer" in "nummer acht van de Eikendreef": digits, or a number word 1-999."""
    word = re.split(r"[ \t]+", value.strip())[1]
    return word[:1].isdigit() or _house_number_word(word) is not None  # "14", "14a": digits, as before


def pattern_recognizers(profile: Profile | None = None) -> tuple[RegexRecognizer, ...]:
    """The built-in pattern recognizers (phone, e-mail, postcode, BSN, birth date, ...); street
    suffixes and name particles come from the municipality profile (default: the default profile)."""
    flags = re.IGNORECASE
    profile = profile or default_profile()
    street_suffix = "|".join(re.escape(s) for s in profile.street_suffixes)
    particle = "|".join(re.escape(p) for p in profile.name_particles)
    return (
        RegexRecognizer("email", "email", re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}", flags), 0.95),
        RegexRecognizer(  # typed oddly: "(at)"/"[at]" for the @, or a comma for the dot before the country ("x@y,nl")
            "email_verhuld",
            "email",
            re.compile(
                r"(?<![\w.+-])[\w.+-]+(?:[ \t]?[(\[]at[)\]][ \t]?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}"
                r"|@[\w-]+(?:\.[\w-]+)*,(?:nl|com|be|org|net|eu|info|de)\b)",
                flags,
            ),
            0.9,
        ),
        RegexRecognizer(
            "telefoon",
            "telefoon",
            re.compile(rf"(?<![\w+])(?:(?:\+|00)31{_SEP}(?:\(0\){_SEP})?[1-9]|0[1-9])(?:{_SEP}\d){{8}}(?!\d)"),
            0.9,
        ),
        RegexRecognizer("postcode", "postcode", re.compile(r"\b[1-9]\d{3}[ \t]?(?!SA\b|SD\b|SS\b)[A-Z]{2}\b"), 0.8),
        RegexRecognizer("bsn", "bsn", re.compile(r"(?<![\d.\-])\d{3}[. ]?\d{2}[. ]?\d{2}[. ]?\d{2}(?![\d\-])|(?<!\d)\d{9}(?!\d)"), 0.85, validate=elfproef),
        RegexRecognizer(
            "bsn_context",
            "bsn",
            re.compile(r"\b(?:bsn|burgerservicenummer|sofinummer)[\s:.-]*(?:nummer\s+)?(?:is\s+)?(\d[\d. ]{7,11}\d)", flags),
            0.7,
            group=1,
        ),
        RegexRecognizer(
            "geboortedatum",
            "geboortedatum",
            re.compile(rf"\b{_BIRTH_CUE}(?!\w)[^.!?\n]{{0,25}}?\b({DATE})(?!\w)", flags),
            0.9,
            group=1,
        ),
        RegexRecognizer("handle", "handle", re.compile(r"(?<![\w@.])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])"), 0.85),
        RegexRecognizer(
            "kenteken",
            "kenteken",
            re.compile(r"(?<![\w-])(?:[A-Z]{1,3}|\d{1,3})-(?:[A-Z]{1,3}|\d{1,3})-(?:[A-Z]{1,3}|\d{1,3})(?![\w-])", flags),
            0.8,
            validate=_licence_plate,
        ),
        RegexRecognizer(
            "straat_huisnummer",
            "adres",
            re.compile(
                rf"\b(?:(?!(?:Op|In|Aan|Bij|Naar|Uit|Over|Voor|Achter|Langs|Vanaf|Via|Richting|En|Of|Maar)\b)[A-Z][\w'-]*[ \t](?:(?:{particle})[ \t])*){{0,3}}[A-Za-z][\w'-]*?(?:{street_suffix})[ \t]+(?:(?:nr|no|nummer)\.?[ \t]*)?\d{{1,4}}(?:{_ADDITION})?{_UNIT}"
            ),
            0.85,
        ),
        RegexRecognizer(
            "iban",
            "iban",
            re.compile(r"(?<![\w])[A-Z]{2}\d{2}[ ]?(?:[A-Z0-9]{4}[ ]?){2,6}[A-Z0-9]{1,4}(?![\w])", flags),
            0.95,
            validate=iban_valid,
        ),
        RegexRecognizer(  # a Dutch IBAN by its shape (bank code of four capitals, ten digits), also when a
            # digit was misheard or mistyped and the check fails: "NL12 ABCD 0123 4567 89"
            "iban_nl_vorm",
            "iban",
            re.compile(r"(?<![\w])NL[ ]?\d{2}[ ]?[A-Z]{4}[ ]?(?:\d[ ]?){9}\d(?![\w])"),
            0.85,
        ),
        RegexRecognizer(  # Belgium (+32) and Germany (+49), international form
            "telefoon_buitenland",
            "telefoon",
            re.compile(rf"(?<![\w+])(?:\+|00)(?:32|49){_SEP}(?:\(0\){_SEP})?[1-9](?:{_SEP}\d){{6,10}}(?!\d)"),
            0.9,
            validate=_phone_digits(9, 14),
        ),
        RegexRecognizer(  # any other country in international form: "+380 67 412 8853", "+44 20 7946 0958"
            "telefoon_internationaal",
            "telefoon",
            re.compile(r"(?<![\w+])\+(?!31|32|49)[1-9]\d{0,2}(?:[ \t]?[-./]?[ \t]?\(?\d+\)?){2,6}(?![\d,.]\d)"),
            0.85,
            validate=_phone_digits(9, 15),
            needs_digit=True,
        ),
        RegexRecognizer(  # Belgian national numbers: mobile 04xx xx xx xx, landline 0x xxx xx xx
            "telefoon_belgie",
            "telefoon",
            re.compile(r"(?<![\w+])0(?:4\d{2}|[1-9]\d?)[ /.]\d{2,3}(?:[ .]\d{2}){2}(?!\d)"),
            0.75,
            validate=_phone_digits(9, 10),
        ),
        RegexRecognizer(  # German mobile numbers: 015x/016x/017x + 7-8 digits
            "telefoon_duitsland",
            "telefoon",
            re.compile(rf"(?<![\w+])01[5-7]\d(?:{_SEP}\d){{7,8}}(?!\d)"),
            0.8,
            validate=_phone_digits(11, 12),
        ),
        RegexRecognizer(  # "op nummer 14 van de Steenweg", "huisnummer 3 aan de Kerklaan", "nummer acht van de Eikendreef"
            "adres_gesplitst",
            "adres",
            re.compile(
                rf"\b(?:huis)?nummer[ \t]+(?:\d{{1,4}}|{SPELLED_NUMBER})(?:[ \t]?[a-zA-Z]\b)?[ \t]+(?:van|aan|in|op)[ \t]+(?:de|het|'t)[ \t]+"
                rf"(?:[A-Z][\w'-]*[ \t](?:(?:{particle})[ \t])*)?[A-Za-z][\w'-]*?(?:{street_suffix})\b",
                flags,
            ),
            0.85,
            validate=_split_house_number,
        ),
        RegexRecognizer(  # "de Steenweg, nummer 14", "Steenweg nummer 14"
            "adres_gesplitst_omgekeerd",
            "adres",
            re.compile(
                rf"\b[A-Z][\w'-]*?(?:{street_suffix}),?[ \t]+(?:op[ \t]+)?(?:huis)?nummer[ \t]+\d{{1,4}}(?:{_ADDITION})?"
            ),
            0.85,
        ),
        RegexRecognizer(  # an e-mail address read out: "sanne punt de vries apenstaartje gmail punt com"; a
            # speech recogniser may split a domain in two words ("... at buurt werk punt nl")
            "email_uitgesproken",
            "email",
            re.compile(
                r"\b[\w-]+(?:\s+(?:punt|streepje|underscore)\s+[\w-]+(?:\s+[\w-]+)?)*\s+(?:apenstaartje|at)\s+[\w-]+"
                r"(?:\s+[\w-]+)?(?:\s+punt\s+[\w-]+)*\s+punt\s+(?:nl|com|be|org|net|eu|info)\b",
                flags,
            ),
            0.85,
        ),
        RegexRecognizer(  # postcodes written in lower case ("5701 ab"), not "1200 en"
            "postcode_kleine_letters",
            "postcode",
            re.compile(r"\b[1-9]\d{3}[ \t]?[a-z]{2}\b"),
            0.6,
            validate=lambda v: v[-2:].casefold() not in stop_words() and not is_word(v[-2:]) and v[-2:] not in {"sa", "sd", "ss"},
        ),
        RegexRecognizer(  # a house number said as a word: "Lindelaan zevenentwintig b", "de Eikendreef, nummer acht"
            "adres_huisnummer_woord",
            "adres",
            re.compile(
                rf"(?<![\w-])[A-Za-z][\w'-]*?(?:{street_suffix}),?[ \t]+(?:op[ \t]+)?(?:(?:huis)?nummer[ \t]+)?"
                rf"{SPELLED_NUMBER}(?:[ \t]+[a-dA-D])?(?![\w-])(?![ \t]*,[ \t]*{NUMBER_WORD}(?![\w-]))"
                r"(?=[ \t]*(?:[.,;:!?)\n]|$|[ \t]*(?:bovenwoning|benedenwoning|driehoog|tweehoog|hoog)\b"
                # or a new clause without a comma (speech recognisers): "... dertig en dat is ..."
                r"|[ \t]+(?:en|maar|want|dus)[ \t]+(?:ik|we|wij|ze|zij|hij|het|dat|da's|die|dan|toen)\b))"
            ),
            0.8,
            validate=_spelled_house_number,
        ),
        RegexRecognizer(  # "het dossiernummer is LP-2025-0412", "staat onder nummer 2024-556301"
            "zaaknummer_context",
            "nummer",
            re.compile(rf"\b(?:{_CASE_CUE})\b[^.!?\n\d]{{0,40}}?(?<![\w@./-]){_CODE}(?![\w@-]|[./]\w)", flags),
            0.8,
            group=1,
            validate=case_number,
            needs_digit=True,
        ),
        RegexRecognizer(  # a code of letter and digit groups: "MK24-0198-ZW", "PL1400-2024112233"
            "zaaknummer_vorm",
            "nummer",
            re.compile(rf"(?<![\w@./-]){_CODE}(?![\w@-]|[./]\w)"),
            0.7,
            group=1,
            validate=lambda v: case_number(v, cue=False),
            needs_digit=True,
        ),
        RegexRecognizer(  # a plate read out letter by letter and number by number: "kenteken g h x drie twee p"
            "kenteken_uitgesproken",
            "kenteken",
            re.compile(
                rf"\bkenteken(?:nummer)?\b(?:[ \t]+(?:is|was|van|:))?[ \t:]+((?:(?:[a-z]|{_PLATE_NUMBER})[ \t,-]+){{1,5}}"
                rf"(?:[a-z]|{_PLATE_NUMBER}))(?![\w-])",
                flags,
            ),
            0.8,
            group=1,
            validate=spoken_plate,
        ),
        RegexRecognizer(  # a Dutch plate typed with spaces for the dashes: "G 412 ZX", "85 GBZ 3"
            "kenteken_spaties",
            "kenteken",
            re.compile(r"(?<![\w-])(?:[A-Z]{1,3}|\d{1,3})[ ](?:[A-Z]{1,3}|\d{1,3})[ ](?:[A-Z]{1,3}|\d{1,3})(?![\w-])"),
            0.75,
            validate=spaced_plate,
            needs_digit=True,
        ),
        RegexRecognizer(  # the house number alone, said after "huisnummer is": "het huisnummer is 12 B", "... is achttien"
            "huisnummer_los",
            "adres",
            re.compile(rf"\bhuisnummer[ \t]+(?:is|was|wordt|:)[ \t:]*((?:\d{{1,4}}|{SPELLED_NUMBER})(?:[ \t]?[a-zA-Z](?![\w'-]))?)(?![\w-])", flags),
            0.8,
            group=1,
            validate=lambda v: v[:1].isdigit() or _house_number_word(re.split(r"[ \t]+", v)[0]) is not None,
        ),
        RegexRecognizer(  # German "M-AB 1234" / "KLE-X 77E" and Belgian "1-ABC-234" plates
            "kenteken_buitenland",
            "kenteken",
            re.compile(r"(?<![\w-])(?:[A-ZÄÖÜ]{1,3}-[A-Z]{1,2}[ \t](?!(?:19|20)\d\d(?!\d))\d{1,4}[EH]?|[1-9]-[A-Z]{3}-\d{3})(?![\w-])"),
            0.8,
            needs_digit=True,
        ),
        RegexRecognizer(  # "nul zes, vier zeven, drie drie, ..." / "nul zes twaalf vierendertig ..."
            "telefoon_uitgesproken",
            "telefoon",
            re.compile(rf"(?<![\w-])nul(?:[ \t]*[,-]?[ \t]+{NUMBER_WORD}(?![\w-])){{4,11}}", flags),
            0.8,
            validate=spoken_phone,
        ),
        RegexRecognizer("url", "url", re.compile(r"\b(?:https?://|www\.)[^\s<>\"]+[^\s<>\".,;:!?)]", flags), 0.8),
    )


# ----------------------------------------------------------------------------------- word lists


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """Lower-cased first names from deduce's lookup list (loaded once per process)."""
    return _deduce_list("names/lst_first_name/items.txt")


@lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    """Lower-cased surnames from deduce's lookup list (loaded once per process)."""
    return _deduce_list("names/lst_surname/items.txt")


@lru_cache(maxsize=None)
def _deduce_list(relative: str) -> frozenset[str]:
    """One of deduce's lookup lists, lower-cased (kept in the per-user cache: `cached_table`)."""
    path = _deduce_dir() / "data" / "lookup" / "src" / relative

    def read() -> frozenset[str]:
        with path.open(encoding="utf-8") as handle:
            return frozenset(line.strip().casefold() for line in handle if line.strip())

    return cached_table("deduce-" + re.sub(r"[^\w-]+", "-", relative), "casefold-1", [path], read)


@lru_cache(maxsize=1)
def _deduce_dir() -> Path:
    """deduce's package folder, found without importing deduce: the word lists are plain files, and
    a run whose detections all come from the cache must not import (or load) deduce at all."""
    return package_dir("deduce")


@lru_cache(maxsize=1)
def dutch_words() -> frozenset[str]:
    """Lower-cased Dutch word forms (spacy-lookups-data lemma table: forms and lemmas)."""
    from nlp.lemma_tables import lemma_tables

    path = package_dir("spacy_lookups_data") / "data" / "nl_lemma_lookup.json.gz"

    def read() -> frozenset[str]:
        table = lemma_tables()["lookup"]
        return frozenset(w.casefold() for w in table) | frozenset(v.casefold() for v in table.values())

    return cached_table("nl-lemmavormen", "casefold-1", [path], read)


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """spaCy's Dutch stop words plus pronouns and words that start sentences in speech.

    The list is read from spaCy's source file rather than imported: importing `spacy` pulls in
    torch and takes seconds.
    """
    words: set[str] = set()
    try:
        source = package_dir("spacy") / "lang" / "nl" / "stop_words.py"
    except ModuleNotFoundError:
        source = None
    if source is not None and source.exists():
        match = re.search(r'"""(.*?)"""', source.read_text(encoding="utf-8"), re.S)
        words = set(match.group(1).split()) if match else set()
    words |= _deduce_list("whitelist/lst_stop_word/items.txt")

    extra = {"iemand", "niemand", "iedereen", "men", "mensen", "jongens", "meiden", "ja", "nee",
             "nou", "oké", "ok", "dus", "maar", "toen", "daarna", "later", "gisteren", "vandaag"}
    return frozenset(words) | frozenset(extra)


_CALENDAR = frozenset(
    "januari februari maart april mei juni juli augustus september oktober november december "
    "jan feb mrt apr jun jul aug sep sept okt nov dec maandag dinsdag woensdag donderdag vrijdag "
    "zaterdag zondag".split()
)


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Lower-cased ordinary words that are never names on their own: calendar words and deduce's
    whitelists (common words, stop words, medical terms)."""
    out = set(_CALENDAR)
    for relative in ("whitelist/lst_common_word/items.txt", "whitelist/lst_stop_word/items.txt",
                     "whitelist/lst_medical_term/items.txt"):
        out |= _deduce_list(relative)
    return frozenset(out)


def load_word_lists() -> None:
    """Load every word list detection and the leak check consult (a warm-up; each loads once)."""
    from .lexicon import is_unknown_word

    for lists in (first_names, surnames, dutch_words, stop_words, common_words, place_names):
        lists()
    is_unknown_word("opwarmen")  # wordfreq's Dutch and English tables


def is_word(token: str) -> bool:
    """True if `token` (any case) is an ordinary Dutch word form: in the lemma table or deduce's
    whitelists, or an everyday word by frequency (`lexicon.FREQUENT_ZIPF`) that is no first name."""
    low = token.casefold()
    return low in dutch_words() or low in common_words() or (is_frequent_word(low) and low not in first_names())


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Lower-cased Dutch place and street names from deduce's location lists."""
    out = _deduce_list("locations/lst_street/items.txt")
    for part in ("lst_municipality", "lst_province", "lst_region", "lst_residence"):
        out |= _deduce_list(f"locations/lst_placename/{part}/items.txt")
    return out


def is_compound_word(token: str) -> bool:
    """True if `token` splits into two Dutch words ("Bewonersgesprek" = bewoners + gesprek)."""
    low = token.casefold()

    def known(part: str) -> bool:  # a lemma-table word, or one Dutch text uses (wordfreq)
        return is_word(part) or (zipf(part) >= KNOWN_ZIPF and part not in first_names() and part not in surnames())

    for i in range(3, len(low) - 3):
        head, tail = low[:i], low[i:]
        if known(tail) and (known(head) or (head.endswith("s") and known(head[:-1]))):
            return True
    return False


def is_plain_word(token: str) -> bool:
    """An ordinary word, not a name: a Dutch word (or compound) that is not on the first-name list,
    nor on the surname list unless it is a compound."""
    low = strip_possessive(token).casefold()
    if low in first_names():
        return False
    if is_word(low):
        return low not in surnames() or low in common_words() or is_frequent_word(low)
    return low not in surnames() and is_compound_word(low)


# ------------------------------------------------------------------------------ name recognizers

_TOKEN = re.compile(r"[A-Za-z\u00C0-\u024F][A-Za-z\u00C0-\u024F'\u2019-]*")
_DIMINUTIVE = ("tje", "pje", "je", "ke", "ie")
_SENTENCE_END = re.compile(r"(?:^|[.!?:\n\"]\s*|^\s*)$")


def strip_possessive(token: str) -> str:
    """`Fatima's` / `Anouk'` / `Fatima\u2019s` -> the bare name."""
    return re.sub(r"['\u2019]s?$", "", token)


def diminutive_stem(token: str) -> str | None:
    """The first name a diminutive is made from ("Daantje" -> "daan"), if it is a known first name."""
    low = token.casefold()
    for suffix in _DIMINUTIVE:
        if low.endswith(suffix) and len(low) - len(suffix) >= 2:
            stem = low[: -len(suffix)]
            for candidate in (stem, stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else stem):
                if candidate in first_names():
                    return candidate
    return None


def _sentence_start(text: str, start: int) -> bool:
    return bool(_SENTENCE_END.search(text[max(0, start - 4) : start])) or start == 0


@lru_cache(maxsize=1)
def _cue_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    cues = "|".join(re.escape(c) for c in PERSON_CUES)
    verbs = "|".join(re.escape(v) for v in SPEECH_VERBS)
    return (
        # also "hoe heet die, Gijs," / "heet hij Sem": a naming verb with its subject before the name
        re.compile(rf"(?:^|\W)(?:{cues}|heet(?:te)?\s+(?:die|hij|zij|ze|-ie)\s*[,:]?)\s*$", re.IGNORECASE),
        re.compile(rf"[ ,]+(?:{verbs})(?![\w])", re.IGNORECASE),
    )


_INTRODUCTION = re.compile(
    r"(?:^|\W)(?:ik\s+ben|ben\s+ik|ik\s+heet|heet\s+ik|(?:mijn|zijn|haar|z'n|m'n|echte)\s+naam(?:\s+is|\s+was)?)\s*[:,]?\s*$",
    re.IGNORECASE,
)
# where a lower-case name stands without a cue: closing a clause ("mohamed, maar ..."), after a
# preposition or conjunction ("samen met khadija"), or as the subject that opens a subordinate
# clause ("de flat waar samira woont", "omdat yusuf ziek was"); not inside running words ("alle
# hens aan dek")
_CLAUSE_END = re.compile(r"\s*(?:[,.!?;:)]|$)")
_NAME_SLOT_BEFORE = re.compile(
    r"(?:^|\W)(?:met|en|van|bij|aan|voor|tegen|naar|zonder|door|of|dan|als|"
    r"waar|toen|omdat|terwijl|zodat|want|maar|dat|nadat|voordat|totdat|zoals|hoewel)\s+$",
    re.IGNORECASE,
)
_HYPHENATED = re.compile(r"-\s*\n\s*$")  # the second half of a word broken over two lines
_DETERMINER_END = re.compile(r"(?:^|\W)(?:mijn|m'n|mn|je|jouw|z'n|zn|zijn|haar|die|deze|de|het|een|ons|onze)\s+$", re.IGNORECASE)


def _rare_lower_case_name(low: str) -> bool:
    """A lower-case token that is a first name and practically no Dutch or English word
    ("mohamed", "sidra"): a name written without capital, also without a cue."""
    return (len(low) >= 3 and low in first_names() and not is_word(low)
            and zipf(low) < RARE_FIRST_NAME_ZIPF and zipf(low, "en") < RARE_FIRST_NAME_ZIPF)


def find_name_candidates(text: str, protected: list[tuple[int, int]]) -> list[Span]:
    """Person names deduce misses in speech: lower-case names, diminutives, names after cues.

    - lower-case first names that are not Dutch words, in a person context ("fatima zei");
    - diminutives of first names ("Daantje"), with or without a possessive;
    - a capitalised token after a person cue ("de kleine van Jansen", "juf Roos", "heet Mo") or
      before a speech verb ("Roos zei"), unless it is a stop word or protected term.
    """
    out: list[Span] = []
    names = first_names()
    stops = stop_words()
    tokens = list(_TOKEN.finditer(text))
    cue_re, verb_re = _cue_patterns()
    for i, m in enumerate(tokens):
        if any(ps < m.end() and m.start() < pe for ps, pe in protected):
            continue
        raw = m.group()
        bare = strip_possessive(raw)
        low = bare.casefold()
        end = m.start() + len(bare)
        if len(bare) < 2 or low in stops:
            continue
        capital = bare[0].isupper()
        if capital and diminutive_stem(bare) is not None and (not is_word(low) or not _sentence_start(text, m.start())):
            out.append(Span(m.start(), end, "persoon", 0.7, "naam_verkleinwoord"))
            continue
        if bare.isupper() and len(bare) > 1:
            continue
        before = text[max(0, m.start() - 20) : m.start()]
        cue_before = bool(cue_re.search(before)) and not before.rstrip().endswith((".", "!", "?"))
        cue_after = bool(verb_re.match(text, m.end()))
        if capital and _INTRODUCTION.search(before) and (low in names or not is_plain_word(low)):
            out.append(Span(m.start(), end, "persoon", 0.6, "naam_voorstellen"))  # "ik ben Merel", "echte naam Bo"
            continue
        if not (cue_before or cue_after):
            if (not capital and _rare_lower_case_name(low) and not _DETERMINER_END.search(before)
                    and (_CLAUSE_END.match(text, m.end()) or _NAME_SLOT_BEFORE.search(before))
                    and not _HYPHENATED.search(before)):
                out.append(Span(m.start(), end, "persoon", 0.5, "naam_kleine_letter_los"))
            continue
        if capital:
            out.append(Span(m.start(), end, "persoon", 0.6, "naam_context"))
        elif low in names and not is_word(low) and len(low) >= 3:
            out.append(Span(m.start(), end, "persoon", 0.6, "naam_kleine_letter"))
    return out


from .ages import find_ages  # noqa: E402  (kept here for callers of the old location)

