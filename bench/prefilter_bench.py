"""Sign matching with the catalogue's literal prefilters against the plain regex alternations.

Run: .venv/bin/python bench/prefilter_bench.py [PAGES] [ROUNDS]

The same ~5 KB held-out corpus pages as classify_bench. Each round times every presence and
absence sign's text patterns over every page twice, alternating: (a) `PatternSet.search` with
the page folded once and first literal occurrences shared across signs, as the classifier runs
them, and (b) the alternation `regex.search` alone. The two must give the same matches (checked
first). Printed: ms per page for each and the speed-up (b)/(a), medians over the rounds. It is
the measured reason `classifiers/prefilter.py` is kept (see its docstring).
"""

from __future__ import annotations

import statistics
import sys
import time

from classify_bench import five_kb_pages

from classifiers.prefilter import fold
from classifiers.signs import load_catalogue, normalise


def _plain(sets, pages):
    return [[s.regex.search(text) for s in sets] for text in pages]


def _prefiltered(sets, pages):
    found = []
    for text in pages:
        folded, firsts = fold(text), {}
        found.append([s.search(text, folded, firsts) for s in sets])
    return found


def measure(count: int = 200, rounds: int = 5) -> dict:
    pages = [normalise(page.text) for page in five_kb_pages(count)]
    sets = [sign.text_set for sign in load_catalogue() if sign.text_set]
    spans = [[[m and m.span() for m in row] for row in run(sets, pages)]
             for run in (_plain, _prefiltered)]
    if spans[0] != spans[1]:
        raise AssertionError("the prefiltered search found other matches than the alternation")
    times = {"plain": [], "prefiltered": []}
    for _ in range(rounds):
        for name, run in (("plain", _plain), ("prefiltered", _prefiltered)):
            start = time.process_time()
            run(sets, pages)
            times[name].append(time.process_time() - start)
    plain, filtered = (statistics.median(times[k]) for k in ("plain", "prefiltered"))
    return {"count": len(pages), "rounds": rounds, "plain_ms": plain / len(pages) * 1000,
            "prefiltered_ms": filtered / len(pages) * 1000, "speedup": plain / filtered}


if __name__ == "__main__":
    args = [int(a) for a in sys.argv[1:3]]
    run = measure(*args)
    print(f"{run['count']} pages x {run['rounds']} rounds: plain alternation "
          f"{run['plain_ms']:.2f} ms/page, prefiltered {run['prefiltered_ms']:.2f} ms/page, "
          f"speed-up {run['speedup']:.1f}x")
