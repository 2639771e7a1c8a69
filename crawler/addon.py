"""Derive Scrapy settings from fraudwatch's: store, evidence paths, DNS overrides, browser.

Runs for `fraudwatch crawl` and for `scrapy crawl sites` alike (ADDONS in crawler.settings).
Empty FRAUDWATCH_STORE / FRAUDWATCH_VAR_DIR are taken from the fraudwatch configuration
(FRAUDWATCH_CONFIG names its file; environment variables apply as usual).

The configuration is read here once, when the crawl starts, and kept whole in the setting
CONFIG_READ (the values, where each came from, and the file); every component reads it back
with `crawl_config(crawler.settings)`, so a file edited during a crawl never gives two
components two different values.
"""

from __future__ import annotations

import os
import secrets
import shlex
from datetime import UTC, datetime
from pathlib import Path

from crawler.frontier.shared import join_run
from crawler.safety.resolver import host_resolver_rules
from fraudwatch import seedqueue
from fraudwatch.browser import launch_options
from fraudwatch.config import Config, ConfigError, load_config
from fraudwatch.store import open_store

PLAYWRIGHT_HANDLER = "crawler.render.watchdog.BoundedPlaywrightHandler"  # bounded renders
PRIORITY = "spider"  # above the project's defaults, below -s / the CLI's own settings
CONFIG_READ = "FRAUDWATCH_CONFIG_READ"  # the configuration as read once, by the addon


def browser_args(value) -> list[str]:
    """Extra Chromium flags: a list, or one string of flags separated by spaces (--set)."""
    if isinstance(value, str):
        return shlex.split(value)
    return list(value or [])


def new_run_id() -> str:
    """A run id that sorts by start time and never repeats: two crawls started in the same
    millisecond still differ (`20261203T111800.123Z-9f2c01ab`)."""
    now = datetime.now(UTC)
    return f"{now:%Y%m%dT%H%M%S}.{now.microsecond // 1000:03d}Z-{secrets.token_hex(4)}"


def crawl_config(settings) -> Config:
    """The fraudwatch configuration a crawl runs with, as the addon read it when the crawl
    started (with the crawl's store and evidence folder)."""
    read = settings.getdict(CONFIG_READ)
    if not read:
        raise ConfigError(f"{CONFIG_READ} is not set: the crawl runs without "
                          "crawler.addon.FraudwatchAddon; keep it in ADDONS (crawler.settings)")
    return Config(values=dict(read["values"]), sources=dict(read["sources"]),
                  path=Path(read["path"]) if read["path"] else None)


def open_crawl_store(settings):
    """The crawl's store, with the configuration's Elasticsearch settings (index prefix)."""
    return open_store(settings.get("FRAUDWATCH_STORE"), crawl_config(settings))


def queued_seeds(settings, var_dir: Path) -> list[str]:
    """The queued seeds a crawl takes (crawler.aftercrawl removes them once it finishes):
    FRAUDWATCH_QUEUED_SEEDS when given, else the whole queue while FRAUDWATCH_QUEUED is on
    (mirror alerts first, then citizens' reports)."""
    given = settings.getlist("FRAUDWATCH_QUEUED_SEEDS")
    if given or not settings.getbool("FRAUDWATCH_QUEUED"):
        return list(given)
    return seedqueue.queued(var_dir)


