"""What a rendered page fetched, as urlscan.io lists it: the hosts it contacted (its own,
scripts, images, frames, trackers), each with the address it answered from and how many
responses came from it; and each request, with its type, status and size.

A plain (static) fetch contacts one host, its own, in one request.
"""

from __future__ import annotations

import contextlib
from urllib.parse import urlsplit

from playwright.async_api import Error as PlaywrightError

CONTACTED = "fw_contacted"  # request meta: {host: {"host", "ip", "requests"}}, in first-seen order
REQUESTS = "fw_requests"  # request meta: [{"url", "type", "status", "size", "failure"}]
MAX_REQUESTS = 300  # a page that makes more keeps its first ones: the evidence, not a flood
MAX_URL = 2_000
# the browser's resource types (Playwright's Request.resource_type); others count as "other"
RESOURCE_TYPES = ("document", "stylesheet", "image", "media", "font", "script", "texttrack",
                  "xhr", "fetch", "eventsource", "websocket", "manifest", "other")


def record_contacts(page, request) -> None:
    """Record the hosts `page` contacts in `request.meta[CONTACTED]` and its requests in
    `request.meta[REQUESTS]` (started afresh for each render of the request)."""
    contacted: dict[str, dict] = {}
    made: list[dict] = []
    request.meta[CONTACTED] = contacted
    request.meta[REQUESTS] = made

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

    async def on_finished(sent) -> None:
        entry = _entry(sent, made)
        if entry is None:
            return
        with contextlib.suppress(PlaywrightError):  # the page may be closing
            response = await sent.response()
            entry["status"] = response.status if response else None
            entry["size"] = max(0, (await sent.sizes()).get("responseBodySize", 0))

    async def on_failed(sent) -> None:
        entry = _entry(sent, made)
        if entry is not None:
            entry["failure"] = sent.failure or "failed"

    page.on("response", on_response)
    page.on("requestfinished", on_finished)
    page.on("requestfailed", on_failed)


def _entry(sent, made: list[dict]) -> dict | None:
    """A new entry for the browser's request `sent` in `made`; None past MAX_REQUESTS or for
    a URL that is not fetched over the network (data:, blob:)."""
    if len(made) >= MAX_REQUESTS or urlsplit(sent.url).scheme not in ("http", "https"):
        return None
    kind = sent.resource_type if sent.resource_type in RESOURCE_TYPES else "other"
    entry = {"url": sent.url[:MAX_URL], "type": kind, "status": None, "size": 0, "failure": ""}
    made.append(entry)
    return entry


def contacted_of(response) -> list[dict]:
    """The hosts `response`'s page contacted: the browser's record for a render, else the
    response's own host at its IP address."""
    recorded = response.meta.get(CONTACTED)
    if recorded is not None:
        return [dict(entry) for entry in recorded.values()]
    host = urlsplit(response.url).hostname or ""
    return [{"host": host, "ip": str(response.ip_address or ""), "requests": 1}] if host else []


def requests_of(response) -> list[dict]:
    """The requests `response`'s page made: the browser's record for a render, else the one
    plain fetch of the page itself."""
    recorded = response.meta.get(REQUESTS)
    if recorded is not None:
        return [dict(entry) for entry in recorded]
    return [{"url": response.url[:MAX_URL], "type": "document", "status": response.status,
             "size": len(response.body), "failure": ""}]
