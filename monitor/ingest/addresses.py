"""Which network addresses feeds may be fetched from (``[polling].allow_private``).

On a shared deployment a feed URL must not reach the host itself, the intranet or a
cloud metadata service. The check runs where the socket is opened, for every
connection and so for every redirect hop: the host name is resolved once, every
address it resolves to is checked, and the socket connects to a checked address.
The name is never resolved a second time, so a DNS answer that changes between the
check and the connect ("DNS rebinding") cannot slip a private address through.
"""

from __future__ import annotations

import ipaddress
import socket
import ssl
from collections.abc import Callable, Iterable
from typing import Any

import httpcore
import httpx

Resolver = Callable[[str, int], list[str]]


def is_public(address: str) -> bool:
    """True for globally routable unicast addresses; False for loopback, private,
    link-local (cloud metadata), shared, reserved and multicast ones."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])  # drop an IPv6 zone
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped  # ::ffff:127.0.0.1 is 127.0.0.1
    return ip.is_global and not ip.is_multicast


def resolve(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to, in the resolver's order (an IP literal is itself)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


class GuardedBackend(httpcore.SyncBackend):
    """httpcore's socket opener, refusing hosts that resolve to a non-public address."""

    def __init__(self, allowed: Callable[[str], bool] = is_public, resolver: Resolver = resolve):
        self.allowed = allowed
        self.resolver = resolver

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        try:
            addresses = self.resolver(host, port)
        except (OSError, UnicodeError) as exc:
            raise httpcore.ConnectError(f"cannot resolve {host}: {exc}") from exc
        # Refuse when *any* answer is private: a name answering both a public and a
        # private address is how rebinding attacks pick their moment.
        for address in addresses:
            if not self.allowed(address):
                raise httpcore.ConnectError(
                    f"refusing {host} ({address}): a private, loopback or reserved address, "
                    "and [polling].allow_private is false"
                )
        error: httpcore.ConnectError | None = None
        for address in addresses:
            try:
                # The checked address, not the name: see the module docstring.
                return super().connect_tcp(address, port, timeout, local_address, socket_options)
            except httpcore.ConnectError as exc:
                error = exc
        raise error or httpcore.ConnectError(f"cannot resolve {host}: no address")


def guarded_transport(
    backend: GuardedBackend | None = None, verify: ssl.SSLContext | bool = True
) -> httpx.HTTPTransport:
    """An httpx transport whose every connection goes through ``backend``.

    TLS still verifies the certificate against the host *name* (httpcore passes the
    origin's name as SNI and for verification), so connecting by address is safe.
    ``verify`` is httpx's: ``make_client`` passes its context (``tls.deferred``).
    """
    transport = httpx.HTTPTransport(verify=verify)
    # httpx has no public seam for the socket opener; its pool keeps it here. The
    # tests refuse a loopback feed through this path, so a change in httpx shows.
    transport._pool._network_backend = backend or GuardedBackend()
    return transport
