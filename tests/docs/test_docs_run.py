"""Docs that run: every ``sh`` and ``python`` block of README.md and docs/*.md either runs here,
against a fresh loopback sandbox, or is marked illustrative with a reason (docs/docs-that-run.md).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import orderbridge as ob
from orderbridge_sandbox import start

from ._blocks import COMMENT, MARKER, Block, all_blocks, blocks

# The sandbox's demo credentials (what `orderbridge-sandbox serve` prints), as ORDERBRIDGE_<BROKER>_<NAME>.
DEMO_CREDENTIALS = {
    "TOPSTEPX_USERNAME": "demo",
    "TOPSTEPX_API_KEY": "demo-api-key",
    "CROSSTRADE_TOKEN": "demo-token",
    "TRADESTATION_CLIENT_ID": "demo-client",
    "TRADESTATION_CLIENT_SECRET": "demo-secret",
    "TRADESTATION_REFRESH_TOKEN": "demo-refresh",
    "SOPHIC_CLIENT_ID": "demo-client",
    "SOPHIC_CLIENT_SECRET": "demo-secret",
}
EXAMPLE_ADDRESS = "http://127.0.0.1:8765"


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "runnable" in metafunc.fixturenames:  # collected here, not at import: no I/O at import time
        runnable = [b for b in all_blocks() if b.illustrative_reason is None]
        metafunc.parametrize("runnable", runnable, ids=[b.name for b in runnable])


def production_urls() -> dict[str, str]:
    """Each broker's production base URL, from its public description (connect sends nothing)."""
    urls = {}
    for broker in ob.BROKERS:
        with ob.connect(broker, base_url=f"http://127.0.0.1/{broker}") as session:
            urls[broker] = session.description.production_url
    return urls


@pytest.fixture
def sandbox_env(tmp_path: Path) -> Iterator[tuple[dict[str, str], dict[str, str]]]:
    """(environment, text substitutions) for a block, with a fresh sandbox serving on loopback."""
    server = start(port=0)
    try:
        env = {k: v for k, v in os.environ.items() if not k.upper().startswith("ORDERBRIDGE_")}
        env = {k: v for k, v in env.items() if not k.upper().endswith("_PROXY")}
        env.update({f"ORDERBRIDGE_{k}": v for k, v in DEMO_CREDENTIALS.items()})
        env.update({f"ORDERBRIDGE_{b.upper()}_BASE_URL": server.broker_url(b) for b in ob.BROKERS})
        env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
        substitutions = {EXAMPLE_ADDRESS: server.url}
        substitutions.update({url: server.broker_url(b) for b, url in production_urls().items()})
        yield env, substitutions
    finally:
        server.stop()


def test_the_docs_have_blocks_of_both_kinds() -> None:
    found = all_blocks()
    assert {b.language for b in found} == {"sh", "python"}
    assert any(b.illustrative_reason is None for b in found) and any(b.illustrative_reason for b in found)
    assert any(b.path.name == "README.md" for b in found)


def test_every_comment_before_a_block_is_a_well_formed_marker() -> None:
    """A misspelt marker (or one without a reason) would silently make a block run or not run."""
    bad = [b.name for b in all_blocks() if b.comment is not None and not MARKER.match(b.comment)]
    assert bad == [], "use `<!-- illustrative: REASON -->` right before the fence"


def test_marker_grammar(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(
        "<!-- illustrative: starts a server -->\n```sh\nserve\n```\n\n"
        "<!-- illustrative -->\n```python\nx = 1\n```\n\n"
        "```python\nprint(1)\n```\n\n```text\nnot checked\n```\n",
        encoding="utf-8",
    )
    first, second, third = blocks(page)
    assert first.illustrative_reason == "starts a server" and first.language == "sh"
    assert second.comment == "<!-- illustrative -->" and second.illustrative_reason is None
    assert COMMENT.match(second.comment) and not MARKER.match(second.comment)
    assert third.comment is None and third.code == "print(1)\n"


def test_block_runs(runnable: Block, sandbox_env: tuple[dict[str, str], dict[str, str]], tmp_path: Path) -> None:
    env, substitutions = sandbox_env
    code = runnable.code
    for old, new in substitutions.items():
        code = code.replace(old, new)
    command = [sys.executable, "-c", code] if runnable.language == "python" else ["bash", "-e", "-c", code]
    proc = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300, check=False)
    assert proc.returncode == 0, (
        f"{runnable.name} failed ({proc.returncode}):\n{proc.stdout[-2000:]}\n{proc.stderr[-4000:]}"
    )
