"""`fraudwatch crawl`: crawl seed sites into the store, with WARC and screenshot evidence."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from fraudwatch import seedqueue
from fraudwatch.config import Config

EXIT_LOCKED = 3
# The crawl stopped because what it fetched could not be kept (crawler.stop.KEEP_FAILED: the
# store and its spool, or the WARC file, refused it); `--resume` fetches what was not stored.
EXIT_STORE = 4


def _lines(path: str, option: str) -> list[str]:
    """The lines of a text file (or '-' for stdin) in any encoding the crawler reads; a clear
    usage error for a missing, unreadable or binary file."""
    from crawler.ingest.charset import decode_html

    try:
        data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    except OSError as exc:
        raise click.BadParameter(f"{path}: {exc.strerror}", param_hint=option) from exc
    text, _ = decode_html(data, "text/plain")
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\r\n")
    if "\x00" in text or controls > len(text) / 100:
        raise click.BadParameter(f"{path}: not a text file (one entry a line)",
                                 param_hint=option)
    return text.lstrip("\ufeff").splitlines()


def _key_values(entries: tuple[str, ...], option: str) -> dict[str, str]:
    pairs = {}
    for entry in entries:
        key, sep, value = entry.partition("=")
        if not sep:
            raise click.BadParameter(f"{entry!r}: expected KEY=VALUE", param_hint=option)
        pairs[key.strip()] = value.strip()
    return pairs


def _seeds(args: tuple[str, ...], seeds_file: str | None) -> list[str]:
    """Seed URLs from arguments (an argument naming an existing file is a seed list, as
    `fraudwatch crawl seeds.txt`) and the seed file; bad seeds are reported and skipped."""
    from crawler.frontier.seeds import parse_seeds

    lines = [line for arg in args
             for line in (_lines(arg, "SEEDS") if Path(arg).is_file() else [arg])]
    lines += _lines(seeds_file, "--seeds") if seeds_file else []
    urls, bad = parse_seeds(lines)
    for seed in bad:
        click.echo(f"skipped bad seed {seed}", err=True)
    return urls


def _resolve(entries: tuple[str, ...], resolve_file: str | None) -> dict[str, str]:
    from crawler.safety.resolver import parse_resolve

    try:
        return parse_resolve(list(entries) + (_lines(resolve_file, "--resolve-file")
                                             if resolve_file else []))
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--resolve") from exc


def _profile_proxies(entries: tuple[str, ...], guarded: bool = True) -> dict[str, str]:
    """{profile: proxy URL}; behind the browser's SSRF guard only http proxies can chain."""
    from crawler.render.profiles import PROFILES, proxy_settings
    from crawler.safety.browserguard import upstream_url

    proxies = _key_values(entries, "--profile-proxy")
    for name, url in proxies.items():
        if name not in PROFILES:
            raise click.BadParameter(f"no profile {name!r}; profiles are {', '.join(PROFILES)}",
                                     param_hint="--profile-proxy")
        try:
            settings = proxy_settings(url)
            if guarded:
                upstream_url(settings)
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="--profile-proxy") from exc
    return proxies


def _print_summary(summary: dict, warc_dir: Path) -> None:
    errors = sum(summary.get("error", {}).values()) + summary.get("lost", 0)
    click.echo(f"crawl {summary.get('finish_reason', '?')} in {summary.get('seconds', 0)}s: "
               f"{summary.get('sites', 0)} sites, {summary.get('pages', 0)} pages, "
               f"{errors} failures")
    for group in ("category", "verdict", "error"):
        counts = summary.get(group) or {}
        if counts:
            click.echo(f"  {group}: " + ", ".join(f"{k} {n}" for k, n in counts.items()))
    if summary.get("encoder_pages"):
        click.echo(f"  read by the sentence encoder: {summary['encoder_pages']} pages")
    if summary.get("encoder_busy"):
        click.echo(f"  kept the fast-stage verdict while the encoder was busy: "
                   f"{summary['encoder_busy']} pages (classifier.encoder_wait; "
                   "`fraudwatch crawl` with FRAUDWATCH_CLASSIFIER_ENCODER=always reads them all)")
    if summary.get("encoder_failed"):
        click.echo(f"  the sentence encoder failed on {summary['encoder_failed']} pages: they "
                   "kept the fast-stage verdict (the log says why)")
    click.echo(f"  evidence: {warc_dir}")
    refused = (summary.get("error") or {}).get("private", 0)
    if refused:
        click.echo(f"  {refused} targets refused: they resolve to private or loopback "
                   "addresses; to crawl such a host on purpose, name it with "
                   "--allow-private-host HOST (or --allow-private for all)", err=True)
    _print_spool(summary)
    if summary.get("finish_reason") == "incomplete":
        click.echo(f"fraudwatch crawl: {summary['lost']} fetched pages were lost to errors (the "
                   "log says which); `fraudwatch crawl --resume` fetches them again", err=True)
        sys.exit(1)
    if not summary.get("pages") and refused and refused == errors:
        click.echo("fraudwatch crawl: nothing was fetched: every target was refused", err=True)
        sys.exit(1)
    _print_networks(summary)
    if summary.get("networks_error"):
        sys.exit(1)


