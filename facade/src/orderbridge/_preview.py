"""Preview (dry run): the exact HTTP request ``place_order`` would send, without sending it.

The order goes through the same validation, capability checks and mapping as a real
placement; the request is captured by an in-memory transport instead of leaving the process.
With ``require_credentials=True`` (the command line's ``--dry-run``) the configuration a real
placement needs is checked too: the broker's login step runs up to the point where it would
send its first request, so a missing credential is the same
:class:`~orderbridge.ConfigurationError` (naming the variable) the real send would raise.
Either way no credential appears and no login request is made: the bearer token is the
placeholder ``<redacted>``.
"""

from __future__ import annotations

import attrs
import httpx

from ._adapter import Adapter, get_adapter
from ._config import resolve_settings
from ._errors import OrderbridgeError
from ._models import Order, Settings
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


def check_credentials(adapter: Adapter, settings: Settings) -> None:
    """Run ``adapter``'s login flow up to its first request, without sending it: raises the
    :class:`~orderbridge.ConfigurationError` a real login would raise for missing credentials
    (TradeStation accepts an access token *or* the refresh-token grant, which the flow decides).
    """
    flow = adapter.login(settings, None)
    try:
        next(flow)  # the login request is built only once its credentials are there
    except StopIteration:  # a fixed bearer secret (CrossTrade): read, nothing to send
        pass
    finally:
        flow.close()


def preview_order(
    broker: str,
    order: Order,
    *,
    account: str,
    base_url: str | None = None,
    api_version: str | None = None,
    require_credentials: bool = False,
) -> PreviewedRequest:
    """Build, validate and map ``order`` exactly as :func:`orderbridge.place_order` would, and
    return the request instead of sending it.

    ``require_credentials``: also fail, as the real send would, when a credential the broker's
    login needs is missing (:func:`check_credentials`); by default a preview needs none.

    Raises:
        InvalidOrder, NotSupported, ConfigurationError: as a real placement would, before
            sending, in the same order (the order is checked before the credentials).
    """

    def capture(request: httpx.Request) -> httpx.Response:
        raise _Captured(request)

    description = describe(broker)
    settings = resolve_settings(description, base_url=base_url, api_version=api_version)
    adapter = get_adapter(description)
    session = Session(settings, adapter, transport=httpx.MockTransport(capture))
    session._box.token = REDACTED  # no login: the placeholder is what the request shows
    session._box.expires_at = None
    prepared = session._prepare(order, account)
    if require_credentials:
        check_credentials(adapter, settings)
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
