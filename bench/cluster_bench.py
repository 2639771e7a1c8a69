"""Time to cluster N generated sites into operator networks (target: 100,000 in < 60 s).

Run: .venv/bin/python bench/cluster_bench.py [--n 100000]
Sites come in operator groups of 2-5 sharing a wallet, a Telegram handle or a phone and a
near-identical template; everyone shares hosting IPs from a small pool (as on a CDN).
Prints the clustering time and, as a same-run baseline, the time to just read the
fingerprints into the inverted index (no pairing, no union-find).
"""

from __future__ import annotations

import argparse
import random
import time
from collections import defaultdict

from fraudwatch.networks import cluster


def generate(n: int, seed: int = 7) -> tuple[dict[str, dict[str, list[str]]], int]:
    rnd = random.Random(seed)
    sites: dict[str, dict[str, list[str]]] = {}
    groups = 0
    while len(sites) < n:
        groups += 1
        size = rnd.randint(2, 5)
        wallet = f"T{rnd.getrandbits(160):040x}"[:34]
        template = rnd.getrandbits(64)
        for member in range(size):
            near = template ^ (1 << rnd.randrange(64))
            sites[f"op{groups}-m{member}.kz"] = {
                "tron": [wallet],
                "telegram": [f"op{groups}_support"] if member % 2 else [],
                "phone": [f"+7701{rnd.randrange(10**7):07d}"],
                "template": [f"{near:016x}"],
                "ip": [f"198.51.{rnd.randrange(4)}.{rnd.randrange(256)}"],
            }
    return dict(list(sites.items())[:n]), groups


def index_only(sites) -> float:
    start = time.perf_counter()
    index = defaultdict(list)
    for domain, prints in sites.items():
        for kind, values in prints.items():
            for value in values:
                index[(kind, value)].append(domain)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000)
    args = parser.parse_args()
    sites, groups = generate(args.n)
    baseline = index_only(sites)
    start = time.perf_counter()
    networks = cluster(sites)
    took = time.perf_counter() - start
    print(f"sites {len(sites)}  operator groups {groups}  networks found {len(networks)}")
    print(f"cluster: {took:.2f} s (target < 60 s)  index-only baseline: {baseline:.2f} s  "
          f"ratio {took / baseline:.1f}x")


if __name__ == "__main__":
    main()
