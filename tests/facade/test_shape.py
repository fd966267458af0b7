"""The facade's shape, read from its source with :mod:`ast`: no import cycle among its modules
(lazy imports inside functions included), no module except the attempt policy decides
retries, and no module except ``_errors`` makes an outcome error."""

from __future__ import annotations

import ast
import typing
from pathlib import Path

import pytest

import orderbridge
import orderbridge as ob
from orderbridge._errors import Origin

PACKAGE = Path(orderbridge.__file__).parent
RETRY_LIBRARIES = {"tenacity", "backoff", "stamina", "retrying", "urllib3.util.retry"}


PACKAGES: set[str] = set()
"""Names of the modules that are packages (an ``__init__.py``): their relative imports start
at the package itself."""


def _modules() -> dict[str, ast.Module]:
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        name = ".".join(("orderbridge", *parts)).removesuffix(".__init__")
        if path.name == "__init__.py":
            PACKAGES.add(name)
        out[name] = ast.parse(path.read_text(encoding="utf-8"))
    return out


def _imports(name: str, tree: ast.Module, package: bool) -> set[str]:
    """Every module ``name`` imports (absolute names), at any depth of the file."""
    base = name.split(".") if package else name.split(".")[:-1]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            root = base[: len(base) - node.level + 1] if node.level else []
            module = ".".join([*root, node.module] if node.module else root)
            found.add(module)
            found.update(f"{module}.{alias.name}" for alias in node.names)
        elif (
            isinstance(node, ast.Call)
            and getattr(node.func, "attr", None) == "import_module"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            found.add(node.args[0].value)
    return found


def test_the_facade_has_no_import_cycle() -> None:
    modules = _modules()
    graph = {
        name: {dep for dep in _imports(name, tree, package=name in PACKAGES) if dep in modules and dep != name}
        for name, tree in modules.items()
    }
    graph.pop("orderbridge")  # the package's __init__ re-exports; nothing inside imports it
    for deps in graph.values():
        deps.discard("orderbridge")
    cycles: list[list[str]] = []

    def visit(node: str, path: list[str]) -> None:
        for dep in graph.get(node, ()):
            if dep in path:
                cycles.append([*path[path.index(dep) :], dep])
            elif len(path) < len(graph):
                visit(dep, [*path, dep])

    for start in graph:
        visit(start, [start])
    assert not cycles, cycles[:3]
    # the walk sees real edges
    assert graph["orderbridge.brokers.crosstrade.websocket"] >= {"orderbridge._errors"}
    assert graph["orderbridge.brokers"] >= {"orderbridge._models", "orderbridge._errors"}


def test_only_the_attempt_policy_decides_retries() -> None:
    modules = _modules()
    for name, tree in modules.items():
        imported = _imports(name, tree, package=False)
        assert not imported & RETRY_LIBRARIES, f"{name} imports a retry library"
        for node in ast.walk(tree):
            # reading a call's retry policy is deciding on it
            if isinstance(node, ast.Attribute) and node.attr == "retry" and isinstance(node.ctx, ast.Load):
                assert name in ("orderbridge._policy", "orderbridge._wire"), f"{name} reads .retry"
            # comparing against a Retry member is deciding on it
            if isinstance(node, ast.Compare):
                for side in (node.left, *node.comparators):
                    if isinstance(side, ast.Attribute) and getattr(side.value, "id", None) == "Retry":
                        # _flow defines Retry (its moves_money property names READ)
                        assert name in ("orderbridge._policy", "orderbridge._wire"), f"{name}: Retry.{side.attr}"
            # only the drivers ask the policy
            if isinstance(node, ast.Attribute) and node.attr == "decide":
                assert name in ("orderbridge._driver", "orderbridge._policy"), f"{name} calls decide"
    # and the rule set is really there: the policy module compares with Retry members
    policy = modules["orderbridge._policy"]
    assert any(isinstance(n, ast.Attribute) and getattr(n.value, "id", None) == "Retry" for n in ast.walk(policy))


def test_outcome_origin_lists_exactly_the_origins_the_code_raises() -> None:
    """Every literal origin given to ``unknown(...)`` / ``OutcomeUnknown(origin=...)`` is in
    :data:`orderbridge._errors.Origin`, and every member of it is raised somewhere."""
    declared = set(typing.get_args(Origin))
    used: set[str] = set()
    for tree in _modules().values():
        for node in ast.walk(tree):
            if isinstance(node, ast.AnnAssign) and getattr(node.annotation, "id", None) == "Origin" and node.value:
                used.update(
                    c.value for c in ast.walk(node.value) if isinstance(c, ast.Constant) and isinstance(c.value, str)
                )
            if isinstance(node, ast.Call):
                candidates = [k.value for k in node.keywords if k.arg == "origin"]
                if getattr(node.func, "id", None) == "unknown" and len(node.args) >= 3:
                    candidates.append(node.args[2])
                if getattr(node.func, "id", None) == "_lost" and len(node.args) >= 2:
                    candidates.append(node.args[-2])  # _lost(*lost, origin, why)
                for candidate in candidates:
                    for leaf in ast.walk(candidate):
                        if isinstance(leaf, ast.Constant) and isinstance(leaf.value, str):
                            used.add(leaf.value)
    assert used - declared == set(), "origins raised but not declared"
    assert declared - used == set(), "origins declared but never raised"


OUTCOME_ERRORS = {
    "AuthenticationError",
    "BrokerUnavailable",
    "OrderNotFound",
    "OrderRejected",
    "OutcomeUnknown",
    "RateLimited",
    "UnexpectedResponse",
}
"""Errors about what happened to a request: worded only by the factories in ``_errors``
(input checks, InvalidOrder / NotSupported / ConfigurationError, are raised where checked)."""


def test_outcome_errors_are_made_in_errors_only() -> None:
    made = sorted(
        f"{name}:{node.lineno} {node.func.id}"
        for name, tree in _modules().items()
        if name != "orderbridge._errors"
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in OUTCOME_ERRORS
    )
    assert made == []


NATIVE_FLOW = {
    "modify_order": "modify",
    "open_orders": "open_orders",
    "positions": "positions",
    "balances": "balances",
    "fills": "fills",
    "close_position": "close_position",
    "cancel_all_orders": "cancel_all",
    "flatten": "close_all",
}


@pytest.mark.parametrize("broker", ob.BROKERS)
def test_capability_table_matches_the_adapter(broker: str) -> None:
    """'yes' exactly where the adapter implements the broker's own call; an emulated operation
    has every ingredient it is composed of."""
    from orderbridge._adapter import Adapter, get_adapter  # structure test: which methods each adapter overrides
    from orderbridge.brokers import describe

    adapter = get_adapter(describe(broker))
    caps = ob.capabilities(broker)
    for operation, flow in NATIVE_FLOW.items():
        own = getattr(type(adapter), flow) is not getattr(Adapter, flow)
        assert own is (caps.support(operation) is ob.Support.YES), (broker, operation)
    if caps.support("close_position") is ob.Support.EMULATED:
        assert caps.support("positions") is ob.Support.YES
    if caps.support("cancel_all_orders") is ob.Support.EMULATED:
        assert caps.support("open_orders") is ob.Support.YES and caps.cancel
    if caps.support("flatten") is ob.Support.EMULATED:
        assert caps.support("positions") is ob.Support.YES and caps.support("open_orders") is ob.Support.YES
    assert bool(caps.modify_fields) is (caps.support("modify_order") is not ob.Support.NO)
