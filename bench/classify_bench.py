"""Classifier throughput: pages per second with and without the sentence encoder, and load time.

Run: .venv/bin/python bench/classify_bench.py [PAGES] [ROUNDS] [BLOCK]

Pages are held-out corpus pages joined until each is about 5 KB. Other processes share the
machine, so absolute pages/s drift from run to run; each round times, alternating block by
block on the same pages, (a) the fast stage alone (`mode=never`), (b) the full classifier with
the encoder on every page (`mode=always`, passage cache cleared so nothing is reused; on the
first ENCODER_BLOCKS blocks of each round only, as it takes seconds a page), and a
fixed baseline: one sklearn char TF-IDF `transform` of the page (code outside this package).
The ratios to the baseline are the figures to compare between versions; medians are printed.
Load time is the model artifact plus the encoder's weights, in a fresh process.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

from classifiers.artifact import MODEL_PATH, load_model
from classifiers.classify import classify_pages
from classifiers.corpus import load_corpus
from classifiers.encoder import Encoder
from classifiers.fast import MODEL_TEXT_CHARS
from classifiers.page import PageView
from classifiers.registry import default_registry

PAGE_BYTES = 5_000
ENCODER_BLOCKS = 1  # blocks per round timed with the encoder (each page costs ~2 s of CPU)
LOAD_PROBE = ("import time; t = time.perf_counter(); from classifiers.artifact import load_model; "
              "from classifiers.encoder import shared_encoder; load_model(); "
              "shared_encoder().load(); print(time.perf_counter() - t)")


def five_kb_pages(count: int) -> list[PageView]:
    """Held-out corpus texts, concatenated in turn until each is about 5 KB of UTF-8."""
    texts = [doc["text"] for doc in load_corpus() if doc["split"] == "test"]
    pages = []
    for i in range(count):
        page, j = "", i
        while len(page.encode()) < PAGE_BYTES:
            page += texts[j % len(texts)] + "\n"
            j += 7
        pages.append(PageView(text=page))
    return pages


def load_seconds() -> float:
    """Seconds a fresh process takes to load the model and the encoder's weights."""
    root = Path(__file__).resolve().parent.parent
    out = subprocess.run([sys.executable, "-c", LOAD_PROBE], capture_output=True, text=True,
                         check=True, cwd=root)
    return float(out.stdout.strip())


def _seconds(work, pages) -> float:
    started = time.process_time()
    work(pages)
    return time.process_time() - started


def measure(count: int = 200, rounds: int = 3, block: int = 10) -> dict:
    """Pages/s of the fast stage alone and with the encoder, their ratios to the baseline, and
    the load time. CPU time of this process is used (the encoder's threads included), as it is
    far less sensitive to other processes than wall-clock time."""
    model, registry = load_model(MODEL_PATH), default_registry()
    pages = five_kb_pages(count)
    vectoriser = model.fast["char"]

    def fast(batch):
        classify_pages(batch, registry, model, None, "never")

    encoder = Encoder(threads=1)

    def full(batch):
        encoder.clear_cache()
        classify_pages(batch, registry, model, encoder, "always")

    def baseline(batch):
        vectoriser.transform([p.text[:MODEL_TEXT_CHARS] for p in batch])

    full(pages[:2])
    fast_rates, full_rates, base_rates, fast_ratios, full_ratios = [], [], [], [], []
    for _ in range(rounds):
        fast_s = full_s = base_s = full_base_s = 0.0
        full_count = 0
        for n, i in enumerate(range(0, count, block)):
            chunk = pages[i:i + block]
            fast_s += _seconds(fast, chunk)
            base = _seconds(baseline, chunk)
            base_s += base
            if n < ENCODER_BLOCKS:
                full_s += _seconds(full, chunk)
                full_base_s += base
                full_count += len(chunk)
        fast_rates.append(count / fast_s)
        full_rates.append(full_count / full_s)
        base_rates.append(count / base_s)
        fast_ratios.append(base_s / fast_s)
        full_ratios.append(full_base_s / full_s)
    return {"count": count, "rounds": rounds, "load_s": load_seconds(),
            "encoder_count": min(count, ENCODER_BLOCKS * block),
            "fast_pages_s": statistics.median(fast_rates),
            "encoder_pages_s": statistics.median(full_rates),
            "baseline_pages_s": statistics.median(base_rates),
            "fast_ratio": statistics.median(fast_ratios),
            "encoder_ratio": statistics.median(full_ratios)}


def main(count: int = 200, rounds: int = 3, block: int = 10) -> None:
    """Print load time, pages/s with and without the encoder, and the ratios."""
    result = measure(count, rounds, block)
    print(f"model and encoder load: {result['load_s']:.3f} s")
    print(f"classified {count} pages of ~{PAGE_BYTES // 1000} KB x {rounds} rounds (CPU time)")
    print(f"fast stage only: {result['fast_pages_s']:.1f} pages/s "
          f"({result['fast_ratio']:.3f} x baseline)")
    print(f"with the encoder on every page (1 thread): {result['encoder_pages_s']:.2f} pages/s "
          f"({result['encoder_ratio']:.4f} x baseline)")
    print(f"baseline (one sklearn char TF-IDF transform per page): "
          f"{result['baseline_pages_s']:.0f} pages/s")


if __name__ == "__main__":
    main(*(int(arg) for arg in sys.argv[1:4]))
