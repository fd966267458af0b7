"""``orderbridge`` command line: place, get, cancel, resolve, modify, open-orders, positions,
balances, fills, close, cancel-all, flatten, watch, capabilities (``python -m orderbridge`` too).

Credentials and base URLs come from the ``ORDERBRIDGE_*`` environment variables (see
``orderbridge._config``); ``--base-url`` overrides the base URL. Examples::

    orderbridge capabilities
    orderbridge place topstepx --account 465 --instrument CON.F.US.MES.Z25 --side buy --quantity 1
    orderbridge place topstepx --account 465 --account 704 --instrument CON.F.US.MES.Z25 --side buy --quantity 1
    orderbridge place sophic --account acc_abc123 --instrument ins_xyz789 --side buy --cash-amount 100.00 --dry-run
    orderbridge get topstepx 9057 --account 465
    orderbridge resolve topstepx --account 465 --client-order-id my-id-1
    orderbridge modify topstepx --account 465 --order-id 9057 --limit-price 6001.25
    orderbridge positions crosstrade --account Sim101 --json
    orderbridge flatten tradestation --account 123456 --emulate
    orderbridge watch topstepx --account 465 --account 704

Exit codes (distinct per outcome, so scripts can branch on them):

==  ===================================================================
0   success (order accepted, read done, cancel accepted; every cancel-all/flatten item done)
2   invalid input: bad arguments, InvalidOrder, ConfigurationError (a missing credential, a
    base URL whose server has no such endpoint: ``EndpointNotFound``)
3   NotSupported by this broker (nothing sent)
4   OrderRejected (definitive; nothing placed); ``resolve``: no order with that client order
    id; cancel-all/flatten: an item was refused
5   OutcomeUnknown (the order may exist: run ``resolve``); cancel-all/flatten: an item is unknown
6   other broker failure: unreachable, authentication, rate limit, unexpected response;
    cancel-all/flatten: an item was not attempted (the broker was never asked)
==  ===================================================================

Errors go to standard error as one line, then indented labelled lines: the broker's code and
name are in the first line, the broker's own text follows on a line of its own, labelled as
its words, in double quotes, control characters escaped and length-capped (it is untrusted).
With ``--json`` the error is one JSON object on standard output instead
(``{"ok": false, "exit_code": ..., "error": {"type": ..., "message": ..., ...}}``).

``place`` with several ``--account`` prints one line per account and exits with the worst
outcome among them (unknown, then other failure, rejected, invalid, placed).

``watch`` prints one JSON object per line for every live event (see :func:`event_json`) until
interrupted (Ctrl-C: exit 0), or until ``--max-events`` lines were printed (for scripts and
tests). It pushes where the broker does (TopstepX's user hub, with ``orderbridge[websocket]``)
and polls elsewhere, every ``--interval`` seconds.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import enum
import json
import os
import shlex
import sys
from collections.abc import Sequence
from decimal import Decimal
from typing import Any, NamedTuple

import attrs

from ._account import FlattenReport, ItemOutcome, ItemStatus
from ._errors import (
    ConfigurationError,
    InvalidOrder,
    NotSupported,
    OrderbridgeError,
    OrderRejected,
    OutcomeUnknown,
    escaped,
)
from ._events import KINDS, Event
from ._fanout import Severity, severity
from ._models import OPERATIONS, Order, OrderType, PlacedOrder, Side, TimeInForce
from ._preview import preview_order
from ._session import connect, connect_async
from .brokers import BROKERS, all_capabilities, describe

EXIT_OK, EXIT_INVALID, EXIT_NOT_SUPPORTED, EXIT_REJECTED, EXIT_UNKNOWN, EXIT_FAILED = 0, 2, 3, 4, 5, 6

EXIT_CODES = """exit codes:
  0  success (accepted, read done; every cancel-all/flatten item done)
  2  invalid input or configuration (missing credential, bad or wrong base URL); nothing placed
  3  not supported by this broker; nothing sent
  4  rejected by the broker (definitive; nothing placed); resolve: no such order; an item refused
  5  UNKNOWN OUTCOME: the order may exist; run `orderbridge resolve` before sending it again
  6  other broker failure (unreachable, authentication, rate limit); an item not attempted"""


def _variables(brokers: Sequence[str]) -> str:
    lines = ["environment (each broker reads its own ORDERBRIDGE_<BROKER>_* variables):"]
    for name in brokers:
        prefix = f"ORDERBRIDGE_{name.upper()}_"
        names = ", ".join(prefix + c.upper() for c in describe(name).credentials)
        lines.append(f"  {name}: {prefix}BASE_URL; {names}")
    return "\n".join(lines)


def _version() -> str:
    from . import __version__

    return f"orderbridge {__version__}"


def _parser() -> argparse.ArgumentParser:
    epilog = f"{_variables(BROKERS)}\n\n{EXIT_CODES}"
    formatter = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(
        prog="orderbridge",
        description="Place and manage orders across brokers, with honest outcomes.",
        epilog=epilog,
        formatter_class=formatter,
    )
    parser.add_argument("--version", action="version", version=_version())
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, text: str) -> argparse.ArgumentParser:
        return sub.add_parser(name, help=text, description=text, epilog=epilog, formatter_class=formatter)

    def broker_args(p: argparse.ArgumentParser, *, many: bool = False) -> None:
        p.add_argument("broker", choices=BROKERS, help="which broker: " + ", ".join(BROKERS))
        if many:  # place: one order to each account given
            p.add_argument(
                "--account",
                required=True,
                action="append",
                help="the broker's account id or name; repeat it to send one order to each account",
            )
        else:
            p.add_argument("--account", required=True, help="the broker's account id or name")
        p.add_argument("--base-url", help="override ORDERBRIDGE_<BROKER>_BASE_URL")
        p.add_argument("--api-version", help="TradeStation APIVersion: 20160101 (default) or 20150101")
        p.add_argument("--timeout", type=float, default=10.0, help="seconds per request (default 10)")
        p.add_argument("--json", action="store_true", help="print the result, or the error, as JSON on stdout")

    place = command("place", "place an order (one to each --account given)")
    broker_args(place, many=True)
    place.add_argument("--instrument", required=True, help="the broker's instrument id (contract id, symbol...)")
    place.add_argument("--side", required=True, choices=[s.value for s in Side], help="buy or sell")
    place.add_argument(
        "--type",
        default="market",
        choices=[t.value for t in OrderType],
        help="order type (default market; see `orderbridge capabilities`)",
    )
    size = place.add_mutually_exclusive_group(required=True)
    size.add_argument("--quantity", help="contracts / shares / units, a decimal number")
    size.add_argument("--cash-amount", help="money to spend, in the account's currency (Sophic buys)")
    place.add_argument("--limit-price", help="limit price, a decimal number (limit, stop_limit)")
    place.add_argument("--stop-price", help="stop (trigger) price, a decimal number (stop, stop_limit)")
    place.add_argument("--trail-price", help="trailing distance in price units (trailing_stop)")
    place.add_argument("--time-in-force", choices=[t.value for t in TimeInForce], help="default: the broker's")
    place.add_argument("--expire-date", help="YYYY-MM-DD, with --time-in-force gtd")
    place.add_argument("--client-order-id", help="1-22 chars of [A-Za-z0-9_-]; generated when omitted")
    place.add_argument("--flatten-first", action="store_true", help="CrossTrade: flatten the position first")
    place.add_argument(
        "--extra",
        action="append",
        default=[],
        metavar="KEY=JSON",
        help="broker-native field, value as JSON (e.g. --extra Route='\"Intelligent\"'); repeatable",
    )
    place.add_argument(
        "--dry-run",
        action="store_true",
        help="check the order and the configuration (credentials included) as a real send would, print the "
        "exact request (secrets redacted); send nothing",
    )

    for name, text in (("get", "read an order"), ("cancel", "cancel an order")):
        p = command(name, text)
        broker_args(p)
        p.add_argument("order_id_arg", nargs="?", metavar="ORDER_ID", help="the broker's order id")
        p.add_argument("--order-id", metavar="ORDER_ID", help="the same, as an option")
    resolve = command("resolve", "find the order placed with a client order id (exit 4 when the broker has none)")
    broker_args(resolve)
    resolve.add_argument("--client-order-id", required=True, help="the id the placement carried")

    modify = command("modify", "change a working order (quantity and/or prices)")
    broker_args(modify)
    modify.add_argument("--order-id", required=True, help="the broker's order id")
    for flag, text in (
        ("--quantity", "new quantity"),
        ("--limit-price", "new limit price"),
        ("--stop-price", "new stop price"),
        ("--trail-price", "new trailing distance"),
    ):
        modify.add_argument(flag, help=text)
    for name, text in (
        ("open-orders", "list working orders"),
        ("positions", "list open positions"),
        ("balances", "cash, buying power and equity"),
    ):
        broker_args(command(name, text))
    fills = command("fills", "list executions")
    broker_args(fills)
    fills.add_argument("--since", help="ISO 8601 date-time with a UTC offset (e.g. 2026-01-02T14:30:00+00:00)")
    close = command("close", "close a position (all of it, or --quantity)")
    broker_args(close)
    close.add_argument("--instrument", required=True, help="the position's instrument id")
    close.add_argument("--quantity", help="units to close (default: the whole position)")
    emulations = {
        close: "where the broker has no close call: send an opposite market order for the position",
        command("cancel-all", "cancel every working order"): (
            "where the broker has no cancel-all call: list the working orders and cancel each"
        ),
        command("flatten", "cancel everything, close everything (the kill switch)"): (
            "where the broker has no such calls: cancel each working order, then send an opposite market "
            "order for each position"
        ),
    }
    for p, text in emulations.items():
        if p is not close:
            broker_args(p)
        p.add_argument("--emulate", action="store_true", help=f"{text} (see `orderbridge capabilities`)")

    watch = command("watch", "print live events, one JSON line each, until interrupted (Ctrl-C)")
    watch.add_argument("broker", choices=BROKERS, help="which broker: " + ", ".join(BROKERS))
    watch.add_argument(
        "--account", required=True, action="append", help="the broker's account id; repeat it to watch several"
    )
    watch.add_argument("--base-url", help="override ORDERBRIDGE_<BROKER>_BASE_URL")
    watch.add_argument("--api-version", help="TradeStation APIVersion: 20160101 (default) or 20150101")
    watch.add_argument("--timeout", type=float, default=10.0, help="seconds per request (default 10)")
    watch.add_argument(
        "--kind",
        action="append",
        choices=KINDS,
        help="an event kind wanted (repeatable; default all); gap and resynced always come",
    )
    watch.add_argument(
        "--interval", type=float, help="seconds between poll cycles (default: the broker's pace; see README)"
    )
    watch.add_argument("--poll", action="store_true", help="poll even where the broker pushes")
    watch.add_argument(
        "--max-events", type=int, metavar="N", help="stop after N events (for scripts and tests; default: never)"
    )

    caps = command("capabilities", "what each broker supports, per order field and per operation")
    caps.add_argument("--json", action="store_true", help="print the table as JSON")
    return parser


def _extras(items: Sequence[str]) -> dict[str, Any]:
    extras: dict[str, Any] = {}
    for item in items:
        key, sep, raw = item.partition("=")
        if not sep or not key:
            raise InvalidOrder(f"--extra expects KEY=JSON, got {item!r}", field="extras")
        try:
            extras[key] = json.loads(raw, parse_float=Decimal)
        except ValueError:  # JSONDecodeError, or an integer beyond Python's digit limit
            raise InvalidOrder(f"--extra {key}: value is not JSON: {raw!r}", field="extras") from None
    return extras


_ORDER_OPTIONS = frozenset(field.name for field in attrs.fields(Order)) - {"extras"}
"""The :class:`Order` fields ``place`` offers as options of the same name (``--limit-price`` is
``limit_price``); ``extras`` comes from the repeatable ``--extra KEY=JSON`` instead."""


def _order(args: argparse.Namespace) -> Order:
    given = {name: value for name, value in vars(args).items() if name in _ORDER_OPTIONS}
    return Order(**given, extras=_extras(args.extra))


def _fields(result: Any) -> dict[str, Any]:
    out = {k: v for k, v in attrs.asdict(result, recurse=False).items() if k != "raw"}
    for key, value in out.items():
        if isinstance(value, dt.datetime):
            out[key] = value.isoformat()  # one token: the text output is space-separated key=value
    if isinstance(result, ItemOutcome):
        out["error"] = None if result.error is None else f"{type(result.error).__name__}: {result.error}"
    return out


def _pairs(fields: dict[str, Any]) -> str:
    """``key=value`` pairs; a value with spaces (a NinjaTrader name such as ``MES 12-25``) is
    shell-quoted so ``shlex.split`` gives the pairs back."""
    return "  ".join(f"{k}={shlex.quote(str(v)) if any(c.isspace() for c in str(v)) else v}" for k, v in fields.items())


def _emit(result: Any, as_json: bool) -> None:
    if result is None:
        print(json.dumps({"ok": True}) if as_json else "ok")
        return
    if isinstance(result, FlattenReport):
        items = [_fields(item) for item in result.items]
        if as_json:
            head = {"broker": result.broker, "account": result.account, "emulated": result.emulated}
            print(json.dumps({**head, "items": items}, default=str, sort_keys=True))
        else:
            for item in items:
                print(_pairs(item))
            print(f"complete={result.complete}  emulated={result.emulated}")
        return
    if isinstance(result, list):
        rows = [_fields(item) for item in result]
        if as_json:
            print(json.dumps(rows, default=str, sort_keys=True))
        else:
            for row in rows:
                print(_pairs(row))
            if not rows:
                print("(none)")
        return
    fields = _fields(result)
    if as_json:
        print(json.dumps(fields, default=str, sort_keys=True))
    else:
        print(_pairs(fields))


def _capabilities(as_json: bool) -> None:
    table = {name: caps.as_dict() for name, caps in all_capabilities().items()}
    if as_json:
        print(json.dumps(table, indent=2, sort_keys=True))
        return
    rows = [
        ("order types", "order_types"),
        ("time in force", "time_in_force"),
        ("quantity sides", "quantity_sides"),
        ("cash amount sides", "cash_amount_sides"),
        ("fractional quantity", "fractional_quantity"),
        ("brackets", "brackets"),
        ("oco", "oco"),
        ("flatten first", "flatten_first"),
        ("client order id field", "client_order_id_field"),
        ("idempotent placement", "idempotent_placement"),
        ("resolve", "resolve"),
        ("cancel", "cancel"),
        *((name.replace("_", " "), f"op:{name}") for name in OPERATIONS),
    ]

    def cell(value: object) -> str:
        if isinstance(value, list):
            return ",".join(value) or "-"
        if value is None:
            return "-"
        return str(value)

    def value(name: str, key: str) -> object:
        if key.startswith("op:"):
            return table[name]["operations"][key[3:]]["support"]  # type: ignore[index]
        return table[name][key]

    cells = {name: [cell(value(name, key)) for _, key in rows] for name in table}
    widths = {name: max(len(name), *(len(c) for c in cells[name])) + 2 for name in table}
    label_width = max(len(label) for label, _ in rows) + 2
    print("".ljust(label_width) + "".join(name.ljust(widths[name]) for name in table).rstrip())
    for i, (label, _) in enumerate(rows):
        print((label.ljust(label_width) + "".join(cells[name][i].ljust(widths[name]) for name in table)).rstrip())
    print()
    print("per operation: how each broker does it (emulated ones need --emulate)")
    broker_width = max(len(name) for name in table) + 2
    for operation in OPERATIONS:
        print(f"  {operation.replace('_', ' ')}")
        for name in table:
            detail = table[name]["operations"][operation]  # type: ignore[index]
            print(f"    {name.ljust(broker_width)}{detail['support'].ljust(10)}{detail['how']}".rstrip())


def _lifecycle(session: Any, args: argparse.Namespace) -> Any:
    account = args.account
    if args.command == "modify":
        return session.modify_order(
            args.order_id,
            account=account,
            quantity=args.quantity,
            limit_price=args.limit_price,
            stop_price=args.stop_price,
            trail_price=args.trail_price,
        )
    if args.command == "open-orders":
        return session.open_orders(account=account)
    if args.command == "positions":
        return session.positions(account=account)
    if args.command == "balances":
        return session.balances(account=account)
    if args.command == "fills":
        since = None
        if args.since:
            try:
                since = dt.datetime.fromisoformat(args.since)
            except ValueError:
                raise InvalidOrder(f"--since is not an ISO 8601 date-time: {args.since!r}", field="since") from None
        return session.fills(account=account, since=since)
    if args.command == "close":
        session.close_position(args.instrument, account=account, quantity=args.quantity, emulate=args.emulate)
        return None
    if args.command == "cancel-all":
        return session.cancel_all_orders(account=account, emulate=args.emulate)
    return session.flatten(account=account, emulate=args.emulate)


def _items_exit(result: Any) -> int:
    """cancel-all / flatten: 5 when an item is unknown, 6 when one was not attempted (the
    broker was never asked: a broker failure), 4 when one was refused, else 0."""
    items = result.items if isinstance(result, FlattenReport) else result
    if not isinstance(items, (list, tuple)) or not all(isinstance(i, ItemOutcome) for i in items):
        return EXIT_OK
    statuses = {item.status for item in items}
    if ItemStatus.UNKNOWN in statuses:
        return EXIT_UNKNOWN
    if ItemStatus.NOT_ATTEMPTED in statuses:
        return EXIT_FAILED
    return EXIT_REJECTED if ItemStatus.REFUSED in statuses else EXIT_OK


# -- fan-out: place --account A --account B ... (issue 21) -------------------------------------
def _fan_out(session: Any, order: Order, accounts: Sequence[str], as_json: bool) -> int:
    """One line per account, in the order given; the exit code is the worst outcome
    (unknown > failed > rejected > invalid > placed). No account is retried or skipped."""
    if order.client_order_id is not None:
        raise InvalidOrder("--client-order-id names one order; omit it to place in several accounts")
    results = session.place_orders([(account, order) for account in accounts])
    for account, result in zip(accounts, results, strict=True):
        row: dict[str, Any] = {"account": account, "outcome": _BY_SEVERITY[severity(result)].word}
        if isinstance(result, PlacedOrder):
            row.update(_fields(result))
        else:
            row["error"] = str(result)
            row["client_order_id"] = getattr(result, "client_order_id", None)
        print(
            json.dumps(row, default=str, sort_keys=True) if as_json else "  ".join(f"{k}={v}" for k, v in row.items())
        )
    worst = max(results, key=severity)
    if isinstance(worst, NotSupported):
        return EXIT_NOT_SUPPORTED
    return _BY_SEVERITY[severity(worst)].exit_code


class _Shown(NamedTuple):
    """How ``place`` shows one placement: the word in its ``outcome`` column, and the exit code
    when it is the worst of the run."""

    word: str
    exit_code: int


_BY_SEVERITY = {
    Severity.PLACED: _Shown("placed", EXIT_OK),
    Severity.INVALID: _Shown("invalid", EXIT_INVALID),
    Severity.REJECTED: _Shown("rejected", EXIT_REJECTED),
    Severity.FAILED: _Shown("failed", EXIT_FAILED),
    Severity.UNKNOWN: _Shown("UNKNOWN", EXIT_UNKNOWN),
}
"""Each :class:`Severity` as ``place`` shows it (a ``NotSupported`` worst exits 3 instead)."""


VALUE_OPTIONS = ("--client-order-id", "--order-id", "--account", "--instrument")
"""Options whose value is a broker or client id, which may legitimately start with ``-``."""


def _attach_values(argv: Sequence[str]) -> list[str]:
    """Rewrite ``--client-order-id -x`` as ``--client-order-id=-x`` for the id options.

    argparse takes any token starting with ``-`` for an option, so a valid id such as
    ``-i4-fn...`` (urlsafe base64 uses ``-``) would otherwise be refused. Only the token right
    after one of :data:`VALUE_OPTIONS` is attached, so other arguments are parsed as before.
    """
    out: list[str] = []
    tokens = list(argv)
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token in VALUE_OPTIONS and i + 1 < len(tokens) and tokens[i + 1].startswith("-"):
            out.append(f"{token}={tokens[i + 1]}")
            i += 2
            continue
        out.append(token)
        i += 1
    return out


def _exit_code(error: OrderbridgeError) -> int:
    if isinstance(error, (InvalidOrder, ConfigurationError)):
        return EXIT_INVALID
    if isinstance(error, NotSupported):
        return EXIT_NOT_SUPPORTED
    if isinstance(error, OrderRejected):
        return EXIT_REJECTED
    if isinstance(error, OutcomeUnknown):
        return EXIT_UNKNOWN
    return EXIT_FAILED


HEADLINES = {
    EXIT_INVALID: "invalid",
    EXIT_NOT_SUPPORTED: "not supported",
    EXIT_REJECTED: "rejected",
    EXIT_UNKNOWN: "UNKNOWN OUTCOME",
    EXIT_FAILED: "failed",
}

MAX_JSON_BROKER_TEXT = 4000
"""Longest broker text carried in ``--json`` error output (JSON escapes control characters)."""


def _message(error: OrderbridgeError) -> str:
    # The library's advice names its keyword argument; on the command line it is a flag.
    return str(error).replace("pass emulate=True", "pass --emulate")


def _error_fields(error: OrderbridgeError, code: int) -> dict[str, Any]:
    out: dict[str, Any] = {
        "type": type(error).__name__,
        "exit_code": code,
        "message": _message(error),
        "broker": error.broker,
        "order_may_exist": error.order_may_exist,
    }
    for name in ("code", "code_name", "order_id", "client_order_id", "origin", "status_code", "url", "field"):
        value = getattr(error, name, None)
        if value is not None:
            out[name] = value
    text = getattr(error, "broker_message", None)
    if text is not None:
        out["broker_message"] = str(text)[:MAX_JSON_BROKER_TEXT]
    return out


def _report(error: OrderbridgeError, args: argparse.Namespace) -> int:
    """Print ``error`` for a person (stderr) or a program (``--json``: stdout); its exit code."""
    code = _exit_code(error)
    if getattr(args, "json", False):
        print(json.dumps({"ok": False, "exit_code": code, "error": _error_fields(error, code)}, default=str))
        return code
    lines = [f"{HEADLINES[code]}: {_message(error)}"]
    text = getattr(error, "broker_message", None)
    if text:
        lines.append(f'  {error.broker or "broker"} says (its words, untrusted): "{escaped(text)}"')
    if isinstance(error, OrderRejected) and error.order_id is not None:
        lines.append(f"  order_id={error.order_id} (the broker returned an id despite refusing)")
    if isinstance(error, OutcomeUnknown):
        if error.client_order_id is not None:
            lines.append(f"client_order_id={error.client_order_id}")
            if args.command == "place":
                account = args.account[0] if isinstance(args.account, list) else args.account
                lines.append(
                    f"  reconcile: orderbridge resolve {args.broker} --account={account} "
                    f"--client-order-id={error.client_order_id}"
                )
        if error.status_code is not None:
            lines.append(f"  HTTP status: {error.status_code}")
    print("\n".join(lines), file=sys.stderr)
    return code


def _order_id(args: argparse.Namespace) -> str:
    """``get`` / ``cancel``: the id, positional or ``--order-id`` (one of them, not two different)."""
    positional, option = args.order_id_arg, args.order_id
    if positional is None and option is None:
        raise InvalidOrder("give the order id: orderbridge get BROKER ORDER_ID --account ...", field="order_id")
    if positional is not None and option is not None and positional != option:
        raise InvalidOrder("two different order ids: give ORDER_ID or --order-id, not both", field="order_id")
    return str(positional if positional is not None else option)


def _plain(value: Any) -> Any:
    """``value`` as JSON-ready data: Decimals as strings (never floats: no rounding), datetimes
    and dates in ISO 8601, enums by value, attrs models as objects of their fields (``raw`` left
    out: it is the broker's payload, not the model)."""
    if isinstance(value, bool) or value is None or isinstance(value, (int, str)):
        return value
    if isinstance(value, (Decimal, float)):
        return str(value)
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return _plain(value.value)
    if attrs.has(type(value)):
        return {k: _plain(v) for k, v in attrs.asdict(value, recurse=False).items() if k != "raw"}
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_plain(v) for v in value]
    return str(value)


