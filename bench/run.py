"""The benchmark table: every performance figure of fraudwatch with its target, in one run.

Run: bench/run [--quick] [--only ROWS] [--json FILE] [--es URL] [--redis URL]

Rows (each printed as soon as it is measured, then the whole table, then the total time):
  1 crawl pages/s of a `--render never` crawl of the loopback farm, as a ratio to `scrapy
    bench` run just before it                                            target >= 0.7
  2 rendered pages/min, a screenshot each (`--render always --max-pages 1`) target >= 60
  3 classified pages/s with the fast stage only and with the sentence encoder on every page,
    each as a ratio to a TF-IDF baseline timed alongside; model and encoder load time; the
    speed-up of sign matching that the catalogue's literal prefilters give
  4 bulk-indexed docs/s into SQLite and Elasticsearch, ElasticStore / raw _bulk of the same
    documents                                                            target >= 0.8
  5 search p95 over 100,000 pages in SQLite and 1,000,000 in Elasticsearch, of sites with
    about 7 pages each (search_bench.py)                                 target <= 100 ms
  6 peak RSS of the crawl process tree during row 1's crawl              target <= 600 MB
  7 speed-up of 2 crawler workers over 1 on a shared Redis frontier      target >= 1.3
  8 learning from the reviews over 10,000 stored pages of a crawl: the time of
    `train --from-store` (the whole corpus plus the reviewed sites) and of `reclassify` with
    a new version (pages/s)

The figures come from bench/crawl_bench.py, classify_bench.py, prefilter_bench.py,
index_bench.py,
search_bench.py, workers_bench.py and learning_bench.py (see them for the method); ratios are
against baselines measured in the same run, as the machine is shared. --only takes row
numbers or names (crawl, render, classify, index, search, memory, workers, learning),
comma-separated; rows 1 and 6 come
from the same crawl. Elasticsearch (rows 4, 5) and Redis (row 7) are started with
scripts/elasticsearch and scripts/redis when they are not running, and stopped at the end
only if this run started them. --quick shrinks every size, for a smoke test: its figures
are not the targets' figures. Exit status 1 if a row could not be measured (a MISS is not
an error).
"""

from __future__ import annotations

import argparse
import json
import signal
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
for folder in (BENCH, ROOT):  # the bench modules, then fraudwatch and classifiers
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

MB = 2**20
# the whole table's time on a 2-core machine: about 20 minutes, over half of it generating
# and loading row 5's million pages into Elasticsearch
BUDGET_S = 25 * 60
SIZES = {
    "full": {"crawl_pages": 10_000, "rendered_sites": 24, "classify_pages": 60,
             "classify_rounds": 3, "index_n": 20_000, "index_rounds": 3,
             "search_n": {"sqlite": 100_000, "elasticsearch": 1_000_000},
             "workers_pages": 2000, "learning_pages": 10_000},
    "quick": {"crawl_pages": 600, "rendered_sites": 4, "classify_pages": 10,
              "classify_rounds": 1, "index_n": 2000, "index_rounds": 1,
              "search_n": {"sqlite": 3000, "elasticsearch": 3000},
              "workers_pages": 300, "learning_pages": 400},
}
# row number -> (name, group measuring it); groups run in this order
ROWS = {"1": ("crawl", "crawl"), "2": ("render", "render"), "3": ("classify", "classify"),
        "4": ("index", "index"), "5": ("search", "search"), "6": ("memory", "crawl"),
        "7": ("workers", "workers"), "8": ("learning", "learning")}
GROUPS = ("crawl", "render", "classify", "index", "search", "workers", "learning")
NEEDS = {"index": "elasticsearch", "search": "elasticsearch", "workers": "redis"}
WIDTHS = (3, 46, 62, 16, 6)
STARTED = time.monotonic()


def say(*parts) -> None:
    print(*parts, flush=True)


def log(*parts, **_kwargs) -> None:
    """Progress lines of the bench modules, indented under the table's rows."""
    say("     ", *parts)


def row(ident: str, measure: str, figure: str, target: str = "", ok: bool | None = None,
        value: float | None = None) -> dict:
    return {"id": ident, "measure": measure, "figure": figure, "target": target,
            "result": "" if ok is None else ("PASS" if ok else "MISS"), "value": value}


def line(entry: dict) -> str:
    cells = [entry["id"], entry["measure"], entry["figure"], entry["target"], entry["result"]]
    return " ".join(f"{cell:<{width}}" for cell, width in zip(cells, WIDTHS, strict=True)
                    ).rstrip()


