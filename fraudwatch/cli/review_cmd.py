"""`fraudwatch review DOMAIN ACTION`: confirm, reject or question a site from the terminal."""

from __future__ import annotations

import getpass

import click

from fraudwatch.review import ACTIONS, ReviewError, review_site


@click.command("review")
@click.argument("domain")
@click.argument("action", type=click.Choice([str(action) for action in ACTIONS]))
@click.option("-m", "--comment", default="", help="Why (required to reject, appeal, delist).")
@click.option("--user", default=None, help="Reviewer name (default: the login name).")
@click.option("--wrong-sign", "wrong_signs", metavar="ID", multiple=True,
              help="reject or delist: a sign of the site the model got wrong (repeatable).")
@click.pass_obj
def review(obj, domain: str, action: str, comment: str, user: str | None,
           wrong_signs: tuple[str, ...]) -> None:
    """Record a review decision on DOMAIN in the audit log and update its review state."""
    with obj.store(ReviewError) as store:
        entry = review_site(store, domain, user or getpass.getuser(), action, comment,
                            wrong_signs)
    named = f" (signs named wrong: {', '.join(entry.wrong_signs)})" if entry.wrong_signs else ""
    click.echo(f"{domain}: {action} by {entry.user} at {entry.at}{named}")


def register(main: click.Group) -> None:
    main.add_command(review)
