"""What start-up derives from files that rarely change, kept beside the database under a digest of its inputs.

A ``run --once`` from cron starts a process every few minutes. Reading and validating the
rule files (YAML, the JSON Schema, golden examples: ~0.3 CPU-s with their imports), the
templates' check render and naming the target URLs with apprise gave the same answer every
time the files had not changed. ``StartupCache.value(name, digest, make)`` returns what
``make`` returned the last time the inputs had the same ``digest``, else calls ``make`` (which
validates, and raises for a bad file: nothing is kept then) and keeps its result.

The digest covers everything the answer depends on: the files' bytes, the code that reads
them (the size and mtime of every file of the reading package) and the Python version.
A cache that cannot be read, written or trusted is a miss, never an error. Values are pickled,
and read back with an unpickler that only builds monitor's own frozen dataclasses and plain
containers: the file sits beside the database, but it must never run code.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import io
import logging
import os
import pickle
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

log = logging.getLogger(__name__)

_PLAIN = {"builtins": {"frozenset", "set", "tuple", "list", "dict", "str", "bytes", "int", "float", "bool"}}


class _Values(pickle.Unpickler):
    """Builds only plain containers and monitor's frozen dataclasses; anything else is a miss."""

    def find_class(self, module: str, name: str) -> Any:
        if name in _PLAIN.get(module, ()):
            return super().find_class(module, name)
        if module == "monitor.models" or module.startswith("monitor.rules."):  # rules and what they hold
            found = super().find_class(module, name)
            if isinstance(found, type) and dataclasses.is_dataclass(found):
                return found
        raise pickle.UnpicklingError(f"not kept by the start-up cache: {module}.{name}")


def digest(parts: Iterable[bytes | str]) -> str:
    """One digest of ``parts`` (each length-prefixed, so no two lists of parts share one)."""
    h = hashlib.blake2b(digest_size=16)
    h.update(sys.version.encode())
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


def files(paths: Iterable[Path]) -> list[bytes | str]:
    """Digest parts for files read by content: each path and its bytes (a missing one as missing)."""
    parts: list[bytes | str] = []
    for path in paths:
        parts.append(str(path))
        try:
            parts.append(path.read_bytes())
        except OSError:
            parts.append("(missing)")
    return parts


def code(folders: Iterable[Path]) -> list[bytes | str]:
    """Digest parts for the code under ``folders``: every file's name, size and mtime (reading it costs more)."""
    parts: list[bytes | str] = []
    for folder in folders:
        for root, dirs, names in os.walk(folder):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")  # walked in this order; compiled files aside
            for name in sorted(names):
                with contextlib.suppress(OSError):
                    stat = os.stat(os.path.join(root, name))
                    parts.append(f"{root}/{name}:{stat.st_size}:{stat.st_mtime_ns}")
    return parts


class StartupCache:
    """Values keyed by name, each kept with the digest of its inputs, in one file (``path``; None: keeps nothing)."""

    def __init__(self, path: Path | None):
        self.path = path
        self._kept: dict[str, tuple[str, Any]] | None = None

    def value(self, name: str, key: str, make: Callable[[], T]) -> T:
        """What ``make()`` returned when the inputs last had digest ``key``; else ``make()``, kept if it returns."""
        kept = self._read().get(name)
        if kept is not None and kept[0] == key:
            return kept[1]
        made = make()
        self._write(name, key, made)
        return made

    def _read(self) -> dict[str, tuple[str, Any]]:
        if self._kept is None:
            self._kept = {}
            if self.path is not None:
                try:
                    found = _Values(io.BytesIO(self.path.read_bytes())).load()
                except FileNotFoundError:
                    found = {}
                except Exception as exc:  # unreadable, from another version, tampered with: rebuilt
                    log.debug("start-up cache %s not used: %s", self.path, exc)
                    found = {}
                if isinstance(found, dict):
                    self._kept = found
        return self._kept

    def _write(self, name: str, key: str, value: Any) -> None:
        kept = {**self._read(), name: (key, value)}
        self._kept = kept
        if self.path is None:
            return
        temporary = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
        try:
            data = pickle.dumps(kept, protocol=pickle.HIGHEST_PROTOCOL)
            descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(descriptor, "wb") as file:
                file.write(data)
            os.replace(temporary, self.path)
        except (OSError, pickle.PicklingError) as exc:  # a read-only state folder: start-up just costs more
            log.debug("start-up cache %s not written: %s", self.path, exc)
            with contextlib.suppress(OSError):
                temporary.unlink()


def beside(database: Path) -> StartupCache:
    """The cache of the process that uses ``database``: a file next to it."""
    return StartupCache(database.with_name(database.name + ".startup"))
