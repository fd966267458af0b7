"""Every workflow of the orderbridge monorepo.

Plain ``nox`` runs what CI needs, fastest and most telling first (``.ci/run`` stops at the first
failure): the generated-code drift gate, spec lint, the client-version gate, the vendor-document
drift gate, ruff, mypy, the test suite, Schemathesis against the sandbox, the demo and the release
build. Other sessions:
``generate`` (rewrite clients/ from specs/), ``spec_diff`` (what a spec change breaks), ``release``
(bump + changelog), ``reliability`` and ``bench``.

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
GRIFFE = "griffe==2.4.1"
SPEC_TOOLS = ["openapi-spec-validator==0.8.5", "jsonschema==4.26.0", "pyyaml==6.0.3", "asyncapi3==0.0.2"]
COVERAGE = ["coverage==7.17.3"]
TEST_TOOLS = [
    "pytest==9.2.0",
    MYPY,
    GRIFFE,
    "respx==0.23.1",
    "hypothesis==6.170.15",
    "openapi-core==0.23.1",
    # A second, independent SignalR client for the sandbox's TopstepX hub (skips negotiation).
    "signalrcore==1.0.2",
    *SPEC_TOOLS,
]

BENCH_TOOLS = ["requests==2.34.2", "trustme==1.2.1"]
# spec_diff's typed-usage check reads the generated API with griffe and type-checks with mypy.
API_TOOLS = [GRIFFE, MYPY, "pyyaml==6.0.3"]
BUILD_TOOLS = ["build==1.6.1", "twine==7.0.0"]
DOCS_TOOLS = [
    "mkdocs==1.6.1",
    "mkdocs-material==9.8.1",
    "mkdocstrings==1.0.8",
    "mkdocstrings-python==2.0.11",
    "mkdocs-gen-files==0.6.1",
    GRIFFE,
    RUFF,  # mkdocstrings formats signatures with it
    "pyyaml==6.0.3",
]
PACKAGES = (*(f"clients/{name}" for name in SPEC_NAMES), "facade", "sandbox")
# The independent API fuzzer run against the sandbox (tests/schemathesis/run.py).
SCHEMATHESIS = ["schemathesis==4.32.5", "pyyaml==6.0.3"]

nox.options.default_venv_backend = "uv|virtualenv"
nox.options.download_python = "never"
nox.options.reuse_venv = "yes"
nox.options.sessions = [
    "check_generated",
    "lint_specs",
    "check_versions",
    "vendor_drift",
    "lint",
    "typecheck",
    "client_alone",
    "tests",
    "examples",
    "schemathesis",
    "demo",
    "docs",
    "build",
]


def install_project(session: nox.Session) -> None:
    """Install the four generated clients, the facade and the sandbox (non-editable, as users get them)."""
    session.install(*[str(ROOT / "clients" / name) for name in SPEC_NAMES])
    session.install(f"{ROOT / 'facade'}[websocket,redis]", str(ROOT / "sandbox"))


@nox.session
def generate(session: nox.Session) -> None:
    """Regenerate clients/ from specs/ with the pinned generator (``--fail-on-warning``); says which changed.

    ``nox -s generate -- --bump [name...]`` first bumps each changed client's version (as ``release``).
    """
    args = [arg for arg in session.posargs if arg != "--bump"]
    session.install(*GENERATOR, *(API_TOOLS if "--bump" in session.posargs else []))
    if "--bump" in session.posargs:  # release.py, then generate.py: the tools call each other one way
        install_project(session)
        session.run("python", "tools/release.py", *args)
    session.run("python", "tools/generate.py", *args)


@nox.session
def spec_diff(session: nox.Session) -> None:
    """What changed in each spec since ``--base REF`` (default HEAD), classified, with typed-usage breaks.

    ``nox -s spec_diff -- --base main``; ``-- --format json``. Fails when a breaking change has no
    major version bump.
    """
    session.install(*GENERATOR, *API_TOOLS)
    install_project(session)
    session.run("python", "tools/spec_diff.py", *session.posargs)


@nox.session
def release(session: nox.Session) -> None:
    """Bump each changed client's version as spec_diff requires, write its changelog entry, regenerate.

    ``nox -s release -- [--base REF] [name...]``.
    """
    session.install(*GENERATOR, *API_TOOLS)
    install_project(session)
    session.run("python", "tools/release.py", *session.posargs)
    names = [arg for arg in session.posargs if arg in SPEC_NAMES]
    session.run("python", "tools/generate.py", *names)


@nox.session
def check_versions(session: nox.Session) -> None:
    """Fail when a spec changed without its client's version bump and changelog entry (says what to run)."""
    session.install("pyyaml==6.0.3")
    session.run("python", "tools/release.py", "--check")


