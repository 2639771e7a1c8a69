"""`fraudwatch frontier status|reset`: the shared Redis frontier of a distributed crawl."""

from __future__ import annotations

import json
import sys

import click


def _client(obj, url: str | None):
    from crawler.frontier.shared import FrontierError, connect

    url = url or obj.config.frontier.url
    if not url:
        raise click.UsageError("no frontier: give --frontier redis://HOST:6379/0 or set "
                               "frontier.url")
    try:
        return connect(url)
    except FrontierError as exc:
        click.echo(f"fraudwatch frontier: {exc}", err=True)
        sys.exit(1)


@click.group("frontier")
def frontier_group() -> None:
    """Watch or reset the Redis frontier that `crawl --frontier` workers share."""


FRONTIER = click.option("--frontier", metavar="REDIS_URL", help="Default: frontier.url.")
NAME = click.option("--name", help="The crawl's name (default: frontier.name).")


@frontier_group.command("status")
@FRONTIER
@NAME
@click.option("--json", "as_json", is_flag=True, help="One JSON object.")
@click.pass_obj
def status_cmd(obj, frontier: str | None, name: str | None, as_json: bool) -> None:
    """The current run: requests queued, URLs seen, sites started, and each worker with the
    requests it holds (a worker that is not alive gives them back at the next look)."""
    from crawler.frontier.shared import status

    with _client(obj, frontier) as client:
        state = status(client, name or obj.config.frontier.name)
    if as_json:
        click.echo(json.dumps(state, ensure_ascii=False))
        return
    if state["run_id"] is None:
        click.echo(f"crawl {state['name']}: no run in progress")
        return
    click.echo(f"crawl {state['name']}, run {state['run_id']}: {state['queued']} queued, "
               f"{state['seen']} URLs seen, {state['sites']} sites started")
    for worker, info in state["workers"].items():
        alive = "alive" if info["alive"] else "not alive (its claims go back to the queue)"
        click.echo(f"  worker {worker}: {info['claimed']} claimed, {alive}")


@frontier_group.command("reset")
@FRONTIER
@NAME
@click.option("--force", is_flag=True, help="Even while workers are alive.")
@click.pass_obj
def reset_cmd(obj, frontier: str | None, name: str | None, force: bool) -> None:
    """Forget the crawl's frontier: its queue, duplicate filter and budgets, so the next
    `crawl --frontier` starts afresh. Refused while a worker is alive, unless --force."""
    from crawler.frontier.shared import reset, status

    name = name or obj.config.frontier.name
    with _client(obj, frontier) as client:
        alive = [w for w, info in (status(client, name).get("workers") or {}).items()
                 if info["alive"]]
        if alive and not force:
            click.echo(f"fraudwatch frontier: {len(alive)} workers still crawl {name} "
                       f"({', '.join(alive)}); stop them first or use --force", err=True)
            sys.exit(1)
        click.echo(f"crawl {name}: {reset(client, name)} keys deleted")


def register(main: click.Group) -> None:
    main.add_command(frontier_group)
