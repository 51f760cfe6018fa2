"""Errors of the codebook stage: codebook, coding, review and REFI-QDA exchange (N3xx).

Catalogue (messages in Dutch, never with transcript text or names):
    N301  codebook file missing or unreadable
    N302  codebook is not valid YAML
    N303  codebook structure: top level is not a mapping, unknown top-level key, no codes
    N304  unknown key in a code
    N305  wrong type of a value (e.g. a list where text is expected)
    N306  duplicate code id
    N307  subcode whose parent does not exist or is not a theme
    N308  empty id, name or definition
    N309  unknown national PmG theme in `national`
    N310  invalid kind or id
    N320  REFI-QDA codebook (.qdc) cannot be read or is invalid
    N330  review workbook cannot be read or lacks a sheet / column
    N331  review workbook cell holds an unknown or invalid value
    N332  review segments table lacks a required column
    N340  REFI-QDA project (.qdpx) cannot be read or is invalid
    N341  QDPX export input inconsistent (coding for an unknown document/turn/part)
    N342  a review table in output/review/ (human_codes.csv, shareable.csv) is unreadable or lacks columns
N350-N399 are reserved for automatic coding (`codebook/coding/`).
"""

from __future__ import annotations

from nlp.errors import NarratiefError, catalogue


class CodebookError(NarratiefError):
    """A codebook, review workbook or REFI-QDA file cannot be used (N3xx)."""


CATALOGUE = catalogue(
    ("N301", "codeboek ontbreekt of is onleesbaar", "controleer [paden] codebook in narratief.toml"),
    ("N302", "het codeboek is geen geldige YAML", "controleer inspringing en dubbele punten op de genoemde regel"),
    ("N303", "de opbouw van het codeboek klopt niet", "begin met name, version en codes"),
    ("N304", "onbekende sleutel in een code", "gebruik alleen de genoemde sleutels"),
    ("N305", "een waarde heeft het verkeerde type", "schrijf tekst of een lijst zoals genoemd"),
    ("N306", "een code-id komt twee keer voor", "geef elke code een eigen id"),
    ("N307", "een subcode verwijst naar een onbekend thema", "verbeter 'parent'"),
    ("N308", "id, naam of definitie is leeg", "vul de genoemde sleutel"),
    ("N309", "onbekend landelijk PmG-thema in 'national'", "gebruik een van de genoemde landelijke thema's"),
    ("N310", "ongeldige soort of id", "gebruik kind theme, subcode of lens en een id van kleine letters"),
    ("N320", "het REFI-QDA-codeboek (.qdc) is onleesbaar of ongeldig", "exporteer het codeboek opnieuw"),
    ("N330", "het reviewwerkboek is onleesbaar of mist een blad of kolom",
     "gebruik het werkboek van 'narratief review export' zonder kolommen te verwijderen"),
    ("N331", "een cel in het reviewwerkboek heeft een onbekende waarde", "gebruik de keuzelijst van de cel"),
    ("N332", "de segmententabel voor de review mist een kolom", "voer 'narratief code' opnieuw uit"),
    ("N340", "het REFI-QDA-project (.qdpx) is onleesbaar of ongeldig", "exporteer het project opnieuw"),
    ("N341", "de QDPX-export verwijst naar een onbekend segment", "voer 'narratief code' opnieuw uit"),
    ("N342", "een reviewtabel in output/review/ is onleesbaar of mist kolommen",
     "herstel het bestand of verwijder het en lees de werkboeken opnieuw in"),
    ("N350", "ongeldige gewichten van de codeerders", "gewichten >= 0 en niet allebei 0"),
    ("N351", "de segmententabel mist kolommen", "voer 'narratief code' opnieuw uit"),
    ("N352", "semantisch coderen zonder embeddingmodel", "geef een embeddingmodel op of zet de semantische weging op 0"),
    ("N353", "geen of onleesbare gecodeerde segmenten", "voer 'narratief code' (opnieuw) uit"),
)
