"""`fraudwatch verify [DOMAIN...]`: re-check listed sites and record blocked, live, moved, down."""

from __future__ import annotations

import click

from takedown.verify import listed_sites, verify_sites


@click.command("verify")
@click.argument("domains", nargs=-1)
@click.pass_obj
def verify(obj, domains: tuple[str, ...]) -> None:
    """Re-fetch listed sites (or DOMAINS) and log whether the block holds."""
    with obj.store() as store:
        sites = ([s for s in (store.get_site_by_domain(d) for d in domains) if s]
                 if domains else listed_sites(store))
        checks = verify_sites(store, obj.config, sites)
    for check in checks:
        click.echo(f"{check.domain}\t{check.outcome}\t{check.reason}")


def register(main: click.Group) -> None:
    main.add_command(verify)
