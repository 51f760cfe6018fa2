"""The `narratief` command: a thin layer over the pipeline library.

Each command parses its arguments, makes one library call and turns narratief's own errors into a
clean Dutch message and exit code 2.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Optional

import typer

from narratief import __version__
from nlp.errors import NarratiefError

app = typer.Typer(
    help="narratief: narratief onderzoek voor Preventie met Gezag - transcripten inlezen, "
    "pseudonimiseren, coderen, onderwerpen vinden, vergelijken en rapporteren.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
review_app = typer.Typer(help="Menselijke review van de codering: werkboek exporteren en inlezen.",
                         no_args_is_help=True)
qda_app = typer.Typer(help="Uitwisseling met ATLAS.ti, MAXQDA, NVivo en QualCoder (REFI-QDA).",
                      no_args_is_help=True)
privacy_app = typer.Typer(help="Privacy: bevindingen van de pseudonimisering beoordelen.", no_args_is_help=True)
app.add_typer(review_app, name="review")
app.add_typer(qda_app, name="qda")
app.add_typer(privacy_app, name="privacy")

MapArg = typer.Argument(..., help="De werkmap (met narratief.toml).", metavar="MAP")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"narratief {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="Toon de versie en stop."),
) -> None:
    """narratief: narratief onderzoek voor Preventie met Gezag."""


NieuweSleutel = typer.Option(False, "--nieuwe-sleutel",
                             help="Begin bewust met een nieuwe sleutel terwijl er al uitvoer is "
                             "(terugkerende personen krijgen dan een ander pseudoniem).")


def _ask_passphrase() -> str | None:
    """Ask for the key's passphrase on a terminal (hidden); None when nobody can answer."""
    from narratief.console import is_interactive

    if not is_interactive():
        return None
    return typer.prompt("Wachtwoordzin voor de pseudonimiseringssleutel", hide_input=True)


def _pipeline(root: Path, quiet: bool = False, skip_invalid: bool = False, new_key: bool = False,
              passphrase=_ask_passphrase):
    from narratief.console import Progress, log_to_file
    from narratief.pipeline import Pipeline
    from narratief.workspace import open_workspace

    ws = open_workspace(root)
    log_to_file(ws.output_dir)
    return Pipeline(ws, Progress(quiet=quiet), skip_invalid=skip_invalid, new_key=new_key,
                    passphrase=passphrase)


@app.command()
def init(
    map: Path = typer.Argument(..., help="De map voor de nieuwe werkmap."),
    demo: bool = typer.Option(False, "--demo", help="Kopieer ook het synthetische democorpus."),
    naam: Optional[str] = typer.Option(None, "--naam", help="Projectnaam (standaard de mapnaam)."),
    gemeente: str = typer.Option("Helmond", "--gemeente",
                                 help="Gemeenteprofiel (wijken, scholen, partners, codeboek), bijvoorbeeld Eindhoven."),
) -> None:
    """Maak een werkmap: narratief.toml, interviews/, codebook/, interpretatie/, privacy/, output/."""
    from narratief.workspace import init_workspace

    ws = init_workspace(map, name=naam, demo=demo, gemeente=gemeente)
    typer.echo(f"Werkmap klaar: {ws.root}")


@app.command()
def ingest(
    map: Path = MapArg,
    json_out: bool = typer.Option(False, "--json", help="Druk het overzicht per bestand af als JSON."),
    skip_invalid: bool = typer.Option(False, "--skip-invalid",
                                      help="Ga door zonder onleesbare bestanden (en meld ze)."),
    voorbeeld: bool = typer.Option(False, "--voorbeeld",
                                   help="Toon per bestand de herkende indeling en de eerste drie beurten "
                                   "(alleen op het scherm, wordt niet opgeslagen)."),
) -> None:
    """Lees alle transcripten en toon per bestand jaar, type, wijk, beurten en woorden."""
    pipeline = _pipeline(map, quiet=json_out or voorbeeld, skip_invalid=skip_invalid)
    summary = pipeline.ingest()
    if voorbeeld:  # raw text for the user's screen only: printed, never written under output/
        from interviews.preview import format_preview, preview

        typer.echo(format_preview(preview(pipeline.corpus.transcripts)))
        return
    if json_out:
        typer.echo(json.dumps(summary.to_json_rows(), ensure_ascii=False, indent=2))
    else:
        from narratief.tables import print_summary

        print_summary(summary)


@app.command()
def pseudonymise(
    map: Path = MapArg,
    skip_invalid: bool = typer.Option(False, "--skip-invalid", help="Ga door zonder onleesbare bestanden."),
    nieuwe_sleutel: bool = NieuweSleutel,
) -> None:
    """Vervang alle persoonsgegevens door vaste pseudoniemen; de sleutel blijft versleuteld apart."""
    _pipeline(map, skip_invalid=skip_invalid, new_key=nieuwe_sleutel).pseudonymise(force=True)