def _print_networks(summary: dict) -> None:
    """Operator networks and mirror alerts the crawl's end found (crawler.aftercrawl)."""
    if summary.get("networks_error"):
        click.echo(f"fraudwatch crawl: networks not updated: {summary['networks_error']} "
                   "(`fraudwatch networks build` and `networks watch` once the store is back)",
                   err=True)
        return
    alerts = summary.get("mirror_alerts") or []
    click.echo(f"  networks: {summary.get('networks', 0)}, mirror alerts: {len(alerts)}")
    for comment in alerts:
        click.echo(f"  mirror alert: {comment}")


def _print_spool(summary: dict) -> None:
    """What went through the store's local spool; exit EXIT_STORE when the crawl stopped
    because what it fetched could not be kept."""
    from crawler.stop import KEEP_FAILED

    spool = summary.get("spool") or {}
    if spool.get("spooled_docs"):
        click.echo(f"  store spool: {spool['spooled_docs']} documents spooled while the store "
                   f"could not take them, {spool.get('replayed_docs', 0)} replayed")
    if spool.get("waiting_docs"):
        click.echo(f"  store spool: {spool['waiting_docs']} documents wait in {spool['path']}; "
                   "bring the store back and run `fraudwatch store replay` (the next crawl "
                   "replays them too)")
    if summary.get("finish_reason") in KEEP_FAILED:
        click.echo(f"fraudwatch crawl: stopped: {summary.get('message', '')}; once that is "
                   "fixed, `fraudwatch crawl --resume` (or rejoining the shared frontier) "
                   "fetches what was not stored", err=True)
        sys.exit(EXIT_STORE)


@click.command("crawl")
@click.argument("seeds", nargs=-1)
@click.option("--seeds", "seeds_file", metavar="FILE|-",
              help="Seed list: URLs or bare domains, one a line, # comments.")
@click.option("--render", type=click.Choice(["auto", "always", "never"]), default="auto",
              show_default=True, help="Render pages in Chromium: auto = landing pages and "
              "JavaScript shells.")
@click.option("--allow-private", is_flag=True,
              help="Allow targets on private/loopback addresses (the demo farm).")
@click.option("--allow-private-host", "allow_private_hosts", multiple=True, metavar="HOST",
              help="Allow only HOST on a private/loopback address (repeatable); every other "
              "private target stays refused, in Scrapy and in Chromium.")
@click.option("--resolve", "resolve", multiple=True, metavar="HOST=IP",
              help="Resolve HOST to IP (repeatable), for Scrapy and Chromium.")
@click.option("--resolve-file", metavar="FILE|-", help="HOST=IP lines.")
@click.option("--max-pages", type=click.IntRange(1), default=20, show_default=True,
              help="Pages per site.")
@click.option("--max-depth", type=click.IntRange(0), default=2, show_default=True,
              help="Link depth from each landing page.")
@click.option("--expand", type=click.IntRange(0), default=0, show_default=True,
              help="Follow links to other sites this many hops.")
@click.option("--robots", type=click.Choice(["expanded", "obey", "ignore"]),
              default="expanded", show_default=True,
              help="robots.txt: expanded = obey only on sites found by --expand, not on seeds.")
@click.option("--run-dir", type=click.Path(file_okay=False, path_type=Path),
              help="Run folder (default: <var_dir>/runs/<run id>).")
@click.option("--resume", is_flag=True,
              help="Continue an interrupted run (--run-dir, or the latest unfinished one).")
@click.option("--recrawl-after", metavar="AGE", default="0",
              help="Skip sites fetched more recently than AGE (e.g. 7d, 12h; 0 = never skip).")
@click.option("--profile-proxy", "profile_proxy", multiple=True, metavar="NAME=URL",
              help="Render browser profile NAME (desktop, mobile) through proxy URL "
              "(repeatable), e.g. mobile=http://user:pass@host:3128.")
@click.option("--set", "extra", multiple=True, metavar="NAME=VALUE",
              help="Override a Scrapy setting (repeatable), e.g. DOWNLOAD_TIMEOUT=10.")
@click.option("--frontier", metavar="REDIS_URL",
              help="Share one Redis frontier with other crawlers (any host): this process is "
              "one worker of the crawl named by frontier.name. Default: frontier.url.")
