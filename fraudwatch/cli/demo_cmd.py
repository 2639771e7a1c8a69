"""`fraudwatch demo`: serve the bundled demo sites on loopback, crawl, classify, index, search."""

from __future__ import annotations

import subprocess
import sys

import click

from fraudwatch.store import SearchQuery, StoreError


@click.command("demo")
@click.option("--render", type=click.Choice(["auto", "always", "never"]), default="auto",
              show_default=True, help="Rendering policy passed to the crawl.")
@click.option("--hostile/--no-hostile", default=True, show_default=True,
              help="Include the hostile sites (gzip bomb, redirect loop, drip, ...).")
@click.option("--port", type=click.IntRange(1, 65535), default=8765, show_default=True,
              help="Loopback port of the demo sites; the same port keeps reruns idempotent.")
@click.pass_obj
def demo(obj, render: str, hostile: bool, port: int) -> None:
    """Crawl the bundled demo farm on 127.0.0.1 into the configured store and summarise.

    Runs the real pipeline: the farm's sites are served on loopback under their own
    (fictional) domain names, crawled with the SSRF guard told to allow loopback, classified,
    written to the store, clustered into operator networks; then a sample search is printed.
    """
    from fraudwatch.farm import Farm

    demo_dir = obj.config.var_dir / "demo"
    demo_dir.mkdir(parents=True, exist_ok=True)
    farm = Farm(port=port, hostile=hostile)
    try:
        farm.start()
    except OSError as exc:
        raise click.ClickException(f"cannot serve the demo sites on 127.0.0.1:{port} ({exc}); "
                                   "pass --port with a free port") from exc
    try:
        seeds = demo_dir / "seeds.txt"
        seeds.write_text("\n".join(farm.seeds()) + "\n", encoding="utf-8")
        resolve = demo_dir / "resolve.txt"
        resolve.write_text("".join(f"{h}=127.0.0.1\n" for h in farm.hosts()), encoding="utf-8")
        click.echo(f"demo farm: {len(farm.seeds())} sites on 127.0.0.1:{farm.base_port}", err=True)
        command = [sys.executable, "-m", "fraudwatch", "--store", obj.config.store, "crawl",
                   "--seeds", str(seeds), "--resolve-file", str(resolve), "--allow-private",
                   "--render", render]
        if obj.quiet:
            command.insert(3, "--quiet")
        if obj.config.path:
            command[3:3] = ["--config", str(obj.config.path)]
        code = subprocess.call(command)
    finally:
        farm.stop()
    if code not in (0,):
        raise click.ClickException(f"the crawl exited with {code}")
    _summarise(obj)


def _summarise(obj) -> None:
    from fraudwatch.networks import build_networks

    try:
        with obj.open_store() as store:
            networks = build_networks(store)
            result = store.search(SearchQuery(size=5, sort="-score",
                                              filters={"verdict": ["illegal"]}))
            everything = store.search(SearchQuery(size=1))
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"\nstore {obj.config.store}: {everything.total} pages")
    for name in ("category", "verdict"):
        counts = ", ".join(f"{k} {v}" for k, v in everything.facets[name].items())
        click.echo(f"  {name}: {counts}")
    click.echo(f"  operator networks: {len(networks)}")
    click.echo("top illegal pages:")
    for hit in result.hits:
        click.echo(f"  {hit.score:.2f} {hit.category:<8} {hit.url}  [{', '.join(hit.signs)}]")
    click.echo("\nnext: fraudwatch search 'бонус' --facets | fraudwatch serve | "
               "fraudwatch networks list")


def register(main: click.Group) -> None:
    main.add_command(demo)
