"""Recognizers driven by cue phrases and token shape: handles, nicknames and names said once.

- Handles without "@": after a platform or account word ("zijn Snap is ...", "Insta: ...",
  "account ...", "kanaal ...") any token (after a comma, "via Snapchat, x.y", only one with a
  dot, underscore or digit), or before one when it is no plain word ("x.y op Insta");
  anywhere a token shaped like a user name (letters with an underscore, a digit between letters:
  "leet" spelling, or lower-case parts joined by dots: "zonnestraal.vd.b").
- Nicknames introduced in the sentence: "ze noemen hem X", "dat ze X noemen", "zich X noemde",
  "zeg maar X", "bijnaam X", "alias X", "ook wel X genoemd", "op straat heet hij X",
  "iedereen zegt X", "X heet eigenlijk Y" / "X. Die heet eigenlijk Y".
- Names: after a title ("Mevrouw Aksoy"), a possessive without apostrophe before a kinship or
  belonging word ("Sems moeder"), in apposition after a person noun ("een studente, X, kwam",
  "mijn oudste, X,"), a rare first name set off by commas and taken up by a pronoun ("..., X, die
  is pas negen"), a full name before a role ("X Y, wijkagent"), a lower-case surname after
  "van der"/"van den" ("bij van der meulen"), and a capitalised token mid-sentence that neither
  Dutch nor English text uses as a word.
"""

from __future__ import annotations

import re
import unicodedata

from .findings import Span
from .keep import is_role
from .precision import PLACE_BEFORE
from .lexicon import FREQUENT_ZIPF, is_frequent_word, is_unknown_word, zipf
from .numbers import NUMBER_WORD
from .recognizers import (
    _STREET_SUFFIX, RARE_FIRST_NAME_ZIPF, first_names, is_compound_word, is_plain_word, is_word, place_names, stop_words,
    strip_possessive, surnames,
)

_PLATFORM = (
    r"snap(?:chat)?|insta(?:gram)?|tik\s?tok|twitter|discord|telegram|youtube|twitch|steam|psn|xbox|"
    r"gamertag|account(?:naam)?|gebruikersnaam|username|user|kanaal|profiel|accountje|nickname|naam\s+online"
)
_HANDLE_CUE = re.compile(
    rf"\b(?:{_PLATFORM})\b\s*(?:is|was|heet|heette|:|=|-|(?P<comma>,))?\s*(?:gewoon\s+|dan\s+|nog\s+steeds\s+)?"
    r"(?P<value>@?[A-Za-z0-9][\w.]{1,30}[A-Za-z0-9_])(?![\w@])",
    re.IGNORECASE,
)
# the platform word a few words before "is"/"heet"/":": "Insta van die club is x.y2", "zijn TikTok-account heet ..."
_HANDLE_CUE_LATER = re.compile(
    rf"\b(?:{_PLATFORM})\b(?:[ \t]+(?!is\b|heet\b)[\w'-]+){{1,4}}?[ \t]+(?:is|was|heet|heette)[ \t]*:?[ \t]+"
    r"(?P<value>@?[A-Za-z0-9][\w.]{1,30}[A-Za-z0-9_])(?![\w@])",
    re.IGNORECASE,
)
_HANDLE_BEFORE_PLATFORM = re.compile(  # "ik ben zonnestraal.vd op insta", "volg kaylee.xo op TikTok"
    rf"(?<![\w@.])(?P<value>@?[A-Za-z0-9][\w.]{{1,30}}[A-Za-z0-9_])\s+(?:op|on)\s+(?:{_PLATFORM})\b",
    re.IGNORECASE,
)
# a user name read out: parts joined by "underscore" (only user names and addresses have one), or by
# "punt"/"streepje" before a number, after a platform word or "heet daar" earlier in the turn
_SPOKEN_JOIN = rf"(?:underscore|liggend\s+streepje)\s+[a-z0-9]+|(?:punt|streepje)\s+{NUMBER_WORD}(?![\w-])"
_SPOKEN_HANDLE = re.compile(
    rf"(?<![\w@.-])(?P<value>[a-z][a-z0-9]*(?:\s+(?:{_SPOKEN_JOIN}))+(?:\s+{NUMBER_WORD}(?![\w-])){{0,3}})(?!\s+(?:apenstaartje|at|punt)\b)",
    re.IGNORECASE,
)
_SPOKEN_HANDLE_CUE = re.compile(rf"\b(?:{_PLATFORM})\b|\bheet\s+(?:(?:hij|zij|ze|ie|die)\s+)?daar\b", re.IGNORECASE)
_NOT_HANDLE_END = frozenset("nl com be org net eu info de pdf doc docx xlsx csv txt jpg png html".split())
# underscores may open or close a user name ("_dilo_", "sem_06_")
_HANDLE_SHAPE = re.compile(r"(?<![\w@/.#-])(?P<value>_*[A-Za-z0-9](?:[\w.]*[A-Za-z0-9])?_*)(?![\w@/-])")
# a display name glued to an emoji ("\U0001F525_sem_06", "kees_010\u2728"): the whole run of non-space characters
_EMOJI_RUN = re.compile(r"(?<!\S)(?P<value>\S*_\S*?)(?=[.,;:!?)]*(?:\s|$))")
_LEET = re.compile(r"[A-Za-z]\d+[A-Za-z]")


