"""Delivery through apprise: one apprise instance per target URL.

URLs carry tokens and passwords, so they are held only here, in memory; the
store and every message outside this module see ``url_id`` and apprise's own
privacy-masked form of the URL.

apprise is imported when the first Notifier is made, not with this module, and a URL's
plugin is taken from that plugin's own module (``_plugin``): apprise's own lookup first
imports every one of its ~140 plugins (about 45 MB and half a CPU-second), which a
``run --once`` every few minutes should not pay for, nor commands that send nothing
(``rules test``, ``feeds list``, ``stats``…). A scheme whose module is not found that way
goes through apprise's lookup as before. A daemon
goes further (``Notifier(..., lean=True)``): a short-lived child process checks the
URLs and names them, and apprise is imported at the first send. An idle daemon that
has sent nothing since it started holds none of it (about 25 MB; unloading apprise
after a send was measured to free nothing, so a daemon that has sent keeps it).
"""

from __future__ import annotations

import functools
import importlib
import json
import logging
import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterable
from types import ModuleType
from typing import TYPE_CHECKING

from monitor.errors import ConfigError, DeliveryError, Problem
from monitor.models import Message, Target
from monitor.outbox.render import Style
from monitor.store import Delivery, url_id
from monitor.urls import has_password

if TYPE_CHECKING:
    import apprise
    from apprise.plugins.base import NotifyBase

log = logging.getLogger(__name__)


def _console(body: str, title: str, *args: object, **kwargs: object) -> bool:
    """``console://``: print alerts to standard output (the demo and dry runs use it)."""
    sys.stdout.write(f"\n=== {title}\n{body}\n")
    sys.stdout.flush()
    return True


def _apprise() -> ModuleType:
    import apprise

    return apprise


@functools.cache
def _with_console() -> None:
    """Register the ``console://`` plugin (once per process). This makes apprise import all its plugins."""
    from apprise.decorators import notify as apprise_plugin

    apprise_plugin(on="console", name="Console (monitor)")(_console)


# Plugins whose module is not named after their scheme (apprise.plugins.<module>).
_PLUGIN_MODULES = {
    "json": "custom_json",
    "jsons": "custom_json",
    "form": "custom_form",
    "forms": "custom_form",
    "xml": "custom_xml",
    "xmls": "custom_xml",
    "mailto": "email",
    "mailtos": "email",
    "tgram": "telegram",
    "pover": "pushover",
    "matrixs": "matrix",
    "ntfys": "ntfy",
    "gotifys": "gotify",
    "discords": "discord",
}


def _plugin(scheme: str) -> type[NotifyBase] | None:
    """The apprise plugin class serving ``scheme``, found in its own module; None when not found so."""
    name = _PLUGIN_MODULES.get(scheme, scheme)
    if not re.fullmatch(r"[a-z0-9_]+", name) or name == "base":
        return None
    try:
        module = importlib.import_module(f"apprise.plugins.{name}")
        from apprise.manager_plugins import NotificationManager

        looks_like_plugin = NotificationManager.module_filter_re.match
    except (ImportError, AttributeError):  # no such module, or apprise's internals moved: its own lookup
        return None
    # As apprise's plugin manager looks: the first Notify* class of the module with an app_id.
    for attribute in dir(module):
        plugin = getattr(module, attribute)
        if looks_like_plugin(attribute) and hasattr(plugin, "app_id"):
            found = plugin.schemas(plugin) if callable(getattr(plugin, "schemas", None)) else set()
            return plugin if scheme in found else None
    return None


def _server(url: str) -> NotifyBase | None:
    """What ``apprise.Apprise.instantiate(url)`` returns, without its import of every plugin when it can."""
    apprise = _apprise()
    try:
        from apprise.utils.parse import GET_SCHEMA_RE
    except ImportError:  # apprise's internals moved (an upgrade): its own lookup, as before
        return apprise.Apprise.instantiate(url)
    url = url.replace("/#", "/%23")  # as apprise does: a '#' starts a channel name, not a fragment
    match = GET_SCHEMA_RE.match(url)
    scheme = match.group("schema").lower() if match else ""
    if scheme == "console":
        _with_console()
    plugin = _plugin(scheme) if scheme and scheme != "console" else None
    results = plugin.parse_url(url) if plugin is not None else None
    if plugin is None or not results or results.get("schema") != scheme:
        return apprise.Apprise.instantiate(url)  # apprise's lookup, its logging of what is wrong
    if not plugin.enabled:
        return None
    results["tag"] = set()
    results["asset"] = apprise.AppriseAsset()
    try:
        server = plugin(**results)
    except Exception:  # as instantiate(suppress_exceptions=True): a URL apprise cannot use is None
        log.debug("apprise could not make a %s:// service of a target URL", scheme)
        return None
    return server if server.enabled else None


def _instantiate(url: str, throttle: float) -> apprise.Apprise | None:
    """An apprise box holding the one service of ``url``; None when apprise has no service for it."""
    apprise = _apprise()
    server = _server(url)
    if server is None:
        return None
    # apprise sleeps between two requests to one service (5.5 s for many
    # plugins): 100 alerts would take 9 minutes and hold up every later one.
    # Volume is the outbox's job (burst caps, digests), so the wait is
    # [notify].throttle, 0 by default; see docs/delivery.md.
    server.request_rate_per_sec = throttle
    box = apprise.Apprise()
    box.add(server)
    return box


def _label(box: apprise.Apprise) -> str:
    return str(box[0].url(privacy=True))


def _private(box: apprise.Apprise) -> bool:
    """True when the URL holds a secret: apprise masks a part of it (a password, a token, a key)."""
    return bool(box[0].url(privacy=True) != box[0].url(privacy=False))


def labels(urls: list[str]) -> list[tuple[str, bool] | None]:
    """apprise's privacy-masked form of each URL and whether it holds a secret; None for a URL
    apprise has no service for."""
    return [None if (box := _instantiate(url, 0.0)) is None else (_label(box), _private(box)) for url in urls]


def labels_apart(urls: list[str]) -> list[tuple[str, bool] | None]:
    """``labels(urls)`` from a child process, so this one never imports apprise; in this
    process if the child fails. The URLs go through a pipe, never a command line."""
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [root, os.environ.get("PYTHONPATH")]))}
    code = (
        "import json, sys; from monitor.outbox.targets import labels; print(json.dumps(labels(json.load(sys.stdin))))"
    )
    try:
        done = subprocess.run(
            [sys.executable, "-c", code], input=json.dumps(urls), capture_output=True, text=True, env=env, timeout=300
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

    ``lean``: apprise is not imported in this process until the first ``send``
    (the URLs are checked and named in a child process: ``labels_apart``). ``namer``: what
    names the URLs instead (``labels``' contract); apprise then waits for the first send too.
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
            box = None if lazy else _instantiate(url, throttle)
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
        box = self._servers.get(handle)
        if box is None:  # lean: the first send to this URL
            box = _instantiate(self._urls[handle], self.throttle)
            if box is None:
                raise DeliveryError(f"{self._labels[handle]}: apprise has no service for this URL")
            self._servers[handle] = box
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
