"""How far each sign of the catalogue can be trusted, by the regulator's decisions on the sites
that carry it: the catalogue's tuning report (`fraudwatch signs tuning`).

The rule, per reviewed site:

- A site is reviewed when the audit log holds a decision on it (confirm, reject or delist);
  its latest decision is its ruling (an earlier one was overruled).
- Confirmed: each of the site's signs (`Site.signs`, those that count towards its verdict)
  gains a confirmed site.
- Rejected or delisted without naming signs: each of the site's signs gains a rejected site.
  The reviewer did not say which sign misled the model, so all of them share the blame.
- Rejected or delisted naming signs the model got wrong: each named sign gains a rejected site
  and a "named wrong". The site's other signs are left out for that site, neither right nor
  wrong: the reviewer looked at the signs and put the blame elsewhere.

A sign's precision is confirmed / (confirmed + rejected): the share of its reviewed sites the
regulator agreed were fraud. Signs without a counted site are not listed.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from fraudwatch.store import Review, Store
from fraudwatch.store.vocabulary import Action

DECISIONS = frozenset({Action.CONFIRM, Action.REJECT, Action.DELIST})
COLUMNS = ("sign", "name", "sites", "confirmed", "rejected", "named_wrong", "precision")


@dataclass
class SignTuning:
    """What the regulator's decisions say about one sign."""

    sign: str
    confirmed: int = 0
    rejected: int = 0  # rejected or delisted
    named_wrong: int = 0  # of the rejected: those whose reviewer named this sign wrong

    @property
    def sites(self) -> int:
        return self.confirmed + self.rejected

    @property
    def precision(self) -> float | None:
        return self.confirmed / self.sites if self.sites else None


def rulings(store: Store) -> dict[str, Review]:
    """Each reviewed site's latest decision (confirm, reject or delist), by site id."""
    return {entry.site_id: entry for entry in store.iter_reviews()
            if entry.action in DECISIONS and entry.site_id}


def sign_tuning(store: Store) -> list[SignTuning]:
    """Every sign counted on a reviewed site (module docstring: the rule), worst precision
    first; among equals, the most rejected first."""
    tally: dict[str, SignTuning] = defaultdict(lambda: SignTuning(""))
    for site_id, ruling in rulings(store).items():
        site = store.get_site(site_id)
        if site is None:
            continue
        if ruling.action == Action.CONFIRM:
            for sign in set(site.signs):
                tally[sign].confirmed += 1
        elif ruling.wrong_signs:
            for sign in ruling.wrong_signs:
                tally[sign].rejected += 1
                tally[sign].named_wrong += 1
        else:
            for sign in set(site.signs):
                tally[sign].rejected += 1
    for sign, row in tally.items():
        row.sign = sign
    return sorted(tally.values(), key=lambda r: (r.precision, -r.rejected, r.sign))