def handle_shaped(token: str) -> bool:
    """A user name by its shape: an underscore between characters, or a digit between letters,
    and not an abbreviation in capitals ("MBO4", "JO13")."""
    if len(token) < 4 or not any(c.isalpha() for c in token):
        return False
    letters = [c for c in token if c.isalpha()]
    if all(c.isupper() for c in letters):
        return False
    if "_" in token.strip("_"):
        return True
    return bool(_LEET.search(token)) and sum(c.isalpha() for c in token) >= 3


def dotted_handle(token: str) -> bool:
    """A user name made of lower-case parts joined by dots ("zonnestraal.vd.b", "snelle.jongen.06"):
    three parts or more, or one part in digits, one part a word-sized stretch of letters; no
    abbreviation ("o.a."), domain or file name ("helmond.nl", "verslag.pdf")."""
    parts = token.split(".")
    if len(parts) < 2 or token != token.casefold() or not all(parts):
        return False
    if parts[-1] in _NOT_HANDLE_END or not any(sum(c.isalpha() for c in p) >= 4 for p in parts):
        return False
    return len(parts) >= 3 or any(p.isdigit() for p in parts)


def find_handles(text: str) -> list[Span]:
    """Handles without "@": announced by a platform word, or shaped like a user name."""
    out: list[Span] = []
    for m in _HANDLE_CUE.finditer(text):
        value = m.group("value").rstrip(".")
        low = value.casefold().lstrip("@")
        if low in stop_words() or (is_word(low) and not handle_shaped(value)):
            continue
        if value[:1].isdigit() and value.replace(".", "").isdigit():
            continue
        if m.group("comma") and value.lstrip("@").isalpha():
            continue  # "op Snapchat, Instagram en TikTok": after a comma only a user-name shape counts
        out.append(Span(m.start("value"), m.start("value") + len(value), "handle", 0.8, "handle_context"))
    for m in _HANDLE_CUE_LATER.finditer(text):
        value = m.group("value").rstrip(".")
        parts = value.lstrip("@").split(".")
        if not any(c in value for c in "._") and not any(c.isdigit() for c in value):
            continue  # further from the platform word only a user-name shape counts: "is goed", "is privé"
        if value.replace(".", "").isdigit() or (len(parts) > 1 and parts[-1].casefold() in _NOT_HANDLE_END):
            continue  # a number ("2.000"), a domain or file ("club.nl")
        out.append(Span(m.start("value"), m.start("value") + len(value), "handle", 0.75, "handle_context"))
    for m in _HANDLE_BEFORE_PLATFORM.finditer(text):
        value = m.group("value")
        if value.isalpha():  # "we zitten veel op Insta", "werkaccounts op TikTok": words, no user names
            continue
        out.append(Span(m.start("value"), m.end("value"), "handle", 0.8, "handle_context"))
    for m in _SPOKEN_HANDLE.finditer(text):
        value = m.group("value")
        words = value.casefold().split()
        if "underscore" in words or "liggend" in words or (
                _SPOKEN_HANDLE_CUE.search(text[max(0, m.start() - 150) : m.start()]) and not is_plain_word(words[0])):
            if words[0] not in stop_words():  # "op een gegeven punt twee ...": a word, no user name
                out.append(Span(m.start("value"), m.end("value"), "handle", 0.75, "handle_uitgesproken"))
    for m in _EMOJI_RUN.finditer(text):
        value = m.group("value")
        if any(unicodedata.category(c) == "So" for c in value) and any(c.isalnum() for c in value):
            out.append(Span(m.start("value"), m.end("value"), "handle", 0.7, "handle_vorm"))
    for m in _HANDLE_SHAPE.finditer(text):
        value = m.group("value")
        if value.endswith("_") and text[m.end() : m.end() + 1] in ("\n", "\r"):
            continue  # a path or address broken over two lines after its underscore, no user name
        if dotted_handle(value):
            out.append(Span(m.start("value"), m.end("value"), "handle", 0.7, "handle_vorm"))
            continue
        if "." in value and not _LEET.search(value) and "_" not in value:
            continue  # abbreviations ("o.a.") and dotted numbers
        if handle_shaped(value):
            out.append(Span(m.start("value"), m.end("value"), "handle", 0.7, "handle_vorm"))
    return out


