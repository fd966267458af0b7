"""``orderbridge-sandbox``: serve the sandbox on loopback.

    orderbridge-sandbox serve [--host 127.0.0.1] [--port 8765] [--fault SPEC ...] [--strict] [-v]

``--port 0`` picks a free port; the first line printed is always
``orderbridge-sandbox listening on http://HOST:PORT``, followed by the environment variables
that point the facade at it and the demo credentials. ``--fault`` takes
``BROKER:OPERATION:KIND[=VALUE][:TIMES]`` (see ``orderbridge_sandbox.faults``), e.g.
``--fault topstepx:place_order:drop_after_record:1``.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from .app import Sandbox
from .faults import Fault, FaultError
from .server import SandboxServer
from .spec import BROKERS

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


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="orderbridge-sandbox", description="A stateful fake of four broker APIs.")
    sub = p.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="serve the sandbox over HTTP on a loopback address")
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8765, help="port (0 = pick a free one; default 8765)")
    serve.add_argument(
        "--fault",
        dest="faults",
        type=_fault,
        action="append",
        default=[],
        metavar="SPEC",
        help="arm a fault: BROKER:OPERATION:KIND[=VALUE][:TIMES] (repeatable)",
    )
    serve.add_argument("--strict", action="store_true", help="validate every response against the specs")
    serve.add_argument("-v", "--verbose", action="store_true", help="log every request")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="%(message)s")
    sandbox = Sandbox(strict=args.strict, faults=args.faults)
    server = SandboxServer(sandbox, args.host, args.port)
    print(f"orderbridge-sandbox listening on {server.url}")
    for broker in BROKERS:
        print(f"ORDERBRIDGE_{broker.upper()}_BASE_URL={server.broker_url(broker)}")
        for name, value in DEMO_ENV[broker].items():
            print(f"ORDERBRIDGE_{broker.upper()}_{name}={value}")
    for fault in args.faults:
        print(f"fault armed: {fault}")
    print(
        f"CrossTrade WebSocket RPC: {server.websocket_url} (orderbridge.connect('crosstrade', transport='websocket'))"
    )
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