def event_json(event: Event) -> str:
    """One event as one line of JSON: ``kind``, ``broker``, ``account``, ``seq``,
    ``received_at`` (ISO 8601), ``source`` (``push``, ``poll`` or ``resync``), then the event's
    own fields: ``order``, ``fill``, ``position`` or ``balance`` as an object of the model's
    fields, ``reason`` and ``since`` for a ``gap``, ``snapshot`` for ``resynced``. Decimals are
    strings, datetimes ISO 8601; the broker's raw payload is left out."""
    fields = _plain(event)
    head = {"kind": event.kind}
    return json.dumps({**head, **fields}, sort_keys=False)


async def _watch(args: argparse.Namespace, options: dict[str, Any]) -> int:
    """Print events until interrupted or ``--max-events``; errors raise as in other commands."""
    if args.max_events is not None and args.max_events < 1:
        raise InvalidOrder("--max-events must be 1 or more", field="max_events")
    kinds = tuple(args.kind) if args.kind else KINDS
    printed = 0
    async with connect_async(args.broker, timeout=args.timeout, **options) as session:
        events = session.events(
            accounts=args.account, kinds=kinds, interval=args.interval, push=False if args.poll else None
        )
        async with events as stream:
            async for event in stream:
                print(event_json(event), flush=True)
                printed += 1
                if args.max_events is not None and printed >= args.max_events:
                    break
    return EXIT_OK


