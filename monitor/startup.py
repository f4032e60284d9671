"""What ``runtime.load`` validates at start-up, through the start-up cache (``config/cache.py``).

Each value is kept under a digest of everything it depends on: the files read (by content),
monitor's own code (every module's size and mtime: an upgrade validates again) and, for the
target URLs' names, the installed apprise. A changed rule file, template or URL is validated
as before, and a bad one raises ConfigError as before: only a value that passed is kept.
"""

from __future__ import annotations

import functools
import importlib.util
import os
from collections.abc import Callable, Iterable
from datetime import timedelta
from pathlib import Path

from monitor.config import Config
from monitor.config.cache import StartupCache, code, digest, files
from monitor.outbox.render import Templates
from monitor.outbox.targets import labels, labels_apart
from monitor.rules import Rule

Namer = Callable[[list[str]], list[tuple[str, bool] | None]]


@functools.cache
def _monitor_code() -> tuple[bytes | str, ...]:
    return tuple(code([Path(__file__).parent]))


@functools.cache
def _installed(package: str) -> str:
    """Where ``package`` is installed, with its ``__init__``'s size and mtime (an upgrade rewrites it); not imported."""
    spec = importlib.util.find_spec(package)
    origin = spec.origin if spec is not None else None
    if not origin:
        return f"{package}: not installed"
    stat = os.stat(origin)
    return f"{origin}:{stat.st_size}:{stat.st_mtime_ns}"


def under(paths: Iterable[Path]) -> list[Path]:
    """Every file under ``paths`` (folders walked, sorted): more than the rule loader reads, never less."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            for root, dirs, names in os.walk(path):
                dirs.sort()  # walked in this order
                found += [Path(root, name) for name in sorted(names)]
        else:
            found.append(path)
    return found


def rules(config: Config, cache: StartupCache) -> list[Rule]:
    """``load_rules(config.rule_paths, config.targets)``, from the cache when nothing it reads changed."""

    def load() -> list[Rule]:
        from monitor.rules import load_rules

        return load_rules(config.rule_paths, config.targets)

    key = digest(["rules", *files(under(config.rule_paths)), *sorted(config.targets), *_monitor_code()])
    return cache.value("rules", key, load)


def templates(config: Config, cache: StartupCache) -> Templates:
    """``load_templates(config.notify.templates)``: the check render only when a template's text or the code changed."""
    found = Templates(config.notify.templates)
    texts = [part for name, (text, path) in sorted(found.sources.items()) for part in (name, path, text)]
    key = digest(["templates", *texts, *_monitor_code(), _installed("jinja2")])
    cache.value("templates", key, lambda: bool(found.checked()))  # raises ConfigError for a bad one
    return found


def namer(config: Config, cache: StartupCache, *, lean: bool) -> Namer:
    """Names the target URLs as ``targets.labels`` does (in a child process when ``lean``), kept by the
    URLs' digest (never the URLs: they hold secrets), the code and the installed apprise."""
    name = labels_apart if lean else labels

    def named(urls: list[str]) -> list[tuple[str, bool] | None]:
        key = digest(["labels", *urls, *_monitor_code(), _installed("apprise")])
        return cache.value("labels", key, lambda: name(urls))

    return named


def index_key(window: timedelta) -> str:
    """What a kept dedup index (``pipeline/kept.py``) depends on besides the window's rows: the window's
    length, monitor's code and the installed numpy (its arrays are pickled)."""
    return digest(["index", str(window.total_seconds()), *_monitor_code(), _installed("numpy")])
