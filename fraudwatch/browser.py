"""The one place that finds Chromium and says how to launch it on this machine.

Search order: the `browser.executable` config key (also FRAUDWATCH_BROWSER_EXECUTABLE), the
CHROME_BIN / CHROMIUM_PATH environment variables, the usual system binaries (Debian's
/usr/bin/chromium first), then a browser installed by `playwright install chromium`.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from fraudwatch.config import Config
from fraudwatch.config.keys import BrowserKeys

SYSTEM_BROWSERS = ("/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome")
ENV_VARS = ("FRAUDWATCH_BROWSER_EXECUTABLE", "CHROME_BIN", "CHROMIUM_PATH")
# Flags for a headless crawler on a server: no GPU, no QUIC (plain TCP the proxies and the
# resolver rules see), and no background traffic of Chromium's own.
BASE_ARGS = (
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
)
NOT_FOUND = (
    "no Chromium found: install it with `apt-get install chromium` or "
    "`playwright install chromium`, or set browser.executable"
)


class BrowserNotFound(RuntimeError):
    """No usable Chromium binary; the message says how to install or configure one."""


def _browser(config: Config | None) -> BrowserKeys:
    """The browser section of `config`, or its declared defaults without one."""
    return config.browser if config is not None else BrowserKeys()


def _playwright_chromium() -> str | None:
    """The newest Chromium that `playwright install chromium` left in its cache, if any."""
    root = Path(os.environ.get("PLAYWRIGHT_BROWSERS_PATH") or Path.home() / ".cache/ms-playwright")
    found = sorted(root.glob("chromium-*/chrome-linux*/chrome"))
    return str(found[-1]) if found else None


def _executable(candidate: str) -> str | None:
    path = shutil.which(candidate)
    return path if path and os.access(path, os.X_OK) else None


def find_chromium(config: Config | None = None) -> str:
    """Path of the Chromium binary to use; raise BrowserNotFound if there is none."""
    configured = _browser(config).executable
    if configured:
        if _executable(configured):
            return _executable(configured)
        raise BrowserNotFound(f"browser.executable = {configured!r} is not executable; {NOT_FOUND}")
    for var in ENV_VARS:
        if os.environ.get(var) and _executable(os.environ[var]):
            return _executable(os.environ[var])
    for candidate in SYSTEM_BROWSERS:
        if _executable(candidate):
            return _executable(candidate)
    bundled = _playwright_chromium()
    if bundled:
        return bundled
    raise BrowserNotFound(NOT_FOUND)


def launch_args(extra_args=()) -> list[str]:
    """Command-line flags for Chromium on this machine, plus `extra_args`."""
    sandbox = ["--no-sandbox"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []
    return [*sandbox, *BASE_ARGS, *extra_args]


def launch_options(config: Config | None = None, extra_args=()) -> dict:
    """Keyword arguments for Playwright's `chromium.launch` (PLAYWRIGHT_LAUNCH_OPTIONS)."""
    return {
        "executable_path": find_chromium(config),
        "headless": _browser(config).headless,
        "args": launch_args(extra_args),
        "timeout": 30_000,
    }


def check_browser(config: Config | None = None) -> str:
    """Launch Chromium, load a `data:` page and return the browser version."""
    # Playwright loads in ~0.2 s; only `config check` launches the browser this way
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(**launch_options(config))
        try:
            page = browser.new_page()
            page.goto("data:text/html,<title>ok</title>")
            if page.title() != "ok":
                raise RuntimeError("Chromium started but did not render a data: page")
            return f"Chromium {browser.version} ({find_chromium(config)})"
        finally:
            browser.close()
