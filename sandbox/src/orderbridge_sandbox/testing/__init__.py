"""Test your trading code against the broker specs (the public surface of the pytest plugin).

Fixtures (registered by the ``pytest11`` entry point when ``orderbridge-sandbox`` is installed):

* ``broker_sandbox`` -> :class:`BrokerSandbox`: the stateful in-process fake, faults, clock,
  fills on demand, recorded requests.
* ``spec_router`` -> ``spec_router(broker)`` -> :class:`SpecRouter`: respx routes that validate
  every request against the spec and answer with documented (or spec-validated) answers; needs
  ``pip install 'orderbridge-sandbox[pytest]'``.

Helpers: :func:`answers`, :func:`error_answers` and :func:`error_params` (every documented answer
or refusal of an operation, for ``pytest.mark.parametrize``); :func:`spec_versions` (which spec
documents are in use); :mod:`~orderbridge_sandbox.testing.specmodel` (the specs as data, request
and response checks). Errors are :class:`ContractError` (an ``AssertionError``):
:class:`RequestContractError` for what the code under test sent, :class:`ResponseContractError`
for an answer the spec does not allow.

The specs read are the ones bundled with the installed sandbox, or ``$ORDERBRIDGE_SPECS_DIR``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .answers import answers, error_answers, error_params
from .harness import SEEDS, BrokerSandbox, RecordedRequest, SandboxHarnessTransport, Seed
from .specmodel import (
    BUSINESS_REFUSALS,
    ContractError,
    Operation,
    RequestContractError,
    ResponseCase,
    ResponseContractError,
    check_request,
    check_response,
    operation,
    operations,
)
from .versions import SpecVersion, spec_versions

if TYPE_CHECKING:
    from .router import Call, SpecRouter, Stub

__all__ = [
    "BUSINESS_REFUSALS",
    "SEEDS",
    "BrokerSandbox",
    "Call",
    "ContractError",
    "Operation",
    "RecordedRequest",
    "RequestContractError",
    "ResponseCase",
    "ResponseContractError",
    "SandboxHarnessTransport",
    "Seed",
    "SpecRouter",
    "SpecVersion",
    "Stub",
    "answers",
    "check_request",
    "check_response",
    "error_answers",
    "error_params",
    "operation",
    "operations",
    "spec_versions",
]

_ROUTER_NAMES = ("Call", "SpecRouter", "Stub")


def __getattr__(name: str) -> Any:
    """``SpecRouter``, ``Stub`` and ``Call`` load respx on first use (the ``pytest`` extra)."""
    if name in _ROUTER_NAMES:
        try:
            from . import router
        except ImportError as exc:
            raise ImportError(
                f"orderbridge_sandbox.testing.{name} needs respx: pip install 'orderbridge-sandbox[pytest]' ({exc})"
            ) from exc
        return getattr(router, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
