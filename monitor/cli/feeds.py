"""`monitor feeds ...`: list feeds with their health, add, import and export OPML, enable, remove.

Config feeds are listed in the config file and change only there; command feeds
are added here, live in the database (``feeds.source = 'command'``) and survive
restarts. Both are polled alike; when a URL is in both, the config's entry wins.
A running daemon picks up changes on SIGHUP (``systemctl reload monitor``).
"""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import click
from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from monitor.cli.base import console, load, opened
from monitor.durations import format_duration, parse_duration
from monitor.errors import ConfigError, MonitorError, ParseError, Problem
from monitor.ingest import opml
from monitor.store import feed_status, from_iso
from monitor.urls import redact

RELOAD_HINT = "a running daemon polls it after a reload (systemctl reload monitor, or SIGHUP)"


@click.group()
def feeds() -> None:
    """List and manage feeds: config feeds and feeds added by command."""


@feeds.command("list")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per feed, for scripts.")
@click.pass_context
def list_feeds(ctx: click.Context, as_json: bool) -> None:
    """A table: state, last success, error streak and last error, next poll, entries per day."""
    now = utc_now()
    with opened(ctx) as store:
        rows, rates, articles = store.feeds(), store.entry_rates(now), store.article_health()
    listed = {f.url for f in load(ctx).feeds}
    if as_json:
        records = [_record(row, listed, rates) | {"articles": articles.get(row["url"], {})} for row in rows]
        click.echo(json.dumps(records, indent=1, ensure_ascii=False))
        return
    table = Table(box=None, pad_edge=False)
    columns = (
        "feed",
        "source",
        "status",
        "last success",
        "errors",
        "next poll",
        "entries/day",
        "articles",
        "url",
        "last error",
    )
    for column in columns:
        table.add_column(column, justify="right" if column in ("errors", "entries/day") else "left")
    for row in rows:
        table.add_row(
            row["name"] or "",
            row["source"],
            feed_status(row, listed),
            _ago(from_iso(row["last_success"]), now),
            str(row["error_count"] or 0),
            _next(row, now),
            f"{rates.get(row['url'], 0.0):.1f}",
            _articles(articles.get(row["url"], {})),
            redact(row["fetch_url"] or row["url"]) + (" (moved)" if row["fetch_url"] else ""),
            redact(row["last_error"]) if row["error_count"] and row["last_error"] else "",
        )
    console().print(table)


def _articles(counts: dict[str, int]) -> str:
    """Full-text health (issue 16): "3 fetched, 1 blocked"; "" for a feed whose articles were never fetched."""
    labels = {"fetched": "fetched", "failed": "failed", "blocked": "blocked by robots.txt", "budget": "over budget"}
    return ", ".join(f"{counts[status]} {label}" for status, label in labels.items() if counts.get(status))


def _record(row: dict[str, Any], listed: set[str], rates: dict[str, float]) -> dict[str, Any]:
    """A feed as `feeds list --json` gives it: times in ISO 8601 UTC, null when unknown."""
    return {
        "name": row["name"],
        "url": redact(row["url"]),
        "fetch_url": row["fetch_url"] and redact(row["fetch_url"]),
        "source": row["source"],
        "folder": row["folder"],
        "state": "not in config" if row["source"] == "config" and row["url"] not in listed else row["state"],
        "last_success": row["last_success"],
        "errors": row["error_count"] or 0,
        "last_error": redact(row["last_error"]) if row["error_count"] and row["last_error"] else None,
        "next_poll": None if row["state"] == "gone" else row["next_poll"],
        "interval": row["interval"],
        "entries_per_day": round(rates.get(row["url"], 0.0), 2),
    }


@feeds.command("add")
@click.argument("url")
@click.option("--name", default=None, help="Display name (default: the host name).")
@click.option("--interval", default=None, help='Pin the interval, e.g. "10m" (default: adaptive).')
@click.pass_context
def add(ctx: click.Context, url: str, name: str | None, interval: str | None) -> None:
    """Add a feed by URL (kept in the database, beside the config's feeds)."""
    config = load(ctx)
    host = _check_url(url)
    seconds = None
    if interval is not None:
        try:
            seconds = parse_duration(interval)
        except ValueError as exc:
            raise ConfigError(Problem("--interval", None, str(exc))) from exc
    if url in {f.url for f in config.feeds}:
        click.echo(f"{url} is already in {config.path}: nothing to add")
        return
    with opened(ctx) as store:
        added = store.add_feeds([(url, name or host, seconds)], utc_now())
    click.echo(f"added {url}; {RELOAD_HINT}" if added else f"{url} is already a feed: nothing to add")


