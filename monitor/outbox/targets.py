"""Delivery through apprise: one apprise instance per target URL.

URLs carry tokens and passwords, so they are held only here, in memory; the
store and every message outside this module see ``url_id`` and apprise's own
privacy-masked form of the URL.

apprise is imported when the first Notifier is made, not with this module, and a URL's
service is made from its plugin's own module (``services``), not through apprise's lookup
of all its plugins, which a ``run --once`` every few minutes should not pay for, nor
commands that send nothing (``rules test``, ``feeds list``, ``stats``…). A daemon goes further (``Notifier(...,
lean=True)``): a short-lived child process checks the URLs and names them, and another
sends (``apart``), so the daemon never imports apprise (unloading it after a send was
measured to free nothing).
"""

from __future__ import annotations

import json
import logging
import subprocess
import sys
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from monitor.errors import ConfigError, DeliveryError, Problem
from monitor.models import Message, Target
from monitor.outbox.apart import IDLE, STOPPED, Apart, child_env
from monitor.outbox.render import Style
from monitor.outbox.services import instantiate, outcome
from monitor.store import Delivery, url_id
from monitor.urls import has_password

if TYPE_CHECKING:
    import apprise

log = logging.getLogger(__name__)


def _label(box: apprise.Apprise) -> str:
    return str(box[0].url(privacy=True))


def _private(box: apprise.Apprise) -> bool:
    """True when the URL holds a secret: apprise masks a part of it (a password, a token, a key)."""
    return bool(box[0].url(privacy=True) != box[0].url(privacy=False))


def labels(urls: list[str]) -> list[tuple[str, bool] | None]:
    """apprise's privacy-masked form of each URL and whether it holds a secret; None for a URL
    apprise has no service for."""
    return [None if (box := instantiate(url, 0.0)) is None else (_label(box), _private(box)) for url in urls]


def labels_apart(urls: list[str]) -> list[tuple[str, bool] | None]:
    """``labels(urls)`` from a child process, so this one never imports apprise; in this
    process if the child fails. The URLs go through a pipe, never a command line."""
    code = (
        "import json, sys; from monitor.outbox.targets import labels; print(json.dumps(labels(json.load(sys.stdin))))"
    )
    try:
        done = subprocess.run(
            [sys.executable, "-c", code],
            input=json.dumps(urls),
            capture_output=True,
            text=True,
            env=child_env(),
            timeout=300,
        )
        found = json.loads(done.stdout.strip().splitlines()[-1]) if done.returncode == 0 else None
    except (OSError, subprocess.SubprocessError, ValueError, IndexError):
        found = None
    if not isinstance(found, list) or len(found) != len(urls):
        log.debug("checking target URLs in a child process failed: checking them here")
        return labels(urls)
    return [None if item is None else (str(item[0]), bool(item[1])) for item in found]


