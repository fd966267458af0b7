"""TopstepX's hubs: the SignalR JSON hub protocol at ``/topstepx/hubs/user`` and
``/topstepx/hubs/market``.

What the gateway does (ProjectX Gateway API docs, "Real Time Data Overview"): a SignalR hub
reached over WebSockets with the session token as ``?access_token=``; the client invokes
``SubscribeAccounts()``, ``SubscribeOrders(accountId)``, ``SubscribePositions(accountId)``,
``SubscribeTrades(accountId)`` (and the matching ``Unsubscribe*``), and the server sends
``GatewayUserAccount``, ``GatewayUserOrder``, ``GatewayUserPosition`` and ``GatewayUserTrade``
with one argument whose payload mirrors the REST model (the rows of ``/api/Account/search``,
``/api/Order/search``, ``/api/Position/searchOpen`` and ``/api/Trade/search``). Subscriptions
belong to one connection: a client that reconnects must subscribe again.

The protocol (ASP.NET Core SignalR, "Hub Protocol" and "Transport Protocols" specifications):
JSON records each ended by the record separator ``0x1E``; a handshake
``{"protocol": "json", "version": 1}`` answered by ``{}``; invocations (type 1) answered by a
completion (type 3) when they carry an ``invocationId``; pings (type 6) both ways; close (type 7).
Like an ASP.NET Core hub it also answers ``POST /hubs/<hub>/negotiate`` (negotiate version 1,
WebSockets only) for clients that negotiate first; the gateway's own samples skip it.

The market hub (same docs, "Real Time Data Overview", market hub): the client invokes
``SubscribeContractQuotes(contractId)`` (and ``UnsubscribeContractQuotes``); the server sends
``GatewayQuote`` with two arguments, the contract id and the quote (``symbol``, ``lastPrice``,
``bestBid``, ``bestAsk``, ``open``, ``high``, ``low``, ``volume``, ``lastUpdated``...). The
sandbox never moves prices, so it sends one quote per subscription, at the contract's
reference price (the price market orders fill at), bid and ask one tick either side.

Sandbox extras: ``hub_wrapped`` on the broker sends payloads wrapped as
``{"action": n, "data": {...}}`` (seen from the gateway by community clients); stream faults
(``stream_drop``, ``stream_silence``, ``event_loss``, ``event_reorder``, ``event_duplicate``)
act on pushed events; their operation is the hub method pushed (``GatewayUserTrade``) or ``*``:
``topstepx:GatewayUserTrade:event_loss:1`` loses the next trade (see
:mod:`orderbridge_sandbox.faults`).
"""

from __future__ import annotations

import abc
import dataclasses
import datetime as dt
import json
import threading
import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol
from urllib.parse import parse_qs, urlsplit

from ...faults import FaultKind, Phase
from ...tokens import TokenState
from ...wire import dumps

if TYPE_CHECKING:
    from ..base import Host


class HubBroker(Protocol):
    """What the hubs read of the TopstepX sandbox broker (``broker.TopstepX``): its book, accounts,
    contracts and tokens, and its REST row builders, so a pushed payload mirrors the REST model.
    A protocol, so this module and the broker's do not import each other."""

    @property
    def name(self) -> str: ...
    @property
    def hub_wrapped(self) -> bool: ...
    @property
    def hub_keepalive(self) -> float: ...
    @property
    def accounts(self) -> Any: ...
    @property
    def contracts(self) -> Any: ...
    @property
    def book(self) -> Any: ...
    @property
    def tokens(self) -> Any: ...
    def now(self) -> dt.datetime: ...
    def _order_json(self, o: Any) -> dict[str, Any]: ...
    def _position_json(self, p: Any) -> dict[str, Any]: ...
    def _trade_json(self, f: Any) -> dict[str, Any]: ...


RS = "\x1e"
"""The SignalR record separator."""
PATH = "/hubs/user"
MARKET_PATH = "/hubs/market"
INVOCATION, COMPLETION, PING, CLOSE = 1, 3, 6, 7
SUBSCRIPTIONS = {
    "SubscribeAccounts": ("accounts", False),
    "SubscribeOrders": ("orders", True),
    "SubscribePositions": ("positions", True),
    "SubscribeTrades": ("trades", True),
}
"""Hub method -> (what it subscribes to, whether it takes an account id)."""


