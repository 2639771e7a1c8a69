"""Store screenshots by content: `<var_dir>/screenshots/<sha256>.png`."""

from __future__ import annotations

import hashlib
from pathlib import Path

from scrapy.exceptions import NotConfigured


def save_png(png: bytes, folder: Path) -> tuple[str, str]:
    """Write `png` under its SHA-256 (once) and return (path, sha256)."""
    digest = hashlib.sha256(png).hexdigest()
    path = folder / f"{digest}.png"
    if not path.exists():
        folder.mkdir(parents=True, exist_ok=True)
        path.write_bytes(png)
    return str(path), digest


class ScreenshotPipeline:
    def __init__(self, folder: Path):
        self.folder = folder

    @classmethod
    def from_crawler(cls, crawler):
        var_dir = crawler.settings.get("FRAUDWATCH_VAR_DIR")
        if not var_dir:
            raise NotConfigured
        return cls(Path(var_dir) / "screenshots")

    def process_item(self, item):
        if item.screenshot_png:
            item.capture.screenshot, item.capture.screenshot_sha256 = save_png(item.screenshot_png,
                                                                              self.folder)
            item.screenshot_png = b""
        return item
