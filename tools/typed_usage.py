"""Typed-usage check: does code written against the old generated client still type-check?

From the base revision's generated client, ``usage_module`` writes one Python module that uses every
public name the way a user would:

* every model is constructed with keywords, and positionally (attrs models allow it), from values
  of the *old* annotations, and every attribute is read into a variable of the old annotation;
* every enum member is referenced;
* every operation's ``sync``, ``sync_detailed``, ``asyncio`` and ``asyncio_detailed`` is called
  with every parameter, and its result is assigned to the old return annotation.

``check`` type-checks that module with mypy against the *new* client. Each mypy error is an API
break, reported under the public name whose block it falls in. The API is read with griffe
(static analysis, nothing imported); the client is generated from each revision's spec.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

import griffe

if __package__ in (None, ""):  # run as a script (python tools/NAME.py): make the tools package importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

TOOLS = Path(__file__).resolve().parent
ENDPOINT_FUNCTIONS = ("sync", "sync_detailed", "asyncio", "asyncio_detailed")
_MYPY_LINE = re.compile(r"^usage\.py:(\d+): error: (.*)$")


@dataclass(frozen=True)
class Break:
    """One mypy error in the usage module, attributed to a public name of the old client."""

    name: str
    message: str


class _Writer:
    def __init__(self, package: str) -> None:
        self.package = package
        self.lines: list[str] = []
        self.imports: set[str] = {package}
        self.owners: list[tuple[int, str]] = []  # (first line, public name)
        self.counter = 0

    def owner(self, name: str) -> None:
        self.owners.append((len(self.lines) + 1, name))

    def fresh(self) -> str:
        self.counter += 1
        return f"_v{self.counter}"

    def annotation(self, expr: griffe.Expr | str | None) -> str:
        """Source text of an annotation with every name fully qualified (and its module imported)."""
        if expr is None:
            return "typing.Any"
        if isinstance(expr, str):
            return expr
        if isinstance(expr, (griffe.ExprName, griffe.ExprAttribute)):
            path = expr.canonical_path
            if "." in path:
                self.imports.add(path.rsplit(".", 1)[0])
            return {"Any": "typing.Any"}.get(path, path)
        return "".join(self.annotation(part) for part in expr.iterate(flat=False))

    def render(self, header: list[str]) -> str:
        """The module's source; ``owners`` become absolute line numbers (an import line owns itself)."""
        imports = sorted(self.imports)
        offset = len(header) + len(imports)
        self.owners = [(len(header) + 1 + i, module) for i, module in enumerate(imports)] + [
            (line + offset, name) for line, name in self.owners
        ]
        return "\n".join([*header, *(f"import {m}" for m in imports), *self.lines, ""])


def _fields(cls: griffe.Class) -> list[griffe.Attribute]:
    """attrs fields in ``__init__`` order (annotated class attributes, ``init=False`` ones skipped)."""
    out = []
    for attr in cls.attributes.values():
        if attr.annotation is None or "instance-attribute" not in attr.labels:
            continue
        if attr.value is not None and "init=False" in str(attr.value):
            continue
        out.append(attr)
    return out


def _is_enum(cls: griffe.Class) -> bool:
    return any(str(base).split(".")[-1] in ("Enum", "IntEnum", "StrEnum") for base in cls.bases) or any(
        str(b) == "str" for b in cls.bases
    )


def _model_block(w: _Writer, cls: griffe.Class) -> None:
    path = cls.path
    if _is_enum(cls):
        w.owner(path)
        for member in cls.attributes.values():
            if not member.name.startswith("_"):
                w.lines.append(f"{w.fresh()} = {path}.{member.name}")
        return
    fields = _fields(cls)
    if not any(f.name == "to_dict" for f in cls.functions.values()) and "to_dict" not in cls.members:
        return
    w.owner(path)
    names = {}
    for f in fields:
        var = w.fresh()
        names[f.name] = var
        w.lines.append(f"{var}: {w.annotation(f.annotation)} = _any()")
    keywords = ", ".join(f"{f.name}={names[f.name]}" for f in fields)
    w.lines.append(f"_obj_{cls.name} = {path}({keywords})")
    positional = ", ".join(names[f.name] for f in fields)
    w.lines.append(f"{w.fresh()} = {path}({positional})")
    for f in fields:
        w.owner(f"{path}.{f.name}")
        w.lines.append(f"{w.fresh()}: {w.annotation(f.annotation)} = _obj_{cls.name}.{f.name}")
    w.owner(f"{path}.to_dict")
    as_dict = w.fresh()
    w.lines.append(f"{as_dict}: dict[str, typing.Any] = _obj_{cls.name}.to_dict()")
    w.owner(f"{path}.from_dict")
    w.lines.append(f"_obj_{cls.name} = {path}.from_dict({as_dict})")


