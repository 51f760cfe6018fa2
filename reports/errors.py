"""Errors of the reports stage (N6xx).

Catalogue:
    N601  an input table lacks documented columns
    N602  no data for the requested year
    N603  quarto exited with an error (its error output is shown)
    N604  a renderer reported success but an output file is missing
    N605  pandoc failed
    N606  typst could not compile the PDF
    N607  unknown output format or engine
    N608  a template or interpretation file cannot be read
    N609  invalid settings of the shared edition
"""

from __future__ import annotations

from nlp.errors import NarratiefError, catalogue


class ReportError(NarratiefError):
    """The chapter or the shared edition cannot be built or rendered (N6xx)."""


CATALOGUE = catalogue(
    ("N601", "een invoertabel mist gedocumenteerde kolommen", "voer de run opnieuw uit (narratief run)"),
    ("N602", "geen gegevens voor het gevraagde jaar", "kies een van de genoemde jaren"),
    ("N603", "quarto gaf een fout", "lees de foutuitvoer van quarto hieronder"),
    ("N604", "de renderer meldde succes maar een uitvoerbestand ontbreekt", "voer het rapport opnieuw uit"),
    ("N605", "pandoc faalde", "lees de foutuitvoer van pandoc; controleer de interpretatiebestanden"),
    ("N606", "typst kon de pdf niet maken", "lees de foutuitvoer van typst, of kies [rapport] formaten zonder pdf"),
    ("N607", "onbekend uitvoerformaat of onbekende renderer", "kies html, docx of pdf"),
    ("N608", "een sjabloon of interpretatiebestand is onleesbaar", "sla het bestand op als UTF-8"),
    ("N609", "ongeldige instellingen van de gedeelde editie", "zet [deel] min_segmenten en min_interviews op minstens 1"),
)
