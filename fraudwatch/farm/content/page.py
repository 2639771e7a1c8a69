"""One page of a farm site as data: its path, its words and the widgets it carries."""

from __future__ import annotations

from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Page:
    """A page's path, menu label, title, paragraphs and optional form, table and countdown."""

    path: str
    nav: str
    title: str
    paragraphs: tuple[str, ...]
    form: str | None = None
    table: tuple[tuple[str, ...], ...] = ()  # first row is the header
    countdown: bool = False

    def fill(self, values: dict[str, str]) -> Page:
        """The page with `{placeholders}` in its text replaced from `values`."""
        return replace(
            self,
            nav=self.nav.format(**values),
            title=self.title.format(**values),
            paragraphs=tuple(p.format(**values) for p in self.paragraphs),
            table=tuple(tuple(cell.format(**values) for cell in row) for row in self.table),
        )
