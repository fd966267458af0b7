"""Fixtures of the contract tests (their helpers are the package modules ``spec_contract`` and
``schema_strategies``)."""
