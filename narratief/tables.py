"""Terminal tables for people (Dutch headers)."""

from __future__ import annotations

import math

import pandas as pd
from rich.console import Console
from rich.table import Table

from interviews.corpus import CorpusSummary


def print_summary(summary: CorpusSummary, console: Console | None = None) -> None:
    console = console or Console()
    table = Table(title="Ingelezen transcripten")
    for header in ("Bestand", "Jaar", "Type", "Wijk", "Beurten", "Woorden", "Indeling", "Bron metadata"):
        table.add_column(header, justify="right" if header in ("Beurten", "Woorden") else "left",
                         overflow="fold")
    for row in summary.rows:
        table.add_row(row.file, str(row.year), row.type, row.wijk, str(row.turns), str(row.words),
                      row.layout, row.sources)
    console.print(table)
    totals = Table(title="Totalen")
    for header in ("Indeling", "Waarde", "Bestanden", "Beurten", "Woorden"):
        totals.add_column(header)
    for label, groups in (("jaar", summary.by_year), ("type", summary.by_type), ("wijk", summary.by_wijk)):
        for group in groups:
            totals.add_row(label, str(group.value), str(group.files), str(group.turns), str(group.words))
    t = summary.total
    totals.add_row("totaal", "", str(t.files), str(t.turns), str(t.words))
    console.print(totals)


def print_agreement(table_df: pd.DataFrame, console: Console | None = None) -> None:
    console = console or Console()
    if table_df.empty:
        console.print("Geen menselijke codes: lees eerst een reviewwerkboek in (narratief review import).")
        return
    table = Table(title="Overeenstemming (alfa >= 0,800 betrouwbaar; >= 0,667 voorlopig)")
    for header in ("Code", "Codeur A", "Codeur B", "n", "% eens", "kappa", "alfa", "Oordeel"):
        table.add_column(header)

    def fmt(value: float, digits: int = 3) -> str:
        return "–" if value is None or (isinstance(value, float) and math.isnan(value)) else f"{value:.{digits}f}"

    for row in table_df.itertuples(index=False):
        table.add_row(str(row.code), str(row.coder_a), str(row.coder_b), str(row.n),
                      fmt(row.percent, 1), fmt(row.kappa), fmt(row.alpha), str(row.reading))
    console.print(table)
