"""JSON (not pickle) for requests in the shared Redis frontier: `dumps`/`loads` as scrapy-redis
expects of a serializer (SCHEDULER_SERIALIZER).

Whoever can write to Redis must not be able to run code on every crawler, so requests travel as
JSON. Bytes (headers, body) are tagged base64; meta values that are not plain data (objects
middlewares attach on the way to the downloader) are dropped, they are derived again.
"""

from __future__ import annotations

import base64
import json
import logging

log = logging.getLogger(__name__)
BYTES = "__bytes__"
# Browser meta that crawler.render.policy derives from `fw_render` when the request is fetched
# (page methods, callbacks, a context already closed): never carried over.
DERIVED = ("playwright",)


def _plain(value):
    """`value` as JSON-ready data; TypeError for anything that is not plain data."""
    if isinstance(value, bytes):
        return {BYTES: base64.b64encode(value).decode("ascii")}
    if isinstance(value, dict):
        return {str(k.decode("latin-1") if isinstance(k, bytes) else k): _plain(v)
                for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if value is None or isinstance(value, str | int | float | bool):
        return value
    raise TypeError(f"{type(value).__name__} is not plain data")


def _restore(value):
    if isinstance(value, dict):
        if value.keys() == {BYTES}:
            return base64.b64decode(value[BYTES])
        return {k: _restore(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_restore(v) for v in value]
    return value


def dumps(request: dict) -> str:
    """A request dict (Request.to_dict) as JSON; meta entries that are not data are left out."""
    meta = {}
    for key, value in (request.get("meta") or {}).items():
        if key.startswith(DERIVED):
            continue
        try:
            meta[key] = _plain(value)
        except TypeError:
            log.debug("meta %s of %s not kept in the frontier", key, request.get("url"))
    return json.dumps(_plain({**request, "meta": {}}) | {"meta": meta}, ensure_ascii=False,
                      sort_keys=True)


def loads(data: bytes | str) -> dict:
    return _restore(json.loads(data))
