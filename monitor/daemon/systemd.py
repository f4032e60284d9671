"""Tell systemd how the daemon is doing: the sd_notify(3) protocol.

With ``Type=notify`` systemd puts the path of an AF_UNIX datagram socket in
``$NOTIFY_SOCKET`` (a file path, or ``@name`` for the abstract namespace) and
the service sends it newline-separated ``KEY=VALUE`` datagrams: ``READY=1``
once it serves, ``RELOADING=1`` (with ``MONOTONIC_USEC``, which systemd >= 253
expects) and then ``READY=1`` around a reload, ``STOPPING=1`` on shutdown,
``STATUS=...`` for ``systemctl status``, and ``WATCHDOG=1`` more often than
``$WATCHDOG_USEC`` (set from ``WatchdogSec=``), else systemd kills and restarts
it. Outside systemd ``$NOTIFY_SOCKET`` is unset and every call does nothing.

Hand-written because it is this small: the ``sdnotify`` PyPI package has been
unmaintained since 2017 and ``systemd-python`` needs libsystemd headers to build.
"""

from __future__ import annotations

import logging
import os
import socket
import time
from collections.abc import Mapping


class Notifier:
    """Sends sd_notify messages; a no-op when there is no notify socket."""

    def __init__(
        self,
        address: str | None,
        watchdog_usec: str | None = None,
        watchdog_pid: str | None = None,
    ) -> None:
        self._log = logging.getLogger(__name__)
        self._watchdog = (watchdog_usec, watchdog_pid)
        self._address: str | None = None
        if address and address[0] in "/@":
            # '@name' is Linux's abstract namespace: a leading NUL byte.
            self._address = "\0" + address[1:] if address[0] == "@" else address
        elif address:
            self._log.debug("sd_notify: unsupported NOTIFY_SOCKET %r, ignored", address)

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Notifier:
        """A notifier for ``$NOTIFY_SOCKET`` etc. in ``env`` (default: os.environ)."""
        env = os.environ if env is None else env
        return cls(env.get("NOTIFY_SOCKET"), env.get("WATCHDOG_USEC"), env.get("WATCHDOG_PID"))

    @property
    def enabled(self) -> bool:
        return self._address is not None

    def notify(self, *fields: str) -> bool:
        """Send one datagram of KEY=VALUE fields; True if it was sent."""
        if self._address is None:
            return False
        try:
            with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC) as sock:
                sock.settimeout(2.0)  # a full receive queue must not hang the daemon
                sock.sendto("\n".join(fields).encode(), self._address)
        except OSError as exc:
            self._log.debug("sd_notify: sending %r failed: %s", fields, exc)
            return False
        return True

    def ready(self) -> bool:
        return self.notify("READY=1")

    def reloading(self) -> bool:
        usec = time.clock_gettime_ns(time.CLOCK_MONOTONIC) // 1000
        return self.notify("RELOADING=1", f"MONOTONIC_USEC={usec}")

    def stopping(self) -> bool:
        return self.notify("STOPPING=1")

    def watchdog(self) -> bool:
        return self.notify("WATCHDOG=1")

    def status(self, text: str) -> bool:
        # One line only: a newline would start a new KEY=VALUE field.
        return self.notify("STATUS=" + " ".join(text.splitlines()))

    def watchdog_interval(self) -> float | None:
        """Seconds allowed between WATCHDOG=1 pings (ping at half), or None if no watchdog."""
        usec_text, pid = self._watchdog
        try:
            if pid and int(pid) != os.getpid():
                return None
            usec = int(usec_text or "")
        except ValueError:
            return None
        return usec / 1_000_000 if usec > 0 else None
