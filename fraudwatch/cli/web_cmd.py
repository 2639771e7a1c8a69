"""`fraudwatch serve` (the web UI and API) and `fraudwatch users ...` (local accounts)."""

from __future__ import annotations

import sys

import click

from fraudwatch.web.ratelimit import CHECK_BURST, CHECK_RATE
from fraudwatch.web.users import ROLES, UserError, UserStore


def _users(obj) -> UserStore:
    return UserStore(obj.config.var_dir / "users.db")


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option("--secure-cookies/--no-secure-cookies", default=False, show_default=True,
              envvar="FRAUDWATCH_WEB_SECURE_COOKIES",
              help="Send the session cookie over HTTPS only (set behind a TLS proxy).")
@click.option("--check-rate", type=click.FloatRange(min=0, min_open=True), default=CHECK_RATE,
              show_default=True,
              envvar="FRAUDWATCH_WEB_CHECK_RATE", help="Citizen checks per client IP a minute.")
@click.option("--check-burst", type=click.IntRange(min=1), default=CHECK_BURST,
              show_default=True, envvar="FRAUDWATCH_WEB_CHECK_BURST",
              help="Citizen checks allowed in a burst (many people may share one address).")
@click.option("--forwarded-allow-ips", metavar="IPS", default="",
              envvar="FRAUDWATCH_WEB_FORWARDED_ALLOW_IPS",
              help="Comma-separated addresses of trusted reverse proxies: their "
              "X-Forwarded-For gives the real client (for throttles and the audit log). "
              "Never list addresses that clients could connect from directly.")
@click.pass_obj
def serve(obj, host: str, port: int, secure_cookies: bool, check_rate: float,
          check_burst: int, forwarded_allow_ips: str) -> None:
    """Start the web UI and JSON API (OpenAPI at /openapi.json)."""
    import uvicorn

    from fraudwatch.web import create_app
    from fraudwatch.web.secret import load_secret_key

    store = obj.open_store()
    store.setup()
    app = create_app(store, obj.config, secret_key=load_secret_key(obj.config.var_dir),
                     secure_cookies=secure_cookies, check_rate=check_rate,
                     check_burst=check_burst)
    trusted = forwarded_allow_ips.strip()
    uvicorn.run(app, host=host, port=port, log_level=obj.config.log.level.lower(),
                proxy_headers=bool(trusted), forwarded_allow_ips=trusted or None)


@click.group("users")
def users() -> None:
    """Local web accounts (kept in <var_dir>/users.db)."""


@users.command("add")
@click.argument("name")
@click.option("--role", type=click.Choice(ROLES), required=True)
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
@click.pass_obj
def users_add(obj, name: str, role: str, password_stdin: bool) -> None:
    """Create NAME with ROLE, or reset its role and password."""
    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    try:
        _users(obj).add(name, role, password)
    except UserError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"{name}: {role}")


@users.command("disable")
@click.argument("name")
@click.pass_obj
def users_disable(obj, name: str) -> None:
    """Stop NAME from logging in (the audit log keeps their actions)."""
    try:
        _users(obj).disable(name)
    except UserError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"{name}: disabled")


@users.command("list")
@click.pass_obj
def users_list(obj) -> None:
    """Accounts with their roles."""
    for user in _users(obj).list():
        click.echo(f"{user.name}\t{user.role}\t{'disabled' if user.disabled else 'active'}")


@users.command("token")
@click.argument("name")
@click.pass_obj
def users_token(obj, name: str) -> None:
    """Issue a new API token for NAME (Authorization: Bearer ...); the old one stops working."""
    try:
        click.echo(_users(obj).new_token(name))
    except UserError as exc:
        raise click.ClickException(str(exc)) from exc


def register(main: click.Group) -> None:
    main.add_command(serve)
    main.add_command(users)
