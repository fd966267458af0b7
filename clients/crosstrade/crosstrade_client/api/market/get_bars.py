from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.bars_request import BarsRequest
from ...models.bars_response import BarsResponse
from ...models.error_response import ErrorResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: BarsRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/api/market/bars",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response, data: Any = UNSET
) -> BarsResponse | ErrorResponse | None:
    if response.status_code == 200:
        response_200 = BarsResponse.from_dict(response.json() if isinstance(data, Unset) else data)

        return response_200

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json() if isinstance(data, Unset) else data)

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json() if isinstance(data, Unset) else data)

        return response_401

    if response.status_code == 404:
        response_404 = ErrorResponse.from_dict(response.json() if isinstance(data, Unset) else data)

        return response_404

    if response.status_code == 408:
        response_408 = ErrorResponse.from_dict(response.json() if isinstance(data, Unset) else data)

        return response_408

    if response.status_code == 429:
        response_429 = ErrorResponse.from_dict(response.json() if isinstance(data, Unset) else data)

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response, data: Any = UNSET
) -> Response[BarsResponse | ErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response, data=data),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: BarsRequest,
) -> Response[BarsResponse | ErrorResponse]:
    """Get historical bars

     Historical OHLCV bars for one instrument, by `daysBack` or by a `from`/`to` UTC range,
    keeping the most recent `limit` bars. Bulk endpoint with its own egress cap. WebSocket RPC
    `GetBars` (per https://crosstrade.io/ai/CLAUDE.md). Source: CrossTrade's newer docs page
    market/post-historical-bars and the "Rate Limiting" page (response quoted, abridged to
    the first bar; the request example is constructed to match it).

    Args:
        body (BarsRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BarsResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: BarsRequest,
) -> BarsResponse | ErrorResponse | None:
    """Get historical bars

     Historical OHLCV bars for one instrument, by `daysBack` or by a `from`/`to` UTC range,
    keeping the most recent `limit` bars. Bulk endpoint with its own egress cap. WebSocket RPC
    `GetBars` (per https://crosstrade.io/ai/CLAUDE.md). Source: CrossTrade's newer docs page
    market/post-historical-bars and the "Rate Limiting" page (response quoted, abridged to
    the first bar; the request example is constructed to match it).

    Args:
        body (BarsRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BarsResponse | ErrorResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: BarsRequest,
) -> Response[BarsResponse | ErrorResponse]:
    """Get historical bars

     Historical OHLCV bars for one instrument, by `daysBack` or by a `from`/`to` UTC range,
    keeping the most recent `limit` bars. Bulk endpoint with its own egress cap. WebSocket RPC
    `GetBars` (per https://crosstrade.io/ai/CLAUDE.md). Source: CrossTrade's newer docs page
    market/post-historical-bars and the "Rate Limiting" page (response quoted, abridged to
    the first bar; the request example is constructed to match it).

    Args:
        body (BarsRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BarsResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: BarsRequest,
) -> BarsResponse | ErrorResponse | None:
    """Get historical bars

     Historical OHLCV bars for one instrument, by `daysBack` or by a `from`/`to` UTC range,
    keeping the most recent `limit` bars. Bulk endpoint with its own egress cap. WebSocket RPC
    `GetBars` (per https://crosstrade.io/ai/CLAUDE.md). Source: CrossTrade's newer docs page
    market/post-historical-bars and the "Rate Limiting" page (response quoted, abridged to
    the first bar; the request example is constructed to match it).

    Args:
        body (BarsRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BarsResponse | ErrorResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed


def build_request(
    *,
    body: BarsRequest,
) -> dict[str, Any]:
    """The keyword arguments of the ``httpx`` request this operation sends (``method``, ``url``
    and, where the operation has them, ``params``, ``headers``, ``json`` / ``data`` /
    ``content``), built without sending anything: pass them to ``httpx.Client.request``.
    """
    return _get_kwargs(
        body=body,
    )


def parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response, data: Any = UNSET
) -> Response[BarsResponse | ErrorResponse]:
    """This operation's :class:`Response` for an ``httpx.Response`` the caller already holds
    (sent with the arguments of :func:`build_request`).

    Args:
        client: the client whose ``raise_on_unexpected_status`` applies.
        response: the answer, its body already read.
        data: the body already decoded as JSON, when the caller has decoded it (it is parsed
            instead of decoding the body a second time); by default the body is decoded here.

    Raises:
        errors.UnexpectedStatus: an undocumented status and ``client.raise_on_unexpected_status``.
        ValueError, KeyError, TypeError: a documented status whose body does not match its schema.
    """
    return _build_response(client=client, response=response, data=data)
