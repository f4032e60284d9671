"""The TOML config: loaded once, validated whole, every problem as PATH:LINE.

Relative paths resolve against the config file's folder, never the working
directory, so a service and a shell see the same files. Every key but the feed
URLs has a default; the minimal config in the README is complete.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from monitor.durations import parse_duration, parse_size
from monitor.errors import ConfigError, Problem
from monitor.errors import did_you_mean as _hint  # the one "did you mean"
from monitor.ingest.fulltext import MODES, Politeness
from monitor.ingest.schedule import Policy
from monitor.models import Burst, Chat, Feed, FullText, Target, Webhook
from monitor.outbox.policy import QuietHours, TargetPolicy, zone


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
_SECTIONS: dict[str, tuple[str, ...]] = {
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


class _Reader:
    """Walks the parsed TOML, converting values and collecting problems with lines."""

    def __init__(self, path: Path, text: str):
        self.path = path
        self.lines = text.splitlines()
        self.problems: list[Problem] = []

    def problem(self, message: str, section: str = "", key: str = "", index: int = 0) -> None:
        self.problems.append(Problem(str(self.path), self.line_of(section, key, index), message))

    def line_of(self, section: str, key: str = "", index: int = 0) -> int | None:
        """The line of ``key`` in table ``section`` (the index-th one for arrays of tables)."""
        header = re.compile(r"^\s*\[\[?\s*" + re.escape(section) + r"\s*\]\]?\s*(#.*)?$")
        any_header = re.compile(r"^\s*\[")
        in_section = section == ""
        seen = -1
        for number, line in enumerate(self.lines, 1):
            if any_header.match(line):
                in_section = bool(header.match(line))
                if in_section:
                    seen += 1
                    if not key and seen == index:
                        return number
                continue
            if (
                in_section
                and (seen == index or section == "")
                and key
                and re.match(r"^\s*" + re.escape(key) + r"\s*=", line)
            ):
                return number
        return None

    def get(
        self, table: dict[str, Any], section: str, key: str, convert: Callable[[Any], Any], default: Any, index: int = 0
    ) -> Any:
        if key not in table:
            return default
        try:
            return convert(table[key])
        except (ValueError, TypeError) as exc:
            self.problem(f"[{section}].{key}: {exc}", section, key, index)
            return default


def load_config(path: Path) -> Config:
    """Read and validate the config; raise ConfigError listing every problem."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(Problem(str(path), None, f"cannot read config: {exc}")) from exc
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line = re.search(r"at line (\d+)", str(exc))
        raise ConfigError(Problem(str(path), int(line.group(1)) if line else None, _toml_words(exc))) from exc
    except RecursionError as exc:  # tomllib recurses once per nesting level of arrays and tables
        raise ConfigError(Problem(str(path), None, "invalid TOML: nested too deeply")) from exc
    return _build(path, text, data)


# tomllib's words for the usual slips, as sentences (start of its message -> what to do).
_TOML_PLAIN = {
    "Illegal character '\\n'": "a string is not closed on this line: add the missing quote",
    "Unterminated string": "a string is not closed: add the missing quote",
    'Expected "\'"': "a string is not closed: add the missing quote",
    "Expected '=' after a key": "a key needs a value: write key = value (a key with spaces needs quotes)",
    "Invalid value": 'this value is not TOML: quote text ("..."), write numbers and true/false bare',
    "Unclosed array": "a [list] is not closed: add the missing ]",
    "Cannot overwrite a value": "this key is set twice: keep one",
    "Cannot declare": "this table is declared twice: merge the two (use [[name]] for a list of tables)",
    "Expected newline or end of document": "something follows the value on this line: one key = value per line",
}


def _toml_words(exc: tomllib.TOMLDecodeError) -> str:
    message = str(exc).split(" (at ")[0]
    plain = next((words for start, words in _TOML_PLAIN.items() if message.startswith(start)), message)
    return f"invalid TOML: {plain}"


