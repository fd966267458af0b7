"""Check that a generated request model holds values of its declared types, recursively.

The generated ``from_dict`` does not type-check scalars, and a union field whose variants all
fail to parse keeps the raw value. So an ``extras`` value of the wrong shape (``ticks: "ten"``,
a bracket without ``ticks``) would be sent as is and the broker would reject or misread it.
Adapters call :func:`conform` on every request body they build; a mismatch is refused before
anything is sent.
"""

from __future__ import annotations

import functools
import importlib
import types
import typing
from typing import Any, Protocol, TypeVar

import attrs

from ._errors import InvalidOrder


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    package = importlib.import_module(cls.__module__.rsplit(".", 1)[0])
    return typing.get_type_hints(cls, localns=dict(vars(package)))


def _is_unset(value: object) -> bool:
    return type(value).__name__ == "Unset"


def _matches(value: object, hint: Any, path: str, broker: str) -> bool:
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        return any(_matches(value, arg, path, broker) for arg in typing.get_args(hint))
    if hint is Any:
        return True
    if hint is type(None):
        return value is None
    if isinstance(hint, type) and hint.__name__ == "Unset":
        return _is_unset(value)
    if origin is typing.Literal:
        return value in typing.get_args(hint)
    if origin is list:
        (item,) = typing.get_args(hint) or (Any,)
        return isinstance(value, list) and all(_matches(v, item, f"{path}[]", broker) for v in value)
    if origin is dict:
        return isinstance(value, dict)
    if hint is bool:
        return isinstance(value, bool)
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if hint is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if isinstance(hint, type) and attrs.has(hint):
        if isinstance(value, hint):
            conform(value, broker, path=f"{path}.")
            return True
        return False
    if isinstance(hint, type):
        return isinstance(value, hint)
    return True


def conform(model: Any, broker: str, *, path: str = "") -> None:
    """Raise :class:`InvalidOrder` (``field="extras"``) unless every field of the generated
    ``model`` instance, nested models included, holds a value of its declared type."""
    cls = type(model)
    hints = _hints(cls)  # type: ignore[arg-type]
    for field in attrs.fields(cls):
        if field.name == "additional_properties":
            continue
        value = getattr(model, field.name)
        if not _matches(value, hints[field.name], f"{path}{field.name}", broker):
            raise InvalidOrder(
                f"{path}{field.name}={value!r} does not match the request schema ({cls.__name__})",
                field="extras",
                broker=broker,
            )


class _FromDict(Protocol):
    @classmethod
    def from_dict(cls, src_dict: Any) -> Any: ...

    def to_dict(self) -> dict[str, Any]: ...


M = TypeVar("M", bound=_FromDict)


def build_request(model: type[M], wire: dict[str, Any], broker: str, *, extras: bool) -> M:
    """Parse ``wire`` (broker field names) into the generated request ``model``; every adapter
    builds its request bodies through here. When the order carried ``extras`` the result is
    also :func:`conform`-checked (fields mapped from ``Order`` are correct by construction,
    so the walk — tens of µs — is skipped otherwise).

    Raises:
        InvalidOrder: ``field="extras"`` when the body does not fit the model.
    """
    try:
        request: M = model.from_dict(wire)
    except (KeyError, TypeError, ValueError) as exc:
        raise InvalidOrder(f"extras do not fit {model.__name__}: {exc}", field="extras", broker=broker) from None
    if extras:
        conform(request, broker)
        emitted = request.to_dict()
        for key, value in wire.items():
            if emitted.get(key) != value:
                raise InvalidOrder(
                    f"{key}={value!r} does not survive {model.__name__} (sent as {emitted.get(key)!r})",
                    field="extras",
                    broker=broker,
                )
    return request