@click.option("--queued/--no-queued", default=True, show_default=True,
              help="Also crawl seeds queued by mirror alerts (first) and citizens' reports.")
@click.pass_obj
def crawl(obj, seeds, seeds_file, render, allow_private, allow_private_hosts, resolve,
          resolve_file, max_pages, max_depth, expand, robots, run_dir, resume, recrawl_after,
          profile_proxy, extra, frontier, queued) -> None:
    """Crawl seed sites: classify their pages into the store and keep the evidence.

    SEEDS are URLs or bare domains (Unicode or punycode). Exit code 3 when another crawl
    is running on the same var_dir (without --frontier).

    With --frontier, start as many workers as you like, on one host or many, with the same
    seeds and store: they share the queue, the duplicate filter and the site budgets, and a
    worker that dies loses nothing (its claimed requests go back to the others). Each ends
    when the whole crawl is done.
    """
    from crawler.run import CrawlFailed, CrawlOptions, crawl_settings, parse_duration, run_crawl
    from crawler.runlock import CrawlLocked, RunLock

    try:
        recrawl_seconds = parse_duration(recrawl_after)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--recrawl-after") from exc
    taken = seedqueue.queued(obj.config.var_dir) if queued and not resume else []
    options = CrawlOptions(
        seeds=_seeds((*taken, *seeds), seeds_file), render=render, allow_private=allow_private,
        allow_private_hosts=list(allow_private_hosts),
        resolve=_resolve(resolve, resolve_file), max_pages=max_pages, max_depth=max_depth,
        expand=expand, recrawl_after=recrawl_seconds, robots=robots,
        progress=not obj.quiet, extra=_key_values(extra, "--set"),
        profile_proxies=_profile_proxies(profile_proxy, guarded=not allow_private),
        frontier=_frontier_url(frontier, obj.config, resume, run_dir), queued=taken)
    var_dir = obj.config.var_dir
    if options.frontier:
        _print_summary(_crawl_worker(options, obj.config), var_dir.resolve() / "warc")
        return
    try:
        with RunLock(var_dir / "crawl.lock"):
            run = _run_folder(options, var_dir, run_dir, resume)
            settings = crawl_settings(options, obj.config, run)
            summary = run_crawl(settings)
    except CrawlLocked as exc:
        click.echo(f"fraudwatch crawl: {exc}", err=True)
        sys.exit(EXIT_LOCKED)
    except CrawlFailed as exc:
        click.echo(f"fraudwatch crawl: {exc}", err=True)
        sys.exit(1)
    _print_summary(summary, var_dir.resolve() / "warc")


def _frontier_url(option: str | None, config: Config, resume: bool, run_dir) -> str:
    """The shared frontier's Redis URL (--frontier, else frontier.url), or "" for a local crawl."""
    from fraudwatch.config import ConfigError, validate_frontier_url

    url = config.frontier.url if option is None else option
    if not url:
        return ""
    if resume or run_dir:
        raise click.UsageError("--resume and --run-dir are for a crawl of its own; a worker "
                               "of a shared frontier resumes by joining it again")
    try:
        return validate_frontier_url(url, "--frontier" if option is not None else "frontier.url")
    except ConfigError as exc:
        raise click.BadParameter(str(exc), param_hint="--frontier") from exc


def _crawl_worker(options, config: Config) -> dict:
    """Run this process as one worker of the shared frontier's crawl; its summary."""
    from crawler.run import CrawlFailed, crawl_settings, run_crawl, worker_run

    if not options.seeds:
        raise click.UsageError("no seeds: give URLs or domains, or --seeds FILE")
    try:
        run, worker = worker_run(config.var_dir, options.seeds, options.frontier, config)
        return run_crawl(crawl_settings(options, config, run, worker))
    except CrawlFailed as exc:
        click.echo(f"fraudwatch crawl: {exc}", err=True)
        sys.exit(1)


def _run_folder(options, var_dir: Path, run_dir: Path | None, resume: bool):
    """The run to continue (--resume) or a new one; usage error when there is nothing to do."""
    from crawler.run import Run

    if resume:
        try:
            run = Run.load(run_dir) if run_dir else Run.latest_unfinished(var_dir)
        except (OSError, ValueError, KeyError, TypeError) as exc:
            where = run_dir or var_dir / "runs"
            raise click.UsageError(f"--resume: no readable run in {where} (run.json missing or "
                                   f"damaged: {exc}); give --run-dir of a crawl's run folder, "
                                   "or start a new crawl") from exc
        if run is None:
            raise click.UsageError("--resume: no unfinished run found; start a new crawl")
        return run
    if not options.seeds:
        raise click.UsageError("no seeds: give URLs or domains, or --seeds FILE")
    return Run.new(var_dir, options.seeds, run_dir)


def register(main: click.Group) -> None:
    main.add_command(crawl)
