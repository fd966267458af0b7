from http import HTTPStatus
from typing import Any

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
from ...models.instrument_type import InstrumentType
from ...models.money_market_fund import MoneyMarketFund
from ...models.trading_status import TradingStatus
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    instrument_type: list[InstrumentType] | Unset = UNSET,
    trading_status: list[TradingStatus] | Unset = UNSET,
    api_version: str | Unset = UNSET,
    client_request_id: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(api_version, Unset):
        headers["Api-Version"] = api_version

    if not isinstance(client_request_id, Unset):
        headers["Client-Request-Id"] = client_request_id

    params: dict[str, Any] = {}

    json_instrument_type: list[str] | Unset = UNSET
    if not isinstance(instrument_type, Unset):
        json_instrument_type = []
        for instrument_type_item_data in instrument_type:
            instrument_type_item = instrument_type_item_data.value
            json_instrument_type.append(instrument_type_item)

    params["instrument_type"] = json_instrument_type

    json_trading_status: list[str] | Unset = UNSET
    if not isinstance(trading_status, Unset):
        json_trading_status = []
        for trading_status_item_data in trading_status:
            trading_status_item = trading_status_item_data.value
            json_trading_status.append(trading_status_item)

    params["trading_status"] = json_trading_status

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/instruments",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response, data: Any = UNSET
) -> Error | list[AMC | Bill | Bond | CurrencyPair | ETF | InstrumentSummary | MoneyMarketFund] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json() if isinstance(data, Unset) else data
        for response_200_item_data in _response_200:

            def _parse_response_200_item(
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

            response_200_item = _parse_response_200_item(response_200_item_data)

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
) -> Response[Error | list[AMC | Bill | Bond | CurrencyPair | ETF | InstrumentSummary | MoneyMarketFund]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response, data=data),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    instrument_type: list[InstrumentType] | Unset = UNSET,
    trading_status: list[TradingStatus] | Unset = UNSET,
    api_version: str | Unset = UNSET,
    client_request_id: str | Unset = UNSET,
) -> Response[Error | list[AMC | Bill | Bond | CurrencyPair | ETF | InstrumentSummary | MoneyMarketFund]]:
    """List instruments

     Lists the instruments visible to the tenant, optionally narrowed by instrument type and
    trading status. Returns a bare array of instruments; each element is one of the
    instrument variants, told apart by `instrument_type`. Source: the Sophic OpenAPI.

    Args:
        instrument_type (list[InstrumentType] | Unset):
        trading_status (list[TradingStatus] | Unset):
        api_version (str | Unset):
        client_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[AMC | Bill | Bond | CurrencyPair | ETF | InstrumentSummary | MoneyMarketFund]]
    """

    kwargs = _get_kwargs(
        instrument_type=instrument_type,
        trading_status=trading_status,
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
    instrument_type: list[InstrumentType] | Unset = UNSET,
    trading_status: list[TradingStatus] | Unset = UNSET,
    api_version: str | Unset = UNSET,
    client_request_id: str | Unset = UNSET,
) -> Error | list[AMC | Bill | Bond | CurrencyPair | ETF | InstrumentSummary | MoneyMarketFund] | None:
    """List instruments

     Lists the instruments visible to the tenant, optionally narrowed by instrument type and
    trading status. Returns a bare array of instruments; each element is one of the
    instrument variants, told apart by `instrument_type`. Source: the Sophic OpenAPI.

    Args:
        instrument_type (list[InstrumentType] | Unset):
        trading_status (list[TradingStatus] | Unset):
        api_version (str | Unset):
        client_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[AMC | Bill | Bond | CurrencyPair | ETF | InstrumentSummary | MoneyMarketFund]
    """

    return sync_detailed(
        client=client,
        instrument_type=instrument_type,
        trading_status=trading_status,
        api_version=api_version,
        client_request_id=client_request_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    instrument_type: list[InstrumentType] | Unset = UNSET,
    trading_status: list[TradingStatus] | Unset = UNSET,
    api_version: str | Unset = UNSET,
    client_request_id: str | Unset = UNSET,
) -> Response[Error | list[AMC | Bill | Bond | CurrencyPair | ETF | InstrumentSummary | MoneyMarketFund]]:
    """List instruments

     Lists the instruments visible to the tenant, optionally narrowed by instrument type and
    trading status. Returns a bare array of instruments; each element is one of the
    instrument variants, told apart by `instrument_type`. Source: the Sophic OpenAPI.

    Args:
        instrument_type (list[InstrumentType] | Unset):
        trading_status (list[TradingStatus] | Unset):
        api_version (str | Unset):
        client_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[AMC | Bill | Bond | CurrencyPair | ETF | InstrumentSummary | MoneyMarketFund]]
    """

    kwargs = _get_kwargs(
        instrument_type=instrument_type,
        trading_status=trading_status,
        api_version=api_version,
        client_request_id=client_request_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    instrument_type: list[InstrumentType] | Unset = UNSET,
    trading_status: list[TradingStatus] | Unset = UNSET,
    api_version: str | Unset = UNSET,
    client_request_id: str | Unset = UNSET,
) -> Error | list[AMC | Bill | Bond | CurrencyPair | ETF | InstrumentSummary | MoneyMarketFund] | None:
    """List instruments

     Lists the instruments visible to the tenant, optionally narrowed by instrument type and
    trading status. Returns a bare array of instruments; each element is one of the
    instrument variants, told apart by `instrument_type`. Source: the Sophic OpenAPI.

    Args:
        instrument_type (list[InstrumentType] | Unset):
        trading_status (list[TradingStatus] | Unset):
        api_version (str | Unset):
        client_request_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[AMC | Bill | Bond | CurrencyPair | ETF | InstrumentSummary | MoneyMarketFund]
    """

    return (
        await asyncio_detailed(
            client=client,
            instrument_type=instrument_type,
            trading_status=trading_status,
            api_version=api_version,
            client_request_id=client_request_id,
        )
    ).parsed


def build_request(
    *,
    instrument_type: list[InstrumentType] | Unset = UNSET,
    trading_status: list[TradingStatus] | Unset = UNSET,
    api_version: str | Unset = UNSET,
    client_request_id: str | Unset = UNSET,
) -> dict[str, Any]:
    """The keyword arguments of the ``httpx`` request this operation sends (``method``, ``url``
    and, where the operation has them, ``params``, ``headers``, ``json`` / ``data`` /
    ``content``), built without sending anything: pass them to ``httpx.Client.request``.
    """
    return _get_kwargs(
        instrument_type=instrument_type,
        trading_status=trading_status,
        api_version=api_version,
        client_request_id=client_request_id,
    )


def parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response, data: Any = UNSET
) -> Response[Error | list[AMC | Bill | Bond | CurrencyPair | ETF | InstrumentSummary | MoneyMarketFund]]:
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
