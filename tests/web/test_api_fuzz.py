"""Schema-driven fuzzing of the JSON API (schemathesis, in-process ASGI): no server errors."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error

from fraudwatch.web import create_app
from tests.web.support import fill

EXAMPLES = 60  # per operation: the whole run stays well under a minute


@pytest.fixture
def fuzz_app(sqlite_store, web_config, users):
    fill(sqlite_store)
    app = create_app(sqlite_store, web_config, secret_key="fuzz", users=users,
                     check_rate=1e6, check_burst=10**6)
    return app, users.new_token("admin")


def test_api_has_no_server_errors(fuzz_app):
    app, token = fuzz_app
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    headers = {"Authorization": f"Bearer {token}"}
    operations = [result.ok() for result in schema.get_all_operations()]
    assert {op.label for op in operations} >= {"GET /api/search", "POST /api/check"}
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))
        def fuzz(case):
            case.call_and_validate(headers=headers, checks=[not_a_server_error])

        fuzz()
