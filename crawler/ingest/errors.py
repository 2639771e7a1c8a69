"""Name what went wrong with a fetch, for the Capture's `error` and the run summary."""

from __future__ import annotations

import asyncio

from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadCancelledError,
    DownloadConnectionRefusedError,
    DownloadTimeoutError,
    IgnoreRequest,
    StopDownload,
)
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet import error as twisted_error

from crawler.safety.ssrfguard import PrivateTargetRefused


class EvidenceNotKept(IgnoreRequest):
    """The response could not be written to the WARC file (disk full, I/O error): it is
    dropped unrecorded, so `--resume` fetches it again (crawler.evidence.warcwriter)."""


class RenderTimeout(Exception):
    """A render overran its deadline and was torn down (crawler.render.watchdog)."""


# (exception types, kind), first match wins.
KINDS: tuple[tuple[tuple[type[BaseException], ...], str], ...] = (
    ((RenderTimeout,), "render_timeout"),
    ((PrivateTargetRefused,), "private"),
    ((StopDownload,), "download"),
    ((HttpError,), "http"),
    ((DownloadTimeoutError, twisted_error.TimeoutError, TimeoutError, asyncio.TimeoutError),
     "timeout"),
    ((CannotResolveHostError, twisted_error.DNSLookupError), "dns"),
    ((DownloadConnectionRefusedError, twisted_error.ConnectionRefusedError), "refused"),
    ((DownloadCancelledError,), "too_big"),
    ((twisted_error.ConnectError, ConnectionError), "connect"),
)


def error_kind(exc: BaseException) -> str:
    """A short kind for a fetch failure: timeout, dns, refused, too_big, redirect_loop, ..."""
    for types, kind in KINDS:
        if isinstance(exc, types):
            return kind
    message = str(exc)
    if isinstance(exc, IgnoreRequest):
        if "redirection" in message:
            return "redirect_loop"
        if "DOWNLOAD_MAXSIZE" in message:
            return "too_big"
        if "robots.txt" in message:
            return "robots"
        return "ignored"
    if "Timeout" in type(exc).__name__ or "Timeout" in message:
        return "timeout"
    return "error"


def describe(exc: BaseException) -> str:
    """`kind: message` for a Capture's error field."""
    if isinstance(exc, StopDownload) and exc.response is not None:
        content_type = exc.response.headers.get(b"Content-Type", b"").decode("latin-1")
        return f"download: not a page ({content_type or 'attachment'})"
    message = " ".join(str(exc).split())[:300] or type(exc).__name__
    return f"{error_kind(exc)}: {message}"
