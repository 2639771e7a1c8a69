"""Assemble synthetic pages (text, optional HTML, label) from the page kinds and vocabularies."""

from __future__ import annotations

import random
from collections.abc import Iterator

from classifiers.synth import casino, legit, loan, pyramid, vocab
from classifiers.synth.translit import to_latin

KINDS = {**casino.KINDS, **loan.KINDS, **pyramid.KINDS, **legit.KINDS}
LANG_VARIANTS = ("ru", "kk", "en", "mixed", "kk_latin")
DOCS_PER_KIND = {"casino": 30, "loan": 42, "pyramid": 42, "legit": 20}
TEST_SHARE = 0.25
HELD_OUT_USE = 0.6
HTML_SHARE = 0.6


def slots(rng: random.Random, split: str) -> dict:
    """Random values for every template slot; brand tails differ between train and test."""
    brand = rng.choice(vocab.BRAND_HEADS) + rng.choice(vocab.BRAND_TAILS[split])
    provider, provider2 = rng.sample(vocab.PROVIDERS, 2)
    team1, team2 = rng.sample(vocab.TEAMS, 2)
    return {
        "brand": brand,
        "provider": provider,
        "provider2": provider2,
        "team1": team1,
        "team2": team2,
        "domain": f"{brand.lower()}{rng.randint(1, 99)}{rng.choice(vocab.TLDS)}",
        "pct": rng.choice([100, 150, 200, 250, 300]),
        "pct_small": rng.randint(1, 9),
        "pct_week": rng.randint(8, 30),
        "pct_month": rng.randint(20, 90),
        "n": rng.randint(5, 500),
        "amount": f"{rng.randint(1, 50) * 100_000:,}".replace(",", " "),
        "small": f"{rng.randint(2, 50) * 1_000:,}".replace(",", " "),
        "small2": rng.randint(1, 9),
        "wager": rng.choice([20, 30, 35, 40, 45, 50, 60]),
        "days": rng.randint(2, 30),
        "big": rng.randint(200, 5000),
        "odds": f"{rng.uniform(1.2, 9.5):.2f}",
        "levels": rng.randint(3, 7),
        "year": rng.randint(2023, 2026),
        "rate": rng.randint(12, 17),
        "months": rng.choice([3, 6, 12, 24]),
        "bank": rng.choice(vocab.BANKS),
        "licence": f"{rng.randint(1, 9)}.{rng.randint(1, 9)}.{rng.randint(10, 999)}",
        "bin": "".join(str(rng.randint(0, 9)) for _ in range(12)),
        "city": rng.choice(vocab.CITIES),
        "code": f"{brand.upper()[:4]}{rng.randint(10, 99)}",
        "phone": f"+7 7{rng.randint(0, 9)}{rng.randint(0, 9)} {rng.randint(100, 999)} "
        f"{rng.randint(10, 99)} {rng.randint(10, 99)}",
    }


def pick_phrase(rng: random.Random, alternatives: list[str], split: str) -> str:
    """One phrasing: the last of three or more is held out for test pages only."""
    if len(alternatives) < 3:
        return rng.choice(alternatives)
    if split == "test" and rng.random() < HELD_OUT_USE:
        return alternatives[-1]
    return rng.choice(alternatives[:-1])


def section_langs(rng: random.Random, variant: str, count: int) -> list[str]:
    """The language of each section: one language, or ru and kk interleaved for mixed pages."""
    if variant == "mixed":
        langs = [rng.choice(("ru", "kk")) for _ in range(count)]
        langs[0], langs[-1] = "ru", "kk"
        return langs
    return ["kk" if variant == "kk_latin" else variant] * count


def page_sentences(rng: random.Random, sections: dict, variant: str, split: str) -> list[str]:
    """Title plus a shuffled subset of sections, each rendered in its language."""
    count = len(sections["ru"])
    chosen = [0] + sorted(rng.sample(range(1, count), rng.randint(max(2, count - 3), count - 1)))
    body = chosen[1:]
    if rng.random() < 0.5:
        rng.shuffle(body)
    langs = section_langs(rng, variant, len(chosen))
    sentences = [
        pick_phrase(rng, sections[lang][i], split)
        for lang, i in zip(langs, [0, *body], strict=True)
    ]
    if rng.random() < 0.3:
        extra = rng.choice(body)
        sentences.append(pick_phrase(rng, sections[langs[-1]][extra], split))
    return sentences


def add_boilerplate(rng: random.Random, sentences: list[str], lang: str) -> list[str]:
    """Navigation before and footer after the content, sometimes."""
    header, footer = vocab.BOILERPLATE[lang]
    head = [rng.choice(header)] if rng.random() < 0.6 else []
    tail = rng.sample(footer, rng.randint(0, 2))
    return head + sentences + tail


def render_html(
    rng: random.Random, style: str, title: str, paragraphs: list[str], values: dict
) -> str:
    """A small HTML page in the page kind's style (forms, scripts, outbound links)."""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    extra = {
        "casino": f'<script src="https://cdn.{rng.choice(vocab.PROVIDER_HOSTS)}.com/game.js"></script>'
        f'<a href="https://{values["domain"]}/">mirror</a>',
        "promo": "".join(
            f'<a href="https://{values["domain"]}/?ref={i}">{values["brand"]}</a>'
            for i in range(rng.randint(2, 6))
        ),
        "loan_scam": '<form action="/pay"><input name="card_number"><input name="cvv">'
        '<input name="iin"><input name="phone"></form>',
        "pyramid": '<div class="countdown-timer">02:14:55</div>'
        '<form action="/signup"><input name="wallet"></form>',
        "bank": '<form action="/apply"><input name="iin"><input name="phone"></form>',
        "plain": '<a href="/about">about</a><a href="/contacts">contacts</a>',
    }[style]
    head = f"<head><title>{title}</title></head>"
    return f"<html>{head}<body><h1>{title}</h1>{body}{extra}</body></html>"


def document(rng: random.Random, kind: str, variant: str, split: str) -> dict:
    """One synthetic page of `kind` in language `variant`."""
    label, style, sections = KINDS[kind]
    values = slots(rng, split)
    sentences = page_sentences(rng, sections, variant, split)
    base_lang = "ru" if variant == "mixed" else ("kk" if variant == "kk_latin" else variant)
    lines = [s.format(**values) for s in add_boilerplate(rng, sentences, base_lang)]
    if variant == "kk_latin":
        lines = [to_latin(line) for line in lines]
    text = "\n".join(lines)
    html = render_html(rng, style, lines[0], lines[1:], values) if rng.random() < HTML_SHARE else ""
    return {
        "text": text,
        "html": html,
        "label": label,
        "lang": variant,
        "kind": kind,
        "split": split,
        "note": f"synthetic {kind}/{variant}",
    }


def generate(seed: int = 20240601) -> Iterator[dict]:
    """All corpus documents, deterministic for a given seed."""
    rng = random.Random(seed)
    for kind, (label, _style, _sections) in KINDS.items():
        for variant in LANG_VARIANTS:
            total = DOCS_PER_KIND[label]
            for i in range(total):
                split = "test" if i < round(total * TEST_SHARE) else "train"
                yield document(rng, kind, variant, split)
