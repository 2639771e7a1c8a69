"""The robots.txt policy, decided per site.

Default `expanded`: robots.txt is NOT obeyed on seed sites and obeyed on sites reached only by
following external links (--expand). Seeds are sites an operator or a citizen reported as
suspected illegal casinos, lenders or pyramids; the regulator collects evidence of an offence,
which a `Disallow: /` written by the suspect must not prevent (robots.txt is a courtesy
convention, not an access control, and scam operators use it to hide from scanners). The crawl
stays narrow and gentle: a page budget per site, AutoThrottle, two connections per domain.
Sites met by expansion are not suspected yet, so they get the ordinary courtesy.
`obey` and `ignore` apply one rule to every site.
"""

from __future__ import annotations

POLICIES = ("expanded", "obey", "ignore")


def obeys_robots(policy: str, hop: int) -> bool:
    """Whether to obey robots.txt on a site reached `hop` external links away from a seed."""
    if policy not in POLICIES:
        raise ValueError(f"robots policy {policy!r}; use one of {', '.join(POLICIES)}")
    return policy == "obey" or (policy == "expanded" and hop > 0)