def _build(path: Path, text: str, data: dict[str, Any]) -> Config:
    reader = _Reader(path, text)
    base = path.resolve().parent
    _check_keys(reader, data)
    storage = _table(reader, data, "storage")
    rules = _table(reader, data, "rules")
    notify = _table(reader, data, "notify")
    polling = _polling(reader, _table(reader, data, "polling"))
    targets = _targets(reader, notify)
    settings = _notify_settings(reader, notify, base)
    dedup = Dedup(window=reader.get(_table(reader, data, "dedup"), "dedup", "window", parse_duration, Dedup().window))
    retention = _retention(reader, _table(reader, data, "retention"), dedup)
    config = Config(
        path=path,
        storage_path=base / reader.get(storage, "storage", "path", _string, "monitor.db"),
        rule_paths=tuple(base / p for p in reader.get(rules, "rules", "paths", _strings, ["rules"])),
        targets=targets,
        feeds=_feeds(reader, data.get("feeds", []), polling.interval),
        polling=polling,
        alerts=Alerts(
            backlog=reader.get(_table(reader, data, "alerts"), "alerts", "backlog", parse_duration, Alerts().backlog),
            max_age=reader.get(_table(reader, data, "alerts"), "alerts", "max_age", parse_duration, Alerts().max_age),
        ),
        dedup=dedup,
        notify=settings,
        retention=retention,
        http=Http(reader.get(_table(reader, data, "http"), "http", "listen", _listen, None)),
        web=_web(reader, _table(reader, data, "web"), base),
        operator=_operator(reader, notify, targets),
        log_level=reader.get(_table(reader, data, "log"), "log", "level", _level, "INFO"),
        secrets=tuple(url for target in targets.values() for url in target.urls)
        + tuple(t.webhook.url for t in targets.values() if t.webhook)
        + tuple(t.chat.url for t in targets.values() if t.chat and t.chat.service not in ("telegram", "matrix"))
        + _web_secrets(data),
    )
    if reader.problems:
        raise ConfigError(reader.problems)
    return config


def _check_keys(reader: _Reader, data: dict[str, Any]) -> None:
    for section, value in data.items():
        if section not in _SECTIONS:
            reader.problem(f"unknown section [{section}]{_hint(section, _SECTIONS)}", section)
            continue
        tables = value if isinstance(value, list) else [value]
        for index, table in enumerate(tables):
            if not isinstance(table, dict):
                reader.problem(f"{section} must be a table: write [{section}] or [[{section}]]", "", section)
                continue
            for key in table:
                if key not in _SECTIONS[section]:
                    reader.problem(
                        f"unknown key {key!r} in [{section}]{_hint(key, _SECTIONS[section])}", section, key, index
                    )


def _table(reader: _Reader, data: dict[str, Any], name: str) -> dict[str, Any]:
    value = data.get(name, {})
    return value if isinstance(value, dict) else {}


def _polling(reader: _Reader, table: dict[str, Any]) -> Polling:
    def get(key: str, convert: Callable[[Any], Any], default: Any = None) -> Any:
        return reader.get(table, "polling", key, convert, getattr(Polling(), key) if default is None else default)

    duration = _positive(parse_duration)
    interval = get("interval", duration)
    # Unset bounds widen to include the default interval, so a config that only
    # sets interval = "1m" (or "1d") stays valid.
    min_interval = get("min_interval", duration, min(Polling().min_interval, interval))
    max_interval = get("max_interval", duration, max(Polling().max_interval, interval))
    backoff_base = get("backoff_base", duration)
    backoff_cap = get("backoff_cap", duration, max(Polling().backoff_cap, backoff_base))
    if min_interval > max_interval:
        reader.problem(
            "[polling].min_interval is longer than max_interval: lower min_interval or raise max_interval",
            "polling",
            "min_interval",
        )
        min_interval = max_interval
    if backoff_base > backoff_cap:
        reader.problem(
            "[polling].backoff_base is longer than backoff_cap: the first retry cannot wait longer than the last",
            "polling",
            "backoff_base",
        )
        backoff_base = backoff_cap
    return Polling(
        interval=interval,
        timeout=get("timeout", duration),
        max_bytes=get("max_bytes", _positive(parse_size)),
        concurrency=get("concurrency", _positive(_integer)),
        jitter=get("jitter", parse_duration),
        min_interval=min_interval,
        max_interval=max_interval,
        backoff_base=backoff_base,
        backoff_cap=backoff_cap,
        per_host=get("per_host", _positive(_integer)),
        health_errors=get("health_errors", _positive(_integer)),
        health_after=get("health_after", duration),
        allow_private=get("allow_private", _boolean),
        full_text=reader.get(table, "polling", "full_text", _mode, "auto"),
        full_text_policy=_politeness(reader, table),
    )


