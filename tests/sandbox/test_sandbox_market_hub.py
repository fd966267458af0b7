"""The sandbox's TopstepX market hub at ``/topstepx/hubs/market``, heard by pysignalr over
loopback: ``SubscribeContractQuotes(contractId)`` is answered by a ``GatewayQuote`` with two
arguments (contract id, quote) at the contract's reference price (the price a market order
fills at), bid and ask one tick either side; an unknown contract or method is refused by the
invocation's completion; the stream faults act on quotes as on user events."""

from __future__ import annotations

import asyncio
import json
from decimal import Decimal
from typing import Any

from orderbridge_sandbox import SandboxServer
from orderbridge_sandbox.brokers.topstepx.seeds import CONTRACTS

from .test_sandbox_hub import WAIT, login, place_market, server  # noqa: F401  (the loopback sandbox)

WANTED = ("CON.F.US.MES.Z25", "CON.F.US.ENQ.U25")
SEEDED = {row[0]: (row[5], Decimal(row[3]), Decimal(row[6])) for row in CONTRACTS}
"""contract id -> (symbol id, tick size, reference price), from the sandbox's seed table."""


def test_pysignalr_subscribes_to_quotes_at_the_sandbox_prices(server: SandboxServer) -> None:  # noqa: F811
    from pysignalr.client import SignalRClient

    token = login(server)
    url = f"{server.broker_url('topstepx')}/hubs/market?access_token={token}"

    async def session() -> list[list[Any]]:
        client = SignalRClient(url, retry_count=1)
        quotes: list[list[Any]] = []
        both = asyncio.Event()

        async def on_open() -> None:
            for contract in WANTED:
                await client.send("SubscribeContractQuotes", [contract])  # type: ignore[list-item]

        async def on_quote(arguments: list[Any]) -> None:
            quotes.append(arguments)
            if len(quotes) == len(WANTED):
                both.set()

        client.on_open(on_open)
        client.on("GatewayQuote", on_quote)
        task = asyncio.create_task(client.run())
        try:
            await asyncio.wait_for(both.wait(), WAIT)
        finally:
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)
        return quotes

    quotes = asyncio.run(session())
    assert sorted(q[0] for q in quotes) == sorted(WANTED)
    for contract, quote in quotes:
        symbol, tick, price = SEEDED[contract]
        assert quote["symbol"] == symbol
        assert Decimal(str(quote["lastPrice"])) == price
        assert (Decimal(str(quote["bestBid"])), Decimal(str(quote["bestAsk"]))) == (price - tick, price + tick)
    # The quote is the price a market order fills at.
    fill = place_fill_price(server, token)
    assert fill == SEEDED["CON.F.US.MES.Z25"][2]


def place_fill_price(server: SandboxServer, token: str) -> Decimal:  # noqa: F811
    import httpx

    place_market(server, token)
    answer = httpx.post(
        f"{server.broker_url('topstepx')}/api/Trade/search",
        json={"accountId": 465, "startTimestamp": "2000-01-01T00:00:00Z"},
        headers={"Authorization": f"Bearer {token}"},
    )
    return Decimal(str(answer.json()["trades"][-1]["price"]))


def test_unknown_contracts_and_methods_are_refused_and_faults_apply(server: SandboxServer) -> None:  # noqa: F811
    from websockets.sync.client import connect

    token = login(server)
    base = server.broker_url("topstepx").replace("http://", "ws://")
    server.sandbox.add_fault("topstepx:GatewayQuote:event_loss:1")

    def call(ws: Any, target: str, argument: str, invocation: str, expect: int = 1) -> list[dict[str, Any]]:
        ws.send(json.dumps({"type": 1, "target": target, "arguments": [argument], "invocationId": invocation}) + "\x1e")
        records: list[dict[str, Any]] = []
        while len(records) < expect:
            records += [json.loads(r) for r in str(ws.recv(timeout=WAIT)).split("\x1e") if r]
        return records

    with connect(f"{base}/hubs/market?access_token={token}") as ws:
        ws.send('{"protocol":"json","version":1}\x1e')
        ws.recv(timeout=WAIT)
        (refused,) = call(ws, "SubscribeContractQuotes", "CON.F.US.NOPE.Z25", "1")
        assert refused["type"] == 3 and "error" in refused
        (unknown,) = call(ws, "SubscribeContractDepth", "CON.F.US.MES.Z25", "2")
        assert "Unknown hub method" in unknown["error"]
        (lost,) = call(ws, "SubscribeContractQuotes", "CON.F.US.MES.Z25", "3")  # event_loss: completion only
        assert lost == {"type": 3, "invocationId": "3", "result": None}
        # The next record after the lost quote is the completion of the next call, not that quote.
        completion, quote = call(ws, "SubscribeContractQuotes", "CON.F.US.EP.Z25", "4", expect=2)
        assert completion["invocationId"] == "4" and "error" not in completion
        assert quote["target"] == "GatewayQuote" and quote["arguments"][0] == "CON.F.US.EP.Z25"
