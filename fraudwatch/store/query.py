"""Search requests and results, and the query language shared by the CLI and the web UI.

`parse_query('казино "free spins" domain:example.kz sign:casino.free_spins')` gives the
free text and field filters; both store backends take the resulting `SearchQuery`.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from typing import Any

from fraudwatch.i18n import _
from fraudwatch.store.textindex import snippet as cut_snippet
from fraudwatch.words import word

FILTER_FIELDS = ("category", "verdict", "tld", "lang", "status", "domain", "sign", "ip",
                 "review_state", "registrar", "hosting")
FACET_FIELDS = ("category", "verdict", "review_state", "tld", "lang", "status", "registrar",
                "hosting")
SORTS = ("relevance", "last_seen", "-last_seen", "score", "-score", "domain")
GROUPS = ("site", "page")  # one hit per site (its best page), or one per page
TIMELINE_FIELDS = ("first_seen", "last_seen")  # counted per day when a query asks
# SearchResult.estimated's names for the total and the timelines; facets go by their own
ESTIMATED_TOTAL, ESTIMATED_TIMELINE = "total", "timeline"
MAX_SIZE = 500
_WORDLIKE = re.compile(r"\w")
_NOT_IN_THE_LANGUAGE = re.compile(r"^[(\[{]|[)\]}]$")  # brackets around words
_OPERATORS = {"AND", "OR", "NOT", "&&", "||"}


class QueryError(ValueError):
    """A search request that cannot be run; the message says what to change."""


def _bound(value: str, name: str, end_of_day: bool) -> str:
    """A date range bound as stored times compare: an ISO date (to its day's last instant
    when it ends the range) or an ISO time; QueryError naming the field otherwise."""
    if not value:
        return ""
    try:
        if len(value) == 10:
            day = date.fromisoformat(value).isoformat()
            return f"{day}T23:59:59.999999+00:00" if end_of_day else day
        return datetime.fromisoformat(value).isoformat()
    except ValueError:
        raise QueryError(_("%(field)s must be a date like 2026-11-30")
                         % {"field": word(name, "field")}) from None


@dataclass
class SearchQuery:
    text: str = ""
    phrases: list[str] = field(default_factory=list)
    filters: dict[str, list[str]] = field(default_factory=dict)
    sort: str = "relevance"
    page: int = 1
    size: int = 20
    facets: tuple[str, ...] = FACET_FIELDS
    last_seen_from: str = ""
    last_seen_to: str = ""
    group: str = "page"
    timeline: bool = False  # also count the results per day of TIMELINE_FIELDS

    def __post_init__(self) -> None:
        # Words and phrases without a letter or digit (":", "--") match nothing: drop them.
        self.text = " ".join(w for w in self.text.split() if _WORDLIKE.search(w))
        self.phrases = [p for p in self.phrases if _WORDLIKE.search(p)]
        unknown = set(self.filters) - set(FILTER_FIELDS)
        if unknown:
            raise QueryError(_("unknown filter %(name)s; use %(names)s")
                             % {"name": ", ".join(sorted(unknown)),
                                "names": ", ".join(FILTER_FIELDS)})
        if self.sort not in SORTS:
            raise QueryError(_("unknown sort %(name)r; use %(names)s")
                             % {"name": self.sort, "names": ", ".join(SORTS)})
        if self.page < 1 or not 1 <= self.size <= MAX_SIZE:
            raise QueryError(_("page must be >= 1 and size between 1 and %(n)s") % {"n": MAX_SIZE})
        self.last_seen_from = _bound(self.last_seen_from, "since", end_of_day=False)
        self.last_seen_to = _bound(self.last_seen_to, "until", end_of_day=True)
        if self.group not in GROUPS:
            raise QueryError(_("unknown grouping %(name)r; use %(names)s")
                             % {"name": self.group, "names": ", ".join(GROUPS)})
        bad_facets = set(self.facets) - set(FACET_FIELDS)
        if bad_facets:
            raise QueryError(_("unknown facet %(name)s; use %(names)s")
                             % {"name": ", ".join(sorted(bad_facets)),
                                "names": ", ".join(FACET_FIELDS)})

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.size

    @property
    def has_text(self) -> bool:
        return bool(self.text.strip() or self.phrases)

    @property
    def by_site(self) -> bool:
        return self.group == "site"

    def facet_filters(self, skip: str = "") -> dict[str, list[str]]:
        """The filters on facet fields (but `skip`): values of one field are alternatives,
        and a facet's own counts ignore its own filter, so its other values stay in view."""
        return {f: v for f, v in self.filters.items() if f in FACET_FIELDS and f != skip and v}

    def other_filters(self) -> dict[str, list[str]]:
        """The filters on fields that are not facets (domain, sign, ip)."""
        return {f: v for f, v in self.filters.items() if f not in FACET_FIELDS and v}