def _politeness(reader: _Reader, table: dict[str, Any]) -> Politeness:
    def get(key: str, convert: Callable[[Any], Any]) -> Any:
        return reader.get(table, "polling", f"full_text_{key}", convert, getattr(Politeness(), key))

    return Politeness(
        budget=get("budget", _positive(_integer)),
        timeout=get("timeout", _positive(parse_duration)),
        extract_timeout=get("extract_timeout", _positive(parse_duration)),
        max_bytes=get("max_bytes", _positive(parse_size)),
        min_words=get("min_words", _positive(_integer)),
    )


def _feed_full_text(reader: _Reader, table: dict[str, Any], index: int) -> FullText | None:
    """The feed's full_text keys, None when it sets none ([polling].full_text applies)."""
    if not any(key in table for key in FULL_TEXT_FEED):
        return None

    def get(key: str, convert: Callable[[Any], Any], default: Any) -> Any:
        return reader.get(table, "feeds", key, convert, default, index)

    return FullText(
        mode=get("full_text", _mode, "auto"),
        selector=get("full_text_selector", _css, None),
        remove=get("full_text_remove", _css, None),
        ignore_robots=get("full_text_ignore_robots", _boolean, False),
    )


def _mode(value: Any) -> str:
    if value not in MODES:
        raise ValueError('expected "auto", "always" or "never"')
    return str(value)


def _css(value: Any) -> str:
    from lxml.cssselect import CSSSelector  # checked by the library that will run it

    text = _string(value)
    try:
        CSSSelector(text)
    except Exception as exc:  # cssselect's SelectorError and ExpressionError
        raise ValueError(f'not a CSS selector ({exc}), e.g. "article .body"') from None
    return text


def _retention(reader: _Reader, table: dict[str, Any], dedup: Dedup) -> Retention:
    entries = reader.get(table, "retention", "entries", parse_duration, Retention().entries)
    if entries and entries < dedup.window:
        reader.problem(
            "[retention].entries is shorter than [dedup].window: a pruned entry could no longer join its story; "
            "keep entries at least as long as the dedup window",
            "retention",
            "entries",
        )
    return Retention(entries)


def _listen(value: Any) -> tuple[str, int]:
    host, sep, port = _string(value).rpartition(":")
    if not sep or not port.isdigit() or not 0 < int(port) < 65536:
        raise ValueError('expected "HOST:PORT", e.g. "127.0.0.1:9465"')
    return host.strip("[]") or "127.0.0.1", int(port)


def _web(reader: _Reader, table: dict[str, Any], base: Path) -> Web:
    def get(key: str, convert: Callable[[Any], Any], default: Any) -> Any:
        return reader.get(table, "web", key, convert, default)

    templates = get("templates", _string, None)
    if templates is not None and not (base / templates).is_dir():
        reader.problem(f"[web].templates: folder {base / templates} does not exist", "web", "templates")
        templates = None
    return Web(
        listen=get("listen", _listen, None),
        token=get("token", _token, None),
        users=get("users", _users, {}),
        read_only=get("read_only", _boolean, False),
        templates=base / templates if templates else None,
    )


