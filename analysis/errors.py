"""Errors of the analysis stage: comparison and agreement (N5xx).

Catalogue of this module's owner (agreement):
    N501  codings table lacks a column or names a code that is not in the codebook
    N502  agreement table cannot be written
Other analysis modules number from N510.
"""

from __future__ import annotations

from nlp.errors import NarratiefError, catalogue


class AnalysisError(NarratiefError):
    """Comparison or agreement cannot be computed (N5xx)."""


CATALOGUE = catalogue(
    ("N501", "de coderingen missen een kolom of noemen een onbekende code",
     "lees het reviewwerkboek opnieuw in met het huidige codeboek"),
    ("N502", "de overeenstemmingstabel is niet te schrijven", "controleer de rechten op output/agreement"),
    ("N510", "de segmententabel mist kolommen voor de vergelijking", "voer 'narratief code' opnieuw uit"),
    ("N511", "kolom 'year' bevat een waarde die geen jaartal is", "verbeter de metadata van het transcript"),
    ("N512", "de segmententabel is leeg", "lees en codeer eerst transcripten"),
    ("N513", "het aantal embeddings past niet bij het aantal segmenten",
     "verwijder output/embeddings en voer de run opnieuw uit"),
    ("N515", "een analysetabel ontbreekt of is onleesbaar", "voer 'narratief compare' opnieuw uit"),
)
