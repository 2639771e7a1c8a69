"""Stacked weekly bar charts as plain geometry, drawn by the template as inline SVG."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

PALETTE = {"casino": "#c0392b", "loan": "#d68910", "pyramid": "#7d3c98", "legit": "#229954",
           "illegal": "#c0392b", "suspicious": "#d68910", "clean": "#5d6d7e",
           "licensed": "#229954"}
WIDTH, HEIGHT, GAP = 600, 160, 4


@dataclass
class Rect:
    """A bar's place in the SVG and the count it stands for (here and in web.timeline)."""
    x: float
    y: float
    width: float
    height: float
    count: int


@dataclass
class Bar(Rect):
    fill: str
    key: str
    week: str  # ISO date of the week's Monday


@dataclass
class Chart:
    bars: list[Bar]
    keys: list[str]
    labels: list[tuple[float, str]]  # (x, ISO date of the week's Monday)
    peak: int
    width: int = WIDTH
    height: int = HEIGHT

    def colour(self, key: str) -> str:
        return PALETTE.get(key, "#888888")


def stacked_bars(weeks: list[str], counts: dict[str, Counter], keys: tuple[str, ...]) -> Chart:
    """One stacked bar per week, segments in `keys` order, scaled to the busiest week."""
    peak = max((sum(counts.get(w, Counter()).values()) for w in weeks), default=0) or 1
    step = WIDTH / max(len(weeks), 1)
    bars, labels = [], []
    for i, week in enumerate(weeks):
        x, top = i * step + GAP / 2, HEIGHT
        for key in keys:
            n = counts.get(week, Counter())[key]
            if n:
                h = HEIGHT * n / peak
                top -= h
                bars.append(Bar(x=x, y=top, width=step - GAP, height=h, count=n,
                                fill=PALETTE.get(key, "#888888"), key=key, week=week))
        labels.append((x, week))
    return Chart(bars, list(keys), labels, peak)
