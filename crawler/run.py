"""Run a crawl in this process: options to Scrapy settings, run folder, resume, CrawlerProcess.

A run folder (`<var_dir>/runs/<run_id>/` unless given) holds `run.json` (seeds, id, start
time), the frontier journal (`frontier.jsonl`, so `--resume` continues where an interrupted or
killed run stopped, see crawler.frontier.journal) and `summary.json`.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings

from crawler.addon import new_run_id
from crawler.frontier.journal import JOURNAL
from crawler.frontier.shared import FrontierError, join_run
from fraudwatch.config import Config, ConfigError

DURATION = re.compile(r"^(\d+(?:\.\d+)?)\s*([smhdw]?)$")
UNIT_SECONDS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}


def parse_duration(text: str) -> float:
    """Seconds in `90`, `30m`, `12h`, `7d` or `2w`; ValueError otherwise."""
    match = DURATION.match(text.strip().lower())
    if not match:
        raise ValueError(f"{text!r} is not a duration like 7d, 12h or 30m")
    return float(match[1]) * UNIT_SECONDS[match[2]]


class CrawlFailed(RuntimeError):
    """The crawl could not start or run (configuration, store, browser, code)."""


@dataclass
class CrawlOptions:
    """What `fraudwatch crawl` was asked to do."""

    seeds: list[str]
    render: str = "auto"
    allow_private: bool = False
    allow_private_hosts: list[str] = field(default_factory=list)  # only these may be private
    resolve: dict[str, str] = field(default_factory=dict)
    max_pages: int = 20
    max_depth: int = 2
    expand: int = 0
    recrawl_after: float = 0.0
    robots: str = "expanded"
    progress: bool = False
    extra: dict[str, str] = field(default_factory=dict)  # raw Scrapy settings (--set)
    profile_proxies: dict[str, str] = field(default_factory=dict)  # profile name -> proxy URL
    frontier: str = ""  # Redis URL of a shared frontier (crawler.frontier.shared); "" = local
    queued: list[str] = field(default_factory=list)  # queued seeds taken (fraudwatch.seedqueue)


@dataclass
class Run:
    """A run folder and the identity of the run it holds."""

    run_id: str
    folder: Path
    seeds: list[str]
    started: str = ""  # ISO time the run began

    @classmethod
    def new(cls, var_dir: Path, seeds: list[str], folder: Path | None = None,
            run_id: str = "") -> Run:
        if folder is None and not run_id:
            run_id, folder = _claim_run_folder(var_dir)
        run_id = run_id or new_run_id()
        started = datetime.now(UTC).isoformat(timespec="milliseconds")
        run = cls(run_id, folder or var_dir / "runs" / run_id, seeds, started)
        run.folder.mkdir(parents=True, exist_ok=True)
        (run.folder / JOURNAL).unlink(missing_ok=True)  # a reused --run-dir starts afresh
        (run.folder / "run.json").write_text(json.dumps(
            {"run_id": run_id, "seeds": seeds, "started": started}, ensure_ascii=False,
            indent=1))
        return run

    @classmethod
    def load(cls, folder: Path) -> Run:
        data = json.loads((folder / "run.json").read_text())
        return cls(data["run_id"], folder, data["seeds"], data.get("started", ""))

    @classmethod
    def latest_unfinished(cls, var_dir: Path) -> Run | None:
        """The newest run folder whose crawl did not finish."""
        for folder in sorted((var_dir / "runs").glob("*/run.json"), reverse=True):
            summary = folder.parent / "summary.json"
            if not summary.exists() or json.loads(summary.read_text()).get(
                    "finish_reason") != "finished":
                return cls.load(folder.parent)
        return None


def _claim_run_folder(var_dir: Path) -> tuple[str, Path]:
    """A fresh run id and its folder, created here so no other crawl can take the same one."""
    while True:
        run_id = new_run_id()
        folder = var_dir / "runs" / run_id
        folder.parent.mkdir(parents=True, exist_ok=True)
        try:
            folder.mkdir()
        except FileExistsError:
            continue
        return run_id, folder


def worker_run(var_dir: Path, seeds: list[str], frontier_url: str,
               config: Config) -> tuple[Run, str]:
    """Join the shared frontier's current run (or start it): this worker's run folder,
    `<var_dir>/runs/<run id>/workers/<worker id>`, and its worker id."""

    try:
        run_id, worker = join_run(frontier_url, config.frontier.name, config.frontier.lease,
                                  new_run_id())
    except FrontierError as exc:
        raise CrawlFailed(str(exc)) from exc
    folder = var_dir / "runs" / run_id / "workers" / worker
    return Run.new(var_dir, seeds, folder, run_id), worker


def crawl_settings(options: CrawlOptions, config: Config, run: Run, worker: str = "") -> Settings:
    """Scrapy settings for a run: the project's, then fraudwatch's from config and options."""
    settings = Settings()
    settings.setmodule("crawler.settings", priority="project")
    settings.setdict({
        "FRAUDWATCH_CONFIG": str(config.path or ""),
        "FRAUDWATCH_STORE": config.store,
        "FRAUDWATCH_VAR_DIR": str(config.var_dir.resolve()),
        "FRAUDWATCH_RUN_ID": run.run_id,
        "FRAUDWATCH_RUN_DIR": str(run.folder),
        "FRAUDWATCH_RUN_STARTED": run.started,
        "FRAUDWATCH_SEEDS": run.seeds,
        "FRAUDWATCH_QUEUED": False,  # the CLI took them: options.queued
        "FRAUDWATCH_QUEUED_SEEDS": options.queued,
        "FRAUDWATCH_RENDER": options.render,
        "FRAUDWATCH_ALLOW_PRIVATE": options.allow_private,
        "FRAUDWATCH_ALLOW_PRIVATE_HOSTS": [
            *options.allow_private_hosts,
            *(h for h in re.split(r"[,\s]+", config.crawl.allow_private_hosts) if h)],
        "FRAUDWATCH_RESOLVE": options.resolve,
        "FRAUDWATCH_MAX_PAGES": options.max_pages,
        "FRAUDWATCH_MAX_DEPTH": options.max_depth,
        "FRAUDWATCH_EXPAND": options.expand,
        "FRAUDWATCH_RECRAWL_AFTER": options.recrawl_after,
        "FRAUDWATCH_ROBOTS": options.robots,
        "FRAUDWATCH_PROGRESS": options.progress,
        "LOG_LEVEL": config.log.level,
    }, priority="cmdline")
    if options.frontier:
        settings.setdict({"FRAUDWATCH_FRONTIER": options.frontier,
                          "FRAUDWATCH_FRONTIER_NAME": config.frontier.name,
                          "FRAUDWATCH_FRONTIER_LEASE": config.frontier.lease,
                          "FRAUDWATCH_FRONTIER_WORKER": worker}, priority="cmdline")
    if options.profile_proxies:
        settings.set("FRAUDWATCH_PROFILE_PROXIES", options.profile_proxies, priority="cmdline")
    settings.setdict(options.extra, priority="cmdline")
    return settings


LIBRARY_LOGGERS = ("scrapy", "twisted", "scrapy-playwright", "scrapy_playwright", "asyncio")


class LibraryLogFilter(logging.Filter):
    """Drop records below WARNING from Scrapy, Twisted and Playwright (Scrapy resets their
    levels itself, so the filter sits on the root handlers)."""

    def filter(self, record: logging.LogRecord) -> bool:
        library = record.name.split(".", 1)[0] in LIBRARY_LOGGERS
        return not library or record.levelno >= logging.WARNING


def run_crawl(settings: Settings) -> dict:
    """Crawl with `settings` until done (or interrupted) and return the run's summary."""

    settings.set("LOG_INSTALL_ROOT_HANDLER", False, priority="cmdline")
    if settings.get("LOG_LEVEL", "INFO").upper() != "DEBUG":
        for handler in logging.getLogger().handlers:
            handler.addFilter(LibraryLogFilter())
    process = CrawlerProcess(settings)
    crawler = process.create_crawler("sites")
    failures: list = []
    process.crawl(crawler).addErrback(failures.append)
    process.start()
    if failures:
        # a configuration the operator can fix is said in its own words, without a traceback
        told = failures[0].check(ConfigError)
        logging.getLogger(__name__).error("the crawl could not run: %s",
                                          failures[0].getErrorMessage() if told
                                          else failures[0].getTraceback())
        raise CrawlFailed(f"the crawl could not run: {failures[0].getErrorMessage()}")
    return crawler.stats.get_value("fraudwatch/summary") or {}
