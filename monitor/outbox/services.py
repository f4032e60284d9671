"""apprise's services: the one for a target URL, taken from its plugin's own module, and a message sent through it.

apprise's own lookup first imports every one of its ~140 plugins (about 45 MB and half a
CPU-second): ``instantiate`` takes a URL's plugin from that plugin's module (``_plugin``) and goes
through apprise's lookup only for a scheme not found so. apprise is imported at the first call,
not with this module, which imports nothing of monitor's but its values: the child process that
sends for a daemon (``apart``) loads only this.
"""

from __future__ import annotations

import functools
import importlib
import logging
import re
import sys
from types import ModuleType
from typing import TYPE_CHECKING

from monitor.models import Message

if TYPE_CHECKING:
    import apprise
    from apprise.plugins.base import NotifyBase

log = logging.getLogger("monitor.outbox.targets")


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


def instantiate(url: str, throttle: float) -> apprise.Apprise | None:
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


def outcome(box: apprise.Apprise | None, message: Message) -> str:
    """``message`` sent through ``box``: "sent", "refused" (the service did not accept it), "unknown" (no
    box: apprise has no service for the URL) or "raised:<exception type>" (a plugin bug). Never raises."""
    if box is None:
        return "unknown"
    apprise = _apprise()
    fmt = {
        "text": apprise.NotifyFormat.TEXT,
        "markdown": apprise.NotifyFormat.MARKDOWN,
        "html": apprise.NotifyFormat.HTML,
    }[message.body_format]
    try:
        ok = box.notify(body=message.body, title=message.title, body_format=fmt)
    except Exception as exc:  # a plugin bug must not stop the other alerts
        return f"raised:{type(exc).__name__}"
    return "sent" if ok else "refused"
