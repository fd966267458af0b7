from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.empty_request import EmptyRequest
from ...models.error_response import ErrorResponse
from ...models.strategy_close_response import StrategyCloseResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    account: str,
    strategy_id: str,
    *,
    body: EmptyRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/api/accounts/{account}/strategies/{strategy_id}/close".format(
            account=quote(str(account), safe=""),
            strategy_id=quote(str(strategy_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response, data: Any = UNSET
) -> ErrorResponse | StrategyCloseResponse | None:
    if response.status_code == 200:
        response_200 = StrategyCloseResponse.from_dict(response.json() if isinstance(data, Unset) else data)

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
) -> Response[ErrorResponse | StrategyCloseResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response, data=data),
    )


def sync_detailed(
    account: str,
    strategy_id: str,
    *,
    client: AuthenticatedClient,
    body: EmptyRequest,
) -> Response[ErrorResponse | StrategyCloseResponse]:
    """Close an ATM strategy

     Closes a running NT8 ATM strategy (its position and its working orders); the documented
    body is an empty object. WebSocket RPC `CloseStrategy`. Source: CrossTrade API docs page
    close-strategy (200 example quoted).

    Args:
        account (str):
        strategy_id (str):
        body (EmptyRequest): An empty JSON object: the documented body of cancel-order and close-
            strategy, also sent
            to cancel-all (whose body is not documented).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | StrategyCloseResponse]
    """

    kwargs = _get_kwargs(
        account=account,
        strategy_id=strategy_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    account: str,
    strategy_id: str,
    *,
    client: AuthenticatedClient,
    body: EmptyRequest,
) -> ErrorResponse | StrategyCloseResponse | None:
    """Close an ATM strategy

     Closes a running NT8 ATM strategy (its position and its working orders); the documented
    body is an empty object. WebSocket RPC `CloseStrategy`. Source: CrossTrade API docs page
    close-strategy (200 example quoted).

    Args:
        account (str):
        strategy_id (str):
        body (EmptyRequest): An empty JSON object: the documented body of cancel-order and close-
            strategy, also sent
            to cancel-all (whose body is not documented).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | StrategyCloseResponse
    """

    return sync_detailed(
        account=account,
        strategy_id=strategy_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    account: str,
    strategy_id: str,
    *,
    client: AuthenticatedClient,
    body: EmptyRequest,
) -> Response[ErrorResponse | StrategyCloseResponse]:
    """Close an ATM strategy

     Closes a running NT8 ATM strategy (its position and its working orders); the documented
    body is an empty object. WebSocket RPC `CloseStrategy`. Source: CrossTrade API docs page
    close-strategy (200 example quoted).

    Args:
        account (str):
        strategy_id (str):
        body (EmptyRequest): An empty JSON object: the documented body of cancel-order and close-
            strategy, also sent
            to cancel-all (whose body is not documented).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | StrategyCloseResponse]
    """

    kwargs = _get_kwargs(
        account=account,
        strategy_id=strategy_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    account: str,
    strategy_id: str,
    *,
    client: AuthenticatedClient,
    body: EmptyRequest,
) -> ErrorResponse | StrategyCloseResponse | None:
    """Close an ATM strategy

     Closes a running NT8 ATM strategy (its position and its working orders); the documented
    body is an empty object. WebSocket RPC `CloseStrategy`. Source: CrossTrade API docs page
    close-strategy (200 example quoted).

    Args:
        account (str):
        strategy_id (str):
        body (EmptyRequest): An empty JSON object: the documented body of cancel-order and close-
            strategy, also sent
            to cancel-all (whose body is not documented).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | StrategyCloseResponse
    """

    return (
        await asyncio_detailed(
            account=account,
            strategy_id=strategy_id,
            client=client,
            body=body,
        )
    ).parsed


def build_request(
    account: str,
    strategy_id: str,
    *,
    body: EmptyRequest,
) -> dict[str, Any]:
    """The keyword arguments of the ``httpx`` request this operation sends (``method``, ``url``
    and, where the operation has them, ``params``, ``headers``, ``json`` / ``data`` /
    ``content``), built without sending anything: pass them to ``httpx.Client.request``.
    """
    return _get_kwargs(
        account=account,
        strategy_id=strategy_id,
        body=body,
    )


def parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response, data: Any = UNSET
) -> Response[ErrorResponse | StrategyCloseResponse]:
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