def hub_path(path: str) -> bool:
    """Whether ``path`` (below ``/topstepx``, query allowed) is the user hub."""
    return urlsplit(path).path.rstrip("/") == PATH


def hub_at(broker: HubBroker, host: Host, path: str) -> SignalRHub | None:
    """The hub served at ``path`` (below ``/topstepx``, query allowed), or None."""
    bare = urlsplit(path).path.rstrip("/")
    if bare == PATH:
        return UserHub(broker, host, path)
    if bare == MARKET_PATH:
        return MarketHub(broker, host, path)
    return None


def negotiation(broker: HubBroker, path: str) -> dict[str, Any] | None:
    """The negotiate answer (version 1, WebSockets only), or None when ``path`` is not a
    hub's ``/negotiate``."""
    bare = urlsplit(path).path.rstrip("/")
    if bare not in (PATH + "/negotiate", MARKET_PATH + "/negotiate"):
        return None
    token = uuid.uuid4().hex
    return {
        "negotiateVersion": 1,
        "connectionId": token[:22],
        "connectionToken": token,
        "availableTransports": [{"transport": "WebSockets", "transferFormats": ["Text", "Binary"]}],
    }


@dataclasses.dataclass(frozen=True)
class HubAnswer:
    """Frames to send (a :class:`~orderbridge_sandbox.brokers.base.StreamAnswer`)."""

    kind: str
    messages: tuple[str, ...] = ()
    delay: float = 0.0
    drop: bool = False


def _record(message: dict[str, Any]) -> str:
    return dumps(message) + RS


