"""The block list as CSV (one row per site), as JSON (every field), and the changes since a
day as CSV (sites added and sites removed), for ISPs that import lists by hand or by script.

The current list (csv, json) holds the sites to block now: a delisted site is left out, and
the changes export says when it was removed. Cells a spreadsheet would run as formulas are
defused; `excel=True` adds a BOM so Excel in a ru or kk locale reads Cyrillic right.
"""

from __future__ import annotations

import csv
import io
import json

from fraudwatch.csvfile import csv_cell
from takedown.exports.blocklist import Entry

CSV_FIELDS = ("domain", "domain_unicode", "category", "block_type", "urls", "ips", "shared_ips",
              "signs", "first_seen", "confirmed_at", "request_number", "request_date",
              "decision_number", "decision_date", "decision_org")
CHANGE_FIELDS = ("change", "at", "domain", "domain_unicode", "category", "block_type", "urls",
                 "request_number", "decision_number", "removal_number", "removal_reason")


def _rows(out: io.StringIO, fields: tuple[str, ...], rows: list[dict], excel: bool) -> str:
    if excel:
        out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(fields)
    for row in rows:
        writer.writerow([csv_cell(" ".join(row[f]) if isinstance(row[f], list) else row[f])
                         for f in fields])
    return out.getvalue()


def current(entries: list[Entry]) -> list[Entry]:
    """The entries to block now: delisted sites left out."""
    return [entry for entry in entries if not entry.removed]


def to_csv(entries: list[Entry], excel: bool = False) -> str:
    """The current list as CSV with a header; list fields joined with spaces."""
    return _rows(io.StringIO(), CSV_FIELDS, [e.to_dict() for e in current(entries)], excel)


def to_json(entries: list[Entry]) -> str:
    """The current list as a JSON document {"count": n, "entries": [...]}."""
    listed = current(entries)
    return json.dumps({"count": len(listed), "entries": [e.to_dict() for e in listed]},
                      ensure_ascii=False, indent=2)


def changes(entries: list[Entry], since: str = "") -> list[dict]:
    """Sites added (confirmed) and removed (delisted) on or after the day `since`
    (YYYY-MM-DD; empty = ever), oldest first."""
    rows = []
    for entry in entries:
        row = entry.to_dict()
        if entry.confirmed_at and entry.confirmed_at[:10] >= since:
            rows.append({**row, "change": "added", "at": entry.confirmed_at})
        if entry.removed and entry.removed_at[:10] >= since:
            rows.append({**row, "change": "removed", "at": entry.removed_at})
    return sorted(rows, key=lambda r: (r["at"], r["domain"]))


def changes_csv(entries: list[Entry], since: str = "", excel: bool = False) -> str:
    """The changes since the day `since` as CSV."""
    return _rows(io.StringIO(), CHANGE_FIELDS, changes(entries, since), excel)
