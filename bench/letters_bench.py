"""Time to produce takedown letters (HTML and PDF) for 1,000 confirmed sites.

Run: .venv/bin/python bench/letters_bench.py [SITES]

Builds a throw-away SQLite store of SITES confirmed sites (one flagged page and one capture
each, spread over 12 registrars and 25 hosting providers), then times `build_letters` with
one Chromium printing every PDF: one blocking request listing all sites, one abuse notice per
registrar and per host. Prints the number of letters, PDF pages and the seconds taken.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from fraudwatch.config import load_config
from fraudwatch.store import Capture, Page, Review, SignHit, Site, open_store
from takedown.letters import build_letters
from takedown.render_pdf import PdfRenderer

CATEGORIES = ("casino", "loan", "pyramid")


def confirmed_sites(store, count: int) -> None:
    """Put `count` confirmed sites with a page and a capture each."""
    sites, pages, captures = [], [], []
    for i in range(count):
        category = CATEGORIES[i % 3]
        domain = f"{category}-{i:04d}.kz"
        url = f"https://{domain}/"
        sites.append(Site(domain=domain, title=f"<b>{category} {i}</b>", category=category,
                          verdict="illegal", signs=[f"{category}.sign_{i % 5}"],
                          first_seen="2026-10-01T00:00:00+00:00", review_state="confirmed",
                          registrar=f"Registrar {i % 12}", hosting=f"Host {i % 25}",
                          ip=f"10.0.{i // 250}.{i % 250}"))
        capture = Capture(url=url, fetched_at="2026-11-01T00:00:00+00:00", domain=domain)
        captures.append(capture)
        pages.append(Page(url=url, domain=domain, category=category, verdict="illegal",
                          signs=[SignHit(f"{category}.sign_{i % 5}", category, 0.8, "x")],
                          capture_id=capture.id))
    store.put_sites(sites)
    store.put_pages(pages)
    store.put_captures(captures)
    for site in sites:
        store.add_review(Review(site_id=site.id, user="bench", action="confirm"))


def pdf_pages(folder: Path) -> int:
    """Total pages of the PDFs in `folder` (pdfinfo)."""
    total = 0
    for pdf in folder.glob("*.pdf"):
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
        total += int(next(line.split()[-1] for line in info.splitlines()
                          if line.startswith("Pages:")))
    return total


def main(count: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        config = load_config(environ={}, overrides={"var_dir": tmp})
        store = open_store(f"sqlite:///{tmp}/bench.db")
        store.setup()
        confirmed_sites(store, count)
        out = Path(tmp) / "letters"
        start = time.perf_counter()
        with PdfRenderer(config) as pdf:
            letters = build_letters(store, config, out, date(2026, 11, 20), pdf)
        seconds = time.perf_counter() - start
        store.close()
        print(f"{count} confirmed sites: {len(letters)} letters (HTML+PDF, "
              f"{pdf_pages(out)} PDF pages) in {seconds:.1f} s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
