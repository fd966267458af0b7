"""Contains all the data models used in inputs/outputs"""

from .account import Account
from .account_balance import AccountBalance
from .account_order import AccountOrder
from .account_order_leg import AccountOrderLeg
from .account_order_side import AccountOrderSide
from .account_order_status import AccountOrderStatus
from .account_status_code import AccountStatusCode
from .account_type_code import AccountTypeCode
from .account_type_description import AccountTypeDescription
from .activation_predicate import ActivationPredicate
from .activation_rule_type import ActivationRuleType
from .activation_trigger import ActivationTrigger
from .activation_triggers_response import ActivationTriggersResponse
from .advanced_options import AdvancedOptions
from .advanced_options_display import AdvancedOptionsDisplay
from .api_version import ApiVersion
from .asset_type import AssetType
from .asset_type_code import AssetTypeCode
from .authorization_code_token_request import AuthorizationCodeTokenRequest
from .cancel_replace_advanced_options import CancelReplaceAdvancedOptions
from .cancel_replace_advanced_options_market_activation_rules import CancelReplaceAdvancedOptionsMarketActivationRules
from .cancel_replace_advanced_options_time_activation_rules import CancelReplaceAdvancedOptionsTimeActivationRules
from .cancel_replace_request import CancelReplaceRequest
from .closed_position import ClosedPosition
from .cost_basis_method import CostBasisMethod
from .currency_detail import CurrencyDetail
from .duration import Duration
from .error import Error
from .error_envelope import ErrorEnvelope
from .exchange import Exchange
from .exchange_code import ExchangeCode
from .exchanges_response import ExchangesResponse
from .fund_source import FundSource
from .global_asset_type import GlobalAssetType
from .global_order_request import GlobalOrderRequest
from .global_order_result_status import GlobalOrderResultStatus
from .global_side import GlobalSide
from .group_order_confirm_request import GroupOrderConfirmRequest
from .group_order_request import GroupOrderRequest
from .group_type import GroupType
from .leg_order_type import LegOrderType
from .leg_side import LegSide
from .leg_trade_type import LegTradeType
from .logic_operator import LogicOperator
from .lot_selection_strategy import LotSelectionStrategy
from .market_activation_rule import MarketActivationRule
from .option_approval_level import OptionApprovalLevel
from .order_condition import OrderCondition
from .order_confirm_request import OrderConfirmRequest
from .order_confirmation import OrderConfirmation
from .order_leg import OrderLeg
from .order_request import OrderRequest
from .order_result import OrderResult
from .order_result_status import OrderResultStatus
from .order_type import OrderType
from .oso_group import OsoGroup
from .position import Position
from .position_asset_type import PositionAssetType
from .position_side import PositionSide
from .refresh_token_request import RefreshTokenRequest
from .reported_market_activation_rule import ReportedMarketActivationRule
from .reported_time_activation_rule import ReportedTimeActivationRule
from .reported_trailing_stop import ReportedTrailingStop
from .time_activation_rule import TimeActivationRule
from .time_in_force import TimeInForce
from .token_response import TokenResponse
from .token_response_type import TokenResponseType
from .trade_action import TradeAction
from .trailing_stop import TrailingStop
from .trigger_key import TriggerKey

__all__ = (
    "Account",
    "AccountBalance",
    "AccountOrder",
    "AccountOrderLeg",
    "AccountOrderSide",
    "AccountOrderStatus",
    "AccountStatusCode",
    "AccountTypeCode",
    "AccountTypeDescription",
    "ActivationPredicate",
    "ActivationRuleType",
    "ActivationTrigger",
    "ActivationTriggersResponse",
    "AdvancedOptions",
    "AdvancedOptionsDisplay",
    "ApiVersion",
    "AssetType",
    "AssetTypeCode",
    "AuthorizationCodeTokenRequest",
    "CancelReplaceAdvancedOptions",
    "CancelReplaceAdvancedOptionsMarketActivationRules",
    "CancelReplaceAdvancedOptionsTimeActivationRules",
    "CancelReplaceRequest",
    "ClosedPosition",
    "CostBasisMethod",
    "CurrencyDetail",
    "Duration",
    "Error",
    "ErrorEnvelope",
    "Exchange",
    "ExchangeCode",
    "ExchangesResponse",
    "FundSource",
    "GlobalAssetType",
    "GlobalOrderRequest",
    "GlobalOrderResultStatus",
    "GlobalSide",
    "GroupOrderConfirmRequest",
    "GroupOrderRequest",
    "GroupType",
    "LegOrderType",
    "LegSide",
    "LegTradeType",
    "LogicOperator",
    "LotSelectionStrategy",
    "MarketActivationRule",
    "OptionApprovalLevel",
    "OrderCondition",
    "OrderConfirmation",
    "OrderConfirmRequest",
    "OrderLeg",
    "OrderRequest",
    "OrderResult",
    "OrderResultStatus",
    "OrderType",
    "OsoGroup",
    "Position",
    "PositionAssetType",
    "PositionSide",
    "RefreshTokenRequest",
    "ReportedMarketActivationRule",
    "ReportedTimeActivationRule",
    "ReportedTrailingStop",
    "TimeActivationRule",
    "TimeInForce",
    "TokenResponse",
    "TokenResponseType",
    "TradeAction",
    "TrailingStop",
    "TriggerKey",
)
