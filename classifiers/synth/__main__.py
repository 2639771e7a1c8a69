"""The corpus tools:

    python -m classifiers.synth check [FILE...]          check texts files (default: all)
    python -m classifiers.synth sample FILE [--lang ru] [-n 3]   print pages made from one file
    python -m classifiers.synth stats                     pages per label, archetype, language
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path

from classifiers.synth.generate import SEED, document, generate
from classifiers.synth.slots import SLOT_NAMES
from classifiers.synth.sources import _archetype, _read, archetype_paths, check


def _check(paths: list[Path]) -> int:
    problems = check(paths or archetype_paths())
    for problem in problems:
        print(problem)
    print(f"{len(paths or archetype_paths())} files, {len(problems)} problems; "
          f"slots: {', '.join(SLOT_NAMES)}")
    return 1 if problems else 0


def _sample(path: Path, lang: str | None, count: int) -> int:
    problems = check([path])
    if problems:
        print("\n".join(problems))
        return 1
    archetype = _archetype(path, _read(path))
    rng = random.Random(SEED)
    for _ in range(count):
        chosen = lang or rng.choice(list(archetype.langs))
        doc = document(rng, archetype, chosen, "train")
        print(f"--- {doc['kind']} / {doc['lang']} ---\n{doc['text']}\n")
    return 0


def _stats() -> int:
    docs = list(generate())
    for key in ("label", "kind", "lang", "split"):
        print(key, dict(sorted(Counter(d[key] for d in docs).items())))
    print("pages", len(docs))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m classifiers.synth")
    commands = parser.add_subparsers(dest="command", required=True)
    checker = commands.add_parser("check")
    checker.add_argument("files", nargs="*", type=Path)
    sampler = commands.add_parser("sample")
    sampler.add_argument("file", type=Path)
    sampler.add_argument("--lang")
    sampler.add_argument("-n", type=int, default=3)
    commands.add_parser("stats")
    args = parser.parse_args(argv)
    if args.command == "check":
        return _check(args.files)
    if args.command == "sample":
        return _sample(args.file, args.lang, args.n)
    return _stats()


if __name__ == "__main__":
    sys.exit(main())
