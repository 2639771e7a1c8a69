"""Review decisions on sites: append to the audit log and move the site's review state."""

from __future__ import annotations

from fraudwatch.i18n import _
from fraudwatch.store import Review, Store
from fraudwatch.store.vocabulary import NEEDS_REASON, STATE_AFTER, Action, ReviewState
from fraudwatch.words import word

ACTIONS = STATE_AFTER  # the decisions a reviewer records, and the state each leaves


class ReviewError(ValueError):
    """A review that cannot be recorded; the message says why."""


def review_site(store: Store, domain: str, user: str, action: str, comment: str = "") -> Review:
    """Record `user`'s `action` on the site `domain` in the audit log and update its state."""
    if action not in ACTIONS:
        raise ReviewError(_("unknown action %(action)r; use %(actions)s")
                          % {"action": action, "actions": ", ".join(ACTIONS)})
    if action in NEEDS_REASON and not comment.strip():
        raise ReviewError(_("%(action)s needs a comment saying why")
                          % {"action": word(action, "action")})
    site = store.get_site_by_domain(domain)
    if site is None:
        raise ReviewError(_("no site %(domain)s in the store") % {"domain": domain})
    if action == Action.DELIST and site.review_state != ReviewState.CONFIRMED:
        raise ReviewError(_("%(domain)s is %(state)s, not confirmed: nothing to delist")
                          % {"domain": domain, "state": word(site.review_state, "review_state")})
    entry = Review(site_id=site.id, user=user, action=action, comment=comment)
    store.add_review(entry)
    new_state = ACTIONS[action]
    if new_state and new_state != site.review_state:
        site.review_state = new_state
        store.put_sites([site])
    return entry
