"""Preview (dry run): the exact HTTP request ``place_order`` would send, without sending it.

The order goes through the same validation, capability checks and mapping as a real
placement; the request is captured by an in-memory transport instead of leaving the process.
No credentials are needed and none appear: the bearer token is the placeholder
``<redacted>`` and no login request is made.
"""

from __future__ import annotations

import attrs
import httpx

from ._adapter import get_adapter
from ._config import resolve_settings
from ._errors import OrderbridgeError
from ._models import Order
from ._session import Session
from .brokers import describe

REDACTED = "<redacted>"


class _Captured(OrderbridgeError):
    def __init__(self, request: httpx.Request) -> None:
        super().__init__("dry run: request captured, not sent")
        self.request = request


@attrs.frozen
class PreviewedRequest:
    """The request a placement would send.

    Attributes:
        method: ``"POST"``.
        url: full URL including the query (TradeStation ``APIVersion``).
        headers: request headers; ``Authorization`` is ``Bearer <redacted>``.
        body: the body exactly as it would be sent (bytes).
        client_order_id: the client order id the request carries.
    """

    method: str
    url: str
    headers: tuple[tuple[str, str], ...]
    body: bytes
    client_order_id: str

    def render(self) -> str:
        """HTTP/1.1-style text: request line, headers, blank line, body."""
        lines = [f"{self.method} {self.url}"]
        lines += [f"{name}: {value}" for name, value in self.headers]
        lines.append("")
        lines.append(self.body.decode("utf-8", errors="replace"))
        return "\n".join(lines)


def preview_order(
    broker: str,
    order: Order,
    *,
    account: str,
    base_url: str | None = None,
    api_version: str | None = None,
) -> PreviewedRequest:
    """Build, validate and map ``order`` exactly as :func:`orderbridge.place_order` would, and
    return the request instead of sending it.

    Raises:
        InvalidOrder, NotSupported, ConfigurationError: as a real placement would, before sending.
    """

    def capture(request: httpx.Request) -> httpx.Response:
        raise _Captured(request)

    settings = resolve_settings(describe(broker), base_url=base_url, api_version=api_version)
    session = Session(settings, get_adapter(describe(broker)), transport=httpx.MockTransport(capture))
    session._box.token = REDACTED  # no login: the placeholder is what the request shows
    session._box.expires_at = None
    prepared = session._prepare(order, account)
    try:
        with session:
            session.place_order(prepared, account=account)
    except _Captured as captured:
        request = captured.request
        headers = tuple(
            (name, REDACTED if name.lower() == "authorization" and value != f"Bearer {REDACTED}" else value)
            for name, value in request.headers.items()
        )
        return PreviewedRequest(
            method=request.method,
            url=str(request.url),
            headers=headers,
            body=request.read(),
            client_order_id=prepared.client_order_id or "",
        )
    raise AssertionError("place_order returned without sending a request")  # pragma: no cover
