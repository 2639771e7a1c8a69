"""Citizen checks: is this URL known, what was found on it in plain words, else queue it."""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from crawler.urls import host_of, normalise_url, public_suffix, registered_domain
from fraudwatch import seedqueue
from fraudwatch.netpolicy import is_public
from fraudwatch.review import ACTIONS
from fraudwatch.store import Store

LANGS = ("ru", "kk", "en")
HOST = re.compile(r"^(?=.{1,253}$)([a-z0-9-]{1,63}\.)+[a-z0-9-]{2,63}$")
VERDICT_TEXT = {
    "illegal": {"ru": "Сайт имеет признаки незаконной деятельности. Не переводите ему деньги и "
                      "не вводите данные карты.",
                "kk": "Сайтта заңсыз қызмет белгілері бар. Оған ақша аудармаңыз және карта "
                      "деректерін енгізбеңіз.",
                "en": "This site shows signs of illegal activity. Do not send it money or "
                      "enter your card details."},
    "suspicious": {"ru": "Сайт вызывает подозрения и проверяется специалистами.",
                   "kk": "Сайт күдік тудырады және мамандар тексеруде.",
                   "en": "This site looks suspicious and is being checked by analysts."},
    "clean": {"ru": "Признаков мошенничества на сайте не найдено. Это не гарантия, что сайт "
                    "безопасен: будьте осторожны с переводами денег.",
              "kk": "Сайтта алаяқтық белгілері табылмады. Бұл сайттың қауіпсіз екеніне кепілдік "
                    "емес: ақша аударғанда сақ болыңыз.",
              "en": "No signs of fraud were found on this site. That is no guarantee that it is "
                    "safe: be careful before sending money."},
    "licensed": {"ru": "Сайт принадлежит лицензированной организации.",
                 "kk": "Сайт лицензиясы бар ұйымға тиесілі.",
                 "en": "This site belongs to a licensed organisation."},
}
# What a regulator's decision tells the citizen; {date} is the day of the decision
DECISION_TEXT = {
    "confirmed": {"ru": "Регулятор подтвердил незаконную деятельность этого сайта ({date}). Не "
                        "переводите ему деньги и не вводите данные карты.",
                  "kk": "Реттеуші бұл сайттың заңсыз қызметін растады ({date}). Оған ақша "
                        "аудармаңыз және карта деректерін енгізбеңіз.",
                  "en": "The regulator confirmed that this site operates illegally ({date}). Do "
                        "not send it money or enter your card details."},
    "cleared": {"ru": "Специалисты регулятора проверили этот сайт ({date}) и не признали его "
                      "незаконным.",
                "kk": "Реттеуші мамандары бұл сайтты тексеріп ({date}), оны заңсыз деп "
                      "танымады.",
                "en": "The regulator's specialists reviewed this site ({date}) and did not find "
                      "it illegal."},
}
AUTOMATIC_NOTE = {
    "ru": "Это автоматическая оценка: регулятор её ещё не подтвердил.",
    "kk": "Бұл автоматты бағалау: реттеуші оны әлі растаған жоқ.",
    "en": "This is an automatic assessment: the regulator has not confirmed it yet.",
}
# review state -> what the citizen is told; other states leave the machine verdict, marked
DECISIONS = {"confirmed": "confirmed", "rejected": "cleared", "delisted": "cleared"}
QUEUED_TEXT = {
    "ru": "Этот сайт нам пока не известен. Мы поставили его в очередь на проверку.",
    "kk": "Бұл сайт бізге әлі белгісіз. Біз оны тексеру кезегіне қойдық.",
    "en": "We do not know this site yet. It has been queued for checking.",
}
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
            raise CheckError("this is not the address of a public web site") from None
        return
    if not is_public(str(address)):
        raise CheckError("this is not the address of a public web site")


def domain_of(url: str) -> tuple[str, str]:
    """The normalised http(s) URL and registered domain of what a citizen typed."""
    url = url.strip()
    if "://" not in url:
        url = "http://" + url
    try:
        parts = urlsplit(url)
        if parts.scheme.lower() not in {"http", "https"}:
            raise CheckError("only http and https addresses can be checked")
        if parts.username is not None or parts.password is not None:
            raise CheckError("addresses with a user name or password cannot be checked")
        host = host_of(url).encode("idna").decode("ascii").lower()
        _checkable_host(host)
        return normalise_url(url), registered_domain(host)
    except CheckError:
        raise
    except (UnicodeError, ValueError) as exc:
        raise CheckError("this is not a web address") from exc


def explain_sign(sign_id: str, lang: str) -> str:
    """One sign in plain words, in `lang`: its name and what it means (never its id)."""
    from classifiers.explain import sign_explanation, sign_name

    explanation = sign_explanation(sign_id, lang)
    return f"{sign_name(sign_id, lang)}. {explanation}" if explanation else sign_name(sign_id, lang)


def queue_seed(var_dir: Path, url: str) -> bool:
    """Queue `url` for the next crawl unless it waits already; True if added. QueueFull when
    MAX_QUEUED reports already wait."""
    try:
        return bool(seedqueue.add(var_dir, seedqueue.CITIZEN, [url], limit=MAX_QUEUED))
    except seedqueue.QueueFull as exc:
        raise QueueFull("too many reports are waiting for the next crawl; try again later") \
            from exc


def check_url(store: Store, var_dir: Path, url: str, lang: str) -> CheckResult:
    """Look the URL's site up; explain its verdict if known, else queue it as a seed."""
    lang = lang if lang in LANGS else "ru"
    url, domain = domain_of(url)
    site = store.get_site_by_domain(domain)
    if site is None:
        queue_seed(var_dir, url)
        return CheckResult(url, domain, known=False, message=QUEUED_TEXT[lang])
    decision = DECISIONS.get(site.review_state)
    if decision:
        return decided(store, site, url, decision, lang)
    verdict = site.verdict if site.verdict in VERDICT_TEXT else "suspicious"
    message = VERDICT_TEXT[verdict][lang]
    if verdict in ("illegal", "suspicious"):
        message = f"{message} {AUTOMATIC_NOTE[lang]}"
    return CheckResult(url, domain, known=True, verdict=site.verdict, category=site.category,
                       message=message, signs=[explain_sign(s, lang) for s in site.signs],
                       review="automatic")


def decided(store: Store, site, url: str, decision: str, lang: str) -> CheckResult:
    """The answer for a site the regulator decided on: confirmed sites are illegal with their
    signs; rejected or delisted ones are never shown as dangerous."""
    deciding = {action for action, state in ACTIONS.items() if state == site.review_state}
    times = [r.at for r in store.reviews_for(site.id) if r.action in deciding]
    day = max(times)[:10] if times else ""
    shown = ".".join(reversed(day.split("-"))) if day else "—"
    confirmed = decision == "confirmed"
    return CheckResult(url, site.domain, known=True,
                       verdict="illegal" if confirmed else "clean", category=site.category,
                       message=DECISION_TEXT[decision][lang].format(date=shown),
                       signs=[explain_sign(s, lang) for s in site.signs] if confirmed else [],
                       review=decision, decided_on=day)
