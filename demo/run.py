"""The main job end to end: orders through ``orderbridge`` against the sandbox, over real HTTP.

Starts ``orderbridge-sandbox`` on a free loopback port, points the facade at it with the
documented demo credentials, and runs each seed's documented flow, one definitive rejection
and one ambiguous outcome settled with ``resolve``; then the rest of an order's life per broker:
modify a resting limit order, read positions, fills and balances, close part of a position and
flatten the account (the kill switch); then live events: a fill heard on TopstepX's user hub,
the stream dropped by the sandbox (``stream_drop``), reported as ``Gap`` and repaired
(``Resynced``). Prints a table (broker, step, outcome,
order id, latency) and exits non-zero when any step does not behave as expected.

Run with ``nox -s demo`` (or ``python demo/run.py`` with the packages installed).
"""

from __future__ import annotations

import asyncio
import importlib.util
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import attrs
import httpx
from topstepx_client import AuthenticatedClient, Client
from topstepx_client.api.account import search_accounts
from topstepx_client.api.auth import login_key
from topstepx_client.api.contract import available_contracts
from topstepx_client.models import (
    ListAvailableContractRequest,
    ListAvailableContractResponse,
    LoginApiKeyRequest,
    LoginResponse,
    SearchAccountRequest,
    SearchAccountResponse,
)

import orderbridge as ob
from orderbridge_sandbox import Sandbox, start

CREDENTIALS = {
    "topstepx": {"username": "demo", "api_key": "demo-api-key"},
    "crosstrade": {"token": "demo-token"},
    "tradestation": {"client_id": "demo-client", "client_secret": "demo-secret", "refresh_token": "demo-refresh"},
    "sophic": {"client_id": "demo-client", "client_secret": "demo-secret"},
}


@dataclass
class Row:
    broker: str
    step: str
    outcome: str
    order_id: str
    latency_ms: float
    ok: bool