def _token(value: Any) -> str:
    token = _string(value)
    if len(token) < 16:
        raise ValueError(
            "a token of at least 16 characters, e.g. from: python3 -c 'import secrets; print(secrets.token_urlsafe())'"
        )
    return token


def _users(value: Any) -> dict[str, str]:
    if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
        raise ValueError('expected a table of name = "scrypt$…" hashes (make one with: monitor web --hash-password)')
    for name, hashed in value.items():
        if not hashed.startswith("scrypt$") or hashed.count("$") != 5:
            # Never echo the value: it may be a password written in the clear by mistake.
            raise ValueError(f"user {name!r}: not a password hash; make one with: monitor web --hash-password")
    return dict(value)


def _web_secrets(data: dict[str, Any]) -> tuple[str, ...]:
    """The console's token is redacted from logs like the notification URLs."""
    web = data.get("web")
    token = web.get("token") if isinstance(web, dict) else None
    return (token,) if isinstance(token, str) and token else ()


def _operator(reader: _Reader, notify: dict[str, Any], targets: dict[str, Target]) -> str:
    name = reader.get(notify, "notify", "operator", _string, "default")
    if name not in targets:
        reader.problem(
            f"[notify].operator names unknown target {name!r}{_hint(name, targets)}: "
            "add [notify.targets.NAME] or use one of " + ", ".join(sorted(targets)),
            "notify",
            "operator",
        )
        return "default"
    return str(name)


def _targets(reader: _Reader, notify: dict[str, Any]) -> dict[str, Target]:
    targets = {"default": Target("default", tuple(reader.get(notify, "notify", "urls", _urls, [])))}
    named = notify.get("targets", {})
    if not isinstance(named, dict):
        reader.problem("[notify].targets must be tables: write [notify.targets.NAME]", "notify", "targets")
        return targets
    for name, table in named.items():
        section = f"notify.targets.{name}"
        if not isinstance(table, dict):
            reader.problem(f'[{section}] must be a table with urls = ["scheme://…"]', section)
            continue
        for key in set(table) - {"urls", "webhook", "chat", *POLICY_KEYS}:
            allowed = ", ".join(("urls", "webhook", "chat", *POLICY_KEYS))
            reader.problem(
                f"unknown key {key!r} in [{section}]{_hint(key, POLICY_KEYS) or f' (allowed: {allowed})'}", section, key
            )
        if name == "default":
            reader.problem('"default" is reserved for [notify].urls: pick another target name', section)
            continue
        hook, chat = _webhook(reader, table, section), _chat(reader, table, section)
        targets[name] = Target(name, tuple(reader.get(table, section, "urls", _urls, [])), hook, chat)
    return targets


def _webhook(reader: _Reader, table: dict[str, Any], section: str) -> Webhook | None:
    """``webhook = { url = …, secret_env = … }``: a signed webhook target (outbox/webhook.py)."""
    from monitor.outbox.webhook import parse_spec

    line = reader.line_of(section, "webhook")
    base = reader.path.resolve().parent
    return reader.get(table, section, "webhook", lambda v: parse_spec(v, base, line), None)


def _chat(reader: _Reader, table: dict[str, Any], section: str) -> Chat | None:
    """``chat = { service = "slack", url = … }``: a chat service in its own format (outbox/chat.py)."""
    from monitor.outbox.chat import parse_spec

    line = reader.line_of(section, "chat")
    base = reader.path.resolve().parent
    return reader.get(table, section, "chat", lambda v: parse_spec(v, base, line), None)


