from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.execution_list import ExecutionList
from ...types import UNSET, Response, Unset


def _get_kwargs(
    account: str,
    *,
    lookback_time: int | Unset = 320,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["lookbackTime"] = lookback_time

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/api/accounts/{account}/executions".format(
            account=quote(str(account), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response, data: Any = UNSET
) -> ErrorResponse | ExecutionList | None:
    if response.status_code == 200:
        response_200 = ExecutionList.from_dict(response.json() if isinstance(data, Unset) else data)

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
) -> Response[ErrorResponse | ExecutionList]:
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
    lookback_time: int | Unset = 320,
) -> Response[ErrorResponse | ExecutionList]:
    """List recent executions of one account

     Executions (fills) of the account within the last `lookbackTime` seconds (default 320,
    maximum 900 per the older docs). Bulk endpoint with its own egress cap. Source: CrossTrade's
    older API docs (https://docs.crosstrade.io/api), page get-executions, and the "Rate
    Limiting" page. We could read the execution fields but no quoted payload, so the example is
    constructed.

    Args:
        account (str):
        lookback_time (int | Unset):  Default: 320.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ExecutionList]
    """

    kwargs = _get_kwargs(
        account=account,
        lookback_time=lookback_time,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    account: str,
    *,
    client: AuthenticatedClient,
    lookback_time: int | Unset = 320,
) -> ErrorResponse | ExecutionList | None:
    """List recent executions of one account

     Executions (fills) of the account within the last `lookbackTime` seconds (default 320,
    maximum 900 per the older docs). Bulk endpoint with its own egress cap. Source: CrossTrade's
    older API docs (https://docs.crosstrade.io/api), page get-executions, and the "Rate
    Limiting" page. We could read the execution fields but no quoted payload, so the example is
    constructed.

    Args:
        account (str):
        lookback_time (int | Unset):  Default: 320.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ExecutionList
    """

    return sync_detailed(
        account=account,
        client=client,
        lookback_time=lookback_time,
    ).parsed


async def asyncio_detailed(
    account: str,
    *,
    client: AuthenticatedClient,
    lookback_time: int | Unset = 320,
) -> Response[ErrorResponse | ExecutionList]:
    """List recent executions of one account

     Executions (fills) of the account within the last `lookbackTime` seconds (default 320,
    maximum 900 per the older docs). Bulk endpoint with its own egress cap. Source: CrossTrade's
    older API docs (https://docs.crosstrade.io/api), page get-executions, and the "Rate
    Limiting" page. We could read the execution fields but no quoted payload, so the example is
    constructed.

    Args:
        account (str):
        lookback_time (int | Unset):  Default: 320.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ExecutionList]
    """

    kwargs = _get_kwargs(
        account=account,
        lookback_time=lookback_time,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    account: str,
    *,
    client: AuthenticatedClient,
    lookback_time: int | Unset = 320,
) -> ErrorResponse | ExecutionList | None:
    """List recent executions of one account

     Executions (fills) of the account within the last `lookbackTime` seconds (default 320,
    maximum 900 per the older docs). Bulk endpoint with its own egress cap. Source: CrossTrade's
    older API docs (https://docs.crosstrade.io/api), page get-executions, and the "Rate
    Limiting" page. We could read the execution fields but no quoted payload, so the example is
    constructed.

    Args:
        account (str):
        lookback_time (int | Unset):  Default: 320.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ExecutionList
    """

    return (
        await asyncio_detailed(
            account=account,
            client=client,
            lookback_time=lookback_time,
        )
    ).parsed


def build_request(
    account: str,
    *,
    lookback_time: int | Unset = 320,
) -> dict[str, Any]:
    """The keyword arguments of the ``httpx`` request this operation sends (``method``, ``url``
    and, where the operation has them, ``params``, ``headers``, ``json`` / ``data`` /
    ``content``), built without sending anything: pass them to ``httpx.Client.request``.
    """
    return _get_kwargs(
        account=account,
        lookback_time=lookback_time,
    )


def parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response, data: Any = UNSET
) -> Response[ErrorResponse | ExecutionList]:
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
