"""Each of the six packages is releasable on its own: one version source, LICENSE, README, metadata."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any, cast

import pytest

from tools import spec_diff

ROOT = Path(__file__).resolve().parents[2]


CLIENTS = [f"clients/{name}" for name in spec_diff.SPEC_NAMES]
PACKAGES = [*CLIENTS, "facade", "sandbox"]


def project(package: str) -> dict[str, Any]:
    return cast(
        dict[str, Any], tomllib.loads((ROOT / package / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    )


@pytest.mark.parametrize("package", PACKAGES)
def test_package_has_license_readme_and_classifiers(package: str) -> None:
    meta = project(package)
    assert meta["license"] == "MIT" and meta["license-files"] == ["LICENSE"]
    assert (ROOT / package / "LICENSE").read_bytes() == (ROOT / "LICENSE").read_bytes()
    assert meta["readme"] == "README.md" and (ROOT / package / "README.md").stat().st_size > 500
    assert "Programming Language :: Python :: 3.11" in meta["classifiers"]
    assert meta["requires-python"] == ">=3.11"


@pytest.mark.parametrize("name", spec_diff.SPEC_NAMES)
def test_client_version_has_one_source(name: str) -> None:
    """The config's package_version_override is the version: pyproject and __version__ follow it."""
    version = spec_diff.client_version((ROOT / "specs" / "config" / f"{name}.yaml").read_text(encoding="utf-8"))
    assert version is not None and spec_diff.parse_version(version)
    assert project(f"clients/{name}")["version"] == version
    init = (ROOT / "clients" / name / f"{name}_client" / "__init__.py").read_text(encoding="utf-8")
    assert f'__version__ = "{version}"' in init
    changelog = (ROOT / "clients" / name / "CHANGELOG.md").read_text(encoding="utf-8")
    assert f"## [{version}]" in changelog


@pytest.mark.parametrize(("package", "init"), [("facade", "orderbridge"), ("sandbox", "orderbridge_sandbox")])
def test_facade_and_sandbox_version_comes_from_the_package(package: str, init: str) -> None:
    meta = project(package)
    assert "version" not in meta and meta["dynamic"] == ["version"]
    source = (ROOT / package / "src" / init / "__init__.py").read_text(encoding="utf-8")
    assert re.search(r'^__version__ = "\d+\.\d+\.\d+"$', source, re.MULTILINE)


def test_facade_declares_a_compatible_range_that_admits_each_client() -> None:
    """``>=X.Y,<X+1`` per client; a major bump of a client fails here until the facade follows."""
    deps = project("facade")["dependencies"]
    for name in spec_diff.SPEC_NAMES:
        version = spec_diff.parse_version(
            spec_diff.client_version((ROOT / "specs" / "config" / f"{name}.yaml").read_text(encoding="utf-8"))
        )
        assert version is not None
        ranges = [d for d in deps if d.startswith(f"{name}-client")]
        assert len(ranges) == 1, deps
        match = re.fullmatch(rf"{name}-client>=(\d+)\.(\d+),<(\d+)", ranges[0])
        assert match, f"facade/pyproject.toml: {ranges[0]!r} is not a >=X.Y,<X+1 range"
        low, high = (int(match[1]), int(match[2])), int(match[3])
        assert high == low[0] + 1, ranges[0]
        assert low <= version[:2] and version[0] < high, (
            f"{name}-client {'.'.join(map(str, version))} is outside the facade's range {ranges[0]!r}: "
            f"check the facade against the new client, then update facade/pyproject.toml"
        )


@pytest.mark.parametrize("package", CLIENTS)
def test_client_links_the_vendors_api_documentation(package: str) -> None:
    urls = project(package).get("urls", {})
    assert set(urls) == {"API documentation"}, urls
    assert all(url.startswith("https://") for url in urls.values())
