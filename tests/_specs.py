"""The test suite's one spec helper: every test reads the specs through
:mod:`orderbridge_sandbox.spec` (``ORDERBRIDGE_SPECS_DIR`` or the copy bundled with the
sandbox), never by a path of its own."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import yaml

from orderbridge_sandbox.spec import load_spec, specs_dir, validate_request, validate_response

__all__ = ["asyncapi", "load_spec", "read_yaml", "specs_dir", "validate_request", "validate_response"]


def read_yaml(path: Path) -> Any:
    """A YAML document from disk (a spec copy a test corrupts on purpose)."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@functools.cache
def asyncapi() -> dict[str, Any]:
    """``crosstrade.asyncapi.yaml``, the CrossTrade WebSocket API document."""
    document: dict[str, Any] = read_yaml(specs_dir() / "crosstrade.asyncapi.yaml")
    return document
