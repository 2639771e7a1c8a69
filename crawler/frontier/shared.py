"""The shared crawl frontier in Redis: one queue, duplicate filter and site budgets for any number
of crawler processes on any number of hosts (`fraudwatch crawl --frontier redis://...`).

Keys live under `fraudwatch:<name>:<run id>:` (the run every worker joins, see `join`):

    queue          sorted set of JSON requests, scored by -priority (scrapy-redis' layout)
    seen           set of normalised URLs already queued: the shared duplicate filter
    pages/started  hashes of each site's spent page budget and its start time

A request is queued through a gate (one Lua script): the duplicate filter, the site's budget and
the queue change together or not at all, so a worker killed between deciding to follow a link
and queueing it cannot leave the link marked seen but never fetched.
    workers        set of worker ids; `alive:<id>` expires unless the worker's heartbeat renews it
    claims:<id>    hash of the requests a worker has popped and not yet acknowledged
    redelivered    claims put back from dead workers (their pages may be stored already)

A pop moves the request into the worker's claims in one atomic step; the worker acknowledges it
once the page it produced is durable (stored or spooled). A worker whose heartbeat lapses (it
was killed, its host died) has its claims put back into the queue by the next worker that looks
(`reap`), so no claimed request is lost. The crawl is finished when the queue is empty and no
live worker holds a claim.
"""

from __future__ import annotations

import os
import socket
import time
import uuid
from typing import NamedTuple
from urllib.parse import urlsplit, urlunsplit

PREFIX = "fraudwatch"
FINISHED_TTL = 7 * 86400  # seconds a finished run's keys are kept for inspection

# Pop the best request into a worker's claims: KEYS queue, claims, redelivered. Returns
# [field, data, 1 if a dead worker had claimed it before] or nil.
CLAIM = """
local popped = redis.call('ZPOPMIN', KEYS[1])
if #popped == 0 then return nil end
local field = redis.sha1hex(popped[1])
redis.call('HSET', KEYS[2], field, popped[2] .. ' ' .. popped[1])
return {field, popped[1], redis.call('SREM', KEYS[3], field)}
"""
# Put claims of a worker back into the queue, marked redelivered: KEYS claims, queue,
# redelivered; ARGV the claim ids, none for all of them. Returns how many.
RELEASE = """
local fields = ARGV
if #fields == 0 then fields = redis.call('HKEYS', KEYS[1]) end
local n = 0
for _, field in ipairs(fields) do
  local value = redis.call('HGET', KEYS[1], field)
  if value then
    local cut = string.find(value, ' ', 1, true)
    redis.call('ZADD', KEYS[2], tonumber(string.sub(value, 1, cut - 1)),
               string.sub(value, cut + 1))
    redis.call('SADD', KEYS[3], field)
    redis.call('HDEL', KEYS[1], field)
    n = n + 1
  end
end
return n
"""
# Queue a request through its gate, atomically, so a worker killed at any point leaves the
# frontier consistent: KEYS queue, seen, pages, started; ARGV data, score, gate kind, normalised
# URL, site, max pages, now. A landing page opens its site's budget (once per site); a link
# is queued once per URL while the site's budget lasts; other requests (a browser profile's
# copy of a landing page) are queued as they are. Returns 1 if queued, 0 if not.
GATE = """
local kind = ARGV[3]
if kind == 'landing' then
  if redis.call('HSETNX', KEYS[3], ARGV[5], 1) == 0 then return 0 end
  redis.call('HSETNX', KEYS[4], ARGV[5], ARGV[7])
  redis.call('SADD', KEYS[2], ARGV[4])
elseif kind == 'link' then
  if redis.call('SISMEMBER', KEYS[2], ARGV[4]) == 1 then return 0 end
  if redis.call('HINCRBY', KEYS[3], ARGV[5], 1) > tonumber(ARGV[6]) then
    redis.call('HINCRBY', KEYS[3], ARGV[5], -1)
    return 0
  end
  redis.call('SADD', KEYS[2], ARGV[4])
end
redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
return 1
"""
# End the run if it is still the current one: KEYS current; ARGV run id.
FINISH = """
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) return 1 end
return 0
"""