# the measurements ---------------------------------------------------------------------------

def crawl_rows(size: dict, urls: dict) -> tuple[list[dict], dict]:
    import crawl_bench

    run = crawl_bench.measure_throughput(size["crawl_pages"], log=log)
    log(f"{run['pages']} pages, {run['failures']} failures, crawl {run['seconds']:.1f}s "
        f"({run['wall']:.1f}s with start-up and network linking)")
    return [
        row("1", f"crawl pages/s, --render never, {run['pages']} pages, encoder in its "
            f"default mode (auto: {run['encoder_pages']} pages read)",
            f"{run['rate'] / 60:.1f} pages/s = {run['ratio']:.2f} x scrapy bench "
            f"({run['reference'] / 60:.1f} pages/s)",
            ">= 0.70 x", run["ratio"] >= 0.7, run["ratio"]),
        row("6", "peak RSS of the crawl process tree (row 1)",
            f"{run['rss'] / MB:.0f} MB summed RSS (PSS {run['pss'] / MB:.0f} MB)",
            "<= 600 MB", run["rss"] <= 600 * MB, run["rss"] / MB),
    ], run


def render_rows(size: dict, urls: dict) -> tuple[list[dict], dict]:
    import crawl_bench

    with crawl_bench.generated_farm(size["rendered_sites"]) as farm, \
            tempfile.TemporaryDirectory() as tmp:
        run = crawl_bench.measure_rendered(farm, size["rendered_sites"], Path(tmp, "rendered"),
                                           log=log)
    log(f"{run['sites']} sites, {run['pages']} pages, {run['failures']} failures, peak RSS "
        f"with Chromium {run['rss'] / MB:.0f} MB (PSS {run['pss'] / MB:.0f} MB)")
    return [row("2", f"rendered pages/min with screenshots, {run['sites']} sites",
                f"{run['rate']:.0f} pages/min ({run['pages']} pages in {run['seconds']:.1f} s)",
                ">= 60/min", run["rate"] >= 60, run["rate"])], run


def classify_rows(size: dict, urls: dict) -> tuple[list[dict], dict]:
    import classify_bench
    import prefilter_bench

    run = classify_bench.measure(size["classify_pages"], size["classify_rounds"])
    signs = prefilter_bench.measure(size["classify_pages"], size["classify_rounds"])
    title = "classified pages/s, ~5 KB pages, {} x {} (CPU time)"
    return [
        row("3a", f"{title.format(run['count'], run['rounds'])}, fast stage only",
            f"{run['fast_pages_s']:.0f} pages/s = {run['fast_ratio']:.2f} x TF-IDF baseline",
            "", None, run["fast_pages_s"]),
        row("3b", f"{title.format(run['encoder_count'], run['rounds'])}, sentence encoder on "
            "every page",
            f"{run['encoder_pages_s']:.2f} pages/s = {run['encoder_ratio']:.3f} x TF-IDF "
            "baseline", "", None, run["encoder_pages_s"]),
        row("3c", "model and encoder load time, fresh process", f"{run['load_s']:.2f} s", "",
            None, run["load_s"]),
        row("3d", f"sign matching per page, literal prefilters / plain regex alternation, "
            f"{signs['count']} x {signs['rounds']}",
            f"{signs['prefiltered_ms']:.2f} / {signs['plain_ms']:.2f} ms = "
            f"{signs['speedup']:.1f}x faster", "", None, signs["speedup"]),
    ], {**run, "signs": signs}


def index_rows(size: dict, urls: dict) -> tuple[list[dict], dict]:
    import index_bench

    run = index_bench.measure(n=size["index_n"], es_url=urls["elasticsearch"],
                              rounds=size["index_rounds"])
    log(f"{run['n']} pages, put_pages batches of {run['batch']}, {run['bulk_size']} documents "
        f"per _bulk request, best of {size['index_rounds']} round(s)")
    return [
        row("4a", f"bulk index docs/s, SQLite, {run['n']} pages",
            f"{run['sqlite_docs_s']:.0f} docs/s", "", None, run["sqlite_docs_s"]),
        row("4b", f"bulk index docs/s, Elasticsearch, {run['n']} pages",
            f"{run['es_docs_s']:.0f} docs/s = {run['ratio']:.2f} x raw _bulk "
            f"({run['raw_bulk_docs_s']:.0f} docs/s)", ">= 0.80 x", run["ratio"] >= 0.8,
            run["ratio"]),
    ], run


