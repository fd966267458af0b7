"""Nothing outside ``clients/`` calls a generated client's private names.

The generated operation modules keep ``_get_kwargs``, ``_parse_response`` and ``_build_response``
private; the project's own templates (``specs/templates/endpoint_module.py.jinja``) add the public
``build_request`` / ``parse_response`` seam, versioned with the client. A generator upgrade may
rename the private ones at will, so the facade, the sandbox, the tools, the benchmarks and the
tests must not reach them (issue 18: "no generated private name used outside clients/").
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PRIVATE = re.compile(r"\._(?:get_kwargs|parse_response|build_response)\b")
PLACES = ("facade", "sandbox", "tools", "benchmarks", "tests", "demo", "examples")


def test_no_generated_private_name_is_used_outside_the_clients() -> None:
    offenders = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for place in PLACES
        for path in sorted((ROOT / place).rglob("*.py"))
        if path != Path(__file__).resolve() and ".nox" not in path.parts and ".venv" not in path.parts
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if PRIVATE.search(line)
    ]
    assert offenders == []


def test_the_public_seam_is_in_every_generated_operation_module() -> None:
    """The seam the facade uses exists in each client's operation modules (from the templates)."""
    modules = sorted((ROOT / "clients").glob("*/*_client/api/*/*.py"))
    assert len(modules) > 40
    for module in modules:
        text = module.read_text(encoding="utf-8")
        if module.name == "__init__.py":
            continue
        assert "\ndef build_request(" in text and "\ndef parse_response(" in text, module
