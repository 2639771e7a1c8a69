"""fraudwatch.browser: finding Chromium, its launch flags, and a real screenshot on loopback."""

from __future__ import annotations

import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest

from fraudwatch import browser
from fraudwatch.config import load_config


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def site(tmp_path):
    (tmp_path / "index.html").write_text(
        "<html><head><meta charset='utf-8'><title>Золотая фишка</title></head>"
        "<body style='background:#c00'><h1>Казино</h1></body></html>", encoding="utf-8")
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=str(tmp_path)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/index.html"
    server.shutdown()
    server.server_close()


def test_configured_executable_wins(tmp_path):
    fake = tmp_path / "chrome"
    fake.write_text("#!/bin/sh\n")
    fake.chmod(0o755)
    config = load_config(environ={}, overrides={"browser.executable": str(fake)})
    assert browser.find_chromium(config) == str(fake)


def test_configured_but_missing_executable_is_a_clear_error(tmp_path):
    config = load_config(environ={}, overrides={"browser.executable": str(tmp_path / "nope")})
    with pytest.raises(browser.BrowserNotFound, match="apt-get install chromium"):
        browser.find_chromium(config)


def test_no_browser_anywhere_is_a_clear_error(monkeypatch, tmp_path):
    monkeypatch.setattr(browser, "SYSTEM_BROWSERS", ())
    monkeypatch.setenv("PLAYWRIGHT_BROWSERS_PATH", str(tmp_path))
    for var in browser.ENV_VARS:
        monkeypatch.delenv(var, raising=False)
    with pytest.raises(browser.BrowserNotFound, match="set browser.executable"):
        browser.find_chromium()


def test_launch_options_carry_the_flags_this_machine_needs():
    options = browser.launch_options(extra_args=["--host-resolver-rules=MAP x.kz 127.0.0.1"])
    assert options["executable_path"]
    assert {"--disable-gpu", "--disable-quic", "--disable-sync"} <= set(options["args"])
    assert options["args"][-1] == "--host-resolver-rules=MAP x.kz 127.0.0.1"


@pytest.mark.browser
def test_check_browser_reports_a_version():
    assert browser.check_browser().startswith("Chromium ")


@pytest.mark.browser
def test_screenshot_of_a_loopback_page(site, tmp_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(**browser.launch_options())
        try:
            page = chromium.new_page()
            page.goto(site)
            png = page.screenshot()
            assert page.title() == "Золотая фишка"
        finally:
            chromium.close()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(png) > 1000
