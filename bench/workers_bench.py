"""Speed-up of 2 crawler workers sharing a Redis frontier over 1 worker, on the loopback farm.

Run: .venv/bin/python bench/workers_bench.py [--pages 2000] [--redis redis://127.0.0.1:6390/0]

Serves pages/20 generated sites of 20 pages from this process (the farm shares the machine's
cores with the crawlers), then crawls them twice with `fraudwatch crawl --render never
--frontier REDIS`, each time into a fresh SQLite store: once with one worker, once with two
started together (each crawl under a frontier name of its own). Throughput is pages stored per
second of crawling (the workers' own "crawl finished in" time, the longest of the two; process
start-up and network linking excluded). Prints both and the ratio (target: >= 1.3).
"""

from __future__ import annotations

import argparse
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from fraudwatch.farm import Farm

ROOT = Path(__file__).resolve().parents[1]
PAGES_PER_SITE = 20
SUMMARY = re.compile(r"crawl (\w+) in ([\d.]+)s: (\d+) sites, (\d+) pages")


def crawl(farm: Farm, seeds: list[str], work: Path, redis_url: str, workers: int) -> dict:
    """Crawl `seeds` with `workers` processes on one frontier; pages and seconds."""
    work.mkdir(parents=True)
    (work / "seeds.txt").write_text("\n".join(seeds) + "\n")
    (work / "resolve.txt").write_text("".join(f"{h}=127.0.0.1\n" for h in farm.hosts()))
    env = {**os.environ, "FRAUDWATCH_VAR_DIR": str(work / "var"), "PYTHONPATH": str(ROOT),
           "FRAUDWATCH_LOG_LEVEL": "WARNING", "FRAUDWATCH_FRONTIER_NAME": uuid.uuid4().hex}
    env.pop("FRAUDWATCH_CONFIG", None)
    command = [sys.executable, "-m", "fraudwatch", "-q", "--store", f"sqlite:///{work}/fw.db",
               "crawl", "--seeds", str(work / "seeds.txt"), "--allow-private",
               "--resolve-file", str(work / "resolve.txt"), "--render", "never",
               "--frontier", redis_url]
    # The store is laid out first, so the workers don't race to create it.
    subprocess.run([*command[:5], "store", "setup"], env=env, cwd=work, capture_output=True)
    started = time.monotonic()
    processes = [subprocess.Popen(command, cwd=work, env=env, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True) for _ in range(workers)]
    seconds = []
    for process in processes:
        out, err = process.communicate()
        match = SUMMARY.search(out)
        if process.returncode or not match:
            raise SystemExit(f"worker failed ({process.returncode}):\n{out[-2000:]}\n"
                             f"{err[-3000:]}")
        seconds.append(float(match[2]))
    with sqlite3.connect(work / "fw.db") as db:
        pages = db.execute("SELECT count(*) FROM captures").fetchone()[0]
    return {"pages": pages, "seconds": max(seconds), "wall": time.monotonic() - started,
            "rate": pages / max(seconds)}


def measure(pages: int = 2000, redis_url: str = "redis://127.0.0.1:6390/0") -> dict:
    """Pages/s of one worker and of two, and the speed-up."""
    sites = max(2, pages // PAGES_PER_SITE)
    with Farm(port=0, hostile=False, extra_sites=sites, pages_per_site=PAGES_PER_SITE) as farm, \
            tempfile.TemporaryDirectory() as tmp:
        seeds = [url for url in farm.seeds() if "://gen" in url][:sites]
        one = crawl(farm, seeds, Path(tmp, "one"), redis_url, 1)
        two = crawl(farm, seeds, Path(tmp, "two"), redis_url, 2)
    return {"one": one, "two": two, "speedup": two["rate"] / one["rate"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--redis", default="redis://127.0.0.1:6390/0")
    args = parser.parse_args()
    result = measure(args.pages, args.redis)
    for label, run in (("1 worker ", result["one"]), ("2 workers", result["two"])):
        print(f"{label}: {run['pages']} pages in {run['seconds']:.1f}s of crawling "
              f"({run['wall']:.1f}s wall) = {run['rate']:.1f} pages/s")
    ok = "PASS" if result["speedup"] >= 1.3 else "MISS"
    print(f"speed-up of 2 workers over 1: {result['speedup']:.2f}x (target >= 1.3): {ok}")


if __name__ == "__main__":
    main()
