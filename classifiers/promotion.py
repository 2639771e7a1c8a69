"""Promotion vs operator: does the page advertise someone else's casino or pyramid?"""

from __future__ import annotations

import re

from fraudwatch.urls import site_host

PROMOTED_CATEGORIES = ("casino", "pyramid")
_TEXT_DOMAIN = re.compile(
    r"\b((?:[a-z0-9-]+\.)+(?:com|top|xyz|io|net|bet|club|online|kz|win|vip))\b", re.I)
_PROMO_LANGUAGE = re.compile(
    r"обзор|отзыв|по\s+(?:моей\s+|нашей\s+)?(?:реферальной\s+)?ссылке|промокод|моя\s+команд|"
    r"шолу|пікірім|сілтеме(?:м|сі)?\s+арқылы|промокоды|"
    r"review|my\s+referral\s+link|through\s+our\s+link|promo\s+code|follow\s+the\s+link|join\s+my\s+team",
    re.I,
)
_GAMBLING_LINK = re.compile(r"casino|kazino|казино|slot|spin|bet\b|bet\.|1xbet|hyip|invest", re.I)


Anchors = tuple[tuple[str, str], ...]  # (absolute URL, anchor text): classifiers.PageView


def linked_domains(anchors: Anchors, text: str, own_host: str) -> list[str]:
    """External domains linked from the page or named in its text, in order, minus its own."""
    hosts = [site_host(url) for url, _text in anchors]
    hosts += [d.lower() for d in _TEXT_DOMAIN.findall(text)]
    own = own_host.lower()
    external = [h for h in hosts if h and h != own and not h.endswith("." + own)]
    return list(dict.fromkeys(external))


def gambling_banners(anchors: Anchors, own_host: str) -> list[str]:
    """External links whose address or anchor text looks like a casino or investment scheme."""
    return list(dict.fromkeys(
        site_host(url) for url, anchor in anchors
        if _GAMBLING_LINK.search(url + " " + anchor) and site_host(url) != own_host
    ))


def detect_promotion(category: str, text: str, anchors: Anchors,
                     url: str) -> tuple[bool, list[str]]:
    """(promotion, promoted_domains): promo wording with external domains, or gambling banners.
    Links are the page's parsed anchors, so a link in a comment or a script is none."""
    own = site_host(url) if url else ""
    if category in PROMOTED_CATEGORIES and _PROMO_LANGUAGE.search(text):
        domains = linked_domains(anchors, text, own)
        if domains:
            return True, domains
    banners = gambling_banners(anchors, own) if category not in PROMOTED_CATEGORIES else []
    return bool(banners), banners