def _endpoint_block(w: _Writer, module: griffe.Module) -> None:
    for fname in ENDPOINT_FUNCTIONS:
        if fname not in module.members or not isinstance(module.members[fname], griffe.Function):
            continue
        func = module.members[fname]
        assert isinstance(func, griffe.Function)
        w.owner(f"{module.path}.{fname}")
        args = []
        for param in func.parameters:
            var = w.fresh()
            w.lines.append(f"    {var}: {w.annotation(param.annotation)} = _any()")
            args.append(f"{param.name}={var}")
        call = f"{module.path}.{fname}({', '.join(args)})"
        if fname.startswith("asyncio"):
            call = f"await {call}"
        w.lines.append(f"    {w.fresh()}: {w.annotation(func.returns)} = {call}")


def usage_module(client_dir: Path, package: str) -> tuple[str, list[tuple[int, str]]]:
    """Source of the usage module for the client package under ``client_dir``, and its line owners."""
    root = griffe.load(package, search_paths=[str(client_dir)], resolve_aliases=False)
    assert isinstance(root, griffe.Module)
    w = _Writer(package)
    for module in _walk(root["models"]):
        for cls in module.classes.values():
            if not cls.is_alias:  # re-exports are used where they are defined
                _model_block(w, cls)
    w.lines.append("")
    w.lines.append("async def _calls() -> None:")
    w.lines.append("    pass")
    for module in _walk(root["api"]):
        w.imports.add(module.path)
        _endpoint_block(w, module)
    header = [
        f'"""Every public name of {package}, used the way a user would (generated by tools/typed_usage.py)."""',
        "# mypy: disable-error-code=unused-ignore",
        "import typing",
        "def _any() -> typing.Any: ...",
    ]
    source = w.render(header)
    return source, w.owners


def _walk(module: griffe.Object | griffe.Alias) -> Iterable[griffe.Module]:
    if isinstance(module, griffe.Alias) or not isinstance(module, griffe.Module):
        return  # a re-exported module is walked where it is defined
    yield module
    for sub in sorted(module.modules.values(), key=lambda m: m.name):
        yield from _walk(sub)


