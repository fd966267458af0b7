"""The contract suite's own guarantees: it covers every (operation, status, example) triple,
its routes behave as documented, and corrupting any single example of a spec makes a case fail.
"""

from __future__ import annotations

import functools
import itertools
import os
import random
import shutil
from pathlib import Path
from typing import Any

import httpx
import pytest
import respx
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from orderbridge_sandbox import spec as specs
from tests._specs import read_yaml
from tests._support import cases

from . import spec_contract as sc

HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options")


def _raw_triples(broker: str) -> int:
    """(operation, status, example) triples counted straight from the YAML, independently of
    spec_contract's own reading of the spec."""
    doc = read_yaml(specs.specs_dir() / f"{broker}.yaml")

    def deref(node: Any) -> Any:
        while isinstance(node, dict) and "$ref" in node:
            target: Any = doc
            for part in node["$ref"][2:].split("/"):
                target = target[part.replace("~1", "/").replace("~0", "~")]
            node = target
        return node

    count = 0
    for item in doc["paths"].values():
        for method in HTTP_METHODS:
            for response in (item.get(method) or {}).get("responses", {}).values():
                for media in (deref(response).get("content") or {}).values():
                    count += len(media.get("examples") or {})
    return count


@pytest.mark.parametrize("broker", sc.BROKERS)
def test_one_case_per_operation_status_example(broker: str) -> None:
    cases = sc.response_cases([broker])
    assert len(cases) >= _raw_triples(broker) > 0
    assert len({case.id for case in cases}) == len(cases), "case ids must be unique"


def test_case_ids_name_spec_operation_status_and_example() -> None:
    ids = {case.id for case in sc.response_cases()}
    assert "sophic::place_order::201[buy_placed]" in ids
    assert "topstepx::place_order::200[rejected_bracket_mode]" in ids
    assert "sophic::place_order::request[buy]" in {case.id for case in sc.request_cases()}


@pytest.mark.parametrize("broker", sc.BROKERS)
def test_every_operation_has_its_generated_module(broker: str) -> None:
    for op in sc.operations(broker):
        module = sc.op_module(op)
        assert module.__name__ == f"{broker}_client.api.{sc.tag_module_name(op.tag)}.{op.operation_id}"
        for name in ("sync", "sync_detailed", "asyncio", "asyncio_detailed"):
            assert callable(getattr(module, name)), f"{op.id}: no {name}"


def test_route_answers_every_example_in_turn() -> None:
    op = sc.operation("sophic", "get_instrument")
    status = op.status("200")
    names = list(status.media[0].examples)
    assert len(names) > 1
    kwargs = sc.call_kwargs(op)
    with respx.mock(assert_all_called=True, assert_all_mocked=True) as router:
        route = sc.contract_route(router, op, "200")
        results = [sc.invoke(op, kwargs) for _ in names]
    assert route.call_count == len(names)
    for name, result in zip(names, results, strict=True):
        assert not sc.expected_parse_problems(
            op, status, status.media[0], status.media[0].examples[name], result.parsed
        )


def test_route_refuses_a_request_for_another_operation() -> None:
    """assert_all_mocked: a call the route does not describe is not answered."""
    op = sc.operation("topstepx", "place_order")
    with respx.mock(assert_all_called=False, assert_all_mocked=True) as router:
        sc.contract_route(router, op)
        with httpx.Client() as client, pytest.raises(respx.models.AllMockedAssertionError):
            client.post(specs.server_url("topstepx") + "/api/Order/cancel", json={})


def test_route_must_be_called() -> None:
    op = sc.operation("crosstrade", "place_order")
    with pytest.raises(AssertionError), respx.mock(assert_all_called=True) as router:
        sc.contract_route(router, op)


# -- corrupting an example makes a case fail ----------------------------------------------------


def _corruptions(case: Any) -> list[sc.Mutation]:
    """Ways to make one example invalid against its schema."""
    v = case.op.view
    if isinstance(case, sc.ResponseCase):
        named = sc.example_mutations(v, case.media, case.example_name)
        return [named[kind] for kind in ("missing-required", "wrong-type") if kind in named]
    found: list[sc.Mutation] = list(sc.mutations(v, case.media.schema_pointer, case.value, first_only=True))
    found += list(itertools.islice(sc.strict_enum_mutations(v, case.media.schema_pointer, case.value), 1))
    return found


def _run_with(case: Any, value: Any) -> None:
    if isinstance(case, sc.ResponseCase):
        sc.run_response_case(case, value=value)
    else:
        sc.run_request_case(case, value=value, asynchronous=False)


