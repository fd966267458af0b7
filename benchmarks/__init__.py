"""orderbridge benchmarks: measurements with a harness, never timed asserts (issue 6).

Run ``python benchmarks/run.py`` (or ``nox -s bench``); see ``benchmarks/README.md``.
"""