def run_mypy(usage: str, new_client_dir: Path, scratch: Path) -> list[tuple[int, str]]:
    """Type-check ``usage`` against the client under ``new_client_dir``; return (line, message) errors."""
    (scratch / "usage.py").write_text(usage, encoding="utf-8")
    (scratch / "mypy.ini").write_text("[mypy]\nfollow_imports = silent\nwarn_unused_ignores = False\n")
    env = dict(os.environ, MYPYPATH=str(new_client_dir))
    proc = subprocess.run(  # noqa: S603
        [
            sys.executable,
            "-m",
            "mypy",
            "--config-file",
            "mypy.ini",
            "--cache-dir",
            str(scratch / ".mypy_cache"),
            "--no-error-summary",
            "--hide-error-context",
            "--no-pretty",
            "usage.py",
        ],
        cwd=scratch,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    errors = []
    for line in proc.stdout.splitlines():
        match = _MYPY_LINE.match(line)
        if match:
            errors.append((int(match.group(1)), match.group(2)))
    if proc.returncode not in (0, 1) or (proc.returncode == 1 and not errors):
        raise RuntimeError(f"mypy failed on the usage module:\n{proc.stdout}{proc.stderr}")
    return errors


def attribute(errors: list[tuple[int, str]], owners: list[tuple[int, str]]) -> list[Break]:
    breaks = []
    for line, message in errors:
        name = "?"
        for first, owner in owners:
            if first <= line:
                name = owner
            else:
                break
        breaks.append(Break(name, message))
    return breaks


def _extract_specs(root: Path, base: str, target: Path) -> None:
    archive = subprocess.run(  # noqa: S603
        ["git", "archive", "--format=tar", base, "specs"],  # noqa: S607
        cwd=root,
        capture_output=True,
        check=True,
    ).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(target, filter="data")


@dataclass(frozen=True)
class Report:
    """What the typed-usage check found: breaks of the client's own API, and facade lines that
    type-check against the base client but not against the new one."""

    api: list[Break]
    facade: list[Break]


_FACADE_LINE = re.compile(r"^(orderbridge/[^:]+\.py):(\d+): error: (.*)$")


def _facade_errors(facade_src: Path, client_dir: Path, package: str, alias: str, work: Path) -> set[tuple[str, str]]:
    """mypy --strict errors of a copy of the facade whose imports of ``package`` point at ``alias``."""
    shutil.copytree(facade_src, work / "orderbridge")
    for module in (work / "orderbridge").rglob("*.py"):
        module.write_text(re.sub(rf"\b{package}\b", alias, module.read_text(encoding="utf-8")), encoding="utf-8")
    env = dict(os.environ, MYPYPATH=os.pathsep.join([str(client_dir), str(work)]))
    proc = subprocess.run(  # noqa: S603
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--no-warn-unused-ignores",
            "--python-version",
            "3.11",
            "--cache-dir",
            str(work / ".mypy_cache"),
            "--no-error-summary",
            "--hide-error-context",
            "--no-pretty",
            "-p",
            "orderbridge",
        ],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    found = set()
    for line in proc.stdout.splitlines():
        match = _FACADE_LINE.match(line)
        if match:
            # Keyed by file and source line text, so that the two runs compare line for line.
            source = (work / match.group(1)).read_text(encoding="utf-8").splitlines()[int(match.group(2)) - 1]
            found.add((f"{match.group(1)}:{match.group(2)}", f"{match.group(3)}  ({source.strip()})"))
    return found


def check(root: Path, name: str, base: str, *, facade: bool = True) -> Report:
    """Generate ``name``'s client at ``base`` and from the working tree; list the typed-usage breaks.

    With ``facade``, also type-check ``facade/src/orderbridge`` against both clients and report the
    errors that only the new client causes (what the spec change means for orderbridge's code).
    """
    from tools import generate

    package = f"{name}_client"
    # The package under test gets a name of its own, so that mypy cannot fall back to the copy
    # installed in this environment (a removed module would otherwise still be found there).
    # Generated clients import themselves only relatively, so renaming the directory is enough.
    alias = f"{package}_under_test"
    with tempfile.TemporaryDirectory(prefix="orderbridge-usage-") as tmp:
        scratch = Path(tmp)
        _extract_specs(root, base, scratch / "base")
        generate.generate_one(name, scratch / "old", specs_dir=scratch / "base" / "specs")
        generate.generate_one(name, scratch / "new", specs_dir=root / "specs")
        usage, owners = usage_module(scratch / "old", package)
        for side in ("old", "new"):
            (scratch / side / package).rename(scratch / side / alias)
        errors = run_mypy(re.sub(rf"\b{package}\b", alias, usage), scratch / "new", scratch)
        api = [Break(b.name, b.message.replace(alias, package)) for b in attribute(errors, owners)]
        facade_breaks: list[Break] = []
        facade_src = root / "facade" / "src" / "orderbridge"
        if facade and facade_src.is_dir():
            before = _facade_errors(facade_src, scratch / "old", package, alias, scratch / "facade-old")
            after = _facade_errors(facade_src, scratch / "new", package, alias, scratch / "facade-new")
            facade_breaks = [
                Break(f"facade/src/{where}", message.replace(alias, package))
                for where, message in sorted(after - before)
            ]
    return Report(api, facade_breaks)


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("name")
    parser.add_argument("--base", default="HEAD")
    parser.add_argument("--print-module", action="store_true", help="print the usage module of the working tree")
    ns = parser.parse_args()
    if ns.print_module:
        print(usage_module(TOOLS.parent / "clients" / ns.name, f"{ns.name}_client")[0])
        sys.exit(0)
    report = check(TOOLS.parent, ns.name, ns.base)
    for b in [*report.api, *report.facade]:
        print(f"{b.name}: {b.message}")
    sys.exit(1 if report.api or report.facade else 0)
