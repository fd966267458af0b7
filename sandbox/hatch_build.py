"""Bundle the broker specs into the sandbox's sdist and wheel (a hatchling build hook).

The specs are the sandbox's source of truth and live beside it in the monorepo (``../specs``).
A static ``force-include`` of ``../specs`` works only when building from the tree: an sdist has
no ``..``, so building a wheel from it (what ``pip install`` of the sdist does) failed with
``Forced include not found``. This hook copies the specs into the sdist at the place the wheel
packages them from (``src/orderbridge_sandbox/specs/``), so:

- sdist from the tree: the specs are taken from ``../specs`` and written into the archive;
- wheel from the tree: the same, straight into ``orderbridge_sandbox/specs/``;
- wheel from the sdist: the specs are already inside the package directory and ship as package
  data; nothing is taken from outside the unpacked sdist.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

SPECS = ("topstepx.yaml", "crosstrade.yaml", "tradestation.yaml", "sophic.yaml")
PACKAGED = "src/orderbridge_sandbox/specs"


class SpecsHook(BuildHookInterface):  # type: ignore[type-arg]
    """Force-include each broker spec from the monorepo unless the sdist already carries it."""

    PLUGIN_NAME = "orderbridge-specs"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        root = Path(self.root)
        wheel_target = "orderbridge_sandbox/specs" if self.target_name == "wheel" else PACKAGED
        for name in SPECS:
            if (root / PACKAGED / name).is_file():
                continue  # building from the sdist: the spec is package data already
            source = root.parent / "specs" / name
            if not source.is_file():
                raise FileNotFoundError(
                    f"orderbridge-sandbox needs the broker spec {name}: not in {PACKAGED}/ (an sdist) "
                    f"nor in {source.parent} (the monorepo's specs/)"
                )
            build_data["force_include"][str(source)] = f"{wheel_target}/{name}"
