"""Contains all the data models used in inputs/outputs"""

from .aggregate_bar_model import AggregateBarModel
from .aggregate_bar_unit import AggregateBarUnit
from .cancel_order_error_code import CancelOrderErrorCode
from .cancel_order_request import CancelOrderRequest
from .cancel_order_response import CancelOrderResponse
from .close_contract_position_request import CloseContractPositionRequest
from .close_position_error_code import ClosePositionErrorCode
from .close_position_response import ClosePositionResponse
from .contract_model import ContractModel
from .gateway_order_filter import GatewayOrderFilter
from .half_trade_model import HalfTradeModel
from .list_available_contract_error_code import ListAvailableContractErrorCode
from .list_available_contract_request import ListAvailableContractRequest
from .list_available_contract_response import ListAvailableContractResponse
from .login_api_key_request import LoginApiKeyRequest
from .login_app_request import LoginAppRequest
from .login_error_code import LoginErrorCode
from .login_response import LoginResponse
from .logout_error_code import LogoutErrorCode
from .logout_response import LogoutResponse
from .modify_order_error_code import ModifyOrderErrorCode
from .modify_order_request import ModifyOrderRequest
from .modify_order_response import ModifyOrderResponse
from .order_model import OrderModel
from .order_side import OrderSide
from .order_sort_field import OrderSortField
from .order_status import OrderStatus
from .order_type import OrderType
from .partial_close_contract_position_request import PartialCloseContractPositionRequest
from .partial_close_position_error_code import PartialClosePositionErrorCode
from .partial_close_position_response import PartialClosePositionResponse
from .place_order_bracket import PlaceOrderBracket
from .place_order_error_code import PlaceOrderErrorCode
from .place_order_request import PlaceOrderRequest
from .place_order_response import PlaceOrderResponse
from .position_model import PositionModel
from .position_type import PositionType
from .problem_details import ProblemDetails
from .problem_details_errors_type_0 import ProblemDetailsErrorsType0
from .retrieve_bar_error_code import RetrieveBarErrorCode
from .retrieve_bar_request import RetrieveBarRequest
from .retrieve_bar_response import RetrieveBarResponse
from .search_account_error_code import SearchAccountErrorCode
from .search_account_request import SearchAccountRequest
from .search_account_response import SearchAccountResponse
from .search_contract_by_id_error_code import SearchContractByIdErrorCode
from .search_contract_by_id_request import SearchContractByIdRequest
from .search_contract_by_id_response import SearchContractByIdResponse
from .search_contract_error_code import SearchContractErrorCode
from .search_contract_request import SearchContractRequest
from .search_contract_response import SearchContractResponse
from .search_half_trade_response import SearchHalfTradeResponse
from .search_open_order_request import SearchOpenOrderRequest
from .search_order_by_id_error_code import SearchOrderByIdErrorCode
from .search_order_by_id_request import SearchOrderByIdRequest
from .search_order_by_id_response import SearchOrderByIdResponse
from .search_order_error_code import SearchOrderErrorCode
from .search_order_request import SearchOrderRequest
from .search_order_response import SearchOrderResponse
from .search_orders_query_request import SearchOrdersQueryRequest
from .search_orders_query_response import SearchOrdersQueryResponse
from .search_position_error_code import SearchPositionErrorCode
from .search_position_request import SearchPositionRequest
from .search_position_response import SearchPositionResponse
from .search_trade_error_code import SearchTradeErrorCode
from .search_trade_request import SearchTradeRequest
from .sort_direction import SortDirection
from .trading_account_model import TradingAccountModel
from .validate_error_code import ValidateErrorCode
from .validate_response import ValidateResponse

__all__ = (
    "AggregateBarModel",
    "AggregateBarUnit",
    "CancelOrderErrorCode",
    "CancelOrderRequest",
    "CancelOrderResponse",
    "CloseContractPositionRequest",
    "ClosePositionErrorCode",
    "ClosePositionResponse",
    "ContractModel",
    "GatewayOrderFilter",
    "HalfTradeModel",
    "ListAvailableContractErrorCode",
    "ListAvailableContractRequest",
    "ListAvailableContractResponse",
    "LoginApiKeyRequest",
    "LoginAppRequest",
    "LoginErrorCode",
    "LoginResponse",
    "LogoutErrorCode",
    "LogoutResponse",
    "ModifyOrderErrorCode",
    "ModifyOrderRequest",
    "ModifyOrderResponse",
    "OrderModel",
    "OrderSide",
    "OrderSortField",
    "OrderStatus",
    "OrderType",
    "PartialCloseContractPositionRequest",
    "PartialClosePositionErrorCode",
    "PartialClosePositionResponse",
    "PlaceOrderBracket",
    "PlaceOrderErrorCode",
    "PlaceOrderRequest",
    "PlaceOrderResponse",
    "PositionModel",
    "PositionType",
    "ProblemDetails",
    "ProblemDetailsErrorsType0",
    "RetrieveBarErrorCode",
    "RetrieveBarRequest",
    "RetrieveBarResponse",
    "SearchAccountErrorCode",
    "SearchAccountRequest",
    "SearchAccountResponse",
    "SearchContractByIdErrorCode",
    "SearchContractByIdRequest",
    "SearchContractByIdResponse",
    "SearchContractErrorCode",
    "SearchContractRequest",
    "SearchContractResponse",
    "SearchHalfTradeResponse",
    "SearchOpenOrderRequest",
    "SearchOrderByIdErrorCode",
    "SearchOrderByIdRequest",
    "SearchOrderByIdResponse",
    "SearchOrderErrorCode",
    "SearchOrderRequest",
    "SearchOrderResponse",
    "SearchOrdersQueryRequest",
    "SearchOrdersQueryResponse",
    "SearchPositionErrorCode",
    "SearchPositionRequest",
    "SearchPositionResponse",
    "SearchTradeErrorCode",
    "SearchTradeRequest",
    "SortDirection",
    "TradingAccountModel",
    "ValidateErrorCode",
    "ValidateResponse",
)
