"""The N1xx catalogue: errors while reading transcripts.

Every message names the file (relative to the interviews folder) and, where it helps, the line; it
never holds transcript text or speaker names. Metadata values such as a year or a type may appear.

    N101 empty file                       N109 metadata conflict (file vs metadata.csv)
    N102 binary / undecodable file        N110 duplicate document id (same file stem twice)
    N103 corrupt .docx                    N111 problem in metadata.csv itself
    N104 invalid metadata value           N112 invalid front matter (YAML)
    N105 missing metadata field           N113 file cannot be opened
    N106 unknown file extension / format  N114 malformed subtitle file (header, timing line)
    N107 .vtt/.srt without cues           N115 interviews folder not found
    N108 no speaker turns found           N116 file resembles a known layout but does not fit it
                                          N120 a speaker legend gives one code two meanings
                                          N117 invalid file-name pattern (narratief.toml)
                                          N118 malformed .rtf (no '{\\rtf' start, unbalanced braces)
"""

from __future__ import annotations

from interviews.errors import InterviewError
from nlp.errors import catalogue

CATALOGUE = catalogue(
    ("N101", "leeg bestand", "vul het bestand of haal het uit de interviewmap"),
    ("N102", "binair of onleesbaar bestand", "sla het op als UTF-8-tekst, .docx, .odt, .rtf, .vtt of .srt"),
    ("N103", "beschadigd Word-bestand", "open en bewaar het opnieuw in Word of LibreOffice"),
    ("N104", "ongeldige metadata", "gebruik een van de genoemde waarden"),
    ("N105", "ontbrekende metadata", "zet jaar, type en wijk in het bestand, in metadata.csv of in de mapnamen"),
    ("N106", "onbekend bestandstype", "gebruik een van de genoemde formaten"),
    ("N107", "ondertitelbestand zonder cues", "exporteer het ondertitelbestand opnieuw"),
    ("N108", "geen spreekbeurten gevonden", "schrijf beurten als 'Spreker: tekst'"),
    ("N109", "tegenstrijdige metadata", "maak de bronnen gelijk of laat er één weg"),
    ("N110", "dubbele document-id", "geef de bestanden een unieke naam"),
    ("N111", "fout in metadata.csv", "verbeter de genoemde regel van metadata.csv"),
    ("N112", "ongeldige front matter", "verbeter de YAML tussen de '---'-regels"),
    ("N113", "bestand niet te openen", "controleer de rechten op het bestand"),
    ("N114", "ongeldig ondertitelbestand", "verbeter de kop- of tijdregel"),
    ("N115", "interviewmap niet gevonden", "maak de map of verbeter [paden] interviews"),
    ("N116", "indeling niet herkend", "volg de indeling van de genoemde voorbeelden"),
    ("N117", "ongeldig bestandsnaampatroon", "gebruik {jaar}, {type}, {wijk} en *"),
    ("N118", "ongeldig RTF-bestand", "open het in Word, WordPad of TextEdit en bewaar het opnieuw als .rtf of .docx"),
    ("N119", "een koppeling in de interviewmap wijst naar buiten de map",
     "kopieer het bestand naar de interviewmap in plaats van een koppeling"),
    ("N120", "legenda met een dubbele code", "geef in de legenda boven het transcript elke spreker een eigen code"),
)


class InputError(InterviewError):
    """One transcript (or metadata.csv) cannot be read; `code` is one of `CATALOGUE`.

    Example:
        >>> str(InputError("N104", path="2025/groep.txt", line=3,
        ...     detail="'type' is 'buurt'; kies 'partnergroep' of 'wijk'"))
        "[N104] 2025/groep.txt, regel 3: 'type' is 'buurt'; kies 'partnergroep' of 'wijk'"
    """
