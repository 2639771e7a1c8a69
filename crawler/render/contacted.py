"""The hosts a rendered page contacted (its own, scripts, images, frames, trackers), with the
address each answered from and how many responses came from it, as urlscan.io lists them.

A plain (static) fetch contacts one host: its own, at the response's IP address.
"""

from __future__ import annotations

import contextlib
from urllib.parse import urlsplit

from playwright.async_api import Error as PlaywrightError

CONTACTED = "fw_contacted"  # request meta: {host: {"host", "ip", "requests"}}, in first-seen order


def record_contacts(page, request) -> None:
    """Count each response the page receives under its host in `request.meta[CONTACTED]`
    (started afresh for each render of the request)."""
    contacted: dict[str, dict] = {}
    request.meta[CONTACTED] = contacted

    async def on_response(response) -> None:
        host = urlsplit(response.url).hostname
        if not host:
            return  # data: and blob: URLs contact no one
        entry = contacted.setdefault(host, {"host": host, "ip": "", "requests": 0})
        entry["requests"] += 1
        if not entry["ip"]:
            with contextlib.suppress(PlaywrightError):  # the page may be closing
                address = await response.server_addr()
                entry["ip"] = (address or {}).get("ipAddress", "")

    page.on("response", on_response)


def contacted_of(response) -> list[dict]:
    """The hosts `response`'s page contacted: the browser's record for a render, else the
    response's own host at its IP address."""
    recorded = response.meta.get(CONTACTED)
    if recorded is not None:
        return [dict(entry) for entry in recorded.values()]
    host = urlsplit(response.url).hostname or ""
    return [{"host": host, "ip": str(response.ip_address or ""), "requests": 1}] if host else []
