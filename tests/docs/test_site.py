"""The built documentation site (``nox -s docs`` builds it, then runs this module on it with
``ORDERBRIDGE_DOCS_SITE`` set; elsewhere the module is skipped, since the suite does not install
MkDocs)."""

from __future__ import annotations

import html
import os
import re
from pathlib import Path

import pytest

import orderbridge as ob

SITE = os.environ.get("ORDERBRIDGE_DOCS_SITE")
pytestmark = pytest.mark.skipif(not SITE, reason="the site is built and checked by `nox -s docs`")


def page(path: str) -> str:
    assert SITE is not None
    return (Path(SITE) / path / "index.html").read_text(encoding="utf-8")


def text(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", markup))


def test_api_reference_covers_every_public_name() -> None:
    reference = page("reference")
    anchors = set(re.findall(r'id="(orderbridge\.[A-Za-z_]+)"', reference))
    missing = sorted(f"orderbridge.{name}" for name in ob.__all__ if f"orderbridge.{name}" not in anchors)
    assert missing == []


def words(markup: str) -> str:
    """Prose without roles (``:class:``), code marks or punctuation, for comparing docstrings."""
    # A role renders as its target's last name (tools/griffe_roles.py): `~orderbridge.Capabilities`
    # shows as "Capabilities".
    markup = re.sub(r":\w+:`~?(?:[\w.]+\.)?([^`.]+)`", r"\1", markup)
    return " ".join(re.sub(r"\W+", " ", re.sub(r":\w+:", " ", markup)).split())


def test_api_reference_shows_the_docstrings() -> None:
    assert not re.search(r":(class|func|data|attr|meth):", text(page("reference"))), "a Sphinx role shown as is"
    reference = words(text(page("reference")))
    for name in ("OutcomeUnknown", "Order", "connect", "capabilities", "FlattenReport"):
        first_line = (getattr(ob, name).__doc__ or "").strip().splitlines()[0]
        assert words(first_line) in reference, name


@pytest.mark.parametrize("broker", ob.BROKERS)
def test_broker_page_is_generated_from_capabilities_and_spec(broker: str) -> None:
    body = " ".join(text(page(f"brokers/{broker}")).split())
    caps = ob.capabilities(broker)
    for heading in (
        "Placing orders",
        "Operations",
        "Configuration and credentials",
        "Budgets and rate limits",
        "What it cannot do",
    ):
        assert heading in body
    assert caps.client_order_id_field in body
    for name in ob.OPERATIONS:
        support, how = caps.operations[name]
        assert f"{name} {support.value} {' '.join(how.split())}" in body
    assert f"ORDERBRIDGE_{broker.upper()}_BASE_URL" in body


def test_budgets_the_specs_document_are_on_the_broker_pages() -> None:
    assert "200 requests per 60 s" in text(page("brokers/topstepx"))
    assert "3 requests per second" in " ".join(text(page("brokers/crosstrade")).split())


@pytest.mark.parametrize("broker", ob.BROKERS)
def test_client_page_lists_every_operation(broker: str) -> None:
    from tests._specs import load_spec

    body = text(page(f"clients/{broker}"))
    spec = load_spec(broker)
    ids = [
        op["operationId"]
        for item in spec["paths"].values()
        for m, op in item.items()
        if m in {"get", "post", "put", "delete", "patch"}
    ]
    assert ids and all(f"{broker}_client.api." in body and op_id in body for op_id in ids)


def test_guide_and_concepts_are_there() -> None:
    assert "Paper trading against the sandbox" in text(page(""))
    assert "Reconciling" in text(page("concepts"))
