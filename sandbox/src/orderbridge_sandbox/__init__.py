"""orderbridge-sandbox: a stateful fake of the TopstepX, CrossTrade, TradeStation and Sophic
APIs, validated against their OpenAPI specs.

In-process::

    from orderbridge_sandbox import Sandbox
    sandbox = Sandbox(strict=True)
    client = httpx.Client(transport=sandbox.transport(), base_url="http://127.0.0.1/topstepx")

On loopback::

    with orderbridge_sandbox.start(port=0) as server:
        server.broker_url("crosstrade")    # http://127.0.0.1:N/crosstrade

CrossTrade's WebSocket RPC: ``server.websocket_url`` on the same port, or in-process with
``RpcEndpoint(sandbox).answer(message, "Bearer demo-token")`` (see ``brokers.crosstrade.rpc``).

Faults: ``sandbox.add_fault("topstepx:place_order:drop_after_record:1")`` (see ``faults``).
Sophic webhooks: ``Sandbox(webhooks=WebhookDelivery(transport=..., target=...))`` (see
``brokers.sophic.webhooks``).

Each broker's handlers, error dialect, seed data and extras live in ``brokers/<broker>/``.
State: ``sandbox.orders("topstepx")`` lists recorded orders with their client order ids.
"""

__version__ = "0.1.0"

from .app import Exchange, Outcome, Sandbox, SandboxTransport
from .brokers import RecordedOrder
from .brokers.crosstrade.rpc import RpcAnswer, RpcEndpoint
from .brokers.sophic.webhooks import DeliveryAttempt, WebhookDelivery
from .clock import Clock, ManualClock, SystemClock
from .faults import Fault, FaultError, FaultKind, Phase
from .ids import Ids
from .server import SandboxServer, start
from .validation import SpecViolation

__all__ = [
    "Clock",
    "DeliveryAttempt",
    "Exchange",
    "Fault",
    "FaultError",
    "FaultKind",
    "Ids",
    "ManualClock",
    "Outcome",
    "Phase",
    "RecordedOrder",
    "RpcAnswer",
    "RpcEndpoint",
    "Sandbox",
    "SandboxServer",
    "SandboxTransport",
    "SpecViolation",
    "SystemClock",
    "WebhookDelivery",
    "start",
]
