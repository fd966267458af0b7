"""One order to many accounts (``place_orders``) against the sandbox, with faults.

25 TopstepX accounts: five the broker does not know (refused), three whose answer is lost after
the sandbox recorded the order, three that time out after it recorded it, the rest clean.
Every result must be present, in order, honest about what the sandbox holds, and no order may
be placed twice. The network faults are made per account by a transport around the sandbox,
so which account meets which fault does not depend on the order the requests run in.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from decimal import Decimal

import httpx
import pytest

import orderbridge as ob
from orderbridge_sandbox import Sandbox

CREDENTIALS = {"username": "demo", "api_key": "demo-api-key"}
KNOWN = [str(1000 + n) for n in range(20)]
UNKNOWN = [str(8000 + n) for n in range(5)]
LOST = set(KNOWN[2:5])
TIMED_OUT = set(KNOWN[10:13])


def order(size: int) -> ob.Order:
    return ob.Order(instrument="CON.F.US.MES.Z25", side="buy", type="market", quantity=Decimal(size))


class Faulty(httpx.AsyncBaseTransport, httpx.BaseTransport):
    """The sandbox in process; for the accounts in ``lost`` / ``timed_out`` the sandbox runs the
    placement and then the answer never arrives (connection dropped / read timeout)."""

    def __init__(self, sandbox: Sandbox, lost: set[str], timed_out: set[str]) -> None:
        self.sandbox, self.lost, self.timed_out = sandbox, lost, timed_out

    def _fault(self, request: httpx.Request, response: httpx.Response) -> httpx.Response:
        if request.url.path.endswith("/Order/place"):
            account = str(httpx.Response(200, content=request.content).json()["accountId"])
            if account in self.lost:
                raise httpx.RemoteProtocolError("connection closed after the order was recorded", request=request)
            if account in self.timed_out:
                raise httpx.ReadTimeout("no answer in time", request=request)
        return response

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        return self._fault(request, self.sandbox.handle(request))

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return self._fault(request, await self.sandbox.handle_async(request))


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    """The wall clock: the facade's TopstepX resolve searches the last 7 days of real time."""
    box = Sandbox(strict=True)
    topstepx = box.broker("topstepx")
    for account in KNOWN:
        topstepx.accounts[int(account)] = {  # type: ignore[attr-defined]
            "id": int(account),
            "name": f"PRAC-V2-{account}",
            "balance": 50000,
            "canTrade": True,
            "isVisible": True,
            "simulated": True,
        }
    assert not {int(account) for account in UNKNOWN} & set(topstepx.accounts)  # type: ignore[attr-defined]
    yield box


def placements() -> list[tuple[str, ob.Order]]:
    accounts = [*KNOWN[:7], *UNKNOWN[:2], *KNOWN[7:15], *UNKNOWN[2:], *KNOWN[15:]]
    return [(account, order(1 + n % 3)) for n, account in enumerate(accounts)]


def check_honest(sandbox: Sandbox, wanted: list[tuple[str, ob.Order]], results: list[ob.PlacementResult]) -> None:
    assert len(results) == len(wanted) == 25
    recorded = sandbox.orders("topstepx")
    by_cid = {o.client_order_id: o for o in recorded}
    assert len(by_cid) == len(recorded), "a client order id was placed twice"
    assert len({o.account for o in recorded}) == len(recorded), "an account got two orders"
    kinds: dict[str, int] = {}
    for (account, sent), result in zip(wanted, results, strict=True):
        if isinstance(result, ob.PlacedOrder):
            kind = "placed"
            held = by_cid[result.client_order_id]
            assert (held.account, held.order_id, held.quantity) == (account, result.order_id, sent.quantity)
        elif isinstance(result, ob.OutcomeUnknown):
            kind = f"unknown:{result.origin}"
            assert account in LOST | TIMED_OUT
            assert by_cid[result.client_order_id].account == account  # it was recorded: never re-sent
        elif isinstance(result, ob.OrderRejected):
            kind = "rejected"
            assert account in UNKNOWN and result.code_name == "ACCOUNT_NOT_FOUND"
            assert all(o.account != account for o in recorded)
        else:
            raise AssertionError(f"{account}: unexpected {result!r}")
        kinds[kind] = kinds.get(kind, 0) + 1
    assert kinds == {"placed": 14, "rejected": 5, "unknown:connection_dropped": 3, "unknown:timeout": 3}
    assert len(recorded) == 20


