"""`fraudwatch signs tuning`: how far each sign can be trusted, by the regulator's decisions."""

from __future__ import annotations

from pathlib import Path

import click

from fraudwatch.cli.csvsave import save_csv
from fraudwatch.i18n import LANGS


@click.group("signs")
def signs() -> None:
    """The signs catalogue, measured against the regulator's decisions."""


@signs.command("tuning")
@click.option("--csv", "csv_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write the report to this CSV file (spreadsheet-safe).")
@click.option("--lang", type=click.Choice(LANGS), default="en", show_default=True,
              help="Language of the sign names.")
@click.pass_obj
def tuning(obj, csv_path: Path | None, lang: str) -> None:
    """Each sign's precision on reviewed sites: of the sites that carry it, the share the
    regulator confirmed rather than rejected or delisted, worst first. A rejection that names
    the signs the model got wrong counts against those signs only."""
    from classifiers.explain import sign_name
    from fraudwatch.signtuning import sign_tuning

    with obj.store(existing=True) as store:
        report = sign_tuning(store)
    rows = [{"sign": r.sign, "name": sign_name(r.sign, lang), "sites": r.sites,
             "confirmed": r.confirmed, "rejected": r.rejected, "named_wrong": r.named_wrong,
             "precision": f"{r.precision:.2f}"} for r in report]
    if csv_path:
        from fraudwatch.signtuning import COLUMNS

        save_csv(csv_path, COLUMNS, rows)
    _print_table(rows)


def _print_table(rows: list[dict]) -> None:
    from rich.console import Console
    from rich.table import Table

    if not rows:
        click.echo("no reviewed site carries a sign yet: nothing to measure")
        return
    table = Table(title=f"{len(rows)} signs on reviewed sites, worst precision first")
    table.add_column("sign", min_width=12)
    table.add_column("id", no_wrap=True, min_width=max(len(row["sign"]) for row in rows))
    for column in ("sites", "confirmed", "rejected", "named wrong", "precision"):
        table.add_column(column, justify="right")
    for row in rows:
        table.add_row(row["name"], row["sign"], *(str(row[k]) for k in (
            "sites", "confirmed", "rejected", "named_wrong", "precision")))
    console = Console(highlight=False)
    if not console.is_terminal:  # a file or a pipe: no line is cut at 80 columns
        console.width = max(console.width, 160)
    console.print(table)


def register(main: click.Group) -> None:
    main.add_command(signs)
