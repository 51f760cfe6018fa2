"""Ages of one person, in digits or words, and the age bands they are replaced with.

The recognizer is Presidio-shaped: a pattern (any number, parsed by `numbers.parse_number`),
context cues that tie it to one person, and a validate step (a plausible age, no unit after it,
no range). What the analysis needs is the age group, so an age becomes a band ("[15-17 jaar]")
instead of a blank; ranges of a group ("jongeren van 12 tot 18") are not personal and stay.

Cues (each before or around the number):
- a copula with a person subject: "ik ben zestien", "hij is net 16", "Sem is dertien jaar",
  "mijn zoon wordt achttien", also an estimate ("die is hooguit twintig", "niet ouder dan vijftien");
- a singular person noun with "van": "een jochie van twaalf", "een kind van veertien jaar";
- right after a name: "Sem, zeventien," / "Sem (16)" / "Sem, ook 17 jaar", or as a sentence of its
  own after a sentence that is only a name ("Sem. Zestien.");
- right after an age: "zestien, bijna zeventien";
- "-jarige": "een 13-jarige"; "... jaar oud"; "op zijn twaalfde"; "toen ik vijftien was";
- the answer to a question about a person's age ("Hoe oud was hij toen?" - "Tien jaar!"), in the
  same turn or as the opening of the next turn: the number must open the answer (after a filler
  such as "nou," or "die is") and end its clause.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .birthdates import _MONTH
from .findings import Span
from .numbers import parse_number, parse_ordinal

MIN_AGE, MAX_AGE = 4, 105
AGE_BANDS: tuple[tuple[int, int], ...] = (
    (0, 11), (12, 14), (15, 17), (18, 20), (21, 23), (24, 29), (30, 39), (40, 49), (50, 59),
    (60, 69), (70, 79), (80, 200),
)
"""Bands for ages: three-year bands through the programme's ages (12-23), decades after."""

