"""Latency of typical faceted searches over N generated pages, on both store backends.

Run: .venv/bin/python bench/search_bench.py [--n 100000] [--backends sqlite,elasticsearch]
(bench/run measures SQLite at 100,000 pages and Elasticsearch at 1,000,000.)
Loads N pages and their sites in bulk into a fresh SQLite file and a fresh set of
Elasticsearch indices (dropped afterwards), then runs each query ROUNDS times and prints
p50/p95 per query and over all of them (target: p95 <= 100 ms on both).
bench/run imports measure_search, which returns these figures per backend.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
import uuid
from pathlib import Path

from fraudwatch.store import Page, SearchQuery, SignHit, Site, Store, open_store

BATCH = 2_000
ROUNDS = 30
CATEGORIES = {"casino": 0.35, "loan": 0.25, "pyramid": 0.15, "legit": 0.25}
VERDICTS = ("illegal", "suspicious", "clean", "licensed")
TLDS = ("kz", "com", "net", "online", "xn--80ao21a", "site", "ru")
LANGS = ("ru", "kk", "en", "mixed")
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
    # the web UI's search: by site, facets disjunctive
    "by site: all + facets": SearchQuery(group="site"),
    "by site: word": SearchQuery(text="бонус", group="site"),
    "by site: facet filters": SearchQuery(filters={"category": ["casino", "loan"],
                                                   "verdict": ["illegal"]}, group="site"),
    "by site: word + category": SearchQuery(text="займ карта", filters={"category": ["loan"]},
                                            group="site"),
}


def generate(n: int, seed: int = 11) -> tuple[list[Page], list[Site]]:
    """N pages, one per site, with plausible categories, verdicts, signs, text and dates."""
    rnd = random.Random(seed)
    pages, sites = [], []
    vocab = {k: v.split() for k, v in WORDS.items()}
    for i in range(n):
        category = rnd.choices(list(CATEGORIES), weights=list(CATEGORIES.values()))[0]
        verdict = ("licensed" if rnd.random() < 0.5 else "clean") if category == "legit" else \
            rnd.choice(VERDICTS[:2])
        label = f"{rnd.choice(vocab[category][:8])}-{i}".encode("idna").decode()
        domain = f"{label}.{rnd.choice(TLDS)}"
        words = rnd.choices(vocab[category] + vocab["legit"][:3], k=40)
        seen = f"2026-{rnd.randint(6, 11):02d}-{rnd.randint(1, 28):02d}T10:00:00+00:00"
        signs = rnd.sample(SIGNS[category], k=min(len(SIGNS[category]), rnd.randint(0, 3)))
        page = Page(url=f"http://{domain}/", domain=domain, tld=domain.rsplit(".", 1)[1],
                    title=" ".join(words[:5]), text=" ".join(words), lang=rnd.choice(LANGS),
                    category=category, verdict=verdict, score=round(rnd.random(), 3),
                    signs=[SignHit(s, category, 0.7, " ".join(words[:8])) for s in signs],
                    status=rnd.choice(STATUSES), ip=f"198.51.100.{rnd.randrange(256)}",
                    first_seen=seen, last_seen=seen)
        pages.append(page)
        sites.append(Site(domain=domain, tld=page.tld, title=page.title, category=category,
                          verdict=verdict, score=page.score, signs=page.sign_ids,
                          first_seen=seen, last_seen=seen, status=page.status, ip=page.ip,
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
                   on_backend=None) -> dict[str, dict]:
    """Figures of each backend of `sizes` (see summarise), after generating and loading its
    number of pages and sites into it (the smaller sets are the start of the larger);
    `on_backend(backend, figures)` is called as soon as one is measured."""
    pages, sites = generate(max(sizes.values()))
    results = {}
    with tempfile.TemporaryDirectory() as folder:
        for backend, n in sizes.items():
            results[backend] = summarise(n, *run_backend(backend, pages[:n], sites[:n],
                                                         Path(folder), es_url))
            if on_backend:
                on_backend(backend, results[backend])
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--backends", default="sqlite,elasticsearch")
    parser.add_argument("--es", default="http://127.0.0.1:9200")
    args = parser.parse_args()
    pages, sites = generate(args.n)
    with tempfile.TemporaryDirectory() as folder:
        for backend in args.backends.split(","):
            report(backend, args.n, *run_backend(backend, pages, sites, Path(folder), args.es))


if __name__ == "__main__":
    main()
