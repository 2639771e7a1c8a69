"""`fraudwatch export --format ...`: the confirmed block list for ISPs, CERTs and registries."""

from __future__ import annotations

from pathlib import Path

import click

from takedown.exports.formats import FORMATS, export_block_list


@click.command("export")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="csv", show_default=True,
              help="csv, json, stix (2.1 bundle), registry (ISP XML dump), xarf (v4, JSON lines).")
@click.option("--out", "out_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to this file instead of standard output.")
@click.pass_obj
def export(obj, fmt: str, out_file: Path | None) -> None:
    """Export confirmed sites (and removals after delisting) as a block list."""
    with obj.store() as store:
        text = export_block_list(store, obj.config, fmt)
    if out_file:
        out_file.write_text(text, encoding="utf-8")
        click.echo(f"{out_file}", err=True)
    else:
        click.echo(text, nl=False)


def register(main: click.Group) -> None:
    main.add_command(export)
