"""Which columns the search results show: the analyst's choice, remembered in a cookie.

"Site and page" is always shown. The verdict, category and score are the site's when hits
are grouped by site and the page's when they are listed by page; the other columns are the
site's (its registrar, host, address, network, status, first and last seen).
"""

from __future__ import annotations

COLUMNS = ("verdict", "category", "score", "review_state", "status", "registrar", "hosting",
           "ip", "network_id", "first_seen", "last_seen")
DEFAULT = ("verdict", "category", "score", "review_state", "last_seen")
COOKIE = "fw_cols"
RESET = "default"  # ?cols=default: back to the default columns
PAGE_FIELDS = {"verdict", "category", "score", "last_seen"}  # a page has its own value


def parse(values: list[str]) -> tuple[str, ...]:
    """The known columns among `values` (each may hold several, comma-separated), in
    COLUMNS order; the default ones when none is known."""
    asked = {v.strip() for value in values for v in value.split(",")}
    chosen = tuple(c for c in COLUMNS if c in asked)
    return chosen or DEFAULT


def chosen(request) -> tuple[tuple[str, ...], str | None]:
    """(the columns to show, the cookie value to keep when the request changes them, else
    None): the `cols` parameters first, then the cookie, then the default."""
    asked = request.query_params.getlist("cols")
    if asked:
        columns = DEFAULT if RESET in asked else parse(asked)
        return columns, ",".join(columns)
    return parse([request.cookies.get(COOKIE, "")]), None


def value(column: str, hit, site, by_site: bool):
    """What a row shows in `column`: the page's own value when results are listed by page,
    else its site's (the hit's copy when the site row is missing)."""
    if site is None or (column in PAGE_FIELDS and not by_site):
        return getattr(hit, column, "")
    return getattr(site, column)
