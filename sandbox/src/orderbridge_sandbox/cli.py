"""``orderbridge-sandbox``: serve the sandbox on loopback.

    orderbridge-sandbox serve [--host 127.0.0.1] [--port 8765] [--fault SPEC ...] [--strict] [-v]

``--port 0`` picks a free port. Everything printed on stdout is POSIX shell: the first line is
always the comment ``# orderbridge-sandbox listening on http://HOST:PORT``, followed by
``export ORDERBRIDGE_...=...`` lines (values quoted with :func:`shlex.quote`) that point the
facade at it with the demo credentials, and more comments. So the output can be saved and
sourced, or pasted, as is::

    orderbridge-sandbox serve --port 8765 > sandbox.env &
    sleep 1; . ./sandbox.env

The base URLs are always ones orderbridge accepts: served on every interface
(``--host 0.0.0.0``), they name the loopback address (orderbridge sends plain http only to
loopback). ``--fault`` takes ``BROKER:OPERATION:KIND[=VALUE][:TIMES]`` (see
``orderbridge_sandbox.faults``; OPERATION is one of the broker's spec operation ids, listed by
``--help``), e.g. ``--fault topstepx:place_order:drop_after_record:1``. A port that is in use or
out of range is a one-line error (exit 2), not a traceback.
"""

from __future__ import annotations

import argparse
import ipaddress
import logging
import shlex
import sys
import textwrap
from collections.abc import Sequence

from .app import Sandbox
from .faults import Fault, FaultError
from .server import SandboxServer
from .spec import BROKERS, operation_ids

DEMO_ENV = {
    "topstepx": {"USERNAME": "demo", "API_KEY": "demo-api-key"},
    "crosstrade": {"TOKEN": "demo-token"},
    "tradestation": {"CLIENT_ID": "demo-client", "CLIENT_SECRET": "demo-secret", "REFRESH_TOKEN": "demo-refresh"},
    "sophic": {"CLIENT_ID": "demo-client", "CLIENT_SECRET": "demo-secret"},
}
"""The demo credentials of every broker, as ``ORDERBRIDGE_<BROKER>_<NAME>`` suffixes."""


def _fault(text: str) -> Fault:
    try:
        return Fault.parse(text)
    except FaultError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _port(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a port number: {text!r}") from None
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"port {port} is out of range (0-65535; 0 picks a free port)")
    return port


def _operations_help() -> str:
    lines = ["fault operations (spec operation ids; * matches any):"]
    for broker in BROKERS:
        text = f"{broker}: {', '.join(operation_ids(broker))}"
        lines += textwrap.wrap(text, width=100, initial_indent="  ", subsequent_indent="    ")
    return "\n".join(lines)


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="orderbridge-sandbox", description="A stateful fake of four broker APIs.")
    sub = p.add_subparsers(dest="command", required=True)
    serve = sub.add_parser(
        "serve",
        help="serve the sandbox over HTTP on a loopback address",
        description="Serve the sandbox over HTTP; print shell `export` lines that point orderbridge at it.",
        epilog=_operations_help(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    serve.add_argument("--port", type=_port, default=8765, help="port (0 = pick a free one; default 8765)")
    serve.add_argument(
        "--fault",
        dest="faults",
        type=_fault,
        action="append",
        default=[],
        metavar="SPEC",
        help="arm a fault: BROKER:OPERATION:KIND[=VALUE][:TIMES] (repeatable); KIND is latency=S, error[=STATUS], "
        "error_after_record[=STATUS], rate_limit[=S], drop or drop_after_record",
    )
    serve.add_argument(
        "--strict",
        action="store_true",
        help="validate every response against the specs, and turn leniency off: accept requests only in the "
        "spec's own spelling (no path or property-name case folding, no unknown fields)",
    )
    serve.add_argument("-v", "--verbose", action="store_true", help="log every request")
    return p


def client_host(host: str) -> str:
    """The host a client on this machine uses to reach a server bound to ``host``: the loopback
    address for a wildcard bind (``0.0.0.0``, ``::``), which is not an address one can connect to
    and which orderbridge would refuse over plain http."""
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return host
    if address.is_unspecified:
        return "127.0.0.1" if address.version == 4 else "[::1]"
    return f"[{host}]" if address.version == 6 else host


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True


def main(argv: Sequence[str] | None = None) -> int:
    cli = parser()
    args = cli.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="%(message)s")
    sandbox = Sandbox(strict=args.strict, faults=args.faults)
    try:
        server = SandboxServer(sandbox, args.host, args.port)
    except (OSError, OverflowError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        hint = " (is another sandbox running? --port 0 picks a free port)" if "in use" in reason else ""
        cli.exit(2, f"orderbridge-sandbox: cannot listen on {args.host}:{args.port}: {reason}{hint}\n")
    host = client_host(server.host)
    url = f"http://{host}:{server.port}"
    print(f"# orderbridge-sandbox listening on {url}")
    if host != server.host:
        print(f"# (bound to {server.host}: every interface can reach it; orderbridge connects through {host})")
    elif not ipaddress.ip_address(host.strip("[]")).is_loopback if _is_ip(host) else host != "localhost":
        print("# note: orderbridge sends plain http only to a loopback host; run it on this machine or use a tunnel")
    for broker in BROKERS:
        print(f"export ORDERBRIDGE_{broker.upper()}_BASE_URL={shlex.quote(f'{url}/{broker}')}")
        for name, value in DEMO_ENV[broker].items():
            print(f"export ORDERBRIDGE_{broker.upper()}_{name}={shlex.quote(value)}")
    for fault in args.faults:
        print(f"# fault armed: {fault}")
    websocket = server.websocket_url.replace(f"//{server.host}:", f"//{host}:", 1)
    print(f"# CrossTrade WebSocket RPC: {websocket} (orderbridge.connect('crosstrade', transport='websocket'))")
    sys.stdout.flush()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
