from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.order import Order
from ...models.order_list import OrderList
from ...types import UNSET, Response, Unset


def _get_kwargs(
    account: str,
    *,
    active_only: bool | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["activeOnly"] = active_only

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/api/accounts/{account}/orders".format(
            account=quote(str(account), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response, data: Any = UNSET
) -> ErrorResponse | list[Order] | OrderList | None:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> list[Order] | OrderList:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = OrderList.from_dict(data)

                return response_200_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, list):
                raise TypeError()
            response_200_type_1 = []
            _response_200_type_1 = data
            for response_200_type_1_item_data in _response_200_type_1:
                response_200_type_1_item = Order.from_dict(response_200_type_1_item_data)

                response_200_type_1.append(response_200_type_1_item)

            return response_200_type_1

        response_200 = _parse_response_200(response.json() if isinstance(data, Unset) else data)

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
) -> Response[ErrorResponse | list[Order] | OrderList]:
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
    active_only: bool | Unset = UNSET,
) -> Response[ErrorResponse | list[Order] | OrderList]:
    """List the orders of one account

     Orders of one NT8 account; `activeOnly=true` keeps only working orders. Source: not
    documented by the vendor; the path is inferred from the get-order path, and `activeOnly` is
    from Source note 20. The body shape is not documented either: the response accepts a wrapper
    object or a bare array of orders. The examples reuse the quoted get-order payload.

    Args:
        account (str):
        active_only (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | list[Order] | OrderList]
    """

    kwargs = _get_kwargs(
        account=account,
        active_only=active_only,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    account: str,
    *,
    client: AuthenticatedClient,
    active_only: bool | Unset = UNSET,
) -> ErrorResponse | list[Order] | OrderList | None:
    """List the orders of one account

     Orders of one NT8 account; `activeOnly=true` keeps only working orders. Source: not
    documented by the vendor; the path is inferred from the get-order path, and `activeOnly` is
    from Source note 20. The body shape is not documented either: the response accepts a wrapper
    object or a bare array of orders. The examples reuse the quoted get-order payload.

    Args:
        account (str):
        active_only (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | list[Order] | OrderList
    """

    return sync_detailed(
        account=account,
        client=client,
        active_only=active_only,
    ).parsed


async def asyncio_detailed(
    account: str,
    *,
    client: AuthenticatedClient,
    active_only: bool | Unset = UNSET,
) -> Response[ErrorResponse | list[Order] | OrderList]:
    """List the orders of one account

     Orders of one NT8 account; `activeOnly=true` keeps only working orders. Source: not
    documented by the vendor; the path is inferred from the get-order path, and `activeOnly` is
    from Source note 20. The body shape is not documented either: the response accepts a wrapper
    object or a bare array of orders. The examples reuse the quoted get-order payload.

    Args:
        account (str):
        active_only (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | list[Order] | OrderList]
    """

    kwargs = _get_kwargs(
        account=account,
        active_only=active_only,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    account: str,
    *,
    client: AuthenticatedClient,
    active_only: bool | Unset = UNSET,
) -> ErrorResponse | list[Order] | OrderList | None:
    """List the orders of one account

     Orders of one NT8 account; `activeOnly=true` keeps only working orders. Source: not
    documented by the vendor; the path is inferred from the get-order path, and `activeOnly` is
    from Source note 20. The body shape is not documented either: the response accepts a wrapper
    object or a bare array of orders. The examples reuse the quoted get-order payload.

    Args:
        account (str):
        active_only (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | list[Order] | OrderList
    """

    return (
        await asyncio_detailed(
            account=account,
            client=client,
            active_only=active_only,
        )
    ).parsed


def build_request(
    account: str,
    *,
    active_only: bool | Unset = UNSET,
) -> dict[str, Any]:
    """The keyword arguments of the ``httpx`` request this operation sends (``method``, ``url``
    and, where the operation has them, ``params``, ``headers``, ``json`` / ``data`` /
    ``content``), built without sending anything: pass them to ``httpx.Client.request``.
    """
    return _get_kwargs(
        account=account,
        active_only=active_only,
    )


def parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response, data: Any = UNSET
) -> Response[ErrorResponse | list[Order] | OrderList]:
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
