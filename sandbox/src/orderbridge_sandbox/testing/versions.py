"""Which spec documents the plugin reads, and which version each one is.

Cheap on purpose (no YAML parse): it runs at every pytest start to fill the report header.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from pathlib import Path

from ..spec import BROKERS, specs_dir

_VERSION = re.compile(r"^\s+version:\s*['\"]?([^'\"#\n]+?)['\"]?\s*(?:#.*)?$")


@dataclasses.dataclass(frozen=True)
class SpecVersion:
    """One spec document in use.

    Attributes:
        broker: broker name.
        version: the document's ``info.version`` (the vendor documentation it describes, e.g.
            TopstepX ``2025.09``, TradeStation ``v2-20160101``); ``"?"`` when absent.
        sha256: hex digest of the file, to tell two copies with the same version apart.
        path: the file read.
    """

    broker: str
    version: str
    sha256: str
    path: Path

    def __str__(self) -> str:
        return f"{self.broker} {self.version} ({self.sha256[:12]})"


def _info_version(text: str) -> str:
    in_info = False
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            in_info = line.rstrip() == "info:"
            continue
        if in_info:
            match = _VERSION.match(line)
            if match and line.startswith("  ") and not line.startswith("   "):
                return match.group(1).strip()
    return "?"


def spec_versions() -> list[SpecVersion]:
    """The four broker specs the sandbox and the plugin read (``$ORDERBRIDGE_SPECS_DIR`` or the
    copy bundled with the installed ``orderbridge-sandbox``), with their versions.

    Raises:
        FileNotFoundError: no spec directory, or a broker's document missing from it.
    """
    folder = specs_dir()
    found = []
    for broker in BROKERS:
        path = folder / f"{broker}.yaml"
        data = path.read_bytes()
        found.append(SpecVersion(broker, _info_version(data.decode("utf-8")), hashlib.sha256(data).hexdigest(), path))
    return found