_NUM = r"(?P<num>\d{1,3}|[a-zA-Zë]{3,30})"
_ADVERBS = (  # also an estimate of one person's age: "hij is echt niet ouder dan vijftien", "zij is hooguit 20"
    r"(?:(?:nu|pas|net|al|bijna|inmiddels|ook|toen|intussen|ondertussen|ongeveer|rond\s+de|zo'n|maar|nog\s+maar|amper|ruim|precies|"
    r"echt|zeker|misschien|waarschijnlijk|hooguit|hoogstens|minstens|nog\s+geen|niet\s+eens|(?:niet|nog\s+niet)?\s*(?:ouder|jonger)\s+dan)\s+)*"
)
_PERSON_NOUN = (
    r"(?:jongen|jongetje|jochie|joch|jong|ventje|knul|gast|meisje|meid|meidje|kind|kindje|zoon|zoontje|dochter|"
    r"dochtertje|broer|broertje|zus|zusje|neef|neefje|nicht|nichtje|kleinzoon|kleindochter|tiener|puber|"
    r"jongere|jongeman|man|vrouw|leerling|scholier|student|studente|dader|slachtoffer|verdachte|"
    r"klant|deelnemer|buurjongen|buurmeisje|buurman|buurvrouw)"
)
_SUBJECT = (
    r"(?:(?i:ik\s+ben|ben\s+ik|ik\s+word|ik\s+werd)|"
    r"(?:(?i:hij|zij|ze|die|diegene|-ie|ie|\w*zoon|\w*dochter|broer(?:tje)?|zus(?:je)?|kind|jongen|meisje|"
    r"neef(?:je)?|nicht(?:je)?|jongste|oudste|vriend(?:in)?)|"
    r"(?!(?:Het|Dat|Dit|Er|Wat|Waar|Hoe|Wie|Deze|Daar|Hier|Nu|Dan|Toen|Alles|Niks|Niets|Iets|Dat|Zo)\b)[A-Z][\w'-]+)"
    r",?\s+(?i:is|was|wordt|werd)|"  # "De jongste, Sem, is twaalf": the name in apposition
    r"(?i:(?:is|was|wordt|werd)\s+(?:hij|zij|ze|die|-ie))|"
    r"(?i:(?:mijn|m'n|zijn|z'n|haar|onze|ons|hun|jouw)\s+[a-zë]+\s+(?:is|was|wordt|werd))|"
    rf"(?i:(?:die|deze|de|dat|het)\s+(?:oude\s+|jonge\s+)?(?:{_PERSON_NOUN}|meneer|mevrouw|dame|heer)\s+(?:is|was|wordt|werd)))"  # "die vrouw is 87"
)
_COPULA = re.compile(rf"(?<![\w-]){_SUBJECT}\s+(?i:{_ADVERBS})$")
# a time between the copula and the age, when the age is then "geworden": "ik ben vorige week achttien
# geworden", "Sem is in maart twaalf geworden" (not "het is in maart twintig jaar geleden")
_WHEN_BECAME = (
    r"(?i:(?:vorige|afgelopen|deze|die)\s+(?:week|maand|zomer|winter|herfst|lente|keer)|vorig\s+jaar|"
    rf"gisteren|eergisteren|vandaag|laatst|onlangs|(?:in|op|rond)\s+(?:\d{{1,2}}\s+)?(?:{_MONTH}))"
)
_COPULA_WHEN = re.compile(rf"(?<![\w-]){_SUBJECT}\s+{_WHEN_BECAME}\s+(?i:{_ADVERBS})$")
_BECAME_AFTER = re.compile(r"\s+(?:jaar\s+)?(?:geworden|worden)\b", re.IGNORECASE)
# the age still to come, "wordt" before the time: "ze wordt in januari achttien", "Sem wordt volgende
# week tien" (the age closes the clause; not "het wordt in maart twintig graden": no person subject)
_WILL_BECOME = re.compile(
    rf"(?<![\w-])(?:(?i:hij|zij|ze|die|-ie|ik)|[A-Z][\w'-]+|(?i:(?:mijn|m'n|zijn|z'n|haar|onze|ons|hun|jouw)\s+[a-zë]+))"
    rf"\s+(?i:wordt|word)\s+(?:{_WHEN_BECAME}|(?i:volgende\s+(?:week|maand)|volgend\s+jaar|straks|binnenkort|deze\s+zomer|"
    rf"over\s+(?:een|twee|drie)\s+(?:weken|week|maanden|maand)))\s+(?i:{_ADVERBS})$"
)
_NOUN_VAN = re.compile(
    rf"\b(?:een|die|dat|de|het|zo'n|mijn|m'n|zijn|z'n|haar|onze|ons)\s+(?:[a-zë]+\s+)?{_PERSON_NOUN}\s+van\s+"
    r"(?:pas\s+|net\s+|amper\s+|bijna\s+|nog\s+geen\s+|ruim\s+)?$",
    re.IGNORECASE,
)
_WHEN = re.compile(r"\btoen\s+(?:ik|hij|zij|ze|die)\s+(?:nog\s+(?:maar\s+)?)?$", re.IGNORECASE)
# a subordinate clause, the verb after the age: "het broertje, die pas 9 is", "omdat hij al 15 was"
_CLAUSE_SUBJECT = re.compile(rf"(?<![\w-])(?i:die|hij|zij|ze|-ie)\s+(?i:{_ADVERBS})$")
_CLAUSE_VERB_AFTER = re.compile(r"\s+(?:jaar\s+(?:oud\s+)?)?(?:is|was|wordt|werd)(?![\w-])", re.IGNORECASE)
# "N jaar" set off by a comma after a person noun: "een nieuwe leerling, 15 jaar, kwam"
_NOUN_COMMA = re.compile(rf"(?<![\w-]){_PERSON_NOUN},\s*$", re.IGNORECASE)
_CANDIDATE = re.compile(rf"(?<![\w-]){_NUM}(?![\w-])")
# A question about one person's age: "hoe oud ben je?", "hoe oud was je zoon toen?", "Hoe oud is Sem?"
# (not "hoe oud is het gebouw?": the subject must be a person).
_AGE_QUESTION = re.compile(
    r"\bhoe\s+oud\s+(?:is|was|ben|bent|werd|wordt|zijn|waren)\s+"
    rf"(?:je|jij|u|hij|zij|ze|die|jullie|-ie|(?-i:[A-Z][\w'-]+)|(?:je|jouw|uw|zijn|haar|hun|jullie|de|die|dat)\s+(?:{_PERSON_NOUN}|\w*zoon|\w*dochter|kinderen))\b"
    r"[^?.!]{0,60}\?",
    re.IGNORECASE,
)
_HEDGE_AFTER = re.compile(r"\s+(?:denk|geloof|gok)\s+ik\b|\s+of\s*zo\b", re.IGNORECASE)  # "twaalf denk ik"
# What may stand before the number that opens an answer: "Nou, ", "Eh... ", "Die is ", "Ik was pas ".
_ANSWER_OPENING = re.compile(
    r"\s*(?:(?:nou|eh|ehm|uh|uhm|ja|nee|hm|tja|oh|o)\b[\s,.…]*)*"
    r"(?:(?:ik\s+(?:ben|was|werd)|hij\s+(?:is|was|werd)|zij\s+(?:is|was|werd)|ze\s+(?:is|was|werd)|die\s+(?:is|was|werd)|"
    r"(?:is|was|werd)\s+(?:hij|zij|ze|die|-ie))\s+)?"
    rf"(?i:{_ADVERBS})$",
    re.IGNORECASE,
)
_JARIGE = re.compile(r"(?<![\w-])(?P<num>\d{1,3}|[a-zA-Zë]{3,30})[- ]?jarige(?!n)(?![\w])", re.IGNORECASE)
_ORDINAL_AGE = re.compile(
    r"\b(?:op|sinds|vanaf|tot|na|voor)\s+(?:zijn|haar|mijn|z'n|m'n|hun|jouw|je)\s+"
    r"(?P<num>\d{1,3}(?:e|de|ste)|[a-zë]{2,30}(?:de|ste))\b",
    re.IGNORECASE,
)
_JAAR = re.compile(r"\s+jaar(?:\s+oud)?(?![\w])", re.IGNORECASE)
# after the number (and an optional "jaar"): the clause must end, or go on with a conjunction
_ENDS = re.compile(
    r"(?:\s*(?:[.,;:!?)\]\"\u201d]|$)|\s+(?:en|of|maar|dus|hoor|hè|he|toen|nu|geworden|ofzo|hoe|want|als|sinds|inmiddels|intussen|oud)\b"
    r"|\s+(?:die|hij|zij|ik)\s+(?!jaar\b)"  # a new clause without a comma (speech recognisers): "is twaalf die weet"
    rf"|\s+(?:in|op|rond)\s+(?:\d{{1,2}}\s+)?{_MONTH}(?!\w))",  # "ik word achttien in maart"
    re.IGNORECASE,
)
_NOT_AGE_AFTER_JAAR = re.compile(r"\s+(?:geleden|lang|later|eerder|terug|verder|bezig|werkzaam|in\s+dienst)\b", re.IGNORECASE)
_UNIT_AFTER = re.compile(
    r"\s+(?:euro|keer|kilo|kg|meter|cm|procent|minuten|uur|dagen|weken|maanden|centimeter)\b", re.IGNORECASE)
