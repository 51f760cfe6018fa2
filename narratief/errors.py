"""The N7xx catalogue: workspace, settings, lock and pipeline (`WorkspaceError`, `SettingsError`)."""

from __future__ import annotations

from nlp.errors import ErrorCode, catalogue

CATALOGUE = catalogue(
    ("N701", "de werkmap kan niet gemaakt worden", "kies een map die nog niet bestaat of een lege map"),
    ("N702", "de sleutelmap ligt binnen output/", "kies [paden] sleutelmap buiten de werkmap"),
    ("N703", "geen werkmap: narratief.toml ontbreekt", "maak er een met 'narratief init'"),
    ("N704", "narratief.toml is onleesbaar of geen geldige TOML",
     "controleer op de genoemde regel de aanhalingstekens, het '=' en de [sectie]-kop"),
    ("N706", "geen transcripten gevonden", "zet transcripten in de interviewmap"),
    ("N707", "nog niet gepseudonimiseerd", "voer eerst 'narratief pseudonymise' uit"),
    ("N708", "nog niet gecodeerd", "voer eerst 'narratief code' uit"),
    ("N709", "geen interviews uit het gevraagde jaar", "kies een van de genoemde jaren"),
    ("N710", "onbekende sectie in narratief.toml", "gebruik de voorgestelde sectie"),
    ("N711", "onbekende sleutel in narratief.toml", "gebruik de voorgestelde sleutel"),
    ("N712", "een instelling heeft het verkeerde type", "schrijf de waarde zoals genoemd"),
    ("N713", "een instelling ligt buiten het toegestane bereik", "kies een waarde binnen de genoemde grenzen"),
    ("N714", "onbekend taalmodel", "kies een van de Nederlandse spaCy-modellen"),
    ("N715", "de uitvoermap overlapt met de werkmap of de bronnen", "kies een aparte map, bijvoorbeeld output"),
    ("N716", "de sleutelmap ligt binnen de werkmap", "kies een map buiten de werkmap of laat de waarde leeg"),
    ("N717", "een andere narratief-run gebruikt deze werkmap", "wacht tot die klaar is"),
    ("N718", "de sleutel ontbreekt terwijl de werkmap al gepseudonimiseerd is",
     "zet de sleutel terug of start bewust opnieuw met --nieuwe-sleutel"),
    ("N719", "de sleutel kan niet overgezet worden naar de nieuwe sleutelmap", "controleer de rechten op beide mappen"),
    ("N720", "de uitvoermap is niet beschrijfbaar", "controleer de rechten op output/"),
    ("N721", "geen onbeoordeelde segmenten meer om voor te leggen", "kies een ander jaar of lees eerst een werkboek in"),
    ("N799", "een bestand of map die u noemde is niet bruikbaar", "controleer het pad en de rechten"),
)

# Every stage's catalogue, in pipeline order (only this package may import every stage).
CATALOGUE_MODULES = ("nlp.errors", "interviews.errors", "interviews.readers.errors", "codebook.errors",
                     "analysis.errors", "reports.errors", "narratief.errors")


def all_codes() -> dict[str, ErrorCode]:
    """Every catalogued code of every stage.

    Raises:
        ValueError: when two stages catalogue the same code.
    """
    import importlib

    out: dict[str, ErrorCode] = {}
    for name in CATALOGUE_MODULES:
        for code, entry in importlib.import_module(name).CATALOGUE.items():
            if code in out:
                raise ValueError(f"{code} is catalogued twice ({name})")
            out[code] = entry
    return out


def explain(code: str) -> str:
    """The Dutch explanation of a code, e.g. `explain("N605")` -> "[N605] pandoc faalde. Wat te doen: ..."."""
    entry = all_codes().get(code.strip().upper())
    if entry is None:
        return f"Onbekende foutcode '{code}'."
    return f"[{entry.code}] {entry.text}. Wat te doen: {entry.todo}."
