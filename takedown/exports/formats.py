"""One entry point for every export format: `export_block_list(store, config, "stix")`."""

from __future__ import annotations

from datetime import UTC, datetime

from fraudwatch.config import Config
from fraudwatch.store import Store
from takedown.exports.blocklist import block_list
from takedown.exports.registry import to_registry
from takedown.exports.stix import to_stix
from takedown.exports.tabular import changes_csv, to_csv, to_json
from takedown.exports.xarf import to_xarf

FORMATS = ("csv", "json", "changes", "stix", "registry", "xarf")


def sender_contact(config: Config) -> dict:
    """The sender as X-ARF names it: organisation, e-mail and the e-mail's domain."""
    email = config.letters.sender_email
    return {"org": config.letters.sender_name[:200], "contact": email,
            "domain": email.rpartition("@")[2]}


def export_block_list(store: Store, config: Config, fmt: str, now: datetime | None = None,
                      since: str = "", excel: bool = False) -> str:
    """The confirmed block list (with removals where the format has them) as text in `fmt`;
    `changes` lists the sites added and removed since the day `since`; `excel` adds a BOM
    to the CSV formats."""
    now = now or datetime.now(UTC)
    entries = block_list(store)
    issuer = config.letters.sender_name
    if fmt == "csv":
        return to_csv(entries, excel)
    if fmt == "changes":
        return changes_csv(entries, since, excel)
    if fmt == "json":
        return to_json(entries)
    if fmt == "stix":
        return to_stix(entries, issuer, now, config.export.tlp).serialize(pretty=True) + "\n"
    if fmt == "registry":
        return to_registry(entries, issuer, now.isoformat(timespec="seconds"))
    if fmt == "xarf":
        return to_xarf(entries, sender_contact(config))
    raise ValueError(f"unknown export format {fmt!r}; use {', '.join(FORMATS)}")