@app.command()
def herleid(
    map: Path = MapArg,
    pseudoniem: str = typer.Argument(..., help='Het pseudoniem, bijvoorbeeld "[Persoon 07]".'),
) -> None:
    """Zoek het origineel van een pseudoniem op (alleen voor bevoegden: vraagt de wachtwoordzin)."""
    typer.echo(_pipeline(map, quiet=True).reidentify(pseudoniem))


@privacy_app.command("review")
def privacy_review(
    map: Path = MapArg,
    uit: Optional[Path] = typer.Option(None, "--uit", help="Schrijf het reviewwerkboek (.xlsx, ruwe gegevens!) naar dit pad."),
    inlezen: Optional[Path] = typer.Option(None, "--import", help="Lees de besluiten uit een ingevuld reviewwerkboek in."),
) -> None:
    """Beoordeel de gevonden persoonsgegevens: werkboek schrijven (--uit) of besluiten inlezen (--import)."""
    if (uit is None) == (inlezen is None):
        raise typer.BadParameter("geef precies een van --uit of --import")
    if uit is not None:
        n = _pipeline(map, quiet=True).privacy_review_export(uit)
        typer.echo(f"{n} bevindingen geschreven naar {uit}. Het werkboek bevat ruwe gegevens: verwijder het na het inlezen.")
    else:
        n = _pipeline(map, quiet=True).privacy_review_import(inlezen)
        typer.echo(f"{n} besluiten ingelezen; draai 'narratief pseudonymise' om ze toe te passen.")


@app.command()
def code(map: Path = MapArg) -> None:
    """Codeer elk segment met de thema's en lenzen van het codeboek."""
    _pipeline(map).code(force=True)


@review_app.command("export")
def review_export(
    map: Path = MapArg,
    codeurs: str = typer.Option("codeur1", "--codeurs", help="Namen van de codeurs, met komma's."),
    aantal: int = typer.Option(0, "--aantal", min=0, help="Alleen de N segmenten waarover de machine het "
                               "minst zeker is (verschillend van elkaar, nog niet beoordeeld); 0 = alle segmenten."),
    jaar: int = typer.Option(None, "--jaar", help="Alleen segmenten uit dit jaar."),
) -> None:
    """Schrijf een reviewwerkboek (.xlsx) met de voorstellen en kolommen per codeur."""
    path = _pipeline(map).review_export([c.strip() for c in codeurs.split(",") if c.strip()],
                                        aantal=aantal, jaar=jaar)
    typer.echo(f"Reviewwerkboek: {path}")


@review_app.command("import")
def review_import(map: Path = MapArg,
                  bestand: Path = typer.Argument(..., help="Het ingevulde reviewwerkboek (.xlsx).")) -> None:
    """Lees een ingevuld reviewwerkboek in (elke waarde wordt gecontroleerd)."""
    n = _pipeline(map).review_import(bestand)
    typer.echo(f"{n} codes ingelezen.")


@qda_app.command("export")
def qda_export(map: Path = MapArg) -> None:
    """Exporteer codeboek (.qdc) en gecodeerd project (.qdpx)."""
    for path in _pipeline(map).qda_export():
        typer.echo(f"Geschreven: {path}")


@qda_app.command("import")
def qda_import(map: Path = MapArg,
               bestand: Path = typer.Argument(..., help="Een .qdpx-project met gecodeerde fragmenten.")) -> None:
    """Lees gecodeerde fragmenten terug uit een .qdpx-project."""
    n = _pipeline(map).qda_import(bestand)
    typer.echo(f"{n} codes ingelezen.")


@app.command()
def agreement(map: Path = MapArg) -> None:
    """Overeenstemming tussen codeurs en machine: Krippendorffs alfa, Cohens kappa, percentage."""
    from narratief.tables import print_agreement

    print_agreement(_pipeline(map).agreement(force=True))


@app.command()
def topics(map: Path = MapArg) -> None:
    """Zoek onderwerpen (BERTopic) en markeer nieuwe onderwerpen die het codeboek niet kent."""
    _pipeline(map).topics(force=True)


@app.command()
def compare(map: Path = MapArg) -> None:
    """Vergelijk thema's over jaren, wijken en interviewtypen."""
    _pipeline(map).compare(force=True)


@app.command()
def report(
    map: Path = MapArg,
    jaar: Optional[int] = typer.Option(None, "--jaar", help="Het jaar (standaard het laatste)."),
    formaat: Optional[str] = typer.Option(None, "--formaat", help="html,docx,pdf (standaard alle drie)."),
) -> None:
    """Schrijf het hoofdstuk 'Narratief onderzoek' (HTML, DOCX, PDF) onder output/rapport/."""
    formats = [f.strip() for f in formaat.split(",")] if formaat else None
    for path in _pipeline(map).report(year=jaar, formats=formats, force=True):
        typer.echo(f"Geschreven: {path}")