@nox.session
def check_generated(session: nox.Session) -> None:
    """Fail when clients/ differs from a fresh generation, or when the generator warns."""
    session.install(*GENERATOR)
    session.run("python", "tools/generate.py", "--check", *session.posargs)


@nox.session
def vendor_drift(session: nox.Session) -> None:
    """Each spec against its vendor's committed document: fail on an undeclared difference or a stale
    divergence; print per-broker coverage. ``-- --update BROKER FILE`` takes a newly published vendor
    document, says what the vendor changed and which spec edits to consider (tools/vendor_drift.py)."""
    session.install("pyyaml==6.0.3")
    session.run("python", "tools/vendor_drift.py", *session.posargs)


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
    """mypy --strict on the hand-written packages, the tools, the tests and the benchmarks."""
    session.install(MYPY, *SPEC_TOOLS, *TEST_TOOLS, *BENCH_TOOLS, *SCHEMATHESIS, "types-PyYAML", "types-jsonschema")
    install_project(session)
    session.run("mypy")


@nox.session
def tests(session: nox.Session) -> None:
    """The whole test suite: contract, facade, sandbox, pipeline and webhook tests, with line
    coverage of ``orderbridge`` and ``orderbridge_sandbox`` (floor: ``fail_under`` in
    pyproject.toml, 90 %)."""
    session.install(*TEST_TOOLS, *GENERATOR, *COVERAGE)
    install_project(session)
    # `coverage run` starts measuring before pytest loads its plugins: the sandbox's own pytest
    # plugin (an entry point) imports orderbridge_sandbox at start-up, before a pytest-side coverage plugin would start.
    env = {"ORDERBRIDGE_SPECS_DIR": str(ROOT / "specs")}  # the specs from the tree, not the bundled copy
    session.run("coverage", "erase")
    session.run("coverage", "run", "-m", "pytest", *session.posargs, env=env)
    # A subset of the suite (posargs): report coverage, do not hold it to the floor.
    session.run("coverage", "report", *(["--fail-under=0"] if session.posargs else []))


@nox.session
def examples(session: nox.Session) -> None:
    """The examples' own test suites, as a user runs them: wheels of the six packages built into
    a temp dir and installed (with ``orderbridge-sandbox[pytest]`` and pytest) into the session
    venv, each example copied outside the tree and tested with no specs override, so the
    bundled specs and the installed pytest plugin are what is exercised."""
    import shutil

    session.install("build==1.6.1")
    tmp = Path(session.create_tmp()).resolve()
    dist, work = tmp / "example-dist", tmp / "examples"
    for path in (dist, work):
        shutil.rmtree(path, ignore_errors=True)
    for package in PACKAGES:
        session.run("python", "-m", "build", "--wheel", "--outdir", str(dist), str(ROOT / package), silent=True)
    wheels = sorted(str(p) for p in dist.glob("*.whl"))
    sandbox_wheel = next(w for w in wheels if Path(w).name.startswith("orderbridge_sandbox-"))
    others = [w for w in wheels if w != sandbox_wheel]
    session.install("--reinstall", *others, f"{sandbox_wheel}[pytest]", "pytest==9.2.0")
    env = {"ORDERBRIDGE_SPECS_DIR": None, "PYTHONPATH": None}
    for example in sorted(p for p in (ROOT / "examples").iterdir() if p.is_dir()):
        target = work / example.name
        shutil.copytree(example, target, ignore=shutil.ignore_patterns("__pycache__", ".pytest_cache"))
        session.chdir(target)
        session.run("python", "-m", "pytest", "-p", "no:cacheprovider", "-q", *session.posargs, env=env)
    session.chdir(ROOT)


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
def schemathesis(session: nox.Session) -> None:
    """Schemathesis against each broker in the sandbox (loopback, strict): every check, stateful
    runs where the spec's links allow, each API's own login, a daily seed (printed; replay with
    ``-- --seed N``) and bounded examples.
    Fails on any finding outside ``tests/schemathesis/exclusions.yaml``; prints counts per broker.
    Arguments go to tests/schemathesis/run.py (``-- --max-examples 50 --broker sophic``)."""
    session.install(*SCHEMATHESIS)
    install_project(session)
    session.run(
        "python",
        "tests/schemathesis/run.py",
        *session.posargs,
        env={"ORDERBRIDGE_SPECS_DIR": str(ROOT / "specs")},
    )


