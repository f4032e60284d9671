"""The feed client's TLS context, whose trusted certificates are read at its first handshake.

httpx reads its CA bundle (certifi's, ~150 certificates) when a client is made: ~0.02 CPU-s,
a twentieth of a `run --once` where every feed answers 304, and all of it wasted when the
feeds are plain http. ``deferred()`` is the context httpx would make (``verify=True``: the
``SSL_CERT_FILE`` or ``SSL_CERT_DIR`` the environment names, else certifi's bundle), except
that the bundle is read before the first TLS handshake instead of at once. Until then it
trusts nothing, so a handshake can never go unverified.
"""

from __future__ import annotations

import os
import ssl
import threading
from typing import Any


class _Deferred(ssl.SSLContext):
    """A client context (hostname checked, certificate required) that loads its trust at first use."""

    _loaded: bool
    _loading: threading.Lock

    def wrap_socket(self, *args: Any, **kwargs: Any) -> ssl.SSLSocket:
        self._trust()
        return super().wrap_socket(*args, **kwargs)

    def wrap_bio(self, *args: Any, **kwargs: Any) -> ssl.SSLObject:
        self._trust()  # TLS through an https proxy
        return super().wrap_bio(*args, **kwargs)

    def _trust(self) -> None:
        with self._loading:
            if not self._loaded:
                _load_trust(self)
                self._loaded = True


def _load_trust(context: ssl.SSLContext) -> None:
    """What ``httpx.create_ssl_context(verify=True)`` trusts, as ``ssl.create_default_context`` loads it."""
    if os.environ.get("SSL_CERT_FILE"):
        context.load_verify_locations(cafile=os.environ["SSL_CERT_FILE"])
    elif os.environ.get("SSL_CERT_DIR"):
        context.load_verify_locations(capath=os.environ["SSL_CERT_DIR"])
    else:
        import certifi

        context.load_verify_locations(cafile=certifi.where())
    if keylog := os.environ.get("SSLKEYLOGFILE"):
        context.keylog_filename = keylog


def deferred() -> ssl.SSLContext:
    """A new client context for ``httpx.Client(verify=...)`` that reads its CA certificates when first used."""
    context = _Deferred(ssl.PROTOCOL_TLS_CLIENT)  # CERT_REQUIRED and check_hostname, as create_default_context
    context._loaded = False
    context._loading = threading.Lock()
    return context
