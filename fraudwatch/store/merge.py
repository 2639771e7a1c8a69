"""What both backends do before an upsert: keep the earliest first_seen of a document."""

from __future__ import annotations

from collections.abc import Callable


def merge_first_seen(docs: list, fetch: Callable[[list[str]], dict[str, dict]]) -> list:
    """Give each doc the earlier of its own and its stored version's first_seen."""
    if not docs:
        return docs
    stored = fetch([d.id for d in docs])
    for doc in docs:
        old = stored.get(doc.id, {}).get("first_seen") or ""
        if old and (not doc.first_seen or old < doc.first_seen):
            doc.first_seen = old
        if not doc.first_seen:
            doc.first_seen = doc.last_seen
    return docs
