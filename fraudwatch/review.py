"""Review decisions on sites: append to the audit log and move the site's review state."""

from __future__ import annotations

from collections.abc import Iterable

from fraudwatch.i18n import _
from fraudwatch.store import Review, Site, Store
from fraudwatch.store.vocabulary import NEEDS_REASON, STATE_AFTER, Action, ReviewState
from fraudwatch.words import word

ACTIONS = STATE_AFTER  # the decisions a reviewer records, and the state each leaves
# The decisions that say the model was wrong about a site, and so may name the signs it got wrong
NAMES_WRONG_SIGNS = frozenset({Action.REJECT, Action.DELIST})


class ReviewError(ValueError):
    """A review that cannot be recorded; the message says why."""


def review_site(store: Store, domain: str, user: str, action: str, comment: str = "",
                wrong_signs: Iterable[str] = ()) -> Review:
    """Record `user`'s `action` on the site `domain` in the audit log and update its state.

    A rejection or delisting may name `wrong_signs`: ids of the site's signs that misled the
    model (the catalogue's tuning report counts them, fraudwatch.signtuning)."""
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
    named = checked_wrong_signs(site, action, wrong_signs)
    entry = Review(site_id=site.id, user=user, action=action, comment=comment,
                   wrong_signs=named)
    store.add_review(entry)
    new_state = ACTIONS[action]
    if new_state and new_state != site.review_state:
        site.review_state = new_state
        store.put_sites([site])
    return entry


def checked_wrong_signs(site: Site, action: str, wrong_signs: Iterable[str]) -> list[str]:
    """The sign ids a reviewer named as wrong, each once; ReviewError unless the decision is
    a rejection or delisting and each is one of the signs the model found on the site."""
    named = list(dict.fromkeys(s.strip() for s in wrong_signs if s.strip()))
    if not named:
        return []
    if action not in NAMES_WRONG_SIGNS:
        raise ReviewError(_("only a rejection or a delisting can name signs the model got "
                            "wrong, not %(action)s") % {"action": word(action, "action")})
    unknown = [sign for sign in named if sign not in site.signs]
    if unknown:
        raise ReviewError(_("%(signs)s: not a sign the model found on %(domain)s; its signs "
                            "are: %(found)s")
                          % {"signs": ", ".join(unknown), "domain": site.domain,
                             "found": ", ".join(site.signs) or "—"})
    return named
