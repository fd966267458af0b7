"""Loopback servers as child processes: the fixed-response server and ``orderbridge-sandbox serve``.

Both run in their own process (so server work never competes with the measured client for
the GIL) and, on a machine with two or more CPUs, are pinned to the last CPU while the
harness pins itself to the first one. They bind 127.0.0.1 only.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from types import TracebackType

from ._common import Wire

HERE = Path(__file__).resolve().parent
_URL = re.compile(r"(https?://127\.0\.0\.1:\d+)")


def cpus() -> list[int]:
    try:
        return sorted(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return []


def pin(pid: int, cpu_set: set[int]) -> bool:
    try:
        os.sched_setaffinity(pid, cpu_set)
    except (AttributeError, OSError):
        return False
    return True


class ServerProcess:
    """A child process that prints its ``http(s)://127.0.0.1:PORT`` URL on its first line."""

    def __init__(self, name: str, argv: list[str], cpu: int | None) -> None:
        self.name = name
        self.proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, bufsize=1)
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        match = _URL.search(line)
        if not match:
            self.stop()
            raise RuntimeError(f"{name} did not start: first line was {line!r}")
        self.url = match.group(1)
        if cpu is not None:
            pin(self.proc.pid, {cpu})

    def broker_url(self, broker: str) -> str:
        return f"{self.url}/{broker}"

    @property
    def host_port(self) -> tuple[str, int]:
        host, port = self.url.split("://", 1)[1].split(":")
        return host, int(port)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=5)
        if self.proc.stdout is not None:
            self.proc.stdout.close()

    def __enter__(self) -> ServerProcess:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()


def start_fixed_server(wires: dict[str, Wire], cpu: int | None, tls_chain: str | None = None) -> ServerProcess:
    """Start ``fixed_server.py`` answering the captured responses of every broker (HTTPS when
    ``tls_chain`` names a PEM file with the key and certificate chain)."""
    spec = {}
    for wire in wires.values():
        for path, (status, content_type, body) in wire.responses().items():
            spec[path] = {"status": status, "content_type": content_type, "body": body.decode("utf-8")}
    fd, name = tempfile.mkstemp(suffix=".json", prefix="orderbridge-bench-")
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(spec, handle)
    argv = [sys.executable, str(HERE / "fixed_server.py"), "--responses", name, "--port", "0"]
    if tls_chain is not None:
        argv += ["--tls-chain", tls_chain]
    try:
        return ServerProcess("fixed-response server", argv, cpu)
    finally:
        # The server has read the file once it printed its URL.
        os.unlink(name)


def sandbox_command() -> list[str]:
    """``orderbridge-sandbox`` next to this interpreter, else ``python -m orderbridge_sandbox``."""
    script = Path(sys.executable).parent / "orderbridge-sandbox"
    if script.exists():
        return [str(script)]
    found = shutil.which("orderbridge-sandbox")
    return [found] if found else [sys.executable, "-m", "orderbridge_sandbox"]


def start_sandbox_server(cpu: int | None) -> ServerProcess:
    """Start ``orderbridge-sandbox serve --port 0`` (a fresh, non-strict sandbox)."""
    return ServerProcess("orderbridge-sandbox serve", [*sandbox_command(), "serve", "--port", "0"], cpu)