@dataclass
class Hit:
    """One search result, as the API and `fraudwatch search --json` give it (the API's
    OpenAPI document takes the field descriptions below from here)."""

    __pydantic_config__ = {"use_attribute_docstrings": True}

    id: str
    """the page's stable id"""
    url: str
    domain: str
    category: str
    verdict: str
    score: float
    signs: list[str]
    """sign ids (the classifier's catalogue)"""
    title: str
    last_seen: str
    snippet: str = ""
    """HTML-escaped text with matches in <mark>"""
    review_state: str = ""
    """the regulator's review state of the site"""
    pages: int = 1
    """matching pages of the site (group=site), else 1"""

    @classmethod
    def of(cls, page, query: SearchQuery, pages: int = 1, snippet: str | None = None) -> Hit:
        """The hit for a stored page (a store's `Page`), with the store's own `snippet` or
        one cut from the page's text for `query`."""
        return cls(id=page.id, url=page.url, domain=page.domain, category=page.category,
                   verdict=page.verdict, score=page.score, signs=page.sign_ids,
                   title=page.title, last_seen=page.last_seen,
                   snippet=cut_snippet(page.text, query.text, query.phrases)
                   if snippet is None else snippet,
                   review_state=page.review_state, pages=pages)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class SearchResult:
    total: int
    hits: list[Hit]
    facets: dict[str, dict[str, int]]
    # With SearchQuery.timeline: per TIMELINE_FIELDS field, {ISO day (UTC): results}, in
    # day order; sites by site (a site counts on each day one of its matching pages does).
    timeline: dict[str, dict[str, int]] = field(default_factory=dict)
    # The facets (names), "timeline" for the timelines and "total" for the total, whose
    # counts are estimated from a sample of the sites (Elasticsearch, by site, over many
    # pages: see store.es_counts).
    estimated: list[str] = field(default_factory=list)

    @property
    def total_estimated(self) -> bool:
        return ESTIMATED_TOTAL in self.estimated

    @property
    def timeline_estimated(self) -> bool:
        return ESTIMATED_TIMELINE in self.estimated


def parse_query(raw: str) -> tuple[str, list[str], dict[str, list[str]]]:
    """Split a query box string into free words, quoted phrases and field filters."""
    try:
        lexer = shlex.shlex(raw, posix=True)
        lexer.whitespace_split = True
        lexer.quotes = '"'
        lexer.commenters = ""
        tokens = list(lexer)
    except ValueError as exc:
        raise QueryError(_("unbalanced quotes in %(query)r") % {"query": raw}) from exc
    words: list[str] = []
    phrases: list[str] = []
    filters: dict[str, list[str]] = {}
    for token in tokens:
        if _NOT_IN_THE_LANGUAGE.search(token) or token in _OPERATORS:
            raise QueryError(_("“%(token)s”: the query takes words, \"phrases\" and field:value "
                               "filters, all of which must match; it has no brackets or "
                               "operators") % {"token": token})
        name, sep, value = token.partition(":")
        if sep and name.lower() in FILTER_FIELDS and value:
            filters.setdefault(name.lower(), []).append(value)
        elif " " in token:
            phrases.append(token)
        else:
            words.append(token)
    return " ".join(words), phrases, filters
