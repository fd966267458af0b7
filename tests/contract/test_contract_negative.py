"""Negative contract cases, derived from the specs like the positive ones.

Responses (for every operation and documented JSON status, from its first example that admits the
corruption):

* a required field removed and a field given a value of the wrong JSON type must raise
  :class:`ResponseContractError` from ``parse_strict``, naming the field (the generated
  ``from_dict`` does not type-check scalars, so only the spec validation catches the second);
* an unknown value of an open response enum must validate and parse, the value kept as sent.

Requests (for every operation, sent as they are to the operation's contract route): a body
missing a required field, a body field of the wrong type, a value a strict request enum does not
list, a body under an undeclared content type, a missing required parameter, a query or header
parameter its schema refuses (``Api-Version`` pattern, ``Idempotency-Key`` length, enums,
date-times, numbers) and a missing bearer token must each be refused with
:class:`RequestContractError` naming the field or parameter.
"""

from __future__ import annotations

import functools
from typing import Any

import pytest

from tests._support import cases

from . import spec_contract as sc

RESPONSE_KINDS = ("missing-required", "wrong-type", "unknown-enum")


@functools.cache
def _response_negatives() -> list[Any]:
    """One case per (operation, JSON status, corruption kind), read from the specs at collection
    (cached: the tests below go over the same list)."""
    params = []
    for broker in sc.BROKERS:
        for op in sc.operations(broker):
            for status in op.statuses:
                media = status.media[0]
                if not media.is_json:
                    continue
                for kind in RESPONSE_KINDS:
                    for name in media.examples:
                        mutation = sc.example_mutations(op.view, media, name).get(kind)
                        if mutation is not None:
                            case_id = f"{op.id}::{status.code}[{name}]::{mutation.label}"
                            params.append(pytest.param(op, status, media, mutation, id=case_id))
                            break
    return params


@cases("op, status, media, mutation", _response_negatives)
def test_broken_response(op: sc.Operation, status: sc.Status, media: sc.Media, mutation: sc.Mutation) -> None:
    request = sc.sample_request(op)
    response = sc.example_response(op, status, media, mutation.value)
    if mutation.kind == "unknown-enum":
        parsed = sc.parse_strict(op, request, response)
        assert sc.get_at(sc.to_json(parsed), mutation.path) == mutation.replacement
        return
    with pytest.raises(sc.ResponseContractError) as info:
        sc.parse_strict(op, request, response)
    message = str(info.value)
    assert f"{op.id}::{status.code}" in message
    assert mutation.field in message, message
    if mutation.kind == "missing-required":
        # The generated parser alone is not silent either: it raises a KeyError naming the
        # field (or a TypeError once every variant of a union has failed).
        with pytest.raises((KeyError, TypeError)):
            sc.op_module(op).parse_response(client=sc.make_client(op), response=response)


def test_every_kind_of_broken_response_is_exercised() -> None:
    kinds = {param.values[3].kind for param in _response_negatives()}
    brokers = {param.values[0].broker for param in _response_negatives()}
    assert kinds == set(RESPONSE_KINDS)
    assert brokers == set(sc.BROKERS)


def test_generated_parsers_alone_accept_wrong_scalar_types() -> None:
    """Why ``parse_strict`` exists: for every spec there is a wrong-typed response field the
    generated ``from_dict`` accepts without a word; the spec validation names it."""
    silent: dict[str, str] = {}
    for param in _response_negatives():
        op, status, media, mutation = param.values
        if mutation.kind != "wrong-type" or op.broker in silent:
            continue
        response = sc.example_response(op, status, media, mutation.value)
        try:
            sc.op_module(op).parse_response(client=sc.make_client(op), response=response)
        except (KeyError, TypeError, ValueError, AttributeError):
            continue
        with pytest.raises(sc.ResponseContractError, match=str(mutation.field)):
            sc.parse_strict(op, sc.sample_request(op), response)
        silent[op.broker] = param.id
    assert set(silent) == set(sc.BROKERS), silent


# -- requests -----------------------------------------------------------------------------------


def _request_negatives() -> list[Any]:
    params = []
    for broker in sc.BROKERS:
        for op in sc.operations(broker):
            if op.security:
                params.append(pytest.param(op, "missing-auth", None, id=f"{op.id}::request::missing-auth"))
            for param in op.params:
                if param.location not in ("query", "header"):
                    continue
                if param.required:
                    case_id = f"{op.id}::request::missing-{param.location}@{param.name}"
                    params.append(pytest.param(op, f"missing-{param.location}", param.name, id=case_id))
                bad_value = sc.invalid_param_value(op, param)
                if bad_value is not None:
                    case_id = f"{op.id}::request::invalid-{param.location}@{param.name}"
                    params.append(pytest.param(op, f"invalid-{param.location}", (param.name, bad_value), id=case_id))
            if not op.body:
                continue
            params.append(pytest.param(op, "wrong-content-type", None, id=f"{op.id}::request::wrong-content-type"))
            # For each kind of corruption, the first request example that admits it.
            found: dict[str, tuple[str, sc.Mutation]] = {}
            for media, name, value in op.request_examples:
                for mutation in sc.mutations(op.view, media.schema_pointer, value, first_only=True):
                    if mutation.kind == "wrong-type" and not media.is_json:
                        continue  # a form field is text whatever its schema says
                    found.setdefault(mutation.kind, (name, mutation))
                for mutation in sc.strict_enum_mutations(op.view, media.schema_pointer, value):
                    found.setdefault(mutation.kind, (name, mutation))
            for kind, (name, mutation) in found.items():
                params.append(pytest.param(op, kind, mutation, id=f"{op.id}::request[{name}]::{mutation.label}"))
    return params


@cases("op, kind, detail", _request_negatives)
def test_broken_request_is_refused_by_the_route(op: sc.Operation, kind: str, detail: Any) -> None:
    good = sc.valid_request(op)
    if kind == "missing-auth":
        bad = sc.rebuild(good, drop_headers=["authorization"])
    elif kind == "missing-query":
        bad = sc.rebuild(good, drop_query=[detail])
    elif kind == "missing-header":
        bad = sc.rebuild(good, drop_headers=[detail])
    elif kind == "invalid-query":
        bad = sc.rebuild(good, set_query={detail[0]: detail[1]})
    elif kind == "invalid-header":
        bad = sc.rebuild(good, set_headers={detail[0]: detail[1]})
    elif kind == "wrong-content-type":
        bad = sc.rebuild(good, content_type="text/plain")
    else:
        bad = sc.rebuild(good, body=detail.value)
    with pytest.raises(sc.RequestContractError) as info:
        sc.send_raw(op, bad)
    assert info.value.where == f"{op.id}::request"
    if isinstance(detail, sc.Mutation):
        assert detail.field in str(info.value)
    if kind in ("missing-query", "missing-header", "invalid-query", "invalid-header"):
        name = detail if isinstance(detail, str) else detail[0]
        assert name.lower() in str(info.value).lower()
