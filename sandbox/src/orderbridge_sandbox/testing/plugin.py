"""The pytest plugin of ``orderbridge-sandbox`` (entry point ``pytest11: orderbridge_sandbox``).

Installing the sandbox makes these fixtures available in every test session:

* ``broker_sandbox``: a :class:`~orderbridge_sandbox.testing.BrokerSandbox` (all four brokers;
  ``@pytest.mark.broker_sandbox("topstepx", faults=[...])`` narrows and configures it).
* ``spec_router``: a factory of :class:`~orderbridge_sandbox.testing.SpecRouter`
  (``spec_router("topstepx")``); needs ``pip install 'orderbridge-sandbox[pytest]'`` (respx).

The report header names the spec documents in use and their versions. This module imports
nothing heavy at load time, so a session that uses no fixture of it pays nothing, and a sandbox
installed without the ``pytest`` extra never breaks pytest: only a test that asks for
``spec_router`` fails, saying what to install.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from .harness import BrokerSandbox
    from .router import SpecRouter

EXTRA_HINT = "pip install 'orderbridge-sandbox[pytest]'"


def pytest_configure(config: pytest.Config) -> None:
    """Register the ``broker_sandbox`` marker."""
    config.addinivalue_line(
        "markers",
        "broker_sandbox(*brokers, strict=True, faults=()): configure the broker_sandbox fixture "
        "(which brokers it serves, response validation, faults armed from the start)",
    )


def pytest_report_header(config: pytest.Config) -> list[str]:
    """``orderbridge-sandbox <version>, specs <dir>: topstepx 2025.09 (sha256 prefix), ...``."""
    try:
        from .. import __version__
        from .versions import spec_versions

        found = spec_versions()
    except (OSError, ValueError) as exc:  # no specs: say so, never break the session
        return [f"orderbridge-sandbox: specs not found ({exc})"]
    folder = found[0].path.parent if found else "?"
    return [
        f"orderbridge-sandbox {__version__}, specs {folder}",
        "  " + ", ".join(str(v) for v in found),
    ]


@pytest.fixture
def broker_sandbox(request: pytest.FixtureRequest) -> BrokerSandbox:
    """An in-process, spec-validated sandbox of the four brokers, fresh for each test.

    Shape: :class:`orderbridge_sandbox.testing.BrokerSandbox`: ``transport()`` (httpx, sync and
    async), ``base_url()``, ``credentials()``, ``env()``, ``token()``, ``seed()``,
    ``add_fault("topstepx:place_order:drop_after_record:1")``, ``advance(seconds)``,
    ``fill(order_id)``, ``orders()``, ``requests(broker, operation)``.

    Configure with ``@pytest.mark.broker_sandbox("topstepx", strict=True, faults=[...])`` or
    ``@pytest.mark.parametrize("broker_sandbox", ["topstepx", "sophic"], indirect=True)``; with
    one broker its ``broker`` arguments may be omitted.

    Reads the specs bundled with the installed sandbox (or ``$ORDERBRIDGE_SPECS_DIR``).
    """
    from .harness import BrokerSandbox

    options: dict[str, Any] = {}
    brokers: tuple[str, ...] | None = None
    marker = request.node.get_closest_marker("broker_sandbox")
    if marker is not None:
        brokers = tuple(marker.args) or None
        options.update(marker.kwargs)
    param = getattr(request, "param", None)
    if isinstance(param, str):
        brokers = (param,)
    elif isinstance(param, (tuple, list)):
        brokers = tuple(param)
    return BrokerSandbox(brokers, **options)


@pytest.fixture
def spec_router() -> Iterator[Callable[..., SpecRouter]]:
    """A factory of spec-checking respx routers: ``router = spec_router("topstepx")``.

    ``spec_router(broker, *, base_url=None, token=None, assert_all_called=True)`` returns a
    :class:`orderbridge_sandbox.testing.SpecRouter` on ``base_url`` (default: the spec's server
    URL). Every request to that host is validated against the broker's spec; answers are stubbed
    with ``router.answer("place_order", "success")`` or ``router.answer("place_order", status=200,
    json={...})`` (validated against the spec when stubbed). Requests to any other host raise
    ``respx``'s ``AllMockedAssertionError``; in-process transports (``broker_sandbox``) are not
    intercepted.

    At teardown the test fails for every request the spec refused (naming the operation and the
    JSON path of the first error; even one the code under test swallowed) and, with
    ``assert_all_called``, for an answer stubbed but never used.

    Fails the test at setup when respx is missing: ``pip install 'orderbridge-sandbox[pytest]'``.
    """
    try:
        import respx

        from .router import SpecRouter
    except ImportError as exc:
        pytest.fail(f"the spec_router fixture needs respx: {EXTRA_HINT} ({exc})", pytrace=False)

    routers: list[SpecRouter] = []
    mock = respx.mock(assert_all_mocked=True, assert_all_called=False)
    mock.start()

    def make(
        broker: str, *, base_url: str | None = None, token: str | None = None, assert_all_called: bool = True
    ) -> SpecRouter:
        router = SpecRouter(broker, mock, base_url=base_url, token=token, assert_all_called=assert_all_called)
        routers.append(router)
        return router

    try:
        yield make
    finally:
        mock.stop()
    problems = [line for router in routers for line in router.problems()]
    if problems:
        pytest.fail("spec_router: " + "\n".join(problems), pytrace=False)
