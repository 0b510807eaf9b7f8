"""Schemathesis: every operation of the API, with inputs generated from its own OpenAPI spec,
answers a documented status with a body matching the documented schema, never a 5xx, and
rejects the inputs the spec rules out.

The operations are walked by hand (one Hypothesis run each) rather than through
`schemathesis.pytest.from_fixture`, whose lazy loader breaks on pytest 9 (Function._nodeid).
"""
from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import positive_data_acceptance

from quiquoi.api.app import create_app

from test_api import sample_db

EXAMPLES = {GenerationMode.POSITIVE: 25, GenerationMode.NEGATIVE: 10}


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory, coder):
    app = create_app(sample_db(tmp_path_factory, coder), coder=coder, code_max_chars=2000,
                     code_per_minute=6000, code_burst=200)
    return schemathesis.openapi.from_asgi("/openapi.json", app)


def operations(schema):
    ops = [result.ok() for result in schema.get_all_operations()]
    assert len(ops) >= 13, [op.label for op in ops]
    return ops


@pytest.mark.parametrize("mode", list(EXAMPLES), ids=lambda m: m.value)
def test_api_conforms_to_its_spec(api_schema, mode):
    seen = {}
    ops = operations(api_schema)
    if mode is GenerationMode.NEGATIVE:
        # an operation without inputs has no invalid request to make
        ops = [op for op in ops if op.definition.raw.get("parameters") or op.definition.raw.get("requestBody")]
    for op in ops:
        @given(case=op.as_strategy(generation_mode=mode))
        @settings(max_examples=EXAMPLES[mode], deadline=None, database=None, suppress_health_check=list(HealthCheck))
        def check(case):
            # Left out: positive_data_acceptance. The spec cannot say which actor codes a store
            # holds, nor that `since` must precede `until`, so a well-formed request may rightly
            # get 422.
            response = case.call_and_validate(excluded_checks=[positive_data_acceptance])
            seen.setdefault(op.label, set()).add(response.status_code)

        check()
    # every operation was exercised, and the read operations did answer 200 to some input
    assert len(seen) == len(ops)
    if mode is GenerationMode.POSITIVE:
        assert all(200 in seen[label] for label in ("GET /api/events", "GET /api/stats", "GET /api/network")), seen