class Demo:
    def __init__(self, urls: dict[str, str]) -> None:
        self.urls = urls
        self.rows: list[Row] = []

    def connect(self, broker: str, **options: Any) -> ob.Session:
        return ob.connect(broker, base_url=self.urls[broker], credentials=CREDENTIALS[broker], **options)

    def step(
        self,
        broker: str,
        step: str,
        expect: type,
        action: Callable[[], Any],
        check: Callable[[Any], bool] = lambda result: True,
    ) -> Any:
        """Run ``action``; record its outcome and whether it is the expected type (and passes
        ``check``)."""
        started = time.perf_counter()
        try:
            result: Any = action()
        except ob.OrderbridgeError as error:
            result = error
        elapsed = (time.perf_counter() - started) * 1000
        outcome = type(result).__name__
        if isinstance(result, ob.OrderRejected):
            outcome += f" {result.code_name}"
        elif isinstance(result, ob.OutcomeUnknown):
            outcome += f" ({result.origin})"
        elif isinstance(result, ob.BrokerOrder):
            # The normalized status, the broker's own word beside it, and what the order is.
            outcome += f" {result.status} ({result.broker_status or '-'})"
            if result.limit_price is not None:
                outcome += f" limit={result.limit_price}"
        elif isinstance(result, ob.PlacedOrder) and result.status:
            outcome += f" {result.status}"
        elif isinstance(result, ob.AccountSnapshot):
            outcome += (
                f" {len(result.open_orders)} orders, {len(result.positions)} positions, {len(result.fills)} fills, "
                + ("complete" if result.complete else "missing " + ",".join(m.part for m in result.missing))
            )
        elif isinstance(result, list):
            outcome = f"{len(result)} " + (type(result[0]).__name__ if result else "items")
        elif isinstance(result, ob.FlattenReport):
            done = sum(1 for item in result.items if item.status is ob.ItemStatus.DONE)
            outcome += f" {done}/{len(result.items)} done" + (" (emulated)" if result.emulated else "")
        elif isinstance(result, ob.Balance):
            outcome += f" cash={result.cash} {result.currency or ''}".rstrip()
        order_id = getattr(result, "order_id", None) or ""
        ok = isinstance(result, expect) and check(result)
        self.rows.append(Row(broker, step, outcome, str(order_id), elapsed, ok))
        return result

    # -- orders that travel together (issue 21) -------------------------------------------------------
    def groups(self, sandbox: Sandbox) -> None:
        """A TopstepX bracket (exits sent when the entry fills), a fan-out to three accounts, and a
        call that waits for the rate budget instead of meeting a 429."""
        topstepx: Any = sandbox.broker("topstepx")
        topstepx.set_bracket_mode(704, "auto_oco")
        entry = ob.Order(instrument="CON.F.US.MES.Z25", side="buy", type="limit", quantity=1, limit_price="6300.00")
        with self.connect("topstepx") as session:
            bracket = self.step(
                "topstepx",
                "bracket: entry 6300, TP 6310, SL 6295",
                ob.BracketResult,
                lambda: session.place_bracket(
                    entry, account="704", take_profit=Decimal("6310.00"), stop_loss=Decimal("6295.00")
                ),
                lambda result: result.accepted,
            )
            if isinstance(bracket, ob.BracketResult) and bracket.entry.order_id:
                sandbox.fill("topstepx", bracket.entry.order_id, price=Decimal("6300.00"))
                self.step(
                    "topstepx",
                    "entry filled: both exits working",
                    list,
                    lambda: session.open_orders(account="704"),
                    lambda orders: len(orders) == 2,
                )
            market = ob.Order(instrument="CON.F.US.MES.Z25", side="buy", quantity=1)
            self.step(
                "topstepx",
                "fan-out: one order to 465, 212, 536",
                list,
                lambda: session.place_orders([(a, market) for a in ("465", "212", "536")]),
                lambda results: all(isinstance(r, ob.PlacedOrder) for r in results),
            )
        budget = ob.Budget(windows={"requests": ob.Window(2, 1)}, default="requests")
        mes = ob.Order(instrument="MES 12-25", side="buy", quantity=1)
        with self.connect("crosstrade", rate_limit=budget) as session:
            for n in (1, 2):
                self.step(
                    "crosstrade",
                    f"budget 2 per 1 s: order {n}",
                    ob.PlacedOrder,
                    lambda: session.place_order(mes, account="Sim101"),
                )
            started = time.perf_counter()  # the third order waits for the first to leave the window
            self.step(
                "crosstrade",
                "budget 2 per 1 s: order 3 waits its turn",
                ob.PlacedOrder,
                lambda: session.place_order(mes, account="Sim101"),
                lambda _: time.perf_counter() - started >= 0.5,
            )

    def lifecycle(self, broker: str, account: str, instrument: str, price: str, new_price: str) -> None:
        """The rest of an order's life: modify, positions and fills, partial close, flatten."""
        caps = ob.capabilities(broker)
        emulate_close = caps.support("close_position") is ob.Support.EMULATED
        emulate_flatten = caps.support("flatten") is ob.Support.EMULATED
        limit = ob.Order(instrument=instrument, side="buy", type="limit", quantity=1, limit_price=price)
        with self.connect(broker) as session:
            self.step(
                broker,
                "flatten to start clean",
                ob.FlattenReport,
                lambda: session.flatten(account=account, emulate=emulate_flatten),
                lambda report: report.complete,
            )
            self.step(
                broker,
                f"market buy 2 {instrument}",
                ob.PlacedOrder,
                lambda: session.place_order(ob.Order(instrument=instrument, side="buy", quantity=2), account=account),
            )
            resting = self.step(
                broker, f"limit buy 1 @ {price}", ob.PlacedOrder, lambda: session.place_order(limit, account=account)
            )
            if isinstance(resting, ob.PlacedOrder):
                self.step(
                    broker,
                    "get_order: normalized status",
                    ob.BrokerOrder,
                    lambda: session.get_order(resting.order_id, account=account),
                    lambda order: order.status is ob.OrderStatus.OPEN,
                )
                changed = self.step(
                    broker,
                    f"modify limit -> {new_price}",
                    ob.BrokerOrder,
                    lambda: session.modify_order(resting.order_id, account=account, limit_price=new_price),
                )
                if isinstance(changed, ob.BrokerOrder):
                    self.step(
                        broker,
                        "read back" + (" (new id)" if changed.order_id != resting.order_id else ""),
                        ob.BrokerOrder,
                        lambda: session.get_order(changed.order_id, account=account),
                        lambda order: order.limit_price == Decimal(new_price),
                    )
            # Start-up / recovery picture: TradeStation v2 has no fills call, so it says so.
            self.step(
                broker,
                "snapshot",
                ob.AccountSnapshot,
                lambda: session.snapshot(account=account),
                lambda snap: snap.complete is (caps.support("fills") is not ob.Support.NO),
            )
            self.step(broker, "open_orders", list, lambda: session.open_orders(account=account), lambda r: len(r) == 1)
            self.step(
                broker,
                "positions",
                list,
                lambda: session.positions(account=account),
                lambda r: [p.quantity for p in r if p.instrument == instrument] == [Decimal(2)],
            )
            if caps.support("fills") is ob.Support.NO:
                self.step(broker, "fills (not documented)", ob.NotSupported, lambda: session.fills(account=account))
            else:
                self.step(broker, "fills", list, lambda: session.fills(account=account), lambda r: len(r) >= 1)
            self.step(broker, "balances", ob.Balance, lambda: session.balances(account=account))
            self.step(
                broker,
                "close 1 of the position" + (" (emulated)" if emulate_close else ""),
                type(None),
                lambda: session.close_position(instrument, account=account, quantity=1, emulate=emulate_close),
            )
            self.step(
                broker,
                "flatten (kill switch)",
                ob.FlattenReport,
                lambda: session.flatten(account=account, emulate=emulate_flatten),
                lambda report: report.complete,
            )
            self.step(
                broker,
                "positions after flatten",
                list,
                lambda: session.positions(account=account),
                lambda r: r == [],
            )

    # -- the flows ----------------------------------------------------------------------------
    def topstepx(self) -> None:
        """Seed 000: search accounts -> available contracts -> market sell 1 (typed SDK + facade)."""
        anonymous = Client(base_url=self.urls["topstepx"], timeout=httpx.Timeout(10))
        login = login_key.sync(client=anonymous, body=LoginApiKeyRequest(user_name="demo", api_key="demo-api-key"))
        token = login.token if isinstance(login, LoginResponse) and isinstance(login.token, str) else "missing"
        sdk = AuthenticatedClient(base_url=self.urls["topstepx"], token=token, timeout=httpx.Timeout(10))

        def accounts_of() -> Any:
            found = search_accounts.sync(client=sdk, body=SearchAccountRequest(only_active_accounts=True))
            return found.accounts if isinstance(found, SearchAccountResponse) else found

        def contracts_of() -> Any:
            found = available_contracts.sync(client=sdk, body=ListAvailableContractRequest(live=True))
            return found.contracts if isinstance(found, ListAvailableContractResponse) else found

        accounts = self.step("topstepx", "Account/search (typed SDK)", list, accounts_of)
        contracts = self.step("topstepx", "Contract/available (typed SDK)", list, contracts_of)
        account = str(accounts[0].id) if isinstance(accounts, list) and accounts else "1"
        contract = contracts[0].id if isinstance(contracts, list) and contracts else "CON.F.US.BP6.U25"
        order = ob.Order(instrument=contract, side="sell", type="market", quantity=Decimal("1"))
        with self.connect("topstepx") as broker:
            placed = self.step(
                "topstepx",
                f"market sell 1 {contract}",
                ob.PlacedOrder,
                lambda: broker.place_order(order, account=account),
            )
            if isinstance(placed, ob.PlacedOrder):
                again = attrs.evolve(order, client_order_id=placed.client_order_id)
                self.step(
                    "topstepx",
                    "same customTag again (definitive rejection)",
                    ob.OrderRejected,
                    lambda: broker.place_order(again, account=account),
                )

    def crosstrade(self, sandbox: Sandbox) -> None:
        """Seeds 001 and 004: market buy of MES 12-25 on Sim101, then a flat-place."""
        buy = ob.Order(instrument="MES 12-25", side="buy", type="market", quantity=1, time_in_force="day")
        with self.connect("crosstrade") as broker:
            self.step(
                "crosstrade",
                "orders/place market buy 1 MES 12-25",
                ob.PlacedOrder,
                lambda: broker.place_order(buy, account="Sim101"),
            )
            flat = attrs.evolve(buy, client_order_id=None, flatten_first=True)
            self.step(
                "crosstrade",
                "orders/flatplace market buy 1",
                ob.PlacedOrder,
                lambda: broker.place_order(flat, account="Sim101"),
            )
            # An ambiguous outcome on purpose: the sandbox records the order, then drops the
            # connection. The facade must not claim success or failure; resolve settles it.
            sandbox.add_fault("crosstrade:place_order:drop_after_record:1")
            lost = ob.Order(instrument="ES 12-25", side="buy", quantity=1, client_order_id=ob.new_client_order_id())
            self.step(
                "crosstrade",
                "place, connection dropped after record",
                ob.OutcomeUnknown,
                lambda: broker.place_order(lost, account="Sim101"),
            )
            assert lost.client_order_id is not None
            cid = lost.client_order_id
            self.step(
                "crosstrade",
                "resolve(client_order_id) finds it",
                ob.PlacedOrder,
                lambda: broker.resolve(cid, account="Sim101"),
            )
        # The same call over CrossTrade's WebSocket RPC: same adapter, same outcome rules.
        with self.connect("crosstrade", transport="websocket") as ws:
            over_ws = attrs.evolve(buy, client_order_id=None)
            self.step(
                "crosstrade",
                "PlaceOrder over the WebSocket RPC",
                ob.PlacedOrder,
                lambda: ws.place_order(over_ws, account="Sim101"),
            )

    def tradestation(self) -> None:
        """Seed 002's own order (APIVersion 20150101) and an official v2 (20160101) order."""
        seed = ob.Order(
            instrument="JP:8698-TS",
            side="buy",
            type="limit",
            quantity=5,
            limit_price="0.14",
            extras={
                "Route": "Intelligent",
                "FundSource": "Cash",
                "TaxationMethod": "Calculated",
                "LotSelectionStrategy": "FirstInFirstOut",
                "Condition": "Basic",
            },
        )
        with self.connect("tradestation", api_version="20150101") as broker:
            self.step(
                "tradestation",
                "seed order, APIVersion 20150101",
                ob.PlacedOrder,
                lambda: broker.place_order(seed, account="281994"),
            )
        v2 = ob.Order(
            instrument="MSFT",
            side="buy",
            type="limit",
            quantity=10,
            limit_price="412.50",
            time_in_force="gtc",
            extras={"Route": "Intelligent"},
        )
        with self.connect("tradestation") as broker:
            self.step(
                "tradestation",
                "limit buy 10 MSFT, APIVersion 20160101",
                ob.PlacedOrder,
                lambda: broker.place_order(v2, account="281994"),
            )

    def sophic(self) -> None:
        """Seed 003: a cash buy of 100.00, read until settled, then a unit sell."""
        with self.connect("sophic") as broker:
            buy = ob.Order(instrument="ins_xyz789", side="buy", cash_amount="100.00")
            placed = self.step(
                "sophic",
                "cash buy 100.00 ins_xyz789",
                ob.PlacedOrder,
                lambda: broker.place_order(buy, account="acc_abc123"),
            )
            if not isinstance(placed, ob.PlacedOrder):
                return
            state: Any = None
            for _ in range(10):
                state = self.step(
                    "sophic",
                    "get_order",
                    ob.BrokerOrder,
                    lambda: broker.get_order(placed.order_id, account="acc_abc123"),
                )
                if not isinstance(state, ob.BrokerOrder) or state.broker_status == "settled":
                    break
            if not isinstance(state, ob.BrokerOrder) or state.broker_status != "settled":
                self.rows.append(Row("sophic", "reached settled", str(getattr(state, "status", state)), "", 0, False))
                return
            units = state.filled_quantity or Decimal("1")
            sell = ob.Order(instrument="ins_xyz789", side="sell", quantity=units)
            self.step(
                "sophic", f"unit sell {units}", ob.PlacedOrder, lambda: broker.place_order(sell, account="acc_abc123")
            )
            self.step("sophic", "positions (holdings)", list, lambda: broker.positions(account="acc_abc123"))
            self.step("sophic", "fills (trades of the orders)", list, lambda: broker.fills(account="acc_abc123"), bool)
            self.step("sophic", "cash balances", ob.Balance, lambda: broker.balances(account="acc_abc123"))

    # -- live events (issue 20) -----------------------------------------------------------------------
    def events(self, sandbox: Sandbox) -> None:
        """Place, hear the fill pushed by the TopstepX user hub, drop the stream, see ``Gap`` then
        ``Resynced`` with the lost fill delivered once (source ``resync``)."""
        if importlib.util.find_spec("pysignalr") is None:
            self.rows.append(Row("topstepx", "live events: needs orderbridge[websocket]", "skipped", "", 0, True))
            return
        market = ob.Order(instrument="CON.F.US.MES.Z25", side="buy", quantity=1)

        async def until(stream: Any, kind: type, seen: list[ob.Event]) -> ob.Event:
            async def wait() -> ob.Event:
                event: ob.Event
                async for event in stream:
                    seen.append(event)
                    if isinstance(event, kind):
                        return event
                raise RuntimeError("the stream ended")

            return await asyncio.wait_for(wait(), 15)

        async def story() -> None:
            url = self.urls["topstepx"]
            seen: list[ob.Event] = []
            async with (
                ob.connect_async("topstepx", base_url=url, credentials=CREDENTIALS["topstepx"]) as broker,
                broker.events(accounts=["465"], push=True) as stream,
            ):
                started = time.perf_counter()
                first = await until(stream, ob.Resynced, seen)
                self._event_row("events: first picture, then Resynced", first, ob.Resynced, started)
                placed = await broker.place_order(market, account="465")
                started = time.perf_counter()
                fill = await until(stream, ob.FillEvent, seen)
                self._event_row(f"events: fill of {placed.order_id} pushed", fill, ob.FillEvent, started)
                sandbox.add_fault("topstepx:*:stream_drop:1")  # the next push cuts the hub connection
                lost = await broker.place_order(market, account="465")
                started = time.perf_counter()
                gap = await until(stream, ob.Gap, seen)
                self._event_row("events: stream_drop, then Gap", gap, ob.Gap, started)
                resynced = await until(stream, ob.Resynced, seen)
                self._event_row("events: repaired by REST, Resynced", resynced, ob.Resynced, started)
                repaired = [e for e in seen if isinstance(e, ob.FillEvent) and e.fill.order_id == lost.order_id]
                fill_ids = [e.fill.fill_id for e in seen if isinstance(e, ob.FillEvent)]
                ok = (
                    len(repaired) == 1
                    and repaired[0].source is ob.Source.RESYNC
                    and len(fill_ids) == len(set(fill_ids))
                )
                outcome = f"lost fill delivered {len(repaired)}x (source {repaired[0].source if repaired else '-'})"
                self.rows.append(
                    Row("topstepx", "events: nothing missed, nothing twice", outcome, lost.order_id, 0, ok)
                )

        try:
            asyncio.run(story())
        except (ob.OrderbridgeError, TimeoutError, RuntimeError) as error:
            self.rows.append(Row("topstepx", "live events", f"{type(error).__name__}: {error}", "", 0, False))

    def _event_row(self, label: str, event: ob.Event, kind: type, started: float) -> None:
        outcome = f"{type(event).__name__} seq={event.seq} source={event.source}"
        if isinstance(event, ob.Gap):
            outcome += f" ({event.reason})"
        order_id = event.fill.order_id if isinstance(event, ob.FillEvent) else ""
        elapsed = (time.perf_counter() - started) * 1000
        self.rows.append(Row("topstepx", label, outcome, order_id, elapsed, isinstance(event, kind)))

    def print_table(self) -> None:
        headers = ("broker", "step", "outcome", "order id", "ms", "")
        cells = [
            (r.broker, r.step, r.outcome, r.order_id, f"{r.latency_ms:.1f}", "ok" if r.ok else "UNEXPECTED")
            for r in self.rows
        ]
        widths = [max(len(h), *(len(c[i]) for c in cells)) for i, h in enumerate(headers)]
        print("  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)))
        print("  ".join("-" * w for w in widths))
        for c in cells:
            print("  ".join(v.ljust(w) for v, w in zip(c, widths, strict=True)))


def main() -> int:
    sandbox = Sandbox(strict=True)
    with start(sandbox, port=0) as server:
        print(f"orderbridge-sandbox on {server.url}\n")
        demo = Demo({b: server.broker_url(b) for b in ob.BROKERS})
        demo.topstepx()
        demo.crosstrade(sandbox)
        demo.tradestation()
        demo.sophic()
        demo.lifecycle("topstepx", "465", "CON.F.US.MES.Z25", "5000.25", "5001.50")
        demo.lifecycle("crosstrade", "Sim101", "MES 12-25", "5000.25", "5001.50")
        demo.lifecycle("tradestation", "123456", "MSFT", "200.25", "201.50")
        demo.groups(sandbox)
        demo.events(sandbox)
    demo.print_table()
    bad = [r for r in demo.rows if not r.ok]
    print(f"\n{len(demo.rows) - len(bad)}/{len(demo.rows)} steps behaved as expected")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
