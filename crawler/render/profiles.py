"""Browser profiles of a victim in Kazakhstan: desktop and mobile, ru-RU / kk-KZ, Almaty time."""

from __future__ import annotations

from urllib.parse import unquote, urlsplit

DESKTOP_UA = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Chrome/124.0 Safari/537.36"
)
MOBILE_UA = (
    "Mozilla/5.0 (Linux; Android 13; SM-A536B) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Chrome/124.0 Mobile Safari/537.36"
)

PROFILES: dict[str, dict] = {
    "desktop": {
        "user_agent": DESKTOP_UA,
        "viewport": {"width": 1366, "height": 768},
        "locale": "ru-RU",
        "timezone_id": "Asia/Almaty",
        "extra_http_headers": {"Accept-Language": "ru-RU,ru;q=0.9,kk-KZ;q=0.8,kk;q=0.7"},
        "accept_downloads": False,
        "ignore_https_errors": True,
    },
    "mobile": {
        "user_agent": MOBILE_UA,
        "viewport": {"width": 412, "height": 915},
        "is_mobile": True,
        "has_touch": True,
        "locale": "kk-KZ",
        "timezone_id": "Asia/Almaty",
        "extra_http_headers": {"Accept-Language": "kk-KZ,kk;q=0.9,ru-RU;q=0.8,ru;q=0.7"},
        "accept_downloads": False,
        "ignore_https_errors": True,
    },
}


def proxy_settings(url: str) -> dict:
    """Playwright's `proxy` option for a proxy URL; credentials in the URL become its
    username and password (Chromium takes none in `server`)."""
    parts = urlsplit(url if "://" in url else f"http://{url}")
    if not parts.hostname:
        raise ValueError(f"proxy {url!r}: no host")
    server = f"{parts.scheme}://{parts.hostname}" + (f":{parts.port}" if parts.port else "")
    proxy = {"server": server}
    if parts.username:
        proxy["username"] = unquote(parts.username)
        proxy["password"] = unquote(parts.password or "")
    return proxy


def context_kwargs(profile: str, proxies: dict[str, str] | None = None) -> dict:
    """Playwright context options of a victim profile, through its proxy when one is set
    (FRAUDWATCH_PROFILE_PROXIES: e.g. an in-country vantage point)."""
    kwargs = dict(PROFILES[profile])
    if proxy := (proxies or {}).get(profile):
        kwargs["proxy"] = proxy_settings(proxy)
    return kwargs
