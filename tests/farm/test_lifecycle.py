"""The farm starts on a free port and stops cleanly, even with slow responses in flight."""

import json
import socket
import threading
import time

import pytest

from fraudwatch.farm import Farm


def _open_drip(port: int) -> socket.socket:
    conn = socket.create_connection(("127.0.0.1", port), timeout=5)
    conn.sendall(f"GET / HTTP/1.0\r\nHost: medlenno.kz:{port}\r\n\r\n".encode())
    conn.recv(1)
    return conn


def test_stop_ends_slow_responses_and_closes_the_port():
    farms_running = _farm_threads()
    farm = Farm(port=0).start()
    port = farm.base_port
    conn = _open_drip(port)
    started = time.monotonic()
    farm.stop()
    assert time.monotonic() - started < 3
    assert _farm_threads() == farms_running
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.1", port), timeout=2)
    conn.close()
    with pytest.raises(RuntimeError):
        _ = farm.base_port


def _farm_threads() -> int:
    return sum(t.name == "fraudwatch-farm" for t in threading.enumerate())


def _handler_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if "process_request_thread" in t.name]


def test_drip_stops_when_the_client_leaves():
    with Farm(port=0) as farm:
        before = len(_handler_threads())
        conn = _open_drip(farm.base_port)
        assert len(_handler_threads()) == before + 1
        conn.close()
        deadline = time.monotonic() + 5  # the second write after the hang-up fails
        while len(_handler_threads()) > before and time.monotonic() < deadline:
            time.sleep(0.2)
        assert len(_handler_threads()) == before


def test_no_hostile_and_written_files(tmp_path):
    with Farm(port=0, hostile=False) as farm:
        farm.write_seeds(tmp_path / "seeds.txt")
        farm.write_sites(tmp_path / "sites.json")
        assert (tmp_path / "seeds.txt").read_text().split() == farm.seeds()
        sites = json.loads((tmp_path / "sites.json").read_text())
    assert all(s["hostile"] is None for s in sites)
    assert len(sites) == len(farm.sites)
