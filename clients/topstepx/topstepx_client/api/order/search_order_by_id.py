from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem_details import ProblemDetails
from ...models.search_order_by_id_request import SearchOrderByIdRequest
from ...models.search_order_by_id_response import SearchOrderByIdResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: SearchOrderByIdRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/Order/searchById",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response, data: Any = UNSET
) -> ProblemDetails | SearchOrderByIdResponse | str | None:
    if response.status_code == 200:
        response_200 = SearchOrderByIdResponse.from_dict(response.json() if isinstance(data, Unset) else data)

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
) -> Response[ProblemDetails | SearchOrderByIdResponse | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response, data=data),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: SearchOrderByIdRequest,
) -> Response[ProblemDetails | SearchOrderByIdResponse | str]:
    """Look up one order by id

     Returns one order of one account, whatever its status. Only in the newest swagger;
    no docs page. Code 1 OrderNotFound when the id is unknown.

    Source: the newest gateway swagger (`POST /api/Order/searchById`, with
    `SearchOrderByIdErrorCode`) and the projectx-rs operation manifest; no docs page.

    Args:
        body (SearchOrderByIdRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | SearchOrderByIdResponse | str]
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
    body: SearchOrderByIdRequest,
) -> ProblemDetails | SearchOrderByIdResponse | str | None:
    """Look up one order by id

     Returns one order of one account, whatever its status. Only in the newest swagger;
    no docs page. Code 1 OrderNotFound when the id is unknown.

    Source: the newest gateway swagger (`POST /api/Order/searchById`, with
    `SearchOrderByIdErrorCode`) and the projectx-rs operation manifest; no docs page.

    Args:
        body (SearchOrderByIdRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | SearchOrderByIdResponse | str
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: SearchOrderByIdRequest,
) -> Response[ProblemDetails | SearchOrderByIdResponse | str]:
    """Look up one order by id

     Returns one order of one account, whatever its status. Only in the newest swagger;
    no docs page. Code 1 OrderNotFound when the id is unknown.

    Source: the newest gateway swagger (`POST /api/Order/searchById`, with
    `SearchOrderByIdErrorCode`) and the projectx-rs operation manifest; no docs page.

    Args:
        body (SearchOrderByIdRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | SearchOrderByIdResponse | str]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: SearchOrderByIdRequest,
) -> ProblemDetails | SearchOrderByIdResponse | str | None:
    """Look up one order by id

     Returns one order of one account, whatever its status. Only in the newest swagger;
    no docs page. Code 1 OrderNotFound when the id is unknown.

    Source: the newest gateway swagger (`POST /api/Order/searchById`, with
    `SearchOrderByIdErrorCode`) and the projectx-rs operation manifest; no docs page.

    Args:
        body (SearchOrderByIdRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | SearchOrderByIdResponse | str
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed


def build_request(
    *,
    body: SearchOrderByIdRequest,
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
) -> Response[ProblemDetails | SearchOrderByIdResponse | str]:
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
