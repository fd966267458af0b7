from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...types import UNSET, Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/Status/ping",
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
    client: AuthenticatedClient | Client,
) -> Response[str]:
    """Liveness check

     The only `GET` of the API. Answers the string `pong`, in the media type the request's
    `Accept` asks for: `text/plain` (also for `*/*` or no `Accept`) gives the four bytes
    `pong`; `application/json` or `text/json` gives the JSON string `"pong"`. Whether it
    needs a token is undocumented; modelled as unauthenticated, as community clients treat
    it. See Source note 2 for the evidence.

    Source: swagger operation `Status_Ping` and the swagger's `produces` list; no docs page,
    and the vendor documents neither the exact body nor the auth requirement (our
    reading of community clients projectx-rs and project-x-py).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[str]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
) -> str | None:
    """Liveness check

     The only `GET` of the API. Answers the string `pong`, in the media type the request's
    `Accept` asks for: `text/plain` (also for `*/*` or no `Accept`) gives the four bytes
    `pong`; `application/json` or `text/json` gives the JSON string `"pong"`. Whether it
    needs a token is undocumented; modelled as unauthenticated, as community clients treat
    it. See Source note 2 for the evidence.

    Source: swagger operation `Status_Ping` and the swagger's `produces` list; no docs page,
    and the vendor documents neither the exact body nor the auth requirement (our
    reading of community clients projectx-rs and project-x-py).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        str
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[str]:
    """Liveness check

     The only `GET` of the API. Answers the string `pong`, in the media type the request's
    `Accept` asks for: `text/plain` (also for `*/*` or no `Accept`) gives the four bytes
    `pong`; `application/json` or `text/json` gives the JSON string `"pong"`. Whether it
    needs a token is undocumented; modelled as unauthenticated, as community clients treat
    it. See Source note 2 for the evidence.

    Source: swagger operation `Status_Ping` and the swagger's `produces` list; no docs page,
    and the vendor documents neither the exact body nor the auth requirement (our
    reading of community clients projectx-rs and project-x-py).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[str]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
) -> str | None:
    """Liveness check

     The only `GET` of the API. Answers the string `pong`, in the media type the request's
    `Accept` asks for: `text/plain` (also for `*/*` or no `Accept`) gives the four bytes
    `pong`; `application/json` or `text/json` gives the JSON string `"pong"`. Whether it
    needs a token is undocumented; modelled as unauthenticated, as community clients treat
    it. See Source note 2 for the evidence.

    Source: swagger operation `Status_Ping` and the swagger's `produces` list; no docs page,
    and the vendor documents neither the exact body nor the auth requirement (our
    reading of community clients projectx-rs and project-x-py).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        str
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
