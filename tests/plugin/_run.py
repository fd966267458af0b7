"""Run pytest in a subprocess on a directory of test files (the plugin loads from its entry
point there, as in a user's project)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from orderbridge_sandbox.spec import specs_dir


def run_pytest(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``python -m pytest -p no:cacheprovider -q`` in ``folder``; stdout and stderr captured."""
    env = dict(os.environ, ORDERBRIDGE_SPECS_DIR=str(specs_dir()))
    env.pop("PYTHONPATH", None)
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", *args],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
