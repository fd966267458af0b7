"""The generated pages of the documentation site (run by mkdocs-gen-files at build time).

Nothing here is committed as Markdown: every page below is rebuilt from its source on each
``nox -s docs``, so a page cannot drift from what it describes.

* ``index.md``: the README (the guide), as it is;
* ``brokers/<broker>.md``: one page per broker, from the public API (``orderbridge.capabilities``,
  ``Session.description`` of an unsent ``orderbridge.connect``) and the broker's spec
  (``specs/<broker>.yaml``: its own account of authentication, rate limits and conventions, its
  security schemes and the operations that document HTTP 429);
* ``clients/<broker>.md``: the generated client's operation table (each spec operation, its
  Python module and summary);
* ``reference.md``: one mkdocstrings block per name in ``orderbridge.__all__``;
* ``changelog/<package>.md``: the six packages' changelogs.

``python tools/docs_pages.py OUT_DIR`` writes the same pages to a directory (to read them without
MkDocs).
"""

from __future__ import annotations

import importlib.util
import re
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
BROKERS = ("topstepx", "crosstrade", "tradestation", "sophic")
METHODS = ("get", "put", "post", "delete", "patch")
TITLES = {
    "topstepx": "TopstepX (ProjectX Gateway)",
    "crosstrade": "CrossTrade (NinjaTrader 8 bridge)",
    "tradestation": "TradeStation WebAPI v2",
    "sophic": "Sophic Engine",
}


def _spec(broker: str) -> dict[str, Any]:
    document: dict[str, Any] = yaml.safe_load((ROOT / "specs" / f"{broker}.yaml").read_text(encoding="utf-8"))
    return document


def _cell(text: object) -> str:
    """A Markdown table cell: one line, pipes escaped."""
    return " ".join(str(text).split()).replace("|", "\\|")


def _words(values: Any) -> str:
    names = sorted(str(getattr(v, "value", v)) for v in values)
    return ", ".join(f"`{n}`" for n in names) if names else "none"


def _demote(markdown: str, levels: int = 2) -> str:
    """The spec's own ``##`` headings nested under this page's headings."""
    return re.sub(r"(?m)^(#{1,4}) ", lambda m: "#" * (len(m[1]) + levels) + " ", markdown)


