"""`fraudwatch networks build|list|show|watch`: operator networks and mirror alerts."""

from __future__ import annotations

import json

import click

from fraudwatch.networks import (
    build_networks,
    member_links,
    network_members,
    recorded_networks,
    watch_mirrors,
)


@click.group("networks")
def networks_group() -> None:
    """Link sites that share an operator and watch for mirrors of blocked sites."""


@networks_group.command("build")
@click.pass_obj
def build(obj) -> None:
    """Cluster all sites by shared fingerprints and record each site's network."""
    with obj.store() as store:
        networks = build_networks(store)
    sizes = sum(len(n.members) for n in networks)
    click.echo(f"{len(networks)} networks joining {sizes} sites")


@networks_group.command("list")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per network.")
@click.pass_obj
def list_networks(obj, as_json: bool) -> None:
    """List the networks recorded by the last build, largest first."""
    with obj.store() as store:
        members = recorded_networks(store)
    for network_id, sites in members.items():
        states = sorted({s.review_state for s in sites})
        if as_json:
            click.echo(json.dumps({"id": network_id, "members": [s.domain for s in sites],
                                   "review_states": states}, ensure_ascii=False))
        else:
            click.echo(f"{network_id}  {len(sites)} sites  {', '.join(s.domain for s in sites)}"
                       f"  [{', '.join(states)}]")


@networks_group.command("show")
@click.argument("network_id")
@click.pass_obj
def show(obj, network_id: str) -> None:
    """Members of a network and the fingerprints that join them."""
    with obj.store() as store:
        sites = network_members(store, network_id)
    if not sites:
        raise click.ClickException(f"no network {network_id!r}; see `fraudwatch networks list`")
    for site in sites:
        click.echo(f"{site.domain:<40} {site.category:<8} {site.verdict:<10} {site.review_state}")
    click.echo("links:")
    for link in member_links(sites):
        click.echo(f"  {link.a} — {link.b}  weight {link.weight:.1f}: {link.evidence()}")


@networks_group.command("watch")
@click.pass_obj
def watch(obj) -> None:
    """Flag new sites that share an operator with a confirmed or blocked one as mirrors."""
    with obj.store() as store:
        alerts = watch_mirrors(store, obj.config.var_dir)
    for alert in alerts:
        click.echo(f"mirror alert: {alert.comment}")
    click.echo(f"{len(alerts)} mirror alerts")


def register(main: click.Group) -> None:
    main.add_command(networks_group)
