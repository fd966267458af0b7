"""Regenerate ``clients/<name>/`` from ``specs/<name>.yaml`` with openapi-python-client.

Usage::

    python tools/generate.py            # rewrite clients/ for all four specs
    python tools/generate.py --check    # regenerate into a scratch dir, fail on any difference
    python tools/generate.py sophic     # one spec only

The generator and ruff are pinned in ``noxfile.py``; run this through ``nox -s generate`` /
``nox -s check_generated`` so the pinned versions are the ones on ``PATH``.

This is the bottom of the regeneration tools, which call each other one way:
``release -> spec_diff -> typed_usage -> generate``. It imports none of them; ``nox -s generate --
--bump`` runs ``tools/release.py`` first and then this script, as ``nox -s release`` does.

Every run uses ``--fail-on-warning``: openapi-python-client skips operations it cannot express
with only a warning, so a warning is treated as a failure (a silently missing operation would
otherwise pass the drift check, because nothing is written for it).

``--check`` compares the whole tree, so it reports changed, new *and* deleted files.

Besides the spec and its config, every client is generated from the shared custom templates in
``specs/templates/`` (README, package ``__init__`` with ``__version__`` and the broker's
documentation version) and gets ``specs/changelog/<name>.md`` as its ``CHANGELOG.md``.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC_NAMES = ("topstepx", "crosstrade", "tradestation", "sophic")
JUNK = (".ruff_cache",)


def generate_one(name: str, out_dir: Path, *, specs_dir: Path = ROOT / "specs") -> None:
    """Generate the client for ``name`` into ``out_dir`` (which must not exist yet).

    Raises ``RuntimeError`` with the generator's output when it fails or warns.
    """
    # The generator runs from the repository root: relative paths must not resolve against it.
    specs_dir, out_dir = specs_dir.resolve(), out_dir.resolve()
    env = dict(os.environ)
    # The generator's post-hooks call `ruff`; use the one pinned next to this interpreter.
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    env["PYTHONHASHSEED"] = "0"
    cmd = [
        str(Path(sys.executable).parent / "openapi-python-client"),
        "generate",
        "--path",
        str(specs_dir / f"{name}.yaml"),
        "--config",
        str(specs_dir / "config" / f"{name}.yaml"),
        "--meta",
        "uv",
        "--output-path",
        str(out_dir),
        "--fail-on-warning",
    ]
    with tempfile.TemporaryDirectory(prefix="orderbridge-templates-") as scratch:
        templates = _templates(specs_dir, name, Path(scratch))
        if templates is not None:
            cmd += ["--custom-template-path", str(templates)]
        proc = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=ROOT, check=False)  # noqa: S603
    output = (proc.stdout + proc.stderr).strip()
    if proc.returncode != 0 or "warning" in output.lower():
        raise RuntimeError(f"generator failed for {name} (exit {proc.returncode}):\n{output}")
    for junk in JUNK:
        shutil.rmtree(out_dir / junk, ignore_errors=True)
    changelog = specs_dir / "changelog" / f"{name}.md"
    if changelog.is_file():
        shutil.copyfile(changelog, out_dir / "CHANGELOG.md")
    shutil.copyfile(ROOT / "LICENSE", out_dir / "LICENSE")


def _templates(specs_dir: Path, name: str, scratch: Path) -> Path | None:
    """The custom template directory for ``name``: ``specs/templates/`` plus the client's README
    fragment ``specs/readme/<name>.md`` (auth flow and first call), included as ``client_readme.md``."""
    shared = specs_dir / "templates"
    if not shared.is_dir():
        return None
    target = scratch / "templates"
    shutil.copytree(shared, target)
    fragment = specs_dir / "readme" / f"{name}.md"
    if fragment.is_file():
        shutil.copyfile(fragment, target / "client_readme.md")
    return target


def tree_diff(expected: Path, actual: Path) -> list[str]:
    """Return human-readable differences between two directory trees (files only)."""

    def files(base: Path) -> set[str]:
        if not base.exists():
            return set()
        return {
            str(p.relative_to(base))
            for p in base.rglob("*")
            if p.is_file() and not any(part in JUNK or part == "__pycache__" for part in p.parts)
        }

    exp, act = files(expected), files(actual)
    out = [f"missing from clients/: {p}" for p in sorted(exp - act)]
    out += [f"not produced by the generator (stale or hand-added): {p}" for p in sorted(act - exp)]
    out += [
        f"differs from a fresh generation: {p}"
        for p in sorted(exp & act)
        if not filecmp.cmp(expected / p, actual / p, shallow=False)
    ]
    return out


def _as_change(diff: str) -> str:
    """``tree_diff``'s wording turned around: what this generation did to clients/."""
    for old, new in (
        ("missing from clients/", "new"),
        ("differs from a fresh generation", "changed"),
        ("not produced by the generator (stale or hand-added)", "deleted"),
    ):
        diff = diff.replace(old, new)
    return diff


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "names", nargs="*", metavar="name", help=f"specs to generate: {', '.join(SPEC_NAMES)} (default: all)"
    )
    parser.add_argument("--check", action="store_true", help="compare against a fresh generation; change nothing")
    parser.add_argument("--clients-dir", type=Path, default=ROOT / "clients")
    parser.add_argument("--specs-dir", type=Path, default=ROOT / "specs")
    args = parser.parse_args(argv)
    names = args.names or list(SPEC_NAMES)
    unknown = sorted(set(names) - set(SPEC_NAMES))
    if unknown:
        parser.error(f"unknown spec(s): {', '.join(unknown)}")
    failures: list[str] = []
    with tempfile.TemporaryDirectory(prefix="orderbridge-gen-") as scratch:
        for name in names:
            fresh = Path(scratch) / name
            try:
                generate_one(name, fresh, specs_dir=args.specs_dir)
            except RuntimeError as exc:
                failures.append(str(exc))
                continue
            target = args.clients_dir / name
            if args.check:
                diffs = tree_diff(fresh, target)
                failures += [f"{name}: {d}" for d in diffs]
                print(f"{name}: {'up to date' if not diffs else f'{len(diffs)} difference(s)'}")
            else:
                diffs = tree_diff(fresh, target)
                shutil.rmtree(target, ignore_errors=True)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copytree(fresh, target)
                where = target.relative_to(ROOT) if target.is_relative_to(ROOT) else target
                print(f"{name}: {f'CHANGED, {len(diffs)} file(s)' if diffs else 'unchanged'} ({where})")
                for diff in diffs:
                    print(f"  {_as_change(diff)}")
    for failure in failures:
        print(failure, file=sys.stderr)
    if failures and args.check:
        print("clients/ is out of date with specs/: run `nox -s generate` and commit the result.", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
