"""Property-based contract tests for the order-placement bodies of the four specs.

Bodies are generated from the request schemas (:mod:`schema_strategies`); for each one the
generated model must round-trip it (``from_dict`` -> ``to_dict`` gives the same JSON, and again
through ``to_dict`` -> ``from_dict``), and what the model emits, sent by the generated client,
must pass the contract route's validation against the spec. A union body (TradeStation's
``OrderRequest | GlobalOrderRequest``) is one target per variant.
"""

from __future__ import annotations

import typing
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests._support import cases

from . import schema_strategies as ss
from . import spec_contract as sc

ORDER_PLACEMENT = [
    ("topstepx", "place_order"),
    ("crosstrade", "place_order"),
    ("crosstrade", "flat_place_order"),
    ("tradestation", "place_order"),
    ("sophic", "place_order"),
]


def _targets() -> list[Any]:
    """One target per order-placement body shape, read from the specs at collection."""
    params = []
    for broker, operation_id in ORDER_PLACEMENT:
        op = sc.operation(broker, operation_id)
        media = next(m for m in op.body if m.is_json)
        schema = media.schema
        variants = schema.get("oneOf") or schema.get("anyOf")
        shapes = (
            [
                (v, f"{media.schema_pointer}/{'oneOf' if 'oneOf' in schema else 'anyOf'}/{i}")
                for i, v in enumerate(variants)
            ]
            if variants
            else [(schema, media.schema_pointer)]
        )
        for shape, pointer in shapes:
            component = shape["$ref"].rsplit("/", 1)[-1]
            params.append(pytest.param(op, component, pointer, id=f"{op.id}::body[{component}]"))
    return params


def test_every_order_placement_body_shape_is_covered() -> None:
    ids = {param.id for param in _targets()}
    assert "tradestation::place_order::body[OrderRequest]" in ids
    assert "tradestation::place_order::body[GlobalOrderRequest]" in ids
    assert len(ids) == 6


@cases("op, component, pointer", _targets)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(data=st.data())
def test_generated_body_round_trips_and_validates(
    op: sc.Operation, component: str, pointer: str, data: st.DataObject
) -> None:
    body = data.draw(ss.body_strategy(op.view, pointer), label="body")
    cls = sc.model_class(op.broker, component)
    assert cls is not None, f"no generated model {component}"

    model = typing.cast(Any, cls).from_dict(body)
    emitted = model.to_dict()
    assert not sc.diff(emitted, body), sc.diff(emitted, body)
    again = typing.cast(Any, cls).from_dict(emitted)
    assert again == model
    assert not sc.diff(again.to_dict(), emitted)

    # What the model emits goes out through the generated client and must satisfy the spec.
    status = op.success
    exchange = sc.exchange(op, status, status.media[0], next(iter(status.media[0].examples)), body=model)
    assert not sc.diff(sc.sent_body(exchange.request), body)


@cases("op, component, pointer", _targets)
def test_every_request_example_is_in_the_strategy_domain(op: sc.Operation, component: str, pointer: str) -> None:
    """The strategies aim at the same set the examples live in: each spec example of this body
    shape validates against the shape's schema (so a generated body is comparable to one)."""
    examples = [value for _media, _name, value in op.request_examples if op.view.is_valid(pointer, value)]
    assert examples, f"{op.id}: no request example of shape {component}"
