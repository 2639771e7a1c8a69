"""Every value fraudwatch stores and shows has human words: when an owner of a vocabulary
gains a value, this fails until fraudwatch.words names it."""

from __future__ import annotations

from crawler.render.contacted import RESOURCE_TYPES
from fraudwatch.networks import WEIGHTS
from fraudwatch.store.query import FACET_FIELDS, FILTER_FIELDS, SORTS
from fraudwatch.store.vocabulary import (
    CATEGORIES,
    SITE_STATUSES,
    VERDICTS,
    Action,
    ReviewState,
)
from fraudwatch.web.users import ROLES
from fraudwatch.words import WORDS
from takedown.letters import STATUSES, TEMPLATES
from takedown.lifecycle import FUNNEL


def test_every_stored_value_has_words():
    owners = {
        "verdict": VERDICTS, "category": CATEGORIES, "review_state": tuple(ReviewState),
        "action": tuple(Action), "status": SITE_STATUSES, "letter_status": STATUSES,
        "letter_type": tuple(TEMPLATES), "field": (*FILTER_FIELDS, *FACET_FIELDS),
        "sort": SORTS, "fingerprint": tuple(WEIGHTS), "stage": [s for s, _ in FUNNEL],
        "role": ROLES, "resource": RESOURCE_TYPES,
    }
    for kind, values in owners.items():
        missing = [str(v) for v in values if str(v) not in WORDS[kind]]
        assert not missing, f"{kind}: no words for {missing}"