class SignalRHub(abc.ABC):
    """One connection to a hub (a :class:`~orderbridge_sandbox.brokers.base.StreamEndpoint`
    that also pushes: the server calls :meth:`attach` with the connection's send function).

    The protocol lives here (handshake, invocation and completion, ping, close, keep-alives,
    stream faults); a hub says what its methods do (:meth:`_invoke`) and when it pushes
    (:meth:`_started`, :meth:`_stopped`)."""

    def __init__(self, broker: HubBroker, host: Host, path: str) -> None:
        self.broker = broker
        self.host = host
        query = parse_qs(urlsplit(path).query)
        tokens = query.get("access_token") or []
        self._query_token: str | None = tokens[0] if tokens else None
        self._handshaken = False
        self._subscribed: set[tuple[str, str | None]] = set()
        self._send: Callable[[HubAnswer], None] | None = None
        self._lock = threading.Lock()
        self._held: str | None = None
        self._stop = threading.Event()
        self.silent = False

    # -- StreamEndpoint ----------------------------------------------------------------------
    def authorized(self, authorization: str | None) -> bool:
        """The token as ``?access_token=`` (the gateway's way) or ``Authorization: Bearer``."""
        token = self._query_token
        if token is None and authorization and authorization.startswith("Bearer "):
            token = authorization[len("Bearer ") :]
        if not token:
            return False
        state, _ = self.broker.tokens.check(token)
        return state is TokenState.VALID

    def answer(self, text: str | bytes, authorization: str | None) -> HubAnswer:
        """Answer the records of one WebSocket message."""
        if isinstance(text, bytes):
            text = text.decode("utf-8", "replace")
        out: list[str] = []
        kind = "message"
        for record in filter(None, text.split(RS)):
            try:
                message = json.loads(record)
            except ValueError:
                return HubAnswer("bad_record", (_record({"type": CLOSE, "error": "invalid JSON record"}),))
            if not self._handshaken:
                kind = "handshake"
                # ASP.NET Core's JSON protocol is version 1 and also accepts 0 (older clients).
                if message.get("protocol") != "json" or message.get("version") not in (0, 1):
                    return HubAnswer(kind, (_record({"error": "only the json protocol, version 1, is served"}),))
                self._handshaken = True
                out.append(_record({}))
                continue
            kind, reply = self._message(message)
            out += reply
            out += self._after(kind, message)
            if kind == "close":
                return HubAnswer(kind, tuple(out), drop=True)
        if self.silent:
            return HubAnswer("silent")
        return HubAnswer(kind, tuple(out))

    def _message(self, message: dict[str, Any]) -> tuple[str, list[str]]:
        kind = message.get("type")
        if kind == PING:
            return "ping", [_record({"type": PING})]
        if kind == CLOSE:
            return "close", []
        if kind != INVOCATION:
            return "ignored", []
        target, arguments = message.get("target"), message.get("arguments") or []
        invocation = message.get("invocationId")
        error = self._invoke(str(target), arguments)
        if invocation is None:
            return str(target), []
        done: dict[str, Any] = {"type": COMPLETION, "invocationId": invocation}
        if error:
            done["error"] = error
        else:
            done["result"] = None
        return str(target), [_record(done)]

    @abc.abstractmethod
    def _invoke(self, target: str, arguments: list[Any]) -> str | None:
        """Run hub method ``target``; an error text for the completion, or None."""

    def _after(self, kind: str, message: dict[str, Any]) -> list[str]:
        """Frames sent after the completion of invocation ``message`` (none by default)."""
        return []

    def _started(self) -> None:
        """The connection opened: start listening to what this hub pushes (default: nothing)."""
        return None

    def _stopped(self) -> None:
        """The connection closed: stop listening (default: nothing)."""
        return None

    # -- push --------------------------------------------------------------------------------
    def attach(self, send: Callable[[HubAnswer], None]) -> None:
        """Start pushing through ``send`` (the connection is open), and a keep-alive ping
        every ``broker.hub_keepalive`` seconds as ASP.NET Core hubs do."""
        self._send = send
        self._started()
        self._stop = threading.Event()
        thread = threading.Thread(target=self._keepalive, args=(self._stop,), name="topstepx-hub-ping", daemon=True)
        thread.start()

    def detach(self) -> None:
        """Stop pushing (the connection closed)."""
        self._send = None
        self._stop.set()
        self._stopped()

    def _keepalive(self, stop: threading.Event) -> None:
        while not stop.wait(self.broker.hub_keepalive):
            send = self._send
            if send is not None and self._handshaken and not self.silent:
                send(HubAnswer("ping", (_record({"type": PING}),)))

    def _wants(self, what: str, key: str | None) -> bool:
        with self._lock:
            return (what, key) in self._subscribed

    def _push(self, target: str, arguments: list[Any]) -> None:
        send = self._send
        if send is None:
            return
        frames = self._apply_faults(target, self._frame(target, arguments))
        if frames is None:
            send(HubAnswer("drop", drop=True))
        elif frames:
            send(HubAnswer(target, tuple(frames)))

    @staticmethod
    def _frame(target: str, arguments: list[Any]) -> str:
        return _record({"type": INVOCATION, "target": target, "arguments": arguments})

    def _apply_faults(self, target: str, frame: str) -> list[str] | None:
        """The frames to send for one event after the stream faults armed for this hub
        (``None``: drop the connection)."""
        if self.silent:
            return []
        frames = [frame]
        with self._lock:
            held, self._held = self._held, None
        for fault in self.host.faults.take(self.broker.name, target, Phase.STREAM):
            if fault.kind is FaultKind.STREAM_DROP:
                return None
            if fault.kind is FaultKind.STREAM_SILENCE:
                self.silent = True
                return []
            if fault.kind is FaultKind.EVENT_LOSS:
                frames = []
            elif fault.kind is FaultKind.EVENT_DUPLICATE:
                frames = [frame, frame]
            elif fault.kind is FaultKind.EVENT_REORDER and held is None:
                with self._lock:
                    self._held = frame
                return []
        if held is not None:
            frames.append(held)  # the held event goes out after the one that overtook it
        return frames


