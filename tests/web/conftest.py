"""Web fixtures: a small sample store (one site with hostile text), an account per role,
the app, and clients logged in with a role."""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher
from fastapi.testclient import TestClient

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