@nox.session
def demo(session: nox.Session) -> None:
    """The main job end to end: orderbridge against the sandbox over loopback HTTP."""
    install_project(session)
    session.run("python", "demo/run.py")


@nox.session
def docs(session: nox.Session) -> None:
    """Build the documentation site into site/ with MkDocs in strict mode (a warning fails):
    the README's guide, concepts, a page per broker and per generated client (generated from the
    public API and the specs by tools/docs_pages.py), the API reference of every name in
    ``orderbridge.__all__``, and the changelogs; then check the built site (tests/docs/test_site.py).
    ``nox -s docs -- serve`` serves it on http://127.0.0.1:8000 instead."""
    session.install(*DOCS_TOOLS, "pytest==9.2.0")
    install_project(session)
    session.env.update({"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"})  # banners, not findings
    if session.posargs[:1] == ["serve"]:
        session.run("mkdocs", "serve", "--strict", *session.posargs[1:])
        return
    site = ROOT / "site"
    session.run("mkdocs", "build", "--strict", "--clean", "--site-dir", str(site))
    session.run(
        "pytest",
        "tests/docs/test_site.py",
        "-q",
        "-p",
        "no:cacheprovider",
        env={"ORDERBRIDGE_DOCS_SITE": str(site), "ORDERBRIDGE_SPECS_DIR": str(ROOT / "specs")},
    )


@nox.session
def bench(session: nox.Session) -> None:
    """Benchmarks: print the tables, write benchmarks/results/latest.json.

    ``nox -s bench -- --quick`` is the smoke mode; other arguments go to benchmarks/run.py.
    The generator is installed because section 5 times it.
    """
    session.install(*GENERATOR, *BENCH_TOOLS)
    install_project(session)
    session.run("python", "benchmarks/run.py", *session.posargs)


@nox.session
def build(session: nox.Session) -> None:
    """Build each of the six packages as an sdist and a wheel *from that sdist* (as an index user
    or ``pip install <sdist>`` gets it), ``twine check`` them, install the six sdists into one
    clean virtualenv and the six wheels into another, and run the demo from the wheels."""
    import shutil
    import sys

    session.install(*BUILD_TOOLS)
    tmp = Path(session.create_tmp()).resolve()
    dist, work = tmp / "dist", tmp / "demo"
    venvs = {"sdist": tmp / "sdists-venv", "wheel": tmp / "wheels-venv"}
    for path in (dist, work, *venvs.values()):
        shutil.rmtree(path, ignore_errors=True)
    for package in PACKAGES:
        # No --sdist/--wheel: build makes the sdist, unpacks it and builds the wheel from it, so a
        # file the sdist lacks fails here rather than on a user's machine.
        session.run("python", "-m", "build", "--outdir", str(dist), str(ROOT / package))
    artifacts = sorted(str(p) for p in dist.iterdir())
    session.run("twine", "check", "--strict", *artifacts)
    kinds = {
        "sdist": [a for a in artifacts if a.endswith(".tar.gz")],
        "wheel": [a for a in artifacts if a.endswith(".whl")],
    }
    if len(kinds["sdist"]) != len(PACKAGES) or len(kinds["wheel"]) != len(PACKAGES):
        session.error(f"expected {len(PACKAGES)} sdists and {len(PACKAGES)} wheels, got {artifacts}")
    work.mkdir()
    shutil.copy(ROOT / "demo" / "run.py", work / "run.py")
    # From a directory outside the tree, with no specs override: the packages must carry everything.
    env = {"ORDERBRIDGE_SPECS_DIR": None, "PYTHONPATH": None}
    session.chdir(work)
    for kind, venv in venvs.items():
        session.run(sys.executable, "-m", "venv", str(venv), external=True)
        python = str(venv / ("Scripts" if sys.platform == "win32" else "bin") / "python")
        pip = [python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
        session.run(*pip, *kinds[kind], external=True, env=env)
        where = (
            "import orderbridge, orderbridge_sandbox.spec as s, sys; d = s.specs_dir(); print(d); "
            f"sys.exit(not d.is_relative_to({str(venv)!r}))"
        )
        session.run(python, "-I", "-c", where, external=True, env=env)  # the bundled specs, not the tree's
    wheel_python = str(venvs["wheel"] / ("Scripts" if sys.platform == "win32" else "bin") / "python")
    session.run(wheel_python, "-I", "run.py", external=True, env=env)  # the demo, from the wheels
