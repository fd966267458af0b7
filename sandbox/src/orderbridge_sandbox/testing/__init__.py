"""Test helpers shipped with orderbridge-sandbox (placeholder, filled below)."""
