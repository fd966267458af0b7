"""CrossTrade's WebSocket RPC, answered from the same state and rules as the REST routes.

Each RPC message becomes the equivalent REST request and goes through
:meth:`Sandbox.process <orderbridge_sandbox.Sandbox.process>`, so authentication, spec
validation, handlers and faults (``crosstrade:place_order:drop_after_record``,
``crosstrade:place_order:latency=2``...) are shared; only the envelope differs (CrossTrade docs, WebSocket API;
``specs/crosstrade.asyncapi.yaml``)::

    -> {"action": "rpc", "id": "r1", "api": "PlaceOrder", "args": {"account": "Sim101", ...}}
    <- {"id": "r1", "data": {"orderId": "...", "success": true}}

``args`` carries the path parameters (``account``, ``orderId``, ``strategyId``), the query
parameters (GET calls) and the body fields. The reply's ``data`` is the REST body, errors
included (``{"error": ...}`` / ``{"success": false, ...}``); no HTTP status travels with it.
WebSocket examples spell enum values ``Buy``/``Market``/``Gtc``, so ``action``, ``orderType``
and ``timeInForce`` are upper-cased before validation. Other actions: ``ping`` answers
``{"type": "pong"}``; ``subscribe`` answers one ``marketData`` snapshot of the instruments;
``unsubscribe`` and ``streamPnl`` are accepted silently.

:class:`RpcEndpoint` is the socket-free core (usable in-process); the generic
:mod:`orderbridge_sandbox.websocket` serves it on the loopback server's own port.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping
from typing import Any
from urllib.parse import quote

import httpx

from ...routes import table
from ...wire import Call, dumps
from ..base import Host

BROKER = "crosstrade"
STREAM_PATH = "/ws/stream"
"""Where, under the broker's prefix, the loopback server accepts the upgrade
(``wss://app.crosstrade.io/ws/stream``)."""

RPC_OPERATIONS: Mapping[str, str] = {
    "PlaceOrder": "place_order",
    "FlatPlace": "flat_place_order",
    "GetOrder": "get_order",
    "Cancel": "cancel_order",
    "Change": "change_order",
    "CancelOrders": "cancel_orders",
    "ClosePosition": "close_position",
    "Reverse": "reverse_position",
    "Flatten": "flatten_positions",
    "FlattenEverything": "flatten_everything",
    "GetPosition": "get_position",
    "GetAllPositions": "list_all_positions",
    "GetQuote": "get_quote",
    "CloseStrategy": "close_strategy",
}
"""RPC ``api`` name -> spec ``operationId`` (names confirmed by the endpoint pages, seeds
001/004 for ``PlaceOrder``/``FlatPlace``; ``GetOrder`` is the orderbridge reading)."""

CASE_FOLDED = ("action", "orderType", "timeInForce")


@dataclasses.dataclass(frozen=True)
class RpcAnswer:
    """What to do with one client message.

    Attributes:
        messages: JSON texts to send back, in order (empty: nothing to answer).
        delay: seconds to wait before sending them (a latency fault).
        drop: close the connection without answering (a drop fault).
        kind: the spec ``operationId`` an RPC ran as, else the action (``ping``,
            ``subscribe``...) or ``invalid``.
    """

    kind: str
    messages: tuple[str, ...] = ()
    delay: float = 0.0
    drop: bool = False


class RpcEndpoint:
    """The WebSocket API of one :class:`Sandbox`, without sockets.

    ``answer(text, authorization)`` takes one client message and the ``Authorization`` header
    of the upgrade, and says what to send back (:class:`RpcAnswer`).
    """

    def __init__(self, sandbox: Host, origin: str = "http://127.0.0.1") -> None:
        self.sandbox = sandbox
        self.origin = origin.rstrip("/")

    def authorized(self, authorization: str | None) -> bool:
        """Whether the upgrade's ``Authorization`` header carries a valid secret key."""
        headers = {"Authorization": authorization} if authorization else {}
        call = Call(BROKER, "stream", httpx.Request("GET", f"{self.origin}/{BROKER}{STREAM_PATH}", headers=headers), {})
        token = call.bearer()
        return token is not None and self.sandbox.broker(BROKER).auth_failure(call, token) is None

    def answer(self, text: str | bytes, authorization: str | None) -> RpcAnswer:
        """Answer one CrossTrade WebSocket RPC frame (JSON ``{action, args, id}``, as in
        specs/crosstrade.asyncapi.yaml) with the reply frame the REST twin of that action gives."""
        try:
            message = json.loads(text)
        except ValueError:
            return _error_answer(None, "invalid_message", "message is not JSON")
        if not isinstance(message, dict):
            return _error_answer(None, "invalid_message", "message is not a JSON object")
        action = message.get("action")
        if action == "rpc":
            return self._rpc(message, authorization)
        if action == "ping":
            return RpcAnswer("ping", (_event("pong"),))
        if action == "subscribe":
            return self._subscribe(message, authorization)
        if action in ("unsubscribe", "streamPnl"):
            return RpcAnswer(action)
        return RpcAnswer(
            "invalid", (_event("error", error="unknown_action", detail=f"action {action!r} is not supported"),)
        )

    # -- actions ----------------------------------------------------------------------------------
    def _rpc(self, message: dict[str, Any], authorization: str | None) -> RpcAnswer:
        rid = message.get("id")
        if not isinstance(rid, (str, int)) or isinstance(rid, bool):
            return _error_answer(None, "invalid_message", "rpc needs an id (string or integer)")
        api, args = message.get("api"), message.get("args", {})
        operation = RPC_OPERATIONS.get(api) if isinstance(api, str) else None
        if operation is None:
            return _error_answer(rid, "unknown_api", f"api {api!r} is not one of {', '.join(RPC_OPERATIONS)}")
        if not isinstance(args, dict):
            return _error_answer(rid, "Invalid request", "args must be an object")
        request = self.request_for(operation, args, authorization)
        if request is None:
            return _error_answer(rid, "Invalid request", f"{api} needs its path parameters in args")
        outcome = self.sandbox.process(request)
        if outcome.response is None:
            return RpcAnswer(operation, delay=outcome.delay, drop=True)
        reply = '{"id":' + json.dumps(rid) + ',"data":' + outcome.response.content.decode() + "}"
        return RpcAnswer(operation, (reply,), delay=outcome.delay)

    def _subscribe(self, message: dict[str, Any], authorization: str | None) -> RpcAnswer:
        instruments = message.get("instruments")
        if not isinstance(instruments, list) or not instruments or not all(isinstance(i, str) for i in instruments):
            return RpcAnswer(
                "subscribe", (_event("error", error="Invalid request", detail="instruments must be a list of strings"),)
            )
        request = self.request_for("get_quote", {"instrument": ",".join(instruments)}, authorization)
        assert request is not None
        outcome = self.sandbox.process(request)
        if outcome.response is None:
            return RpcAnswer("subscribe", delay=outcome.delay, drop=True)
        body = json.loads(outcome.response.content)
        if outcome.response.status_code != 200:
            return RpcAnswer("subscribe", (_event("error", **body),), delay=outcome.delay)
        quotes = body if isinstance(body, list) else [body]
        return RpcAnswer("subscribe", (_event("marketData", quotes=quotes),), delay=outcome.delay)

    # -- RPC -> REST ------------------------------------------------------------------------------
    def request_for(self, operation: str, args: Mapping[str, Any], authorization: str | None) -> httpx.Request | None:
        """The REST request equivalent to an RPC: path parameters from ``args``, the rest as the
        query (GET) or the JSON body. None when a path parameter is missing."""
        route = next(r for r in table(BROKER).routes if r.operation == operation)
        rest = {k: (v.upper() if k in CASE_FOLDED and isinstance(v, str) else v) for k, v in args.items()}
        path = route.template
        for name in _path_names(route.template):
            value = rest.pop(name, None)
            if not isinstance(value, (str, int)) or isinstance(value, bool) or value == "":
                return None
            path = path.replace("{" + name + "}", quote(str(value), safe=""))
        headers = {"Authorization": authorization} if authorization else {}
        url = f"{self.origin}/{BROKER}{path}"
        if route.method == "GET":
            query = {k: _query_value(v) for k, v in rest.items()}
            return httpx.Request("GET", url, params=query, headers=headers)
        headers["Content-Type"] = "application/json"
        return httpx.Request(route.method, url, content=dumps(rest).encode(), headers=headers)


def _path_names(template: str) -> list[str]:
    return [part[1:-1] for part in template.split("/") if part.startswith("{") and part.endswith("}")]


def _query_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _event(kind: str, **fields: Any) -> str:
    return dumps({"type": kind, **fields})


def _error_answer(rid: str | int | None, error: str, detail: str) -> RpcAnswer:
    data = {"success": False, "error": error, "detail": detail}
    return RpcAnswer("invalid", (dumps({"id": rid, "data": data}),))
