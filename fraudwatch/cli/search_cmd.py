"""`fraudwatch search QUERY`: query the store from the terminal."""

from __future__ import annotations

import json

import click

from fraudwatch.store import QueryError, SearchQuery, StoreError, parse_query
from fraudwatch.store.query import FACET_FIELDS, SORTS


def _filter_option(name: str, help_text: str):
    return click.option(f"--{name}", multiple=True, metavar="VALUE", help=help_text)


@click.command("search")
@click.argument("query", nargs=-1)
@_filter_option("category", "casino, loan, pyramid or legit (repeat for any of several).")
@_filter_option("verdict", "illegal, suspicious, clean or licensed.")
@_filter_option("tld", "Top-level domain, e.g. kz.")
@_filter_option("lang", "Page language: ru, kk, en, mixed.")
@_filter_option("status", "Page status: live, down, parked, blocked, error.")
@_filter_option("domain", "Registered domain.")
@_filter_option("sign", "Sign id, e.g. pyramid.fixed_return.")
@click.option("--since", metavar="DATE", default="", help="Last seen on or after (ISO date).")
@click.option("--until", metavar="DATE", default="", help="Last seen on or before (ISO date).")
@click.option("--sort", type=click.Choice(SORTS), default="relevance", show_default=True)
@click.option("--page", type=click.IntRange(min=1), default=1, show_default=True)
@click.option("--size", type=click.IntRange(1, 500), default=20, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per hit, per line.")
@click.option("--facets", is_flag=True, help="Also print counts per category, verdict, ...")
@click.option("--by-site", is_flag=True,
              help="One hit per site (its best page, and how many of its pages match).")
@click.pass_obj
def search(obj, query, since, until, sort, page, size, as_json, facets, by_site,
           **filters) -> None:
    """Full-text search over crawled pages.

    QUERY takes words, "quoted phrases" and field filters such as domain:example.kz,
    sign:casino.free_spins, category:loan, verdict:illegal, ip:203.0.113.5. One argument
    with spaces is a phrase ('рабочее зеркало'), or the whole query when it has quotes or
    a filter ('займ category:loan', as in the web search box).
    """
    try:
        text, phrases, inline = parse_query(query_string(query))
        for name, values in filters.items():
            if values:
                inline.setdefault(name, []).extend(values)
        request = SearchQuery(text=text, phrases=phrases, filters=inline, sort=sort, page=page,
                              size=size, last_seen_from=since, last_seen_to=until,
                              group="site" if by_site else "page")
        with obj.open_store() as store:
            store.setup()
            result = store.search(request)
    except (QueryError, StoreError) as exc:
        raise click.ClickException(str(exc)) from exc
    if as_json:
        for hit in result.hits:
            click.echo(json.dumps(hit.to_json(), ensure_ascii=False))
        if facets:
            click.echo(json.dumps({"total": result.total, "facets": result.facets,
                                   "estimated": result.estimated}, ensure_ascii=False))
        return
    _print_table(result, facets, by_site)


def query_string(args: tuple[str, ...]) -> str:
    """The search box string of QUERY's arguments. An argument with a space is one phrase
    ("каждый день"), unless it is a query of its own: it has quotes or a field filter
    ('category:loan verdict:illegal')."""
    return " ".join(arg if " " not in arg or _is_query(arg) else f'"{arg}"' for arg in args)


def _is_query(arg: str) -> bool:
    if '"' in arg:
        return True
    try:
        return bool(parse_query(arg)[2])  # field filters, by the search box's own rule
    except QueryError:
        return False  # not a query of its own: brackets and such stay words of the phrase


def _print_table(result, facets: bool, by_site: bool) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(highlight=False)
    about = "≈" if result.total_estimated else ""
    table = Table(title=f"{about}{result.total} {'sites' if by_site else 'pages'}",
                  show_lines=False)
    for column in ("verdict", "category", "score", "domain", "title", "last seen", "signs"):
        table.add_column(column)
    for h in result.hits:
        table.add_row(h.verdict, h.category, f"{h.score:.2f}", h.domain, h.title[:60],
                      h.last_seen[:10], ", ".join(h.signs))
    console.print(table)
    if facets:
        for name in FACET_FIELDS:
            near = "≈" if name in result.estimated else ""
            counts = ", ".join(f"{k} {near}{v}" for k, v in result.facets.get(name, {}).items())
            console.print(f"[bold]{name}[/]: {counts}")
    if result.estimated:
        console.print("≈ estimated from a sample of the sites")


def register(main: click.Group) -> None:
    main.add_command(search)