# ------------------------------------------------------------------------------------ nicknames

_NICK = r"(?P<nick>\"[^\"\n]{2,30}\"|'[^'\n]{2,30}'|\u201c[^\u201d\n]{2,30}\u201d|[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2})"
_WHO = r"(?:ze|we|wij|zij|ik|hij|men|iedereen|de\s+jongens|de\s+buurt|zijn\s+vrienden|haar\s+vrienden)"
_OBJ = r"(?:hem|haar|mij|me|ons|jou|je|hen|hun|zichzelf|zich)"
_FILL = (  # adverbs and the setting a nickname is used in ("op straat", "online", "in de wijk")
    r"(?:(?:hier|daar|ook|altijd|gewoon|wel|nog|nog\s+steeds|vaak|meestal|allemaal|dan|eigenlijk|online|"
    r"op\s+straat|op\s+school|onder\s+elkaar|in\s+de\s+(?:wijk|buurt|klas|groep|straat))\s+)*"
)
_NICK_BEFORE_VERB = re.compile(
    rf"(?:^|(?<=[.!?]\s)){_NICK}(?i:\s+noem(?:en|t|den|de)\s+{_WHO}\s+{_OBJ})(?=\s*[.,!?;]|\s*$)"
)
_NICK_PATTERNS = (
    re.compile(rf"(?i:\b(?:noem(?:en|t|de|den)?|roep(?:en|t)?)\s+(?:{_WHO}\s+)?{_OBJ}\s+{_FILL}){_NICK}"),
    re.compile(rf"(?i:\b(?:noem(?:en|t|de|den)|roep(?:en|t))\s+{_WHO}\s+{_FILL}){_NICK}"),
    re.compile(rf"(?i:\b(?:dat|die|wie|wat)\s+{_WHO}\s+(?:{_OBJ}\s+)?{_FILL}){_NICK}(?i:\s+(?:noem(?:en|t|de|den)|roep(?:en|t)))\b"),
    re.compile(rf"(?i:\bzich\s+{_FILL}){_NICK}(?i:\s+(?:noem(?:t|de|den|en)))\b"),
    _NICK_BEFORE_VERB,
    re.compile(rf"(?i:\bzeg\s+maar\s+){_NICK}"),
    re.compile(rf"(?i:\bheet(?:te)?\s+(?:hij|zij|ze|die|-ie)\s+{_FILL}){_NICK}"),  # "op straat heet hij Kobra"
    # "maar op straat is hij Kobra", "online was ze Zwaantje": the setting a name is used in, then "is <pronoun>"
    re.compile(r"(?i:\b(?:op\s+straat|op\s+school|op\s+het\s+(?:plein|veld)|onder\s+elkaar|online|buiten|"
               r"in\s+de\s+(?:wijk|buurt|klas|groep|straat))\s+(?:is|was)\s+(?:hij|zij|ze|die|-ie)\s+)" + _NICK),
    re.compile(rf"(?i:\b(?:bijnaam|roepnaam|alias|schuilnaam)\s*(?:is|was|:)?\s*){_NICK}"),
    re.compile(rf"(?i:\book\s+wel\s+){_NICK}(?i:\s+genoemd)\b"),
)
# the name friends use, said by who uses it: "Sjors voor de vrienden.", "maar Bas voor zijn maten"
_NICK_FOR_FRIENDS = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=,\s)|(?<=\bmaar\s)|(?<=\bof\s))(?P<nick>[A-Z][\w'-]+)[ \t]+"
    r"(?i:voor[ \t]+(?:de|mijn|m'n|zijn|z'n|haar|onze|ons|jullie)?[ \t]*"
    r"(?:vrienden|vriendinnen|vriendjes|maten|matties|mattie's|jongens|meiden|familie|buurt|wijk|insiders))"
    r"(?=[ \t]*[.,!?;)]|[ \t]*$)"
)
# a nickname before the real name: "mijn broertje Kleine Bas, eigenlijk Sebastiaan," (the real name must be a name)
_NICK_THEN_REAL = re.compile(
    r"(?<![\w'-])(?P<nick>[A-Z][\w'-]+(?:[ \t]+[A-Z][\w'-]+)?),[ \t]+(?i:eigenlijk|officieel|echt)[ \t]+"
    r"(?P<real>[A-Z][a-zà-ÿ'-]+)(?![\w'-])"
)


# "maar iedereen zegt Sjors.", "ze zeggen gewoon Bram tegen hem": what people call someone; one
# capitalised token closing the clause, no quote (quotes after "zeggen" are reported speech)
_NICK_SAY = re.compile(
    rf"(?i:\b(?:{_WHO}\s+(?:zegt|zeggen|zei|zeiden)|(?:zegt|zeggen|zei|zeiden)\s+{_WHO})\s+(?:gewoon\s+|altijd\s+|ook\s+|meestal\s+|allemaal\s+)*"
    rf"(?:tegen\s+{_OBJ}\s+)?)(?P<nick>[A-Z][\w'-]+)(?=\s*[.,!?;]|\s*$|(?i:\s+tegen\s+{_OBJ}\b))"
)
# "Kees heet eigenlijk Cornelis", "Van Snoetje. Die heet eigenlijk ...": the name people use comes
# before the one someone "really" has
_NICK_REALLY = re.compile(
    r"(?<![\w'-])(?P<nick>[A-Z][\w'-]+)(?:[.!]?\s+(?i:die|hij|zij|ze))?,?\s+"
    r"(?i:heet|heette)\s+(?i:eigenlijk|in\s+het\s+echt|officieel)\b"
)


def find_nicknames(text: str, protected: list[tuple[int, int]] = ()) -> list[Span]:
    """Nicknames introduced by a naming cue in the sentence; ordinary words count here."""
    out: list[Span] = []
    for pattern in (_NICK_SAY, _NICK_REALLY):
        for m in pattern.finditer(text):
            start, end = m.span("nick")
            low = m.group("nick").casefold()
            if low in stop_words() or any(ps < end and start < pe for ps, pe in protected):
                continue
            if pattern is _NICK_SAY and is_frequent_word(low):  # "ze zeggen Sorry": a word said, no name
                continue
            if pattern is _NICK_REALLY and low in place_names():  # "Stad X heet eigenlijk ..."
                continue
            out.append(Span(start, end, "persoon", 0.8, "bijnaam_context"))
    for m in _NICK_FOR_FRIENDS.finditer(text):
        start, end = m.span("nick")
        low = m.group("nick").casefold()
        if low in stop_words() or is_frequent_word(low) or low in place_names() or any(ps < end and start < pe for ps, pe in protected):
            continue  # "Bedankt voor de vrienden.": a word, no name
        out.append(Span(start, end, "persoon", 0.75, "bijnaam_context"))
    for m in _NICK_THEN_REAL.finditer(text):
        start, end = m.span("nick")
        words = m.group("nick").split()
        real = m.group("real").casefold()
        if (real not in first_names() and is_plain_word(real)) or real in stop_words() or real in place_names():
            continue  # "Dinsdag, eigenlijk Woensdag": no name after "eigenlijk"
        if _sentence_start(text, start) and len(words) == 1 and is_word(words[0]):
            continue  # "Gewoon, eigenlijk Sanne ...": a word opening the sentence
        if is_plain_word(words[-1]) or words[-1].casefold() in stop_words() or any(ps < end and start < pe for ps, pe in protected):
            continue
        out.append(Span(start, end, "persoon", 0.75, "bijnaam_context"))
    for pattern in _NICK_PATTERNS:
        for m in pattern.finditer(text):
            start, end = m.span("nick")
            value = m.group("nick")
            quoted = value[0] in "\"'\u201c"
            if quoted:
                start, end = start + 1, end - 1
                value = value[1:-1]
            words = value.split()
            if pattern is _NICK_BEFORE_VERB and is_frequent_word(words[-1]):
                continue  # "Vroeger noemden ze hem ...": an adverb opening the sentence
            while not quoted and len(words) > 1 and words[0].casefold() in stop_words():  # "En Bolle noemen we haar"
                start = text.index(words[1], start + len(words[0]))
                words = words[1:]
                value = text[start:end]
            if not words or (all(w.casefold() in stop_words() for w in words) and not (quoted and len(value) >= 3)):
                continue  # a quoted nickname may be a title or a short word: 'ze noemen hem "Prof"'
            if any(ps < end and start < pe for ps, pe in protected):
                continue
            category = "handle" if handle_shaped(value) else "persoon"
            out.append(Span(start, end, category, 0.8, "bijnaam_context"))
    return out


# ---------------------------------------------------------------------------------------- names

_KIN_AFTER = (
    r"moeder|vader|ouders|broer|broertje|zus|zusje|oma|opa|tante|oom|familie|vriend|vriendin|"
    r"vriendje|vriendinnetje|neef|nicht|zoon|dochter|kamer|fiets|scooter|telefoon|huis|school|"
    r"mentor|coach|begeleider|situatie|verhaal|dossier|case|casus|gedrag|moeders|vaders"
)
_POSSESSIVE = re.compile(rf"(?<![\w'])(?P<name>[A-Z][a-zà-ÿ]{{2,}})s\s+(?:{_KIN_AFTER})\b")
# particles as minutes abbreviate them: "v.d. Berg", "v. Dijk", "vd Heuvel"
_ABBREVIATED_PARTICLE = r"(?:[Vv]\.[ \t]?[Dd]\.|[Vv]\.|[Vv][Dd])"
_TITLE_WORDS = r"(?:[Mm]evrouw|[Mm]eneer|[Mm]evr\.|[Dd]hr\.|[Mm]w\.|[Jj]uf|[Mm]eester|[Dd]okter|[Dd]r\.)"
_TITLE = re.compile(
    rf"(?<![\w]){_TITLE_WORDS}\s+"
    # the particle capitalised too, as a surname without first name is written: "mevrouw De Clercq"
    rf"(?P<name>(?:(?:[Vv]an|[Dd]e|[Dd]er|[Dd]en|[Tt]er|[Tt]en|[Tt]e|[Ee]l|[Aa]l|{_ABBREVIATED_PARTICLE})\s+){{0,3}}[A-Z][\w'-]+)"
)
# a person named by a title and an initial alone, as minutes write it: "dhr. K. belt", "mevr. S. van ..."
_TITLE_INITIAL = re.compile(rf"(?<![\w]){_TITLE_WORDS}\s+(?P<name>[A-Z])\.(?![\w.])")  # the letter; its dot stays
_PERSON_NOUNS = (
    r"studente?|leerling|scholier|jongen|meisje|jongere|buurman|buurvrouw|collega|klant|cliënt|"
    r"deelnemer|vrijwilliger|moeder|vader|oma|opa|zoon|dochter|broer|zus|vriend|vriendin|"
    r"stagiair(?:e)?|medewerker|jongerenwerker|agent|buurjongen|buurmeisje|neef|nicht|mevrouw|meneer|"
    r"oudste|jongste|middelste|kleinste|man|vrouw|partner|echtgenoot|echtgenote|mentor|coach|trainer|"
    r"wijkagent|jeugdagent|leerkracht|docent|begeleider|hulpverlener|consulent"
)
_APPOSITION = re.compile(  # "een vriendin, Jorinde," / "Eén jongen, Thijs," / "een collega van me, Iris,"
    rf"(?<!\w)(?:e[eé]n|één|de|die|mijn|onze|zijn|haar|hun)\s+(?:[a-zë]+\s+)?(?:{_PERSON_NOUNS})"
    r"(?:\s+van\s+(?:me|mij|m'n|mn|ons|hem|haar|hen|hun|jou|je|(?:het|de)(?:\s+[A-Z][\w'-]*){1,3}))?,\s+"
    r"(?P<name>[A-Z][\w'-]+(?:\s+(?:(?:van|de|der|den|el|al)\s+)*[A-Z][\w'-]+)?),",
    re.IGNORECASE,
)
_APPOSITION_AFTER = re.compile(
    rf"(?<![\w'-])(?P<name>[A-Z][\w'-]+),\s+(?:de|die|een|mijn|onze|zijn|haar|hun)\s+(?:[a-zë]+\s+)?(?:{_PERSON_NOUNS})\b"
)
# "van der" / "van den" are name particles in today's Dutch (speech says "van de"); "ten"/"ter" too
# before a surname that is no word ("ten brink", not "ten slotte")
_PARTICLE_NAME = re.compile(r"(?<![\w'-])(?P<particle>van\s+de[nr]|ten|ter)\s+(?P<surname>[a-zà-ÿ][\w'-]+)(?![\w@]|\.\w)")
# a full name introduced with a role: "Marleen de Graaf, wijkagent", "Tomasz Zieliński, een mentor"
_NAME_ROLE = re.compile(
    r"(?<![\w'-])(?P<name>[A-Z][\w'-]+(?:[ \t]+(?:(?:van|de|der|den|ter|ten|te|el|al)[ \t]+)*[A-Z][\w'-]+){1,2}),"
    r"[ \t]+(?:(?:de|een|onze|jullie)[ \t]+)?(?P<role>[\w-]+)"
)
# a surname after initials: "J. Pietersen", "A.B. van Dam"
_INITIALS_NAME = re.compile(
    r"(?<![\w.])(?:[A-Z]\.[ \t]?){1,3}[ \t]*(?:(?:van|de|der|den|ter|ten|te)[ \t]+)*(?P<surname>[A-Z][a-zà-ÿ'-]{2,})(?![\w'-])"
)
# a first name set off by commas mid-sentence and taken up by a pronoun: "... naar huis gebracht,
# Jorrit, die is pas negen" / "toen belde haar zus, Merel, en zij zei"
_NAMED_ASIDE = re.compile(
    r"(?<=[a-zà-ÿ]),[ \t]+(?P<name>[A-Z][a-zà-ÿ'-]{2,}),[ \t]+(?:die|hij|zij|ze|en\s+(?:die|hij|zij|ze))\b"
)
# a pupil named with the class they are in, as school staff speak: "<name> uit 2B", "<name> uit groep 7",
# "<name> uit 3 havo" (the name may be on no list and a word elsewhere)
_PUPIL_CLASS = re.compile(
    r"(?<![\w'@#-])(?P<name>[A-Z][\w'\u2019-]+)[ \t]+(?:uit|van|in)[ \t]+(?:klas[ \t]+|groep[ \t]+|de[ \t]+)?"
    r"(?:[1-8][ \t]?(?:[A-Z]{1,2}\d?|havo|vwo|mavo|vmbo|kader|basis|tl|gt|atheneum|gymnasium|bb|kb)(?![\w'-])|(?<=groep )[1-8](?![\w'-]))"
)
# a relative named as what someone is or is called: "mijn oom is Kees.", "haar vader heet Toon, die ..."
_KIN_IS_NAME = re.compile(
    r"(?<![\w'-])(?i:mijn|m'n|zijn|z'n|haar|hun|onze|ons|jouw|je)[ \t]+"
    r"(?i:vader|moeder|broer|broertje|zus|zusje|oom|tante|opa|oma|neef|nicht|zoon|dochter|stiefvader|stiefmoeder|"
    r"vriend|vriendin|man|vrouw|partner|buurman|buurvrouw)[ \t]+(?i:is|was|heet|heette)[ \t]+"
    r"(?P<name>[A-Z][a-zà-ÿ'\u2019-]+)(?=[ \t]*(?:[,.!?;]|$))"
)
_STREET_NAME = re.compile(rf"..(?:{_STREET_SUFFIX})$")
# letter by letter with hyphens ("j-a-n-s-e-n") or, as a speech recogniser writes it, spaces ("j a n s e n")
_SPELLED = re.compile(r"(?<![\w-])(?:[A-Za-z](?:-[A-Za-z]){3,}|[A-Za-z](?: [A-Za-z]){3,})(?![\w-])")
_CAPITALISED = re.compile(r"(?<![\w'@#-])(?P<name>[A-Z][a-zà-ÿ]{2,}(?:-[A-Z][a-zà-ÿ]+)?)(?![\w'@-])")
# two capitalised tokens in a row that neither Dutch nor everyday English uses as words: a first name
# and a surname from anywhere ("Oleksandr Hnatiuk"), also where one of them is known in English texts
FREQUENT_ZIPF_EN = FREQUENT_ZIPF
"""An English word this frequent ("Keep", "Real") is a word in a Dutch transcript too (a slogan, a title)."""
RARE_SURNAME_ZIPF = 2.0
"""The second of two such tokens is a surname only when Dutch text rarely uses it: a brand and its
model ("Toyota Yaris", "Opel Astra") are written about, a surname from far away hardly."""
# not after an article ("op het <school>") or where a place stands ("uit <town>")
_ARTICLE_OR_PLACE_BEFORE = re.compile(r"(?:^|\W)(?:de|het|een|'t|in|uit|naar|richting|bij\s+het)\s+$", re.IGNORECASE)
RARE_CAPITALISED_FIRST_NAME_ZIPF = 3.0
"""A capitalised first name mid-sentence that Dutch and English text use this rarely is a name without
any cue ("Mirza", "Zdravko"); more frequent ones ("Mercedes", "Jordan") are also brands and words."""
_NAME_PAIR = re.compile(
    r"(?<![\w'@#-])(?=(?P<name>[A-Z][a-zà-ÿ]{2,}(?:-[A-Z][a-zà-ÿ]+)?[ \t]+[A-Z][a-zà-ÿ]{2,}(?:-[A-Z][a-zà-ÿ]+)?)(?![\w'@-]))"
)  # a lookahead, so "Daarna <First> <Surname>" tries "<First> <Surname>" too


def _name_like(token: str) -> bool:
    """A capitalised token that is no Dutch word, place, street or stop word, nor an everyday English word."""
    low = token.casefold()
    if low in place_names() or low in stop_words() or _STREET_NAME.search(low):
        return False
    return all(not is_word(part) and not is_compound_word(part) and zipf(part, "en") < FREQUENT_ZIPF_EN
               for part in low.split("-"))


def _sentence_start(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \t\"'(\u201c")
    return not before or before[-1] in ".!?:\n;"


def find_names(text: str, protected: list[tuple[int, int]] = ()) -> list[Span]:
    """Names deduce's lists miss, found by title, possessive, apposition or by being no word."""
    out: list[Span] = []

    def add(start: int, end: int, score: float, recognizer: str) -> None:
        if not any(ps < end and start < pe for ps, pe in protected):
            out.append(Span(start, end, "persoon", score, recognizer))

    for m in _TITLE.finditer(text):
        add(m.start("name"), m.end("name"), 0.8, "naam_titel")
    for m in _TITLE_INITIAL.finditer(text):
        add(m.start("name"), m.end("name"), 0.7, "naam_titel_initiaal")
    for m in _POSSESSIVE.finditer(text):
        stem = m.group("name")
        whole = stem + "s"
        low = stem.casefold()
        if whole.casefold() in first_names() or is_word(whole) or _sentence_start(text, m.start()):
            continue
        if low in first_names() or not is_word(low):
            add(m.start("name"), m.end("name"), 0.75, "naam_bezit")
    for m in _APPOSITION.finditer(text):
        name = m.group("name")
        if all(is_plain_word(w) for w in name.split()):
            continue
        # a lower-case title before the name stays ("een man, broeder <name>,"): the pattern ignores case
        lead = re.match(r"(?:[a-zà-ÿ][\w'-]*\s+)+", name)
        add(m.start("name") + (lead.end() if lead else 0), m.end("name"), 0.75, "naam_bijstelling")
    for m in _NAME_ROLE.finditer(text):
        tokens = list(re.finditer(r"\S+", m.group("name")))
        while tokens and tokens[0].group().casefold() in stop_words():  # "En Marleen de Graaf"
            tokens.pop(0)
        words = [t.group() for t in tokens if t.group()[:1].isupper()]
        if len(words) < 2 or not is_role(m.group("role")):
            continue
        if words[0].casefold() in place_names() or any(w.casefold() in stop_words() for w in words):
            continue  # "Helmond West, wijkagent": a place; a surname may be one too ("de Graaf")
        if not all(is_plain_word(w) for w in words):
            add(m.start("name") + tokens[0].start(), m.end("name"), 0.7, "naam_rol")
    for m in _INITIALS_NAME.finditer(text):
        low = m.group("surname").casefold()
        if low not in stop_words() and (low in surnames() or (not is_plain_word(low) and low not in place_names())):
            add(m.start(), m.end(), 0.7, "naam_initialen")
    for m in _PARTICLE_NAME.finditer(text):  # a surname in lower case: "bij van der meulen", "ten brink"
        surname = m.group("surname")
        if surname in surnames() and surname not in stop_words() and (m.group("particle").startswith("van") or not is_word(surname)):
            add(m.start(), m.end(), 0.6, "naam_tussenvoegsel")
    for m in _SPELLED.finditer(text):  # a name spelled out letter by letter: "j-a-n-s-e-n", "j a n s e n"
        if len(set(m.group().casefold().replace("-", "").replace(" ", ""))) > 1:  # not "o o o o"
            add(m.start(), m.end(), 0.7, "naam_gespeld")
    for m in _APPOSITION_AFTER.finditer(text):
        name = m.group("name")
        if not is_plain_word(name) and name.casefold() not in place_names() and name.casefold() not in stop_words():
            add(m.start("name"), m.end("name"), 0.7, "naam_bijstelling")
    for m in _NAMED_ASIDE.finditer(text):
        low = m.group("name").casefold()
        if low in place_names() or low in stop_words():
            continue
        if (low in first_names() and zipf(low) < RARE_FIRST_NAME_ZIPF) or not is_plain_word(low):
            add(m.start("name"), m.end("name"), 0.65, "naam_tussenzin")
    for m in _PUPIL_CLASS.finditer(text):
        low = strip_possessive(m.group("name")).casefold()
        if low in place_names() or low in stop_words():
            continue
        if low in first_names() or not is_plain_word(low):
            add(m.start("name"), m.start("name") + len(strip_possessive(m.group("name"))), 0.65, "naam_klas")
    for m in _KIN_IS_NAME.finditer(text):
        low = m.group("name").casefold()
        # only a listed first name: after "is" a capitalised word may be an origin ("is Marokkaan")
        if low in first_names() and low not in place_names() and low not in stop_words():
            add(m.start("name"), m.end("name"), 0.65, "naam_familie_is")
    for m in _NAME_PAIR.finditer(text):
        tokens = m.group("name").split()
        if all(_name_like(token) for token in tokens) and zipf(tokens[1]) < RARE_SURNAME_ZIPF:
            add(m.start("name"), m.end("name"), 0.6, "naam_paar_onbekend")
    for m in _CAPITALISED.finditer(text):
        name = m.group("name")
        low = name.casefold()
        if low in place_names() or low in stop_words() or _STREET_NAME.search(low):
            continue
        if PLACE_BEFORE.search(text, max(0, m.start() - 60), m.start()):
            continue  # "uit Oekraïne, uit <town>", "het eiland <name>": a place nobody's list knows
        if (low in first_names() and not is_word(low) and not _sentence_start(text, m.start())
                and not _ARTICLE_OR_PLACE_BEFORE.search(text, max(0, m.start() - 12), m.start())
                and zipf(low) < RARE_CAPITALISED_FIRST_NAME_ZIPF and zipf(low, "en") < RARE_CAPITALISED_FIRST_NAME_ZIPF):
            add(m.start("name"), m.end("name"), 0.55, "naam_voornaam_zeldzaam")  # "vraag het aan Mirza"
            continue
        if all(is_unknown_word(part) for part in low.split("-")) and not is_word(low) and not is_compound_word(low):
            add(m.start("name"), m.end("name"), 0.55, "naam_onbekend_woord")
    return out
