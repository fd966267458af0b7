from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.order import Order
from ...types import UNSET, Response, Unset


def _get_kwargs(
    account: str,
    order_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/api/accounts/{account}/orders/{order_id}".format(
            account=quote(str(account), safe=""),
            order_id=quote(str(order_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response, data: Any = UNSET
) -> ErrorResponse | Order | None:
    if response.status_code == 200:
        response_200 = Order.from_dict(response.json() if isinstance(data, Unset) else data)

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
) -> Response[ErrorResponse | Order]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response, data=data),
    )


def sync_detailed(
    account: str,
    order_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[ErrorResponse | Order]:
    """Get one order

     One order, by the id CrossTrade returned at placement or by the custom `orderId` supplied
    then. CrossTrade keeps resolving the originally returned id even if NT8 or the broker
    reassigns it internally. `orderType` and `orderState` are NT8 PascalCase names. Source:
    CrossTrade's older API docs (https://docs.crosstrade.io/api), page get-order (example
    quoted, truncated in the stored page after `limitPriceChanged`); newer place-order page
    for the id behaviour.

    Args:
        account (str):
        order_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | Order]
    """

    kwargs = _get_kwargs(
        account=account,
        order_id=order_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    account: str,
    order_id: str,
    *,
    client: AuthenticatedClient,
) -> ErrorResponse | Order | None:
    """Get one order

     One order, by the id CrossTrade returned at placement or by the custom `orderId` supplied
    then. CrossTrade keeps resolving the originally returned id even if NT8 or the broker
    reassigns it internally. `orderType` and `orderState` are NT8 PascalCase names. Source:
    CrossTrade's older API docs (https://docs.crosstrade.io/api), page get-order (example
    quoted, truncated in the stored page after `limitPriceChanged`); newer place-order page
    for the id behaviour.

    Args:
        account (str):
        order_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | Order
    """

    return sync_detailed(
        account=account,
        order_id=order_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    account: str,
    order_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[ErrorResponse | Order]:
    """Get one order

     One order, by the id CrossTrade returned at placement or by the custom `orderId` supplied
    then. CrossTrade keeps resolving the originally returned id even if NT8 or the broker
    reassigns it internally. `orderType` and `orderState` are NT8 PascalCase names. Source:
    CrossTrade's older API docs (https://docs.crosstrade.io/api), page get-order (example
    quoted, truncated in the stored page after `limitPriceChanged`); newer place-order page
    for the id behaviour.

    Args:
        account (str):
        order_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | Order]
    """

    kwargs = _get_kwargs(
        account=account,
        order_id=order_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    account: str,
    order_id: str,
    *,
    client: AuthenticatedClient,
) -> ErrorResponse | Order | None:
    """Get one order

     One order, by the id CrossTrade returned at placement or by the custom `orderId` supplied
    then. CrossTrade keeps resolving the originally returned id even if NT8 or the broker
    reassigns it internally. `orderType` and `orderState` are NT8 PascalCase names. Source:
    CrossTrade's older API docs (https://docs.crosstrade.io/api), page get-order (example
    quoted, truncated in the stored page after `limitPriceChanged`); newer place-order page
    for the id behaviour.

    Args:
        account (str):
        order_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | Order
    """

    return (
        await asyncio_detailed(
            account=account,
            order_id=order_id,
            client=client,
        )
    ).parsed


def build_request(
    account: str,
    order_id: str,
) -> dict[str, Any]:
    """The keyword arguments of the ``httpx`` request this operation sends (``method``, ``url``
    and, where the operation has them, ``params``, ``headers``, ``json`` / ``data`` /
    ``content``), built without sending anything: pass them to ``httpx.Client.request``.
    """
    return _get_kwargs(
        account=account,
        order_id=order_id,
    )


def parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response, data: Any = UNSET
) -> Response[ErrorResponse | Order]:
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
