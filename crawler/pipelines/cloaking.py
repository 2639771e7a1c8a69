"""Flag landing-page renders that differ in substance from the plain fetch
(crawler.render.cloaking)."""

from __future__ import annotations

from crawler.render.cloaking import differs_in_substance


def label(item) -> tuple[str, str]:
    return item.verdict.category, item.verdict.verdict


class CloakingPipeline:
    def __init__(self, min_text: int):
        self.min_text = min_text
        self.plain: dict[str, tuple[str, tuple[str, str]]] = {}

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.settings.getint("FRAUDWATCH_MIN_TEXT"))

    def process_item(self, item):
        if item.depth != 0 or item.verdict is None:
            return item
        capture = item.capture
        if capture.render == "static":
            self.plain[capture.url] = (capture.text, label(item))
        elif capture.url in self.plain:
            text, plain_label = self.plain[capture.url]
            item.cloaking = differs_in_substance(text, plain_label, capture.text, label(item),
                                                 self.min_text)
        return item
