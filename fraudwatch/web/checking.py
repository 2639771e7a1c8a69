"""Citizen checks: is this URL known, what was found on it in plain words, else queue it."""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from crawler.urls import host_of, normalise_url, registered_domain
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
    "clean": {"ru": "Признаков мошенничества на сайте не найдено.",
              "kk": "Сайтта алаяқтық белгілері табылмады.",
              "en": "No signs of fraud were found on this site."},
    "licensed": {"ru": "Сайт принадлежит лицензированной организации.",
                 "kk": "Сайт лицензиясы бар ұйымға тиесілі.",
                 "en": "This site belongs to a licensed organisation."},
}
QUEUED_TEXT = {
    "ru": "Этот сайт нам пока не известен. Мы поставили его в очередь на проверку.",
    "kk": "Бұл сайт бізге әлі белгісіз. Біз оны тексеру кезегіне қойдық.",
    "en": "We do not know this site yet. It has been queued for checking.",
}
_seed_lock = threading.Lock()


class CheckError(ValueError):
    """The submitted text is not a checkable web address."""


@dataclass
class CheckResult:
    url: str
    domain: str
    known: bool
    verdict: str = ""
    category: str = ""
    message: str = ""
    signs: list[str] = field(default_factory=list)


def domain_of(url: str) -> tuple[str, str]:
    """The normalised http(s) URL and registered domain of what a citizen typed."""
    url = url.strip()
    if "://" not in url:
        url = "http://" + url
    try:
        if urlsplit(url).scheme.lower() not in {"http", "https"}:
            raise CheckError("only http and https addresses can be checked")
        host = host_of(url).encode("idna").decode("ascii").lower()
        if not HOST.match(host):
            raise CheckError("this is not a web address")
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


def queue_seed(seeds_file: Path, url: str) -> bool:
    """Append `url` to the citizen seeds file unless it is already there; True if added."""
    with _seed_lock:
        seeds_file.parent.mkdir(parents=True, exist_ok=True)
        known = set(seeds_file.read_text(encoding="utf-8").split()
                    if seeds_file.exists() else ())
        if url in known:
            return False
        with seeds_file.open("a", encoding="utf-8") as handle:
            handle.write(url + "\n")
        return True


def check_url(store: Store, seeds_file: Path, url: str, lang: str) -> CheckResult:
    """Look the URL's site up; explain its verdict if known, else queue it as a seed."""
    lang = lang if lang in LANGS else "ru"
    url, domain = domain_of(url)
    site = store.get_site_by_domain(domain)
    if site is None:
        queue_seed(seeds_file, url)
        return CheckResult(url, domain, known=False, message=QUEUED_TEXT[lang])
    verdict = site.verdict if site.verdict in VERDICT_TEXT else "suspicious"
    return CheckResult(url, domain, known=True, verdict=site.verdict, category=site.category,
                       message=VERDICT_TEXT[verdict][lang],
                       signs=[explain_sign(s, lang) for s in site.signs])
