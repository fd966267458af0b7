"""The README's "How one call travels" is what runs: a traced ``place_order`` at every broker.

The README lists, file by file, the facade modules one ``place_order`` walks (issue 18 asks for at
most eight). These tests run a real placement over an ``httpx.MockTransport`` with
``sys.setprofile`` on, collect the facade modules whose functions were entered, and compare them
with the list the README gives: a module added to the path, or one the README names that no
longer runs, fails here.
"""

from __future__ import annotations

import asyncio
import re
import sys
from pathlib import Path
from types import FrameType
from typing import Any

import httpx
import pytest

import orderbridge as ob

from . import helpers as h

README = Path(__file__).resolve().parents[2] / "README.md"


def _readme_path() -> tuple[list[str], str]:
    """The numbered modules of "How one call travels", and the one added on a failure."""
    text = README.read_text(encoding="utf-8")
    section = text[text.index("### How one call travels") :]
    section = section[: section.index("The async twin")]
    steps = re.findall(r"^\d+\. `([^`]+)`", section, re.M)
    failure = re.search(r"On a failure `([^`]+)`", section)
    assert steps and failure, "the README section lost its numbered list"
    return steps, failure.group(1)


def _module_name(readme_name: str, broker: str) -> str:
    dotted = readme_name.removesuffix(".py").replace("/", ".").replace("<broker>", broker)
    return f"orderbridge.{dotted}"


def _traced_place(case: h.Case, rec: h.Recorder, *, async_: bool) -> tuple[list[str], Any]:
    """Place the case's order once, logged in first; the facade modules entered during the call."""
    entered: list[str] = []

    def profile(frame: FrameType, event: str, arg: object) -> None:
        if event == "call":
            name = frame.f_globals.get("__name__", "")
            if (name == "orderbridge" or name.startswith("orderbridge.")) and name not in entered:
                entered.append(name)

    kwargs: dict[str, Any] = {"credentials": dict(case.credentials), "transport": httpx.MockTransport(rec)}
    if case.api_version:
        kwargs["api_version"] = case.api_version
    failure = ob.OrderbridgeError  # looked up before tracing: the package's lazy __getattr__ is not on the path
    outcome: Any
    if async_:

        async def go() -> Any:
            async with ob.connect_async(case.broker, **kwargs) as session:
                sys.setprofile(profile)
                try:
                    return await session.place_order(case.order, account=case.account)
                except failure as exc:
                    return exc
                finally:
                    sys.setprofile(None)

        outcome = asyncio.run(go())
    else:
        with ob.connect(case.broker, **kwargs) as session:
            sys.setprofile(profile)
            try:
                outcome = session.place_order(case.order, account=case.account)
            except failure as exc:
                outcome = exc
            finally:
                sys.setprofile(None)
    return entered, outcome


@pytest.mark.parametrize("async_", [False, True], ids=["sync", "async"])
@pytest.mark.parametrize("case", h.CASES, ids=[c.id for c in h.CASES])
def test_an_accepted_placement_walks_the_modules_the_readme_names(case: h.Case, async_: bool) -> None:
    steps, _ = _readme_path()
    entered, outcome = _traced_place(case, case.recorder(), async_=async_)
    assert isinstance(outcome, ob.PlacedOrder), outcome
    assert sorted(entered) == sorted(_module_name(step, case.broker) for step in steps)
    assert len(steps) <= 8


@pytest.mark.parametrize("case", h.CASES, ids=[c.id for c in h.CASES])
def test_a_refused_placement_adds_only_the_error_module(case: h.Case) -> None:
    steps, failure = _readme_path()
    entered, outcome = _traced_place(case, case.recorder(h.reply(400, json={"message": "no"})), async_=False)
    assert isinstance(outcome, ob.OrderbridgeError), outcome
    expected = {_module_name(step, case.broker) for step in [*steps, failure]}
    assert set(entered) == expected
    assert len(expected) <= 8
