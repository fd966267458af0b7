"""orderbridge test suite."""
