"""Facts the README states that another source owns: the sandbox's seeded identifiers and the
install lines."""

from __future__ import annotations

import re
from pathlib import Path

from orderbridge_sandbox.brokers.crosstrade import seeds as crosstrade
from orderbridge_sandbox.brokers.sophic import seeds as sophic
from orderbridge_sandbox.brokers.topstepx import seeds as topstepx
from orderbridge_sandbox.brokers.tradestation import seeds as tradestation

ROOT = Path(__file__).resolve().parents[2]


def seeded_section() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index("Demo credentials and seeded identifiers")
    return text[start : text.index("Faults produce the hard cases", start)]


def test_readme_lists_every_seeded_account_and_instrument() -> None:
    section = seeded_section()
    seeded = {
        "topstepx": [str(a["id"]) for a in topstepx.ACCOUNTS] + [c[0] for c in topstepx.CONTRACTS],
        "crosstrade": list(crosstrade.ACCOUNTS) + [i[0] for i in crosstrade.INSTRUMENTS],
        "tradestation": list(tradestation.ACCOUNTS) + list(tradestation.SYMBOLS),
        "sophic": list(sophic.ACCOUNTS) + [i["id"] for i in sophic.INSTRUMENTS],
    }
    missing = {broker: [i for i in ids if f"`{i}`" not in section] for broker, ids in seeded.items()}
    assert missing == {b: [] for b in seeded}, "add them to README.md's seeded-identifier table"


def test_readme_lists_the_demo_credentials() -> None:
    section = seeded_section()
    for secret in [
        *topstepx.USERS,
        *topstepx.USERS.values(),
        *crosstrade.TOKENS,
        *sophic.CLIENTS,
        *sophic.CLIENTS.values(),
    ]:
        assert f"`{secret}`" in section


def test_install_lines_install_from_the_clone() -> None:
    """A distribution name no index has cannot be installed: every pip line in a README names a
    path in the clone (``./facade``), and names the distribution only as "once published"."""
    readmes = [ROOT / "README.md", ROOT / "facade" / "README.md", ROOT / "sandbox" / "README.md"]
    readmes += sorted((ROOT / "clients").glob("*/README.md"))
    for readme in readmes:
        for line in readme.read_text(encoding="utf-8").splitlines():
            match = re.search(r"pip install (.*)", line)
            if not match or "once published" in line.lower() or "`pip install" in line:
                continue
            command = match[1].split("&&")[0].split("#")[0]
            targets = [t.strip("'\"`") for t in command.split() if not t.startswith("-")]
            for target in targets:
                if "==" in target:  # a tool pinned from PyPI (nox), which an index has
                    continue
                path = target.split("[")[0]
                assert path.startswith("./"), f"{readme.relative_to(ROOT)}: {line.strip()}"
                assert list(ROOT.glob(path.removeprefix("./"))), f"{readme.relative_to(ROOT)}: no {path}"
