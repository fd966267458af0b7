"""Section 6 — auth amortisation: logins per N orders in one session.

The session places N orders against the in-process sandbox (which issues tokens with their
real lifetimes and refuses expired or unknown ones), through a transport that counts the token
requests actually sent. ``session.logins`` is the facade's own count (a static-token broker
such as CrossTrade counts its one token grant but sends no request).
"""

from __future__ import annotations

from typing import Any

import httpx

from ._common import BROKERS, CASES, new_order, new_session

AUTH_PATHS = {
    "topstepx": ("/topstepx/api/Auth/loginKey", "/topstepx/api/Auth/validate"),
    "crosstrade": (),
    "tradestation": ("/tradestation/v2/security/authorize",),
    "sophic": ("/sophic/auth/token",),
}


def _measure_broker(broker: str, orders: int) -> dict[str, Any]:
    from orderbridge_sandbox import Sandbox

    sandbox = Sandbox()
    counts = {"auth_requests": 0, "requests": 0}

    def handler(request: httpx.Request) -> httpx.Response:
        counts["requests"] += 1
        if request.url.path in AUTH_PATHS[broker]:
            counts["auth_requests"] += 1
        return sandbox.handle(request)

    order = new_order(broker)
    account = CASES[broker].account
    with new_session(broker, f"http://127.0.0.1/{broker}", transport=httpx.MockTransport(handler)) as session:
        placed = [session.place_order(order, account=account) for _ in range(orders)]
        logins = session.logins
    return {
        "orders": orders,
        "accepted": sum(1 for p in placed if p.order_id),
        "recorded_by_sandbox": len(sandbox.orders(broker)),
        "session_logins": logins,
        "auth_requests_sent": counts["auth_requests"],
        "requests_sent": counts["requests"],
    }


def measure(*, orders: int) -> dict[str, Any]:
    return {broker: _measure_broker(broker, orders) for broker in BROKERS}
