"""The broker registry: one line per broker, each a package under ``orderbridge/brokers/``.

A broker package holds everything that broker is: its description in ``broker.toml`` (production
URL, credential names, order-id rule, request budget, capabilities and per-operation support,
each with the vendor document it comes from; data only), its adapter in ``adapter.py`` (one class:
place, get, cancel, resolve and the rest of an order's life; imported on first use, so ``import
orderbridge`` stays light), its order rows as data in ``orders.py`` and its extras (Sophic
``webhooks``, CrossTrade ``websocket``). Adding a broker is one folder and one line in
:data:`BROKERS`. The core (session drivers, attempt policy, transport, errors, models) reads
brokers only through :func:`describe`.

``broker.toml`` is read on the first :func:`describe` of that broker (never at import) with the
standard library's ``tomllib`` and checked strictly: its keys are the fields of
:class:`~orderbridge._models.BrokerDescription` and the classes inside it (``order_ids`` an
:class:`~orderbridge._models.OrderIdRule`, ``budget`` a :class:`~orderbridge.Budget` with
``windows`` of :class:`~orderbridge.Window`, ``capabilities`` a :class:`~orderbridge.Capabilities`),
enum values are written as their values (``"market"``, ``"gtc"``, ``"yes"``), and a lifecycle
operation is ``name = [support, how]``. Three conveniences, no more: ``module`` and ``websocket``
may be relative to the broker's package (``".adapter"``); ``capabilities.broker`` is the
broker's name; in an operation's ``how``, ``${by_order}`` and ``${by_market}`` stand for the
shared emulation wording (``$$`` is a literal ``$``). An unknown key, a wrong type, an unknown
enum word or operation name, or a missing required key is a :class:`~orderbridge.ConfigurationError`
naming the file and the key.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import importlib.resources
import importlib.util
import tomllib
import types
import typing
import zoneinfo
from collections.abc import Callable, Iterator, Mapping
from string import Template
from typing import TYPE_CHECKING, Any, Literal

import attrs

from .._errors import ConfigurationError
from .._models import BY_MARKET, BY_ORDER, BrokerDescription, Capabilities

if TYPE_CHECKING:
    from .._orders import OrderShape

BROKERS: tuple[str, ...] = ("topstepx", "crosstrade", "tradestation", "sophic")
"""The broker names, in documentation order: each a package here holding a ``broker.toml``."""

DATA_FILE = "broker.toml"
"""The name of a broker's description file inside its package."""

ORDERS_FILE = "orders.toml"
"""The name of a broker's order-row table (its :class:`~orderbridge._orders.OrderShape`)."""

_WORDING = {"by_order": BY_ORDER, "by_market": BY_MARKET}
"""The shared emulation wording an operation's ``how`` may name as ``${by_order}``."""


class _Bad(Exception):
    """A problem at one key of a data file (turned into a ConfigurationError naming the file)."""

    def __init__(self, key: str, problem: str) -> None:
        super().__init__(f"{key}: {problem}")


def _kind(hint: Any) -> str:
    return getattr(hint, "__name__", None) or str(hint)


