"""Classifier throughput: pages per second on ~5 KB pages in one process, and model load time.

Run: .venv/bin/python bench/classify_bench.py [PAGES] [ROUNDS] [BLOCK]

Other processes share the machine, so absolute pages/s drift from run to run. Each round times
`predict` and a fixed baseline on the same pages, alternating: the baseline is one sklearn
char TF-IDF `transform` of the page (the shipped vectoriser, code outside this package, so it
does not speed up when `predict` does). The ratio predict/baseline throughput is the figure to
compare between versions; the medians over the rounds are printed.
"""

from __future__ import annotations

import statistics
import sys
import time

from classifiers import predict
from classifiers.corpus import load_split
from classifiers.model import MODEL_PATH, MODEL_TEXT_CHARS, load_model

PAGE_BYTES = 5_000


def five_kb_pages(count: int) -> list[str]:
    """Held-out corpus texts, concatenated in turn until each is about 5 KB of UTF-8."""
    texts = [doc["text"] for doc in load_split("test")]
    pages = []
    for i in range(count):
        page, j = "", i
        while len(page.encode()) < PAGE_BYTES:
            page += texts[j % len(texts)] + "\n"
            j += 7
        pages.append(page)
    return pages


def _seconds(pages: list[str], work) -> tuple[float, float]:
    """(wall-clock seconds, CPU seconds of this process) that `work` takes over `pages`."""
    wall, cpu = time.perf_counter(), time.process_time()
    for page in pages:
        work(page)
    return time.perf_counter() - wall, time.process_time() - cpu


def _median(values: list[float]) -> str:
    """Median of `values` with their range, for throughputs."""
    return f"{statistics.median(values):.0f} (min {min(values):.0f}, max {max(values):.0f})"


def measure(count: int = 1000, rounds: int = 5, block: int = 20) -> dict:
    """Model load time, pages classified per second and the ratio to the baseline.

    Within a round, predict and the baseline alternate every `block` pages, so a burst of load
    from other processes hits both about equally; CPU time of this process is measured too, as
    it is far less sensitive to other processes than wall-clock time. Returns per-round lists
    (wall, cpu, base_wall: pages/s; ratios: predict/baseline throughput in CPU time) and their
    medians (pages_s, cpu_pages_s, baseline_pages_s, ratio)."""
    started = time.perf_counter()
    model = load_model(MODEL_PATH)
    load_s = time.perf_counter() - started
    pages = five_kb_pages(count)
    vectoriser = model["char"]

    def baseline(page: str):
        return vectoriser.transform([page[:MODEL_TEXT_CHARS]])

    for page in pages[:block]:
        predict(page)
        baseline(page)
    wall, cpu, base_wall, ratios = [], [], [], []
    for _ in range(rounds):
        totals = [0.0, 0.0, 0.0, 0.0]  # predict wall, predict cpu, baseline wall, baseline cpu
        for i in range(0, count, block):
            totals[0:2] = map(sum, zip(totals[0:2], _seconds(pages[i:i + block], predict),
                                       strict=True))
            totals[2:4] = map(sum, zip(totals[2:4], _seconds(pages[i:i + block], baseline),
                                       strict=True))
        wall.append(count / totals[0])
        cpu.append(count / totals[1])
        base_wall.append(count / totals[2])
        ratios.append(totals[3] / totals[1])
    return {"count": count, "rounds": rounds, "load_s": load_s, "wall": wall, "cpu": cpu,
            "base_wall": base_wall, "ratios": ratios, "pages_s": statistics.median(wall),
            "cpu_pages_s": statistics.median(cpu),
            "baseline_pages_s": statistics.median(base_wall),
            "ratio": statistics.median(ratios)}


def main(count: int = 1000, rounds: int = 5, block: int = 20) -> None:
    """Print model load time, pages classified per second and the ratio to the baseline."""
    result = measure(count, rounds, block)
    print(f"model load: {result['load_s']:.3f} s")
    print(f"classified {count} pages of ~{PAGE_BYTES // 1000} KB x {rounds} rounds")
    print(f"predict: {_median(result['wall'])} pages/s wall-clock, {_median(result['cpu'])} "
          "pages per CPU-second")
    print(f"baseline (one sklearn char TF-IDF transform per page): "
          f"{_median(result['base_wall'])} pages/s")
    print(f"predict/baseline throughput ratio (CPU time): {result['ratio']:.3f} "
          f"(rounds: {', '.join(f'{x:.3f}' for x in result['ratios'])})")


if __name__ == "__main__":
    main(*(int(arg) for arg in sys.argv[1:4]))
