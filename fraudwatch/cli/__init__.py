"""The `fraudwatch` console command: a thin click adapter over the library.

Each command imports the library modules it needs inside its function. That is deliberate:
`fraudwatch --help` starts in about 1.2 s this way, against about 4 s with every command's
modules imported (Scrapy, Elasticsearch, the classifier and FastAPI), and cron runs one
command at a time. Code below the CLI imports at the top of its modules.
"""

from __future__ import annotations

import importlib
import sys
from contextlib import contextmanager

import click

from fraudwatch.config import Config, ConfigError, load_config
from fraudwatch.logs import setup_logging

# Each module registers its commands on `main` through `register(main)`.
COMMAND_MODULES = [
    "fraudwatch.cli.classify_cmd",
    "fraudwatch.cli.evaluate_cmd",
    "fraudwatch.cli.model_cmd",
    "fraudwatch.cli.config_cmd",
    "fraudwatch.cli.store_cmd",
    "fraudwatch.cli.search_cmd",
    "fraudwatch.cli.review_cmd",
    "fraudwatch.cli.signs_cmd",
    "fraudwatch.cli.networks_cmd",
    "fraudwatch.cli.crawl_cmd",
    "fraudwatch.cli.frontier_cmd",
    "fraudwatch.cli.demo_cmd",
    "fraudwatch.cli.farm_cmd",
    "fraudwatch.cli.web_cmd",
    "fraudwatch.cli.letters_cmd",
    "fraudwatch.cli.evidence_cmd",
    "fraudwatch.cli.export_cmd",
    "fraudwatch.cli.verify_cmd",
]


class Context:
    """What every subcommand gets: the effective configuration and a way to open the store."""

    def __init__(self, config: Config, quiet: bool):
        self.config = config
        self.quiet = quiet

    def open_store(self):
        from fraudwatch.store import open_store

        return open_store(self.config.store, self.config)

    @contextmanager
    def store(self, *errors: type[Exception], existing: bool = False):
        """The store, set up and closed after use; StoreError and `errors` become a CLI error.
        `existing`: a command that only reads refuses a SQLite file that is not there instead
        of creating it (and its folders) empty."""
        from fraudwatch.store import StoreError
        from fraudwatch.store.sqlite import SQLiteStore

        try:
            with self.open_store() as store:
                if existing and isinstance(store, SQLiteStore) and not store.path.exists():
                    raise click.ClickException(
                        f"no SQLite store at {store.path}; fix: check --store or "
                        "FRAUDWATCH_STORE, or run a crawl to create it")
                store.setup()
                yield store
        except (StoreError, *errors) as exc:
            raise click.ClickException(str(exc)) from exc


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--config", "config_path", type=click.Path(dir_okay=False),
              help="TOML configuration file (default: ./fraudwatch.toml, or FRAUDWATCH_CONFIG).")
@click.option("--store", "store_url", metavar="URL",
              help="Store URL: sqlite:///var/fraudwatch.db (default) or http://127.0.0.1:9200.")
@click.option("-q", "--quiet", is_flag=True,
              help="No progress output (implied when not a terminal).")
@click.version_option(package_name="fraudwatch")
@click.pass_context
def main(ctx: click.Context, config_path: str | None, store_url: str | None, quiet: bool) -> None:
    """fraudwatch: crawl, classify, index and take down fraudulent websites."""
    try:
        config = load_config(config_path, overrides={"store": store_url})
    except ConfigError as exc:
        raise click.UsageError(f"configuration: {exc}") from exc
    setup_logging(config.log.level, config.log.format)
    ctx.obj = Context(config, quiet=quiet or not sys.stderr.isatty())


for _name in COMMAND_MODULES:
    importlib.import_module(_name).register(main)
