from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.amc import AMC
from ...models.bill import Bill
from ...models.bond import Bond
from ...models.currency_pair import CurrencyPair
from ...models.error import Error
from ...models.etf import ETF
from ...models.instrument_summary import InstrumentSummary
from ...models.money_market_fund import MoneyMarketFund
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id_or_symbol: str,
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
        "url": "/instruments/{id_or_symbol}".format(
            id_or_symbol=quote(str(id_or_symbol), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response, data: Any = UNSET
) -> AMC | Bill | Bond | CurrencyPair | ETF | InstrumentSummary | MoneyMarketFund | Error | None:
    if response.status_code == 200:

        def _parse_response_200(
            data: object,
        ) -> AMC | Bill | Bond | CurrencyPair | ETF | InstrumentSummary | MoneyMarketFund:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_instrument_type_0 = Bill.from_dict(data)

                return componentsschemas_instrument_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_instrument_type_1 = Bond.from_dict(data)

                return componentsschemas_instrument_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_instrument_type_2 = ETF.from_dict(data)

                return componentsschemas_instrument_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_instrument_type_3 = MoneyMarketFund.from_dict(data)

                return componentsschemas_instrument_type_3
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_instrument_type_4 = AMC.from_dict(data)

                return componentsschemas_instrument_type_4
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_instrument_type_5 = CurrencyPair.from_dict(data)

                return componentsschemas_instrument_type_5
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_instrument_type_6 = InstrumentSummary.from_dict(data)

            return componentsschemas_instrument_type_6

        response_200 = _parse_response_200(response.json() if isinstance(data, Unset) else data)

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
) -> Response[AMC | Bill | Bond | CurrencyPair | ETF | InstrumentSummary | MoneyMarketFund | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response, data=data),
    )


def sync_detailed(
    id_or_symbol: str,
    *,
    client: AuthenticatedClient,
    api_version: str | Unset = UNSET,
    client_request_id: str | Unset = UNSET,
) -> Response[AMC | Bill | Bond | CurrencyPair | ETF | InstrumentSummary | MoneyMarketFund | Error]:
    """Retrieve an instrument

     Retrieves one instrument by its ID or its symbol (ISIN, or the pair for currency
    pairs). The body is one of the instrument variants, told apart by `instrument_type`.
    Orders need the instrument ID, not the symbol. Source: the Sophic OpenAPI.

    Args:
        id_or_symbol (str):
        api_version (str | Unset):
        client_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AMC | Bill | Bond | CurrencyPair | ETF | InstrumentSummary | MoneyMarketFund | Error]
    """

    kwargs = _get_kwargs(
        id_or_symbol=id_or_symbol,
        api_version=api_version,
        client_request_id=client_request_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id_or_symbol: str,
    *,
    client: AuthenticatedClient,
    api_version: str | Unset = UNSET,
    client_request_id: str | Unset = UNSET,
) -> AMC | Bill | Bond | CurrencyPair | ETF | InstrumentSummary | MoneyMarketFund | Error | None:
    """Retrieve an instrument

     Retrieves one instrument by its ID or its symbol (ISIN, or the pair for currency
    pairs). The body is one of the instrument variants, told apart by `instrument_type`.
    Orders need the instrument ID, not the symbol. Source: the Sophic OpenAPI.

    Args:
        id_or_symbol (str):
        api_version (str | Unset):
        client_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AMC | Bill | Bond | CurrencyPair | ETF | InstrumentSummary | MoneyMarketFund | Error
    """

    return sync_detailed(
        id_or_symbol=id_or_symbol,
        client=client,
        api_version=api_version,
        client_request_id=client_request_id,
    ).parsed


async def asyncio_detailed(
    id_or_symbol: str,
    *,
    client: AuthenticatedClient,
    api_version: str | Unset = UNSET,
    client_request_id: str | Unset = UNSET,
) -> Response[AMC | Bill | Bond | CurrencyPair | ETF | InstrumentSummary | MoneyMarketFund | Error]:
    """Retrieve an instrument

     Retrieves one instrument by its ID or its symbol (ISIN, or the pair for currency
    pairs). The body is one of the instrument variants, told apart by `instrument_type`.
    Orders need the instrument ID, not the symbol. Source: the Sophic OpenAPI.

    Args:
        id_or_symbol (str):
        api_version (str | Unset):
        client_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AMC | Bill | Bond | CurrencyPair | ETF | InstrumentSummary | MoneyMarketFund | Error]
    """

    kwargs = _get_kwargs(
        id_or_symbol=id_or_symbol,
        api_version=api_version,
        client_request_id=client_request_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id_or_symbol: str,
    *,
    client: AuthenticatedClient,
    api_version: str | Unset = UNSET,
    client_request_id: str | Unset = UNSET,
) -> AMC | Bill | Bond | CurrencyPair | ETF | InstrumentSummary | MoneyMarketFund | Error | None:
    """Retrieve an instrument

     Retrieves one instrument by its ID or its symbol (ISIN, or the pair for currency
    pairs). The body is one of the instrument variants, told apart by `instrument_type`.
    Orders need the instrument ID, not the symbol. Source: the Sophic OpenAPI.

    Args:
        id_or_symbol (str):
        api_version (str | Unset):
        client_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AMC | Bill | Bond | CurrencyPair | ETF | InstrumentSummary | MoneyMarketFund | Error
    """

    return (
        await asyncio_detailed(
            id_or_symbol=id_or_symbol,
            client=client,
            api_version=api_version,
            client_request_id=client_request_id,
        )
    ).parsed


def build_request(
    id_or_symbol: str,
    *,
    api_version: str | Unset = UNSET,
    client_request_id: str | Unset = UNSET,
) -> dict[str, Any]:
    """The keyword arguments of the ``httpx`` request this operation sends (``method``, ``url``
    and, where the operation has them, ``params``, ``headers``, ``json`` / ``data`` /
    ``content``), built without sending anything: pass them to ``httpx.Client.request``.
    """
    return _get_kwargs(
        id_or_symbol=id_or_symbol,
        api_version=api_version,
        client_request_id=client_request_id,
    )


def parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response, data: Any = UNSET
) -> Response[AMC | Bill | Bond | CurrencyPair | ETF | InstrumentSummary | MoneyMarketFund | Error]:
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
