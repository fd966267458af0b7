"""Client versions: bump what a spec change requires, write the changelog entry, gate CI on both.

Usage::

    python tools/release.py                 # bump every client whose spec changed since its last version
    python tools/release.py sophic          # one client
    python tools/release.py --base REF      # compare with REF instead of the revision the version was cut from
    python tools/release.py --check         # CI gate: fail when a spec changed without bump + changelog entry

Run it as ``nox -s release`` (or ``nox -s generate -- --bump``), which regenerates the clients afterwards.

Where things live (one source each):

* ``specs/config/<name>.yaml`` ``package_version_override``: the client's semantic version;
* ``specs/releases.json``: for each client, the version and the SHA-256 of the spec it was cut from;
* ``specs/changelog/<name>.md``: the client's changelog (Keep a Changelog), copied into the package.

The bump is the one ``tools/spec_diff.py`` requires: major for a breaking change, minor for an
addition, patch for anything else (documentation, examples).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

if __package__ in (None, ""):  # run as a script (python tools/release.py): make the tools package importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tools import spec_diff

ROOT = spec_diff.ROOT
SPEC_NAMES = spec_diff.SPEC_NAMES
LOCK = "specs/releases.json"
VERSION_LINE = re.compile(r"^package_version_override:.*$", re.MULTILINE)
CATEGORY = {"removed": "Removed", "added": "Added"}


def tag(name: str, version: str) -> str:
    """The git tag of a client release, e.g. ``crosstrade-client-v2.0.0``."""
    return f"{name}-client-v{version}"


def load_lock(root: Path) -> dict[str, dict[str, str]]:
    path = root / LOCK
    data: dict[str, dict[str, str]] = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    return data


def save_lock(root: Path, lock: dict[str, dict[str, str]]) -> None:
    (root / LOCK).write_text(json.dumps(lock, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def spec_text(root: Path, name: str) -> str:
    return (root / "specs" / f"{name}.yaml").read_text(encoding="utf-8")


def config_version(root: Path, name: str) -> str | None:
    return spec_diff.client_version((root / "specs" / "config" / f"{name}.yaml").read_text(encoding="utf-8"))


def changelog_path(root: Path, name: str) -> Path:
    return root / "specs" / "changelog" / f"{name}.md"


def has_entry(root: Path, name: str, version: str) -> bool:
    path = changelog_path(root, name)
    return path.exists() and f"## [{version}]" in path.read_text(encoding="utf-8")


def released_base(root: Path, name: str, sha256: str) -> str | None:
    """The newest commit whose ``specs/<name>.yaml`` is the one the current version was cut from."""
    log = subprocess.run(  # noqa: S603
        ["git", "log", "--format=%H", "--", f"specs/{name}.yaml"],  # noqa: S607
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    ).stdout.split()
    for commit in ["HEAD", *log]:
        text = spec_diff.git_show(root, commit, f"specs/{name}.yaml")
        if text is not None and spec_diff.spec_sha256(text) == sha256:
            return commit
    return None


def gate(root: Path, names: list[str]) -> list[str]:
    """Every client whose spec changed without the matching version bump and changelog entry."""
    lock = load_lock(root)
    problems = []
    for name in names:
        entry = lock.get(name)
        version = config_version(root, name)
        fix = f"run `nox -s release -- {name}` and commit specs/ and clients/{name}/"
        if entry is None:
            problems.append(f"{name}: no entry in {LOCK}; {fix}")
            continue
        if spec_diff.spec_sha256(spec_text(root, name)) != entry["spec_sha256"]:
            problems.append(f"specs/{name}.yaml changed since {name}-client {entry['version']} was versioned; {fix}")
        elif version != entry["version"]:
            problems.append(
                f"{name}-client version {version} in specs/config/{name}.yaml does not match {LOCK} "
                f"({entry['version']}); versions are set by the release tool: {fix}"
            )
        elif not has_entry(root, name, entry["version"]):
            problems.append(f"specs/changelog/{name}.md has no entry for {entry['version']}; {fix}")
    return problems


def changelog_entry(version: str, broker_version: str, changes: list[spec_diff.Change], base: str) -> str:
    today = dt.datetime.now(dt.UTC).date().isoformat()
    sections: dict[str, list[str]] = {"Changed": [], "Added": [], "Removed": [], "Fixed": []}
    for change in sorted(changes, key=lambda c: (not c.breaking, c.kind, c.location)):
        last = change.kind.rsplit("-", 1)[-1]
        section = CATEGORY.get(last, "Changed" if change.kind != "documentation-changed" else "Fixed")
        mark = "**Breaking:** " if change.breaking else ""
        detail = f": {change.detail}" if change.detail else ""
        sections[section].append(f"- {mark}{change.kind} `{change.location}`{detail}")
    lines = [f"## [{version}] - {today}", "", f"Broker documentation version: `{broker_version}`.", ""]
    if not changes:
        lines += ["No API change.", ""]
    for section, items in sections.items():
        if items:
            lines += [f"### {section}", "", *items, ""]
    return "\n".join(lines)


def write_changelog(root: Path, name: str, entry: str) -> None:
    path = changelog_path(root, name)
    path.parent.mkdir(parents=True, exist_ok=True)
    head = (
        "# Changelog\n\n"
        f"All notable changes to `{name}-client` are listed here. The format follows\n"
        "[Keep a Changelog](https://keepachangelog.com/en/1.1.0/); versions follow\n"
        "[Semantic Versioning](https://semver.org/spec/v2.0.0.html) and are independent of the broker's\n"
        "documentation version, which each entry names. Entries are written by `nox -s release` from\n"
        "`tools/spec_diff.py`.\n\n"
    )
    old = path.read_text(encoding="utf-8") if path.exists() else head
    marker = old.find("\n## [")
    text = old.rstrip("\n") + "\n\n" + entry if marker == -1 else old[: marker + 1] + entry + "\n" + old[marker + 1 :]
    path.write_text(text.rstrip("\n") + "\n", encoding="utf-8")


def set_config_version(root: Path, name: str, version: str) -> None:
    path = root / "specs" / "config" / f"{name}.yaml"
    text = path.read_text(encoding="utf-8")
    line = f'package_version_override: "{version}"'
    text = VERSION_LINE.sub(line, text) if VERSION_LINE.search(text) else text.rstrip("\n") + f"\n{line}\n"
    path.write_text(text, encoding="utf-8")


def release(root: Path, name: str, base: str | None = None, *, typed_usage: bool = True) -> str | None:
    """Bump ``name`` as its spec change requires; return the new version (``None`` when nothing changed)."""
    lock = load_lock(root)
    text = spec_text(root, name)
    sha = spec_diff.spec_sha256(text)
    entry = lock.get(name)
    broker_version = str((yaml.safe_load(text).get("info") or {}).get("version"))
    if entry is None:  # first versioned release: record what is there
        version = config_version(root, name) or "1.0.0"
        set_config_version(root, name, version)
        if not has_entry(root, name, version):
            today = dt.datetime.now(dt.UTC).date().isoformat()
            write_changelog(
                root,
                name,
                f"## [{version}] - {today}\n\nBroker documentation version: `{broker_version}`.\n\n### Added\n\n"
                f"- First release with its own semantic version; earlier builds reused the broker's\n"
                f"  documentation version (`{broker_version}`) as the package version.\n",
            )
        lock[name] = {"version": version, "spec_sha256": sha}
        save_lock(root, lock)
        return version
    if sha == entry["spec_sha256"] and has_entry(root, name, entry["version"]):
        return None
    if base is None:
        base = released_base(root, name, entry["spec_sha256"])
        if base is None:
            raise SystemExit(
                f"{name}: no commit has the spec {name}-client {entry['version']} was cut from; pass --base REF"
            )
    report = spec_diff.diff_spec(root, name, base, typed_usage=typed_usage)
    bump = report.required if report.required != "none" else "patch"
    current = spec_diff.parse_version(entry["version"])
    assert current is not None
    version = ".".join(map(str, spec_diff.bumped(current, bump)))
    set_config_version(root, name, version)
    write_changelog(root, name, changelog_entry(version, broker_version, report.changes, base))
    lock[name] = {"version": version, "spec_sha256": sha}
    save_lock(root, lock)
    print(f"{name}-client {entry['version']} -> {version} ({bump}: {len(report.changes)} change(s) since {base})")
    print(f"  after committing specs/ and clients/{name}/: git tag {tag(name, version)}")
    return version


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", metavar="name", help=f"clients: {', '.join(SPEC_NAMES)} (default: all)")
    parser.add_argument("--base", help="git revision to diff against (default: where the current version was cut)")
    parser.add_argument("--check", action="store_true", help="fail when a spec changed without a version bump")
    parser.add_argument("--no-typed-usage", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    names = args.names or list(SPEC_NAMES)
    unknown = sorted(set(names) - set(SPEC_NAMES))
    if unknown:
        parser.error(f"unknown client(s): {', '.join(unknown)}")
    if args.check:
        problems = gate(args.root, names)
        for problem in problems:
            print(problem, file=sys.stderr)
        if not problems:
            print("every client version matches its spec and has a changelog entry")
        return 1 if problems else 0
    for name in names:
        new: Any = release(args.root, name, args.base, typed_usage=not args.no_typed_usage)
        if new is None:
            print(f"{name}-client: spec unchanged since {load_lock(args.root)[name]['version']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
