"""Route table built from a spec: ``(method, path) -> operationId`` plus path parameters.

The router needs the operation before (and even when) openapi-core validation fails, to pick
the broker's error dialect and to match faults by ``operationId``. Literal paths win over
templated ones (CrossTrade ``/accounts/snapshot`` before ``/accounts/{account}``).
"""

from __future__ import annotations

import dataclasses
import functools
import re
from urllib.parse import unquote

import httpx

from . import spec

METHODS = ("get", "put", "post", "delete", "patch")


@dataclasses.dataclass(frozen=True)
class Route:
    operation: str
    method: str
    template: str
    pattern: re.Pattern[str]
    literal_segments: int
    folded: re.Pattern[str]
    """``pattern`` ignoring case (for a broker whose server ignores path case)."""


@dataclasses.dataclass(frozen=True)
class Match:
    """A matched route: the operation and its decoded path parameters."""

    operation: str
    template: str
    path: dict[str, str]


@dataclasses.dataclass(frozen=True)
class NoRoute:
    """No route: ``allowed`` lists the methods the path has (empty for an unknown path)."""

    path: str
    allowed: tuple[str, ...]


def _compile(template: str) -> re.Pattern[str]:
    parts = re.split(r"(\{[^}]+\})", template)
    regex = "".join(f"(?P<{p[1:-1]}>[^/]+)" if p.startswith("{") else re.escape(p) for p in parts)
    return re.compile(f"^{regex}$")


class RouteTable:
    """All operations of one broker's spec."""

    def __init__(self, broker: str) -> None:
        self.broker = broker
        routes = []
        for template, item in spec.load_spec(broker)["paths"].items():
            literal = sum(1 for seg in template.split("/") if seg and not seg.startswith("{"))
            for method in METHODS:
                if method in item:
                    op = item[method]["operationId"]
                    pattern = _compile(template)
                    folded = re.compile(pattern.pattern, re.IGNORECASE)
                    routes.append(Route(op, method.upper(), template, pattern, literal, folded))
        # More literal segments first, so literal paths win over templates; a template's
        # methods stay together.
        self.routes = sorted(routes, key=lambda r: (-r.literal_segments, r.template))

    @property
    def operations(self) -> list[str]:
        return [r.operation for r in self.routes]

    def match(self, method: str, path: str, *, ignore_case: bool = False) -> Match | NoRoute:
        """The operation for ``method`` on the most literal template matching ``path`` (its
        literal segments in any case with ``ignore_case``).

        Only that template counts: ``GET .../orders/place`` is 405 (``Allow: POST``), not
        ``get_order`` with ``orderId=place``, so ``Allow`` lists exactly the path's methods.
        """
        allowed: list[str] = []
        best: str | None = None
        for route in self.routes:
            if best is not None and route.template != best:
                continue
            found = (route.folded if ignore_case else route.pattern).match(path)
            if not found:
                continue
            if best is None:
                best = route.template
            if route.method != method.upper():
                allowed.append(route.method)
                continue
            params = {k: unquote(v) for k, v in found.groupdict().items()}
            return Match(route.operation, route.template, params)
        return NoRoute(path, tuple(sorted(set(allowed))))


@functools.cache
def table(broker: str) -> RouteTable:
    return RouteTable(broker)


def split_prefix(request: httpx.Request) -> tuple[str, str]:
    """``/topstepx/api/Order/place`` -> (``topstepx``, ``/api/Order/place``); the tail stays URL-encoded."""
    path = request.url.raw_path.split(b"?", 1)[0].decode("ascii", "replace")
    _, _, rest = path.partition("/")
    name, slash, tail = rest.partition("/")
    return name, "/" + tail if slash else "/"


@functools.cache
def declared_statuses(broker: str, operation: str) -> frozenset[int]:
    """The response statuses the spec declares for ``operation``."""
    for item in spec.load_spec(broker)["paths"].values():
        for method in METHODS:
            op = item.get(method)
            if op and op["operationId"] == operation:
                return frozenset(int(code) for code in op["responses"] if code.isdigit())
    return frozenset()


@functools.cache
def security_required(broker: str, operation: str) -> bool:
    """Whether ``operation`` declares a non-empty ``security`` requirement."""
    for item in spec.load_spec(broker)["paths"].values():
        for method in METHODS:
            op = item.get(method)
            if op and op["operationId"] == operation:
                return any(req for req in op.get("security", []))
    return False
