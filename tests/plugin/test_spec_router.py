"""The ``spec_router`` fixture and ``SpecRouter``: requests checked against the spec (failing
with the operation and the JSON path), answers documented or validated, ``assert_all_called``."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
import respx
import yaml
from respx.models import AllMockedAssertionError

from orderbridge_sandbox.spec import specs_dir
from orderbridge_sandbox.testing import (
    RequestContractError,
    ResponseContractError,
    SpecRouter,
    answers,
    error_answers,
    spec_versions,
)

from ._run import run_pytest

PLACE = "https://api.topstepx.com/api/Order/place"
BODY = {"accountId": 465, "contractId": "CON.F.US.MES.Z25", "type": 2, "side": 0, "size": 1}
AUTH = {"Authorization": "Bearer t"}
Factory = Callable[..., SpecRouter]


def test_a_valid_request_gets_the_documented_example(spec_router: Factory) -> None:
    router = spec_router("topstepx")
    stub = router.answer("place_order", "rejected_trail_not_aligned")
    answer = httpx.post(PLACE, json=BODY, headers=AUTH)
    assert answer.json()["errorMessage"] == "Invalid trail price. Price is not aligned to tick size."
    assert stub.call_count == 1 and router.calls("place_order")[0].request.url == PLACE


def test_a_field_the_spec_does_not_allow_names_operation_and_path() -> None:
    with respx.mock(assert_all_called=False) as mock:
        router = SpecRouter("topstepx", mock)
        router.answer("place_order")
        with pytest.raises(RequestContractError) as info:
            httpx.post(PLACE, json={**BODY, "reduceOnly": True}, headers=AUTH)
    assert info.value.where == "topstepx::place_order::request"
    assert "'reduceOnly' was unexpected" in str(info.value)
    assert router.violations == [info.value]
    assert router.problems()[0] == str(info.value)  # the first error first, then the unused stub


def test_a_wrong_type_names_the_json_path() -> None:
    with respx.mock(assert_all_called=False) as mock:
        router = SpecRouter("topstepx", mock)
        router.answer("place_order")
        with pytest.raises(RequestContractError, match="at size: 'one' is not of type 'integer'"):
            httpx.post(PLACE, json={**BODY, "size": "one"}, headers=AUTH)


def test_a_missing_token_and_an_unknown_path_are_refused() -> None:
    with respx.mock(assert_all_called=False) as mock:
        router = SpecRouter("topstepx", mock, token="t")
        router.answer("place_order")
        with pytest.raises(RequestContractError, match="Bearer t"):
            httpx.post(PLACE, json=BODY, headers={"Authorization": "Bearer other"})
        with pytest.raises(RequestContractError, match="no operation of the topstepx spec is POST /api/Order/launch"):
            httpx.post("https://api.topstepx.com/api/Order/launch", json=BODY, headers=AUTH)
        with pytest.raises(RequestContractError, match="gave no answer"):
            httpx.post("https://api.topstepx.com/api/Order/cancel", json={"accountId": 465, "orderId": 1}, headers=AUTH)
    assert len(router.violations) == 3


def test_a_base_url_with_a_path_prefix(spec_router: Factory) -> None:
    router = spec_router("sophic", base_url="http://127.0.0.1:9/sophic")
    router.answer("list_instruments")
    answer = httpx.get("http://127.0.0.1:9/sophic/instruments", headers={**AUTH, "Api-Version": "2026-01-01"})
    assert answer.status_code == 200 and router.calls()[0].operation == "list_instruments"


def test_successive_examples_cycle(spec_router: Factory) -> None:
    router = spec_router("topstepx")
    router.answer("place_order", ["success", "outside_trading_hours"])
    first, second = (httpx.post(PLACE, json=BODY, headers=AUTH).json()["success"] for _ in range(2))
    assert (first, second) == (True, False)


def test_an_answer_the_vendor_could_never_send_cannot_be_stubbed(spec_router: Factory) -> None:
    router = spec_router("topstepx", assert_all_called=False)
    with pytest.raises(ResponseContractError, match=r"could never send.*orderId"):
        router.answer("place_order", status=200, json={"orderId": "9056", "success": True, "errorCode": 0})
    with pytest.raises(KeyError, match="documents no status 201"):
        router.answer("place_order", status=201, json={})
    with pytest.raises(KeyError, match=r"documents no example 'acepted'.*200\[success\]"):
        router.answer("place_order", "acepted")


def test_a_given_body_that_fits_is_answered(spec_router: Factory) -> None:
    router = spec_router("topstepx")
    router.answer(
        "place_order", status=200, json={"orderId": 77, "success": True, "errorCode": 0, "errorMessage": None}
    )
    assert httpx.post(PLACE, json=BODY, headers=AUTH).json()["orderId"] == 77


def test_other_hosts_are_not_let_through(spec_router: Factory) -> None:
    spec_router("topstepx")
    with pytest.raises(AllMockedAssertionError):
        httpx.get("https://example.invalid/")


def write_test(folder: Path, body: str) -> Path:
    (folder / "test_user.py").write_text(textwrap.dedent(body), encoding="utf-8")
    return folder


def test_a_swallowed_violation_still_fails_the_test(tmp_path: Path) -> None:
    result = run_pytest(
        write_test(
            tmp_path,
            """
            import httpx

            def test_user(spec_router):
                spec_router("topstepx").answer("place_order")
                try:
                    httpx.post("https://api.topstepx.com/api/Order/place", json={"accountId": 1, "extra": 1},
                               headers={"Authorization": "Bearer t"})
                except Exception:
                    pass  # the code under test hides it
            """,
        )
    )
    assert result.returncode == 1, result.stdout
    assert "topstepx::place_order::request" in result.stdout
    assert "'extra' was unexpected" in result.stdout


def test_assert_all_called_fails_an_unused_stub(tmp_path: Path) -> None:
    result = run_pytest(
        write_test(
            tmp_path,
            """
            def test_user(spec_router):
                spec_router("crosstrade").answer("place_order")
            """,
        )
    )
    assert result.returncode == 1
    assert "crosstrade: stubbed but never called: place_order" in result.stdout


def test_without_respx_only_spec_router_fails(tmp_path: Path) -> None:
    """A sandbox installed without the [pytest] extra: pytest works, the router says what to install."""
    (tmp_path / "conftest.py").write_text("import sys\nsys.modules['respx'] = None\n", encoding="utf-8")
    result = run_pytest(
        write_test(
            tmp_path,
            """
            def test_sandbox(broker_sandbox):
                assert broker_sandbox.orders("topstepx") == []

            def test_router(spec_router):
                pass
            """,
        )
    )
    assert result.returncode == 1
    assert "1 passed" in result.stdout and "1 error" in result.stdout
    assert "pip install 'orderbridge-sandbox[pytest]'" in result.stdout


def test_the_header_names_each_spec_version(tmp_path: Path) -> None:
    result = run_pytest(write_test(tmp_path, "def test_nothing():\n    pass\n"), "-v")
    for name in ("topstepx", "crosstrade", "tradestation", "sophic"):
        version = yaml.safe_load((specs_dir() / f"{name}.yaml").read_text(encoding="utf-8"))["info"]["version"]
        assert f"{name} {version} (" in result.stdout
    assert f"specs {specs_dir()}" in result.stdout
    assert all(v.version != "?" and len(v.sha256) == 64 for v in spec_versions())


@pytest.mark.parametrize("broker", ["topstepx", "crosstrade", "tradestation", "sophic"])
def test_error_answers_are_the_refusals_of_the_table(broker: str) -> None:
    table = answers(broker, "place_order")
    errors = error_answers(broker, "place_order")
    assert {c.id for c in errors} >= {c.id for c in table if c.status_code >= 300}
    assert all(c.status_code >= 300 or c.value != c.op.success.media[0].examples.get("success") for c in errors)
    successes = {c.id for c in table} - {c.id for c in errors}
    assert successes and all(c.status_code < 300 for c in table if c.id in successes)


def test_business_refusals_under_200_are_errors() -> None:
    ids = {c.id for c in error_answers("topstepx", "place_order")}
    assert "topstepx::place_order::200[outside_trading_hours]" in ids
    assert "topstepx::place_order::200[success]" not in ids
    assert "tradestation::place_order::200[failed_after_hours]" in {
        c.id for c in error_answers("tradestation", "place_order")
    }
    with pytest.raises(KeyError, match="no operation"):
        answers("topstepx", "launch_rocket")
