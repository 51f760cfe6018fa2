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
                                          N117 invalid file-name pattern (narratief.toml)
"""

from __future__ import annotations

from interviews.errors import InterviewError

CATALOGUE: dict[str, str] = {
    "N101": "leeg bestand",
    "N102": "binair of onleesbaar bestand",
    "N103": "beschadigd Word-bestand",
    "N104": "ongeldige metadata",
    "N105": "ontbrekende metadata",
    "N106": "onbekend bestandstype",
    "N107": "ondertitelbestand zonder cues",
    "N108": "geen spreekbeurten gevonden",
    "N109": "tegenstrijdige metadata",
    "N110": "dubbele document-id",
    "N111": "fout in metadata.csv",
    "N112": "ongeldige front matter",
    "N113": "bestand niet te openen",
    "N114": "ongeldig ondertitelbestand",
    "N115": "interviewmap niet gevonden",
    "N116": "indeling niet herkend",
    "N117": "ongeldig bestandsnaampatroon",
}


class InputError(InterviewError):
    """One transcript (or metadata.csv) cannot be read; `code` is one of `CATALOGUE`.

    Example:
        >>> str(InputError("N104", path="2025/groep.txt", line=3,
        ...     detail="'type' is 'buurt'; kies 'partnergroep' of 'wijk'"))
        "[N104] 2025/groep.txt, regel 3: 'type' is 'buurt'; kies 'partnergroep' of 'wijk'"
    """
