from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.account import Account
from ...models.account_list import AccountList
from ...models.error_response import ErrorResponse
from ...types import UNSET, Response, Unset


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/api/accounts",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response, data: Any = UNSET
) -> AccountList | list[Account] | ErrorResponse | None:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> AccountList | list[Account]:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = AccountList.from_dict(data)

                return response_200_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, list):
                raise TypeError()
            response_200_type_1 = []
            _response_200_type_1 = data
            for response_200_type_1_item_data in _response_200_type_1:
                response_200_type_1_item = Account.from_dict(response_200_type_1_item_data)

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
) -> Response[AccountList | list[Account] | ErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response, data=data),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[AccountList | list[Account] | ErrorResponse]:
    """List NT8 accounts

     Lists the NinjaTrader 8 accounts visible to the add-on. Source: the endpoint list in
    CrossTrade's https://crosstrade.io/ai/AGENTS.md (https://crosstrade.io/ai/CLAUDE.md names
    the RPC `ListAccounts`). The body shape is not documented by the vendor: the response
    accepts either a wrapper object or a bare array of accounts, and the examples are
    constructed from the account fields of the get-account docs page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AccountList | list[Account] | ErrorResponse]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
) -> AccountList | list[Account] | ErrorResponse | None:
    """List NT8 accounts

     Lists the NinjaTrader 8 accounts visible to the add-on. Source: the endpoint list in
    CrossTrade's https://crosstrade.io/ai/AGENTS.md (https://crosstrade.io/ai/CLAUDE.md names
    the RPC `ListAccounts`). The body shape is not documented by the vendor: the response
    accepts either a wrapper object or a bare array of accounts, and the examples are
    constructed from the account fields of the get-account docs page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AccountList | list[Account] | ErrorResponse
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[AccountList | list[Account] | ErrorResponse]:
    """List NT8 accounts

     Lists the NinjaTrader 8 accounts visible to the add-on. Source: the endpoint list in
    CrossTrade's https://crosstrade.io/ai/AGENTS.md (https://crosstrade.io/ai/CLAUDE.md names
    the RPC `ListAccounts`). The body shape is not documented by the vendor: the response
    accepts either a wrapper object or a bare array of accounts, and the examples are
    constructed from the account fields of the get-account docs page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AccountList | list[Account] | ErrorResponse]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
) -> AccountList | list[Account] | ErrorResponse | None:
    """List NT8 accounts

     Lists the NinjaTrader 8 accounts visible to the add-on. Source: the endpoint list in
    CrossTrade's https://crosstrade.io/ai/AGENTS.md (https://crosstrade.io/ai/CLAUDE.md names
    the RPC `ListAccounts`). The body shape is not documented by the vendor: the response
    accepts either a wrapper object or a bare array of accounts, and the examples are
    constructed from the account fields of the get-account docs page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AccountList | list[Account] | ErrorResponse
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed


def build_request() -> dict[str, Any]:
    """The keyword arguments of the ``httpx`` request this operation sends (``method``, ``url``
    and, where the operation has them, ``params``, ``headers``, ``json`` / ``data`` /
    ``content``), built without sending anything: pass them to ``httpx.Client.request``.
    """
    return _get_kwargs()


def parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response, data: Any = UNSET
) -> Response[AccountList | list[Account] | ErrorResponse]:
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
