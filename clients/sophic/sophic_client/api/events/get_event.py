from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.event import Event
from ...types import UNSET, Response, Unset


def _get_kwargs(
    event_id: str,
    *,
    api_version: str | Unset = UNSET,
    client_request_id: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(api_version, Unset):
        headers["Api-Version"] = api_version

    if not isinstance(client_request_id, Unset):
        headers["Client-Request-Id"] = client_request_id

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/events/{event_id}".format(
            event_id=quote(str(event_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response, data: Any = UNSET
) -> Error | Event | None:
    if response.status_code == 200:
        response_200 = Event.from_dict(response.json() if isinstance(data, Unset) else data)

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
) -> Response[Error | Event]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response, data=data),
    )


def sync_detailed(
    event_id: str,
    *,
    client: AuthenticatedClient,
    api_version: str | Unset = UNSET,
    client_request_id: str | Unset = UNSET,
) -> Response[Error | Event]:
    """Retrieve an event

     Retrieves one event, e.g. to confirm a webhook delivery by its `Event-Id`. Source:
    the Sophic OpenAPI; `/docs/webhooks/events`.

    Args:
        event_id (str):
        api_version (str | Unset):
        client_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Event]
    """

    kwargs = _get_kwargs(
        event_id=event_id,
        api_version=api_version,
        client_request_id=client_request_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    event_id: str,
    *,
    client: AuthenticatedClient,
    api_version: str | Unset = UNSET,
    client_request_id: str | Unset = UNSET,
) -> Error | Event | None:
    """Retrieve an event

     Retrieves one event, e.g. to confirm a webhook delivery by its `Event-Id`. Source:
    the Sophic OpenAPI; `/docs/webhooks/events`.

    Args:
        event_id (str):
        api_version (str | Unset):
        client_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Event
    """

    return sync_detailed(
        event_id=event_id,
        client=client,
        api_version=api_version,
        client_request_id=client_request_id,
    ).parsed


async def asyncio_detailed(
    event_id: str,
    *,
    client: AuthenticatedClient,
    api_version: str | Unset = UNSET,
    client_request_id: str | Unset = UNSET,
) -> Response[Error | Event]:
    """Retrieve an event

     Retrieves one event, e.g. to confirm a webhook delivery by its `Event-Id`. Source:
    the Sophic OpenAPI; `/docs/webhooks/events`.

    Args:
        event_id (str):
        api_version (str | Unset):
        client_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Event]
    """

    kwargs = _get_kwargs(
        event_id=event_id,
        api_version=api_version,
        client_request_id=client_request_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    event_id: str,
    *,
    client: AuthenticatedClient,
    api_version: str | Unset = UNSET,
    client_request_id: str | Unset = UNSET,
) -> Error | Event | None:
    """Retrieve an event

     Retrieves one event, e.g. to confirm a webhook delivery by its `Event-Id`. Source:
    the Sophic OpenAPI; `/docs/webhooks/events`.

    Args:
        event_id (str):
        api_version (str | Unset):
        client_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Event
    """

    return (
        await asyncio_detailed(
            event_id=event_id,
            client=client,
            api_version=api_version,
            client_request_id=client_request_id,
        )
    ).parsed


def build_request(
    event_id: str,
    *,
    api_version: str | Unset = UNSET,
    client_request_id: str | Unset = UNSET,
) -> dict[str, Any]:
    """The keyword arguments of the ``httpx`` request this operation sends (``method``, ``url``
    and, where the operation has them, ``params``, ``headers``, ``json`` / ``data`` /
    ``content``), built without sending anything: pass them to ``httpx.Client.request``.
    """
    return _get_kwargs(
        event_id=event_id,
        api_version=api_version,
        client_request_id=client_request_id,
    )


def parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response, data: Any = UNSET
) -> Response[Error | Event]:
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
