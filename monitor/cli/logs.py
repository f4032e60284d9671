"""Logging to stderr: journald-friendly, one line per event, secrets redacted."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterable


class Redactor(logging.Filter):
    """Replaces every configured secret (whole URL, password, token) with ***."""

    def __init__(self, secrets: Iterable[str]):
        super().__init__()
        self.secrets = sorted({s for s in secrets if len(s) >= 4}, key=len, reverse=True)

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        clean = redact_text(message, self.secrets)
        if clean != message:
            record.msg, record.args = clean, None
        return True


def redact_text(text: str, secrets: Iterable[str]) -> str:
    for secret in secrets:
        text = text.replace(secret, "***")
    return text


def secret_parts(urls: Iterable[str]) -> list[str]:
    """The whole URL plus the part after the scheme: tokens also appear on their own."""
    parts: list[str] = []
    for url in urls:
        parts.append(url)
        _, _, rest = url.partition("://")
        if rest:
            parts.append(rest)
    return parts


def setup(level: str = "INFO", secrets: Iterable[str] = ()) -> None:
    """Configure the root logger once; safe to call again (replaces the handler)."""
    handler = logging.StreamHandler(sys.stderr)
    # journald stamps each line itself; a timestamp would be printed twice.
    stamp = "" if os.environ.get("JOURNAL_STREAM") else "%(asctime)s "
    handler.setFormatter(logging.Formatter(f"{stamp}%(levelname)s %(name)s: %(message)s", "%Y-%m-%d %H:%M:%S"))
    handler.addFilter(Redactor(secret_parts(secrets)))
    root = logging.getLogger()
    for old in list(root.handlers):
        if getattr(old, "_monitor", False):
            root.removeHandler(old)
    handler._monitor = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(level)
    for noisy in ("httpx", "httpcore", "apscheduler", "apprise"):
        logging.getLogger(noisy).setLevel(max(logging.WARNING, root.level))
