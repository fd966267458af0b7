from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.place_order_request import PlaceOrderRequest
from ...models.place_order_response import PlaceOrderResponse
from ...models.problem_details import ProblemDetails
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: PlaceOrderRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/Order/place",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response, data: Any = UNSET
) -> PlaceOrderResponse | ProblemDetails | str | None:
    if response.status_code == 200:
        response_200 = PlaceOrderResponse.from_dict(response.json() if isinstance(data, Unset) else data)

        return response_200

    if response.status_code == 400:
        response_400 = ProblemDetails.from_dict(response.json() if isinstance(data, Unset) else data)

        return response_400

    if response.status_code == 401:
        response_401 = response.text
        return response_401

    if response.status_code == 429:
        response_429 = response.text
        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response, data: Any = UNSET
) -> Response[PlaceOrderResponse | ProblemDetails | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response, data=data),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: PlaceOrderRequest,
) -> Response[PlaceOrderResponse | ProblemDetails | str]:
    """Place an order

     Places one order; step 3 of "placing your first order". Prices (`limitPrice`,
    `stopPrice`, `trailPrice`) are JSON numbers, not strings. `customTag` is the client
    order id: unique per account, a duplicate is rejected with code 2; never reuse one.

    Outcome: `success: true` means accepted. `success: false` with code 2 OrderRejected
    (or any other definitive code) is a refusal, **even when an `orderId` is present**
    (a rejected bracket order still gets an id). Codes 6 OrderPending and 7 UnknownError,
    and any transport failure after the request was sent, leave the outcome unknown:
    reconcile, do not retry.

    Bracket objects are accepted only when the account uses "Auto OCO Brackets"; in the
    default "Position Brackets" mode the order is rejected with code 2.

    Source: docs pages "Placing Your First Order" (step 3) and `api-reference/order/order-place`
    (examples quoted); swagger operation `Order_PlaceOrder` and its `PlaceOrderErrorCode`;
    pitfalls from the projectx-rs README and project-x-py's audit notes.

    Args:
        body (PlaceOrderRequest): New order. Prices are JSON numbers (not strings). Send only the
            fields that apply;
            nullable fields may be sent as null or omitted.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PlaceOrderResponse | ProblemDetails | str]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: PlaceOrderRequest,
) -> PlaceOrderResponse | ProblemDetails | str | None:
    """Place an order

     Places one order; step 3 of "placing your first order". Prices (`limitPrice`,
    `stopPrice`, `trailPrice`) are JSON numbers, not strings. `customTag` is the client
    order id: unique per account, a duplicate is rejected with code 2; never reuse one.

    Outcome: `success: true` means accepted. `success: false` with code 2 OrderRejected
    (or any other definitive code) is a refusal, **even when an `orderId` is present**
    (a rejected bracket order still gets an id). Codes 6 OrderPending and 7 UnknownError,
    and any transport failure after the request was sent, leave the outcome unknown:
    reconcile, do not retry.

    Bracket objects are accepted only when the account uses "Auto OCO Brackets"; in the
    default "Position Brackets" mode the order is rejected with code 2.

    Source: docs pages "Placing Your First Order" (step 3) and `api-reference/order/order-place`
    (examples quoted); swagger operation `Order_PlaceOrder` and its `PlaceOrderErrorCode`;
    pitfalls from the projectx-rs README and project-x-py's audit notes.

    Args:
        body (PlaceOrderRequest): New order. Prices are JSON numbers (not strings). Send only the
            fields that apply;
            nullable fields may be sent as null or omitted.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PlaceOrderResponse | ProblemDetails | str
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: PlaceOrderRequest,
) -> Response[PlaceOrderResponse | ProblemDetails | str]:
    """Place an order

     Places one order; step 3 of "placing your first order". Prices (`limitPrice`,
    `stopPrice`, `trailPrice`) are JSON numbers, not strings. `customTag` is the client
    order id: unique per account, a duplicate is rejected with code 2; never reuse one.

    Outcome: `success: true` means accepted. `success: false` with code 2 OrderRejected
    (or any other definitive code) is a refusal, **even when an `orderId` is present**
    (a rejected bracket order still gets an id). Codes 6 OrderPending and 7 UnknownError,
    and any transport failure after the request was sent, leave the outcome unknown:
    reconcile, do not retry.

    Bracket objects are accepted only when the account uses "Auto OCO Brackets"; in the
    default "Position Brackets" mode the order is rejected with code 2.

    Source: docs pages "Placing Your First Order" (step 3) and `api-reference/order/order-place`
    (examples quoted); swagger operation `Order_PlaceOrder` and its `PlaceOrderErrorCode`;
    pitfalls from the projectx-rs README and project-x-py's audit notes.

    Args:
        body (PlaceOrderRequest): New order. Prices are JSON numbers (not strings). Send only the
            fields that apply;
            nullable fields may be sent as null or omitted.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PlaceOrderResponse | ProblemDetails | str]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: PlaceOrderRequest,
) -> PlaceOrderResponse | ProblemDetails | str | None:
    """Place an order

     Places one order; step 3 of "placing your first order". Prices (`limitPrice`,
    `stopPrice`, `trailPrice`) are JSON numbers, not strings. `customTag` is the client
    order id: unique per account, a duplicate is rejected with code 2; never reuse one.

    Outcome: `success: true` means accepted. `success: false` with code 2 OrderRejected
    (or any other definitive code) is a refusal, **even when an `orderId` is present**
    (a rejected bracket order still gets an id). Codes 6 OrderPending and 7 UnknownError,
    and any transport failure after the request was sent, leave the outcome unknown:
    reconcile, do not retry.

    Bracket objects are accepted only when the account uses "Auto OCO Brackets"; in the
    default "Position Brackets" mode the order is rejected with code 2.

    Source: docs pages "Placing Your First Order" (step 3) and `api-reference/order/order-place`
    (examples quoted); swagger operation `Order_PlaceOrder` and its `PlaceOrderErrorCode`;
    pitfalls from the projectx-rs README and project-x-py's audit notes.

    Args:
        body (PlaceOrderRequest): New order. Prices are JSON numbers (not strings). Send only the
            fields that apply;
            nullable fields may be sent as null or omitted.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PlaceOrderResponse | ProblemDetails | str
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed


def build_request(
    *,
    body: PlaceOrderRequest,
) -> dict[str, Any]:
    """The keyword arguments of the ``httpx`` request this operation sends (``method``, ``url``
    and, where the operation has them, ``params``, ``headers``, ``json`` / ``data`` /
    ``content``), built without sending anything: pass them to ``httpx.Client.request``.
    """
    return _get_kwargs(
        body=body,
    )


def parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response, data: Any = UNSET
) -> Response[PlaceOrderResponse | ProblemDetails | str]:
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
