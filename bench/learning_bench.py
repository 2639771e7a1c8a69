"""Learning from the reviews on 10,000 stored pages: `train --from-store` and `reclassify`.

Run: .venv/bin/python bench/learning_bench.py [--pages 10000]

Crawls --pages pages of generated loopback sites (`--render never`, as bench row 1) into a
fresh SQLite store and var_dir, records reviews of every REVIEW_EVERY-th site (a flagged fraud site
confirmed, a legitimate site rejected), then times the real commands in subprocesses:
  (a) `fraudwatch train --from-store` (the whole team corpus plus the reviewed sites' pages);
  (b) `fraudwatch model promote 2 --force`, then `fraudwatch reclassify` over every stored
      page with the new version (HTML read back from the crawl's WARC file), the encoder in
      its default mode as in a crawl.
The sentence encoder's passage cache is the project's (var/cache/passages.sqlite, as an
operator's is between runs); how many passages it held before is printed, since a cold cache
embeds the whole corpus first. bench/run imports measure(), which returns the figures.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from crawl_bench import PAGES_PER_SITE, crawl, generated_farm

from fraudwatch.farm.generated import generated_sites
from fraudwatch.review import review_site
from fraudwatch.store import open_store

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / "var" / "cache" / "passages.sqlite"
REVIEW_EVERY = 10
RECLASSIFIED = re.compile(r"(\d+) pages of (\d+) sites re-classified, (\d+) verdicts changed")


def _quiet(*_args, **_kwargs) -> None:
    pass


def cached_passages() -> int:
    """How many passage embeddings the project's cache holds."""
    import sqlite3

    if not CACHE.exists():
        return 0
    with sqlite3.connect(CACHE) as db:
        tables = [r[0] for r in db.execute("select name from sqlite_master where type='table'")]
        return sum(db.execute(f"select count(*) from {t}").fetchone()[0] for t in tables)


def review(store_url: str, sites: int) -> dict:
    """Of every REVIEW_EVERY-th site: confirm a fraud site the model flagged, reject a
    legitimate one (flagged or not: a person says it is not fraud); the counts."""
    truth = {site.host: site.category for site in generated_sites(sites)}
    store = open_store(store_url)
    counts = {"confirm": 0, "reject": 0}
    try:
        for n, site in enumerate(list(store.iter_sites())):
            label = truth.get(site.domain)
            if n % REVIEW_EVERY or label is None:
                continue
            if label == "legit":
                action = "reject"
            elif site.verdict in ("illegal", "suspicious") and site.category == label:
                action = "confirm"
            else:
                continue
            review_site(store, site.domain, "bench", action, f"bench: the site is {label}")
            counts[action] += 1
        store.refresh()
    finally:
        store.close()
    return counts


def fraudwatch(work: Path, *args: str) -> tuple[str, float]:
    """Run `fraudwatch ARGS` on the bench's store and var_dir; (stdout, wall seconds)."""
    env = {**os.environ, "FRAUDWATCH_VAR_DIR": str(work / "var"), "PYTHONPATH": str(ROOT),
           "FRAUDWATCH_LOG_LEVEL": "WARNING", "FRAUDWATCH_CLASSIFIER_ENCODER_CACHE": str(CACHE)}
    env.pop("FRAUDWATCH_CONFIG", None)
    command = [sys.executable, "-c", "from fraudwatch.cli import main; main()", "-q",
               "--store", f"sqlite:///{work}/fw.db", *args]
    started = time.monotonic()
    done = subprocess.run(command, cwd=work, env=env, capture_output=True, text=True)
    seconds = time.monotonic() - started
    if done.returncode:
        raise SystemExit(f"fraudwatch {' '.join(args)} failed ({done.returncode}):\n"
                         f"{done.stdout[-2000:]}\n{done.stderr[-3000:]}")
    return done.stdout, seconds


def measure(pages: int = 10_000, log=_quiet) -> dict:
    """Crawl, review, then time train --from-store and reclassify; the figures."""
    sites = max(1, pages // PAGES_PER_SITE)
    cached = cached_passages()
    with generated_farm(sites) as farm, tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp, "learning")
        seeds = [url for url in farm.seeds() if "://gen" in url][:sites]
        log(f"crawl --render never: {sites} sites x {PAGES_PER_SITE} pages ...")
        summary, _peak, _wall = crawl(farm, seeds, work, "--render", "never")
        reviews = review(f"sqlite:///{work}/fw.db", sites)
        log(f"{summary['pages']} pages stored; reviews: {reviews}; passage cache held "
            f"{cached} passages")
        _out, train_s = fraudwatch(work, "train", "--from-store", "--user", "bench")
        log(f"train --from-store: {train_s:.0f} s")
        fraudwatch(work, "model", "promote", "2", "--force", "--user", "bench")
        out, reclassify_s = fraudwatch(work, "reclassify", "--user", "bench")
        found = RECLASSIFIED.search(out)
        if not found:
            raise SystemExit(f"reclassify said nothing countable:\n{out[-2000:]}")
        reclassified, changed = int(found.group(1)), int(found.group(3))
    return {"pages": summary["pages"], "reviews": reviews, "cached": cached,
            "train_s": train_s, "reclassify_s": reclassify_s, "reclassified": reclassified,
            "changed": changed, "reclassify_pages_s": reclassified / reclassify_s}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=10_000)
    args = parser.parse_args()
    run = measure(args.pages, print)
    print(f"train --from-store: {run['train_s']:.0f} s; reclassify: {run['reclassified']} pages "
          f"in {run['reclassify_s']:.0f} s = {run['reclassify_pages_s']:.1f} pages/s, "
          f"{run['changed']} verdicts changed")


if __name__ == "__main__":
    main()
