"""The shared Redis frontier on a real Redis server: claims, acknowledgements, dead workers,
the end of a run, the shared duplicate filter and budgets, and the JSON request codec."""

from __future__ import annotations

import threading
import time

import pytest
import scrapy
from scrapy.utils.request import request_from_dict

from crawler.frontier import requestcodec
from crawler.frontier.budget import Budget, SharedBudgets
from crawler.frontier.seen import SharedSeen
from crawler.frontier.shared import FrontierError, RedisFrontier, connect


@pytest.fixture
def workers(redis_url, frontier_name):
    """Two workers of one crawl that joined the same run."""
    def worker(name: str) -> RedisFrontier:
        frontier = RedisFrontier(connect(redis_url), frontier_name, lease=30, worker=name)
        frontier.join("run-1")
        return frontier

    first, second = worker("w1"), worker("w2")
    yield first, second
    for key in first.client.scan_iter(f"fraudwatch:{frontier_name}:*"):
        first.client.delete(key)
    first.client.close(), second.client.close()


def test_workers_join_the_same_run_and_a_finished_run_makes_way_for_the_next(workers):
    first, second = workers
    assert second.run_id == first.run_id == "run-1"
    assert first.finished()
    first.finish()
    late = RedisFrontier(first.client, first.name, worker="w3")  # (shares first's client)
    assert late.join("run-2") == "run-2"


def test_requests_come_out_best_priority_first_and_each_to_one_worker(workers):
    first, second = workers
    for url, priority in (("/low", 0), ("/landing", 100), ("/contacts", 40)):
        first.push(url, priority)
    got = [first.claim(), second.claim(), first.claim(), second.claim()]
    assert [claim.data for claim in got[:3]] == [b"/landing", b"/contacts", b"/low"]
    assert not any(claim.redelivered for claim in got[:3])
    assert got[3] is None
    assert first.claimed() == 2 and second.claimed() == 1


def test_a_run_is_not_finished_while_a_worker_holds_an_unacknowledged_claim(workers):
    first, second = workers
    first.push("/page", 0)
    claim = first.claim().id
    assert first.queued() == 0
    assert not second.finished()
    first.ack([claim])
    assert second.finished()


def test_a_dead_workers_claims_go_back_to_the_queue_with_their_priority(workers):
    first, second = workers
    first.push("/landing", 100)
    first.push("/page", 0)
    first.claim(), first.claim()
    first.client.delete(first.key("alive:w1"))  # its heartbeat lapsed: killed, host gone
    assert not second.finished()  # the dead worker's claims are not done
    assert second.reap() == 2
    landing, page = second.claim(), second.claim()
    assert (landing.data, page.data) == (b"/landing", b"/page")
    assert landing.redelivered and page.redelivered  # their pages may be stored already
    assert first.claimed() == 0
    assert first.worker.encode() not in first.client.smembers(first.key("workers"))


def test_a_lease_expires_by_itself_without_heartbeats(redis_url, frontier_name):
    quick = RedisFrontier(connect(redis_url), frontier_name, lease=0.3, worker="quick")
    quick.join("run-1")
    quick.push("/page", 0)
    quick.claim()
    other = RedisFrontier(connect(redis_url), frontier_name, worker="other")
    other.join("run-1")
    assert other.reap() == 0  # the lease still runs
    deadline = time.monotonic() + 5
    while quick.client.exists(quick.key("alive:quick")) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert other.reap() == 1
    assert other.queued() == 1
    quick.client.close(), other.client.close()


def test_a_worker_that_stops_early_hands_its_claims_over(workers):
    first, second = workers
    first.push("/page", 0)
    first.claim()
    first.leave(release=True)
    assert second.claim().data == b"/page"


def link(url: str, max_pages: int = 20) -> tuple[str, str, str, int]:
    return ("link", url, "a.kz", max_pages)


def test_a_url_is_queued_once_whichever_worker_finds_it(workers):
    first, second = workers
    assert first.push("GET /x", 0, link("http://a.kz/x"))
    assert SharedSeen(second).add_new("http://a.kz/x") is False  # skipped before asking
    assert not second.push("GET /x again", 0, link("http://a.kz/x"))
    assert first.queued() == 1
    seen = SharedSeen(second)
    assert seen.add_new("http://a.kz/y") and not seen.add_new("http://a.kz/y")


