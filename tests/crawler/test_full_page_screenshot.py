"""A landing page's screenshot holds the whole page, not the first screen: what a scam shows
further down (licence claims, payment forms, testimonials) is evidence too."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

from crawler.render.profiles import PROFILES
from fraudwatch.store import open_store
from tests.loopback import Answering, serving

pytestmark = [pytest.mark.timeout(300)]
TALL = 3000  # CSS pixels, far below the desktop viewport's bottom
PAGE = (f"<html><head><meta charset='utf-8'><title>Казино</title></head><body style='margin:0'>"
        f"<div style='height:{TALL}px'><h1>Бонус 200% на первый депозит</h1></div>"
        "<footer>Лицензия Кюрасао</footer></body></html>").encode()


class Tall(Answering):
    def do_GET(self):  # noqa: N802 (http.server's interface)
        self.answer(PAGE, "text/html; charset=utf-8")


@pytest.fixture
def site():
    with serving(Tall) as port:
        yield port


def png_size(data: bytes) -> tuple[int, int]:
    """(width, height) from a PNG's IHDR chunk."""
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    return struct.unpack(">II", data[16:24])


def test_the_landing_page_screenshot_is_the_whole_page(tmp_path, fraudwatch_cli, site):
    fraudwatch_cli("crawl", "--render", "always", "--allow-private", "--max-pages", "1",
                   "--resolve=tall-kazino.kz=127.0.0.1", f"http://tall-kazino.kz:{site}/")
    with open_store(f"sqlite:///{tmp_path}/fw.db") as store:
        shot = store.get_site_by_domain("tall-kazino.kz").screenshot
    width, height = png_size(Path(shot).read_bytes())
    viewport = PROFILES["desktop"]["viewport"]
    assert width == viewport["width"]
    assert height >= TALL > viewport["height"]
