"""Seed tables of the four broker fakes (accounts, instruments, credentials, prices), kept as data."""
