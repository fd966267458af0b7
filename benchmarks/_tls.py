"""A throw-away test CA for the loopback HTTPS measurement (``trustme``), trusted the way users
trust a CA — through the environment — so neither the facade nor ``requests`` is configured
differently from production.

The client trust bundle is certifi's bundle *plus* the test CA: ``requests`` loads its CA
bundle for every new connection, so a one-certificate bundle would understate what the
vendors' per-order style costs against a real broker; httpx loads it once per client.
``SSL_CERT_FILE`` (httpx, hence orderbridge) and ``REQUESTS_CA_BUNDLE`` (requests) point at
it only while :func:`trusted_test_ca` is active.
"""

from __future__ import annotations

import contextlib
import os
import ssl
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class LoopbackCA:
    chain: str
    """PEM with the server's private key and certificate chain (for the server)."""
    bundle: str
    """PEM CA bundle for clients: certifi's bundle plus the test CA."""

    def client_context(self) -> ssl.SSLContext:
        return ssl.create_default_context(cafile=self.bundle)


def available() -> str | None:
    """``None`` when a test CA can be made, else why not."""
    try:
        import trustme  # noqa: F401
    except ImportError:
        return "trustme is not installed (pip install trustme)"
    return None


@contextlib.contextmanager
def trusted_test_ca() -> Iterator[LoopbackCA]:
    """Make a CA and a certificate for 127.0.0.1; trust it via the environment meanwhile."""
    import certifi
    import trustme

    ca = trustme.CA()
    cert = ca.issue_cert("127.0.0.1")
    keys = ("SSL_CERT_FILE", "REQUESTS_CA_BUNDLE")
    saved = {k: os.environ.get(k) for k in keys}
    with tempfile.TemporaryDirectory(prefix="orderbridge-bench-tls-") as scratch:
        chain = Path(scratch) / "server.pem"
        bundle = Path(scratch) / "bundle.pem"
        cert.private_key_and_cert_chain_pem.write_to_path(str(chain))
        bundle.write_bytes(Path(certifi.where()).read_bytes() + b"\n" + ca.cert_pem.bytes())
        for key in keys:
            os.environ[key] = str(bundle)
        try:
            yield LoopbackCA(chain=str(chain), bundle=str(bundle))
        finally:
            for key, value in saved.items():
                if value is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = value
