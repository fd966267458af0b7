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


# What each kind of change means to a reader of the changelog (a user of the generated client).
PHRASES: dict[str, str] = {
    "operation-added": "New operation",
    "operation-removed": "Operation removed",
    "operation-id-changed": "Operation renamed (its module is renamed)",
    "operation-tag-changed": "Operation moved to another `api/<tag>` package",
    "parameter-added": "New parameter",
    "parameter-removed": "Parameter removed",
    "parameter-made-required": "Parameter now required",
    "parameter-made-optional": "Parameter now optional",
    "parameter-type-changed": "Parameter type changed",
    "request-body-added": "Request body added",
    "request-body-removed": "Request body removed",
    "request-property-added": "New request field",
    "request-property-removed": "Request field removed",
    "request-property-made-required": "Request field now required",
    "request-property-made-optional": "Request field now optional",
    "request-property-type-changed": "Request field type changed",
    "request-enum-value-added": "New accepted value",
    "request-enum-value-removed": "Value no longer accepted",
    "response-property-added": "New response attribute",
    "response-property-removed": "Response attribute removed",
    "response-property-made-optional": "Response attribute may now be absent (`UNSET`)",
    "response-property-made-required": "Response attribute now always present",
    "response-property-type-changed": "Response attribute type changed",
    "response-enum-value-added": "New response value",
    "response-enum-value-removed": "Response value removed",
    "enum-member-renamed": "Enum member renamed",
    "response-status-added": "New documented response status",
    "response-status-removed": "Response status no longer documented",
    "auth-changed": "Authentication changed",
    "server-changed": "Server URL changed",
}
_SCHEMA = re.compile(r"^#/components/schemas/(?P<owner>[^/.]+)(?:/[^.]*)?(?:\.(?P<member>.+))?$")
_OPERATION = re.compile(r"^(?P<owner>[A-Z]+ /\S*)(?: (?P<member>.+))?$")


def owner_member(location: str) -> tuple[str, str]:
    """Split a spec_diff location into what a reader looks up (a schema, an operation) and the
    member changed inside it (a property, a parameter, a status); either may be empty."""
    for pattern in (_SCHEMA, _OPERATION):
        match = pattern.match(location)
        if match:
            return match["owner"], match["member"] or ""
    return location, ""


def public_name(location: str) -> str:
    """The name a user imports for a typed-usage break's location: ``sophic_client.models.AMC``
    for ``sophic_client.models.amc.AMC.decimal_precision``, the endpoint module for an API function."""
    parts = location.split(".")
    for index, part in enumerate(parts):
        if part[:1].isupper():
            return f"{parts[0]}.models.{part}" if "models" in parts[:index] else ".".join(parts[: index + 1])
    if parts[-1] in {"sync", "sync_detailed", "asyncio", "asyncio_detailed"}:
        return ".".join(parts[:-1])
    return location


def _api_break_lines(changes: list[spec_diff.Change]) -> list[str]:
    """Typed-usage breaks summarised by public name (the raw checker lines go to the release log)."""
    grouped: dict[str, list[spec_diff.Change]] = {}
    for change in changes:
        grouped.setdefault(public_name(change.location), []).append(change)
    lines = []
    for name, items in sorted(grouped.items()):
        arguments = sum(1 for c in items if c.detail.startswith("Argument "))
        attributes = sorted({c.location.rsplit(".", 1)[-1] for c in items if "in assignment" in c.detail})
        gone = sum(1 for c in items if "[import-not-found]" in c.detail or "[attr-defined]" in c.detail)
        other = len(items) - arguments - gone - sum(1 for c in items if "in assignment" in c.detail)
        what = ["removed (it can no longer be imported or used)"] if gone else []
        if arguments:
            what.append(f"{arguments} positional constructor argument{'s' * (arguments != 1)} changed type or place")
        if attributes:
            shown = ", ".join(f"`{a}`" for a in attributes[:6]) + (
                f" and {len(attributes) - 6} more" * (len(attributes) > 6)
            )
            what.append(f"attribute{'s' * (len(attributes) != 1)} {shown} changed type")
        if other:
            what.append(f"{other} other use{'s' * (other != 1)} no longer type-check{'s' * (other == 1)}")
        lines.append(
            f"- **Breaking:** `{name}`: code written against the previous version fails mypy: {'; '.join(what)}."
        )
    return lines


def _change_lines(changes: list[spec_diff.Change]) -> list[str]:
    """One bullet per (kind, owner): the members it touches listed together, details once when shared."""
    grouped: dict[tuple[bool, str, str], list[tuple[str, str]]] = {}
    for change in changes:
        owner, member = owner_member(change.location)
        grouped.setdefault((change.breaking, change.kind, owner), []).append((member, change.detail))
    lines = []
    for (breaking, kind, owner), items in sorted(grouped.items(), key=lambda kv: (not kv[0][0], kv[0][1], kv[0][2])):
        mark = "**Breaking:** " if breaking else ""
        phrase = PHRASES.get(kind, kind.replace("-", " ").capitalize())
        where = f"`{owner}`" if owner else ""
        details = {detail for _, detail in items}
        members = [member for member, _ in items if member]
        if not members:
            shared = f" ({items[0][1]})" if items[0][1] else ""
            lines.append(f"- {mark}{phrase}: {where}{shared}.")
            continue
        if len(details) == 1:
            listed = ", ".join(f"`{m}`" for m in members) + (f" ({items[0][1]})" if items[0][1] else "")
        else:
            listed = ", ".join(f"`{m}` ({d})" if d else f"`{m}`" for m, d in items)
        lines.append(f"- {mark}{phrase} in {where}: {listed}.")
    return lines


def changelog_entry(version: str, broker_version: str, changes: list[spec_diff.Change], base: str) -> str:
    """A changelog entry a person can read: changes grouped by what they touch, in plain words,
    typed-usage breaks summarised by public name (``release`` prints mypy's own lines)."""
    today = dt.datetime.now(dt.UTC).date().isoformat()
    return render_entry(version, today, broker_version, changes)


def render_entry(version: str, date: str, broker_version: str, changes: list[spec_diff.Change]) -> str:
    sections: dict[str, list[spec_diff.Change]] = {"Changed": [], "Added": [], "Removed": []}
    api_breaks = [c for c in changes if c.kind == "python-api-break"]
    docs_only = any(c.kind == "documentation-changed" for c in changes)
    for change in changes:
        if change.kind in {"python-api-break", "documentation-changed"}:
            continue
        last = change.kind.rsplit("-", 1)[-1]
        sections[CATEGORY.get(last, "Changed")].append(change)
    lines = [f"## [{version}] - {date}", "", f"Broker documentation version: `{broker_version}`.", ""]
    if not changes:
        lines += ["No API change.", ""]
    for section, items in sections.items():
        body = _change_lines(items) + (_api_break_lines(api_breaks) if section == "Changed" else [])
        if section == "Changed" and docs_only:
            body.append("- Documentation only: docstrings and examples; the generated API is unchanged.")
        if body:
            lines += [f"### {section}", "", *body, ""]
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
    for change in report.changes:  # the type checker's own words stay in the log, not the changelog
        if change.kind == "python-api-break":
            print(f"  mypy: {change.location}: {change.detail}")
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
