"""Where the TopstepX user hub is: ``connect(..., hub_url=...)``, else
``ORDERBRIDGE_TOPSTEPX_HUB_URL``, else the vendor's hub, or ``<base_url>/hubs/user`` when only
the base URL was overridden; a bad URL or a broker without a hub is refused before anything is
sent."""

from __future__ import annotations

import pytest

import orderbridge as ob

CREDENTIALS = {"username": "demo", "api_key": "k"}


def hub_of(**options: object) -> str:
    session = ob.connect_async("topstepx", credentials=CREDENTIALS, **options)  # type: ignore[arg-type]
    return session.events(accounts=["465"]).url  # type: ignore[attr-defined,no-any-return]


def test_the_vendors_hub_by_default() -> None:
    assert hub_of() == "https://rtc.topstepx.com/hubs/user"


def test_beside_an_overridden_base_url_so_the_sandbox_needs_no_extra_variable() -> None:
    assert hub_of(base_url="http://127.0.0.1:8765/topstepx") == "http://127.0.0.1:8765/topstepx/hubs/user"


def test_the_environment_then_the_argument_win(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ORDERBRIDGE_TOPSTEPX_HUB_URL", "wss://hub.example/hubs/user")
    assert hub_of(base_url="http://127.0.0.1:8765/topstepx") == "wss://hub.example/hubs/user"
    assert hub_of(hub_url="https://other.example/hubs/user") == "https://other.example/hubs/user"


@pytest.mark.parametrize(
    "bad", ["rtc.topstepx.com/hubs/user", "ftp://x/hubs/user", "https://x/hubs/user?access_token=t"]
)
def test_a_bad_hub_url_is_refused_naming_it(bad: str) -> None:
    with pytest.raises(ob.ConfigurationError, match="hub_url"):
        ob.connect("topstepx", credentials=CREDENTIALS, hub_url=bad)


def test_a_broker_without_a_hub_refuses_hub_url_and_push() -> None:
    with pytest.raises(ob.ConfigurationError, match="no push hub"):
        ob.connect_async("crosstrade", credentials={"token": "t"}, hub_url="https://x/hubs/user")
    session = ob.connect_async("crosstrade", credentials={"token": "t"})
    with pytest.raises(ob.ConfigurationError, match="pushes no order events"):
        session.events(accounts=["Sim101"], push=True)
    assert type(session.events(accounts=["Sim101"])).__name__ == "AsyncEventStream"
