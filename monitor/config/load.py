"""``load_config``: read the TOML, check every section and key, build the ``Config`` or list every problem."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from monitor.config.model import FULL_TEXT_FEED, SECTIONS, Alerts, Config, Dedup, Http, Polling, Retention, Web
from monitor.config.notify import parse_operator, parse_settings, parse_targets
from monitor.config.values import (
    Reader,
    boolean,
    css,
    integer,
    level,
    listen,
    mode,
    positive,
    string,
    strings,
    token,
    toml_words,
    users,
)
from monitor.durations import parse_duration, parse_size
from monitor.errors import ConfigError, Problem
from monitor.errors import did_you_mean as _hint  # the one "did you mean"
from monitor.ingest.fulltext import Politeness
from monitor.models import Feed, FullText


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
        raise ConfigError(Problem(str(path), int(line.group(1)) if line else None, toml_words(exc))) from exc
    except RecursionError as exc:  # tomllib recurses once per nesting level of arrays and tables
        raise ConfigError(Problem(str(path), None, "invalid TOML: nested too deeply")) from exc
    return _build(path, text, data)


def _build(path: Path, text: str, data: dict[str, Any]) -> Config:
    reader = Reader(path, text)
    base = path.resolve().parent
    _check_keys(reader, data)
    storage = _table(reader, data, "storage")
    rules = _table(reader, data, "rules")
    notify = _table(reader, data, "notify")
    polling = _polling(reader, _table(reader, data, "polling"))
    targets = parse_targets(reader, notify)
    settings = parse_settings(reader, notify, base)
    dedup = Dedup(window=reader.get(_table(reader, data, "dedup"), "dedup", "window", parse_duration, Dedup().window))
    retention = _retention(reader, _table(reader, data, "retention"), dedup)
    config = Config(
        path=path,
        storage_path=base / reader.get(storage, "storage", "path", string, "monitor.db"),
        rule_paths=tuple(base / p for p in reader.get(rules, "rules", "paths", strings, ["rules"])),
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
        http=Http(reader.get(_table(reader, data, "http"), "http", "listen", listen, None)),
        web=_web(reader, _table(reader, data, "web"), base),
        operator=parse_operator(reader, notify, targets),
        log_level=reader.get(_table(reader, data, "log"), "log", "level", level, "INFO"),
        secrets=tuple(url for target in targets.values() for url in target.urls)
        + tuple(t.webhook.url for t in targets.values() if t.webhook)
        + tuple(t.chat.url for t in targets.values() if t.chat and t.chat.service not in ("telegram", "matrix"))
        + _web_secrets(data),
    )
    if reader.problems:
        raise ConfigError(reader.problems)
    return config


def _check_keys(reader: Reader, data: dict[str, Any]) -> None:
    for section, value in data.items():
        if section not in SECTIONS:
            reader.problem(f"unknown section [{section}]{_hint(section, SECTIONS)}", section)
            continue
        tables = value if isinstance(value, list) else [value]
        for index, table in enumerate(tables):
            if not isinstance(table, dict):
                reader.problem(f"{section} must be a table: write [{section}] or [[{section}]]", "", section)
                continue
            for key in table:
                if key not in SECTIONS[section]:
                    reader.problem(
                        f"unknown key {key!r} in [{section}]{_hint(key, SECTIONS[section])}", section, key, index
                    )


def _table(reader: Reader, data: dict[str, Any], name: str) -> dict[str, Any]:
    value = data.get(name, {})
    return value if isinstance(value, dict) else {}


def _polling(reader: Reader, table: dict[str, Any]) -> Polling:
    def get(key: str, convert: Callable[[Any], Any], default: Any = None) -> Any:
        return reader.get(table, "polling", key, convert, getattr(Polling(), key) if default is None else default)

    duration = positive(parse_duration)
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
        max_bytes=get("max_bytes", positive(parse_size)),
        concurrency=get("concurrency", positive(integer)),
        jitter=get("jitter", parse_duration),
        min_interval=min_interval,
        max_interval=max_interval,
        backoff_base=backoff_base,
        backoff_cap=backoff_cap,
        per_host=get("per_host", positive(integer)),
        health_errors=get("health_errors", positive(integer)),
        health_after=get("health_after", duration),
        allow_private=get("allow_private", boolean),
        full_text=reader.get(table, "polling", "full_text", mode, "auto"),
        full_text_policy=_politeness(reader, table),
    )


def _politeness(reader: Reader, table: dict[str, Any]) -> Politeness:
    def get(key: str, convert: Callable[[Any], Any]) -> Any:
        return reader.get(table, "polling", f"full_text_{key}", convert, getattr(Politeness(), key))

    return Politeness(
        budget=get("budget", positive(integer)),
        timeout=get("timeout", positive(parse_duration)),
        extract_timeout=get("extract_timeout", positive(parse_duration)),
        max_bytes=get("max_bytes", positive(parse_size)),
        min_words=get("min_words", positive(integer)),
    )


def _feed_full_text(reader: Reader, table: dict[str, Any], index: int) -> FullText | None:
    """The feed's full_text keys, None when it sets none ([polling].full_text applies)."""
    if not any(key in table for key in FULL_TEXT_FEED):
        return None

    def get(key: str, convert: Callable[[Any], Any], default: Any) -> Any:
        return reader.get(table, "feeds", key, convert, default, index)

    return FullText(
        mode=get("full_text", mode, "auto"),
        selector=get("full_text_selector", css, None),
        remove=get("full_text_remove", css, None),
        ignore_robots=get("full_text_ignore_robots", boolean, False),
    )


def _retention(reader: Reader, table: dict[str, Any], dedup: Dedup) -> Retention:
    entries = reader.get(table, "retention", "entries", parse_duration, Retention().entries)
    if entries and entries < dedup.window:
        reader.problem(
            "[retention].entries is shorter than [dedup].window: a pruned entry could no longer join its story; "
            "keep entries at least as long as the dedup window",
            "retention",
            "entries",
        )
    return Retention(entries)


def _web(reader: Reader, table: dict[str, Any], base: Path) -> Web:
    def get(key: str, convert: Callable[[Any], Any], default: Any) -> Any:
        return reader.get(table, "web", key, convert, default)

    templates = get("templates", string, None)
    if templates is not None and not (base / templates).is_dir():
        reader.problem(f"[web].templates: folder {base / templates} does not exist", "web", "templates")
        templates = None
    return Web(
        listen=get("listen", listen, None),
        token=get("token", token, None),
        users=get("users", users, {}),
        read_only=get("read_only", boolean, False),
        templates=base / templates if templates else None,
    )


def _web_secrets(data: dict[str, Any]) -> tuple[str, ...]:
    """The console's token is redacted from logs like the notification URLs."""
    web = data.get("web")
    token = web.get("token") if isinstance(web, dict) else None
    return (token,) if isinstance(token, str) and token else ()


def _feeds(reader: Reader, items: Any, default_interval: float) -> tuple[Feed, ...]:
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
        name = reader.get(table, "feeds", "name", string, parts.hostname, index)
        interval = reader.get(table, "feeds", "interval", positive(parse_duration), default_interval, index)
        full_text = _feed_full_text(reader, table, index)
        feeds[url] = Feed(url=url, name=name, interval=interval, adaptive="interval" not in table, full_text=full_text)
    return tuple(feeds.values())
