"""Run Schemathesis against each of the four brokers in the sandbox (``nox -s schemathesis``).

The sandbox is served on loopback in strict mode (a response outside the spec becomes a 500,
which ``not_a_server_error`` reports). For each broker, Schemathesis runs every check (all of
them are on by default in Schemathesis 4; ``--checks all`` is not passed because it would
override the per-operation exclusions) in all phases: examples, coverage, fuzzing, and
stateful where the spec's links allow. Authentication is done the way each API documents it:

* TopstepX: ``POST /api/Auth/loginKey`` {userName, apiKey} -> ``token``;
* CrossTrade: the account's secret key as a bearer token (no login flow);
* TradeStation: ``POST /v2/security/authorize`` refresh-token grant (form) -> ``access_token``;
* Sophic: ``POST /auth/token`` client-credentials grant (form) -> ``access_token``.

The seed changes every day (it is the UTC date, ``YYYYMMDD``, unless ``--seed`` or
``ORDERBRIDGE_SCHEMATHESIS_SEED`` sets it), so CI explores another corner each day while a run
stays reproducible: the seed is printed first, and ``--seed N`` replays it. The number of
examples is bounded so CI stays within minutes. ``exclusions.yaml`` (next to this file) lists
the findings that are Schemathesis's assumptions, not sandbox or spec bugs; nothing else is
excluded. Each run's JSON report goes to
``--report-dir`` (default ``build/schemathesis``). The exit status is non-zero when any broker's
run finds a failure.

Usage: ``python tests/schemathesis/run.py [--max-examples N] [--seed N] [--broker NAME ...]``
(``nox -s schemathesis -- --seed 20261201`` replays a run).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import yaml

from orderbridge_sandbox import Sandbox
from orderbridge_sandbox.server import start

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
BROKERS = ("topstepx", "crosstrade", "tradestation", "sophic")

# Statuses positive_data_acceptance accepts by default (Schemathesis 4.32).
POSITIVE_DEFAULT = ["2xx", "3xx", "401", "403", "404", "409", "429", "5xx"]

AUTH: Mapping[str, str] = {
    "topstepx": """
[auth.dynamic.openapi.bearerAuth]
path = "/api/Auth/loginKey"
payload = { userName = "demo", apiKey = "demo-api-key" }
extract_selector = "/token"
""",
    "crosstrade": """
[auth.openapi.bearerAuth]
bearer = "demo-token"
""",
    "tradestation": """
[auth.dynamic.openapi.bearerAuth]
path = "/v2/security/authorize"
payload_content_type = "application/x-www-form-urlencoded"
extract_selector = "/access_token"
[auth.dynamic.openapi.bearerAuth.payload]
grant_type = "refresh_token"
client_id = "demo-client"
client_secret = "demo-secret"
refresh_token = "demo-refresh"
""",
    "sophic": """
[auth.dynamic.openapi.HTTPBearer]
path = "/auth/token"
payload = { grant_type = "client_credentials", client_id = "demo-client", client_secret = "demo-secret" }
payload_content_type = "application/x-www-form-urlencoded"
extract_selector = "/access_token"
""",
}


SEED_VARIABLE = "ORDERBRIDGE_SCHEMATHESIS_SEED"


def default_seed(today: dt.date | None = None) -> int:
    """``$ORDERBRIDGE_SCHEMATHESIS_SEED`` when set, else the UTC date as ``YYYYMMDD``."""
    fixed = os.environ.get(SEED_VARIABLE)
    if fixed:
        return int(fixed)
    day = today or dt.datetime.now(dt.UTC).date()
    return int(day.strftime("%Y%m%d"))


def load_exclusions(path: Path = HERE / "exclusions.yaml") -> list[dict[str, Any]]:
    """The exclusion entries; each names a broker, operations, one check and a reason."""
    entries: list[dict[str, Any]] = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    for entry in entries:
        missing = {"broker", "operations", "check", "reason"} - set(entry)
        if missing:
            raise SystemExit(f"exclusions.yaml: entry {entry} lacks {sorted(missing)}")
        if entry["broker"] not in BROKERS:
            raise SystemExit(f"exclusions.yaml: unknown broker {entry['broker']!r}")
    return entries


def _toml_list(values: Iterable[object]) -> str:
    return "[" + ", ".join(json.dumps(v) for v in values) + "]"


def config_text(broker: str, exclusions: list[dict[str, Any]], *, seed: int, max_examples: int) -> str:
    """The ``schemathesis.toml`` of one broker's run."""
    lines = [
        f"seed = {seed}",
        "workers = 1",
        "[generation]",
        f"max-examples = {max_examples}",
        "[phases.stateful]",
        "max-steps = 8",
        AUTH[broker],
    ]
    for entry in exclusions:
        if entry["broker"] != broker:
            continue
        lines += ["[[operations]]", f"include-operation-id = {_toml_list(entry['operations'])}"]
        check = entry["check"]
        if "accept" in entry:  # keep the check, with the broker's documented refusals accepted
            statuses = [*POSITIVE_DEFAULT, *(str(s) for s in entry["accept"])]
            lines.append(f"checks.{check}.expected-statuses = {_toml_list(statuses)}")
        else:
            lines.append(f"checks.{check}.enabled = false")
    return "\n".join(lines) + "\n"