class Notifier:
    """Resolves rule targets to deliveries and sends one message to one target URL.

    ``lean``: apprise is not imported in this process: the URLs are checked and named in a child
    process (``labels_apart``) and messages sent from another (``apart``; from this one if it cannot
    start). ``namer``: what names the URLs instead (``labels``' contract); apprise then waits for
    the first send too.
    """

    def __init__(
        self,
        targets: dict[str, Target],
        *,
        throttle: float = 0.0,
        lean: bool = False,
        namer: Callable[[list[str]], list[tuple[str, bool] | None]] | None = None,
    ):
        from monitor.outbox.hooks import HttpTargets  # httpx: only when a notifier is made

        self.targets = targets
        self.hooks = HttpTargets(targets)  # signed webhooks and native chat targets, beside the apprise URLs
        self.throttle = throttle
        self._lean = lean  # sends from a child process (``apart``): apprise never comes into this one
        self._apart: Apart | None = None
        self._servers: dict[str, apprise.Apprise] = {}  # made at the first send when lean
        self._urls: dict[str, str] = {}  # handle -> URL, for the servers still to make
        self._labels: dict[str, str] = {}
        self._styles: dict[str, Style] = {}
        self._secret: set[str] = set()  # handles of URLs with a part apprise masks (password, token, key)
        self._invalid: list[tuple[str, str]] = []  # (target, masked URL) apprise did not recognise
        first: dict[str, tuple[str, str]] = {}  # handle -> (target, URL): a URL in two targets is one server
        for t in targets.values():
            for url in t.urls:
                first.setdefault(url_id(url), (t.name, url))
        pairs = list(first.values())
        urls = [url for _, url in pairs]
        # ``namer`` (runtime: the names kept by the start-up cache) names the URLs as ``labels`` does;
        # then, as when lean, each apprise service is made at its first send.
        lazy = lean or namer is not None
        named = namer(urls) if namer is not None else labels_apart(urls) if lean else [None] * len(urls)
        for (target, url), named_url in zip(pairs, named, strict=True):
            box = None if lazy else instantiate(url, throttle)
            if not lazy:
                named_url = None if box is None else (_label(box), _private(box))
            if named_url is None:
                self._invalid.append((target, _mask(url)))
                continue
            label, secret = named_url
            handle = url_id(url)
            if secret or has_password(url):
                self._secret.add(handle)
            if box is not None:
                self._servers[handle] = box
            self._urls[handle] = url
            self._labels[handle] = label
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
        ] + self.hooks.problems(config_path)

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
                if handle in self._labels:
                    found.append(Delivery(rule, name, handle, self._labels[handle]))
        return found + self.hooks.deliveries(rule, chosen, self.targets)

    def knows(self, handle: str) -> bool:
        return handle in self._labels or self.hooks.knows(handle)

    def send(self, handle: str, message: Message) -> None:
        """Deliver or raise DeliveryError; the error text never contains the URL."""
        if self.hooks.knows(handle):
            return self.hooks.send(handle, message)
        if handle not in self._labels:
            raise DeliveryError("target URL no longer in the config")
        label = self._labels[handle]
        done = self._send_apart(handle, message) if self._lean else None
        done = done or self._send_here(handle, message)
        if done == "unknown":
            raise DeliveryError(f"{label}: apprise has no service for this URL")
        if done.startswith("raised:"):
            raise DeliveryError(f"{label}: {done.removeprefix('raised:')}")
        if done == STOPPED:
            raise DeliveryError(f"{label}: the process sending it stopped before it answered")
        if done != "sent":
            raise DeliveryError(f"{label} did not accept the alert")

    def _send_here(self, handle: str, message: Message) -> str:
        box = self._servers.get(handle)
        if box is None:  # the first send to this URL (lean, or named by the start-up cache)
            box = instantiate(self._urls[handle], self.throttle)
            if box is not None:
                self._servers[handle] = box
        return outcome(box, message)

    def _send_apart(self, handle: str, message: Message) -> str | None:
        """``message`` sent from the child process (``apart``); None when none could start."""
        if self._apart is None:
            # A child outlives the throttle, so apprise still spaces two sends to one service by it.
            self._apart = Apart(idle=max(IDLE, self.throttle + 1.0))
        try:
            return self._apart.send(self._urls[handle], self.throttle, message)
        except OSError as exc:
            log.warning("cannot start the process that sends through apprise (%s): sending from this one", exc)
            self._lean = False  # apprise is imported here now: no child for the next ones either
            return None

    def close(self) -> None:
        """Stop the child process sending for a lean notifier, if one runs. Safe to call twice."""
        if self._apart is not None:
            self._apart.close()

    def label(self, handle: str) -> str:
        return self.hooks.label(handle) if self.hooks.knows(handle) else self._labels.get(handle, handle)

    def style(self, handle: str) -> Style:
        """How messages to this URL are written: HTML email, Markdown chat, plain text, or a webhook's JSON."""
        return self.hooks.style(handle) if self.hooks.knows(handle) else self._styles.get(handle, "text")  # type: ignore[return-value]

    def handles(self) -> list[str]:
        """Every usable target URL, by handle."""
        return [*self._labels, *self.hooks.specs]

    def secret(self, handle: str) -> bool:
        """True when the URL carries a secret (apprise masks part of it, or it has a user:password)."""
        return handle in self._secret


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
