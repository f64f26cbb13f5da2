"""schemathesis against the running gateway's OpenAPI documents: schema-valid requests for every
operation of /api/v1 (sent with real tokens of three roles in turn), of the login-free
/public/v1, of /partner/v1 (unsigned: it shows validation and the 401s, not the work order's
effects, which tests/integration/test_integration_work_orders.py covers) and of Open311 at
/open311/v2 (without an api_key: reads, errors in GeoReport's format, and the 403 of a POST;
test_integration_open311.py creates requests). No 5xx, and every answer conforms to the document (status code listed, content type,
body schema, headers). Bounded: FUZZ_EXAMPLES per operation (default 10; about a minute per
backend), derandomized, without shrinking: failures are collected into one report."""
from __future__ import annotations

import itertools
import os

import hypothesis
import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance,
          response_schema_conformance, response_headers_conformance]
ROLES = ["fu.min", "he.fangya", "tu.su"]  # admin (county), town leader, village secretary
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "10"))
# Not the login: fuzzing it only guesses passwords (argon2, then the login rate limit).
SKIP = {"POST /auth/token"}


@pytest.mark.parametrize("base, roles", [("/api/v1", ROLES), ("/public/v1", []), ("/partner/v1", []),
                                         ("/open311/v2", [])])
def test_fuzz_every_operation(stack, login, base, roles):
    url = stack.config.base_url + base
    schema = schemathesis.openapi.from_url(f"{url}/openapi.json")
    tokens = itertools.cycle([login(name) for name in roles] or [{}])
    failures: list[str] = []
    operations = [result.ok() for result in schema.get_all_operations()]
    assert operations
    for operation in operations:
        label = f"{operation.method.upper()} {operation.path}"
        if label in SKIP:
            continue

        @given(case=operation.as_strategy())
        @hypothesis.settings(max_examples=EXAMPLES, deadline=None, database=None,
                             phases=[Phase.generate], derandomize=True,
                             suppress_health_check=list(HealthCheck))
        def fuzz(case):
            headers = next(tokens)
            response = case.call(base_url=url, headers=headers, timeout=15)
            try:
                case.validate_response(response, checks=CHECKS, headers=headers)
            except (Exception, BaseExceptionGroup) as error:  # collected: no shrinking, one report
                failures.append(f"{label}: {response.status_code} {str(error)[:600]}")

        try:
            fuzz()
        except Exception as error:  # e.g. a request schema nothing can satisfy
            failures.append(f"{label}: cannot generate requests: {str(error)[:300]}")
    assert not failures, f"{len(failures)} failures:\n" + "\n\n".join(failures)
