"""Crawl throughput, rendering rate and memory of `fraudwatch crawl` on a generated loopback farm.

Run: .venv/bin/python bench/crawl_bench.py [--pages 10000] [--rendered 48]

Serves the farm plus pages/20 generated sites of 20 pages (fraudwatch.farm.generated) on
127.0.0.1 from this process, and runs the real command in a subprocess with the default crawl
settings except `--allow-private --resolve-file` (the farm is on loopback) and a fresh SQLite
store and var_dir. AutoThrottle stays on, as by default. Prints, each with its target:

  (a) pages/min of a `--render never` crawl of --pages pages (classification and SQLite
      indexing on) as a ratio to `scrapy bench -s CLOSESPIDER_TIMEOUT=10` run just before
      (its steady pages/min: the median of its per-second log stats)       target >= 0.7
  (b) rendered pages/min with a screenshot each (`--render always --max-pages 1` over
      --rendered sites, so every page is a landing page with its screenshot) target >= 60
  (c) peak RSS of the crawl process and its children (Chromium included), summed, during
      (a) (or, with --memory-render auto, during a third crawl that renders landing pages),
      sampled from /proc every 0.2 s; PSS is shown too: summed RSS counts the memory that
      Chromium's processes share once per process                       target <= 600 MB

bench/run imports measure_throughput and measure_rendered, which return these figures.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from fraudwatch.farm import Farm

ROOT = Path(__file__).resolve().parents[1]
PAGES_PER_SITE = 20
SCRAPY_BENCH_RATE = re.compile(r"Crawled \d+ pages \(at (\d+) pages/min\)")
SUMMARY = re.compile(r"crawl (\w+) in ([\d.]+)s: (\d+) sites, (\d+) pages, (\d+) failures")
ENCODED = re.compile(r"read by the sentence encoder: (\d+) pages")
MB = 2**20


def scrapy_bench() -> float:
    """Steady pages/min of `scrapy bench` on this machine (median of its per-second stats)."""
    with tempfile.TemporaryDirectory() as folder:  # outside the project: no scrapy.cfg
        result = subprocess.run(
            [str(Path(sys.executable).with_name("scrapy")), "bench", "-s",
             "CLOSESPIDER_TIMEOUT=10"], cwd=folder, capture_output=True, text=True, timeout=120)
    rates = [int(rate) for rate in SCRAPY_BENCH_RATE.findall(result.stderr)]
    if len(rates) < 3:
        raise SystemExit(f"scrapy bench gave no rates:\n{result.stderr[-2000:]}")
    return statistics.median(rates[1:])  # the first interval includes start-up


def process_tree(root: int) -> list[int]:
    """`root` and all its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                stat = Path(entry.path, "stat").read_text()
            except OSError:
                continue
            parent = int(stat[stat.rindex(")") + 2:].split()[1])
            children.setdefault(parent, []).append(int(entry.name))
    tree, todo = [], [root]
    while todo:
        pid = todo.pop()
        tree.append(pid)
        todo.extend(children.get(pid, []))
    return tree


def memory(pid: int) -> tuple[int, int]:
    """(RSS, PSS) bytes of one process; PSS shares pages between the processes that map them."""
    try:
        rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return 0, 0
    kb = {line.split(":")[0]: int(line.split()[1]) for line in rollup.splitlines()[1:]}
    return kb.get("Rss", 0) * 1024, kb.get("Pss", 0) * 1024


class PeakMemory:
    """Samples a process tree's summed RSS and PSS in a thread until stopped (bytes)."""

    def __init__(self, pid: int, interval: float = 0.2):
        self.pid, self.interval, self.rss, self.pss = pid, interval, 0, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            sizes = [memory(pid) for pid in process_tree(self.pid)]
            self.rss = max(self.rss, sum(rss for rss, _ in sizes))
            self.pss = max(self.pss, sum(pss for _, pss in sizes))

    def stop(self) -> PeakMemory:
        self._stop.set()
        self._thread.join()
        return self


