"""A store holding a few confirmed sites with pages, captures, WARC records and screenshots."""

from __future__ import annotations

import pytest

from fraudwatch.config import load_config
from fraudwatch.store import Site
from tests.takedown.support import SITES, fill


@pytest.fixture
def config(tmp_path):
    return load_config(environ={}, overrides={"var_dir": str(tmp_path / "var")})


@pytest.fixture
def confirmed_store(store, tmp_path):
    fill(store, tmp_path, [Site(**s.to_doc()) for s in SITES])
    return store


@pytest.fixture
def confirmed_sqlite(sqlite_store, tmp_path):
    fill(sqlite_store, tmp_path, [Site(**s.to_doc()) for s in SITES])
    return sqlite_store
