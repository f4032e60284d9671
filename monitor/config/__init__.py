"""The TOML config: loaded once, validated whole, every problem as PATH:LINE.

Relative paths resolve against the config file's folder, never the working
directory, so a service and a shell see the same files. Every key but the feed
URLs has a default; the minimal config in the README is complete.
"""

from monitor.config.load import load_config
from monitor.config.model import (
    FULL_TEXT_FEED,
    FULL_TEXT_POLLING,
    POLICY_KEYS,
    SECTIONS,
    Alerts,
    Config,
    Dedup,
    Http,
    NotifySettings,
    Polling,
    Retention,
    Web,
)
from monitor.config.values import listen

__all__ = [
    "FULL_TEXT_FEED",
    "FULL_TEXT_POLLING",
    "POLICY_KEYS",
    "SECTIONS",
    "Alerts",
    "Config",
    "Dedup",
    "Http",
    "NotifySettings",
    "Polling",
    "Retention",
    "Web",
    "listen",
    "load_config",
]
