from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.position import Position
from ...types import UNSET, Response, Unset


def _get_kwargs(
    account_id: str,
    *,
    open_only: bool | Unset = False,
    api_version: str | Unset = UNSET,
    client_request_id: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(api_version, Unset):
        headers["Api-Version"] = api_version

    if not isinstance(client_request_id, Unset):
        headers["Client-Request-Id"] = client_request_id

    params: dict[str, Any] = {}

    params["open_only"] = open_only

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/accounts/{account_id}/positions".format(
            account_id=quote(str(account_id), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response, data: Any = UNSET
) -> Error | list[Position] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json() if isinstance(data, Unset) else data
        for response_200_item_data in _response_200:
            response_200_item = Position.from_dict(response_200_item_data)

            response_200.append(response_200_item)

        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json() if isinstance(data, Unset) else data)

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json() if isinstance(data, Unset) else data)

        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json() if isinstance(data, Unset) else data)

        return response_403

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json() if isinstance(data, Unset) else data)

        return response_404

    if response.status_code == 500:
        response_500 = Error.from_dict(response.json() if isinstance(data, Unset) else data)

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response, data: Any = UNSET
) -> Response[Error | list[Position]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response, data=data),
    )


def sync_detailed(
    account_id: str,
    *,
    client: AuthenticatedClient,
    open_only: bool | Unset = False,
    api_version: str | Unset = UNSET,
    client_request_id: str | Unset = UNSET,
) -> Response[Error | list[Position]]:
    """List positions

     Lists the account's positions, closed ones included unless `open_only` is true. Sell
    orders are sized in units of a position: `available_for_trading` is what a new sell can
    still use. Source: the Sophic OpenAPI.

    Args:
        account_id (str):
        open_only (bool | Unset):  Default: False.
        api_version (str | Unset):
        client_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[Position]]
    """

    kwargs = _get_kwargs(
        account_id=account_id,
        open_only=open_only,
        api_version=api_version,
        client_request_id=client_request_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    account_id: str,
    *,
    client: AuthenticatedClient,
    open_only: bool | Unset = False,
    api_version: str | Unset = UNSET,
    client_request_id: str | Unset = UNSET,
) -> Error | list[Position] | None:
    """List positions

     Lists the account's positions, closed ones included unless `open_only` is true. Sell
    orders are sized in units of a position: `available_for_trading` is what a new sell can
    still use. Source: the Sophic OpenAPI.

    Args:
        account_id (str):
        open_only (bool | Unset):  Default: False.
        api_version (str | Unset):
        client_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[Position]
    """

    return sync_detailed(
        account_id=account_id,
        client=client,
        open_only=open_only,
        api_version=api_version,
        client_request_id=client_request_id,
    ).parsed


async def asyncio_detailed(
    account_id: str,
    *,
    client: AuthenticatedClient,
    open_only: bool | Unset = False,
    api_version: str | Unset = UNSET,
    client_request_id: str | Unset = UNSET,
) -> Response[Error | list[Position]]:
    """List positions

     Lists the account's positions, closed ones included unless `open_only` is true. Sell
    orders are sized in units of a position: `available_for_trading` is what a new sell can
    still use. Source: the Sophic OpenAPI.

    Args:
        account_id (str):
        open_only (bool | Unset):  Default: False.
        api_version (str | Unset):
        client_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[Position]]
    """

    kwargs = _get_kwargs(
        account_id=account_id,
        open_only=open_only,
        api_version=api_version,
        client_request_id=client_request_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    account_id: str,
    *,
    client: AuthenticatedClient,
    open_only: bool | Unset = False,
    api_version: str | Unset = UNSET,
    client_request_id: str | Unset = UNSET,
) -> Error | list[Position] | None:
    """List positions

     Lists the account's positions, closed ones included unless `open_only` is true. Sell
    orders are sized in units of a position: `available_for_trading` is what a new sell can
    still use. Source: the Sophic OpenAPI.

    Args:
        account_id (str):
        open_only (bool | Unset):  Default: False.
        api_version (str | Unset):
        client_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[Position]
    """

    return (
        await asyncio_detailed(
            account_id=account_id,
            client=client,
            open_only=open_only,
            api_version=api_version,
            client_request_id=client_request_id,
        )
    ).parsed


def build_request(
    account_id: str,
    *,
    open_only: bool | Unset = False,
    api_version: str | Unset = UNSET,
    client_request_id: str | Unset = UNSET,
) -> dict[str, Any]:
    """The keyword arguments of the ``httpx`` request this operation sends (``method``, ``url``
    and, where the operation has them, ``params``, ``headers``, ``json`` / ``data`` /
    ``content``), built without sending anything: pass them to ``httpx.Client.request``.
    """
    return _get_kwargs(
        account_id=account_id,
        open_only=open_only,
        api_version=api_version,
        client_request_id=client_request_id,
    )


def parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response, data: Any = UNSET
) -> Response[Error | list[Position]]:
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
