"""Every workflow of the orderbridge monorepo.

Plain ``nox`` runs what CI needs: spec lint, the generated-code drift gate, ruff, mypy and the
test suite. Other sessions: ``generate`` (rewrite clients/ from specs/), ``demo`` and ``bench``.

Tool versions are pinned here, exactly, because generated code depends on them byte for byte.
No interpreter is ever downloaded: sessions run on the Python that runs nox (>= 3.11).
"""

from __future__ import annotations

from pathlib import Path

import nox

ROOT = Path(__file__).parent
SPEC_NAMES = ("topstepx", "crosstrade", "tradestation", "sophic")

# Exact pins: the generator's output depends on both (see specs/README.md).
GENERATOR = ["openapi-python-client==0.29.1", "ruff==0.17.6"]
RUFF = "ruff==0.17.6"
MYPY = "mypy==2.4.1"
SPEC_TOOLS = ["openapi-spec-validator==0.8.5", "jsonschema==4.26.0", "pyyaml==6.0.3", "asyncapi3==0.0.2"]
COVERAGE = ["coverage==7.17.3", "pytest-cov==7.1.0"]
TEST_TOOLS = [
    "pytest==9.2.0",
    "respx==0.23.1",
    "hypothesis==6.170.15",
    "openapi-core==0.23.1",
    *SPEC_TOOLS,
]

BENCH_TOOLS = ["requests==2.34.2", "trustme==1.2.1"]

nox.options.default_venv_backend = "uv|virtualenv"
nox.options.download_python = "never"
nox.options.reuse_venv = "yes"
nox.options.sessions = ["lint_specs", "check_generated", "lint", "typecheck", "client_alone", "tests", "demo"]


def install_project(session: nox.Session) -> None:
    """Install the four generated clients, the facade and the sandbox (non-editable, as users get them)."""
    session.install(*[str(ROOT / "clients" / name) for name in SPEC_NAMES])
    session.install(f"{ROOT / 'facade'}[websocket]", str(ROOT / "sandbox"))


@nox.session
def generate(session: nox.Session) -> None:
    """Regenerate clients/ from specs/ with the pinned generator (``--fail-on-warning``)."""
    session.install(*GENERATOR)
    session.run("python", "tools/generate.py", *session.posargs)


@nox.session
def check_generated(session: nox.Session) -> None:
    """Fail when clients/ differs from a fresh generation, or when the generator warns."""
    session.install(*GENERATOR)
    session.run("python", "tools/generate.py", "--check", *session.posargs)


@nox.session
@nox.parametrize("name", SPEC_NAMES)
def client_alone(session: nox.Session, name: str) -> None:
    """Each generated client installs on its own with pip and imports every module cleanly."""
    session.install(str(ROOT / "clients" / name))
    session.run(
        "python",
        "-c",
        "import importlib, pkgutil, sys; "
        f"pkg = importlib.import_module('{name}_client'); "
        "mods = [m.name for m in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + '.')]; "
        "[importlib.import_module(m) for m in mods]; "
        "others = {'topstepx_client', 'crosstrade_client', 'tradestation_client', 'sophic_client'} - {pkg.__name__}; "
        "assert not others & set(sys.modules), 'imports another client'; "
        "print(pkg.__name__, len(mods), 'modules import')",
    )


@nox.session
def lint_specs(session: nox.Session) -> None:
    """Validate every spec (openapi-spec-validator) and every example against its schema."""
    session.install(*SPEC_TOOLS)
    session.run("python", "tools/lint_specs.py", *session.posargs)


@nox.session
def lint(session: nox.Session) -> None:
    """ruff on the hand-written code (clients/ is generated and excluded)."""
    session.install(RUFF)
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")


@nox.session
def typecheck(session: nox.Session) -> None:
    """mypy --strict on the hand-written packages, the tests and the benchmarks."""
    session.install(MYPY, *SPEC_TOOLS, *TEST_TOOLS, *BENCH_TOOLS, "types-PyYAML", "types-jsonschema")
    install_project(session)
    session.run("mypy")


@nox.session
def tests(session: nox.Session) -> None:
    """The whole test suite: contract, facade, sandbox, pipeline and webhook tests, with line
    coverage of ``orderbridge`` and ``orderbridge_sandbox`` (floor: ``fail_under`` in
    pyproject.toml, 90 %)."""
    session.install(*TEST_TOOLS, *GENERATOR, *COVERAGE)
    install_project(session)
    coverage = ["--cov", "--cov-report=term", "--cov-config=pyproject.toml"]
    if session.posargs:  # a subset of the suite: report coverage, do not hold it to the floor
        coverage.append("--cov-fail-under=0")
    # The sandbox reads the specs from the tree, not from the copy bundled at install time.
    session.run("pytest", *coverage, *session.posargs, env={"ORDERBRIDGE_SPECS_DIR": str(ROOT / "specs")})


@nox.session
def reliability(session: nox.Session) -> None:
    """Fault matrix, invariants, bad-input fuzzing and the secrets audit (also part of ``tests``);
    prints the summary: faults injected, duplicates, unclassified exceptions, leaks."""
    session.install(*TEST_TOOLS)
    install_project(session)
    session.run(
        "pytest",
        "tests/reliability",
        "-q",
        "-p",
        "no:cacheprovider",
        *session.posargs,
        env={"ORDERBRIDGE_SPECS_DIR": str(ROOT / "specs")},
    )


@nox.session
def demo(session: nox.Session) -> None:
    """The main job end to end: orderbridge against the sandbox over loopback HTTP."""
    install_project(session)
    session.run("python", "demo/run.py")


@nox.session
def bench(session: nox.Session) -> None:
    """Benchmarks (issue 6): print the tables, write benchmarks/results/latest.json.

    ``nox -s bench -- --quick`` is the smoke mode; other arguments go to benchmarks/run.py.
    The generator is installed because section 5 times it.
    """
    session.install(*GENERATOR, *BENCH_TOOLS)
    install_project(session)
    session.run("python", "benchmarks/run.py", *session.posargs)
