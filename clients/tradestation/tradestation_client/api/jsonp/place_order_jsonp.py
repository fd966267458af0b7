from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.api_version import ApiVersion
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    api_version: ApiVersion | Unset = UNSET,
    data: str,
    callback: str,
    oauth_token: str,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_api_version: str | Unset = UNSET
    if not isinstance(api_version, Unset):
        json_api_version = api_version.value

    params["APIVersion"] = json_api_version

    params["data"] = data

    params["callback"] = callback

    params["oauth_token"] = oauth_token

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v2/jsonp/orders/send",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response, data: Any = UNSET) -> str | None:
    if response.status_code == 200:
        response_200 = response.text
        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response, data: Any = UNSET
) -> Response[str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response, data=data),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    api_version: ApiVersion | Unset = UNSET,
    data: str,
    callback: str,
    oauth_token: str,
) -> Response[str]:
    """Submit an order through the legacy JSONP GET route

     JSONP twin of `POST /v2/orders` for browsers: the order is the URL-encoded JSON in
    `data`, the access token is `oauth_token`, and the answer is JavaScript calling
    `callback` with the usual result array. Always HTTP 200: errors travel inside the
    callback (`{"Message":"Unauthorized","StatusCode":401}`). The response also carries a
    `jsonp-callback` header. Source: legacy Place Order page (JSONP section); legacy
    `place-order` and `error-handling` pages (webapi-docs).

    Args:
        api_version (ApiVersion | Unset): `20101026` original (default when omitted), `20150101`
            early name of the global
            edition (legacy Place Order page), `20150601` global edition, `20160101` latest.
        data (str):
        callback (str):
        oauth_token (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[str]
    """

    kwargs = _get_kwargs(
        api_version=api_version,
        data=data,
        callback=callback,
        oauth_token=oauth_token,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    api_version: ApiVersion | Unset = UNSET,
    data: str,
    callback: str,
    oauth_token: str,
) -> str | None:
    """Submit an order through the legacy JSONP GET route

     JSONP twin of `POST /v2/orders` for browsers: the order is the URL-encoded JSON in
    `data`, the access token is `oauth_token`, and the answer is JavaScript calling
    `callback` with the usual result array. Always HTTP 200: errors travel inside the
    callback (`{"Message":"Unauthorized","StatusCode":401}`). The response also carries a
    `jsonp-callback` header. Source: legacy Place Order page (JSONP section); legacy
    `place-order` and `error-handling` pages (webapi-docs).

    Args:
        api_version (ApiVersion | Unset): `20101026` original (default when omitted), `20150101`
            early name of the global
            edition (legacy Place Order page), `20150601` global edition, `20160101` latest.
        data (str):
        callback (str):
        oauth_token (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        str
    """

    return sync_detailed(
        client=client,
        api_version=api_version,
        data=data,
        callback=callback,
        oauth_token=oauth_token,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    api_version: ApiVersion | Unset = UNSET,
    data: str,
    callback: str,
    oauth_token: str,
) -> Response[str]:
    """Submit an order through the legacy JSONP GET route

     JSONP twin of `POST /v2/orders` for browsers: the order is the URL-encoded JSON in
    `data`, the access token is `oauth_token`, and the answer is JavaScript calling
    `callback` with the usual result array. Always HTTP 200: errors travel inside the
    callback (`{"Message":"Unauthorized","StatusCode":401}`). The response also carries a
    `jsonp-callback` header. Source: legacy Place Order page (JSONP section); legacy
    `place-order` and `error-handling` pages (webapi-docs).

    Args:
        api_version (ApiVersion | Unset): `20101026` original (default when omitted), `20150101`
            early name of the global
            edition (legacy Place Order page), `20150601` global edition, `20160101` latest.
        data (str):
        callback (str):
        oauth_token (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[str]
    """

    kwargs = _get_kwargs(
        api_version=api_version,
        data=data,
        callback=callback,
        oauth_token=oauth_token,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    api_version: ApiVersion | Unset = UNSET,
    data: str,
    callback: str,
    oauth_token: str,
) -> str | None:
    """Submit an order through the legacy JSONP GET route

     JSONP twin of `POST /v2/orders` for browsers: the order is the URL-encoded JSON in
    `data`, the access token is `oauth_token`, and the answer is JavaScript calling
    `callback` with the usual result array. Always HTTP 200: errors travel inside the
    callback (`{"Message":"Unauthorized","StatusCode":401}`). The response also carries a
    `jsonp-callback` header. Source: legacy Place Order page (JSONP section); legacy
    `place-order` and `error-handling` pages (webapi-docs).

    Args:
        api_version (ApiVersion | Unset): `20101026` original (default when omitted), `20150101`
            early name of the global
            edition (legacy Place Order page), `20150601` global edition, `20160101` latest.
        data (str):
        callback (str):
        oauth_token (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        str
    """

    return (
        await asyncio_detailed(
            client=client,
            api_version=api_version,
            data=data,
            callback=callback,
            oauth_token=oauth_token,
        )
    ).parsed


def build_request(
    *,
    api_version: ApiVersion | Unset = UNSET,
    data: str,
    callback: str,
    oauth_token: str,
) -> dict[str, Any]:
    """The keyword arguments of the ``httpx`` request this operation sends (``method``, ``url``
    and, where the operation has them, ``params``, ``headers``, ``json`` / ``data`` /
    ``content``), built without sending anything: pass them to ``httpx.Client.request``.
    """
    return _get_kwargs(
        api_version=api_version,
        data=data,
        callback=callback,
        oauth_token=oauth_token,
    )


def parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response, data: Any = UNSET
) -> Response[str]:
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