def _convert(value: object, hint: Any, key: str) -> object:
    """``value`` as read from TOML, checked against the type annotation ``hint`` and converted."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (types.UnionType, typing.Union):  # ``X | None``: TOML has no null, so absent is None
        (arm,) = [a for a in args if a is not type(None)]
        return _convert(value, arm, key)
    if origin is Literal:
        if value not in args:
            raise _Bad(key, f"expected one of {', '.join(map(repr, args))}, got {value!r}")
        return value
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        try:
            return hint(value)
        except ValueError:
            words = ", ".join(repr(m.value) for m in hint)
            raise _Bad(key, f"unknown {hint.__name__} {value!r} (expected one of {words})") from None
    if hint in (str, int, bool):
        if isinstance(value, bool) is not (hint is bool) or not isinstance(value, hint):
            raise _Bad(key, f"expected {_kind(hint)}, got {type(value).__name__} {value!r}")
        return value
    if origin in (tuple, frozenset):
        if not isinstance(value, list):
            raise _Bad(key, f"expected an array, got {type(value).__name__} {value!r}")
        if origin is tuple and args[-1] is not Ellipsis:
            if len(value) != len(args):
                raise _Bad(key, f"expected an array of {len(args)} items, got {len(value)}")
            return tuple(_convert(v, a, f"{key}[{i}]") for i, (v, a) in enumerate(zip(value, args, strict=True)))
        items = [_convert(v, args[0], f"{key}[{i}]") for i, v in enumerate(value)]
        if len(set(items)) != len(items):
            raise _Bad(key, f"repeats an item: {value!r}")
        return tuple(items) if origin is tuple else frozenset(items)
    if origin is Mapping:
        if not isinstance(value, dict):
            raise _Bad(key, f"expected a table, got {type(value).__name__} {value!r}")
        if typing.get_origin(args[0]) is Literal:  # a table of named fields: every key checked
            for k in value:
                _convert(k, args[0], f"{key}.{k}")
        return {k: _convert(v, args[1], f"{key}.{k}") for k, v in value.items()}
    if attrs.has(hint):
        if not isinstance(value, dict):
            raise _Bad(key, f"expected a table, got {type(value).__name__} {value!r}")
        return _build(hint, value, key)
    raise TypeError(f"the broker loader cannot read a {hint!r} ({key})")  # a new field type: extend _convert


def _build(cls: type[Any], table: Mapping[str, object], key: str, ready: Mapping[str, object] | None = None) -> object:
    """An instance of the attrs class ``cls`` from one TOML table, every key checked; ``ready``
    holds fields the loader has already made (a callable, a zone)."""
    ready = ready or {}
    prefix = f"{key}." if key else ""
    hints = typing.get_type_hints(cls)
    fields = {f.name: f for f in attrs.fields(cls) if f.init}
    unknown = sorted(set(table) - set(fields))
    if unknown:
        raise _Bad(prefix + unknown[0], f"unknown key (expected: {', '.join(fields)})")
    missing = [n for n, f in fields.items() if f.default is attrs.NOTHING and n not in table and n not in ready]
    if missing:
        raise _Bad(prefix + missing[0], "missing required key")
    kwargs = {name: _convert(value, hints[name], prefix + name) for name, value in table.items()}
    kwargs.update(ready)
    try:
        return cls(**kwargs)
    except (ValueError, TypeError, ConfigurationError) as exc:  # the class's own validators
        raise _Bad(key or "(top level)", str(exc)) from None


def _prepare(name: str, raw: dict[str, Any]) -> dict[str, Any]:
    """Apply the file's three conveniences (relative module names, the capabilities' broker name,
    the shared wording in an operation's ``how``) to the raw TOML, before the strict read."""
    if raw.get("name") != name:
        raise _Bad("name", f"must be {name!r}, the name of the folder holding this file")
    package = f"{__name__}.{name}"
    for key in ("module", "websocket"):
        if isinstance(raw.get(key), str):
            raw[key] = importlib.util.resolve_name(raw[key], package)
    caps = raw.get("capabilities")
    if isinstance(caps, dict):
        if "broker" in caps:
            raise _Bad("capabilities.broker", "unknown key (the broker's name is taken from name)")
        caps["broker"] = name
        for operation, row in (caps.get("operations") or {}).items():
            if isinstance(row, list) and len(row) == 2 and isinstance(row[1], str):
                try:
                    row[1] = Template(row[1]).substitute(_WORDING)
                except (KeyError, ValueError) as exc:
                    raise _Bad(
                        f"capabilities.operations.{operation}[1]",
                        f"unknown placeholder {exc} (known: ${{by_order}}, ${{by_market}}; $$ is a literal $)",
                    ) from None
    return raw


def load_description(name: str, text: str, *, filename: str) -> BrokerDescription:
    """The :class:`~orderbridge._models.BrokerDescription` written in ``text`` (a ``broker.toml``)
    for the broker ``name``; ``filename`` names the file in errors.

    Raises:
        ConfigurationError: for a file that is not TOML, an unknown or missing key, a value of
            the wrong type, an unknown enum word or operation name; the message names ``filename``
            and the key.
    """
    description = _read(text, filename, lambda raw: _build(BrokerDescription, _prepare(name, raw), ""))
    assert isinstance(description, BrokerDescription)
    return description


def _read(text: str, filename: str, build: Callable[[dict[str, Any]], object]) -> object:
    """``build`` over the TOML ``text``; every problem a ConfigurationError naming ``filename``."""
    try:
        return build(tomllib.loads(text))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigurationError(f"{filename}: not valid TOML: {exc}") from None
    except _Bad as exc:
        raise ConfigurationError(f"{filename}: {exc}") from None


def _data(broker: str, name: str) -> tuple[str, str]:
    """The text of the data file ``name`` in ``broker``'s package, and the name errors give it."""
    source = importlib.resources.files(f"{__name__}.{broker}").joinpath(name)
    return source.read_text(encoding="utf-8"), f"orderbridge/brokers/{broker}/{name}"


@functools.cache
def _described(broker: str) -> BrokerDescription:
    text, filename = _data(broker, DATA_FILE)
    return load_description(broker, text, filename=filename)


