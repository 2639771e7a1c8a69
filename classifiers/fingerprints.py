"""Operator fingerprints of a page: ids, handles, contacts and wallets that tie sites together.

Pure: HTML, URL and response facts in, `{kind: sorted values}` out. Values are normalised
(phones to E.164, handles and e-mails to lower case) so equal things compare equal across sites.
"""

from __future__ import annotations

import hashlib
import re
from html import unescape
from urllib.parse import urlsplit

PATTERNS: dict[str, list[re.Pattern]] = {
    "ga": [re.compile(r"\b(UA-\d{4,10}-\d{1,4}|G-[A-Z0-9]{6,12})\b")],
    "gtm": [re.compile(r"\b(GTM-[A-Z0-9]{4,9})\b")],
    "ym": [re.compile(r"\bym\(\s*(\d{6,10})\s*,\s*['\"]init"),
           re.compile(r"mc\.yandex\.(?:ru|kz|com)/watch/(\d{6,10})")],
    "fbpixel": [re.compile(r"fbq\(\s*['\"]init['\"]\s*,\s*['\"](\d{10,20})['\"]")],
    "telegram": [re.compile(r"(?:https?://)?(?:t\.me|telegram\.me)/([A-Za-z0-9_]{5,32})\b"),
                 re.compile(r"tg://resolve\?domain=([A-Za-z0-9_]{5,32})")],
    "whatsapp": [re.compile(r"(?:wa\.me/|api\.whatsapp\.com/send\?phone=)\+?(\d{10,15})")],
    "viber": [re.compile(r"viber://(?:chat|contact)\?number=(?:%2B|\+)?(\d{10,15})")],
    "email": [re.compile(
        r"\b([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})\b")],
    "btc": [re.compile(r"\b(bc1[a-z0-9]{25,59}|[13][a-km-zA-HJ-NP-Z1-9]{25,34})\b")],
    "eth": [re.compile(r"\b(0x[a-fA-F0-9]{40})\b")],
    "tron": [re.compile(r"\b(T[1-9A-HJ-NP-Za-km-z]{33})\b")],
}
PHONE = re.compile(  # Kazakh mobile numbers: +7 7xx or 8 7xx, in any usual spacing
    r"(?<![\d\w])(?:\+7|8)[\s(-]*(7\d{2})[\s)-]*(\d{3})[\s-]*(\d{2})[\s-]*(\d{2})(?!\d)")
CANONICAL = re.compile(r"<link[^>]+rel=['\"]?canonical['\"]?[^>]*href=['\"]?([^'\" >]+)", re.I)
CANONICAL_REV = re.compile(r"<link[^>]+href=['\"]?([^'\" >]+)['\"]?[^>]*rel=['\"]?canonical", re.I)
TAG = re.compile(r"<\s*([a-zA-Z][a-zA-Z0-9]*)([^>]*)>")
CLASS = re.compile(r"class=['\"]([^'\"]+)['\"]")
TELEGRAM_RESERVED = {"share", "joinchat", "addstickers", "proxy", "iv", "socks", "telegram"}


def _phones(text: str) -> set[str]:
    return {"+7" + "".join(m.groups()) for m in PHONE.finditer(text)}


def _normalise(kind: str, value: str) -> str | None:
    if kind in {"telegram", "email"}:
        value = value.lower()
        if kind == "telegram" and value in TELEGRAM_RESERVED:
            return None
        if kind == "email" and value.endswith((".png", ".jpg", ".svg", ".webp")):
            return None
    if kind in {"whatsapp", "viber"}:
        return "+" + value
    if kind == "eth":
        return value.lower()
    return value


def simhash(html: str, bits: int = 64) -> int:
    """SimHash of the page template: tag names with their classes, in 3-tag shingles."""
    tags = [f"{m.group(1).lower()}.{'.'.join(sorted(CLASS.findall(m.group(2))))}"
            for m in TAG.finditer(html)]
    shingles = ["|".join(tags[i:i + 3]) for i in range(max(1, len(tags) - 2))] if tags else []
    if not shingles:
        return 0
    weights = [0] * bits
    for shingle in shingles:
        h = int.from_bytes(hashlib.blake2b(shingle.encode(), digest_size=8).digest(), "big")
        for i in range(bits):
            weights[i] += 1 if h >> i & 1 else -1
    return sum(1 << i for i in range(bits) if weights[i] > 0)


def extract(html: str, url: str = "", *, final_url: str = "", ip: str = "",
            redirects: list[str] | tuple = (), favicon_sha256: str = "",
            nameservers: list[str] | tuple = ()) -> dict[str, list[str]]:
    """Every fingerprint of one page, as {kind: sorted unique values}."""
    text = unescape(html)
    found: dict[str, set[str]] = {}
    for kind, patterns in PATTERNS.items():
        for pattern in patterns:
            for value in pattern.findall(text):
                norm = _normalise(kind, value)
                if norm:
                    found.setdefault(kind, set()).add(norm)
    phones = _phones(text) | found.pop("whatsapp", set()) | found.pop("viber", set())
    if phones:
        found["phone"] = phones
    own = urlsplit(final_url or url).hostname or ""
    targets = {urlsplit(u).hostname for u in [*CANONICAL.findall(html),
                                              *CANONICAL_REV.findall(html), *redirects]}
    targets = {t for t in targets if t and t != own}
    if targets:
        found["link_target"] = targets
    if html.strip():
        found["template"] = {f"{simhash(html):016x}"}
    if ip:
        found["ip"] = {ip}
    if favicon_sha256:
        found["favicon"] = {favicon_sha256}
    if nameservers:
        found["ns"] = {n.lower().rstrip(".") for n in nameservers}
    return {kind: sorted(values) for kind, values in sorted(found.items())}
