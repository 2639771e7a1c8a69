"""The block list as CSV (one row per site) and as JSON (every field)."""

from __future__ import annotations

import csv
import io
import json

from takedown.exports.blocklist import Entry

CSV_FIELDS = ("domain", "domain_unicode", "category", "block_type", "urls", "ips", "signs",
              "first_seen", "confirmed_at", "decision_number", "decision_date", "removed_at")


def to_csv(entries: list[Entry]) -> str:
    """CSV with a header; list fields joined with spaces."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_FIELDS)
    for entry in entries:
        row = entry.to_dict()
        writer.writerow([" ".join(row[f]) if isinstance(row[f], list) else row[f]
                         for f in CSV_FIELDS])
    return out.getvalue()


def to_json(entries: list[Entry]) -> str:
    """A JSON document {"count": n, "entries": [...]}."""
    return json.dumps({"count": len(entries), "entries": [e.to_dict() for e in entries]},
                      ensure_ascii=False, indent=2)
