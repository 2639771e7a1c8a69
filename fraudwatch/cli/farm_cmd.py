"""`fraudwatch farm`: serve the demo/test farm, list its seeds and its sites."""

from __future__ import annotations

import json
import signal
import threading

import click

DEFAULT_PORT = 8765
_hostile_option = click.option("--hostile/--no-hostile", default=True, show_default=True,
                               help="Include the sites that attack or trap a crawler.")
_port_option = click.option("--port", type=click.IntRange(0, 65535), default=DEFAULT_PORT,
                            show_default=True, help="Farm port (0: any free port).")


def register(main: click.Group) -> None:
    """Add the `farm` group to the `fraudwatch` command."""
    main.add_command(farm)


@click.group()
def farm() -> None:
    """Local fictional websites (casinos, lenders, pyramids, legit look-alikes) for demos and
    tests, served on 127.0.0.1 and routed by Host header."""


@farm.command()
@_port_option
@_hostile_option
@click.option("--seeds-out", type=click.Path(dir_okay=False), help="Write seed URLs here.")
@click.option("--sites-out", type=click.Path(dir_okay=False), help="Write site metadata (JSON).")
def serve(port: int, hostile: bool, seeds_out: str | None, sites_out: str | None) -> None:
    """Serve the farm until Ctrl-C or SIGTERM."""
    from fraudwatch.farm import Farm

    stop = threading.Event()
    previous = signal.signal(signal.SIGTERM, lambda *_: stop.set())
    try:
        with Farm(port=port, hostile=hostile) as running:
            if seeds_out:
                running.write_seeds(seeds_out)
            if sites_out:
                running.write_sites(sites_out)
            click.echo(f"farm: serving {len(running.sites)} sites on 127.0.0.1 port "
                       f"{running.base_port}, {len(running.seeds())} seeds")
            while not stop.wait(0.5):
                pass
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
    click.echo("farm: stopped")


@farm.command()
@_port_option
@_hostile_option
def seeds(port: int, hostile: bool) -> None:
    """Print the seed URLs for a farm on --port, one a line."""
    from fraudwatch.farm.sites import catalogue, seed_urls

    for url in seed_urls(catalogue(hostile), port):
        click.echo(url)


@farm.command()
@_port_option
@_hostile_option
@click.option("--json", "as_json", is_flag=True, help="Full metadata as JSON.")
def sites(port: int, hostile: bool, as_json: bool) -> None:
    """List the farm's sites and what a crawl should find on each."""
    from fraudwatch.farm.sites import catalogue, manifest

    if as_json:
        click.echo(json.dumps(manifest(catalogue(hostile), port), ensure_ascii=False, indent=2))
        return
    for site in catalogue(hostile):
        click.echo("  ".join([f"{site.domain:<26}", f"{site.category or '-':<8}",
                              f"{site.lang:<5}", f"{site.variant:<7}",
                              f"{site.mirror_of or '-':<20}", site.hostile or "-"]))
