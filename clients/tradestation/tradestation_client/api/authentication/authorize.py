from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.authorization_code_token_request import AuthorizationCodeTokenRequest
from ...models.error import Error
from ...models.refresh_token_request import RefreshTokenRequest
from ...models.token_response import TokenResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: AuthorizationCodeTokenRequest | RefreshTokenRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v2/security/authorize",
    }

    _kwargs["data"] = body.to_dict()
    headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response, data: Any = UNSET
) -> Error | TokenResponse | None:
    if response.status_code == 200:
        response_200 = TokenResponse.from_dict(response.json() if isinstance(data, Unset) else data)

        return response_200

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json() if isinstance(data, Unset) else data)

        return response_401

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response, data: Any = UNSET
) -> Response[Error | TokenResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response, data=data),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: AuthorizationCodeTokenRequest | RefreshTokenRequest,
) -> Response[Error | TokenResponse]:
    """Exchange an authorization code or a refresh token for an access token

     OAuth 2.0 token endpoint, form encoded. `grant_type=authorization_code` exchanges the
    30-second code from the browser step (`redirect_uri` must equal the one used there);
    `grant_type=refresh_token` gets a new access token from a refresh token. Access tokens
    last 20 minutes (`expires_in: 1200`); the refresh-grant response carries no new
    refresh token. Source: TS-OAS `securityDefinitions` and its token example; legacy
    security-overview and authorize pages.

    Args:
        body (AuthorizationCodeTokenRequest | RefreshTokenRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | TokenResponse]
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
    client: AuthenticatedClient | Client,
    body: AuthorizationCodeTokenRequest | RefreshTokenRequest,
) -> Error | TokenResponse | None:
    """Exchange an authorization code or a refresh token for an access token

     OAuth 2.0 token endpoint, form encoded. `grant_type=authorization_code` exchanges the
    30-second code from the browser step (`redirect_uri` must equal the one used there);
    `grant_type=refresh_token` gets a new access token from a refresh token. Access tokens
    last 20 minutes (`expires_in: 1200`); the refresh-grant response carries no new
    refresh token. Source: TS-OAS `securityDefinitions` and its token example; legacy
    security-overview and authorize pages.

    Args:
        body (AuthorizationCodeTokenRequest | RefreshTokenRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | TokenResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: AuthorizationCodeTokenRequest | RefreshTokenRequest,
) -> Response[Error | TokenResponse]:
    """Exchange an authorization code or a refresh token for an access token

     OAuth 2.0 token endpoint, form encoded. `grant_type=authorization_code` exchanges the
    30-second code from the browser step (`redirect_uri` must equal the one used there);
    `grant_type=refresh_token` gets a new access token from a refresh token. Access tokens
    last 20 minutes (`expires_in: 1200`); the refresh-grant response carries no new
    refresh token. Source: TS-OAS `securityDefinitions` and its token example; legacy
    security-overview and authorize pages.

    Args:
        body (AuthorizationCodeTokenRequest | RefreshTokenRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | TokenResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: AuthorizationCodeTokenRequest | RefreshTokenRequest,
) -> Error | TokenResponse | None:
    """Exchange an authorization code or a refresh token for an access token

     OAuth 2.0 token endpoint, form encoded. `grant_type=authorization_code` exchanges the
    30-second code from the browser step (`redirect_uri` must equal the one used there);
    `grant_type=refresh_token` gets a new access token from a refresh token. Access tokens
    last 20 minutes (`expires_in: 1200`); the refresh-grant response carries no new
    refresh token. Source: TS-OAS `securityDefinitions` and its token example; legacy
    security-overview and authorize pages.

    Args:
        body (AuthorizationCodeTokenRequest | RefreshTokenRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | TokenResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed


def build_request(
    *,
    body: AuthorizationCodeTokenRequest | RefreshTokenRequest,
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
) -> Response[Error | TokenResponse]:
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
