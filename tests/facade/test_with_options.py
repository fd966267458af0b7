"""``Session.with_options`` / ``AsyncSession.with_options``: another timeout or deadline over the
same pool, token and journal (openai-python's ``with_options`` is the model), against the
in-process sandbox."""

from __future__ import annotations

import asyncio
from decimal import Decimal
from typing import Any

import httpx
import pytest

import orderbridge as ob
from orderbridge_sandbox import Sandbox

ACCOUNT = "465"
ORDER = ob.Order(instrument="CON.F.US.MES.Z25", side="buy", type="market", quantity=Decimal("1"))
CREDENTIALS = {"username": "demo", "api_key": "demo-api-key"}


class Seen:
    """A transport over the sandbox that remembers every request (path and timeout extension)."""

    def __init__(self) -> None:
        self.sandbox = Sandbox(sleep=lambda _s: None)
        self.requests: list[httpx.Request] = []
        self.transport = httpx.MockTransport(self.handle)

    def handle(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return self.sandbox.handle(request)

    def logins(self) -> int:
        return sum(1 for r in self.requests if r.url.path.endswith("/Auth/loginKey"))

    def last_timeouts(self) -> dict[str, float]:
        timeouts: dict[str, float] = self.requests[-1].extensions["timeout"]
        return timeouts


def _connect(seen: Seen, **options: Any) -> ob.Session:
    return ob.connect(
        "topstepx", base_url="http://127.0.0.1/topstepx", credentials=CREDENTIALS, transport=seen.transport, **options
    )


def test_with_options_shares_the_token_and_sends_with_the_new_timeout() -> None:
    seen = Seen()
    with _connect(seen, timeout=10) as session:
        session.place_order(ORDER, account=ACCOUNT)
        assert seen.logins() == 1
        assert set(seen.last_timeouts().values()) == {10.0}

        tight = session.with_options(timeout=2)
        tight.place_order(ORDER, account=ACCOUNT)
        assert seen.logins() == 1  # same token: no second login
        assert set(seen.last_timeouts().values()) == {2.0}

        session.place_order(ORDER, account=ACCOUNT)  # the original is unchanged
        assert set(seen.last_timeouts().values()) == {10.0}
        assert session.settings.timeout == 10 and tight.settings.timeout == 2


def test_a_tighter_deadline_caps_every_wait_of_the_call() -> None:
    seen = Seen()
    with _connect(seen, timeout=10, deadline=60) as session:
        fast = session.with_options(deadline=0.5)
        fast.open_orders(account=ACCOUNT)
        assert max(seen.last_timeouts().values()) <= 0.5
        assert fast.settings.deadline == 0.5 and session.settings.deadline == 60


def test_with_options_shares_the_journal_so_resolve_sees_placements_of_either() -> None:
    seen = Seen()
    with _connect(seen) as session:
        placed = session.with_options(timeout=3).place_order(ORDER, account=ACCOUNT)
        assert placed.client_order_id is not None
        found = session.resolve(placed.client_order_id, account=ACCOUNT)
        assert found is not None and found.order_id == placed.order_id


def test_closing_the_original_closes_the_shared_pool() -> None:
    seen = Seen()
    session = _connect(seen)
    derived = session.with_options(timeout=1)
    session.close()
    with pytest.raises(ob.OrderbridgeError):
        derived.place_order(ORDER, account=ACCOUNT)


@pytest.mark.parametrize("options", [{"timeout": 0}, {"timeout": 601}, {"deadline": -1}, {"timeout": True}])
def test_bad_options_are_a_configuration_error(options: dict[str, Any]) -> None:
    with _connect(Seen()) as session, pytest.raises(ob.ConfigurationError):
        session.with_options(**options)


def test_the_async_twin_shares_the_token_and_sends_with_the_new_timeout() -> None:
    seen = Seen()

    async def scenario() -> None:
        async with ob.connect_async(
            "topstepx", base_url="http://127.0.0.1/topstepx", credentials=CREDENTIALS, transport=seen.transport
        ) as session:
            await session.place_order(ORDER, account=ACCOUNT)
            tight = session.with_options(timeout=2, deadline=5)
            assert isinstance(tight, ob.AsyncSession)
            await tight.place_order(ORDER, account=ACCOUNT)
            assert seen.logins() == 1
            assert set(seen.last_timeouts().values()) == {2.0}

    asyncio.run(scenario())
