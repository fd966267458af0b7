from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.client_credentials_form import ClientCredentialsForm
from ...models.error import Error
from ...models.o_auth_error_body import OAuthErrorBody
from ...models.o_auth_token import OAuthToken
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: ClientCredentialsForm,
    api_version: str | Unset = UNSET,
    client_request_id: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(api_version, Unset):
        headers["Api-Version"] = api_version

    if not isinstance(client_request_id, Unset):
        headers["Client-Request-Id"] = client_request_id

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/auth/token",
    }

    _kwargs["data"] = body.to_dict()
    headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response, data: Any = UNSET
) -> Error | Error | OAuthErrorBody | OAuthErrorBody | OAuthToken | None:
    if response.status_code == 200:
        response_200 = OAuthToken.from_dict(response.json() if isinstance(data, Unset) else data)

        return response_200

    if response.status_code == 400:

        def _parse_response_400(data: object) -> Error | OAuthErrorBody:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_400_type_0 = OAuthErrorBody.from_dict(data)

                return response_400_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            response_400_type_1 = Error.from_dict(data)

            return response_400_type_1

        response_400 = _parse_response_400(response.json() if isinstance(data, Unset) else data)

        return response_400

    if response.status_code == 401:
        response_401 = OAuthErrorBody.from_dict(response.json() if isinstance(data, Unset) else data)

        return response_401

    if response.status_code == 500:
        response_500 = Error.from_dict(response.json() if isinstance(data, Unset) else data)

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response, data: Any = UNSET
) -> Response[Error | Error | OAuthErrorBody | OAuthErrorBody | OAuthToken]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response, data=data),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ClientCredentialsForm,
    api_version: str | Unset = UNSET,
    client_request_id: str | Unset = UNSET,
) -> Response[Error | Error | OAuthErrorBody | OAuthErrorBody | OAuthToken]:
    """Issue an access token (client credentials)

     Exchanges a client ID and secret for a JWT access token using the OAuth 2.0
    client-credentials grant, the only grant accepted since 2026-03-16. Tokens live 15
    minutes by default and cannot be refreshed; request a new one before `expires_in` runs
    out. Sandbox tokens are not valid on live. Source: `/api-reference/auth`.

    Args:
        api_version (str | Unset):
        client_request_id (str | Unset):
        body (ClientCredentialsForm): Form fields of the client-credentials grant
            (`application/x-www-form-urlencoded`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Error | OAuthErrorBody | OAuthErrorBody | OAuthToken]
    """

    kwargs = _get_kwargs(
        body=body,
        api_version=api_version,
        client_request_id=client_request_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: ClientCredentialsForm,
    api_version: str | Unset = UNSET,
    client_request_id: str | Unset = UNSET,
) -> Error | Error | OAuthErrorBody | OAuthErrorBody | OAuthToken | None:
    """Issue an access token (client credentials)

     Exchanges a client ID and secret for a JWT access token using the OAuth 2.0
    client-credentials grant, the only grant accepted since 2026-03-16. Tokens live 15
    minutes by default and cannot be refreshed; request a new one before `expires_in` runs
    out. Sandbox tokens are not valid on live. Source: `/api-reference/auth`.

    Args:
        api_version (str | Unset):
        client_request_id (str | Unset):
        body (ClientCredentialsForm): Form fields of the client-credentials grant
            (`application/x-www-form-urlencoded`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Error | OAuthErrorBody | OAuthErrorBody | OAuthToken
    """

    return sync_detailed(
        client=client,
        body=body,
        api_version=api_version,
        client_request_id=client_request_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ClientCredentialsForm,
    api_version: str | Unset = UNSET,
    client_request_id: str | Unset = UNSET,
) -> Response[Error | Error | OAuthErrorBody | OAuthErrorBody | OAuthToken]:
    """Issue an access token (client credentials)

     Exchanges a client ID and secret for a JWT access token using the OAuth 2.0
    client-credentials grant, the only grant accepted since 2026-03-16. Tokens live 15
    minutes by default and cannot be refreshed; request a new one before `expires_in` runs
    out. Sandbox tokens are not valid on live. Source: `/api-reference/auth`.

    Args:
        api_version (str | Unset):
        client_request_id (str | Unset):
        body (ClientCredentialsForm): Form fields of the client-credentials grant
            (`application/x-www-form-urlencoded`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Error | OAuthErrorBody | OAuthErrorBody | OAuthToken]
    """

    kwargs = _get_kwargs(
        body=body,
        api_version=api_version,
        client_request_id=client_request_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: ClientCredentialsForm,
    api_version: str | Unset = UNSET,
    client_request_id: str | Unset = UNSET,
) -> Error | Error | OAuthErrorBody | OAuthErrorBody | OAuthToken | None:
    """Issue an access token (client credentials)

     Exchanges a client ID and secret for a JWT access token using the OAuth 2.0
    client-credentials grant, the only grant accepted since 2026-03-16. Tokens live 15
    minutes by default and cannot be refreshed; request a new one before `expires_in` runs
    out. Sandbox tokens are not valid on live. Source: `/api-reference/auth`.

    Args:
        api_version (str | Unset):
        client_request_id (str | Unset):
        body (ClientCredentialsForm): Form fields of the client-credentials grant
            (`application/x-www-form-urlencoded`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Error | OAuthErrorBody | OAuthErrorBody | OAuthToken
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            api_version=api_version,
            client_request_id=client_request_id,
        )
    ).parsed


def build_request(
    *,
    body: ClientCredentialsForm,
    api_version: str | Unset = UNSET,
    client_request_id: str | Unset = UNSET,
) -> dict[str, Any]:
    """The keyword arguments of the ``httpx`` request this operation sends (``method``, ``url``
    and, where the operation has them, ``params``, ``headers``, ``json`` / ``data`` /
    ``content``), built without sending anything: pass them to ``httpx.Client.request``.
    """
    return _get_kwargs(
        body=body,
        api_version=api_version,
        client_request_id=client_request_id,
    )


def parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response, data: Any = UNSET
) -> Response[Error | Error | OAuthErrorBody | OAuthErrorBody | OAuthToken]:
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
