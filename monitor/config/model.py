"""The config's value types and the keys each section may hold. Plain data, no loading."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from monitor.ingest.fulltext import Politeness
from monitor.ingest.schedule import Policy
from monitor.models import Burst, Feed, Target
from monitor.outbox.policy import TargetPolicy


@dataclass(frozen=True, slots=True)
class Polling:
    interval: float = 900.0  # default seconds between polls of one feed
    timeout: float = 30.0
    max_bytes: int = 10 * 1024 * 1024
    concurrency: int = 8  # fetches under way at once
    jitter: float = 60.0  # seconds of random spread so feeds don't poll in lockstep (at most 10 % of a gap)
    min_interval: float = 300.0  # adaptive intervals stay inside [min_interval, max_interval]
    max_interval: float = 3600.0  # news: a quiet wire still gets looked at hourly
    backoff_base: float = 60.0  # first retry after a failure; doubles per failure in a row
    backoff_cap: float = 6 * 3600.0  # ... up to this gap, then polls go on at this gap forever
    per_host: int = 2  # fetches under way at once against one host
    health_errors: int = 5  # a feed-health notice after this many failures in a row ...
    health_after: float = 6 * 3600.0  # ... or after failing for this long, whichever comes first
    allow_private: bool = True  # False: refuse feeds resolving to private/loopback addresses
    full_text: str = "auto"  # feeds' default: fetch linked articles "auto" (teasers a rule may want), "always", "never"
    full_text_policy: Politeness = field(default_factory=Politeness)  # full_text_*: budget, deadline, size

    def policy(self) -> Policy:
        return Policy(self.min_interval, self.max_interval, self.backoff_base, self.backoff_cap, self.jitter)


@dataclass(frozen=True, slots=True)
class Retention:
    entries: float = 90 * 86400.0  # entries older than this are pruned (tombstones stay); 0 keeps all


@dataclass(frozen=True, slots=True)
class Http:
    listen: tuple[str, int] | None = None  # host, port of /healthz and /metrics; None: no server


@dataclass(frozen=True)
class Web:
    """The analyst's console (monitor/web). Off unless ``listen`` is set; only loopback clients
    are served unless an auth method is set (a token, or users with scrypt password hashes)."""

    listen: tuple[str, int] | None = None
    token: str | None = field(default=None, repr=False)
    users: dict[str, str] = field(default_factory=dict, repr=False)  # name -> "scrypt$..." hash
    read_only: bool = False  # every state change refused: a console to look, not to touch
    templates: Path | None = None  # a folder whose files replace the bundled page templates

    @property
    def auth(self) -> bool:
        return bool(self.token or self.users)


@dataclass(frozen=True, slots=True)
class Alerts:
    backlog: float = 2 * 86400.0  # first poll: entries newer than this alert, older ones are recorded
    max_age: float = 7 * 86400.0  # later polls: entries dated older than this are recorded silently


@dataclass(frozen=True, slots=True)
class Dedup:
    window: float = 7 * 86400.0  # how far back a new entry may join an existing story


@dataclass(frozen=True)
class NotifySettings:
    """How alerts leave: a policy per target name, apprise's throttle, custom templates."""

    policies: dict[str, TargetPolicy] = field(default_factory=dict)  # by target name; "default" too
    throttle: float = 0.0  # seconds apprise waits between two requests to one service
    templates: Path | None = None  # a folder whose files replace the bundled templates
    rule_burst: Burst | None = None  # cap per rule and target URL; off by default

    def policy(self, target: str) -> TargetPolicy:
        return self.policies.get(target) or self.policies.get("default") or TargetPolicy()


@dataclass(frozen=True)
class Config:
    path: Path
    storage_path: Path
    rule_paths: tuple[Path, ...]
    targets: dict[str, Target]  # "default" is [notify].urls
    feeds: tuple[Feed, ...]
    polling: Polling = Polling()
    alerts: Alerts = Alerts()
    dedup: Dedup = Dedup()
    notify: NotifySettings = NotifySettings()
    retention: Retention = Retention()
    http: Http = Http()
    web: Web = Web()
    operator: str = "default"  # the target that receives feed-health notices
    log_level: str = "INFO"
    secrets: tuple[str, ...] = field(default=(), repr=False)  # every URL to redact from output


FULL_TEXT_POLLING = (
    "full_text",
    "full_text_min_words",
    "full_text_budget",
    "full_text_timeout",
    "full_text_extract_timeout",
    "full_text_max_bytes",
)
FULL_TEXT_FEED = ("full_text", "full_text_selector", "full_text_remove", "full_text_ignore_robots")
POLICY_KEYS = ("digest", "timezone", "quiet", "burst", "max_attempts", "max_age")  # [notify] and each target
SECTIONS: dict[str, tuple[str, ...]] = {
    "storage": ("path",),
    "rules": ("paths",),
    "notify": ("urls", "targets", "operator", "throttle", "templates", "rule_burst", *POLICY_KEYS),
    "polling": (
        "interval",
        "timeout",
        "max_bytes",
        "concurrency",
        "jitter",
        "min_interval",
        "max_interval",
        "backoff_base",
        "backoff_cap",
        "per_host",
        "health_errors",
        "health_after",
        "allow_private",
        *FULL_TEXT_POLLING,
    ),
    "retention": ("entries",),
    "http": ("listen",),
    "web": ("listen", "token", "users", "read_only", "templates"),
    "alerts": ("backlog", "max_age"),
    "dedup": ("window",),
    "log": ("level",),
    "feeds": ("url", "name", "interval", *FULL_TEXT_FEED),
}
