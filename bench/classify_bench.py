"""Classifier throughput: pages per second on ~5 KB pages in one process, and model load time.

Run: .venv/bin/python bench/classify_bench.py [PAGES]
"""

from __future__ import annotations

import sys
import time

from classifiers import predict
from classifiers.corpus import load_split
from classifiers.model import MODEL_PATH, load_model

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


def main(count: int = 1000) -> None:
    """Print model load time and pages classified per second."""
    started = time.perf_counter()
    load_model(MODEL_PATH)
    print(f"model load: {time.perf_counter() - started:.3f} s")
    pages = five_kb_pages(count)
    predict(pages[0])
    started = time.perf_counter()
    for page in pages:
        predict(page)
    elapsed = time.perf_counter() - started
    print(f"classified {count} pages of ~{PAGE_BYTES // 1000} KB: {count / elapsed:.0f} pages/s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