class FraudwatchAddon:
    def update_settings(self, settings) -> None:
        config = load_config(settings.get("FRAUDWATCH_CONFIG") or None)
        var_dir = Path(settings.get("FRAUDWATCH_VAR_DIR") or config.var_dir).resolve()
        run_id = settings.get("FRAUDWATCH_RUN_ID") or new_run_id()
        derived = {}
        frontier = settings.get("FRAUDWATCH_FRONTIER") or config.frontier.url
        if frontier:
            derived |= self._frontier_settings(settings, config, frontier, run_id)
            run_id = derived.get("FRAUDWATCH_RUN_ID", run_id)
        session = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
        derived |= {
            "FRAUDWATCH_STORE": settings.get("FRAUDWATCH_STORE") or config.store,
            "FRAUDWATCH_VAR_DIR": str(var_dir),
            "FRAUDWATCH_RUN_ID": run_id,
            "FRAUDWATCH_WARC_FILE": settings.get("FRAUDWATCH_WARC_FILE")
            or str(var_dir / "warc" / f"{run_id}-{session}-{os.getpid()}.warc.gz"),
        }
        derived["FRAUDWATCH_QUEUED_SEEDS"] = queued_seeds(settings, var_dir)
        derived[CONFIG_READ] = self._config_read(settings, config, derived)
        if settings.get("FRAUDWATCH_RENDER") != "never":
            derived |= self._browser_settings(settings, config)
        for name, value in derived.items():
            settings.set(name, value, priority=PRIORITY)

    @staticmethod
    def _config_read(settings, config: Config, derived: dict) -> dict:
        """The configuration as this crawl runs it: the store and var_dir it uses (from the
        crawl's own settings when given there), each value's source, and the file read."""
        values = {**config.values, "store": derived["FRAUDWATCH_STORE"],
                  "var_dir": derived["FRAUDWATCH_VAR_DIR"]}
        sources = dict(config.sources)
        for key, setting in (("store", "FRAUDWATCH_STORE"), ("var_dir", "FRAUDWATCH_VAR_DIR")):
            if settings.get(setting):
                sources[key] = f"Scrapy setting {setting}"
        return {"values": values, "sources": sources,
                "path": str(config.path) if config.path else ""}

    def _frontier_settings(self, settings, config: Config, url: str, run_id: str) -> dict:
        """The Redis frontier's scheduler, and the run this worker joins."""
        name = settings.get("FRAUDWATCH_FRONTIER_NAME") or config.frontier.name
        lease = settings.getfloat("FRAUDWATCH_FRONTIER_LEASE") or config.frontier.lease
        derived = {"SCHEDULER": "crawler.frontier.scheduler.FrontierScheduler",
                   "FRAUDWATCH_FRONTIER": url, "FRAUDWATCH_FRONTIER_NAME": name,
                   "FRAUDWATCH_FRONTIER_LEASE": lease}
        if not settings.get("FRAUDWATCH_FRONTIER_WORKER"):
            run_id, worker = join_run(url, name, lease, run_id)
            derived |= {"FRAUDWATCH_RUN_ID": run_id, "FRAUDWATCH_FRONTIER_WORKER": worker}
        return derived

    def _browser_settings(self, settings, config: Config) -> dict:
        overrides = settings.getdict("FRAUDWATCH_RESOLVE")
        rules = [f"--host-resolver-rules={host_resolver_rules(overrides)}"] if overrides else []
        rules += browser_args(settings.get("FRAUDWATCH_BROWSER_ARGS"))
        timeout_ms = int(settings.getfloat("FRAUDWATCH_RENDER_TIMEOUT") * 1000)
        return {
            "DOWNLOAD_HANDLERS": {"http": PLAYWRIGHT_HANDLER, "https": PLAYWRIGHT_HANDLER},
            "PLAYWRIGHT_BROWSER_TYPE": "chromium",
            "PLAYWRIGHT_LAUNCH_OPTIONS": launch_options(config, extra_args=rules),
            "PLAYWRIGHT_MAX_PAGES_PER_CONTEXT": 2,
            "PLAYWRIGHT_DEFAULT_NAVIGATION_TIMEOUT": timeout_ms,
            "PLAYWRIGHT_ABORT_REQUEST": "crawler.render.browserfilter.abort_request",
            # Renders send the browser's own headers (the profile's user agent and language,
            # Upgrade-Insecure-Requests...), not Scrapy's: a victim's browser, to a cloaker.
            "PLAYWRIGHT_PROCESS_REQUEST_HEADERS": None,
        }
