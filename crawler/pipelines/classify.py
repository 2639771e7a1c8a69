"""Classify each fetched page with `classifiers.predict` (pure: text and HTML in)."""

from __future__ import annotations

import classifiers


class ClassifyPipeline:
    def process_item(self, item):
        if item.html and not item.error:
            item.verdict = classifiers.predict(item.text, html=item.html, url=item.final_url)
        return item