_RANGE_AFTER = re.compile(r"\s*(?:-|tot|à|a|en|of)\s*(?:\d|[a-zë]+tig|[a-zë]+tien)", re.IGNORECASE)
_RANGE_BEFORE = re.compile(r"(?:\d|tien|tig)\s*(?:-|tot|à|en|of)\s*$", re.IGNORECASE)


_NUMBER_PART = re.compile(r"\s*(?:\d{1,3}(?:e|de|ste)?|[a-zA-Zë]+?)(?=[- ]?jarig|\s+jaar\b|$)")


def age_value(text: str) -> int | None:
    """The age in a finding text ("zestien", "16 jaar", "13-jarige", "twaalfde"); None if none."""
    m = _NUMBER_PART.match(text)
    if m:
        word = m.group().strip()
        value = parse_number(word) if parse_number(word) is not None else parse_ordinal(word)
        if value is not None:
            return value
    m = re.search(r"\d{1,3}(?!\d)", text)
    if m:
        return int(m.group())
    for word in re.findall(r"[a-zA-Zë]+", text):
        value = parse_number(word)
        if value is None:
            value = parse_ordinal(word)
        if value is not None:
            return value
    return None


def age_band(age: int, bands: Sequence[tuple[int, int]] = AGE_BANDS) -> str:
    """The band an age falls in: "15-17", or "80+" for the open last band."""
    for low, high in bands:
        if low <= age <= high:
            return f"{low}+" if high >= 200 else f"{low}-{high}"
    return "onbekend"


