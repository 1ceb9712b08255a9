"""A property-based test of the REST API: schemathesis generates requests from `/openapi.json`
(bodies, paths and queries that fit it, 12 per operation) and the API never answers with a server
error; each refusal has the error shape.
The example count is kept modest for CI time."""

from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, given, settings
import pytest
from fastapi.testclient import TestClient
from web_case import make_case

from collingwood.case import Case
from collingwood.web import Guard, create_app

GUARD = Guard(host="testserver", port=80)
AUTH = {"Authorization": f"Bearer {GUARD.token}"}


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory):
    path, case = make_case(tmp_path_factory.mktemp("props"))
    case.store.dispose()
    app = create_app(Case.open(path), GUARD)
    spec = TestClient(app, headers=AUTH).get("/openapi.json").json()
    schema = schemathesis.openapi.from_dict(spec)
    schema.app = app
    return schema


def test_the_api_never_answers_with_a_server_error(api_schema):
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 18
    seen = []
    for operation in operations:
        @given(case=operation.as_strategy())
        @settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def check(case):
            response = case.call(headers=AUTH)
            seen.append(response.status_code)
            assert response.status_code < 500, (case.method, case.formatted_path, response.status_code,
                                                response.text[:300])
            if response.status_code >= 400:
                body = response.json()
                assert body["ok"] is False and body["code"] and body["error"], body
        check()
    assert len(seen) >= 5 * len(operations)
    assert any(s < 300 for s in seen) and any(400 <= s < 500 for s in seen)
