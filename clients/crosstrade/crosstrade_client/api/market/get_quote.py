from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.quote import Quote
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    instrument: str,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["instrument"] = instrument

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/api/market/quote",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response, data: Any = UNSET
) -> ErrorResponse | list[Quote] | Quote | None:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> list[Quote] | Quote:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = Quote.from_dict(data)

                return response_200_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, list):
                raise TypeError()
            response_200_type_1 = []
            _response_200_type_1 = data
            for response_200_type_1_item_data in _response_200_type_1:
                response_200_type_1_item = Quote.from_dict(response_200_type_1_item_data)

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
) -> Response[ErrorResponse | list[Quote] | Quote]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response, data=data),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    instrument: str,
) -> Response[ErrorResponse | list[Quote] | Quote]:
    """Get a quote for one or more instruments

     Latest quote and contract details. `instrument` may be a comma-separated list, in which
    case the answer is a JSON array of quotes. WebSocket RPC `GetQuote`. Source: CrossTrade's
    newer docs page market/get-quote (https://crosstrade.io/docs/api; single-quote example
    quoted, the list example wraps it).

    Args:
        instrument (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | list[Quote] | Quote]
    """

    kwargs = _get_kwargs(
        instrument=instrument,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    instrument: str,
) -> ErrorResponse | list[Quote] | Quote | None:
    """Get a quote for one or more instruments

     Latest quote and contract details. `instrument` may be a comma-separated list, in which
    case the answer is a JSON array of quotes. WebSocket RPC `GetQuote`. Source: CrossTrade's
    newer docs page market/get-quote (https://crosstrade.io/docs/api; single-quote example
    quoted, the list example wraps it).

    Args:
        instrument (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | list[Quote] | Quote
    """

    return sync_detailed(
        client=client,
        instrument=instrument,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    instrument: str,
) -> Response[ErrorResponse | list[Quote] | Quote]:
    """Get a quote for one or more instruments

     Latest quote and contract details. `instrument` may be a comma-separated list, in which
    case the answer is a JSON array of quotes. WebSocket RPC `GetQuote`. Source: CrossTrade's
    newer docs page market/get-quote (https://crosstrade.io/docs/api; single-quote example
    quoted, the list example wraps it).

    Args:
        instrument (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | list[Quote] | Quote]
    """

    kwargs = _get_kwargs(
        instrument=instrument,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    instrument: str,
) -> ErrorResponse | list[Quote] | Quote | None:
    """Get a quote for one or more instruments

     Latest quote and contract details. `instrument` may be a comma-separated list, in which
    case the answer is a JSON array of quotes. WebSocket RPC `GetQuote`. Source: CrossTrade's
    newer docs page market/get-quote (https://crosstrade.io/docs/api; single-quote example
    quoted, the list example wraps it).

    Args:
        instrument (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | list[Quote] | Quote
    """

    return (
        await asyncio_detailed(
            client=client,
            instrument=instrument,
        )
    ).parsed


def build_request(
    *,
    instrument: str,
) -> dict[str, Any]:
    """The keyword arguments of the ``httpx`` request this operation sends (``method``, ``url``
    and, where the operation has them, ``params``, ``headers``, ``json`` / ``data`` /
    ``content``), built without sending anything: pass them to ``httpx.Client.request``.
    """
    return _get_kwargs(
        instrument=instrument,
    )


def parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response, data: Any = UNSET
) -> Response[ErrorResponse | list[Quote] | Quote]:
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
