"""Delivery through apprise: one apprise instance per target URL.

URLs carry tokens and passwords, so they are held only here, in memory; the
store and every message outside this module see ``url_id`` and apprise's own
privacy-masked form of the URL.

apprise is imported when the first Notifier is made, not with this module: it loads
every one of its plugins (about 45 MB and a second), which commands that send
nothing (``rules test``, ``feeds list``, ``stats``…) should not pay for.
"""

from __future__ import annotations

import functools
import logging
import sys
from collections.abc import Iterable
from types import ModuleType
from typing import TYPE_CHECKING

from monitor.errors import ConfigError, DeliveryError, Problem
from monitor.models import Message, Target
from monitor.render import Style
from monitor.store import Delivery, url_id

if TYPE_CHECKING:
    import apprise

log = logging.getLogger(__name__)


def _console(body: str, title: str, *args: object, **kwargs: object) -> bool:
    """``console://``: print alerts to standard output (the demo and dry runs use it)."""
    sys.stdout.write(f"\n=== {title}\n{body}\n")
    sys.stdout.flush()
    return True


@functools.cache
def _apprise() -> ModuleType:
    """apprise, with the ``console://`` plugin registered (once per process)."""
    import apprise
    from apprise.decorators import notify as apprise_plugin

    apprise_plugin(on="console", name="Console (monitor)")(_console)
    return apprise


class Notifier:
    """Resolves rule targets to deliveries and sends one message to one target URL."""

    def __init__(self, targets: dict[str, Target], *, throttle: float = 0.0):
        self.targets = targets
        self._servers: dict[str, apprise.Apprise] = {}
        self._labels: dict[str, str] = {}
        self._styles: dict[str, Style] = {}
        self._invalid: list[tuple[str, str]] = []  # (target, masked URL) apprise did not recognise
        for target in targets.values():
            for url in target.urls:
                self._add(target.name, url, throttle)

    def _add(self, target: str, url: str, throttle: float) -> None:
        handle = url_id(url)
        if handle in self._servers:
            return
        apprise = _apprise()
        server = apprise.Apprise.instantiate(url)
        if server is None:
            self._invalid.append((target, _mask(url)))
            return
        # apprise sleeps between two requests to one service (5.5 s for many
        # plugins): 100 alerts would take 9 minutes and hold up every later one.
        # Volume is the outbox's job (burst caps, digests), so the wait is
        # [notify].throttle, 0 by default; see docs/delivery.md.
        server.request_rate_per_sec = throttle
        box = apprise.Apprise()
        box.add(server)
        self._servers[handle] = box
        self._labels[handle] = server.url(privacy=True)
        self._styles[handle] = _style(url)

    def problems(self, config_path: str) -> list[Problem]:
        """Target URLs apprise cannot use: a config error at check time, never a silent success."""
        return [
            Problem(
                config_path,
                None,
                f"[notify] target {name!r}: apprise has no service for URL "
                f"{masked}: check the scheme (see apprise's list of services)",
            )
            for name, masked in self._invalid
        ]

    def deliveries(self, rule: str, names: Iterable[str]) -> list[Delivery]:
        """Every target URL a rule's alert must reach (the default target when none named)."""
        chosen = list(names) or ["default"]
        found: list[Delivery] = []
        for name in chosen:
            target = self.targets.get(name)
            if target is None:
                raise ConfigError(Problem("rules", None, f"rule {rule!r} names unknown target {name!r}"))
            for url in target.urls:
                handle = url_id(url)
                if handle in self._servers:
                    found.append(Delivery(rule, name, handle, self._labels[handle]))
        return found

    def knows(self, handle: str) -> bool:
        return handle in self._servers

    def send(self, handle: str, message: Message) -> None:
        """Deliver or raise DeliveryError; the error text never contains the URL."""
        box = self._servers.get(handle)
        if box is None:
            raise DeliveryError("target URL no longer in the config")
        apprise = _apprise()
        fmt = {
            "text": apprise.NotifyFormat.TEXT,
            "markdown": apprise.NotifyFormat.MARKDOWN,
            "html": apprise.NotifyFormat.HTML,
        }[message.body_format]
        try:
            ok = box.notify(body=message.body, title=message.title, body_format=fmt)
        except Exception as exc:  # a plugin bug must not stop the other alerts
            raise DeliveryError(f"{self._labels[handle]}: {type(exc).__name__}") from exc
        if not ok:
            raise DeliveryError(f"{self._labels[handle]} did not accept the alert")

    def label(self, handle: str) -> str:
        return self._labels.get(handle, handle)

    def style(self, handle: str) -> Style:
        """How messages to this URL are written: HTML email, Markdown chat, or plain text."""
        return self._styles.get(handle, "text")

    def handles(self) -> list[str]:
        """Every usable target URL, by handle."""
        return list(self._servers)


def _style(url: str) -> Style:
    scheme = url.partition("://")[0].lower()
    if scheme in ("mailto", "mailtos"):
        return "email"
    if scheme in ("console", "file", "syslog"):
        return "text"
    return "chat"


def _mask(url: str) -> str:
    scheme, _, rest = url.partition("://")
    return f"{scheme}://{'…' if rest else ''}"