def run_broker(
    broker: str, base_url: str, exclusions: list[dict[str, Any]], report_dir: Path, *, seed: int, max_examples: int
) -> dict[str, Any]:
    """Run Schemathesis on one broker; returns its JSON report (plus ``exit_code``)."""
    work = report_dir / broker
    work.mkdir(parents=True, exist_ok=True)
    config = work / "schemathesis.toml"
    config.write_text(config_text(broker, exclusions, seed=seed, max_examples=max_examples), encoding="utf-8")
    report = work / "report.json"
    executable = shutil.which("schemathesis") or "schemathesis"
    command = [
        executable,
        "--config-file",
        str(config),
        "run",
        str(ROOT / "specs" / f"{broker}.yaml"),
        "--url",
        base_url,
        "--report",
        "json",
        "--report-json-path",
        str(report),
    ]
    # Schemathesis keeps its example database and cassettes in the working directory.
    with (work / "output.txt").open("w", encoding="utf-8") as out:
        completed = subprocess.run(command, cwd=work, stdout=out, stderr=subprocess.STDOUT, check=False)
    data: dict[str, Any] = json.loads(report.read_text(encoding="utf-8")) if report.exists() else {}
    data["exit_code"] = completed.returncode
    return data


def summary_line(broker: str, data: Mapping[str, Any], excluded: int, seconds: float) -> str:
    ops = data.get("operations", {})
    cases = data.get("test_cases", {})
    failures = data.get("failures", [])
    phases = ",".join(name for name, p in data.get("phases", {}).items() if p.get("status") != "skip")
    found = sum(int(f.get("count", 0)) for f in failures)
    return (
        f"{broker:<13} operations {ops.get('tested', 0):>2}/{ops.get('total', 0):<2} "
        f"cases {cases.get('generated', 0):>5}  failures {found:>2}  errors {len(data.get('errors', [])):>2}  "
        f"exclusion entries {excluded:>2}  phases {phases}  {seconds:5.1f}s"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seed", type=int, default=None, help=f"default: ${SEED_VARIABLE} or today's UTC date")
    parser.add_argument("--max-examples", type=int, default=15)
    parser.add_argument("--broker", action="append", choices=BROKERS)
    parser.add_argument("--report-dir", type=Path, default=ROOT / "build" / "schemathesis")
    args = parser.parse_args(argv)
    seed = default_seed() if args.seed is None else args.seed
    print(f"schemathesis seed {seed} (replay: nox -s schemathesis -- --seed {seed})", flush=True)
    os.environ.setdefault("ORDERBRIDGE_SPECS_DIR", str(ROOT / "specs"))
    exclusions = load_exclusions()
    brokers = args.broker or list(BROKERS)
    failed = False
    lines = []
    with start(Sandbox(strict=True)) as server:
        for broker in brokers:
            began = time.perf_counter()
            data = run_broker(
                broker,
                server.broker_url(broker),
                exclusions,
                args.report_dir,
                seed=seed,
                max_examples=args.max_examples,
            )
            excluded = sum(1 for e in exclusions if e["broker"] == broker)
            lines.append(summary_line(broker, data, excluded, time.perf_counter() - began))
            print(lines[-1], flush=True)
            if data["exit_code"] != 0 or data.get("failures") or data.get("errors"):
                failed = True
                for failure in data.get("failures", []):
                    print(
                        f"    {failure.get('code')} {failure.get('title')}: {', '.join(failure.get('operations', []))}"
                    )
                print(f"    details: {args.report_dir / broker / 'output.txt'}")
    print("schemathesis:", "FAILED" if failed else "clean (apart from tests/schemathesis/exclusions.yaml)")
    if failed:
        print(f"replay with: nox -s schemathesis -- --seed {seed} --max-examples {args.max_examples}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
