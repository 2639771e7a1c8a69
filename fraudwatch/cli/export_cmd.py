"""`fraudwatch export --format ...`: the confirmed block list for ISPs, CERTs and registries."""

from __future__ import annotations

from pathlib import Path

import click

from takedown.exports.formats import FORMATS, export_block_list


@click.command("export")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="csv", show_default=True,
              help="csv or json (sites to block now), changes (CSV of sites added and removed), "
                   "stix (2.1 bundle), registry (ISP XML dump), xarf (v4, JSON lines).")
@click.option("--since", type=click.DateTime(["%Y-%m-%d"]),
              help="With --format changes: only changes on or after this day (YYYY-MM-DD).")
@click.option("--excel", is_flag=True,
              help="CSV for Excel: a byte-order mark, so Cyrillic reads right in ru/kk locales.")
@click.option("--out", "out_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to this file instead of standard output.")
@click.pass_obj
def export(obj, fmt: str, out_file: Path | None, since, excel: bool) -> None:
    """Export confirmed sites (and removals after delisting) as a block list."""
    if since and fmt != "changes":
        raise click.UsageError("--since goes with --format changes")
    day = since.date().isoformat() if since else ""
    with obj.store() as store:
        text = export_block_list(store, obj.config, fmt, since=day, excel=excel)
    if out_file:
        try:
            out_file.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise click.ClickException(f"cannot write {out_file}: {exc.strerror or exc}") from exc
        click.echo(f"{out_file}", err=True)
    else:
        click.echo(text, nl=False)


def register(main: click.Group) -> None:
    main.add_command(export)
