"""The first call in each generated client's README runs, as written, against the sandbox.

The README is generated (specs/templates/README.md.jinja + specs/readme/<name>.md), so its code
cannot drift from the package silently: this executes the README's Python block with the
broker's production URL answered in-process by the sandbox (respx), with demo credentials.
"""

from __future__ import annotations

import re
from pathlib import Path

import httpx
import pytest
import respx

from orderbridge_sandbox import Sandbox

ROOT = Path(__file__).resolve().parents[2]
HOSTS = {
    "topstepx": "api.topstepx.com",
    "crosstrade": "app.crosstrade.io",
    "tradestation": "api.tradestation.com",
    "sophic": "api.engine.usesophic.com",
}
NAMES = {
    "topstepx": {"USER_NAME": "demo", "API_KEY": "demo-api-key"},
    "crosstrade": {"SECRET_KEY": "demo-token"},
    "tradestation": {"CLIENT_ID": "demo-client", "CLIENT_SECRET": "demo-secret", "REFRESH_TOKEN": "demo-refresh"},
    "sophic": {"CLIENT_ID": "demo-client", "CLIENT_SECRET": "demo-secret"},
}


def first_python_block(readme: str) -> str:
    match = re.search(r"```python\n(.*?)```", readme, re.DOTALL)
    assert match, "the README has no python example"
    return match.group(1)


@pytest.mark.parametrize("broker", list(HOSTS))
def test_readme_first_call_runs_against_the_sandbox(broker: str, capsys: pytest.CaptureFixture[str]) -> None:
    readme = (ROOT / "clients" / broker / "README.md").read_text(encoding="utf-8")
    code = first_python_block(readme)
    sandbox = Sandbox(strict=True)

    def forward(request: httpx.Request) -> httpx.Response:
        return sandbox.handle(
            httpx.Request(
                request.method,
                f"http://127.0.0.1/{broker}{request.url.raw_path.decode()}",
                headers=request.headers,
                content=request.content,
            )
        )

    with respx.mock(assert_all_called=True) as router:
        router.route(host=HOSTS[broker]).mock(side_effect=forward)
        exec(compile(code, f"clients/{broker}/README.md", "exec"), {**NAMES[broker], "CLIENT_ORDER_ID": "readme-1"})
    out = capsys.readouterr().out
    assert out.strip(), "the example printed nothing"
    assert "refused" not in out, out
    assert len(sandbox.orders(broker)) == 1


def test_readmes_are_the_real_documentation() -> None:
    for broker in HOSTS:
        readme = (ROOT / "clients" / broker / "README.md").read_text(encoding="utf-8")
        for placeholder in ("api.example.com", "MyDataModel", "get_my_data_model", "SuperSecretToken"):
            assert placeholder not in readme, (broker, placeholder)
        assert "## Authentication" in readme and "## Operations" in readme and "## Error shapes" in readme
        assert f"{broker}_client.BROKER_API_VERSION" in readme
