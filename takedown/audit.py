"""Takedown events in the store's append-only audit log (beside the supervisors' reviews)."""

from __future__ import annotations

from collections.abc import Iterable

from fraudwatch.store import Review, Store
from fraudwatch.store.models import utcnow
from fraudwatch.store.vocabulary import Action

SYSTEM_USER = "fraudwatch"
# Written here: Action.BLOCKED, letter_<status>, verified_<outcome> (fraudwatch.store.vocabulary
# names them all). Letters themselves are in the letter register.
BLOCKED = Action.BLOCKED


def record(store: Store, site_ids: Iterable[str], action: str, comment: str,
           user: str = SYSTEM_USER, at: str | None = None) -> None:
    """Append one audit entry per site, at `at` (default: now), in one bulk write."""
    when = at or utcnow()
    store.add_reviews(Review(site_id=site_id, user=user, action=action, comment=comment, at=when)
                      for site_id in site_ids)
