import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.event import Event
from ...models.event_name import EventName
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    name: EventName | Unset = UNSET,
    resourceid: str | Unset = UNSET,
    createdgt: datetime.datetime | Unset = UNSET,
    createdgte: datetime.datetime | Unset = UNSET,
    createdlt: datetime.datetime | Unset = UNSET,
    createdlte: datetime.datetime | Unset = UNSET,
    api_version: str | Unset = UNSET,
    client_request_id: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(api_version, Unset):
        headers["Api-Version"] = api_version

    if not isinstance(client_request_id, Unset):
        headers["Client-Request-Id"] = client_request_id

    params: dict[str, Any] = {}

    json_name: str | Unset = UNSET
    if not isinstance(name, Unset):
        json_name = name.value

    params["name"] = json_name

    params["resource[id]"] = resourceid

    json_createdgt: str | Unset = UNSET
    if not isinstance(createdgt, Unset):
        json_createdgt = createdgt.isoformat()
    params["created[gt]"] = json_createdgt

    json_createdgte: str | Unset = UNSET
    if not isinstance(createdgte, Unset):
        json_createdgte = createdgte.isoformat()
    params["created[gte]"] = json_createdgte

    json_createdlt: str | Unset = UNSET
    if not isinstance(createdlt, Unset):
        json_createdlt = createdlt.isoformat()
    params["created[lt]"] = json_createdlt

    json_createdlte: str | Unset = UNSET
    if not isinstance(createdlte, Unset):
        json_createdlte = createdlte.isoformat()
    params["created[lte]"] = json_createdlte

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/events",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response, data: Any = UNSET
) -> Error | list[Event] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json() if isinstance(data, Unset) else data
        for response_200_item_data in _response_200:
            response_200_item = Event.from_dict(response_200_item_data)

            response_200.append(response_200_item)

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

    if response.status_code == 500:
        response_500 = Error.from_dict(response.json() if isinstance(data, Unset) else data)

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response, data: Any = UNSET
) -> Response[Error | list[Event]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response, data=data),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    name: EventName | Unset = UNSET,
    resourceid: str | Unset = UNSET,
    createdgt: datetime.datetime | Unset = UNSET,
    createdgte: datetime.datetime | Unset = UNSET,
    createdlt: datetime.datetime | Unset = UNSET,
    createdlte: datetime.datetime | Unset = UNSET,
    api_version: str | Unset = UNSET,
    client_request_id: str | Unset = UNSET,
) -> Response[Error | list[Event]]:
    """List events

     Lists events, optionally narrowed by name, by the resource they concern and by creation
    time. Events carry no state (`data` is empty); fetch the resource named in `resource`.
    For `trade.*` events fetch the order, since trades are embedded in orders. Source:
    the Sophic OpenAPI; `/docs/webhooks/events`.

    Args:
        name (EventName | Unset): Event names from the Sophic metadata (open-ended).
        resourceid (str | Unset):
        createdgt (datetime.datetime | Unset):
        createdgte (datetime.datetime | Unset):
        createdlt (datetime.datetime | Unset):
        createdlte (datetime.datetime | Unset):
        api_version (str | Unset):
        client_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[Event]]
    """

    kwargs = _get_kwargs(
        name=name,
        resourceid=resourceid,
        createdgt=createdgt,
        createdgte=createdgte,
        createdlt=createdlt,
        createdlte=createdlte,
        api_version=api_version,
        client_request_id=client_request_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    name: EventName | Unset = UNSET,
    resourceid: str | Unset = UNSET,
    createdgt: datetime.datetime | Unset = UNSET,
    createdgte: datetime.datetime | Unset = UNSET,
    createdlt: datetime.datetime | Unset = UNSET,
    createdlte: datetime.datetime | Unset = UNSET,
    api_version: str | Unset = UNSET,
    client_request_id: str | Unset = UNSET,
) -> Error | list[Event] | None:
    """List events

     Lists events, optionally narrowed by name, by the resource they concern and by creation
    time. Events carry no state (`data` is empty); fetch the resource named in `resource`.
    For `trade.*` events fetch the order, since trades are embedded in orders. Source:
    the Sophic OpenAPI; `/docs/webhooks/events`.

    Args:
        name (EventName | Unset): Event names from the Sophic metadata (open-ended).
        resourceid (str | Unset):
        createdgt (datetime.datetime | Unset):
        createdgte (datetime.datetime | Unset):
        createdlt (datetime.datetime | Unset):
        createdlte (datetime.datetime | Unset):
        api_version (str | Unset):
        client_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[Event]
    """

    return sync_detailed(
        client=client,
        name=name,
        resourceid=resourceid,
        createdgt=createdgt,
        createdgte=createdgte,
        createdlt=createdlt,
        createdlte=createdlte,
        api_version=api_version,
        client_request_id=client_request_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    name: EventName | Unset = UNSET,
    resourceid: str | Unset = UNSET,
    createdgt: datetime.datetime | Unset = UNSET,
    createdgte: datetime.datetime | Unset = UNSET,
    createdlt: datetime.datetime | Unset = UNSET,
    createdlte: datetime.datetime | Unset = UNSET,
    api_version: str | Unset = UNSET,
    client_request_id: str | Unset = UNSET,
) -> Response[Error | list[Event]]:
    """List events

     Lists events, optionally narrowed by name, by the resource they concern and by creation
    time. Events carry no state (`data` is empty); fetch the resource named in `resource`.
    For `trade.*` events fetch the order, since trades are embedded in orders. Source:
    the Sophic OpenAPI; `/docs/webhooks/events`.

    Args:
        name (EventName | Unset): Event names from the Sophic metadata (open-ended).
        resourceid (str | Unset):
        createdgt (datetime.datetime | Unset):
        createdgte (datetime.datetime | Unset):
        createdlt (datetime.datetime | Unset):
        createdlte (datetime.datetime | Unset):
        api_version (str | Unset):
        client_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[Event]]
    """

    kwargs = _get_kwargs(
        name=name,
        resourceid=resourceid,
        createdgt=createdgt,
        createdgte=createdgte,
        createdlt=createdlt,
        createdlte=createdlte,
        api_version=api_version,
        client_request_id=client_request_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    name: EventName | Unset = UNSET,
    resourceid: str | Unset = UNSET,
    createdgt: datetime.datetime | Unset = UNSET,
    createdgte: datetime.datetime | Unset = UNSET,
    createdlt: datetime.datetime | Unset = UNSET,
    createdlte: datetime.datetime | Unset = UNSET,
    api_version: str | Unset = UNSET,
    client_request_id: str | Unset = UNSET,
) -> Error | list[Event] | None:
    """List events

     Lists events, optionally narrowed by name, by the resource they concern and by creation
    time. Events carry no state (`data` is empty); fetch the resource named in `resource`.
    For `trade.*` events fetch the order, since trades are embedded in orders. Source:
    the Sophic OpenAPI; `/docs/webhooks/events`.

    Args:
        name (EventName | Unset): Event names from the Sophic metadata (open-ended).
        resourceid (str | Unset):
        createdgt (datetime.datetime | Unset):
        createdgte (datetime.datetime | Unset):
        createdlt (datetime.datetime | Unset):
        createdlte (datetime.datetime | Unset):
        api_version (str | Unset):
        client_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[Event]
    """

    return (
        await asyncio_detailed(
            client=client,
            name=name,
            resourceid=resourceid,
            createdgt=createdgt,
            createdgte=createdgte,
            createdlt=createdlt,
            createdlte=createdlte,
            api_version=api_version,
            client_request_id=client_request_id,
        )
    ).parsed


def build_request(
    *,
    name: EventName | Unset = UNSET,
    resourceid: str | Unset = UNSET,
    createdgt: datetime.datetime | Unset = UNSET,
    createdgte: datetime.datetime | Unset = UNSET,
    createdlt: datetime.datetime | Unset = UNSET,
    createdlte: datetime.datetime | Unset = UNSET,
    api_version: str | Unset = UNSET,
    client_request_id: str | Unset = UNSET,
) -> dict[str, Any]:
    """The keyword arguments of the ``httpx`` request this operation sends (``method``, ``url``
    and, where the operation has them, ``params``, ``headers``, ``json`` / ``data`` /
    ``content``), built without sending anything: pass them to ``httpx.Client.request``.
    """
    return _get_kwargs(
        name=name,
        resourceid=resourceid,
        createdgt=createdgt,
        createdgte=createdgte,
        createdlt=createdlt,
        createdlte=createdlte,
        api_version=api_version,
        client_request_id=client_request_id,
    )


def parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response, data: Any = UNSET
) -> Response[Error | list[Event]]:
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