@functools.cache
def _all_examples() -> tuple[Any, ...]:
    """Every response and request example of the four specs, read once (at collection or by the
    first test that needs them, never at import)."""
    return (*sc.response_cases(), *sc.request_cases())


@functools.cache
def _corruptible() -> tuple[Any, ...]:
    return tuple(case for case in _all_examples() if _corruptions(case))


def test_every_example_can_be_corrupted() -> None:
    """The mutation checks below reach every example of the four specs."""
    corruptible = {case.id for case in _corruptible()}
    assert [case.id for case in _all_examples() if case.id not in corruptible] == []


def _expect_failure(case: Any, mutation: sc.Mutation) -> Exception:
    """Run ``case`` on the corrupted example; the case must fail (the same code path passes on
    the real example, so whatever it raises is the corruption being caught)."""
    try:
        _run_with(case, mutation.value)
    except Exception as exc:
        return exc
    pytest.fail(f"{case.id}: corrupting the example ({mutation.label}) did not make the case fail")


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=st.deferred(lambda: st.sampled_from(_corruptible())), pick=st.integers(min_value=0))
def test_any_corrupted_example_fails_its_case(case: Any, pick: int) -> None:
    """In memory, over all four specs: replace one example by a corruption of it and run its
    case. (ORDERBRIDGE_CONTRACT_EXHAUSTIVE=1 runs every example with every corruption kind.)"""
    corruptions = _corruptions(case)
    _expect_failure(case, corruptions[pick % len(corruptions)])


@pytest.mark.skipif(
    not os.environ.get("ORDERBRIDGE_CONTRACT_EXHAUSTIVE"), reason="set ORDERBRIDGE_CONTRACT_EXHAUSTIVE=1"
)
def test_every_corrupted_example_fails_its_case() -> None:
    for case in _corruptible():
        kinds: dict[str, sc.Mutation] = {}
        for mutation in _corruptions(case):
            kinds.setdefault(mutation.kind, mutation)
        for mutation in kinds.values():
            _expect_failure(case, mutation)


# ... and the same through a corrupted copy of the spec file on disk.


@pytest.fixture
def specs_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    target = tmp_path / "specs"
    target.mkdir()
    for broker in sc.BROKERS:
        shutil.copy(specs.specs_dir() / f"{broker}.yaml", target / f"{broker}.yaml")
    monkeypatch.setenv("ORDERBRIDGE_SPECS_DIR", str(target))
    sc.clear_caches()
    yield target
    sc.clear_caches()  # the next test reloads the real specs


def _disk_sample() -> list[Any]:
    """Per spec, one response example and one request example, drawn with a fixed seed."""
    params = []
    for broker in sc.BROKERS:
        rng = random.Random(f"orderbridge-{broker}")
        responses = [c for c in _corruptible() if isinstance(c, sc.ResponseCase) and c.op.broker == broker]
        requests = [c for c in _corruptible() if isinstance(c, sc.RequestCase) and c.op.broker == broker]
        for case in (rng.choice(responses), rng.choice(requests)):
            corruptions = _corruptions(case)
            mutation = corruptions[rng.randrange(len(corruptions))]
            params.append(pytest.param(case, mutation, id=f"{case.id}::{mutation.label}"))
    return params


def _find_case(case: Any) -> Any:
    """The same case, read again from the (swapped) specs."""
    pool = (
        sc.response_cases([case.op.broker]) if isinstance(case, sc.ResponseCase) else sc.request_cases([case.op.broker])
    )
    return next(c for c in pool if c.id == case.id)


def test_spec_copy_passes_unchanged(specs_copy: Path) -> None:
    for param in _disk_sample():
        _run_with(_find_case(param.values[0]), sc.MISSING)


@cases("case, mutation", _disk_sample)
def test_corrupted_spec_copy_fails_the_case(specs_copy: Path, case: Any, mutation: sc.Mutation) -> None:
    broker = case.op.broker
    path = specs_copy / f"{broker}.yaml"
    doc = read_yaml(path)
    pointer = sc.example_pointer(case.op.view, case.media, case.example_name)
    holder = doc
    for part in pointer.lstrip("/").split("/"):
        holder = holder[part.replace("~1", "/").replace("~0", "~")]
    holder["value"] = mutation.value
    path.write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True), encoding="utf-8")
    sc.clear_caches()

    reread = _find_case(case)
    assert not sc.diff(reread.value, mutation.value), "the corrupted copy was not the one loaded"
    _expect_failure(reread, mutation)
