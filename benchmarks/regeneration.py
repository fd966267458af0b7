"""Section 5 — regeneration: wall time of the generator step of ``nox -s generate``.

Calls ``tools/generate.py``'s ``generate_one`` for each of the four specs into a scratch
directory (``openapi-python-client generate --fail-on-warning`` plus its ruff post-hooks), in
sequence as ``generate.py`` does. Needs the pinned generator next to this interpreter (the
``bench`` nox session installs it).
"""

from __future__ import annotations

import importlib.util
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from ._common import BROKERS

ROOT = Path(__file__).resolve().parent.parent


def _load_generate() -> Any:
    spec = importlib.util.spec_from_file_location("orderbridge_tools_generate", ROOT / "tools" / "generate.py")
    if spec is None or spec.loader is None:
        raise RuntimeError("tools/generate.py not found")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def unavailable() -> str | None:
    """Why regeneration cannot be measured here, or None."""
    if not (ROOT / "tools" / "generate.py").exists():
        return "tools/generate.py not found"
    if not (Path(sys.executable).parent / "openapi-python-client").exists():
        return "openapi-python-client is not installed next to this interpreter (run through `nox -s bench`)"
    return None


def measure(*, runs: int) -> dict[str, Any]:
    generate = _load_generate()
    names = [n for n in getattr(generate, "SPEC_NAMES", BROKERS)]
    per_spec: dict[str, list[float]] = {n: [] for n in names}
    totals: list[float] = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="orderbridge-bench-gen-") as scratch:
            start_all = time.perf_counter()
            for name in names:
                start = time.perf_counter()
                generate.generate_one(name, Path(scratch) / name)
                per_spec[name].append(time.perf_counter() - start)
            totals.append(time.perf_counter() - start_all)
    return {
        "runs": runs,
        "seconds_total": {"median": sorted(totals)[len(totals) // 2], "samples": [round(t, 3) for t in totals]},
        "seconds_per_spec": {n: round(sorted(v)[len(v) // 2], 3) for n, v in per_spec.items()},
    }
