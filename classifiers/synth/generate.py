"""Assemble corpus pages from the team-written texts: title, a random set of blocks, chrome.

Each page takes one archetype and language and a title; then either the archetype's `always`
blocks and a random subset of its other blocks (one variant of each, slots filled in), or, for
a page of one register such as a whole rules page or FAQ, one or two blocks with several of
their variants; and sometimes menus, footers and banners shared by every label. Kazakh pages
are sometimes written in Latin letters or mixed with a Russian block, as real Kazakh pages are.
The split is by wording: the last variant of every block with four or more variants, and brand
endings, are kept for test pages.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass

from classifiers.synth.chrome import chrome_lines
from classifiers.synth.html import render_html
from classifiers.synth.slots import slot_values
from classifiers.synth.sources import CORE_LANGS, Archetype, LangText, load_archetypes
from classifiers.synth.translit import to_latin

SEED = 20261203
# Pages per archetype and language; labels with fewer archetypes get more pages each, so that
# fraud and legitimate pages come in equal depth.
PAGES_PER_LANG = {"core": 36, "other": 12}
TEST_SHARE = 0.2
HELD_OUT_USE = 0.6
HTML_SHARE = 0.7
# Pages of one register (a whole rules page, a whole FAQ): 1-2 blocks, several variants of each
FOCUSED_SHARE = 0.4
LATIN_KAZAKH = 0.2
MIXED_KAZAKH = 0.15


@dataclass(frozen=True)
class Draft:
    """One page before rendering: its title and lines of text, with the values used."""

    title: str
    lines: tuple[str, ...]
    lang: str


def pick(rng: random.Random, variants: tuple[str, ...], split: str) -> str:
    """One variant: the last of four or more is kept for test pages only."""
    if len(variants) < 4:
        return rng.choice(variants)
    if split == "test" and rng.random() < HELD_OUT_USE:
        return variants[-1]
    return rng.choice(variants[:-1])


def several(rng: random.Random, variants: tuple[str, ...], split: str) -> list[str]:
    """Two to four different variants of one block, as a page made of that section alone;
    the held-out last variant of four or more only on test pages."""
    usable = list(variants if split == "test" or len(variants) < 4 else variants[:-1])
    return rng.sample(usable, min(len(usable), rng.randint(2, 4)))


def focused_body(rng: random.Random, text: LangText, split: str) -> list[str]:
    """The templates of a page of one register: one or two blocks, several variants each."""
    names = list(text.blocks)
    chosen = rng.sample(names, min(len(names), rng.choice((1, 1, 2))))
    return [variant for name in chosen for variant in several(rng, text.blocks[name], split)]


def chosen_blocks(rng: random.Random, text: LangText) -> list[str]:
    """The names of the blocks of one page: the `always` ones and a random subset of others."""
    others = [name for name in text.blocks if name not in text.always]
    low = min(len(others), 2)
    count = rng.randint(low, len(others)) if others else 0
    picked = rng.sample(others, count)
    if rng.random() < 0.6:  # keep the writer's order most of the time
        picked.sort(key=others.index)
    return [*text.always, *picked]


def _fill(template: str, values: dict[str, str]) -> str:
    return template.format_map(values)


def draft(rng: random.Random, archetype: Archetype, lang: str, split: str,
          focused: bool = False) -> Draft:
    """The text of one page of `archetype` in `lang` (`focused`: of one register)."""
    text = archetype.langs[lang]
    values = slot_values(rng, lang, split)
    values |= {name: rng.choice(options) for name, options in archetype.slots.items()}
    title = _fill(pick(rng, text.titles, split), values)
    if focused:
        body = [_fill(template, values) for template in focused_body(rng, text, split)]
    else:
        body = [_fill(pick(rng, text.blocks[name], split), values)
                for name in chosen_blocks(rng, text)]
    if lang == "kk" and "ru" in archetype.langs and rng.random() < MIXED_KAZAKH:
        russian = archetype.langs["ru"]
        block = rng.choice(list(russian.blocks))
        body.insert(rng.randint(1, len(body)), _fill(pick(rng, russian.blocks[block], split),
                                                    values))
        lang = "mixed"
    head, tail = chrome_lines(rng, lang if lang != "mixed" else "kk", values)
    lines = [line for block in [*head, *body, *tail] for line in block.strip().splitlines()]
    if lang == "kk" and rng.random() < LATIN_KAZAKH:
        title, lines, lang = to_latin(title), [to_latin(line) for line in lines], "kk_latin"
    return Draft(title, tuple(lines), lang)


def document(rng: random.Random, archetype: Archetype, lang: str, split: str,
             focused: bool = False) -> dict:
    """One corpus page: text (title first), optional HTML, label and where it came from."""
    page = draft(rng, archetype, lang, split, focused)
    text = "\n".join([page.title, *page.lines])
    html = (render_html(rng, archetype.html, page.title, page.lines, page.lang)
            if rng.random() < HTML_SHARE else "")
    return {"text": text, "html": html, "label": archetype.label, "lang": page.lang,
            "kind": archetype.name, "split": split,
            "note": f"team-written {archetype.label}/{archetype.name}/{page.lang}"}


def pages_per_lang(archetypes: tuple[Archetype, ...], archetype: Archetype, lang: str) -> int:
    """How many pages `archetype` gets in `lang`: fraud and legit pages balance overall."""
    base = PAGES_PER_LANG["core" if lang in CORE_LANGS else "other"]
    fraud = sum(1 for a in archetypes if a.label != "legit")
    legit = len(archetypes) - fraud
    if not fraud or not legit:
        return base
    share = fraud / legit if archetype.label == "legit" else 1.0
    return max(1, round(base * min(share, 2.5)))


def generate(seed: int = SEED, archetypes: tuple[Archetype, ...] | None = None) -> Iterator[dict]:
    """All corpus pages, deterministic for a seed (each page from its own seeded generator)."""
    archetypes = archetypes if archetypes is not None else load_archetypes()
    for archetype in archetypes:
        for lang in archetype.langs:
            total = pages_per_lang(archetypes, archetype, lang)
            for i in range(total):
                split = "test" if i < round(total * TEST_SHARE) else "train"
                # one generator per page: editing one file never changes another file's pages
                key = f"{seed}:{archetype.name}:{lang}:{i}"
                focused = random.Random(f"focused:{key}").random() < FOCUSED_SHARE
                yield document(random.Random(key), archetype, lang, split, focused)