@feeds.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.pass_context
def import_opml(ctx: click.Context, file: Path) -> None:
    """Add every feed of an OPML file (from another reader) as command feeds, keeping its folders.

    Outlines that cannot be polled (not http or https, no address, listed twice) are listed with why."""
    try:
        found = opml.read(file.read_bytes())
    except ParseError as exc:
        raise MonitorError(f"{file}: {exc}") from exc
    listed = {f.url for f in load(ctx).feeds}
    added: list[str] = []
    with opened(ctx) as store, Progress(console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task(f"importing {file.name}", total=len(found.feeds))
        for outline in found.feeds:
            if outline.url not in listed:
                added += store.add_feeds([(outline.url, outline.title, None)], utc_now(), outline.folder)
            progress.advance(task)
    for skip in found.skipped:
        click.echo(f"{file}: skipped {skip.title!r} <{redact(skip.url)}>: {skip.why}")
    known = len(found.feeds) - len(added)
    click.echo(
        f"{file}: {len(found.feeds)} feeds, {len(added)} added, {known} already known, {len(found.skipped)} skipped"
    )
    if added:
        click.echo(RELOAD_HINT)


@feeds.command("export")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None, help="Default: stdout.")
@click.pass_context
def export(ctx: click.Context, output: Path | None) -> None:
    """Write every feed (config and command) as OPML 2.0, command feeds in their folders."""
    with opened(ctx) as store:
        command = store.command_feeds()
    config = load(ctx)
    outlines = [opml.Outline(f.url, f.name) for f in config.feeds]
    listed = {f.url for f in config.feeds}
    outlines += [
        opml.Outline(r["url"], r["name"] or r["url"], r["folder"] or "") for r in command if r["url"] not in listed
    ]
    document = opml.write(outlines)
    if output:
        output.write_bytes(document)
        click.echo(f"wrote {len(outlines)} feeds to {output}")
    else:
        sys.stdout.buffer.write(document)


@feeds.command("enable")
@click.argument("url")
@click.pass_context
def enable(ctx: click.Context, url: str) -> None:
    """Poll a feed again after it answered 410 Gone (resets its status)."""
    with opened(ctx) as store:
        if store.feed_state(url).status != "gone":
            raise MonitorError(f"{url} is not a disabled feed: see `monitor feeds list`")
        store.update_feed(url, status="ok", next_poll=None, health_notice=None)
    click.echo(f"enabled {url}; {RELOAD_HINT}")


@feeds.command("remove")
@click.argument("url")
@click.pass_context
def remove(ctx: click.Context, url: str) -> None:
    """Stop polling a command feed (its entries stay).

    A config feed is refused: it is polled while it is listed in the config; delete its [[feeds]]
    entry there and reload."""
    config = load(ctx)
    if url in {f.url for f in config.feeds}:
        raise MonitorError(f"{url} is a config feed: remove its [[feeds]] entry from {config.path}")
    with opened(ctx) as store:
        if not store.remove_feed(url):
            raise MonitorError(f"{url} is not a command feed: see `monitor feeds list`")
    click.echo(f"removed {url}; {RELOAD_HINT}")


def utc_now() -> datetime:
    return datetime.now(UTC)


def _check_url(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise MonitorError(f"{url!r} is not a feed URL: write http(s)://host/path")
    return parts.hostname


def _ago(moment: datetime | None, now: datetime) -> str:
    return f"{format_duration(max(0.0, (now - moment).total_seconds()))} ago" if moment else "never"


def _next(row: dict[str, Any], now: datetime) -> str:
    if row["status"] == "gone":
        return "-"
    moment = from_iso(row["next_poll"])
    if moment is None or moment <= now:
        return "due"
    return f"in {format_duration((moment - now).total_seconds())}"
