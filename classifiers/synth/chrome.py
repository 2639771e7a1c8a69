"""Page chrome shared by every label (menus, footers, banners) from common/boilerplate.yaml."""

from __future__ import annotations

import random
from functools import cache
from pathlib import Path

import yaml

BOILERPLATE_PATH = (Path(__file__).resolve().parent.parent / "data" / "texts" / "common"
                    / "boilerplate.yaml")
HEADER_SHARE = 0.6
FOOTER_SHARE = 0.7
BANNER_SHARE = 0.25


@cache
def boilerplate(path: Path = BOILERPLATE_PATH) -> dict:
    """Chrome per language: headers, footers and banners, read once."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def chrome_lines(rng: random.Random, lang: str, values: dict[str, str]) -> tuple[list, list]:
    """(lines before the content, lines after it) of one page in `lang`, slots filled in."""
    chrome = boilerplate().get(lang) or boilerplate()["en"]
    head = [rng.choice(chrome["headers"])] if rng.random() < HEADER_SHARE else []
    tail = []
    if rng.random() < BANNER_SHARE:
        tail.append(rng.choice(chrome["banners"]))
    if rng.random() < FOOTER_SHARE:
        tail += rng.sample(chrome["footers"], rng.randint(1, min(3, len(chrome["footers"]))))
    return ([line.format_map(values) for line in head],
            [line.format_map(values) for line in tail])
