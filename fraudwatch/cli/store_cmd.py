"""`fraudwatch store setup|migrate|stats`: create, upgrade and count the store."""

from __future__ import annotations

import click

from fraudwatch.store import StoreError

KINDS = ("site", "page", "capture", "review", "letter")


@click.group("store")
def store_group() -> None:
    """Create, migrate and inspect the configured store."""


@store_group.command("setup")
@click.pass_obj
def setup(obj) -> None:
    """Create tables or indices, templates and aliases (safe to run again)."""
    try:
        with obj.open_store() as store:
            store.setup()
            click.echo(f"ready: {store.ping()}")
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc


@store_group.command("migrate")
@click.pass_obj
def migrate(obj) -> None:
    """Elasticsearch: rebuild indices from the current templates and swap the aliases."""
    try:
        with obj.open_store() as store:
            if not hasattr(store, "migrate"):
                click.echo("the SQLite store needs no migration")
                return
            for kind, index in store.migrate().items():
                click.echo(f"{kind}: now {index}")
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc


@store_group.command("stats")
@click.pass_obj
def stats(obj) -> None:
    """Count the documents of each kind."""
    try:
        with obj.open_store() as store:
            store.setup()
            for kind in KINDS:
                click.echo(f"{kind + 's':<10} {store.count(kind)}")
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc


def register(main: click.Group) -> None:
    main.add_command(store_group)
