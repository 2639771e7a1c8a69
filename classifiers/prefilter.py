"""Literal prefilters for the catalogue's regexes: strings one of which every match must contain.

A sign's patterns are case-insensitive regexes scanned over the whole page; most pages match
few of them, and a failing `search` over 5 KB costs far more than a few substring tests. So each
regex gets a set of required literals derived from its parse tree (as RE2/codesearch prefilters
do): when none of them occurs in the case-folded page, the regex cannot match and is skipped.
When the tree gives no usable literal (e.g. a pattern that is all `\\d` and `\\w`), the regex
has no prefilter and always runs, so results never change, only the time spent.

Why this is kept rather than replaced by a library (measured with bench/prefilter_bench.py,
row 3d of bench/run, on 200 held-out 5 KB pages, December 2026):
- It pays: sign matching takes 5.7 ms a page with it and 27-30 ms without (4.7-5.2x), and the
  whole fast stage takes about 14 ms a page, so without it classifying would be ~2.5x slower.
- google-re2 (RE2 and its `Set`) cannot stand in: 249 of the catalogue's 251 patterns use
  `\\b` or `\\w`, which RE2 reads as ASCII only, so Cyrillic, Kazakh and other words would not
  match, and one pattern uses a look-around RE2 lacks. The catalogue stays on `re`.
- pyahocorasick would replace only the substring tests (2.1 of the 5.7 ms) and not the part
  that needs code: deriving each regex's required literals from its parse tree. That uses
  `re._parser`, private but stable since 3.11; tests/classifiers check on every catalogue
  pattern that the prefiltered search returns exactly what the plain regex returns, so a
  change in it fails CI rather than the verdicts.

Case folding mirrors `re.IGNORECASE`: simple lower-casing plus the few characters `re` treats as
extra case variants (ı/i, ſ/s, Cyrillic ᲀ/в, Greek ϐ/β, …), all mapped to one representative.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from heapq import heapify, heappop, heapreplace
from re import _casefix, _parser
from re import _constants as sre

MAX_STRINGS = 64
MAX_CLASS_CHARS = 8


@dataclass(frozen=True)
class _Info:
    """What a sub-pattern can match: its exact strings when few, else a required-literal set."""

    exact: frozenset[str] | None = None
    required: frozenset[str] | None = None

    def requirement(self) -> frozenset[str] | None:
        """Strings one of which every match contains, or None when nothing is required."""
        if self.exact is not None:
            return None if "" in self.exact else self.exact
        return self.required


_ANYTHING = _Info()
_EMPTY = _Info(exact=frozenset({""}))


def _better(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    """The more selective of two requirements: longest shortest string, then fewest strings."""
    if a is None or b is None:
        return a if b is None else b
    return max(a, b, key=lambda r: (min(map(len, r)), -len(r)))


def _concat(a: _Info, b: _Info) -> _Info:
    """Info of `a` followed by `b` (for short fixed sequences; `_sequence` handles long runs)."""
    if a.exact is not None and b.exact is not None and len(a.exact) * len(b.exact) <= MAX_STRINGS:
        return _Info(exact=frozenset(x + y for x in a.exact for y in b.exact))
    return _Info(required=_better(a.requirement(), b.requirement()))


def _alternation(infos: list[_Info]) -> _Info:
    """Info of a choice between `infos`."""
    if all(i.exact is not None for i in infos):
        union = frozenset().union(*(i.exact for i in infos))
        if len(union) <= MAX_STRINGS:
            return _Info(exact=union)
    required = [i.requirement() for i in infos]
    if any(r is None for r in required):
        return _ANYTHING
    union = frozenset().union(*required)
    return _Info(required=union) if len(union) <= MAX_STRINGS else _ANYTHING


def _repeat(low: int, high: int, item: _Info) -> _Info:
    """Info of `item` repeated between `low` and `high` times."""
    if low == 0:
        if high == 1 and item.exact is not None:
            return _Info(exact=item.exact | {""})
        return _ANYTHING
    if low == high and item.exact is not None and len(item.exact) ** low <= MAX_STRINGS:
        info = _EMPTY
        for _ in range(low):
            info = _concat(info, item)
        return info
    return _Info(required=item.requirement())


def _char_class(items) -> _Info:
    """A character class made only of a few literal characters, else anything."""
    if len(items) > MAX_CLASS_CHARS or any(op is not sre.LITERAL for op, _ in items):
        return _ANYTHING
    return _Info(exact=frozenset(chr(code) for _, code in items))


def _node(op, av) -> _Info:
    """Info of one parse-tree node."""
    if op is sre.LITERAL:
        return _Info(exact=frozenset({chr(av)}))
    if op is sre.IN:
        return _char_class(av)
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return _EMPTY  # zero-width: requires nothing, consumes nothing
    if op is sre.SUBPATTERN:
        return _sequence(av[-1])
    if op is sre.ATOMIC_GROUP:
        return _sequence(av)
    if op is sre.BRANCH:
        return _alternation([_sequence(branch) for branch in av[1]])
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, high, item = av
        return _repeat(low, high, _sequence(item))
    return _ANYTHING


def _sequence(items) -> _Info:
    """Info of a concatenation of parse-tree nodes: runs of fixed strings are joined, and the
    most selective requirement among the runs and the other nodes is kept."""
    run = frozenset({""})  # exact strings of the current run of fixed nodes
    required = None
    broken = False  # whether some node had no exact strings
    for op, av in items:
        info = _node(op, av)
        if info.exact is not None and len(run) * len(info.exact) <= MAX_STRINGS:
            run = frozenset(x + y for x in run for y in info.exact)
            continue
        required = _better(required, _Info(exact=run).requirement())
        if info.exact is not None:
            run = info.exact
        else:
            broken = True
            required = _better(required, info.requirement())
            run = frozenset({""})
    if not broken and required is None:
        return _Info(exact=run)
    return _Info(required=_better(required, _Info(exact=run).requirement()))


def required_literals(pattern: str) -> frozenset[str] | None:
    """Case-folded strings one of which every match of `pattern` (compiled with re.IGNORECASE)
    contains, or None when no such set was found. Redundant strings (containing another) are
    dropped."""
    literals = _sequence(_parser.parse(pattern, re.IGNORECASE)).requirement()
    if literals is None:
        return None
    folded = {fold(s) for s in literals}
    return frozenset(s for s in folded if not any(o != s and o in s for o in folded))


def _node_prefix(op, av) -> frozenset[str] | None:
    """Strings one of which every match of a non-fixed node starts with, or None."""
    if op is sre.SUBPATTERN:
        return _prefix(av[-1])
    if op is sre.ATOMIC_GROUP:
        return _prefix(av)
    if op is sre.BRANCH:
        found = [_prefix(branch) for branch in av[1]]
        return None if any(f is None for f in found) else frozenset().union(*found)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and av[0] >= 1:
        return _prefix(av[2])
    return None


def _prefix(items) -> frozenset[str] | None:
    """Non-empty strings one of which every match of the node sequence starts with, or None."""
    run = frozenset({""})
    for op, av in items:
        info = _node(op, av)
        if info.exact is not None and len(run) * len(info.exact) <= MAX_STRINGS:
            run = frozenset(x + y for x in run for y in info.exact)
            continue
        starts = _node_prefix(op, av) if info.exact is None else None
        if starts is not None and len(run) * len(starts) <= MAX_STRINGS:
            run = frozenset(x + y for x in run for y in starts)
        break
    return None if "" in run or len(run) > MAX_STRINGS else run


def leading_literals(pattern: str) -> frozenset[str] | None:
    """Case-folded strings one of which every match of `pattern` (re.IGNORECASE) starts with,
    or None when not every match starts with a fixed string."""
    starts = _prefix(_parser.parse(pattern, re.IGNORECASE))
    if starts is None:
        return None
    folded = {fold(s) for s in starts}
    # a string that has another one as its prefix adds no candidate position
    return frozenset(s for s in folded if not any(o != s and s.startswith(o) for o in folded))


def _first(folded_text: str, literal: str, firsts: dict[str, int] | None) -> int:
    """folded_text.find(literal), remembered in `firsts` (one page's first occurrences)."""
    if firsts is None:
        return folded_text.find(literal)
    at = firsts.get(literal)
    if at is None:
        at = firsts[literal] = folded_text.find(literal)
    return at


def _occurrences(folded_text: str, literals: frozenset[str], limit: int,
                 firsts: dict[str, int] | None = None) -> Iterator[int]:
    """Start offsets below `limit` of the occurrences of `literals` in `folded_text`, ascending,
    found lazily: the first candidate usually settles it, so later ones are never looked for.
    `firsts` caches first occurrences across the patterns matched against one page."""
    heap = [(at, literal) for literal in literals
            if (at := _first(folded_text, literal, firsts)) >= 0]
    heapify(heap)
    last = -1
    while heap:
        at, literal = heap[0]
        if at >= limit:
            return
        following = folded_text.find(literal, at + 1)
        if following >= 0:
            heapreplace(heap, (following, literal))
        else:
            heappop(heap)
        if at != last:
            last = at
            yield at


class PatternSet:
    """A list of case-insensitive patterns searched as the one alternation `regex`, faster.

    `search(text, folded)` returns exactly what `regex.search(text)` returns (same start, end
    and text) while skipping work: a pattern none of whose required literals occurs in the folded
    text is not run, and a pattern whose matches all start with a known literal is only tried at
    that literal's occurrences instead of at every offset. The alternation's match is the
    leftmost one, the earliest pattern winning a tie, and so is the one returned here.
    """

    def __init__(self, patterns: list[str], prefix: str = ""):
        self.regex = re.compile(prefix + "(?:" + "|".join(f"(?:{p})" for p in patterns) + ")",
                                re.IGNORECASE)
        self.parts = tuple(
            (re.compile(prefix + f"(?:{p})", re.IGNORECASE), required_literals(p),
             leading_literals(p))
            for p in patterns
        )
        found = [literals for _, literals, _ in self.parts]
        self.literals = None if any(f is None for f in found) else frozenset().union(*found)

    def may_match(self, folded: str) -> bool:
        """False when no pattern can match: none of the required literals is in `folded`."""
        return self.literals is None or any(literal in folded for literal in self.literals)

    def search(self, text: str, folded: str,
               firsts: dict[str, int] | None = None) -> re.Match | None:
        """The leftmost match of the alternation in `text` (`folded` is fold(text); `firsts`,
        when given, a cache of first literal occurrences in it shared by several sets)."""
        best = None
        for regex, required, starts in self.parts:
            if starts is None:
                if required is not None and not any(literal in folded for literal in required):
                    continue
                match = regex.search(text)
            else:  # finding no leading literal is as cheap as finding no required one
                limit = best.start() if best else len(text) + 1
                match = next((m for at in _occurrences(folded, starts, limit, firsts)
                              if (m := regex.match(text, at))), None)
            if match and (best is None or match.start() < best.start()):
                best = match
                if best.start() == 0:
                    break
        return best

    def any_match(self, text: str, folded: str, firsts: dict[str, int] | None = None) -> bool:
        """Whether the alternation matches anywhere in `text` (`folded` is fold(text))."""
        for regex, required, starts in self.parts:
            if starts is None:
                if (required is None or any(literal in folded for literal in required)) \
                        and regex.search(text):
                    return True
            elif any(regex.match(text, at)
                     for at in _occurrences(folded, starts, len(text), firsts)):
                return True
        return False


def _extra_case_table() -> dict[int, str]:
    """Each character `re` treats as an extra case variant, mapped to its class's smallest."""
    classes: dict[int, set[int]] = {}
    for code, variants in _casefix._EXTRA_CASES.items():
        members = {code, *variants}
        for member in list(members):
            members |= classes.get(member, set())
        for member in members:
            classes[member] = members
    return {code: chr(min(members)) for code, members in classes.items() if code != min(members)}


_EXTRA_CASES = _extra_case_table()
_NEEDS_EXTRA = re.compile("[" + "".join(map(chr, _EXTRA_CASES)) + "]")


def fold(text: str) -> str:
    """`text` case-folded the way re.IGNORECASE compares characters, one character for one (the
    same folding serves pages and literals): İ lower-cases to i as in `re`, not to i + dot."""
    if "İ" in text:
        text = text.replace("İ", "i")
    lowered = text.lower()
    for variant in set(_NEEDS_EXTRA.findall(lowered)):
        lowered = lowered.replace(variant, _EXTRA_CASES[ord(variant)])
    return lowered
