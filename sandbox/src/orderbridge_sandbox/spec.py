"""Load the broker specs and validate httpx requests and responses against them (openapi-core).

Used by the sandbox (every incoming request and every outgoing response) and by the
spec-driven contract tests. Requests may arrive on any base URL (the production host, the
sandbox's ``http://127.0.0.1:N/<broker>`` prefix, a respx route); :func:`validate_request`
rewrites the URL onto the spec's own server before matching, so the spec needs no extra
``servers`` entries.

Errors are openapi-core's own exceptions (``openapi_core.validation.*``); ``str(exc)`` and
``exc.__cause__`` name the failing parameter or body path.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import httpx
import yaml
from openapi_core import Config, OpenAPI
from openapi_core.datatypes import RequestParameters
from openapi_core.deserializing.media_types.util import json_loads, plain_loads
from werkzeug.datastructures import Headers, ImmutableMultiDict

BROKERS = ("topstepx", "crosstrade", "tradestation", "sophic")


def specs_dir() -> Path:
    """Where the spec YAML files are: ``$ORDERBRIDGE_SPECS_DIR``, the copy bundled in this
    package, or the repository's ``specs/`` (editable installs and the test suite)."""
    env = os.environ.get("ORDERBRIDGE_SPECS_DIR")
    if env:
        return Path(env)
    bundled = Path(__file__).parent / "specs"
    if (bundled / "topstepx.yaml").exists():
        return bundled
    for parent in Path(__file__).resolve().parents:
        candidate = parent / "specs"
        if (candidate / "topstepx.yaml").exists():
            return candidate
    raise FileNotFoundError("cannot find the broker specs; set ORDERBRIDGE_SPECS_DIR")


@functools.cache
def load_spec(broker: str) -> dict[str, Any]:
    """The parsed spec document of ``broker`` (cached; treat as read-only)."""
    with (specs_dir() / f"{broker}.yaml").open(encoding="utf-8") as fh:
        doc: dict[str, Any] = yaml.safe_load(fh)
    return doc


@functools.cache
def operation_ids(broker: str) -> tuple[str, ...]:
    """Every ``operationId`` of ``broker``'s spec, sorted (what a fault can aim at)."""
    ids = {
        op["operationId"]
        for item in load_spec(broker)["paths"].values()
        for op in item.values()
        if isinstance(op, dict) and "operationId" in op
    }
    return tuple(sorted(ids))


def _media_types(node: Any) -> set[str]:
    """Every media type named under a ``content`` map anywhere in ``node``."""
    found: set[str] = set()
    if isinstance(node, dict):
        content = node.get("content")
        if isinstance(content, dict):
            found.update(str(key) for key in content)
        for value in node.values():
            found |= _media_types(value)
    elif isinstance(node, list):
        for value in node:
            found |= _media_types(value)
    return found


def media_type_deserializers(broker: str) -> dict[str, Any]:
    """Deserializers for the media types of ``broker``'s spec that openapi-core does not read
    itself (it parses only ``application/json`` as JSON and treats unknown types as bytes, so a
    valid ``application/problem+json`` or ``application/javascript`` body would fail its schema):
    every ``+json`` type is JSON, ``application/javascript`` and ``text/*`` are text."""
    out: dict[str, Any] = {}
    for media_type in _media_types(load_spec(broker)):
        base = media_type.split(";")[0].strip().lower()
        if base.endswith("+json"):
            out[base] = json_loads
        elif base == "application/javascript" or base.startswith("text/"):
            out[base] = plain_loads
    return out


@functools.cache
def openapi(broker: str) -> OpenAPI:
    """The openapi-core ``OpenAPI`` object of ``broker`` (cached)."""
    config = Config(extra_media_type_deserializers=media_type_deserializers(broker))
    return OpenAPI.from_dict(load_spec(broker), config=config)


def server_url(broker: str) -> str:
    """The spec's first server URL (the broker's production host)."""
    return str(load_spec(broker)["servers"][0]["url"]).rstrip("/")


class _Request:
    """An ``httpx.Request`` seen through openapi-core's request protocol."""

    def __init__(self, request: httpx.Request, host_url: str, path: str) -> None:
        self._request = request
        self.host_url = host_url
        self.path = path
        self.method = request.method.lower()
        query = ImmutableMultiDict(list(request.url.params.multi_items()))
        self.parameters = RequestParameters(query=query, header=Headers(list(request.headers.items())))
        self.content_type = request.headers.get("content-type", "").lower()
        body = request.content
        self.body = body if body else None

    @property
    def full_url_pattern(self) -> str:
        return self.host_url + self.path


class _Response:
    def __init__(self, response: httpx.Response) -> None:
        self.status_code = response.status_code
        self.content_type = response.headers.get("content-type", "").lower()
        self.headers = Headers(list(response.headers.items()))
        self.data = response.content


def spec_path(broker: str, request: httpx.Request, prefix: str = "") -> str:
    """The request path with ``prefix`` (e.g. ``/topstepx``) and the server's own path removed.

    The path stays percent-encoded, so an encoded ``/`` or ``?`` inside one path parameter
    (an account named ``a/b`` sent as ``a%2Fb``) still matches one template segment.
    """
    path = request.url.raw_path.split(b"?", 1)[0].decode("ascii")
    if prefix and path.startswith(prefix):
        path = path[len(prefix) :] or "/"
    server_path = httpx.URL(server_url(broker)).path.rstrip("/")
    if server_path and path.startswith(server_path):
        path = path[len(server_path) :] or "/"
    return path


def as_openapi_request(broker: str, request: httpx.Request, prefix: str = "") -> _Request:
    return _Request(request, server_url(broker), spec_path(broker, request, prefix))


def validate_request(broker: str, request: httpx.Request, prefix: str = "") -> Any:
    """Validate and unmarshal ``request`` against the spec; returns openapi-core's result.

    Raises:
        openapi_core.validation.request.exceptions.*: the first violation found (unknown
        path or method, missing/invalid parameter or security, body not matching the schema).
    """
    result = openapi(broker).unmarshal_request(as_openapi_request(broker, request, prefix))
    result.raise_for_errors()
    # Matching ran on the encoded path; hand back path parameters as the client meant them.
    path_params = getattr(result.parameters, "path", None)
    if isinstance(path_params, dict):
        for name, value in path_params.items():
            if isinstance(value, str):
                path_params[name] = unquote(value)
    return result


def validate_response(broker: str, request: httpx.Request, response: httpx.Response, prefix: str = "") -> None:
    """Validate ``response`` (status, content type, headers, body) against the operation that
    ``request`` matches.

    Raises:
        openapi_core.validation.response.exceptions.*: the first violation found.
    """
    openapi(broker).validate_response(as_openapi_request(broker, request, prefix), _Response(response))


def security_schemes(broker: str) -> Mapping[str, Any]:
    return load_spec(broker).get("components", {}).get("securitySchemes", {})  # type: ignore[no-any-return]