class UserHub(SignalRHub):
    """The user hub: account, order, position and trade events on every book change."""

    def _invoke(self, target: str, arguments: list[Any]) -> str | None:
        unsubscribe = target.startswith("Unsubscribe")
        name = "Subscribe" + target[len("Unsubscribe") :] if unsubscribe else target
        if name not in SUBSCRIPTIONS:
            return f"Unknown hub method '{target}'"
        what, takes_account = SUBSCRIPTIONS[name]
        account: str | None = None
        if takes_account:
            if len(arguments) != 1 or isinstance(arguments[0], bool) or not isinstance(arguments[0], int | str):
                return f"Failed to invoke '{target}' due to an error on the server. InvalidDataException"
            account = str(arguments[0])
        with self._lock:
            if unsubscribe:
                self._subscribed.discard((what, account))
            else:
                self._subscribed.add((what, account))
        return None

    def _started(self) -> None:
        self.broker.book.observers.append(self._changed)

    def _stopped(self) -> None:
        if self._changed in self.broker.book.observers:
            self.broker.book.observers.remove(self._changed)

    def _changed(self, kind: str, subject: Any) -> None:
        broker = self.broker
        if kind == "order" and self._wants("orders", subject.account):
            self._user("GatewayUserOrder", broker._order_json(subject), 1)
        elif kind == "fill" and self._wants("trades", subject.account):
            self._user("GatewayUserTrade", broker._trade_json(subject), 0)
        elif kind == "position":
            account, symbol = subject
            if self._wants("positions", account):
                self._user("GatewayUserPosition", self._position_row(account, symbol), 1)
            if self._wants("accounts", None):
                self._user("GatewayUserAccount", dict(broker.accounts[int(account)]), 1)

    def _position_row(self, account: str, symbol: str) -> dict[str, Any]:
        position = self.broker.book.ledger.position(account, symbol)
        if position is not None:
            return self.broker._position_json(position)
        closed = next(p for p in reversed(self.broker.book.ledger.closed) if (p.account, p.symbol) == (account, symbol))
        return {**self.broker._position_json(closed), "size": 0}

    def _user(self, target: str, payload: dict[str, Any], action: int) -> None:
        """One user event: a single argument, wrapped when ``broker.hub_wrapped``."""
        self._push(target, [{"action": action, "data": payload} if self.broker.hub_wrapped else payload])


QUOTES = "SubscribeContractQuotes"


class MarketHub(SignalRHub):
    """The market hub: a ``GatewayQuote`` for each contract subscribed, at its reference price."""

    def _invoke(self, target: str, arguments: list[Any]) -> str | None:
        if target not in (QUOTES, "Un" + QUOTES[0].lower() + QUOTES[1:]):
            return f"Unknown hub method '{target}'"
        if len(arguments) != 1 or not isinstance(arguments[0], str) or arguments[0] not in self.broker.contracts:
            return f"Failed to invoke '{target}' due to an error on the server. InvalidDataException"
        with self._lock:
            if target == QUOTES:
                self._subscribed.add(("quotes", arguments[0]))
            else:
                self._subscribed.discard(("quotes", arguments[0]))
        return None

    def _after(self, kind: str, message: dict[str, Any]) -> list[str]:
        """A subscription is answered by the contract's current quote (after its completion)."""
        arguments = message.get("arguments") or []
        if kind != QUOTES or not arguments or not self._wants("quotes", str(arguments[0])):
            return []
        contract = str(arguments[0])
        frames = self._apply_faults("GatewayQuote", self._frame("GatewayQuote", [contract, self.quote(contract)]))
        return frames or []

    def quote(self, contract: str) -> dict[str, Any]:
        """The ``GatewayQuote`` payload of ``contract`` at the sandbox's reference price."""
        instrument = self.broker.book.instruments[contract]
        price, tick = instrument.price, instrument.tick_size
        now = self.broker.now().isoformat()
        return {
            "symbol": self.broker.contracts[contract][5],
            "symbolName": self.broker.contracts[contract][1],
            "lastPrice": price,
            "bestBid": price - tick,
            "bestAsk": price + tick,
            "change": 0,
            "changePercent": 0,
            "open": price,
            "high": price,
            "low": price,
            "volume": 0,
            "lastUpdated": now,
            "timestamp": now,
        }


__all__ = [
    "MARKET_PATH",
    "PATH",
    "HubAnswer",
    "MarketHub",
    "SignalRHub",
    "UserHub",
    "hub_at",
    "hub_path",
    "negotiation",
]
