"""URL and domain helpers: normalisation (w3lib) and registered domains (tldextract, offline).

The one owner of "the host of a URL" for the crawler, the classifier and the web: it sits
below every layer that uses it."""

from __future__ import annotations

from functools import cache, lru_cache
from urllib.parse import urlsplit

import tldextract
from w3lib.url import canonicalize_url


@cache
def _extractor() -> tldextract.TLDExtract:
    # The bundled public-suffix snapshot only: no network fetch, no cache on disk.
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


@lru_cache(maxsize=50_000)  # menus repeat the same links on every page of a site
def normalise_url(url: str) -> str:
    """Canonical form of `url`: punycode host, sorted query, no fragment."""
    return canonicalize_url(url, keep_fragments=False)


def host_of(url: str) -> str:
    """Lower-case host of `url` (or of a bare `host/path`), without port or final dot."""
    return (urlsplit(url if "//" in url else f"//{url}").hostname or "").rstrip(".")


def site_host(url: str) -> str:
    """The host of `url` as a site is named, without a leading `www.` (`www.a.kz` -> `a.kz`)."""
    return host_of(url).removeprefix("www.")


@lru_cache(maxsize=50_000)
def registered_domain(host: str) -> str:
    """The registrable domain of a host (`www.a.kz` -> `a.kz`); the host itself for IPs."""
    ext = _extractor()(host)
    return ext.top_domain_under_public_suffix or host


def public_suffix(host: str) -> str:
    """The public suffix of a host (`kz`, `xn--80ao21a`), empty when none is known."""
    return _extractor()(host).suffix

