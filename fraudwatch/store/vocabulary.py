"""The words the store's documents use, each declared once and imported everywhere else.

Categories and verdicts are the classifier's (classifiers.verdict owns them). Review states
and audit-log actions are declared here: `StrEnum`s, so a member equals its string in the
store and in JSON, and a misspelt name fails at import instead of matching nothing.
"""

from __future__ import annotations

from enum import StrEnum

from classifiers.verdict import CATEGORIES, FRAUD_CATEGORIES, VERDICTS

__all__ = ["CATEGORIES", "FRAUD_CATEGORIES", "VERDICTS", "Action", "ReviewState",
           "REVIEW_STATES", "SITE_STATUSES", "STATE_AFTER", "NEEDS_REASON"]

SITE_STATUSES = ("live", "down", "parked", "blocked", "error")


class ReviewState(StrEnum):
    """Where a site stands with the regulator."""

    NEW = "new"
    CONFIRMED = "confirmed"
    REJECTED = "rejected"
    NEEDS_INFO = "needs_info"
    DELISTED = "delisted"


REVIEW_STATES = tuple(ReviewState)


class Action(StrEnum):
    """An entry of the audit log: a person's decision, or something the takedown did."""

    CONFIRM = "confirm"
    REJECT = "reject"
    NEEDS_INFO = "needs_info"
    APPEAL = "appeal"
    DELIST = "delist"
    COMMENT = "comment"
    MIRROR_ALERT = "mirror_alert"  # fraudwatch.networks: a new mirror of a confirmed site
    LETTER_DRAFT = "letter_draft"  # takedown.letters: letter_<status> as a letter moves on
    LETTER_SENT = "letter_sent"
    LETTER_ACKNOWLEDGED = "letter_acknowledged"
    BLOCKED = "blocked"  # a letter marked blocked, or a re-check found the block
    VERIFIED_LIVE = "verified_live"  # takedown.verify's re-checks
    VERIFIED_MOVED = "verified_moved"
    VERIFIED_DOWN = "verified_down"
    # fraudwatch.learning: the model's lifecycle (no site: site_id is empty) and its effects
    MODEL_TRAINED = "model_trained"
    MODEL_PROMOTED = "model_promoted"
    MODEL_ROLLED_BACK = "model_rolled_back"
    MODEL_SHADOW = "model_shadow"
    RECLASSIFIED = "reclassified"  # a new model's verdict disagrees with the site's review


# The decisions a reviewer records, and the review state each leaves the site in (None: the
# state does not change).
STATE_AFTER: dict[Action, ReviewState | None] = {
    Action.CONFIRM: ReviewState.CONFIRMED,
    Action.REJECT: ReviewState.REJECTED,
    Action.NEEDS_INFO: ReviewState.NEEDS_INFO,
    Action.APPEAL: None,
    Action.DELIST: ReviewState.DELISTED,
    Action.COMMENT: None,
}
NEEDS_REASON = frozenset({Action.REJECT, Action.DELIST, Action.APPEAL})  # a comment says why
