"""Every documented answer of an operation, for ``pytest.mark.parametrize``.

The table is the one ``orderbridge``'s own contract tests run: one
:class:`~orderbridge_sandbox.testing.specmodel.ResponseCase` per (operation, status, example)
of the bundled spec. :func:`error_answers` keeps the refusals (every non-2xx status, plus the
2xx bodies a broker uses to refuse: TopstepX ``success: false``, TradeStation
``OrderStatus: "Failed"``), so a test can walk its error handling over everything the vendor
documents::

    @pytest.mark.parametrize("answer", error_params("topstepx", "place_order"))
    def test_refusals_never_place_the_stop(spec_router, answer): ...
"""

from __future__ import annotations

from typing import Any

from .specmodel import BROKERS, ResponseCase, operation, response_cases


def answers(broker: str, operation_id: str | None = None) -> list[ResponseCase]:
    """Every documented answer of ``broker``'s spec (of one operation when ``operation_id`` is
    given), in document order.

    Args:
        broker: ``"topstepx"``, ``"crosstrade"``, ``"tradestation"`` or ``"sophic"``.
        operation_id: the spec's ``operationId`` (snake_case, e.g. ``"place_order"``).

    Returns:
        :class:`ResponseCase` objects: ``.status_code``, ``.media.content_type``,
        ``.example_name``, ``.value`` (the body as JSON or text), ``.is_error``, ``.id``.

    Raises:
        KeyError: unknown broker or operation (the message names it).
    """
    if broker not in BROKERS:
        raise KeyError(f"unknown broker {broker!r}; one of {', '.join(BROKERS)}")
    if operation_id is None:
        return response_cases([broker])
    op = operation(broker, operation_id)
    return [case for case in response_cases([broker]) if case.op is op]


def error_answers(broker: str, operation_id: str) -> list[ResponseCase]:
    """The documented refusals of one operation (see :attr:`ResponseCase.is_error`).

    Raises:
        KeyError: unknown broker or operation.
        LookupError: the operation documents no refusal at all.
    """
    found = [case for case in answers(broker, operation_id) if case.is_error]
    if not found:
        raise LookupError(f"{broker}::{operation_id} documents no error answer")
    return found


def error_params(broker: str, operation_id: str) -> list[Any]:
    """:func:`error_answers` as ``pytest.param`` objects whose ids read ``401[empty_body]``.

    Raises:
        KeyError, LookupError: as :func:`error_answers`.
    """
    import pytest

    return [pytest.param(case, id=f"{case.status.code}[{case.label}]") for case in error_answers(broker, operation_id)]
