"""Page text of every farm site, looked up by content kind and language, with the site's facts."""

from __future__ import annotations

import random
from itertools import chain, zip_longest

from fraudwatch.farm.content import casino, legit, loan, pyramid
from fraudwatch.farm.content.page import Page
from fraudwatch.farm.sites import FarmSite

CONTENT: dict[str, dict[str, tuple[Page, ...]]] = {
    "casino": casino.PAGES,
    "affiliate": casino.AFFILIATE,
    "casino-cloaked": casino.CLOAKED,
    "loan": loan.PAGES,
    "pyramid": pyramid.PAGES,
    "mfo": legit.MFO,
    "bank": legit.BANK,
    "bookmaker": legit.BOOKMAKER,
    "news": legit.NEWS,
    "blog": legit.BLOG,
    "shop": legit.SHOP,
    "bakery": legit.BAKERY,
    "travel": legit.TRAVEL,
    "flowers": legit.FLOWERS,
}

__all__ = ["CONTENT", "Page", "pages_for"]


def pages_for(site: FarmSite) -> tuple[Page, ...]:
    """The site's pages with its brand, contacts and offer figures filled in."""
    values = _facts(site)
    return tuple(page.fill(values) for page in _raw_pages(site.kind, site.lang))


def _raw_pages(kind: str, lang: str) -> tuple[Page, ...]:
    """Pages of a content kind in one language; "mixed" interleaves Russian and Kazakh."""
    if lang != "mixed":
        return CONTENT.get(kind, {}).get(lang, ())
    return tuple(_mix(ru, kk) for ru, kk in zip(CONTENT[kind]["ru"], CONTENT[kind]["kk"],
                                                strict=True))


def _mix(ru: Page, kk: Page) -> Page:
    """One bilingual page: both titles, paragraphs alternating between the languages."""
    paragraphs = (p for p in chain.from_iterable(zip_longest(ru.paragraphs, kk.paragraphs)) if p)
    return Page(ru.path, f"{ru.nav} / {kk.nav}", f"{ru.title} | {kk.title}", tuple(paragraphs),
                form=ru.form, table=ru.table, countdown=ru.countdown)


def _facts(site: FarmSite) -> dict[str, str]:
    """Placeholder values: the operator's identifiers and its (seeded) offer figures."""
    op = site.operator
    rng = random.Random(f"farm-facts:{op.id}")
    return {
        "brand": op.brand,
        "phone": op.phone,
        "email": op.email,
        "telegram": op.telegram,
        "wallet": op.wallet or "",
        "bonus": str(rng.choice([100, 150, 200, 250, 300])),
        "spins": str(rng.choice([50, 77, 100, 150, 250])),
        "min_dep": f"{rng.choice([500, 1000, 2000]):,}".replace(",", " "),
        "daily": rng.choice(["1,2", "1,5", "2", "2,5", "3"]),
        "max_loan": f"{rng.choice([150_000, 300_000, 500_000]):,}".replace(",", " "),
        "promo": op.telegram.lstrip("@").split("_")[0].upper(),
    }
