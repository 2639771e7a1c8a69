"""`fraudwatch store setup|migrate|stats`: create, upgrade and count the store."""

from __future__ import annotations

import click

KINDS = ("site", "page", "capture", "review", "letter")


@click.group("store")
def store_group() -> None:
    """Create, migrate and inspect the configured store."""


@store_group.command("setup")
@click.pass_obj
def setup(obj) -> None:
    """Create tables or indices, templates and aliases (safe to run again)."""
    with obj.store() as store:
        click.echo(f"ready: {store.ping()}")


@store_group.command("migrate")
@click.pass_obj
def migrate(obj) -> None:
    """Elasticsearch: rebuild indices from the current templates and swap the aliases."""
    with obj.store() as store:
        if not hasattr(store, "migrate"):
            click.echo("the SQLite store needs no migration")
            return
        for kind, index in store.migrate().items():
            click.echo(f"{kind}: now {index}")


@store_group.command("stats")
@click.pass_obj
def stats(obj) -> None:
    """Count the documents of each kind."""
    with obj.store() as store:
        for kind in KINDS:
            click.echo(f"{kind + 's':<10} {store.count(kind)}")


def register(main: click.Group) -> None:
    main.add_command(store_group)