def test_async_fan_out_is_honest_per_account(sandbox: Sandbox) -> None:
    wanted = placements()

    async def run() -> tuple[list[ob.PlacementResult], list[ob.PlacedOrder | None]]:
        async with ob.connect_async(
            "topstepx",
            base_url="http://127.0.0.1/topstepx",
            credentials=CREDENTIALS,
            transport=Faulty(sandbox, LOST, TIMED_OUT),
        ) as session:
            results = await session.place_orders(wanted, max_in_flight=6)
            unknown = [r for r in results if isinstance(r, ob.OutcomeUnknown)]
            found = [
                await session.resolve(str(u.client_order_id), account=_account(wanted, results, u)) for u in unknown
            ]
            return results, found

    results, found = asyncio.run(run())
    check_honest(sandbox, wanted, results)
    assert all(f is not None for f in found)  # every ambiguous placement is found by resolve
    assert len(sandbox.orders("topstepx")) == 20  # resolve placed nothing


def test_sync_fan_out_runs_in_turn_with_the_same_outcomes(sandbox: Sandbox) -> None:
    wanted = placements()
    with ob.connect(
        "topstepx",
        base_url="http://127.0.0.1/topstepx",
        credentials=CREDENTIALS,
        transport=Faulty(sandbox, LOST, TIMED_OUT),
    ) as session:
        results = session.place_orders(wanted)
    check_honest(sandbox, wanted, results)
    # In turn: the sandbox saw the placements in the order given.
    assert [o.account for o in sandbox.orders("topstepx")] == [a for a, _ in wanted if a not in UNKNOWN]


def test_each_placement_keeps_its_own_client_order_id(sandbox: Sandbox) -> None:
    mine = ob.Order(
        instrument="CON.F.US.MES.Z25", side="buy", type="market", quantity=Decimal(1), client_order_id="copy-1"
    )
    wanted: list[tuple[str, ob.Order]] = [(KNOWN[0], mine), (KNOWN[1], mine), (KNOWN[2], order(1))]
    with ob.connect(
        "topstepx", base_url="http://127.0.0.1/topstepx", credentials=CREDENTIALS, transport=sandbox.transport()
    ) as session:
        first, repeated, fresh = session.place_orders(wanted)
    assert isinstance(first, ob.PlacedOrder) and first.client_order_id == "copy-1"
    assert isinstance(repeated, ob.InvalidOrder) and repeated.field == "client_order_id"
    assert isinstance(fresh, ob.PlacedOrder) and fresh.client_order_id not in (None, "copy-1")
    assert [o.account for o in sandbox.orders("topstepx")] == [KNOWN[0], KNOWN[2]]


@pytest.mark.parametrize("bad", ["465", None, [("465", "not an order")]])
def test_malformed_placements(sandbox: Sandbox, bad: object) -> None:
    with ob.connect(
        "topstepx", base_url="http://127.0.0.1/topstepx", credentials=CREDENTIALS, transport=sandbox.transport()
    ) as session:
        if isinstance(bad, list):
            (result,) = session.place_orders(bad)
            assert isinstance(result, ob.InvalidOrder) and result.field == "placements"
        else:
            with pytest.raises(ob.InvalidOrder):
                session.place_orders(bad)  # type: ignore[arg-type]
    assert sandbox.orders("topstepx") == []


def _account(wanted: list[tuple[str, ob.Order]], results: list[ob.PlacementResult], error: ob.OutcomeUnknown) -> str:
    return wanted[results.index(error)][0]


def test_cli_places_in_each_account_and_exits_with_the_worst_outcome(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from orderbridge.cli import main
    from orderbridge_sandbox import start

    with start(port=0) as server:
        monkeypatch.setenv("ORDERBRIDGE_TOPSTEPX_BASE_URL", server.broker_url("topstepx"))
        monkeypatch.setenv("ORDERBRIDGE_TOPSTEPX_USERNAME", "demo")
        monkeypatch.setenv("ORDERBRIDGE_TOPSTEPX_API_KEY", "demo-api-key")
        common = ["--instrument", "CON.F.US.MES.Z25", "--side", "buy", "--quantity", "1"]
        clean = main(["place", "topstepx", "--account", "465", "--account", "704", *common])
        clean_lines = capsys.readouterr().out.splitlines()
        mixed = main(["place", "topstepx", "--account", "212", "--account", "9999", "--account", "536", *common])
        mixed_lines = capsys.readouterr().out.splitlines()
        held = server.sandbox.orders("topstepx")
    assert clean == 0 and [line.split()[:2] for line in clean_lines] == [
        ["account=465", "outcome=placed"],
        ["account=704", "outcome=placed"],
    ]
    assert mixed == 4  # EXIT_REJECTED: the worst of placed, rejected, placed
    assert [line.split()[:2] for line in mixed_lines] == [
        ["account=212", "outcome=placed"],
        ["account=9999", "outcome=rejected"],
        ["account=536", "outcome=placed"],
    ]
    assert sorted(o.account for o in held) == ["212", "465", "536", "704"]
