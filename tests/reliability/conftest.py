"""Fixtures of the reliability and security suite, and its end-of-run summary.

Every test here runs with:

* the ``ORDERBRIDGE_*`` and proxy variables removed from the environment;
* a socket guard: DNS look-ups and connections to anything but loopback fail the test;
* DEBUG logging captured from every logger; after the test every record, and the repr and
  message of every outcome the test produced, is scanned for secrets (demo credentials, planted
  markers, and every token any sandbox of the test issued). A hit fails the test.

The summary (faults injected, duplicates, unclassified exceptions, fuzz examples, secrets
leaked) is printed by :func:`pytest_terminal_summary`.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import logging
import re
import socket
from collections.abc import Iterator
from typing import Any

import pytest

from orderbridge_sandbox import ManualClock, Sandbox, SandboxServer, start

from .._support import clean_env
from ._harness import LEDGER
from ._stats import STATS

# -- environment and network ------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    clean_env(monkeypatch)


_LOOPBACK_NAMES = {"localhost", "localhost.", "127.0.0.1", "::1"}
_attempts: list[str] = []


def _is_loopback(host: object) -> bool:
    if host is None:
        return True  # getaddrinfo(None, port): a local wildcard address
    text = host.decode() if isinstance(host, bytes) else str(host)
    if text.lower() in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(text.split("%")[0]).is_loopback
    except ValueError:
        return False


@pytest.fixture(autouse=True)
def _loopback_only(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No DNS and no connection beyond loopback, whatever library tries."""
    real_getaddrinfo = socket.getaddrinfo
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex

    def getaddrinfo(host: Any, *args: Any, **kw: Any) -> Any:
        if not _is_loopback(host):
            _attempts.append(f"getaddrinfo({host!r})")
            raise OSError(f"reliability tests never leave loopback (getaddrinfo {host!r})")
        return real_getaddrinfo(host, *args, **kw)

    def _check(address: Any) -> None:
        if isinstance(address, tuple) and not _is_loopback(address[0]):
            _attempts.append(f"connect({address!r})")
            raise OSError(f"reliability tests never leave loopback (connect {address!r})")

    def connect(self: socket.socket, address: Any) -> Any:
        _check(address)
        return real_connect(self, address)

    def connect_ex(self: socket.socket, address: Any) -> Any:
        _check(address)
        return real_connect_ex(self, address)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    before = len(_attempts)
    yield
    assert _attempts[before:] == [], f"a test tried to leave loopback: {_attempts[before:]}"


# -- logging capture and the secrets audit ----------------------------------------------------------


class _Collector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


_FORMAT = logging.Formatter("%(name)s %(levelname)s %(message)s")


def _render(record: logging.LogRecord) -> str:
    try:
        text = _FORMAT.format(record)
    except Exception:  # a broken record is still scanned through its raw parts
        text = f"{record.msg!r} {record.args!r}"
    return text


def scan_for_secrets(texts: list[str], where: str) -> list[str]:
    """Return the (secret, text excerpt) hits of any known secret in ``texts``."""
    secrets = sorted((s for s in LEDGER.secrets if s and len(s) >= 6), key=len, reverse=True)
    STATS.secrets_scanned += len(texts)
    if not secrets:
        return []
    pattern = re.compile("|".join(re.escape(s) for s in secrets))
    hits = []
    for text in texts:
        found = pattern.search(text)
        if found:
            hits.append(f"{where}: secret {found.group()[:12]}... in {text[:160]!r}")
    return hits


@pytest.fixture(autouse=True)
def _audit() -> Iterator[None]:
    """Capture DEBUG logs of every logger during the test, then audit them and the outcomes."""
    STATS.touched = True
    LEDGER.reset()
    collector = _Collector()
    root = logging.getLogger()
    previous = root.level
    root.addHandler(collector)
    root.setLevel(logging.DEBUG)
    try:
        yield
    finally:
        root.removeHandler(collector)
        root.setLevel(previous)
        for sandbox in LEDGER.sandboxes:
            LEDGER.harvest(sandbox)
        hits = scan_for_secrets([_render(r) for r in collector.records], "log record")
        hits += scan_for_secrets(LEDGER.texts, "repr/message")
        LEDGER.reset()
    if hits:
        STATS.secrets_leaked += len(hits)
        for hit in hits[:5]:
            STATS.note(hit)
        pytest.fail("secret leaked:\n" + "\n".join(hits[:10]))


# -- one loopback sandbox server for the whole run --------------------------------------------------


@pytest.fixture(scope="session")
def _server() -> Iterator[SandboxServer]:
    clock = ManualClock(dt.datetime.now(dt.UTC))
    sandbox = Sandbox(strict=True, clock=clock, sleep=lambda _s: None)
    with start(sandbox, port=0) as server:
        yield server


@pytest.fixture
def server(_server: SandboxServer) -> Iterator[SandboxServer]:
    """The loopback server, its sandbox reset to the seed data, no faults, clock at real time."""
    sandbox = _server.sandbox
    LEDGER.harvest(sandbox)
    sandbox.clear_faults()
    sandbox.reset()
    LEDGER.forget(sandbox)
    assert isinstance(sandbox.clock, ManualClock)
    sandbox.clock.set(dt.datetime.now(dt.UTC))
    LEDGER.register(sandbox)
    yield _server
    sandbox.clear_faults()


# -- the summary --------------------------------------------------------------------------------------


def pytest_terminal_summary(terminalreporter: Any, exitstatus: int, config: pytest.Config) -> None:
    if not STATS.touched:
        return
    tr = terminalreporter
    fuzz = sum(STATS.fuzz_examples.values())
    tr.write_sep("=", "orderbridge reliability summary")
    tr.write_line(f"faults injected            {STATS.faults_injected}")
    tr.write_line(f"randomized fault runs      {STATS.fault_runs}")
    tr.write_line(f"placements checked         {STATS.placements_checked}")
    tr.write_line(f"duplicates found           {STATS.duplicates}")
    tr.write_line(f"retried, dedup held        {STATS.dedup_proofs}")
    tr.write_line(f"ambiguous outcomes settled {STATS.ambiguous_resolved}")
    tr.write_line(f"lifecycle calls faulted    {STATS.lifecycle_checked}")
    tr.write_line(f"duplicate modify/close     {STATS.lifecycle_duplicates}")
    tr.write_line(f"unclassified exceptions    {STATS.unclassified}")
    calls = sum(n for key, n in STATS.unclassified_where.items() if "session call" in key)
    tr.write_line(f"    {'place/get/cancel/resolve':<32} {calls}")
    for key in sorted(STATS.unclassified_where):
        if "session call" not in key:
            tr.write_line(f"    {key:<32} {STATS.unclassified_where[key]}")
    tr.write_line(f"fuzz examples              {fuzz}")
    for key in sorted(STATS.fuzz_examples):
        tr.write_line(f"    {key:<32} {STATS.fuzz_examples[key]}")
    tr.write_line(f"texts scanned for secrets  {STATS.secrets_scanned}")
    tr.write_line(f"secrets leaked             {STATS.secrets_leaked}")
    for line, count in STATS.details.items():
        tr.write_line(f"  ! {line}" + (f"  (x{count})" if count > 1 else ""))
