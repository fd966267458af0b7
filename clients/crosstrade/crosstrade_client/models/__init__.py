"""Contains all the data models used in inputs/outputs"""

from .account import Account
from .account_item import AccountItem
from .account_list import AccountList
from .account_snapshot import AccountSnapshot
from .account_snapshot_entry import AccountSnapshotEntry
from .bar import Bar
from .bars_period_type import BarsPeriodType
from .bars_request import BarsRequest
from .bars_response import BarsResponse
from .cancel_all_orders_response import CancelAllOrdersResponse
from .cancel_orders_request import CancelOrdersRequest
from .cancel_orders_response import CancelOrdersResponse
from .change_order_request import ChangeOrderRequest
from .close_position_request import ClosePositionRequest
from .closed_positions_response import ClosedPositionsResponse
from .empty_request import EmptyRequest
from .error_response import ErrorResponse
from .execution import Execution
from .execution_list import ExecutionList
from .flatten_everything_request import FlattenEverythingRequest
from .flatten_everything_response import FlattenEverythingResponse
from .flatten_market_position import FlattenMarketPosition
from .flatten_positions_request import FlattenPositionsRequest
from .market_position import MarketPosition
from .ninja_order_type import NinjaOrderType
from .order import Order
from .order_action import OrderAction
from .order_id_response import OrderIdResponse
from .order_list import OrderList
from .order_state import OrderState
from .order_type import OrderType
from .place_order_request import PlaceOrderRequest
from .position import Position
from .position_list import PositionList
from .quote import Quote
from .quote_data_source import QuoteDataSource
from .reverse_position_request import ReversePositionRequest
from .strategy_close_response import StrategyCloseResponse
from .time_in_force import TimeInForce

__all__ = (
    "Account",
    "AccountItem",
    "AccountList",
    "AccountSnapshot",
    "AccountSnapshotEntry",
    "Bar",
    "BarsPeriodType",
    "BarsRequest",
    "BarsResponse",
    "CancelAllOrdersResponse",
    "CancelOrdersRequest",
    "CancelOrdersResponse",
    "ChangeOrderRequest",
    "ClosedPositionsResponse",
    "ClosePositionRequest",
    "EmptyRequest",
    "ErrorResponse",
    "Execution",
    "ExecutionList",
    "FlattenEverythingRequest",
    "FlattenEverythingResponse",
    "FlattenMarketPosition",
    "FlattenPositionsRequest",
    "MarketPosition",
    "NinjaOrderType",
    "Order",
    "OrderAction",
    "OrderIdResponse",
    "OrderList",
    "OrderState",
    "OrderType",
    "PlaceOrderRequest",
    "Position",
    "PositionList",
    "Quote",
    "QuoteDataSource",
    "ReversePositionRequest",
    "StrategyCloseResponse",
    "TimeInForce",
)
