"""Bulk indexing throughput of N generated pages: SQLite, ElasticStore and raw _bulk.

Run: .venv/bin/python bench/index_bench.py [--n 20000] [--es http://127.0.0.1:9200]
Writes the search bench's N generated pages with `store.put_pages`, BATCH at a time, into a
fresh SQLite file and into fresh Elasticsearch indices through ElasticStore. As a baseline it
POSTs the very same JSON documents as ndjson to `/_bulk` (es.bulk_size per request, no
refresh per request, encoding included) into a fresh index built from the same template.
ElasticStore does more than the baseline: it reads the stored first_seen of each batch (one
mget) and checks every document's answer. Every Elasticsearch run ends with one refresh;
store and baseline runs alternate ROUNDS times and the best of each counts.
Prints documents per second and the ratio ElasticStore / raw _bulk (target: >= 0.8).
"""

from __future__ import annotations

import argparse
import http.client
import importlib.util
import json
import tempfile
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit

from fraudwatch.config import KEYS
from fraudwatch.store import Page, open_store
from fraudwatch.store.elastic import ElasticStore

BATCH = 2_000  # pages per put_pages call, as the search bench loads them
ROUNDS = 3
TARGET = 0.8


def generate(n: int) -> list[Page]:
    """The search bench's pages (bench/ is no package: load the module by path)."""
    path = Path(__file__).with_name("search_bench.py")
    spec = importlib.util.spec_from_file_location("search_bench", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.generate(n)[0]


def load(store, pages: list[Page], batch: int) -> float:
    """Seconds to write `pages` with put_pages, `batch` at a time, and refresh."""
    start = time.perf_counter()
    for i in range(0, len(pages), batch):
        store.put_pages(pages[i:i + batch])
    store.refresh()
    return time.perf_counter() - start


def sqlite_run(pages: list[Page], batch: int) -> float:
    with tempfile.TemporaryDirectory() as folder, \
            open_store(f"sqlite:///{folder}/bench.db") as store:
        store.setup()
        return load(store, pages, batch)


def es_run(es_url: str, pages: list[Page], batch: int, bulk_size: int) -> float:
    store = ElasticStore(es_url, prefix=f"fwbench-{uuid.uuid4().hex[:8]}", timeout=120,
                         bulk_size=bulk_size)
    try:
        store.setup()
        return load(store, pages, batch)
    finally:
        store.drop()
        store.close()


def raw_run(es_url: str, docs: list[tuple[str, dict]], bulk_size: int) -> float:
    """Seconds to POST `docs` (id, source) to /_bulk of a fresh page index, then refresh."""
    index = ElasticStore(es_url, prefix=f"fwbench-raw-{uuid.uuid4().hex[:8]}", timeout=120)
    index.setup()
    node = urlsplit(es_url)
    conn = http.client.HTTPConnection(node.hostname, node.port, timeout=120)
    target = index.alias("page")
    try:
        start = time.perf_counter()
        for i in range(0, len(docs), bulk_size):
            lines = []
            for doc_id, source in docs[i:i + bulk_size]:
                lines.append(json.dumps({"index": {"_index": target, "_id": doc_id}}))
                lines.append(json.dumps(source, ensure_ascii=False, separators=(",", ":")))
            body = ("\n".join(lines) + "\n").encode()
            conn.request("POST", "/_bulk", body=body,
                         headers={"Content-Type": "application/x-ndjson"})
            resp = conn.getresponse()
            answer = json.loads(resp.read())
            if resp.status != 200 or answer["errors"]:
                raise RuntimeError(f"raw _bulk failed: {str(answer)[:500]}")
        conn.request("POST", f"/{target}/_refresh")
        conn.getresponse().read()
        return time.perf_counter() - start
    finally:
        conn.close()
        index.drop()
        index.close()


def measure(n: int = 20_000, es_url: str | None = "http://127.0.0.1:9200",
            batch: int = BATCH, bulk_size: int | None = None, rounds: int = ROUNDS) -> dict:
    """Documents per second of each way in; Elasticsearch figures only when es_url is given."""
    bulk_size = bulk_size or KEYS["es.bulk_size"].default
    pages = generate(n)
    figures = {"n": n, "batch": batch, "bulk_size": bulk_size,
               "sqlite_docs_s": n / sqlite_run(pages, batch)}
    if es_url:
        docs = [(p.id, ElasticStore._source("page", p)) for p in pages]
        es, raw = [], []
        for _ in range(rounds):  # interleaved, so both see the same node state
            raw.append(raw_run(es_url, docs, bulk_size))
            es.append(es_run(es_url, pages, batch, bulk_size))
        figures["es_docs_s"] = n / min(es)
        figures["raw_bulk_docs_s"] = n / min(raw)
        figures["ratio"] = figures["es_docs_s"] / figures["raw_bulk_docs_s"]
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=20_000)
    parser.add_argument("--es", default="http://127.0.0.1:9200",
                        help="Elasticsearch URL; empty to measure SQLite only")
    parser.add_argument("--batch", type=int, default=BATCH, help="pages per put_pages call")
    parser.add_argument("--bulk-size", type=int, default=None,
                        help="documents per _bulk request (default: es.bulk_size)")
    parser.add_argument("--rounds", type=int, default=ROUNDS)
    args = parser.parse_args()
    figures = measure(args.n, args.es or None, args.batch, args.bulk_size, args.rounds)
    print(f"{args.n} pages, put_pages batches of {figures['batch']}, "
          f"{figures['bulk_size']} documents per _bulk request")
    print(f"  SQLite put_pages        {figures['sqlite_docs_s']:9.0f} docs/s")
    if "ratio" in figures:
        print(f"  ElasticStore put_pages  {figures['es_docs_s']:9.0f} docs/s")
        print(f"  raw _bulk, same JSON    {figures['raw_bulk_docs_s']:9.0f} docs/s")
        verdict = "ok" if figures["ratio"] >= TARGET else "BELOW TARGET"
        print(f"  ElasticStore / raw      {figures['ratio']:9.2f}   (target >= {TARGET}: "
              f"{verdict})")


if __name__ == "__main__":
    main()