def _operations(spec: Mapping[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, item in spec.get("paths", {}).items():
        for method in METHODS:
            if method in item:
                yield method.upper(), path, item[method]


def _rate_limit_paragraphs(description: str) -> list[str]:
    """The paragraphs (or list sections) of the spec's description that state a budget."""
    blocks = re.split(r"\n\s*\n", description)
    out: list[str] = []
    for index, block in enumerate(blocks):
        if re.search(r"rate limit|requests per|per second|throttl", block, re.IGNORECASE):
            if block.lstrip().startswith("#") and index + 1 < len(blocks):  # a heading: take its body too
                block = f"{block}\n\n{blocks[index + 1]}"
            if block not in out:
                out.append(block)
    return out


def broker_page(broker: str) -> str:
    """One broker: capabilities and configuration from the public API, the rest from its spec."""
    import orderbridge as ob

    caps = ob.capabilities(broker)
    # connect() sends nothing until a call is made; it is the public way to the broker description.
    with ob.connect(broker, base_url=f"http://127.0.0.1/{broker}") as session:
        description = session.description
    spec = _spec(broker)
    info = spec["info"]
    prefix = f"ORDERBRIDGE_{broker.upper()}_"
    sizing = []
    if caps.quantity_sides:
        sizing.append(
            f"quantity for {_words(caps.quantity_sides)}" + (" (fractional)" if caps.fractional_quantity else "")
        )
    if caps.cash_amount_sides:
        sizing.append(f"cash amount for {_words(caps.cash_amount_sides)}")
    lines = [
        f"# {TITLES[broker]}",
        "",
        f"`orderbridge` name: `{broker}`. Spec: `specs/{broker}.yaml`, *{_cell(info['title'])}*, broker "
        f"documentation version `{info['version']}`. Generated client: [`{broker}-client`](../clients/{broker}.md).",
        "",
        "This page is generated at build time from `orderbridge.capabilities(...)`, the session's broker "
        "description and the spec; it cannot drift from them.",
        "",
        "## Placing orders",
        "",
        "| | |",
        "|---|---|",
        f"| order types | {_words(caps.order_types)} |",
        f"| time in force | {_words(caps.time_in_force)}"
        + (f" (default `{caps.default_time_in_force.value}`)" if caps.default_time_in_force else "")
        + " |",
        f"| sizing | {'; '.join(sizing)} |",
        f"| brackets / OCO | {'yes' if caps.brackets else 'no'} / {'yes' if caps.oco else 'no'} |",
        f"| client order id | sent as `{caps.client_order_id_field}`, "
        f"at most {caps.client_order_id_max_length} characters |",
        f"| placement retried | {'yes: the broker deduplicates on the key' if caps.idempotent_placement else 'never'} "
        "|",
        f"| resolve | {_cell(caps.resolve) if caps.resolve else 'not available'} |",
        f"| modifiable fields | {_words(caps.modify_fields)} |",
        "",
        _cell(caps.notes),
        "",
        "## Operations",
        "",
        "`yes`: the broker documents the call; `emulated`: orderbridge composes it (only with `emulate=True`); "
        "`no`: `NotSupported` before anything is sent.",
        "",
        "| operation | support | how |",
        "|---|---|---|",
    ]
    for name in ob.OPERATIONS:
        support, how = caps.operations[name]
        lines.append(f"| `{name}` | {support.value} | {_cell(how)} |")
    lines += ["", "## Configuration and credentials", "", "| variable | meaning |", "|---|---|"]
    lines.append(f"| `{prefix}BASE_URL` | base URL; default `{description.production_url}` |")
    for credential in description.credentials:
        lines.append(f"| `{prefix}{credential.upper()}` | credential `{credential}` (or `credentials={{...}}`) |")
    lines += ["", "Security schemes the spec declares:", "", "| scheme | type | details |", "|---|---|---|"]
    for scheme, node in spec.get("components", {}).get("securitySchemes", {}).items():
        kind = " ".join(str(node.get(k)) for k in ("type", "scheme", "in", "name") if node.get(k))
        lines.append(f"| `{scheme}` | {_cell(kind)} | {_cell(node.get('description', ''))} |")
    lines += ["", "## Budgets and rate limits", ""]
    budget = _rate_limit_paragraphs(info.get("description", ""))
    lines += [_demote(block) + "\n" for block in budget] or ["The spec documents no rate limit.", ""]
    limited = [f"`{op['operationId']}`" for _, _, op in _operations(spec) if "429" in op.get("responses", {})]
    if limited:
        lines += [f"Operations that document HTTP 429: {', '.join(limited)}.", ""]
    lines += ["## What it cannot do", ""]
    cannot = [f"- order types: {_words(set(ob.OrderType) - set(caps.order_types))}"]
    missing_tif = set(ob.TimeInForce) - set(caps.time_in_force)
    if missing_tif:
        cannot.append(f"- time in force: {_words(missing_tif)}")
    for name in ob.OPERATIONS:
        support, how = caps.operations[name]
        if support is ob.Support.NO:
            cannot.append(f"- `{name}`: {_cell(how)}")
    if not caps.brackets:
        cannot.append("- brackets")
    if not caps.oco:
        cannot.append("- OCO groups")
    lines += [*cannot, "", "## What the spec says", "", _demote(info.get("description", "")), ""]
    return "\n".join(lines)


def client_page(broker: str) -> str:
    """The generated client's operations: spec operation, HTTP call, Python module, summary."""
    spec = _spec(broker)
    package = f"{broker}_client"
    lines = [
        f"# `{broker}-client`",
        "",
        f"Generated from `specs/{broker}.yaml` with openapi-python-client; import name `{package}`. "
        "Every operation is a module with `sync`, `sync_detailed`, `asyncio` and `asyncio_detailed`; "
        "error statuses return the documented error model instead of raising. "
        f"From a clone: `python3 -m pip install ./clients/{broker}`.",
        "",
        "| operation | HTTP | module | summary |",
        "|---|---|---|---|",
    ]
    for method, path, op in sorted(_operations(spec), key=lambda o: (o[2]["tags"][0], o[2]["operationId"])):
        tag = re.sub(r"\W+", "_", op["tags"][0]).strip("_").lower()
        module = f"{package}.api.{tag}.{op['operationId']}"
        if importlib.util.find_spec(module) is None:
            raise LookupError(f"{module} is not in the installed {broker}-client; regenerate (nox -s generate)")
        lines.append(f"| `{op['operationId']}` | `{method} {path}` | `{module}` | {_cell(op.get('summary', ''))} |")
    return "\n".join([*lines, ""])


def reference_page() -> str:
    """One mkdocstrings block per public name (``orderbridge.__all__``), in that order."""
    import orderbridge

    lines = [
        "# API reference",
        "",
        "Every name in `orderbridge.__all__`, from its docstring. Import them from `orderbridge`.",
        "",
    ]
    for name in orderbridge.__all__:
        lines += [f"::: orderbridge.{name}", ""]
    return "\n".join(lines)


def pages() -> dict[str, str]:
    """Every generated page, by its path under the docs directory."""
    out = {"index.md": (ROOT / "README.md").read_text(encoding="utf-8"), "reference.md": reference_page()}
    for broker in BROKERS:
        out[f"brokers/{broker}.md"] = broker_page(broker)
        out[f"clients/{broker}.md"] = client_page(broker)
        out[f"changelog/{broker}-client.md"] = (ROOT / "specs" / "changelog" / f"{broker}.md").read_text(
            encoding="utf-8"
        )
    for package, name in (("facade", "orderbridge"), ("sandbox", "orderbridge-sandbox")):
        out[f"changelog/{name}.md"] = (ROOT / package / "CHANGELOG.md").read_text(encoding="utf-8")
    return out


def _write_with_gen_files() -> None:
    import mkdocs_gen_files  # type: ignore[import-not-found]

    for path, text in pages().items():
        with mkdocs_gen_files.open(path, "w") as fh:
            fh.write(text)


if __name__ == "<run_path>":  # mkdocs-gen-files runs this file with runpy.run_path
    _write_with_gen_files()
elif __name__ == "__main__":
    target = Path(sys.argv[1])
    for rel, text in pages().items():
        (target / rel).parent.mkdir(parents=True, exist_ok=True)
        (target / rel).write_text(text, encoding="utf-8")