class Claim(NamedTuple):
    id: str
    data: bytes
    redelivered: bool  # a worker that died had claimed it: its page may be stored already


# What a request's queueing costs: (landing | link, normalised URL, site, max pages per site).
Gate = tuple[str, str, str, int]


class FrontierError(RuntimeError):
    """The Redis frontier cannot be reached or used; the message says where and why."""


def connect(url: str):
    """A Redis client for `url` that answers, or FrontierError."""
    # imported only when a crawl shares a frontier (the Redis client takes ~0.25 s to load)
    import redis
    from redis.backoff import ExponentialBackoff
    from redis.retry import Retry

    options = {"socket_timeout": 10, "socket_connect_timeout": 5, "health_check_interval": 30}
    try:
        with redis.Redis.from_url(url, retry=None, **options) as probe:
            probe.ping()  # at once: a frontier that is not there is an error now
        # Later, a Redis restart (its append-only file keeps the frontier) is waited out:
        # about a minute of reconnecting, backing off, before a command fails.
        client = redis.Redis.from_url(url, retry=Retry(ExponentialBackoff(cap=8, base=0.1), 10),
                                      **options)
    except (redis.RedisError, ValueError) as exc:
        raise FrontierError(f"Redis frontier {redacted(url)} is not reachable: {exc}; start "
                            "it (scripts/redis start) or fix --frontier") from exc
    return client


def redacted(url: str) -> str:
    """`url` without its password, fit for logs and messages."""
    parts = urlsplit(url)
    if not parts.password:
        return url
    netloc = parts.netloc.rsplit("@", 1)[1]
    user = f"{parts.username}:" if parts.username else ":"
    return urlunsplit(parts._replace(netloc=f"{user}***@{netloc}"))


def new_worker_id() -> str:
    return f"{socket.gethostname()}-{os.getpid()}-{uuid.uuid4().hex[:6]}"