def render_age(text: str, bands: Sequence[tuple[int, int]] = AGE_BANDS) -> str:
    """The replacement for an age finding: the number becomes its band, the words around it stay.

    "zestien" -> "[leeftijd 15-17]", "zestien jaar oud" -> "[15-17] jaar oud", "13-jarige" ->
    "[12-14]-jarige". The band's upper age never stands right before "jaar": "[15-17 jaar]" would
    read as (and match a search for) "17 jaar", an exact age.
    """
    value = age_value(text)
    band = age_band(value, bands) if value is not None else "leeftijd"
    m = _NUMBER_PART.match(text)
    rest = text[m.end():] if m else ""
    if not rest:
        return f"[leeftijd {band}]"
    return f"[{band}]{rest}"


def _valid(word: str) -> int | None:
    value = parse_number(word)
    if value is None or not MIN_AGE <= value <= MAX_AGE:
        return None
    return value


def _tail(text: str, end: int) -> tuple[int, bool]:
    """Extend past "jaar (oud)"; return the new end and whether the clause closes properly."""
    m = _JAAR.match(text, end)
    if m:
        if _NOT_AGE_AFTER_JAAR.match(text, m.end()):
            return end, False
        end = m.end()
    return end, bool(_ENDS.match(text, end))


def asks_age(text: str) -> bool:
    """Whether a turn ends with a question about one person's age (its answer is the next turn)."""
    questions = list(_AGE_QUESTION.finditer(text))
    return bool(questions) and not text[questions[-1].end():].strip()


def _answers_age_question(text: str, start: int, asked_before: bool) -> bool:
    """The number at `start` opens the answer to an age question: of the previous turn (`asked_before`)
    when it opens this turn, or of a question earlier in this turn."""
    questions = list(_AGE_QUESTION.finditer(text, 0, start))
    opening = questions[-1].end() if questions else (0 if asked_before else None)
    return opening is not None and bool(_ANSWER_OPENING.fullmatch(text, opening, start))


_AGE_AGAIN = re.compile(r",\s*(?:bijna|net|pas|al|ruim|straks|binnenkort)\s+$", re.IGNORECASE)
# a second guess right after an age: "toen was hij tien, elf." (a year apart or two, the clause ends)
_AGE_GUESS = re.compile(r",\s*(?:of\s+)?$", re.IGNORECASE)
# a round of introductions that asks for the age: "Stel je voor: naam, leeftijd, school", "vertel je naam en leeftijd"
_INTRODUCTION_REQUEST = re.compile(
    r"\b(?:naam|namen|voorstellen|stel\s+(?:je|jullie|u)\b[^.?!]{0,20}\bvoor)\b[^.?!]{0,40}\bleeftijd\b"
    r"|\bleeftijd\b[^.?!]{0,40}\b(?:naam|namen|voorstellen)\b",
    re.IGNORECASE,
)
# the age alone as a sentence in such an answer: "Zestien.", "17 in augustus.", "Vijftien jaar."
_OWN_SENTENCE_BEFORE = re.compile(r"(?:^|[.!?]\s+)$")
_OWN_SENTENCE_AFTER = re.compile(rf"(?:\s+jaar)?(?:\s+(?:in|op|rond)\s+(?:\d{{1,2}}\s+)?{_MONTH}(?!\w))?\s*(?:[.!?]|$)", re.IGNORECASE)


def asks_introductions(text: str) -> bool:
    """Whether a turn asks people to introduce themselves with their age ("naam, leeftijd, school")."""
    return bool(_INTRODUCTION_REQUEST.search(text))
_NAME_SENTENCE_GAP = re.compile(r"[ \t]*[.!][ \t]+$")


def _after_name_sentence(text: str, start: int, persons: Sequence[Span]) -> bool:
    """The number at `start` is a sentence of its own right after a sentence that is only a name
    ("Ik ben Sem. Zestien." / "Sem. Zestien. Ik zit op het college."): the age of a self-introduction."""
    gap = _NAME_SENTENCE_GAP.search(text[max(0, start - 6) : start])
    if gap is None:
        return False
    name_end = start - len(gap.group())
    for p in persons:
        if p.end == name_end:
            lead = text[: p.start].rstrip()
            lead = re.sub(r"(?i:\b(?:ik\s+ben|ik\s+heet|mijn\s+naam\s+is))$", "", lead).rstrip()
            return not lead or lead[-1] in ".!?:\n"
    return False


