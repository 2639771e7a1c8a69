"""The search request as bookmarkable GET parameters: parsing them and linking facets/pages."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from fraudwatch.i18n import _, format_number
from fraudwatch.store import QueryError, SearchQuery, parse_query
from fraudwatch.store.query import FACET_FIELDS
from fraudwatch.words import word

PARAMS = ("q", *FACET_FIELDS, "since", "until", "sort", "page", "size", "group")
MAX_WINDOW = 10_000  # deepest hit reachable by paging (Elasticsearch's result window)


def _int(value: str, name: str, default: int) -> int:
    try:
        return int(value) if value else default
    except ValueError as exc:
        raise QueryError(_("%(field)s must be a whole number")
                         % {"field": word(name, "field")}) from exc


def build_query(q: str = "", filters: dict[str, list[str]] | None = None, since: str = "",
                until: str = "", sort: str = "relevance", page: int = 1,
                size: int = 20, group: str = "page") -> SearchQuery:
    """A SearchQuery from the query box and the facet filters ticked beside it."""
    text, phrases, inline = parse_query(q)
    for name, values in (filters or {}).items():
        if values:
            inline.setdefault(name, []).extend(v for v in values if v not in inline[name])
    if page * size > MAX_WINDOW:
        raise QueryError(_("paging stops at hit %(n)s; narrow the search instead")
                         % {"n": format_number(MAX_WINDOW)})
    return SearchQuery(text=text, phrases=phrases, filters=inline, sort=sort or "relevance",
                       page=page, size=size, last_seen_from=since, last_seen_to=until,
                       group=group)


@dataclass
class SearchForm:
    """The GET parameters of a search page, as (name, value) pairs in their order."""

    pairs: list[tuple[str, str]]

    @classmethod
    def from_request(cls, request) -> SearchForm:
        return cls([(k, v) for k, v in request.query_params.multi_items() if k in PARAMS and v])

    def get(self, name: str, default: str = "") -> str:
        return next((v for k, v in self.pairs if k == name), default)

    def values(self, name: str) -> list[str]:
        return [v for k, v in self.pairs if k == name]

    def query(self) -> SearchQuery:
        return build_query(
            self.get("q"), {f: self.values(f) for f in FACET_FIELDS}, self.get("since"),
            self.get("until"), self.get("sort", "relevance"),
            _int(self.get("page"), "page", 1), _int(self.get("size"), "size", 20),
            self.get("group", "site"))  # the search page groups by site unless asked

    def url(self, **changes: str | int | None) -> str:
        """This search's URL with some parameters replaced (None drops them)."""
        pairs = [(k, v) for k, v in self.pairs if k not in changes]
        pairs += [(k, str(v)) for k, v in changes.items() if v is not None]
        return "/search?" + urlencode(pairs)

    def toggle(self, name: str, value: str) -> str:
        """The URL with facet `name=value` added, or removed if it is already on; page 1."""
        on = (name, value) in self.pairs
        pairs = [p for p in self.pairs if p != (name, value) and p[0] != "page"]
        return "/search?" + urlencode(pairs if on else [*pairs, (name, value)])

    def is_on(self, name: str, value: str) -> bool:
        return (name, value) in self.pairs