class RedisFrontier:
    """One worker's handle on the shared frontier of a named crawl."""

    def __init__(self, client, name: str = "default", lease: float = 30.0,
                 worker: str | None = None):
        self.client = client
        self.name = name
        self.lease = lease
        self.worker = worker or new_worker_id()
        self.run_id = ""
        self._claim = client.register_script(CLAIM)
        self._release = client.register_script(RELEASE)
        self._gate = client.register_script(GATE)
        self._finish = client.register_script(FINISH)

    # --- run membership ----------------------------------------------------------------
    @property
    def current_key(self) -> str:
        return f"{PREFIX}:{self.name}:current"

    def key(self, part: str) -> str:
        return f"{PREFIX}:{self.name}:{self.run_id}:{part}"

    def join(self, candidate: str) -> str:
        """Join the crawl's current run, or start it as `candidate`; returns the run id."""
        self.client.set(self.current_key, candidate, nx=True)
        self.run_id = (self.client.get(self.current_key) or candidate.encode()).decode()
        self.client.sadd(self.key("workers"), self.worker)
        self.heartbeat()
        return self.run_id

    def heartbeat(self) -> None:
        """Renew this worker's lease on its claims."""
        self.client.set(self.key(f"alive:{self.worker}"), 1, px=int(self.lease * 1000))

    def leave(self, release: bool) -> None:
        """Stop being a worker; `release` puts unacknowledged claims back for the others."""
        if release:
            self.release_claims(self.worker)
        self.client.delete(self.key(f"alive:{self.worker}"), self.key(f"claims:{self.worker}"))
        self.client.srem(self.key("workers"), self.worker)

    # --- queue ---------------------------------------------------------------------------
    def push(self, data: str, priority: int, gate: Gate | None = None) -> bool:
        """Queue a request (JSON) through its gate; False if the gate turned it away."""
        kind, url, site, max_pages = gate or ("", "", "", 0)
        return bool(self._gate(
            keys=[self.key("queue"), self.key("seen"), self.key("pages"), self.key("started")],
            args=[data, -priority, kind, url, site, max_pages, time.time()]))

    def claim(self) -> Claim | None:
        """The best queued request, now claimed by this worker."""
        popped = self._claim(keys=[self.key("queue"), self.key(f"claims:{self.worker}"),
                                   self.key("redelivered")])
        return Claim(popped[0].decode(), popped[1], bool(popped[2])) if popped else None

    def ack(self, claims: list[str]) -> None:
        """These claims are done: their pages are durable."""
        if claims:
            self.client.hdel(self.key(f"claims:{self.worker}"), *claims)

    def my_claims(self) -> set[str]:
        return {raw.decode() for raw in self.client.hkeys(self.key(f"claims:{self.worker}"))}

    def release(self, claims: list[str]) -> int:
        """Put these claims of this worker back into the queue (marked redelivered)."""
        return self.release_claims(self.worker, claims) if claims else 0

    def release_claims(self, worker: str, claims: list[str] = ()) -> int:
        """Put a worker's claims (these, or all) back into the queue, marked redelivered."""
        return self._release(keys=[self.key(f"claims:{worker}"), self.key("queue"),
                                   self.key("redelivered")], args=list(claims))

    def queued(self) -> int:
        return self.client.zcard(self.key("queue"))

    def claimed(self, worker: str | None = None) -> int:
        return self.client.hlen(self.key(f"claims:{worker or self.worker}"))

    def reap(self) -> int:
        """Put the claims of workers whose heartbeat lapsed back into the queue; how many."""
        requeued = 0
        for raw in self.client.smembers(self.key("workers")):
            worker = raw.decode()
            if worker == self.worker or self.client.exists(self.key(f"alive:{worker}")):
                continue
            requeued += self.release_claims(worker)
            self.client.srem(self.key("workers"), worker)
        return requeued

    def finished(self) -> bool:
        """Whether the run is done: nothing queued and no worker holds a claim (reap first,
        or a dead worker's claims keep the run open)."""
        if self.queued():
            return False
        workers = [raw.decode() for raw in self.client.smembers(self.key("workers"))]
        return not any(self.claimed(worker) for worker in workers)

    def finish(self) -> None:
        """Close the run (the next crawl starts a new one); its keys expire after a week."""
        if self._finish(keys=[self.current_key], args=[self.run_id]):
            for part in ("queue", "seen", "pages", "started", "workers", "redelivered"):
                self.client.expire(self.key(part), FINISHED_TTL)

    # --- shared duplicate filter and budgets (spent by the gate of `push`) ----------------
    def is_seen(self, url: str) -> bool:
        return bool(self.client.sismember(self.key("seen"), url))

    def site_started(self, site: str) -> bool:
        return bool(self.client.hexists(self.key("pages"), site))

    def site_state(self, site: str) -> tuple[int, float | None]:
        """(pages spent, start time) of a site."""
        pages, started = self.client.hmget(self.key("pages"), site)[0], None
        raw = self.client.hget(self.key("started"), site)
        if raw is not None:
            started = float(raw)
        return int(pages or 0), started

def status(client, name: str) -> dict:
    """What the named crawl's frontier holds now (for `fraudwatch frontier status`)."""
    frontier = RedisFrontier(client, name, worker="status")
    current = client.get(frontier.current_key)
    if current is None:
        return {"name": name, "run_id": None}
    frontier.run_id = current.decode()
    workers = {}
    for raw in sorted(client.smembers(frontier.key("workers"))):
        worker = raw.decode()
        workers[worker] = {"alive": bool(client.exists(frontier.key(f"alive:{worker}"))),
                           "claimed": frontier.claimed(worker)}
    return {"name": name, "run_id": frontier.run_id, "queued": frontier.queued(),
            "seen": client.scard(frontier.key("seen")),
            "sites": client.hlen(frontier.key("pages")), "workers": workers}


def reset(client, name: str) -> int:
    """Forget the named crawl's frontier (every run); how many keys were deleted."""
    keys = list(client.scan_iter(f"{PREFIX}:{name}:*"))
    return client.delete(*keys) if keys else 0


def join_run(url: str, name: str, lease: float, candidate: str) -> tuple[str, str]:
    """Join (or start) the named crawl's current run: (run id, this worker's id)."""
    with connect(url) as client:
        frontier = RedisFrontier(client, name, lease)
        return frontier.join(candidate), frontier.worker