def find_ages(text: str, persons: Sequence[Span] = (), asked_before: bool = False,
              introducing: bool = False) -> list[Span]:
    """Every age of one person in `text` (see the module doc for the cues).

    Args:
        text: one turn's text.
        persons: person spans already found in it ("Sem, 17" uses them).
        asked_before: the previous turn ended with a question about a person's age (`asks_age`).
        introducing: this turn answers a round of introductions that asked for the age
            (`asks_introductions`): a number that is a sentence of its own is the speaker's age.

    Example:
        >>> [m for m in find_ages("Ik ben zestien en hij is 12.")]  # doctest: +SKIP
    """
    out: list[Span] = []
    person_ends = {p.end for p in persons}
    age_ends: dict[int, int] = {}
    for m in _CANDIDATE.finditer(text):
        value = _valid(m.group("num"))
        if value is None:
            continue
        start, end = m.span()
        if _RANGE_AFTER.match(text, end) or _RANGE_BEFORE.search(text[max(0, start - 12) : start]):
            continue
        before = text[max(0, start - 60) : start]
        tail_end, closes = _tail(text, end)
        has_jaar = tail_end > end
        recognizer = None
        if _COPULA.search(before) and closes:
            recognizer = "leeftijd_koppelwerkwoord"
        elif _COPULA_WHEN.search(before) and _BECAME_AFTER.match(text, end):
            recognizer = "leeftijd_geworden"
        elif _WILL_BECOME.search(before) and closes and not _UNIT_AFTER.match(text, end):
            recognizer = "leeftijd_wordt"
        elif _NOUN_VAN.search(before) and not _UNIT_AFTER.match(text, end):
            recognizer = "leeftijd_persoon_van"
        elif _WHEN.search(before) and re.match(r"\s*(?:jaar\s+)?(?:was|werd)\b", text[end:]):
            recognizer = "leeftijd_toen"
        elif _CLAUSE_SUBJECT.search(before) and (verb := _CLAUSE_VERB_AFTER.match(text, end)) \
                and _ENDS.match(text, verb.end()):
            recognizer = "leeftijd_bijzin"
        elif has_jaar and closes and _NOUN_COMMA.search(before):
            recognizer = "leeftijd_na_persoon"
        elif re.match(r"\s+jaar\s+oud\b", text[end:]):
            recognizer = "leeftijd_jaar_oud"
        elif (closes or _HEDGE_AFTER.match(text, tail_end)) and not _UNIT_AFTER.match(text, end) \
                and _answers_age_question(text, start, asked_before):
            recognizer = "leeftijd_antwoord"
        else:
            gap = re.search(r"(?:,\s*(?:van\s+)?(?:ook\s+|nu\s+|net\s+|pas\s+|bijna\s+)?|\s*\(\s*)$", before)
            if gap and (start - len(gap.group())) in person_ends and (closes or text[tail_end:].lstrip().startswith(")")):
                recognizer = "leeftijd_na_naam"
            elif closes and not _UNIT_AFTER.match(text, end) and _after_name_sentence(text, start, persons):
                recognizer = "leeftijd_na_naam"  # an introduction in short sentences: "Sem. Zestien."
            elif closes and (gap := _AGE_AGAIN.search(before)) and (start - len(gap.group())) in age_ends:
                recognizer = "leeftijd_na_leeftijd"  # "ik ben zestien, bijna zeventien"
            elif closes and (gap := _AGE_GUESS.search(before)) and 0 < abs(value - age_ends.get(start - len(gap.group()), -9)) <= 2:
                recognizer = "leeftijd_na_leeftijd"  # "hij was toen tien, elf"
            elif introducing and _OWN_SENTENCE_BEFORE.search(before) and _OWN_SENTENCE_AFTER.match(text, end):
                recognizer = "leeftijd_voorstelronde"  # "Zestien." in an answer to "naam, leeftijd, school"
        if recognizer is None:
            continue
        age_ends[tail_end if has_jaar else end] = value
        out.append(Span(start, tail_end if has_jaar else end, "leeftijd", 0.8, recognizer))
    for m in _JARIGE.finditer(text):
        value = _valid(m.group("num"))
        if value is not None and not _RANGE_BEFORE.search(text[max(0, m.start() - 12) : m.start()]):
            out.append(Span(m.start(), m.end(), "leeftijd", 0.85, "leeftijd_jarige"))
    for m in _ORDINAL_AGE.finditer(text):
        value = parse_ordinal(m.group("num"))
        if value is not None and MIN_AGE <= value <= 25:
            out.append(Span(m.start("num"), m.end("num"), "leeftijd", 0.75, "leeftijd_rangtelwoord"))
    return out
