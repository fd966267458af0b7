from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.order import Order
from ...models.place_order_request import PlaceOrderRequest
from ...types import UNSET, Response, Unset


def _get_kwargs(
    account_id: str,
    *,
    body: PlaceOrderRequest,
    api_version: str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
    client_request_id: str | Unset = UNSET,
    person_id: str | Unset = UNSET,
    client_user_id: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(api_version, Unset):
        headers["Api-Version"] = api_version

    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    if not isinstance(client_request_id, Unset):
        headers["Client-Request-Id"] = client_request_id

    if not isinstance(person_id, Unset):
        headers["Person-Id"] = person_id

    if not isinstance(client_user_id, Unset):
        headers["Client-User-Id"] = client_user_id

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/accounts/{account_id}/orders".format(
            account_id=quote(str(account_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response, data: Any = UNSET
) -> Error | Order | None:
    if response.status_code == 201:
        response_201 = Order.from_dict(response.json() if isinstance(data, Unset) else data)

        return response_201

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

    if response.status_code == 409:
        response_409 = Error.from_dict(response.json() if isinstance(data, Unset) else data)

        return response_409

    if response.status_code == 500:
        response_500 = Error.from_dict(response.json() if isinstance(data, Unset) else data)

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response, data: Any = UNSET
) -> Response[Error | Order]:
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
    body: PlaceOrderRequest,
    api_version: str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
    client_request_id: str | Unset = UNSET,
    person_id: str | Unset = UNSET,
    client_user_id: str | Unset = UNSET,
) -> Response[Error | Order]:
    """Place an order

     Places a market order. Buys are cash-based: send `cash_amount` (pre-fee cash to invest)
    and no `quantity`. Sells are unit-based: send `quantity` and no `cash_amount`. The wrong
    field for the side is a validation error. `instrument` is the instrument ID, not its
    symbol.

    Creation is synchronous (validation, cash or unit reservation, `201` with `status:
    placed`); execution and settlement happen later and are reported by `order.*` and
    `trade.*` events or by polling `GET /accounts/{account_id}/orders/{order_id}`.

    Send an `Idempotency-Key` to make a retry safe: within 24 hours the same key and body
    replay the stored result; the same key with a different body gets 409. Keys are stored
    only once validation passes, so a 400 leaves the key unused.

    In the sandbox, buys of `cash_amount` `"5001"` end `cancelled` unfilled, `"5002"` fill
    40% then end `filled`, and sells of `quantity` `"20"` fill 25% then end `filled`;
    matching is on the exact string. Source: the Sophic OpenAPI; `/docs/orders/overview`,
    `/docs/orders/lifecycle`, `/docs/orders/testing`, `/api-reference/idempotency`.

    Args:
        account_id (str):
        api_version (str | Unset):
        idempotency_key (str | Unset):
        client_request_id (str | Unset):
        person_id (str | Unset):
        client_user_id (str | Unset):
        body (PlaceOrderRequest): A market order. Buys carry `cash_amount` and no `quantity`;
            sells carry `quantity` and no
            `cash_amount`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Order]
    """

    kwargs = _get_kwargs(
        account_id=account_id,
        body=body,
        api_version=api_version,
        idempotency_key=idempotency_key,
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
    body: PlaceOrderRequest,
    api_version: str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
    client_request_id: str | Unset = UNSET,
    person_id: str | Unset = UNSET,
    client_user_id: str | Unset = UNSET,
) -> Error | Order | None:
    """Place an order

     Places a market order. Buys are cash-based: send `cash_amount` (pre-fee cash to invest)
    and no `quantity`. Sells are unit-based: send `quantity` and no `cash_amount`. The wrong
    field for the side is a validation error. `instrument` is the instrument ID, not its
    symbol.

    Creation is synchronous (validation, cash or unit reservation, `201` with `status:
    placed`); execution and settlement happen later and are reported by `order.*` and
    `trade.*` events or by polling `GET /accounts/{account_id}/orders/{order_id}`.

    Send an `Idempotency-Key` to make a retry safe: within 24 hours the same key and body
    replay the stored result; the same key with a different body gets 409. Keys are stored
    only once validation passes, so a 400 leaves the key unused.

    In the sandbox, buys of `cash_amount` `"5001"` end `cancelled` unfilled, `"5002"` fill
    40% then end `filled`, and sells of `quantity` `"20"` fill 25% then end `filled`;
    matching is on the exact string. Source: the Sophic OpenAPI; `/docs/orders/overview`,
    `/docs/orders/lifecycle`, `/docs/orders/testing`, `/api-reference/idempotency`.

    Args:
        account_id (str):
        api_version (str | Unset):
        idempotency_key (str | Unset):
        client_request_id (str | Unset):
        person_id (str | Unset):
        client_user_id (str | Unset):
        body (PlaceOrderRequest): A market order. Buys carry `cash_amount` and no `quantity`;
            sells carry `quantity` and no
            `cash_amount`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Order
    """

    return sync_detailed(
        account_id=account_id,
        client=client,
        body=body,
        api_version=api_version,
        idempotency_key=idempotency_key,
        client_request_id=client_request_id,
        person_id=person_id,
        client_user_id=client_user_id,
    ).parsed


