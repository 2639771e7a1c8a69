"""Scrapy settings of the fraudwatch crawler: bounded, polite to the machine, evidential.

fraudwatch's own settings (FRAUDWATCH_*) are documented here; `crawler.addon` derives the
browser, DNS and store settings from them and from the fraudwatch configuration.
"""

BOT_NAME = "fraudwatch"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"
ADDONS = {"crawler.addon.FraudwatchAddon": 0}

# A browser-like user agent: scam sites serve crawlers something else (see cloaking).
USER_AGENT = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Chrome/124.0 Safari/537.36"
)
DEFAULT_REQUEST_HEADERS = {
    "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
    "Accept-Language": "ru-RU,ru;q=0.9,kk;q=0.8,en;q=0.5",
}

# --- bounds --------------------------------------------------------------------------
CONCURRENT_REQUESTS = 16
CLOSESPIDER_TIMEOUT = 4 * 3600  # a cron run ends, whatever happens
CONCURRENT_REQUESTS_PER_DOMAIN = 2
# Items of one response processed at once. The pipelines are synchronous, so more buys nothing,
# and Scrapy starts that many asyncio tasks for every response (100 by default: a third of the
# crawler's CPU on a fast network).
CONCURRENT_ITEMS = 4
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 0.25
AUTOTHROTTLE_MAX_DELAY = 10.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0
DOWNLOAD_DELAY = 0
DOWNLOAD_TIMEOUT = 20
DOWNLOAD_MAXSIZE = 10 * 1024 * 1024  # also caps the decompressed size (HttpCompression)
DOWNLOAD_WARNSIZE = 4 * 1024 * 1024
REDIRECT_MAX_TIMES = 5
METAREFRESH_MAXDELAY = 10
RETRY_TIMES = 1
HTTPERROR_ALLOW_ALL = True  # 4xx/5xx pages are evidence too (Capture.error = "http: 404")
DNS_TIMEOUT = 10
TWISTED_DNS_RESOLVER = "crawler.safety.resolver.OverrideResolver"  # --resolve HOST=IP
COOKIES_ENABLED = True
TELNETCONSOLE_ENABLED = False
LOG_LEVEL = "INFO"
# The spider dedupes links itself (its `seen` set, rebuilt from the run's frontier journal by
# --resume, see crawler.frontier.journal); requests skip the duplicate filter so a redirect back
# to a seen URL ends as a recorded redirect loop. No JOBDIR: the journal and the store make a run
# resumable even after kill -9, and memory queues keep the scheduler fast.

# --- robots.txt ----------------------------------------------------------------------
# Handled per request by the spider from FRAUDWATCH_ROBOTS (see crawler.safety.robots); Scrapy's
# RobotsTxtMiddleware stays installed and honours `dont_obey_robotstxt`.
ROBOTSTXT_OBEY = True

DOWNLOADER_MIDDLEWARES = {
    "crawler.safety.ssrfguard.SSRFGuardMiddleware": 50,
    "crawler.render.policy.RenderPolicyMiddleware": 620,
    "crawler.evidence.warcwriter.WarcWriterMiddleware": 950,
}
EXTENSIONS = {
    "crawler.safety.downloadfilter.DownloadFilter": 100,
    "crawler.aftercrawl.AfterCrawl": 400,  # before RunLog: its summary counts what this found
    "crawler.runlog.RunLog": 500,
}
ITEM_PIPELINES = {
    "crawler.pipelines.extract.ExtractPipeline": 100,
    "crawler.pipelines.classify.ClassifyPipeline": 200,
    "crawler.pipelines.cloaking.CloakingPipeline": 250,
    "crawler.pipelines.screenshots.ScreenshotPipeline": 300,
    "crawler.pipelines.store.StorePipeline": 900,
}

# --- fraudwatch ----------------------------------------------------------------------
FRAUDWATCH_STORE = ""  # store URL; empty = the fraudwatch configuration's `store`
FRAUDWATCH_VAR_DIR = ""  # evidence folder; empty = the configuration's `var_dir`
FRAUDWATCH_RUN_ID = ""  # run id; empty = derived from the start time
FRAUDWATCH_RUN_DIR = ""  # run folder (crawler.run): frontier journal and summary; "" = none
FRAUDWATCH_RUN_STARTED = ""  # ISO time the run (not this process) began; "" = now
FRAUDWATCH_RENDER = "auto"  # auto | always | never
FRAUDWATCH_QUEUED = True  # also crawl the queued seeds (fraudwatch.seedqueue; crawler.aftercrawl)
FRAUDWATCH_QUEUED_SEEDS: list[str] = []  # the queued seeds taken; [] = the queue, when QUEUED
FRAUDWATCH_ALLOW_PRIVATE = False  # allow private/loopback targets (the demo farm)
FRAUDWATCH_ALLOW_PRIVATE_HOSTS: list[str] = []  # only these hosts may be private/loopback
FRAUDWATCH_RESOLVE = {}  # {"host": "ip"} DNS overrides, for Scrapy and Chromium alike
FRAUDWATCH_ROBOTS = "expanded"  # obey | ignore | expanded (see crawler.safety.robots)
FRAUDWATCH_MAX_PAGES = 20  # pages per site
FRAUDWATCH_MAX_DEPTH = 2  # link depth from a site's landing page
FRAUDWATCH_SITE_TIMEOUT = 180  # seconds after which a site schedules no more pages
FRAUDWATCH_EXPAND = 0  # hops to follow external links to other sites
FRAUDWATCH_RECRAWL_AFTER = 0  # seconds; sites fetched more recently are skipped (0 = never)
FRAUDWATCH_STORE_BATCH = 50  # documents per store write
FRAUDWATCH_MIN_TEXT = 200  # auto render: fewer visible characters than this means render
FRAUDWATCH_SCREENSHOT_LANDING = True  # render and screenshot each landing page
# Victim profiles each landing page is rendered in (crawler.render.profiles); the first one takes
# the screenshot. Comparing them with the plain fetch flags cloaking (crawler.render.cloaking).
FRAUDWATCH_LANDING_PROFILES = ["desktop", "mobile"]
# Proxy per profile for its renders, e.g. an in-country vantage point: {"mobile":
# "http://user:pass@host:3128"}; a profile not named browses directly. Plain fetches don't use it.
FRAUDWATCH_PROFILE_PROXIES: dict[str, str] = {}
FRAUDWATCH_BROWSER_ARGS: list[str] = []  # extra Chromium flags (a string: split on spaces)
FRAUDWATCH_CONTEXT_PAGES = 20  # browser context recycled after this many pages
FRAUDWATCH_RENDER_TIMEOUT = 20  # seconds for a rendered page to load
# Seconds a whole render may take (navigation, screenshot, DOM capture) before it is torn down
# and recorded as `render_timeout` (crawler.render.watchdog); 0 = twice FRAUDWATCH_RENDER_TIMEOUT.
FRAUDWATCH_RENDER_DEADLINE = 0
FRAUDWATCH_PROGRESS = False  # live progress on stderr (the CLI turns it on for terminals)
# Distributed crawl (crawler.frontier.shared): a Redis URL makes this process one worker of the
# crawl named FRAUDWATCH_FRONTIER_NAME; "" = the configuration's frontier.url (empty: local).
FRAUDWATCH_FRONTIER = ""
FRAUDWATCH_FRONTIER_NAME = ""  # "" = the configuration's frontier.name
FRAUDWATCH_FRONTIER_LEASE = 0  # seconds; 0 = the configuration's frontier.lease
FRAUDWATCH_FRONTIER_WORKER = ""  # this worker's id once it joined the run ("" = join now)