@app.command()
def deel(
    map: Path = MapArg,
    jaar: Optional[int] = typer.Option(None, "--jaar", help="Het jaar (standaard het laatste)."),
) -> None:
    """Schrijf de geanonimiseerde editie voor het lerend netwerk onder output/deel/."""
    for path in _pipeline(map).share(year=jaar, force=True):
        typer.echo(f"Geschreven: {path}")


@app.command()
def run(
    map: Path = MapArg,
    skip_invalid: bool = typer.Option(False, "--skip-invalid", help="Ga door zonder onleesbare bestanden."),
    nieuwe_sleutel: bool = NieuweSleutel,
) -> None:
    """Voer de hele keten uit; ongewijzigde stappen worden overgeslagen, een onderbroken run hervat."""
    _pipeline(map, skip_invalid=skip_invalid, new_key=nieuwe_sleutel).run()


@app.command()
def volg(
    map: Path = MapArg,
    interval: float = typer.Option(1.0, "--interval", min=0.2, help="Seconden tussen twee controles."),
    skip_invalid: bool = typer.Option(False, "--skip-invalid", help="Ga door zonder onleesbare bestanden."),
) -> None:
    """Voer de keten uit en daarna opnieuw bij elke wijziging in de werkmap (Ctrl-C of kill stopt).

    De modellen blijven geladen, dus een gewijzigd transcript, een nieuwe interpretatie of een
    geïmporteerde reviewronde kost alleen wat veranderde."""
    import functools

    from narratief.console import Progress
    from narratief.watch import follow, watched_sources
    from narratief.workspace import CONFIG_NAME, open_workspace

    import signal

    def stop_on_term(_signum, _frame):  # SIGTERM (a service manager, `kill`) stops it like Ctrl-C
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop_on_term)
    ask_once = functools.lru_cache(maxsize=1)(_ask_passphrase)  # asked at most once per watch
    say = Progress().say

    def report_error(exc: NarratiefError) -> None:
        typer.secho(exc.message, err=True, fg=typer.colors.RED)

    follow(lambda: watched_sources(open_workspace(map)),
           lambda: _pipeline(map, skip_invalid=skip_invalid, passphrase=ask_once).run(),
           say=say, report_error=report_error, warm_up=lambda: _pipeline(map, quiet=True).warm_up(),
           fallback=[map / CONFIG_NAME], interval=interval)


@app.command()
def demo(map: Path = typer.Argument(Path("demo-werkmap"), help="De werkmap voor de demo.")) -> None:
    """Maak een werkmap met het democorpus en voer de hele keten uit."""
    from narratief.workspace import init_workspace

    init_workspace(map, demo=True)
    _pipeline(map).run()


@app.command()
def uitleg(code: str = typer.Argument(..., help="Een foutcode, bijvoorbeeld N605.")) -> None:
    """Leg een foutcode uit: wat ze betekent en wat u kunt doen."""
    from narratief.errors import explain

    typer.echo(explain(code))


INTERRUPTED = "Afgebroken; wat klaar was, blijft bewaard. Start opnieuw om te hervatten."


def main() -> None:
    """Entry point: run the app and turn narratief's errors into a message and exit code 2."""
    from narratief.cli_nl import dutch_command, usage_error_message
    from typer._click import exceptions as click_exceptions

    try:
        result = dutch_command(app).main(prog_name="narratief", standalone_mode=False)
        if isinstance(result, int) and result:  # --help and --version return their exit code
            if result == 130:  # and typer returns Ctrl-C (KeyboardInterrupt) as 130, silently
                typer.secho(INTERRUPTED, err=True)
            raise SystemExit(result)
    except click_exceptions.NoArgsIsHelpError as exc:
        typer.echo(exc.ctx.get_help())
        raise SystemExit(0)
    except click_exceptions.UsageError as exc:
        typer.echo(usage_error_message(exc), err=True)
        raise SystemExit(2)
    except NarratiefError as exc:
        typer.secho(exc.message, err=True, fg=typer.colors.RED)
        raise SystemExit(2)
    except (typer.Abort, KeyboardInterrupt):
        typer.secho(INTERRUPTED, err=True)
        raise SystemExit(130)
    except typer.Exit as exc:
        raise SystemExit(exc.exit_code)
    except click_exceptions.ClickException as exc:
        typer.echo(f"Fout: {exc.format_message()}", err=True)
        raise SystemExit(exc.exit_code)
    except OSError as exc:  # a file or folder the user named cannot be used: no traceback
        import errno

        where = f"{exc.filename}: " if exc.filename else ""
        reason = exc.strerror or errno.errorcode.get(exc.errno or 0, str(exc))
        typer.secho(f"[N799] {where}bestand of map niet bruikbaar ({reason}); controleer het pad en de rechten",
                    err=True, fg=typer.colors.RED)
        raise SystemExit(2)
