from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.order_id_response import OrderIdResponse
from ...models.place_order_request import PlaceOrderRequest
from ...types import UNSET, Response, Unset


def _get_kwargs(
    account: str,
    *,
    body: PlaceOrderRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/api/accounts/{account}/orders/flatplace".format(
            account=quote(str(account), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response, data: Any = UNSET
) -> ErrorResponse | OrderIdResponse | None:
    if response.status_code == 200:
        response_200 = OrderIdResponse.from_dict(response.json() if isinstance(data, Unset) else data)

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
) -> Response[ErrorResponse | OrderIdResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response, data=data),
    )


def sync_detailed(
    account: str,
    *,
    client: AuthenticatedClient,
    body: PlaceOrderRequest,
) -> Response[ErrorResponse | OrderIdResponse]:
    """Close the position and cancel orders, then place an order

     Closes any position and cancels working orders in `instrument` (even when already flat),
    then places the order regardless — the REST form of the webhook `flatten_first` option.
    Unlike reverse, it does not require an open position. Same body as place order. WebSocket
    RPC `FlatPlace`. Source: CrossTrade docs page "POST Flat Place Order" (request, 200 and 400
    quoted; its WebSocket API block).

    Args:
        account (str):
        body (PlaceOrderRequest): Body of place, flatplace and reverseposition (CrossTrade docs
            pages "POST Place Order" and "POST Flat Place Order").

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | OrderIdResponse]
    """

    kwargs = _get_kwargs(
        account=account,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    account: str,
    *,
    client: AuthenticatedClient,
    body: PlaceOrderRequest,
) -> ErrorResponse | OrderIdResponse | None:
    """Close the position and cancel orders, then place an order

     Closes any position and cancels working orders in `instrument` (even when already flat),
    then places the order regardless — the REST form of the webhook `flatten_first` option.
    Unlike reverse, it does not require an open position. Same body as place order. WebSocket
    RPC `FlatPlace`. Source: CrossTrade docs page "POST Flat Place Order" (request, 200 and 400
    quoted; its WebSocket API block).

    Args:
        account (str):
        body (PlaceOrderRequest): Body of place, flatplace and reverseposition (CrossTrade docs
            pages "POST Place Order" and "POST Flat Place Order").

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | OrderIdResponse
    """

    return sync_detailed(
        account=account,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    account: str,
    *,
    client: AuthenticatedClient,
    body: PlaceOrderRequest,
) -> Response[ErrorResponse | OrderIdResponse]:
    """Close the position and cancel orders, then place an order

     Closes any position and cancels working orders in `instrument` (even when already flat),
    then places the order regardless — the REST form of the webhook `flatten_first` option.
    Unlike reverse, it does not require an open position. Same body as place order. WebSocket
    RPC `FlatPlace`. Source: CrossTrade docs page "POST Flat Place Order" (request, 200 and 400
    quoted; its WebSocket API block).

    Args:
        account (str):
        body (PlaceOrderRequest): Body of place, flatplace and reverseposition (CrossTrade docs
            pages "POST Place Order" and "POST Flat Place Order").

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | OrderIdResponse]
    """

    kwargs = _get_kwargs(
        account=account,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    account: str,
    *,
    client: AuthenticatedClient,
    body: PlaceOrderRequest,
) -> ErrorResponse | OrderIdResponse | None:
    """Close the position and cancel orders, then place an order

     Closes any position and cancels working orders in `instrument` (even when already flat),
    then places the order regardless — the REST form of the webhook `flatten_first` option.
    Unlike reverse, it does not require an open position. Same body as place order. WebSocket
    RPC `FlatPlace`. Source: CrossTrade docs page "POST Flat Place Order" (request, 200 and 400
    quoted; its WebSocket API block).

    Args:
        account (str):
        body (PlaceOrderRequest): Body of place, flatplace and reverseposition (CrossTrade docs
            pages "POST Place Order" and "POST Flat Place Order").

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | OrderIdResponse
    """

    return (
        await asyncio_detailed(
            account=account,
            client=client,
            body=body,
        )
    ).parsed


def build_request(
    account: str,
    *,
    body: PlaceOrderRequest,
) -> dict[str, Any]:
    """The keyword arguments of the ``httpx`` request this operation sends (``method``, ``url``
    and, where the operation has them, ``params``, ``headers``, ``json`` / ``data`` /
    ``content``), built without sending anything: pass them to ``httpx.Client.request``.
    """
    return _get_kwargs(
        account=account,
        body=body,
    )


def parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response, data: Any = UNSET
) -> Response[ErrorResponse | OrderIdResponse]:
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
