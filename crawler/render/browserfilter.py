"""Requests a rendering page may not make: media, fonts, and anything but http(s)/data."""

from __future__ import annotations

SKIPPED_TYPES = {"media", "font", "websocket", "eventsource", "manifest"}


def abort_request(request) -> bool:
    """PLAYWRIGHT_ABORT_REQUEST predicate: True for requests Chromium should not make."""
    if request.resource_type in SKIPPED_TYPES:
        return True
    return not request.url.startswith(("http://", "https://", "data:", "blob:", "about:"))
