"""Many small generated sites for load tests and benchmarks: `Farm(extra_sites=500)`.

Each generated site takes one content kind and language of the catalogue (casino, loan,
pyramid, the legitimate kinds), an invented operator and `pages` pages: the kind's own pages,
then more built from its paragraphs in a seeded order, every one linked from the menu. Names
and text are deterministic, so two farms with the same arguments serve the same web.
"""

from __future__ import annotations

import random
from functools import cache

from classifiers.verdict import CATEGORIES
from fraudwatch.farm.content import CONTENT, Page, pages_for
from fraudwatch.farm.sites import FarmSite, _operator

TLDS = ("kz", "com", "net", "org")
KINDS = tuple((kind, lang) for kind, langs in CONTENT.items() if kind != "affiliate"
              for lang in langs)
PARAGRAPHS_PER_PAGE = 8


def generated_sites(count: int) -> list[FarmSite]:
    """`count` generated sites, kinds and languages in turn."""
    sites = []
    for n in range(count):
        kind, lang = KINDS[n % len(KINDS)]
        domain = f"gen{n:05d}-{kind}.{TLDS[n % len(TLDS)]}"
        category = kind if kind in CATEGORIES else "legit"
        operator = _operator(domain, f"{kind.title()} {n}", f"gen{n}")
        sites.append(FarmSite(domain, category, lang, kind, operator))
    return sites


@cache
def generated_pages(site: FarmSite, count: int) -> tuple[Page, ...]:
    """The site's `count` pages: its kind's pages, then pages of its paragraphs reshuffled."""
    base = pages_for(site)
    pool = [paragraph for page in base for paragraph in page.paragraphs]
    rng = random.Random(f"farm-generated:{site.host}")
    pages = list(base[:count])
    for n in range(len(pages), count):
        model = base[n % len(base)]
        paragraphs = tuple(rng.choices(pool, k=PARAGRAPHS_PER_PAGE))
        pages.append(Page(f"/page/{n}", f"{model.nav} {n}", f"{model.title} ({n})", paragraphs,
                          table=model.table))
    return tuple(pages)