async def asyncio_detailed(
    account_id: str,
    *,
    client: AuthenticatedClient,
    body: PlaceOrderRequest,
    api_version: str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
    client_request_id: str | Unset = UNSET,
    person_id: str | Unset = UNSET,
    client_user_id: str | Unset = UNSET,
) -> Response[Error | Order]:
    """Place an order

     Places a market order. Buys are cash-based: send `cash_amount` (pre-fee cash to invest)
    and no `quantity`. Sells are unit-based: send `quantity` and no `cash_amount`. The wrong
    field for the side is a validation error. `instrument` is the instrument ID, not its
    symbol.

    Creation is synchronous (validation, cash or unit reservation, `201` with `status:
    placed`); execution and settlement happen later and are reported by `order.*` and
    `trade.*` events or by polling `GET /accounts/{account_id}/orders/{order_id}`.

    Send an `Idempotency-Key` to make a retry safe: within 24 hours the same key and body
    replay the stored result; the same key with a different body gets 409. Keys are stored
    only once validation passes, so a 400 leaves the key unused.

    In the sandbox, buys of `cash_amount` `"5001"` end `cancelled` unfilled, `"5002"` fill
    40% then end `filled`, and sells of `quantity` `"20"` fill 25% then end `filled`;
    matching is on the exact string. Source: the Sophic OpenAPI; `/docs/orders/overview`,
    `/docs/orders/lifecycle`, `/docs/orders/testing`, `/api-reference/idempotency`.

    Args:
        account_id (str):
        api_version (str | Unset):
        idempotency_key (str | Unset):
        client_request_id (str | Unset):
        person_id (str | Unset):
        client_user_id (str | Unset):
        body (PlaceOrderRequest): A market order. Buys carry `cash_amount` and no `quantity`;
            sells carry `quantity` and no
            `cash_amount`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Order]
    """

    kwargs = _get_kwargs(
        account_id=account_id,
        body=body,
        api_version=api_version,
        idempotency_key=idempotency_key,
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
    body: PlaceOrderRequest,
    api_version: str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
    client_request_id: str | Unset = UNSET,
    person_id: str | Unset = UNSET,
    client_user_id: str | Unset = UNSET,
) -> Error | Order | None:
    """Place an order

     Places a market order. Buys are cash-based: send `cash_amount` (pre-fee cash to invest)
    and no `quantity`. Sells are unit-based: send `quantity` and no `cash_amount`. The wrong
    field for the side is a validation error. `instrument` is the instrument ID, not its
    symbol.

    Creation is synchronous (validation, cash or unit reservation, `201` with `status:
    placed`); execution and settlement happen later and are reported by `order.*` and
    `trade.*` events or by polling `GET /accounts/{account_id}/orders/{order_id}`.

    Send an `Idempotency-Key` to make a retry safe: within 24 hours the same key and body
    replay the stored result; the same key with a different body gets 409. Keys are stored
    only once validation passes, so a 400 leaves the key unused.

    In the sandbox, buys of `cash_amount` `"5001"` end `cancelled` unfilled, `"5002"` fill
    40% then end `filled`, and sells of `quantity` `"20"` fill 25% then end `filled`;
    matching is on the exact string. Source: the Sophic OpenAPI; `/docs/orders/overview`,
    `/docs/orders/lifecycle`, `/docs/orders/testing`, `/api-reference/idempotency`.

    Args:
        account_id (str):
        api_version (str | Unset):
        idempotency_key (str | Unset):
        client_request_id (str | Unset):
        person_id (str | Unset):
        client_user_id (str | Unset):
        body (PlaceOrderRequest): A market order. Buys carry `cash_amount` and no `quantity`;
            sells carry `quantity` and no
            `cash_amount`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Order
    """

    return (
        await asyncio_detailed(
            account_id=account_id,
            client=client,
            body=body,
            api_version=api_version,
            idempotency_key=idempotency_key,
            client_request_id=client_request_id,
            person_id=person_id,
            client_user_id=client_user_id,
        )
    ).parsed


def build_request(
    account_id: str,
    *,
    body: PlaceOrderRequest,
    api_version: str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
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
        idempotency_key=idempotency_key,
        client_request_id=client_request_id,
        person_id=person_id,
        client_user_id=client_user_id,
    )


def parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response, data: Any = UNSET
) -> Response[Error | Order]:
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
