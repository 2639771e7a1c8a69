"""Citizen checks: is this URL known, what was found on it in plain words, else queue it."""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from classifiers.explain import sign_explanation, sign_name
from fraudwatch import seedqueue
from fraudwatch.i18n import LANGS, N_, _, current, format_day, speaking
from fraudwatch.netpolicy import is_public
from fraudwatch.review import ACTIONS
from fraudwatch.store import Store
from fraudwatch.urls import host_of, normalise_url, public_suffix, registered_domain

HOST = re.compile(r"^(?=.{1,253}$)([a-z0-9-]{1,63}\.)+[a-z0-9-]{2,63}$")
VERDICT_TEXT = {
    "illegal": N_("This site shows signs of illegal activity. Do not send it money or enter "
                  "your card details."),
    "suspicious": N_("This site looks suspicious and is being checked by analysts."),
    "clean": N_("No signs of fraud were found on this site. That is no guarantee that it is "
                "safe: be careful before sending money."),
    "licensed": N_("This site belongs to a licensed organisation."),
}
# What a regulator's decision tells the citizen; %(date)s is the day of the decision
DECISION_TEXT = {
    "confirmed": N_("The regulator confirmed that this site operates illegally (%(date)s). Do "
                    "not send it money or enter your card details."),
    "cleared": N_("The regulator's specialists reviewed this site (%(date)s) and did not find "
                  "it illegal."),
}
AUTOMATIC_NOTE = N_("This is an automatic assessment: the regulator has not confirmed it yet.")
# review state -> what the citizen is told; other states leave the machine verdict, marked
DECISIONS = {"confirmed": "confirmed", "rejected": "cleared", "delisted": "cleared"}
QUEUED_TEXT = N_("We do not know this site yet. It has been queued for checking.")
MAX_QUEUED = 10_000  # citizen reports waiting for the next crawl


class CheckError(ValueError):
    """The submitted text is not a checkable web address."""


class QueueFull(CheckError):
    """The citizen queue holds MAX_QUEUED reports already."""


@dataclass
class CheckResult:
    url: str
    domain: str
    known: bool
    verdict: str = ""
    category: str = ""
    message: str = ""
    signs: list[str] = field(default_factory=list)
    # "confirmed" or "cleared" by the regulator on `decided_on`, or "automatic"
    review: str = ""
    decided_on: str = ""


def _checkable_host(host: str) -> None:
    """CheckError unless `host` is a public site: a public IP, or a name under a known public
    suffix (no intranet names, no loopback or cloud metadata addresses)."""
    try:
        address = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        if not HOST.match(host) or not public_suffix(host):
            raise CheckError(_("this is not the address of a public web site")) from None
        return
    if not is_public(str(address)):
        raise CheckError(_("this is not the address of a public web site"))


def domain_of(url: str) -> tuple[str, str]:
    """The normalised http(s) URL and registered domain of what a citizen typed."""
    url = url.strip()
    if "://" not in url:
        url = "http://" + url
    try:
        parts = urlsplit(url)
        if parts.scheme.lower() not in {"http", "https"}:
            raise CheckError(_("only http and https addresses can be checked"))
        if parts.username is not None or parts.password is not None:
            raise CheckError(_("addresses with a user name or password cannot be checked"))
        host = host_of(url).encode("idna").decode("ascii").lower()
        _checkable_host(host)
        return normalise_url(url), registered_domain(host)
    except CheckError:
        raise
    except (UnicodeError, ValueError) as exc:
        raise CheckError(_("this is not a web address")) from exc


def explain_sign(sign_id: str) -> str:
    """One sign in plain words, in the current language: its name and what it means (never
    its id)."""
    lang = current()
    explanation = sign_explanation(sign_id, lang)
    return f"{sign_name(sign_id, lang)}. {explanation}" if explanation else sign_name(sign_id, lang)


def queue_seed(var_dir: Path, url: str) -> bool:
    """Queue `url` for the next crawl unless it waits already; True if added. QueueFull when
    MAX_QUEUED reports already wait."""
    try:
        return bool(seedqueue.add(var_dir, seedqueue.CITIZEN, [url], limit=MAX_QUEUED))
    except seedqueue.QueueFull as exc:
        raise QueueFull(_("too many reports are waiting for the next crawl; try again later")) \
            from exc


def check_url(store: Store, var_dir: Path, url: str, lang: str) -> CheckResult:
    """Look the URL's site up; explain its verdict in `lang` if known, else queue it as a
    seed. CheckError (its message in `lang`) when the text is not a checkable address."""
    with speaking(lang if lang in LANGS else "ru"):
        return _check(store, var_dir, url)


def _check(store: Store, var_dir: Path, url: str) -> CheckResult:
    url, domain = domain_of(url)
    site = store.get_site_by_domain(domain)
    if site is None:
        queue_seed(var_dir, url)
        return CheckResult(url, domain, known=False, message=_(QUEUED_TEXT))
    decision = DECISIONS.get(site.review_state)
    if decision:
        return decided(store, site, url, decision)
    verdict = site.verdict if site.verdict in VERDICT_TEXT else "suspicious"
    message = _(VERDICT_TEXT[verdict])
    if verdict in ("illegal", "suspicious"):
        message = f"{message} {_(AUTOMATIC_NOTE)}"
    return CheckResult(url, domain, known=True, verdict=site.verdict, category=site.category,
                       message=message, signs=[explain_sign(s) for s in site.signs],
                       review="automatic")


def decided(store: Store, site, url: str, decision: str) -> CheckResult:
    """The answer for a site the regulator decided on: confirmed sites are illegal with their
    signs; rejected or delisted ones are never shown as dangerous."""
    deciding = {action for action, state in ACTIONS.items() if state == site.review_state}
    times = [r.at for r in store.reviews_for(site.id) if r.action in deciding]
    day = max(times)[:10] if times else ""
    confirmed = decision == "confirmed"
    return CheckResult(url, site.domain, known=True,
                       verdict="illegal" if confirmed else "clean", category=site.category,
                       message=_(DECISION_TEXT[decision]) % {
                           "date": format_day(day, form="long") if day else "—"},
                       signs=[explain_sign(s) for s in site.signs] if confirmed else [],
                       review=decision, decided_on=day)
