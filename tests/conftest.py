"""Fixtures for every test: client-side rate budgets are counted only where a test asks.

Budgets are shared per credential across the process, and every test uses the same demo
credentials, often with hundreds of requests per test (property tests) and throttle answers
that drain a budget. So a session given no ``rate_limit`` keeps none here, and the counters
start empty in each test; the tests about budgets pass ``rate_limit=...`` explicitly (an
``ob.RateLimit()`` keeps the broker's documented budget), or use :func:`implicit_budgets`.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

import orderbridge as ob
from orderbridge.testing import default_rate_limit, reset_budgets


@pytest.fixture(autouse=True)
def _budgets_only_when_asked() -> Iterator[None]:
    reset_budgets()
    with default_rate_limit(None):
        yield
    reset_budgets()


@pytest.fixture
def implicit_budgets() -> Iterator[None]:
    """Sessions given no ``rate_limit`` keep the broker's documented budget, as for users."""
    with default_rate_limit(ob.RateLimit()):
        yield


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "cases(argnames, source): parametrize with source(), called at collection instead of at import "
        "(the cases are read from specs or payload files; no test does I/O at import time)",
    )


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """``@cases("case", source)`` (:func:`tests._support.cases`): ``metafunc.parametrize("case",
    source())`` while collecting, so a module whose cases come from files reads none on import."""
    for marker in metafunc.definition.iter_markers("cases"):
        argnames, source = marker.args
        assert callable(source), "cases(argnames, source): source is called at collection"
        metafunc.parametrize(argnames, list(source()), **marker.kwargs)
