"""Latency of typical faceted searches over N generated pages, on both store backends.

Run: .venv/bin/python bench/search_bench.py [--n 100000] [--backends sqlite,elasticsearch]
[--per-site 8] (bench/run measures SQLite at 100,000 pages and Elasticsearch at 1,000,000.)
Sites have 1 to 20 pages (the crawl's default budget), about 7 on average, so a million pages
are some 130,000 sites; `--per-site 1` gives each page its own site, the worst case for
searches by site. Loads N pages and their sites in bulk into a fresh SQLite file and a fresh
set of Elasticsearch indices (dropped afterwards), then runs each query ROUNDS times and
prints p50/p95 per query and over all of them (target: p95 <= 100 ms on both).
bench/run imports measure_search, which returns these figures per backend.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
import uuid
from datetime import date, timedelta
from pathlib import Path

from fraudwatch.store import Page, SearchQuery, SignHit, Site, Store, open_store

BATCH = 2_000
ROUNDS = 30
# A crawl stores at most 20 pages a site by default (crawl --max-pages); sites have fewer on
# average, and one page a site is the worst case for searches by site.
MAX_PAGES = 20
PAGES_PER_SITE = 8
CATEGORIES = {"casino": 0.35, "loan": 0.25, "pyramid": 0.15, "legit": 0.25}
VERDICTS = ("illegal", "suspicious", "clean", "licensed")
TLDS = ("kz", "com", "net", "online", "xn--80ao21a", "site", "ru")
LANGS = ("ru", "kk", "en", "mixed")
PATHS = ("about", "bonus", "login", "faq", "rules", "contacts", "promo", "news", "app")
STATUSES = ("live", "live", "live", "down", "parked", "blocked")
SIGNS = {
    "casino": ["casino.free_spins", "casino.deposit_bonus", "casino.mirror", "casino.wagering"],
    "loan": ["loan.no_refusal", "loan.asks_cvv", "loan.no_credit_history"],
    "pyramid": ["pyramid.fixed_daily_return", "pyramid.referral_levels",
                "pyramid.guaranteed_income"],
    "legit": [],
}
WORDS = {
    "casino": "казино фриспины бонус депозит слоты ставки вейджер зеркало джекпот рулетка "
              "casino spins bonus jackpot slots ойын ұтыс",
    "loan": "займ кредит несие без отказа карта онлайн микрокредит деньги срочно "
            "loan credit instant approval ақша",
    "pyramid": "доход инвестиции процент каждый день пассивный рефералы уровень прибыль "
               "invest returns daily referral табыс",
    "legit": "банк депозит ставка годовых лицензия новости магазин доставка услуги "
             "bank licence news shop қызмет",
}
QUERIES = {
    "all + facets": SearchQuery(),
    "word": SearchQuery(text="бонус"),
    "two words + category": SearchQuery(text="займ карта", filters={"category": ["loan"]}),
    "phrase": SearchQuery(phrases=["каждый день"]),
    "facet filters": SearchQuery(filters={"category": ["casino"], "verdict": ["illegal"],
                                          "tld": ["kz"]}),
    "sign": SearchQuery(filters={"sign": ["pyramid.referral_levels"]}),
    "dates + sort": SearchQuery(last_seen_from="2026-10-01", last_seen_to="2026-10-31T23:59:59",
                                sort="-last_seen"),
    "word + score sort, page 5": SearchQuery(text="казино", sort="-score", page=5),
    # the web UI's search: by site, facets disjunctive (the UI also asks for the timelines of
    # first and last seen, which the target leaves out; README gives their cost)
    "by site: all + facets": SearchQuery(group="site"),
    "by site: word": SearchQuery(text="бонус", group="site"),
    "by site: facet filters": SearchQuery(filters={"category": ["casino", "loan"],
                                                   "verdict": ["illegal"]}, group="site"),
    "by site: word + category": SearchQuery(text="займ карта", filters={"category": ["loan"]},
                                            group="site"),
}


def site_sizes(n: int, rnd: random.Random, mean: float) -> list[int]:
    """Pages per site, summing to `n`: geometric with mean `mean`, at most the crawl's default
    budget of MAX_PAGES (the last site takes what is left)."""
    sizes, left = [], n
    while left:
        size = 1
        while size < MAX_PAGES and rnd.random() > 1 / mean:
            size += 1
        sizes.append(min(size, left))
        left -= sizes[-1]
    return sizes


def generate(n: int, seed: int = 11, per_site: float = PAGES_PER_SITE,
             ) -> tuple[list[Page], list[Site]]:
    """N pages of sites with `per_site` pages on average (1: one page a site), with plausible
    categories, verdicts, signs, text and dates. The first pages of a larger set are not a
    smaller set: generate each size on its own."""
    rnd = random.Random(seed)
    pages, sites = [], []
    vocab = {k: v.split() for k, v in WORDS.items()}
    for i, size in enumerate(site_sizes(n, rnd, per_site)):
        category = rnd.choices(list(CATEGORIES), weights=list(CATEGORIES.values()))[0]
        verdict = ("licensed" if rnd.random() < 0.5 else "clean") if category == "legit" else \
            rnd.choice(VERDICTS[:2])
        label = f"{rnd.choice(vocab[category][:8])}-{i}".encode("idna").decode()
        domain = f"{label}.{rnd.choice(TLDS)}"
        found = date(2026, rnd.randint(6, 11), rnd.randint(1, 28))
        status, ip = rnd.choice(STATUSES), f"198.51.100.{rnd.randrange(256)}"
        own = rnd.sample(SIGNS[category], k=min(len(SIGNS[category]), rnd.randint(0, 3)))
        mine = []
        for j in range(size):
            words = rnd.choices(vocab[category] + vocab["legit"][:3], k=40)
            seen = f"{found + timedelta(days=rnd.randint(0, 20))}T10:00:00+00:00"
            signs = own if j == 0 else rnd.sample(own, k=rnd.randint(0, len(own)))
            mine.append(Page(
                url=f"http://{domain}/" + (f"{rnd.choice(PATHS)}-{j}" if j else ""),
                domain=domain, tld=domain.rsplit(".", 1)[1], title=" ".join(words[:5]),
                text=" ".join(words), lang=rnd.choice(LANGS), category=category,
                verdict=verdict, score=round(rnd.random(), 3),
                signs=[SignHit(s, category, 0.7, " ".join(words[:8])) for s in signs],
                status=status, ip=ip, first_seen=seen, last_seen=seen))
        pages += mine
        sites.append(Site(domain=domain, tld=mine[0].tld, title=mine[0].title,
                          category=category, verdict=verdict,
                          score=max(page.score for page in mine), signs=sorted(own),
                          first_seen=min(page.first_seen for page in mine),
                          last_seen=max(page.last_seen for page in mine), status=status, ip=ip,
                          network_id=f"net-{i // 4}" if category != "legit" else ""))
    return pages, sites


def load(store: Store, pages: list[Page], sites: list[Site]) -> float:
    """Bulk-write pages and sites in batches; return the seconds taken."""
    start = time.perf_counter()
    for i in range(0, len(pages), BATCH):
        store.put_pages(pages[i:i + BATCH])
        store.put_sites(sites[i:i + BATCH])
    store.refresh()
    return time.perf_counter() - start


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def measure(store: Store) -> dict[str, list[float]]:
    """Milliseconds per run of each query, after one warm-up run."""
    timings: dict[str, list[float]] = {}
    for name, query in QUERIES.items():
        store.search(query)
        runs = []
        for _ in range(ROUNDS):
            start = time.perf_counter()
            store.search(query)
            runs.append((time.perf_counter() - start) * 1000)
        timings[name] = runs
    return timings


def report(backend: str, n: int, seconds: float, timings: dict[str, list[float]]) -> None:
    print(f"\n{backend}: {n} pages loaded in {seconds:.1f} s")
    for name, runs in timings.items():
        print(f"  {name:28s} p50 {statistics.median(runs):7.1f} ms   "
              f"p95 {percentile(runs, 0.95):7.1f} ms")
    every = [t for runs in timings.values() for t in runs]
    print(f"  {'ALL':28s} p50 {statistics.median(every):7.1f} ms   "
          f"p95 {percentile(every, 0.95):7.1f} ms")


def open_backend(name: str, folder: Path, es_url: str) -> Store:
    if name == "sqlite":
        return open_store(f"sqlite:///{folder / 'bench.db'}")
    from fraudwatch.store.elastic import ElasticStore

    store = ElasticStore(es_url, prefix=f"fwbench-{uuid.uuid4().hex[:8]}", timeout=120)
    store.request_cache = False  # each run counts again, as a new search would
    return store


def run_backend(backend: str, pages: list[Page], sites: list[Site], folder: Path,
                es_url: str) -> tuple[float, dict[str, list[float]]]:
    """Load `pages` and `sites` into a fresh store of `backend` (Elasticsearch indices are
    dropped afterwards) and time the queries: (load seconds, ms per run of each query)."""
    store = open_backend(backend, folder, es_url)
    store.setup()
    try:
        return load(store, pages, sites), measure(store)
    finally:
        if backend == "elasticsearch":
            store.drop()
        store.close()


def summarise(n: int, seconds: float, timings: dict[str, list[float]]) -> dict:
    """p50/p95 in ms over all queries and per query, and the query with the worst p95."""
    every = [t for runs in timings.values() for t in runs]
    queries = {name: {"p50_ms": statistics.median(runs), "p95_ms": percentile(runs, 0.95)}
               for name, runs in timings.items()}
    slowest = max(queries, key=lambda name: queries[name]["p95_ms"])
    return {"n": n, "load_s": seconds, "p50_ms": statistics.median(every),
            "p95_ms": percentile(every, 0.95), "slowest": slowest, "queries": queries}


def measure_search(sizes: dict[str, int], es_url: str = "http://127.0.0.1:9200",
                   on_backend=None, per_site: float = PAGES_PER_SITE) -> dict[str, dict]:
    """Figures of each backend of `sizes` (see summarise), after generating and loading its
    number of pages, `per_site` a site on average, and their sites into it;
    `on_backend(backend, figures)` is called as soon as one is measured."""
    results = {}
    with tempfile.TemporaryDirectory() as folder:
        for backend, n in sizes.items():
            pages, sites = generate(n, per_site=per_site)
            results[backend] = summarise(n, *run_backend(backend, pages, sites, Path(folder),
                                                         es_url))
            del pages, sites
            if on_backend:
                on_backend(backend, results[backend])
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--backends", default="sqlite,elasticsearch")
    parser.add_argument("--es", default="http://127.0.0.1:9200")
    parser.add_argument("--per-site", type=float, default=PAGES_PER_SITE,
                        help="pages a site has on average (1: one page a site, the worst case "
                             "for searches by site)")
    args = parser.parse_args()
    pages, sites = generate(args.n, per_site=args.per_site)
    with tempfile.TemporaryDirectory() as folder:
        for backend in args.backends.split(","):
            report(backend, args.n, *run_backend(backend, pages, sites, Path(folder), args.es))


if __name__ == "__main__":
    main()
