"""The block list as X-ARF v4 reports (category content, type fraud or phishing), one per site.

Each report carries the site's evidence: a JSON summary of verdict and signs, and the latest
screenshot when its file is at hand, each with its SHA-256.

The official v4 `domain` pattern cannot express punycode labels with a double hyphen
(`xn--80a...`) or an `xn--` top-level domain. `domain` is only recommended, so such a site's
report leaves it out and names the domain in `source_identifier` and `url` (both free text).
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import uuid
from pathlib import Path

from takedown.exports.blocklist import Entry

XARF_VERSION = "4.0.0"
NAMESPACE = uuid.UUID("0f5e3c1a-9c1e-4b7e-8d43-2a6f0f6d8b11")  # fraudwatch's own
PHISHING_SIGNS = {"loan.asks_card_secrets"}  # pages that collect card secrets are phishing
FRAUD_TYPES = {"pyramid": "investment", "loan": "advance_fee"}
# The domain pattern of the official v4 content schema
XARF_DOMAIN = re.compile(r"^([a-z0-9]+(-[a-z0-9]+)*\.)+[a-z]{2,}$")
MAX_EVIDENCE = 5 * 1024 * 1024


def evidence_item(data: bytes, content_type: str, description: str) -> dict:
    """One evidence item: the data base64-encoded, with its size and SHA-256."""
    return {"content_type": content_type, "description": description[:500],
            "payload": base64.b64encode(data).decode(), "size": len(data),
            "hash": f"sha256:{hashlib.sha256(data).hexdigest()}"}


def _evidence(entry: Entry) -> list[dict]:
    summary = json.dumps({"domain": entry.domain, "category": entry.category,
                          "signs": entry.signs, "urls": entry.urls,
                          "captures": [c["id"] for c in entry.captures]}, ensure_ascii=False)
    items = [evidence_item(summary.encode(), "application/json", "verdict and signs")]
    shots = [c for c in entry.captures if c["screenshot"] and Path(c["screenshot"]).is_file()]
    if shots and Path(shots[-1]["screenshot"]).stat().st_size <= MAX_EVIDENCE:
        shot = shots[-1]
        items.append(evidence_item(Path(shot["screenshot"]).read_bytes(), "image/png",
                                   f"screenshot of {shot['url']} at {shot['fetched_at']}"))
    return items


def report(entry: Entry, sender: dict) -> dict:
    """The X-ARF v4 report of one block-list entry; `sender` is {org, contact, domain}."""
    kind = "phishing" if PHISHING_SIGNS & set(entry.signs) else "fraud"
    doc = {
        "xarf_version": XARF_VERSION,
        "report_id": str(uuid.uuid5(NAMESPACE, f"{entry.site_id}@{entry.confirmed_at}")),
        "timestamp": entry.confirmed_at or entry.first_seen, "reporter": sender,
        "sender": sender, "source_identifier": entry.domain, "category": "content",
        "type": kind, "url": entry.urls[0],
        "evidence_source": "automated_discovery", "verification_method": "manual",
        "verified_at": entry.confirmed_at or entry.first_seen,
        "tags": [f"category:{entry.category}", f"blocktype:{entry.block_type}"],
        "evidence": _evidence(entry),
    }
    if XARF_DOMAIN.match(entry.domain):
        doc["domain"] = entry.domain
    if kind == "fraud":
        doc["fraud_type"] = FRAUD_TYPES.get(entry.category, "other")
    return doc


def to_xarf(entries: list[Entry], sender: dict) -> str:
    """JSON Lines: one X-ARF report per listed (not removed) entry."""
    return "".join(json.dumps(report(e, sender), ensure_ascii=False) + "\n"
                   for e in entries if not e.removed)
