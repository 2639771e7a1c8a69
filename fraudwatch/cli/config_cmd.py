"""`fraudwatch config check|show`: the effective configuration and what it can reach."""

from __future__ import annotations

import json

import click


@click.group("config")
def config_group() -> None:
    """Show the effective configuration and check the store and the browser."""


@config_group.command("show")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON object instead of a table.")
@click.pass_obj
def show(obj, as_json: bool) -> None:
    """Print every setting with its value and where it came from."""
    if as_json:
        click.echo(json.dumps({name: value for name, value, _ in obj.config.items()},
                              ensure_ascii=False))
        return
    for name, value, source in obj.config.items():
        click.echo(f"{name:<20} {value!s:<40} ({source})")


def _check_store(obj) -> tuple[bool, str]:
    from fraudwatch.store import StoreError

    try:
        with obj.open_store() as store:
            return True, store.ping()
    except StoreError as exc:
        return False, str(exc)


def _check_browser(obj) -> tuple[bool, str]:
    from fraudwatch.browser import BrowserNotFound, check_browser

    try:
        return True, check_browser(obj.config)
    except BrowserNotFound as exc:
        return False, str(exc)
    except Exception as exc:  # a browser that is found but fails to start
        return False, f"Chromium failed to start: {exc}"


@config_group.command("check")
@click.option("--no-browser", is_flag=True, help="Skip starting Chromium.")
@click.pass_obj
def check(obj, no_browser: bool) -> None:
    """Print the configuration, then whether the store and the browser are reachable.

    Exits with 1 when either is not.
    """
    for name, value, source in obj.config.items():
        click.echo(f"{name:<20} {value!s:<40} ({source})")
    checks = [("store", _check_store(obj))]
    if not no_browser:
        checks.append(("browser", _check_browser(obj)))
    for label, (ok, detail) in checks:
        click.echo(f"{label}: {'ok' if ok else 'FAILED'}: {detail}")
    if not all(ok for _, (ok, _) in checks):
        raise SystemExit(1)


def register(main: click.Group) -> None:
    main.add_command(config_group)
