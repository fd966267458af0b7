"""The test suite's one spec helper: every test reads the specs through
:mod:`orderbridge_sandbox.spec` (``ORDERBRIDGE_SPECS_DIR`` or the copy bundled with the
sandbox), never by a path of its own."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import yaml

from orderbridge_sandbox.spec import load_spec, specs_dir, validate_request, validate_response

__all__ = ["asyncapi", "deref", "load_spec", "read_yaml", "specs_dir", "validate_request", "validate_response"]


def read_yaml(path: Path) -> Any:
    """A YAML document from disk (a spec copy a test corrupts on purpose)."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@functools.cache
def asyncapi() -> dict[str, Any]:
    """``crosstrade.asyncapi.yaml``, the CrossTrade WebSocket API document."""
    document: dict[str, Any] = read_yaml(specs_dir() / "crosstrade.asyncapi.yaml")
    return document


def deref(doc: dict[str, Any], node: Any) -> Any:
    """``node`` with its top-level local ``$ref``s (``#/components/...``) followed in ``doc``."""
    while isinstance(node, dict) and "$ref" in node:
        target: Any = doc
        for part in str(node["$ref"]).lstrip("#/").split("/"):
            target = target[part.replace("~1", "/").replace("~0", "~")]
        node = target
    return node
