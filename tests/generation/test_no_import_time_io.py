"""No test module does I/O at import time.

A module that places an order (or opens a socket) while being imported turns one failure into a
collection error that hides the whole suite, and one that reads specs or payload files while
being imported makes every run, even of one unrelated test, pay for them. Two checks:

- collecting the suite in a subprocess in which every httpx transport, the sandbox and socket
  connections refuse to run;
- importing every module under ``tests/`` in a subprocess with an audit hook (PEP 578) on
  ``open``: a data file opened by a test module's own top-level code (not by a library it
  imports) is reported with the line that opened it. Cases read from files are given with
  ``tests._support.cases``, which reads them at collection. Caches (``functools.cache``) are
  emptied before each import, so a file a previous module already read is still seen.
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


OPENS_AT_IMPORT = """
import functools, gc, importlib, os, pathlib, sys

root = pathlib.Path.cwd().resolve()
tests = str(root / "tests") + os.sep
code = (".py", ".pyc", ".so", ".pth", ".typed")
found = set()


def culprit():
    # the innermost test module running its own top-level code, not importing something
    frame, callee = sys._getframe(2), None
    while frame is not None:
        if frame.f_code.co_name == "<module>" and frame.f_code.co_filename.startswith(tests):
            if callee is None or not callee.f_code.co_filename.startswith("<frozen importlib"):
                return f"{os.path.relpath(frame.f_code.co_filename, root)}:{frame.f_lineno}"
        frame, callee = frame.f_back, frame
    return None


def hook(event, args):
    if event != "open" or not args or not isinstance(args[0], (str, bytes, os.PathLike)):
        return
    path = os.fsdecode(args[0])
    if path.endswith(code) or os.path.isdir(path):
        return
    where = culprit()
    if where:
        found.add(f"{where} opened {os.path.relpath(os.path.realpath(path), root)}")


sys.addaudithook(hook)
for module in sorted((root / "tests").rglob("*.py")):
    for cached in gc.get_objects():
        if isinstance(cached, functools._lru_cache_wrapper):
            cached.cache_clear()
    importlib.import_module(".".join(module.relative_to(root).with_suffix("").parts))
print("\\n".join(sorted(found)))
"""


def test_importing_a_test_module_opens_no_data_file() -> None:
    env = dict(os.environ, ORDERBRIDGE_SPECS_DIR=str(ROOT / "specs"), PYTHONPATH=str(ROOT))
    proc = subprocess.run(
        [sys.executable, "-c", OPENS_AT_IMPORT], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600
    )
    assert proc.returncode == 0, (proc.stdout + proc.stderr)[-4000:]
    assert proc.stdout.strip() == "", proc.stdout[:4000]


def test_the_import_check_sees_a_module_that_reads_a_file(tmp_path: Path) -> None:
    """The check above is not blind: a module reading a file at top level is reported, one
    importing a library that reads its own data is not."""
    package = tmp_path / "tests"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (tmp_path / "data.txt").write_text("x")
    (package / "reads.py").write_text("import pathlib\nDATA = pathlib.Path('data.txt').read_text()\n")
    (tmp_path / "library.py").write_text("import pathlib\nOWN_DATA = pathlib.Path('data.txt').read_text()\n")
    (package / "imports.py").write_text("import library\n")
    proc = subprocess.run(
        [sys.executable, "-c", OPENS_AT_IMPORT],
        cwd=tmp_path,
        env=dict(os.environ, PYTHONPATH=str(tmp_path)),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.strip() == "tests/reads.py:2 opened data.txt", proc.stdout


def test_collecting_the_suite_does_no_io() -> None:
    env = dict(os.environ, ORDERBRIDGE_SPECS_DIR=str(ROOT / "specs"))
    proc = subprocess.run(
        [sys.executable, "-c", REFUSE_IO], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600
    )
    output = proc.stdout + proc.stderr
    assert "I/O at import time" not in output, output[-4000:]
    assert proc.returncode == 0, output[-4000:]