def crawl(farm: Farm, seeds: list[str], work: Path, *args: str
          ) -> tuple[dict, PeakMemory, float]:
    """Run `fraudwatch crawl` over `seeds`; (summary figures, peak memory, wall seconds)."""
    work.mkdir(parents=True)
    (work / "seeds.txt").write_text("\n".join(seeds) + "\n")
    (work / "resolve.txt").write_text("".join(f"{h}=127.0.0.1\n" for h in farm.hosts()))
    env = {**os.environ, "FRAUDWATCH_VAR_DIR": str(work / "var"), "PYTHONPATH": str(ROOT),
           "FRAUDWATCH_LOG_LEVEL": "WARNING"}
    env.pop("FRAUDWATCH_CONFIG", None)
    command = [sys.executable, "-c", "from fraudwatch.cli import main; main()", "-q",
               "--store", f"sqlite:///{work}/fw.db", "crawl", "--seeds", str(work / "seeds.txt"),
               "--allow-private", "--resolve-file", str(work / "resolve.txt"), *args]
    started = time.monotonic()
    process = subprocess.Popen(command, cwd=work, env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    sampler = PeakMemory(process.pid)
    out, err = process.communicate()
    peak, wall = sampler.stop(), time.monotonic() - started
    match = SUMMARY.search(out)
    if process.returncode or not match:
        raise SystemExit(f"crawl failed ({process.returncode}):\n{out[-2000:]}\n{err[-3000:]}")
    reason, seconds, sites, pages, failures = match.groups()
    encoded = ENCODED.search(out)
    problems = [line for line in err.splitlines() if " ERROR" in line or "Traceback" in line]
    if reason != "finished" or problems:
        print(f"  crawl {reason}; {len(problems)} error lines in its log, e.g.:", *problems[:5],
              sep="\n    ")
    return ({"reason": reason, "seconds": float(seconds), "sites": int(sites),
             "pages": int(pages), "failures": int(failures),
             "encoder_pages": int(encoded.group(1)) if encoded else 0}, peak, wall)


def verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def generated_farm(sites: int) -> Farm:
    """The farm without its hostile sites, plus `sites` generated sites of PAGES_PER_SITE pages
    (a context manager serving them on 127.0.0.1 from this process)."""
    return Farm(port=0, hostile=False, extra_sites=sites, pages_per_site=PAGES_PER_SITE)


def _quiet(*_args, **_kwargs) -> None:
    pass


def measure_crawl(farm: Farm, pages: int, work: Path, render: str = "never",
                  log=_quiet) -> dict:
    """A `--render RENDER` crawl of pages/20 of the farm's generated sites: its summary, rate
    (pages per minute of crawling) and the peak RSS and PSS (bytes) of its process tree."""
    sites = max(1, pages // PAGES_PER_SITE)
    generated = [url for url in farm.seeds() if "://gen" in url]
    log(f"crawl --render {render}: {sites} sites x {PAGES_PER_SITE} pages ...", flush=True)
    summary, peak, wall = crawl(farm, generated[:sites], work, "--render", render)
    return {**summary, "wall": wall, "rate": summary["pages"] * 60 / summary["seconds"],
            "rss": peak.rss, "pss": peak.pss}


def measure_rendered(farm: Farm, sites: int, work: Path, log=_quiet) -> dict:
    """`--render always --max-pages 1` over `sites` generated sites: every page is a landing
    page rendered with its screenshot. Summary, rate (pages/min), peak RSS and PSS (bytes)."""
    generated = [url for url in farm.seeds() if "://gen" in url]
    log(f"crawl --render always --max-pages 1: {sites} sites ...", flush=True)
    summary, peak, wall = crawl(farm, generated[:sites], work, "--render", "always",
                                "--max-pages", "1")
    return {**summary, "wall": wall, "rate": summary["pages"] * 60 / summary["seconds"],
            "rss": peak.rss, "pss": peak.pss}


def measure_throughput(pages: int = 10_000, log=_quiet) -> dict:
    """(a) and (c) with --memory-render never, on a farm of its own: `scrapy bench` just before
    a `--render never` crawl of `pages` pages. Figures of the crawl (see measure_crawl), plus
    reference (scrapy bench pages/min) and ratio (crawl rate / reference)."""
    log("scrapy bench -s CLOSESPIDER_TIMEOUT=10 ...", flush=True)
    reference = scrapy_bench()
    log(f"  scrapy bench: {reference:.0f} pages/min (median of per-second log stats)")
    with generated_farm(max(1, pages // PAGES_PER_SITE)) as farm, \
            tempfile.TemporaryDirectory() as tmp:
        figures = measure_crawl(farm, pages, Path(tmp, "plain"), "never", log)
    return {**figures, "reference": reference, "ratio": figures["rate"] / reference}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=10_000, help="pages of the crawl in (a)/(c)")
    parser.add_argument("--rendered", type=int, default=48, help="pages rendered in (b)")
    parser.add_argument("--skip-render", action="store_true", help="skip (b)")
    parser.add_argument("--memory-render", choices=("never", "auto"), default="never",
                        help="render mode of the crawl measured in (c); auto runs a third crawl")
    args = parser.parse_args()
    sites = max(1, args.pages // PAGES_PER_SITE)

    print("scrapy bench -s CLOSESPIDER_TIMEOUT=10 ...", flush=True)
    reference = scrapy_bench()
    print(f"  scrapy bench: {reference:.0f} pages/min (median of per-second log stats)")
    with generated_farm(max(sites, args.rendered)) as farm, \
            tempfile.TemporaryDirectory() as tmp:
        run = measure_crawl(farm, args.pages, Path(tmp, "plain"), "never", print)
        print(f"  {run['pages']} pages, {run['failures']} failures, crawl "
              f"{run['seconds']:.1f}s ({run['wall']:.1f}s with start-up and network linking)")
        ratio = run["rate"] / reference
        print(f"(a) throughput: {run['rate']:.0f} pages/min = {ratio:.2f} x scrapy bench "
              f"(target >= 0.70): {verdict(ratio >= 0.7)}")
        if args.memory_render != "never":
            run = measure_crawl(farm, args.pages, Path(tmp, "memory"), args.memory_render,
                                print)
        print(f"(c) peak RSS, {run['pages']} pages, --render {args.memory_render}: "
              f"{run['rss'] / MB:.0f} MB summed over the process tree, PSS {run['pss'] / MB:.0f} MB"
              f" (target <= 600 MB): {verdict(run['rss'] <= 600 * MB)}")
        if args.skip_render:
            return
        run = measure_rendered(farm, args.rendered, Path(tmp, "rendered"), print)
        print(f"  {run['sites']} sites, {run['pages']} pages, {run['failures']} "
              f"failures, crawl {run['seconds']:.1f}s, peak memory with Chromium: RSS summed "
              f"{run['rss'] / MB:.0f} MB, PSS {run['pss'] / MB:.0f} MB")
        print(f"(b) rendered pages with screenshots: {run['rate']:.0f}/min (target >= 60): "
              f"{verdict(run['rate'] >= 60)}")


if __name__ == "__main__":
    main()