def _run_watch(args: argparse.Namespace, options: dict[str, Any]) -> int:
    """``watch``: Ctrl-C (SIGINT) ends it cleanly with exit 0; a closed pipe (``| head``) too."""
    try:
        return asyncio.run(_watch(args, options))
    except KeyboardInterrupt:
        return EXIT_OK
    except BrokenPipeError:
        # The reader left: point stdout at the null device so the flush at exit does not fail.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``orderbridge`` script; returns the exit code."""
    args = _parser().parse_args(_attach_values(sys.argv[1:] if argv is None else argv))
    try:
        if args.command == "capabilities":
            _capabilities(args.json)
            return EXIT_OK
        options: dict[str, Any] = {"base_url": args.base_url, "api_version": args.api_version}
        if args.command == "watch":
            return _run_watch(args, options)
        if args.command == "place" and args.dry_run:
            for account in args.account:
                preview = preview_order(args.broker, _order(args), account=account, require_credentials=True, **options)
                print(preview.render())
            return EXIT_OK
        order_id = _order_id(args) if args.command in ("get", "cancel") else ""
        with connect(args.broker, timeout=args.timeout, **options) as session:
            if args.command == "place" and len(args.account) > 1:
                return _fan_out(session, _order(args), args.account, args.json)
            if args.command == "place":
                result: Any = session.place_order(_order(args), account=args.account[0])
            elif args.command == "get":
                result = session.get_order(order_id, account=args.account)
            elif args.command == "cancel":
                session.cancel_order(order_id, account=args.account)
                result = None
            elif args.command == "resolve":
                result = session.resolve(args.client_order_id, account=args.account)
                if result is None:
                    message = f"no order with client order id {args.client_order_id!r} in account {args.account!r}"
                    if args.json:
                        print(json.dumps({"ok": False, "exit_code": EXIT_REJECTED, "found": False}))
                    else:
                        print(f"not found: {message}", file=sys.stderr)
                    return EXIT_REJECTED
            else:
                result = _lifecycle(session, args)
        _emit(result, args.json)
        return _items_exit(result)
    except OrderbridgeError as error:
        return _report(error, args)


if __name__ == "__main__":
    sys.exit(main())