def load_order_shape(broker: str, text: str, *, filename: str, names: Mapping[int, str] | None = None) -> OrderShape:
    """The :class:`~orderbridge._orders.OrderShape` written in ``text`` (an ``orders.toml``).

    Its keys are ``OrderShape``'s fields: ``status`` and a ``[paths]`` table of the other
    fields (:data:`~orderbridge._orders.OrderField`), each a list of dotted paths, the first
    present one wins; ``sides``, ``types``, ``time_in_force_words`` tables of broker word ->
    standard value
    and a ``[statuses]`` table of a :class:`~orderbridge._status.StatusTable` (``source`` and
    ``words``; its ``broker`` is ``broker``). Three conveniences: ``parse_time`` names how
    timestamps are written (``"iso"``, the default, ``"us"`` or ``"offset"``: the readers of
    :mod:`orderbridge._orders`); ``zone`` is an IANA zone name (default UTC); ``integer_codes =
    true`` reads every word key as an integer (TOML keys are text). ``names`` are the vendor's
    names of integer status codes.

    Raises:
        ConfigurationError: as :func:`load_description` does, naming ``filename`` and the key.
    """
    from .._orders import OrderShape, iso_time, offset_time, us_time
    from .._status import StatusTable

    readers = {"iso": iso_time, "us": us_time, "offset": offset_time}

    def build(raw: dict[str, Any]) -> object:
        ready: dict[str, object] = {}
        reader = raw.pop("parse_time", "iso")
        if reader not in readers:
            raise _Bad("parse_time", f"expected one of {', '.join(map(repr, readers))}, got {reader!r}")
        ready["parse_time"] = readers[reader]
        zone = raw.pop("zone", "UTC")
        try:
            ready["zone"] = dt.UTC if zone == "UTC" else zoneinfo.ZoneInfo(zone)
        except (ValueError, TypeError, zoneinfo.ZoneInfoNotFoundError):
            raise _Bad("zone", f"not an IANA zone name: {zone!r}") from None
        integers = _convert(raw.pop("integer_codes", False), bool, "integer_codes")
        statuses = raw.pop("statuses", None)
        if not isinstance(statuses, dict):
            raise _Bad("statuses", "missing required table" if statuses is None else "expected a table")
        if "broker" in statuses:
            raise _Bad("statuses.broker", "unknown key (the broker's name is the folder's)")
        if integers:
            for key in ("sides", "types", "time_in_force_words"):
                raw[key] = _codes(raw.get(key), key)
            statuses["words"] = _codes(statuses.get("words"), "statuses.words")
        ready["statuses"] = _build(StatusTable, statuses, "statuses", {"broker": broker, "names": names or {}})
        return _build(OrderShape, raw, "", ready)

    shape = _read(text, filename, build)
    assert isinstance(shape, OrderShape)
    return shape


def _codes(table: object, key: str) -> object:
    """A table of words keyed by integer codes (``integer_codes = true``): the keys as integers."""
    if not isinstance(table, dict):
        return table if table is not None else {}
    for word in table:
        if not word.isdigit() or (word.startswith("0") and word != "0"):
            raise _Bad(f"{key}.{word}", "expected an integer code (integer_codes = true)")
    return {int(word): value for word, value in table.items()}


def order_shape(broker: str, *, names: Mapping[int, str] | None = None) -> OrderShape:
    """``broker``'s :class:`~orderbridge._orders.OrderShape`, read from its package's
    ``orders.toml`` (by its ``orders.py``, imported with the adapter on first use).

    Raises:
        ConfigurationError: for an unknown broker, or a broken ``orders.toml``.
    """
    describe(broker)  # an unknown name fails here, plainly
    text, filename = _data(broker, ORDERS_FILE)
    return load_order_shape(broker, text, filename=filename, names=names)


class _Descriptions(Mapping[str, BrokerDescription]):
    """Broker name -> description, each read from its ``broker.toml`` on first access."""

    def __getitem__(self, broker: str) -> BrokerDescription:
        if broker not in BROKERS:
            raise KeyError(broker)
        return _described(broker)

    def __iter__(self) -> Iterator[str]:
        return iter(BROKERS)

    def __len__(self) -> int:
        return len(BROKERS)


DESCRIPTIONS: Mapping[str, BrokerDescription] = _Descriptions()
"""Every broker's :class:`~orderbridge._models.BrokerDescription`, in documentation order (each
read from its ``broker.toml`` on first access)."""


def describe(broker: str) -> BrokerDescription:
    """The :class:`~orderbridge._models.BrokerDescription` of ``broker``, read from its
    ``broker.toml`` once (cached).

    Raises:
        ConfigurationError: for an unknown broker name, or a broken ``broker.toml``.
    """
    if not isinstance(broker, str) or broker not in BROKERS:
        raise ConfigurationError(f"unknown broker {broker!r}; expected one of {', '.join(BROKERS)}")
    return _described(broker)


def package_attribute(package: str, attribute: str) -> BrokerDescription:
    """A broker package's ``DESCRIPTION``, read on first access (its module ``__getattr__``), so
    its modules can write ``from . import DESCRIPTION`` and nothing is read at import.

    Raises:
        AttributeError: for any other attribute, as a module would.
    """
    if attribute != "DESCRIPTION":
        raise AttributeError(f"module {package!r} has no attribute {attribute!r}")
    return describe(package.rsplit(".", 1)[-1])


def capabilities(broker: str) -> Capabilities:
    """The :class:`~orderbridge.Capabilities` of ``broker`` (``"topstepx"``, ``"crosstrade"``,
    ``"tradestation"``, ``"sophic"``).

    Raises:
        ConfigurationError: for an unknown broker name.
    """
    return describe(broker).capabilities


def all_capabilities() -> dict[str, Capabilities]:
    """Capabilities of every broker, keyed by name."""
    return {name: describe(name).capabilities for name in BROKERS}
