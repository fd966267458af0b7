from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.order_quote import OrderQuote
from ...models.order_quote_request import OrderQuoteRequest
from ...types import UNSET, Response, Unset


def _get_kwargs(
    account_id: str,
    *,
    body: OrderQuoteRequest,
    api_version: str | Unset = UNSET,
    client_request_id: str | Unset = UNSET,
    person_id: str | Unset = UNSET,
    client_user_id: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(api_version, Unset):
        headers["Api-Version"] = api_version

    if not isinstance(client_request_id, Unset):
        headers["Client-Request-Id"] = client_request_id

    if not isinstance(person_id, Unset):
        headers["Person-Id"] = person_id

    if not isinstance(client_user_id, Unset):
        headers["Client-User-Id"] = client_user_id

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/accounts/{account_id}/order-quotes".format(
            account_id=quote(str(account_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response, data: Any = UNSET
) -> Error | OrderQuote | None:
    if response.status_code == 200:
        response_200 = OrderQuote.from_dict(response.json() if isinstance(data, Unset) else data)

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
) -> Response[Error | OrderQuote]:
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
    body: OrderQuoteRequest,
    api_version: str | Unset = UNSET,
    client_request_id: str | Unset = UNSET,
    person_id: str | Unset = UNSET,
    client_user_id: str | Unset = UNSET,
) -> Response[Error | OrderQuote]:
    """Quote an order

     Previews an order: estimated price, quantity and fees. Security quotes are stored but
    not binding; FX quotes lock a rate. Pass the returned `id` as `quote` when placing the
    order (FX orders then replay the locked rate; security cash buys get a deviation
    check). Expired or used quotes are refused at placement (`quote_invalid`,
    `quote_already_consumed`). Note the field is `instrument_id` here but `instrument` on
    place-order. Source: the Sophic OpenAPI.

    Args:
        account_id (str):
        api_version (str | Unset):
        client_request_id (str | Unset):
        person_id (str | Unset):
        client_user_id (str | Unset):
        body (OrderQuoteRequest): Order preview. Buys carry `cash_amount`, sells carry `quantity`.
            Note `instrument_id`
            (place-order uses `instrument`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | OrderQuote]
    """

    kwargs = _get_kwargs(
        account_id=account_id,
        body=body,
        api_version=api_version,
        client_request_id=client_request_id,
        person_id=person_id,
        client_user_id=client_user_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    account_id: str,
    *,
    client: AuthenticatedClient,
    body: OrderQuoteRequest,
    api_version: str | Unset = UNSET,
    client_request_id: str | Unset = UNSET,
    person_id: str | Unset = UNSET,
    client_user_id: str | Unset = UNSET,
) -> Error | OrderQuote | None:
    """Quote an order

     Previews an order: estimated price, quantity and fees. Security quotes are stored but
    not binding; FX quotes lock a rate. Pass the returned `id` as `quote` when placing the
    order (FX orders then replay the locked rate; security cash buys get a deviation
    check). Expired or used quotes are refused at placement (`quote_invalid`,
    `quote_already_consumed`). Note the field is `instrument_id` here but `instrument` on
    place-order. Source: the Sophic OpenAPI.

    Args:
        account_id (str):
        api_version (str | Unset):
        client_request_id (str | Unset):
        person_id (str | Unset):
        client_user_id (str | Unset):
        body (OrderQuoteRequest): Order preview. Buys carry `cash_amount`, sells carry `quantity`.
            Note `instrument_id`
            (place-order uses `instrument`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | OrderQuote
    """

    return sync_detailed(
        account_id=account_id,
        client=client,
        body=body,
        api_version=api_version,
        client_request_id=client_request_id,
        person_id=person_id,
        client_user_id=client_user_id,
    ).parsed


async def asyncio_detailed(
    account_id: str,
    *,
    client: AuthenticatedClient,
    body: OrderQuoteRequest,
    api_version: str | Unset = UNSET,
    client_request_id: str | Unset = UNSET,
    person_id: str | Unset = UNSET,
    client_user_id: str | Unset = UNSET,
) -> Response[Error | OrderQuote]:
    """Quote an order

     Previews an order: estimated price, quantity and fees. Security quotes are stored but
    not binding; FX quotes lock a rate. Pass the returned `id` as `quote` when placing the
    order (FX orders then replay the locked rate; security cash buys get a deviation
    check). Expired or used quotes are refused at placement (`quote_invalid`,
    `quote_already_consumed`). Note the field is `instrument_id` here but `instrument` on
    place-order. Source: the Sophic OpenAPI.

    Args:
        account_id (str):
        api_version (str | Unset):
        client_request_id (str | Unset):
        person_id (str | Unset):
        client_user_id (str | Unset):
        body (OrderQuoteRequest): Order preview. Buys carry `cash_amount`, sells carry `quantity`.
            Note `instrument_id`
            (place-order uses `instrument`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | OrderQuote]
    """

    kwargs = _get_kwargs(
        account_id=account_id,
        body=body,
        api_version=api_version,
        client_request_id=client_request_id,
        person_id=person_id,
        client_user_id=client_user_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    account_id: str,
    *,
    client: AuthenticatedClient,
    body: OrderQuoteRequest,
    api_version: str | Unset = UNSET,
    client_request_id: str | Unset = UNSET,
    person_id: str | Unset = UNSET,
    client_user_id: str | Unset = UNSET,
) -> Error | OrderQuote | None:
    """Quote an order

     Previews an order: estimated price, quantity and fees. Security quotes are stored but
    not binding; FX quotes lock a rate. Pass the returned `id` as `quote` when placing the
    order (FX orders then replay the locked rate; security cash buys get a deviation
    check). Expired or used quotes are refused at placement (`quote_invalid`,
    `quote_already_consumed`). Note the field is `instrument_id` here but `instrument` on
    place-order. Source: the Sophic OpenAPI.

    Args:
        account_id (str):
        api_version (str | Unset):
        client_request_id (str | Unset):
        person_id (str | Unset):
        client_user_id (str | Unset):
        body (OrderQuoteRequest): Order preview. Buys carry `cash_amount`, sells carry `quantity`.
            Note `instrument_id`
            (place-order uses `instrument`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | OrderQuote
    """

    return (
        await asyncio_detailed(
            account_id=account_id,
            client=client,
            body=body,
            api_version=api_version,
            client_request_id=client_request_id,
            person_id=person_id,
            client_user_id=client_user_id,
        )
    ).parsed


def build_request(
    account_id: str,
    *,
    body: OrderQuoteRequest,
    api_version: str | Unset = UNSET,
    client_request_id: str | Unset = UNSET,
    person_id: str | Unset = UNSET,
    client_user_id: str | Unset = UNSET,
) -> dict[str, Any]:
    """The keyword arguments of the ``httpx`` request this operation sends (``method``, ``url``
    and, where the operation has them, ``params``, ``headers``, ``json`` / ``data`` /
    ``content``), built without sending anything: pass them to ``httpx.Client.request``.
    """
    return _get_kwargs(
        account_id=account_id,
        body=body,
        api_version=api_version,
        client_request_id=client_request_id,
        person_id=person_id,
        client_user_id=client_user_id,
    )


def parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response, data: Any = UNSET
) -> Response[Error | OrderQuote]:
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
