"""schemathesis against the running gateway's /api/v1/openapi.json: schema-valid requests for every
operation, sent with real tokens of three roles in turn. No 5xx, and every answer conforms to the
document (status code listed, content type, body schema, headers). Bounded: FUZZ_EXAMPLES per
operation (default 4), so the whole run stays within a few minutes in CI."""
from __future__ import annotations

import itertools
import os

import hypothesis
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
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "4"))
# The login itself is fuzzed in tests/security/test_rate_limits.py's stack-free sibling: a fuzzer
# guessing passwords would only measure the login rate limit and argon2.
SKIP = {"POST /auth/token"}


def test_fuzz_every_operation(stack, login):
    schema = schemathesis.openapi.from_url(f"{stack.config.base_url}/api/v1/openapi.json")
    tokens = itertools.cycle([login(name) for name in ROLES])
    failures: list[str] = []
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) > 100
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
            response = case.call(base_url=f"{stack.config.base_url}/api/v1", headers=headers,
                                 timeout=15)
            try:
                case.validate_response(response, checks=CHECKS, headers=headers)
            except (Exception, BaseExceptionGroup) as error:  # collected: no shrinking, one report
                failures.append(f"{label}: {response.status_code} {str(error)[:600]}")

        try:
            fuzz()
        except Exception as error:  # e.g. a request schema nothing can satisfy
            failures.append(f"{label}: cannot generate requests: {str(error)[:300]}")
    assert not failures, f"{len(failures)} failures:\n" + "\n\n".join(failures)