def search_rows(size: dict, urls: dict) -> tuple[list[dict], dict]:
    import search_bench

    rows = []
    names = {"sqlite": ("5a", "SQLite"), "elasticsearch": ("5b", "Elasticsearch")}

    def done(backend: str, run: dict) -> None:
        ident, name = names[backend]
        slowest = run["slowest"]
        log(f"{name}: {run['n']} pages and sites loaded in {run['load_s']:.1f} s")
        rows.append(row(ident, f"search p95, {name}, {run['n']} pages",
                        f"{run['p95_ms']:.1f} ms (p50 {run['p50_ms']:.1f}; worst query "
                        f"'{slowest}' p95 {run['queries'][slowest]['p95_ms']:.1f})",
                        "<= 100 ms", run["p95_ms"] <= 100, run["p95_ms"]))
        say(line(rows[-1]))

    log("generating pages and sites, loading them into each backend: "
        + ", ".join(f"{names[b][1]} {n}" for b, n in size["search_n"].items()) + " ...")
    run = search_bench.measure_search(size["search_n"], urls["elasticsearch"], on_backend=done)
    return rows, run


def workers_rows(size: dict, urls: dict) -> tuple[list[dict], dict]:
    import workers_bench

    run = workers_bench.measure(size["workers_pages"], urls["redis"])
    for label, one in (("1 worker ", run["one"]), ("2 workers", run["two"])):
        log(f"{label}: {one['pages']} pages in {one['seconds']:.1f}s of crawling "
            f"({one['wall']:.1f}s wall) = {one['rate']:.1f} pages/s")
    return [row("7", f"2 workers / 1 on a Redis frontier, {run['one']['pages']} pages",
                f"{run['speedup']:.2f}x ({run['one']['rate']:.1f} -> {run['two']['rate']:.1f} "
                "pages/s)", ">= 1.30x", run["speedup"] >= 1.3, run["speedup"])], run


def learning_rows(size: dict, urls: dict) -> tuple[list[dict], dict]:
    import learning_bench

    run = learning_bench.measure(size["learning_pages"], log=log)
    cache = (f"passage cache held {run['cached']} passages before" if run["cached"]
             else "cold passage cache: the corpus was embedded first")
    return [
        row("8a", f"train --from-store, the corpus + {sum(run['reviews'].values())} reviewed "
            f"sites of a {run['pages']}-page crawl", f"{run['train_s']:.0f} s ({cache})", "",
            None, run["train_s"]),
        row("8b", f"reclassify {run['reclassified']} stored pages with a new version",
            f"{run['reclassify_s']:.0f} s = {run['reclassify_pages_s']:.0f} pages/s "
            f"({run['changed']} verdicts changed)", "", None, run["reclassify_s"]),
    ], run


MEASURES = {"crawl": crawl_rows, "render": render_rows, "classify": classify_rows,
            "index": index_rows, "search": search_rows, "workers": workers_rows,
            "learning": learning_rows}
TITLES = {"crawl": "rows 1 and 6: scrapy bench, then a --render never crawl",
          "render": "row 2: rendered crawl with screenshots", "classify": "row 3: classifier",
          "index": "row 4: bulk indexing", "search": "row 5: search latency",
          "workers": "row 7: 1 and 2 crawler workers on Redis",
          "learning": "row 8: train --from-store and reclassify on a crawl's stored pages"}


# Elasticsearch and Redis --------------------------------------------------------------------

class Services:
    """URLs of Elasticsearch and Redis; starts those not running, stops only those it started."""

    def __init__(self, given: dict[str, str | None]):
        self.urls = {name: url for name, url in given.items() if url}
        self.started: list[str] = []

    def need(self, name: str) -> str:
        if name not in self.urls:
            script = str(ROOT / "scripts" / name)
            running = subprocess.run([script, "status"], capture_output=True).returncode == 0
            if not running:
                say(f"starting {name} with scripts/{name} start ...")
                began = time.monotonic()
                result = subprocess.run([script, "start"], capture_output=True, text=True)
                if result.returncode:
                    raise RuntimeError(f"scripts/{name} start failed:\n{result.stderr[-2000:]}")
                self.started.append(name)
                say(f"  {name} started in {time.monotonic() - began:.1f} s")
            url = subprocess.run([script, "url"], capture_output=True, text=True, check=True)
            self.urls[name] = url.stdout.strip()
        return self.urls[name]

    def stop(self) -> None:
        for name in reversed(self.started):
            say(f"stopping {name} (started by this run) ...")
            subprocess.run([str(ROOT / "scripts" / name), "stop"], capture_output=True)
        self.started.clear()


