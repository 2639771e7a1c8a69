"""Documents kept by the store: captures, pages, sites, reviews, letters.

Plain dataclasses with stable ids (a hash of the normalised URL or domain), so writing the
same thing twice is idempotent. `to_doc`/`from_doc` convert to and from JSON-ready dicts.
"""

from __future__ import annotations

import copy
import hashlib
from dataclasses import dataclass, field, fields, is_dataclass
from datetime import UTC, datetime
from functools import cache
from typing import Any, ClassVar, Self

from classifiers.verdict import SignHit


def stable_id(kind: str, key: str) -> str:
    """A short, stable document id for `key` (a normalised URL or a domain)."""
    return hashlib.sha256(f"{kind}:{key}".encode()).hexdigest()[:32]


def utcnow() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


class Doc:
    kind: ClassVar[str]

    def to_doc(self) -> dict[str, Any]:
        """The document as a new JSON-ready dict: what `dataclasses.asdict` gives, faster
        (it is on the bulk-write path of every page and capture)."""
        return _plain(self)

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> Self:
        names = {f.name for f in fields(cls)}
        data = {k: v for k, v in doc.items() if k in names}
        return cls(**data)


_ATOMS = frozenset({str, int, float, bool, type(None)})


@cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


def _plain(value: Any) -> Any:
    """`value` with dataclasses turned into dicts and containers copied, as asdict does."""
    if type(value) in _ATOMS:
        return value
    if isinstance(value, list):
        return [v if type(v) in _ATOMS else _plain(v) for v in value]
    if isinstance(value, dict):
        return {_plain(k): v if type(v) in _ATOMS else _plain(v) for k, v in value.items()}
    if is_dataclass(value) and not isinstance(value, type):
        return {name: v if type(v) in _ATOMS else _plain(v)
                for name in _field_names(type(value)) for v in (getattr(value, name),)}
    if isinstance(value, tuple):
        return type(value)(_plain(v) for v in value)
    return copy.deepcopy(value)


@dataclass
class Capture(Doc):
    """One fetch of one URL at one time, with its evidence references."""

    kind: ClassVar[str] = "capture"
    url: str
    fetched_at: str
    domain: str = ""
    final_url: str = ""
    redirects: list[str] = field(default_factory=list)
    status: int | None = None
    headers: dict[str, str] = field(default_factory=dict)
    ip: str = ""
    render: str = "static"
    html_sha256: str = ""
    text: str = ""
    title: str = ""
    lang: str = ""
    screenshot: str = ""
    screenshot_sha256: str = ""
    warc_file: str = ""
    warc_offset: int | None = None
    fingerprints: dict[str, list[str]] = field(default_factory=dict)
    error: str = ""
    run_id: str = ""
    # the server's TLS certificate over https: subject, issuer (RFC 4514), not_after (ISO)
    tls: dict[str, str] = field(default_factory=dict)
    # hosts the page contacted: host, ip, requests (responses), asn, as_name (where known)
    contacted: list[dict] = field(default_factory=list)
    # what the page fetched, in order: url, type (a browser resource type), status (None when
    # it failed), size (body bytes), failure (the browser's reason, or "")
    requests: list[dict] = field(default_factory=list)
    id: str = ""

    def __post_init__(self) -> None:
        if not self.id:  # one capture per URL, moment and view (plain, desktop, mobile)
            self.id = stable_id(self.kind, f"{self.url}@{self.fetched_at}@{self.render}")


@dataclass
class Page(Doc):
    """The latest capture of a normalised URL, with its classification."""

    kind: ClassVar[str] = "page"
    url: str
    domain: str
    tld: str = ""
    title: str = ""
    text: str = ""
    lang: str = ""
    category: str = "legit"
    verdict: str = "clean"
    score: float = 0.0
    signs: list[SignHit] = field(default_factory=list)
    model: str = ""
    # What the model running in shadow (fraudwatch.modelversions) said, kept apart from the
    # verdict above: {"model", "category", "verdict", "score", "signs"}; empty when none ran.
    shadow: dict[str, Any] = field(default_factory=dict)
    status: str = "live"
    http_status: int | None = None
    ip: str = ""
    first_seen: str = ""
    last_seen: str = ""
    capture_id: str = ""
    promoted_domains: list[str] = field(default_factory=list)
    # SITE_FIELDS_ON_PAGES: copied from the page's site by Store.put_sites, so search can
    # filter and facet on them
    review_state: str = "new"
    registrar: str = ""
    hosting: str = ""
    id: str = ""

    def __post_init__(self) -> None:
        if not self.id:
            self.id = stable_id(self.kind, self.url)
        self.signs = [SignHit.of(s) for s in self.signs]

    @property
    def sign_ids(self) -> list[str]:
        """Ids of the signs that count (not those the page only reports or warns about)."""
        return sorted({s.id for s in self.signs if not s.reported})


@dataclass
class Site(Doc):
    """One registered domain, aggregated over its pages."""

    kind: ClassVar[str] = "site"
    domain: str
    domain_unicode: str = ""
    tld: str = ""
    title: str = ""
    category: str = "legit"
    verdict: str = "clean"
    score: float = 0.0
    signs: list[str] = field(default_factory=list)
    first_seen: str = ""
    last_seen: str = ""
    status: str = "live"
    review_state: str = "new"
    cloaking: bool = False
    registrar: str = ""
    ip: str = ""
    asn: str = ""
    hosting: str = ""
    # abuse addresses from RDAP: {"registrar": e-mail, "hosting": e-mail}
    abuse_emails: dict[str, str] = field(default_factory=dict)
    network_id: str = ""
    mirror_of: str = ""
    fingerprints: dict[str, list[str]] = field(default_factory=dict)
    screenshot: str = ""
    letters: list[str] = field(default_factory=list)
    id: str = ""

    def __post_init__(self) -> None:
        if not self.id:
            self.id = stable_id(self.kind, self.domain)


@dataclass
class Review(Doc):
    """One entry of the append-only audit log: who did what to which site, when and why."""

    kind: ClassVar[str] = "review"
    site_id: str
    user: str
    action: str
    comment: str = ""
    at: str = field(default_factory=utcnow)
    # A rejection or delisting may name the site's signs the model got wrong (sign ids)
    wrong_signs: list[str] = field(default_factory=list)
    id: str = ""

    def __post_init__(self) -> None:
        if not self.id:
            self.id = stable_id(self.kind, "|".join(
                (self.site_id, self.user, self.action, self.at, self.comment)))


@dataclass
class Letter(Doc):
    """A letter sent or to be sent: number, date, recipient, sites, files and their hashes."""

    kind: ClassVar[str] = "letter"
    number: str
    date: str
    letter_type: str
    recipient: str
    lang: str = "ru"
    site_ids: list[str] = field(default_factory=list)
    status: str = "draft"
    files: dict[str, str] = field(default_factory=dict)
    recipient_emails: list[str] = field(default_factory=list)
    created_at: str = field(default_factory=utcnow)
    # The recipient's own decision on this request, as its reply states it
    decision_number: str = ""
    decision_date: str = ""
    decision_org: str = ""
    id: str = ""

    def __post_init__(self) -> None:
        if not self.id:
            self.id = stable_id(self.kind, self.number)


SITE_FIELDS_ON_PAGES = ("review_state", "registrar", "hosting")  # a site's, kept on its pages
# each kind of document and its class
DOC_CLASSES: dict[str, type[Doc]] = {"capture": Capture, "page": Page, "site": Site,
                                     "review": Review, "letter": Letter}
