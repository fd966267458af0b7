"""The sandbox's compiled request validators agree with openapi-core, an independent
implementation of the same OpenAPI 3.1 rules, on every spec example and on bad variants of it.

openapi-core stays the reference (the contract suite validates with it); the sandbox uses the
compiled validators because openapi-core re-resolves ``$ref``s on every request.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator

import httpx
import pytest

from orderbridge_sandbox import validators as validators_module
from orderbridge_sandbox.spec import BROKERS
from orderbridge_sandbox.validation import Problem, check_request, check_request_openapi_core

from ._sandbox_support import example_requests

BAD_VALUES: tuple[object, ...] = ("", "abc", "\u00ff", -1, 0, 1.5, 10**20, True, None, [], {}, [1], {"a": 1})


def _with(request: httpx.Request, **changes: object) -> httpx.Request:
    headers = dict(changes.pop("headers", request.headers))  # type: ignore[call-overload]
    url = changes.pop("url", request.url)
    content = changes.pop("content", request.content)
    return httpx.Request(request.method, url, headers=headers, content=content)  # type: ignore[arg-type]


def variants(request: httpx.Request) -> Iterator[tuple[str, httpx.Request]]:
    """The request itself and one-change-at-a-time bad versions of it."""
    yield "as is", request
    headers = {k: v for k, v in request.headers.items() if k.lower() != "authorization"}
    yield "no auth", _with(request, headers=headers)
    yield "basic auth", _with(request, headers={**headers, "Authorization": "Basic eDp5"})
    for name, value in request.url.params.multi_items():
        for bad in ("abc", "", "-1", "0", "02-30-2026", "x" * 300):
            yield f"query {name}={bad!r}", _with(request, url=request.url.copy_set_param(name, bad))
        del value
    for name in request.headers:
        if name.lower() in ("authorization", "content-type", "content-length", "host"):
            continue
        for bad in ("", "x" * 300, "2026-13-99"):
            yield f"header {name}={bad!r}", _with(request, headers={**request.headers, name: bad})
    if not request.content:
        return
    for raw in (b"\xff", b"{", b"", b"[]", b"null", b"{}", b'"x"'):
        yield f"body {raw!r}", _with(request, content=raw)
    yield "text/plain", _with(request, headers={**request.headers, "Content-Type": "text/plain"})
    try:
        body = json.loads(request.content)
    except ValueError:
        return
    if not isinstance(body, dict):
        return
    for key in body:
        rest = {k: v for k, v in body.items() if k != key}
        yield f"without {key}", _with(request, content=json.dumps(rest).encode())
        for wrong in BAD_VALUES:
            yield f"{key}={wrong!r}", _with(request, content=json.dumps({**body, key: wrong}).encode())
    yield "extra field", _with(request, content=json.dumps({**body, "unexpectedField": 1}).encode())


def _verdict(problem: Problem | None) -> str:
    return "valid" if problem is None else problem.kind


@pytest.mark.parametrize("broker", BROKERS)
def test_compiled_validators_agree_with_openapi_core(broker: str) -> None:
    compared, disagreements = 0, []
    for label, example in example_requests(broker, "t" * 24):
        for change, request in variants(example):
            ours = check_request(broker, request, f"/{broker}")
            reference = check_request_openapi_core(broker, request, f"/{broker}")
            compared += 1
            if _verdict(ours) != _verdict(reference):
                disagreements.append(f"{label} / {change}: ours {_verdict(ours)}, openapi-core {_verdict(reference)}")
    assert compared > 100
    assert not disagreements, "\n".join(disagreements[:40])


def test_a_body_that_is_not_utf8_is_a_media_type_problem_in_both() -> None:
    request = httpx.Request(
        "POST",
        "http://127.0.0.1/topstepx/api/Auth/loginKey",
        headers={"Content-Type": "application/json"},
        content=b"\xff",
    )
    assert _verdict(check_request("topstepx", request, "/topstepx")) == "media_type"
    assert _verdict(check_request_openapi_core("topstepx", request, "/topstepx")) == "media_type"


def test_a_parameter_style_the_compiler_does_not_implement_is_left_to_openapi_core() -> None:
    """A spec that starts using ``style: deepObject`` (or ``content``) on a parameter must not
    be validated by a guess: that operation falls back to openapi-core, the others stay compiled."""
    compiler = validators_module._Compiler("sophic")
    compiler.doc = copy.deepcopy(compiler.doc)
    template = "/accounts/{account_id}/orders"
    assert validators_module._compile_operation(compiler, template, "post") is not None
    params = compiler.doc["paths"][template]["post"]["parameters"]
    header = compiler.resolve(params[0])
    assert header["in"] == "header"
    params[0] = {k: v for k, v in header.items() if k != "schema"} | {"content": {"application/json": {}}}
    assert validators_module._compile_operation(compiler, template, "post") is None
    params[0] = header | {"style": "form"}
    assert validators_module._compile_operation(compiler, template, "post") is None


def test_an_operation_left_to_openapi_core_gets_openapi_core_s_verdicts(monkeypatch: pytest.MonkeyPatch) -> None:
    compiled = validators_module.validators("sophic")
    monkeypatch.setattr(validators_module, "validators", lambda broker: dict.fromkeys(compiled))
    compared = 0
    for label, example in example_requests("sophic", "t" * 24):
        for change, request in variants(example):
            ours = check_request("sophic", request, "/sophic")
            reference = check_request_openapi_core("sophic", request, "/sophic")
            assert _verdict(ours) == _verdict(reference), (label, change)
            compared += 1
    assert compared > 100