def test_a_site_is_started_once_and_its_budget_never_overspent_by_racing_workers(workers):
    first, second = workers
    assert first.push("landing", 100, ("landing", "http://a.kz/", "a.kz", 20))
    assert not second.push("landing again", 100, ("landing", "http://a.kz/", "a.kz", 20))
    assert not SharedBudgets(Budget(20, 3, 600), second).start("a.kz")
    queued = []

    def follow(frontier, name):
        queued.append(sum(frontier.push(f"{name}{n}", 0, link(f"http://a.kz/{name}{n}"))
                          for n in range(30)))

    threads = [threading.Thread(target=follow, args=pair)
               for pair in ((first, "p"), (second, "q"))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(queued) == 19  # the landing page spent the first of 20
    assert first.queued() == 20
    budgets = SharedBudgets(Budget(20, 3, 600), first)
    assert not budgets.open("a.kz", 1)
    assert budgets.start("b.kz") and budgets.open("b.kz", 3) and not budgets.open("b.kz", 4)


def test_requests_travel_as_json_not_pickle():
    request = scrapy.Request("http://a.kz/x", meta={"fw_site": "a.kz", "fw_warc": ("f", 3),
                                                    "handle": object(), "playwright": True,
                                                    "playwright_context": "desktop-3"},
                             headers={"Referer": "http://a.kz/"}, body=b"\x00\xff",
                             priority=7, dont_filter=True)
    data = requestcodec.dumps(request.to_dict())
    assert data.startswith("{")
    restored = requestcodec.loads(data)
    # Objects and browser state are left out; the render policy derives them again.
    assert restored["meta"] == {"fw_site": "a.kz", "fw_warc": ["f", 3]}
    back = request_from_dict(restored)
    assert (back.url, back.body, back.priority, back.dont_filter) == (
        "http://a.kz/x", b"\x00\xff", 7, True)
    assert back.headers[b"Referer"] == b"http://a.kz/"


def test_an_unreachable_frontier_is_a_clear_error():
    with pytest.raises(FrontierError, match="not reachable.*scripts/redis start"):
        connect("redis://127.0.0.1:1/0")


def test_a_frontier_password_never_reaches_messages():
    with pytest.raises(FrontierError) as failure:
        connect("redis://:s3cret@127.0.0.1:1/0")
    assert "s3cret" not in str(failure.value) and ":***@127.0.0.1:1" in str(failure.value)


def test_frontier_status_shows_the_run_and_reset_waits_for_live_workers(workers, redis_url,
                                                                         tmp_path):
    import json

    from click.testing import CliRunner

    from fraudwatch.cli import main

    first, second = workers
    first.push("GET /a", 0, link("http://a.kz/a"))
    first.push("GET /b", 0, link("http://a.kz/b"))
    second.claim()
    env = {"FRAUDWATCH_VAR_DIR": str(tmp_path), "FRAUDWATCH_FRONTIER_URL": redis_url,
           "FRAUDWATCH_FRONTIER_NAME": first.name}
    shown = CliRunner().invoke(main, ["frontier", "status", "--json"], env=env)
    assert shown.exit_code == 0, shown.output
    state = json.loads(shown.output)
    assert (state["run_id"], state["queued"], state["seen"]) == ("run-1", 1, 2)
    assert state["workers"]["w2"] == {"alive": True, "claimed": 1}
    refused = CliRunner().invoke(main, ["frontier", "reset"], env=env)
    assert refused.exit_code == 1 and "stop them first" in refused.output
    forced = CliRunner().invoke(main, ["frontier", "reset", "--force"], env=env)
    assert forced.exit_code == 0
    after = CliRunner().invoke(main, ["frontier", "status"], env=env)
    assert "no run in progress" in after.output


def test_claims_that_never_make_a_page_are_retried_once_then_given_up(workers):
    from scrapy.utils.test import get_crawler

    from crawler.frontier.scheduler import FrontierScheduler

    first, _ = workers
    scheduler = FrontierScheduler(first, get_crawler())
    first.push("GET /dropped", 0)
    first.claim()  # fetched, but its item was dropped: nothing will acknowledge it
    scheduler._orphans()  # first idle look: the store pipeline may still write it
    assert first.claimed() == 1
    scheduler._orphans()  # still held at the second look: back to the queue
    assert (first.claimed(), first.queued()) == (0, 1)
    assert first.claim().redelivered
    scheduler._orphans(), scheduler._orphans()  # the same again: given up
    assert (first.claimed(), first.queued()) == (0, 0)


def test_a_redis_restart_keeps_the_frontier_and_the_worker_reconnects(tmp_path):
    import socket
    import subprocess
    from pathlib import Path

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    script = str(Path(__file__).resolve().parents[2] / "scripts" / "redis")
    env = {"PATH": "/usr/bin:/bin:/usr/sbin:/sbin", "FRAUDWATCH_REDIS_PORT": str(port),
           "FRAUDWATCH_REDIS_DATA": str(tmp_path / "redis")}

    def redis(command: str) -> None:
        subprocess.run([script, command], env=env, check=True, capture_output=True, timeout=30)

    redis("start")
    try:
        frontier = RedisFrontier(connect(f"redis://127.0.0.1:{port}/0"), "restart", worker="w1")
        frontier.join("run-1")
        frontier.push("GET /page", 0)
        redis("stop")
        redis("start")  # its append-only file brings the queue back
        assert frontier.claim().data == b"GET /page"  # the same client, reconnected
        frontier.client.close()
    finally:
        redis("stop")
