"""Errors of the interviews stage: reading (N1xx) and pseudonymisation (N2xx)."""

from __future__ import annotations

from nlp.errors import NarratiefError, catalogue


class InterviewError(NarratiefError):
    """A transcript cannot be read (N1xx)."""


class CorpusErrors(InterviewError):
    """Several transcripts cannot be read; carries every single error so all are reported at once."""

    def __init__(self, errors: list[InterviewError]):
        self.errors = list(errors)
        lines = "\n".join("  " + e.message for e in self.errors)
        super().__init__("N100", f"{len(self.errors)} transcript(en) niet leesbaar:\n{lines}")

    @property
    def message(self) -> str:  # no path prefix: each line names its own file
        return f"[{self.code}] {self.detail}"


class PseudonymisationError(NarratiefError):
    """Pseudonymisation, key or leak-check problems (N2xx)."""


# Codes of this package outside the reading catalogue (`interviews.readers.errors`: N101-N119).
CATALOGUE = catalogue(
    ("N100", "een of meer transcripten zijn niet leesbaar", "los elke genoemde fout op, of gebruik --skip-invalid"),
    ("N140", "geen gemeenteprofiel met deze naam",
     "zet 'gemeente' in narratief.toml op een van de genoemde profielen, of voeg interviews/profiles/<gemeente>.yaml toe"),
    ("N141", "het gemeenteprofiel is ongeldig", "verbeter de genoemde sleutel in het profielbestand"),
    ("N201", "het wachtwoord van de sleutel is onjuist", "geef het wachtwoord waarmee de sleutel is gemaakt"),
    ("N202", "geen wachtwoord voor de sleutel", "zet NARRATIEF_PASSPHRASE of voer het wachtwoord in"),
    ("N203", "het sleutelbestand is geen (volledig) narratief-sleutelbestand",
     "zet een reservekopie van sleutel.bin terug"),
    ("N204", "het sleutelbestand is niet leesbaar of niet te schrijven", "controleer de rechten op de sleutelmap"),
    ("N205", "de sleutel is niet geopend met een wachtwoord", "open de sleutel eerst (programmeerfout)"),
    ("N206", "het bestand hoort niet bij deze sleutel of is beschadigd",
     "gebruik de sleutel van deze werkmap, of zet een reservekopie terug"),
    ("N207", "dit is geen pseudoniem in de ingestelde stijl", "geef een pseudoniem zoals het in de uitvoer staat"),
    ("N208", "dit pseudoniem is niet genummerd en dus niet eenduidig herleidbaar",
     "zet [pseudonimisering] alles_nummeren = true en voer de run opnieuw uit"),
    ("N210", "de pseudoniemstijl mist een label voor een categorie", "geef elke categorie een label"),
    ("N211", "geen pseudoniem ingesteld voor een categorie", "geef elke categorie een label"),
    ("N212", "onbekend besluit in het bevindingenbestand", "gebruik leeg, 'bevestigd' of 'afgewezen'"),
    ("N213", "onbekende categorie in de weigerlijst", "gebruik een van de categorieën, bijvoorbeeld [adres]"),
    ("N214", "de bevindingen zijn versleuteld", "open eerst de sleutel (geef het wachtwoord)"),
    ("N215", "het reviewwerkboek kan hier niet gemaakt worden",
     "kies een .xlsx-naam buiten output/, en pseudonimiseer eerst"),
    ("N216", "het reviewwerkboek is onleesbaar of onvolledig", "gebruik het werkboek dat narratief maakte"),
    ("N220", "de lekcontrole vond een oorspronkelijk persoonsgegeven in de uitvoer",
     "deel niets; bevestig de bevinding of zet de term op de weigerlijst en voer de run opnieuw uit"),
)
