"""The model's lifecycle in the audit log: entries that concern no one site (site_id empty)."""

from __future__ import annotations

from fraudwatch.store import Review, Store
from fraudwatch.store.vocabulary import Action


def record(store: Store, user: str, action: Action, comment: str) -> Review:
    """Append one model event to the audit log."""
    entry = Review(site_id="", user=user, action=action, comment=comment)
    store.add_review(entry)
    return entry
