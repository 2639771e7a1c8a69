"""Web fixtures: a small sample store (one site with hostile text), an account per role,
the app, and clients logged in with a role."""

from __future__ import annotations

import threading
import time

import pytest
import uvicorn
from argon2 import PasswordHasher
from fastapi.testclient import TestClient

from fraudwatch.browser import launch_options
from fraudwatch.config import load_config
from fraudwatch.web import create_app
from fraudwatch.web.users import ROLES, UserStore
from tests.web.support import PASSWORD, add_network, fill, log_in


@pytest.fixture
def web_config(tmp_path):
    # English pages, as most tests read them; tests/web/test_languages.py reads kk and ru
    return load_config(overrides={"var_dir": str(tmp_path / "var"), "web.language": "en"},
                       environ={})


@pytest.fixture
def users(tmp_path):
    """One account per role, named after it, with a fast (test-only) hasher."""
    store = UserStore(tmp_path / "users.db",
                      PasswordHasher(time_cost=1, memory_cost=64, parallelism=1))
    for role in ROLES:
        store.add(role, role, PASSWORD)
    return store


@pytest.fixture
def sample_store(store):
    fill(store)
    return store


@pytest.fixture
def app(sample_store, web_config, users):
    return create_app(sample_store, web_config, secret_key="test-secret", users=users,
                      check_rate=60.0, check_burst=3)


@pytest.fixture
def client(app):
    with TestClient(app) as c:
        yield c


@pytest.fixture
def as_role(app):
    """A factory of clients logged in with a given role."""
    clients = []

    def make(role: str) -> TestClient:
        client = TestClient(app)
        clients.append(client)
        return log_in(client, role)

    yield make
    for c in clients:
        c.close()


@pytest.fixture
def networked(sample_store):
    """The sample store with the sites joined into network net-1 (see add_network)."""
    add_network(sample_store)
    return sample_store


# A real server and a real Chromium, for the browser tests (test_browser*.py)

@pytest.fixture
def server(sample_store, web_config, users):
    """The app on a real socket (127.0.0.1, a free port), served from a thread."""
    yield from _serve(create_app(sample_store, web_config, secret_key="e2e", users=users))


@pytest.fixture
def busy_server(sample_store, web_config, users):
    """The app with one citizen check an address (as if its carrier's NAT used the rest)."""
    yield from _serve(create_app(sample_store, web_config, secret_key="e2e", users=users,
                                 check_rate=0.001, check_burst=1))


def _serve(app):
    config = uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning", lifespan="off")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    port = srv.servers[0].sockets[0].getsockname()[1]
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    """One Chromium for the module; a missing browser fails (never skips)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(**launch_options())
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    tab = context.new_page()
    tab.dialogs = []
    tab.on("dialog", lambda d: (tab.dialogs.append(d.message), d.dismiss()))
    yield tab
    context.close()