def _notify_settings(reader: _Reader, notify: dict[str, Any], base: Path) -> NotifySettings:
    """[notify]'s delivery keys: the defaults, then each named target's own policy over them."""
    default = _policy(reader, notify, "notify", TargetPolicy())
    policies = {"default": default}
    named = notify.get("targets", {})
    for name, table in named.items() if isinstance(named, dict) else ():
        if isinstance(table, dict):
            policies[name] = _policy(reader, table, f"notify.targets.{name}", default)
    templates = reader.get(notify, "notify", "templates", _string, None)
    if templates is not None and not (base / templates).is_dir():
        reader.problem(f"[notify].templates: folder {base / templates} does not exist", "notify", "templates")
        templates = None
    return NotifySettings(
        policies=policies,
        throttle=reader.get(notify, "notify", "throttle", parse_duration, 0.0),
        templates=base / templates if templates else None,
        rule_burst=reader.get(notify, "notify", "rule_burst", Burst.parse, None),
    )


def _cron(expression: str, tz: ZoneInfo) -> str:
    """A valid crontab expression, checked by the scheduler that will run it (imported only when a config sets one)."""
    from monitor.outbox.digests import digest_schedule

    digest_schedule(expression, tz)
    return expression


def _policy(reader: _Reader, table: dict[str, Any], section: str, inherited: TargetPolicy) -> TargetPolicy:
    def get(key: str, convert: Callable[[Any], Any]) -> Any:
        return reader.get(table, section, key, convert, getattr(inherited, key))

    timezone = get("timezone", lambda v: zone(_string(v)).key)
    tz = zone(timezone)
    digest = get("digest", lambda v: _cron(_string(v), tz))
    quiet = inherited.quiet
    if "quiet" in table:
        quiet = reader.get(table, section, "quiet", lambda v: QuietHours.parse(_string(v), tz), None)
    elif quiet is not None and "timezone" in table:
        quiet = QuietHours(quiet.start, quiet.end, tz)  # the inherited window, in this target's zone
    return TargetPolicy(
        digest=digest,
        timezone=timezone,
        quiet=quiet,
        burst=get("burst", Burst.parse),
        max_attempts=get("max_attempts", _positive(_integer)),
        max_age=get("max_age", _positive(parse_duration)),
    )


def _feeds(reader: _Reader, items: Any, default_interval: float) -> tuple[Feed, ...]:
    if not isinstance(items, list):
        return ()
    feeds: dict[str, Feed] = {}
    for index, table in enumerate(items):
        if not isinstance(table, dict):
            continue
        url = table.get("url")
        parts = urlsplit(url) if isinstance(url, str) else None
        if not isinstance(url, str) or parts is None or parts.scheme not in ("http", "https") or not parts.hostname:
            reader.problem('every [[feeds]] needs url = "http(s)://…"', "feeds", "url" if url else "", index)
            continue
        if url in feeds:
            reader.problem(f"feed {url} is listed twice: remove one [[feeds]] entry", "feeds", "url", index)
            continue
        name = reader.get(table, "feeds", "name", _string, parts.hostname, index)
        interval = reader.get(table, "feeds", "interval", _positive(parse_duration), default_interval, index)
        full_text = _feed_full_text(reader, table, index)
        feeds[url] = Feed(url=url, name=name, interval=interval, adaptive="interval" not in table, full_text=full_text)
    return tuple(feeds.values())


def _string(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError("expected a non-empty string")
    return value


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ValueError('expected a list of strings, e.g. ["rules"]')
    return list(value)


def _urls(value: Any) -> list[str]:
    urls = _strings(value)
    for url in urls:
        if "://" not in url:
            # Never echo the value: apprise URLs carry tokens and passwords.
            raise ValueError("every apprise URL looks like scheme://…, e.g. mailto:// or json://")
    return urls


def _integer(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError("expected a whole number")
    return value


def _boolean(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError("expected true or false")
    return value


def _level(value: Any) -> str:
    level = str(value).upper()
    if level not in ("DEBUG", "INFO", "WARNING", "ERROR"):
        raise ValueError('expected one of "debug", "info", "warning", "error"')
    return level


def _positive(convert: Callable[[Any], Any]) -> Callable[[Any], Any]:
    def checked(value: Any) -> Any:
        result = convert(value)
        if result <= 0:
            raise ValueError("must be greater than zero")
        return result

    return checked
