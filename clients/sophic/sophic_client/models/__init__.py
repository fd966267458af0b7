"""Contains all the data models used in inputs/outputs"""

from .account import Account
from .account_status import AccountStatus
from .actor import Actor
from .amc import AMC
from .bill import Bill
from .bond import Bond
from .cash_balance import CashBalance
from .client_credentials_form import ClientCredentialsForm
from .create_webhook_request import CreateWebhookRequest
from .currency import Currency
from .currency_pair import CurrencyPair
from .day_count_convention import DayCountConvention
from .error import Error
from .error_code import ErrorCode
from .error_context_type_0 import ErrorContextType0
from .etf import ETF
from .event import Event
from .event_data import EventData
from .event_name import EventName
from .event_resource import EventResource
from .grant_type import GrantType
from .instrument_base import InstrumentBase
from .instrument_summary import InstrumentSummary
from .instrument_type import InstrumentType
from .invalid_param import InvalidParam
from .money_market_fund import MoneyMarketFund
from .o_auth_error_body import OAuthErrorBody
from .o_auth_error_code import OAuthErrorCode
from .o_auth_token import OAuthToken
from .order import Order
from .order_purpose import OrderPurpose
from .order_quote import OrderQuote
from .order_quote_request import OrderQuoteRequest
from .order_side import OrderSide
from .order_status import OrderStatus
from .order_trade import OrderTrade
from .order_trade_meta_type_0 import OrderTradeMetaType0
from .order_trade_status import OrderTradeStatus
from .order_type import OrderType
from .place_order_request import PlaceOrderRequest
from .place_order_type import PlaceOrderType
from .position import Position
from .position_status import PositionStatus
from .price import Price
from .price_quality import PriceQuality
from .price_type import PriceType
from .resource_type import ResourceType
from .rollout_stage import RolloutStage
from .security_base import SecurityBase
from .trading_status import TradingStatus
from .update_position_request import UpdatePositionRequest
from .update_webhook_request import UpdateWebhookRequest
from .webhook import Webhook
from .webhook_delivery import WebhookDelivery
from .webhook_delivery_attempts_item import WebhookDeliveryAttemptsItem
from .webhook_delivery_status import WebhookDeliveryStatus
from .webhook_with_secret import WebhookWithSecret

__all__ = (
    "Account",
    "AccountStatus",
    "Actor",
    "AMC",
    "Bill",
    "Bond",
    "CashBalance",
    "ClientCredentialsForm",
    "CreateWebhookRequest",
    "Currency",
    "CurrencyPair",
    "DayCountConvention",
    "Error",
    "ErrorCode",
    "ErrorContextType0",
    "ETF",
    "Event",
    "EventData",
    "EventName",
    "EventResource",
    "GrantType",
    "InstrumentBase",
    "InstrumentSummary",
    "InstrumentType",
    "InvalidParam",
    "MoneyMarketFund",
    "OAuthErrorBody",
    "OAuthErrorCode",
    "OAuthToken",
    "Order",
    "OrderPurpose",
    "OrderQuote",
    "OrderQuoteRequest",
    "OrderSide",
    "OrderStatus",
    "OrderTrade",
    "OrderTradeMetaType0",
    "OrderTradeStatus",
    "OrderType",
    "PlaceOrderRequest",
    "PlaceOrderType",
    "Position",
    "PositionStatus",
    "Price",
    "PriceQuality",
    "PriceType",
    "ResourceType",
    "RolloutStage",
    "SecurityBase",
    "TradingStatus",
    "UpdatePositionRequest",
    "UpdateWebhookRequest",
    "Webhook",
    "WebhookDelivery",
    "WebhookDeliveryAttemptsItem",
    "WebhookDeliveryStatus",
    "WebhookWithSecret",
)
