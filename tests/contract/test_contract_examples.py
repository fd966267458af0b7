"""Generated contract cases: one per (operation, status, example) and one per request example.

Every case calls the generated client with a request built from the spec's examples against the
public plugin's ``SpecRouter``, which validates the request against the spec and answers with the example; the
parsed result must be the declared model type with the example's values. Adding an operation or
an example to a spec adds cases here without new test code.
"""

from __future__ import annotations

import pytest

from orderbridge_sandbox.testing import answers
from tests._support import cases

from . import spec_contract as sc


def _response_cases() -> list[object]:
    """The plugin's public table of documented answers (the one users parametrize over)."""
    return [pytest.param(c, id=c.id) for broker in sc.BROKERS for c in answers(broker)]


def _request_cases() -> list[object]:
    return [pytest.param(c, id=c.id) for c in sc.request_cases()]


@cases("case", _response_cases)
def test_response_example(case: sc.ResponseCase) -> None:
    sc.run_response_case(case)


@cases("case", _request_cases)
def test_request_example(case: sc.RequestCase) -> None:
    sc.run_request_case(case)