# the command --------------------------------------------------------------------------------

def selected_groups(only: str | None) -> list[str]:
    if not only:
        return list(GROUPS)
    names = {name: group for name, group in ROWS.values()}
    wanted = set()
    for item in only.replace(" ", "").split(","):
        if item in ROWS:
            wanted.add(ROWS[item][1])
        elif item in names:
            wanted.add(names[item])
        else:
            raise argparse.ArgumentTypeError(
                f"unknown row {item!r}: use 1-7 or {', '.join(names)}")
    return [group for group in GROUPS if group in wanted]


def interrupted(*_) -> None:
    """SIGTERM: unwind as Ctrl-C does, so the services this run started are stopped."""
    raise KeyboardInterrupt


def elapsed() -> float:
    return time.monotonic() - STARTED


def in_order(rows: list[dict]) -> list[dict]:
    return sorted(rows, key=lambda r: (int(r["id"][0]), r["id"]))


def table(rows: list[dict]) -> str:
    order = in_order(rows)
    widths = [max(len(str(r[key])) for r in [*order, HEADER]) for key in KEYS]
    lines = [" ".join(f"{str(r[key]):<{w}}" for key, w in zip(KEYS, widths, strict=True)
                      ).rstrip() for r in [HEADER, *order]]
    lines.insert(1, " ".join("-" * w for w in widths))
    return "\n".join(lines)


KEYS = ("id", "measure", "figure", "target", "result")
HEADER = {"id": "#", "measure": "measure", "figure": "figure", "target": "target",
          "result": "result"}


def main() -> int:
    parser = argparse.ArgumentParser(prog="bench/run", description=__doc__.splitlines()[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog="\n".join(__doc__.splitlines()[2:]))
    parser.add_argument("--quick", action="store_true",
                        help="small sizes, a smoke test of the command (not the targets' sizes)")
    parser.add_argument("--only", type=selected_groups, default=None, metavar="ROWS",
                        help="comma-separated rows to measure: 1-7 or crawl, render, classify, "
                             "index, search, memory, workers")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the table here")
    parser.add_argument("--es", metavar="URL",
                        help="Elasticsearch URL to use (default: scripts/elasticsearch)")
    parser.add_argument("--redis", metavar="URL", help="Redis URL to use (default: scripts/redis)")
    args = parser.parse_args()
    groups = args.only or list(GROUPS)
    size = SIZES["quick" if args.quick else "full"]
    signal.signal(signal.SIGTERM, interrupted)

    services = Services({"elasticsearch": args.es, "redis": args.redis})
    rows: list[dict] = []
    raw: dict[str, dict] = {}
    errors: dict[str, str] = {}
    say(f"fraudwatch benchmarks{' (--quick sizes)' if args.quick else ''}: "
        f"{', '.join(groups)}")
    say(line(HEADER))
    try:
        for group in groups:
            began = time.monotonic()
            say(f"  -- {TITLES[group]} ...")
            try:
                urls = {NEEDS[group]: services.need(NEEDS[group])} if group in NEEDS else {}
                measured, raw[group] = MEASURES[group](size, urls)
            except (Exception, SystemExit) as exc:  # a row fails, not the whole run
                message = str(exc).strip() or exc.__class__.__name__
                if not isinstance(exc, SystemExit):
                    traceback.print_exc()
                errors[group] = message
                ids = [ident for ident, (_, g) in ROWS.items() if g == group]
                measured = [row(ident, ROWS[ident][0], f"ERROR: {message.splitlines()[0]}"[:80],
                                "", None) for ident in ids]
                for entry in measured:
                    entry["result"] = "ERROR"
            rows += measured
            for entry in measured:
                if group != "search" or entry["result"] == "ERROR":  # search rows: printed already
                    say(line(entry))
            say(f"      ({time.monotonic() - began:.1f} s)")
    finally:
        services.stop()
    total = elapsed()
    say("")
    say(table(rows))
    say(f"\ntotal: {total:.1f} s ({int(total // 60)} min {total % 60:.0f} s)"
        f"{' -- over the budget' if total > BUDGET_S and not args.quick else ''}")
    if args.json:
        args.json.write_text(json.dumps({
            "quick": args.quick, "sizes": size, "elapsed_s": round(total, 1),
            "rows": in_order(rows), "errors": errors, "raw": raw},
            indent=2, ensure_ascii=False, default=str) + "\n")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
