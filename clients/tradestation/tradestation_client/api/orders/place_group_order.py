from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.api_version import ApiVersion
from ...models.error import Error
from ...models.error_envelope import ErrorEnvelope
from ...models.group_order_request import GroupOrderRequest
from ...models.order_result import OrderResult
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: GroupOrderRequest,
    api_version: ApiVersion | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    json_api_version: str | Unset = UNSET
    if not isinstance(api_version, Unset):
        json_api_version = api_version.value

    params["APIVersion"] = json_api_version

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v2/orders/groups",
        "params": params,
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response, data: Any = UNSET
) -> Error | Error | ErrorEnvelope | list[OrderResult] | str | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json() if isinstance(data, Unset) else data
        for response_200_item_data in _response_200:
            response_200_item = OrderResult.from_dict(response_200_item_data)

            response_200.append(response_200_item)

        return response_200

    if response.status_code == 400:

        def _parse_response_400(data: object) -> Error | ErrorEnvelope:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_bad_request_body_type_0 = Error.from_dict(data)

                return componentsschemas_bad_request_body_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_bad_request_body_type_1 = ErrorEnvelope.from_dict(data)

            return componentsschemas_bad_request_body_type_1

        response_400 = _parse_response_400(response.json() if isinstance(data, Unset) else data)

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json() if isinstance(data, Unset) else data)

        return response_401

    if response.status_code == 403:
        response_403 = response.text
        return response_403

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json() if isinstance(data, Unset) else data)

        return response_404

    if response.status_code == 500:
        response_500 = Error.from_dict(response.json() if isinstance(data, Unset) else data)

        return response_500

    if response.status_code == 502:
        response_502 = Error.from_dict(response.json() if isinstance(data, Unset) else data)

        return response_502

    if response.status_code == 504:
        response_504 = Error.from_dict(response.json() if isinstance(data, Unset) else data)

        return response_504

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response, data: Any = UNSET
) -> Response[Error | Error | ErrorEnvelope | list[OrderResult] | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response, data=data),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: GroupOrderRequest,
    api_version: ApiVersion | Unset = UNSET,
) -> Response[Error | Error | ErrorEnvelope | list[OrderResult] | str]:
    """Submit a group of orders (OCO or bracket)

     Submits several orders as one group. `OCO`: when one fills (even partially) the others
    are cancelled. `BRK` (bracket): an OCO that exits an existing position; every leg has
    the same symbol and side, closing transactions only. The server does not check that the
    quantities match. Answers an array with one `OrderResult` per child. Source: TS-OAS
    `POST /v2/orders/groups`, `GroupOrderRequestDefinition`; legacy `send-group-order` page.

    Args:
        api_version (ApiVersion | Unset): `20101026` original (default when omitted), `20150101`
            early name of the global
            edition (legacy Place Order page), `20150601` global edition, `20160101` latest.
        body (GroupOrderRequest): A group of orders (TS-OAS `GroupOrderRequestDefinition`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Error | ErrorEnvelope | list[OrderResult] | str]
    """

    kwargs = _get_kwargs(
        body=body,
        api_version=api_version,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: GroupOrderRequest,
    api_version: ApiVersion | Unset = UNSET,
) -> Error | Error | ErrorEnvelope | list[OrderResult] | str | None:
    """Submit a group of orders (OCO or bracket)

     Submits several orders as one group. `OCO`: when one fills (even partially) the others
    are cancelled. `BRK` (bracket): an OCO that exits an existing position; every leg has
    the same symbol and side, closing transactions only. The server does not check that the
    quantities match. Answers an array with one `OrderResult` per child. Source: TS-OAS
    `POST /v2/orders/groups`, `GroupOrderRequestDefinition`; legacy `send-group-order` page.

    Args:
        api_version (ApiVersion | Unset): `20101026` original (default when omitted), `20150101`
            early name of the global
            edition (legacy Place Order page), `20150601` global edition, `20160101` latest.
        body (GroupOrderRequest): A group of orders (TS-OAS `GroupOrderRequestDefinition`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Error | ErrorEnvelope | list[OrderResult] | str
    """

    return sync_detailed(
        client=client,
        body=body,
        api_version=api_version,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: GroupOrderRequest,
    api_version: ApiVersion | Unset = UNSET,
) -> Response[Error | Error | ErrorEnvelope | list[OrderResult] | str]:
    """Submit a group of orders (OCO or bracket)

     Submits several orders as one group. `OCO`: when one fills (even partially) the others
    are cancelled. `BRK` (bracket): an OCO that exits an existing position; every leg has
    the same symbol and side, closing transactions only. The server does not check that the
    quantities match. Answers an array with one `OrderResult` per child. Source: TS-OAS
    `POST /v2/orders/groups`, `GroupOrderRequestDefinition`; legacy `send-group-order` page.

    Args:
        api_version (ApiVersion | Unset): `20101026` original (default when omitted), `20150101`
            early name of the global
            edition (legacy Place Order page), `20150601` global edition, `20160101` latest.
        body (GroupOrderRequest): A group of orders (TS-OAS `GroupOrderRequestDefinition`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Error | ErrorEnvelope | list[OrderResult] | str]
    """

    kwargs = _get_kwargs(
        body=body,
        api_version=api_version,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: GroupOrderRequest,
    api_version: ApiVersion | Unset = UNSET,
) -> Error | Error | ErrorEnvelope | list[OrderResult] | str | None:
    """Submit a group of orders (OCO or bracket)

     Submits several orders as one group. `OCO`: when one fills (even partially) the others
    are cancelled. `BRK` (bracket): an OCO that exits an existing position; every leg has
    the same symbol and side, closing transactions only. The server does not check that the
    quantities match. Answers an array with one `OrderResult` per child. Source: TS-OAS
    `POST /v2/orders/groups`, `GroupOrderRequestDefinition`; legacy `send-group-order` page.

    Args:
        api_version (ApiVersion | Unset): `20101026` original (default when omitted), `20150101`
            early name of the global
            edition (legacy Place Order page), `20150601` global edition, `20160101` latest.
        body (GroupOrderRequest): A group of orders (TS-OAS `GroupOrderRequestDefinition`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Error | ErrorEnvelope | list[OrderResult] | str
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            api_version=api_version,
        )
    ).parsed


def build_request(
    *,
    body: GroupOrderRequest,
    api_version: ApiVersion | Unset = UNSET,
) -> dict[str, Any]:
    """The keyword arguments of the ``httpx`` request this operation sends (``method``, ``url``
    and, where the operation has them, ``params``, ``headers``, ``json`` / ``data`` /
    ``content``), built without sending anything: pass them to ``httpx.Client.request``.
    """
    return _get_kwargs(
        body=body,
        api_version=api_version,
    )


def parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response, data: Any = UNSET
) -> Response[Error | Error | ErrorEnvelope | list[OrderResult] | str]:
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
