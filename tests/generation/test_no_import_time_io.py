"""No test module does I/O at import time.

A module that places an order (or opens a socket) while being imported turns one failure into a
collection error that hides the whole suite. This collects every test module in a subprocess in
which every httpx transport, the sandbox and socket connections refuse to run.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

REFUSE_IO = """
import socket, sys
import httpx, pytest
import orderbridge_sandbox

def refuse(*args, **kwargs):
    raise RuntimeError("I/O at import time")

for cls in (httpx.MockTransport, httpx.HTTPTransport, httpx.AsyncHTTPTransport):
    for name in ("handle_request", "handle_async_request"):
        if hasattr(cls, name):
            setattr(cls, name, refuse)
orderbridge_sandbox.Sandbox.handle = refuse
orderbridge_sandbox.Sandbox.handle_async = refuse
socket.socket.connect = refuse
sys.exit(pytest.main(["--collect-only", "-q", "-p", "no:cacheprovider", "tests"]))
"""


def test_collecting_the_suite_does_no_io() -> None:
    env = dict(os.environ, ORDERBRIDGE_SPECS_DIR=str(ROOT / "specs"))
    proc = subprocess.run(
        [sys.executable, "-c", REFUSE_IO], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600
    )
    output = proc.stdout + proc.stderr
    assert "I/O at import time" not in output, output[-4000:]
    assert proc.returncode == 0, output[-4000:]
