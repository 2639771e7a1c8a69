"""Explicit Elasticsearch index templates: one per document kind, behind an alias.

Text is indexed three ways: `standard` (exact words, phrases, Kazakh), `fw_russian` and
`fw_english` (stemmed; Lucene's analyzers, registered by scripts/es-analysis). Domains,
IPs, signs and states are keywords. Unknown fields stay in _source without being indexed.
"""

from __future__ import annotations

import hashlib

KINDS = ("capture", "page", "site", "review", "letter")
TEMPLATE_VERSION = 4
SITE_KEY_SINCE = 4  # the first version whose pages carry site_key

KEYWORD = {"type": "keyword"}
DATE = {"type": "date"}
FLOAT = {"type": "float"}
INT = {"type": "integer"}
UNINDEXED = {"type": "object", "enabled": False}
MULTILINGUAL_TEXT = {
    "type": "text",
    "analyzer": "standard",
    "fields": {
        "ru": {"type": "text", "analyzer": "fw_russian"},
        "en": {"type": "text", "analyzer": "fw_english"},
    },
}


def _keywords(*names: str) -> dict:
    return {n: KEYWORD for n in names}


PROPERTIES: dict[str, dict] = {
    "capture": {
        **_keywords("id", "url", "final_url", "domain", "ip", "render", "html_sha256", "lang",
                    "screenshot", "screenshot_sha256", "warc_file", "error", "run_id"),
        "fetched_at": DATE, "status": INT, "warc_offset": {"type": "long"},
        "title": MULTILINGUAL_TEXT, "text": {"type": "text", "index": False},
        "headers": UNINDEXED, "fingerprints": UNINDEXED, "redirects": KEYWORD,
        "tls": UNINDEXED, "contacted": UNINDEXED, "requests": UNINDEXED,
    },
    "page": {
        **_keywords("id", "url", "domain", "tld", "lang", "category", "verdict", "model",
                    "status", "ip", "capture_id", "promoted_domains", "sign_ids",
                    "review_state", "registrar", "hosting"),
        "title": MULTILINGUAL_TEXT, "text": MULTILINGUAL_TEXT, "score": FLOAT,
        "http_status": INT, "first_seen": DATE, "last_seen": DATE, "signs": UNINDEXED,
        "site_key": {"type": "long"},
    },
    "site": {
        **_keywords("id", "domain", "domain_unicode", "tld", "category", "verdict", "signs",
                    "status", "review_state", "registrar", "ip", "asn", "hosting", "network_id",
                    "mirror_of", "screenshot", "letters"),
        "fingerprints": UNINDEXED,
        "title": MULTILINGUAL_TEXT, "score": FLOAT, "cloaking": {"type": "boolean"},
        "first_seen": DATE, "last_seen": DATE,
    },
    "review": {
        **_keywords("id", "site_id", "user", "action", "wrong_signs"),
        "comment": MULTILINGUAL_TEXT, "at": DATE,
    },
    "letter": {
        **_keywords("id", "number", "letter_type", "recipient", "lang", "site_ids", "status"),
        "date": DATE, "created_at": DATE, "files": UNINDEXED,
    },
}

DATE_FIELDS = {kind: {k for k, v in props.items() if v is DATE}
               for kind, props in PROPERTIES.items()}


def site_key(domain: str) -> int:
    """A page's site as a number, for counting distinct sites: Elasticsearch's cardinality
    hashes a number as it reads it, while over the domains, a keyword with as many values
    as there are sites, it must look up every value's text (5 times slower at 1,000,000
    sites). 64 bits: two of a million sites share a key with odds of about 1 in 37 million."""
    digest = hashlib.blake2b(domain.encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def index_template(prefix: str, kind: str, shards: int = 1, replicas: int = 0) -> dict:
    """The body of the composable index template for one document kind.

    Shards and replicas apply to indices created after the template is stored, which is
    what `ElasticStore.migrate()` does to move existing documents onto new values.
    """
    return {
        "index_patterns": [f"{prefix}-{kind}s-v*"],
        "version": TEMPLATE_VERSION,
        "priority": 100,
        "template": {
            "settings": {"number_of_shards": shards, "number_of_replicas": replicas,
                         "refresh_interval": "1s"},
            "mappings": {"dynamic": False, "properties": PROPERTIES[kind],
                         "_meta": {"template_version": TEMPLATE_VERSION}},
        },
        "_meta": {"managed_by": "fraudwatch", "kind": kind},
    }
