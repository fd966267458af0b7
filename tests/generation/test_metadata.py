"""Package metadata a person (or an index) reads: a real description and project URLs in all six
packages, and ``nox -l`` free of internal references."""

from __future__ import annotations

import ast
import re
import tomllib
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ["clients/topstepx", "clients/crosstrade", "clients/tradestation", "clients/sophic", "facade", "sandbox"]


def project(package: str) -> dict[str, Any]:
    meta: dict[str, Any] = tomllib.loads((ROOT / package / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return meta


@pytest.mark.parametrize("package", PACKAGES)
def test_description_is_written_for_people(package: str) -> None:
    description = project(package)["description"]
    assert not description.startswith("A client library for accessing"), "the generator's default"
    assert 60 <= len(description) <= 250


@pytest.mark.parametrize("package", PACKAGES)
def test_project_urls_are_https_links(package: str) -> None:
    urls = project(package).get("urls", {})
    assert urls, "no [project.urls]"
    assert all(re.fullmatch(r"https://[\w.-]+(/\S*)?", url) for url in urls.values()), urls


def test_nox_list_names_no_internal_reference() -> None:
    """``nox -l`` shows each session's docstring; read them from noxfile.py without running nox."""
    tree = ast.parse((ROOT / "noxfile.py").read_text(encoding="utf-8"))
    sessions = {
        node.name: ast.get_docstring(node) or ""
        for node in tree.body
        if isinstance(node, ast.FunctionDef)
        and any("session" in ast.unparse(decorator) for decorator in node.decorator_list)
    }
    assert {"docs", "build", "bench"} <= set(sessions)
    internal = {name: doc for name, doc in sessions.items() if re.search(r"\bissues?[- ]?#?\d+", doc, re.IGNORECASE)}
    assert internal == {}
