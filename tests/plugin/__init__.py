"""Tests of the orderbridge-sandbox pytest plugin (orderbridge_sandbox.testing)."""
