"""`fraudwatch store setup|migrate|stats|replay`: create, upgrade, count and catch up the store."""

from __future__ import annotations

import sys

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
    """Count the documents of each kind (and what waits in the spool)."""
    try:
        with obj.store(existing=True) as store:
            for kind in KINDS:
                click.echo(f"{kind + 's':<10} {store.count(kind)}")
    except click.ClickException as missing:
        click.echo(f"Error: {missing.message}", err=True)
        _spooled(obj)
        sys.exit(1)
    _spooled(obj)


def _spooled(obj) -> int:
    """Print what waits in the store's spool; the number of documents."""
    from fraudwatch.store.spool import Spool

    spool = Spool.for_config(obj.config)
    batches, docs = spool.pending()
    if batches:
        click.echo(f"{'spooled':<10} {docs} documents in {batches} batches ({spool.folder}); "
                   "`fraudwatch store replay` writes them")
    return docs


@store_group.command("replay")
@click.pass_obj
def replay(obj) -> None:
    """Write what crawls spooled while the store was unreachable, oldest first.

    Exit code 1 when documents remain spooled (the store is still unreachable).
    """
    from fraudwatch.store import StoreError, StoreUnavailable
    from fraudwatch.store.spool import Replayed, Spool

    spool = Spool.for_config(obj.config)
    if not spool.files():
        click.echo(f"nothing to replay: the spool of {obj.config.store} is empty")
        return
    try:
        with obj.open_store() as store:
            store.setup()
            result = spool.replay(store)
    except StoreUnavailable as exc:
        result = Replayed(unavailable=exc)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    batches, docs = spool.pending()
    click.echo(f"replayed {result.docs} documents ({result.batches} batches) into "
               f"{obj.config.store}; {docs} documents ({batches} batches) remain in "
               f"{spool.folder}")
    for path in result.corrupt:
        click.echo(f"unreadable batch moved aside, not replayed: {path}", err=True)
    if result.busy:
        click.echo("another process is replaying this spool; try again when it is done",
                   err=True)
    if result.unavailable is not None:
        click.echo(f"fraudwatch store replay: {result.unavailable}", err=True)
    if docs:
        raise SystemExit(1)


def register(main: click.Group) -> None:
    main.add_command(store_group)
