"""What every page shares: the Console it reads, rendering, times in words, form helpers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from flask import current_app, flash, redirect, render_template, request
from werkzeug.wrappers import Response

from monitor.durations import format_duration, parse_duration
from monitor.store import Store

if TYPE_CHECKING:
    from monitor.config import Config
    from monitor.runtime import Runtime

PAGE = 50  # rows per page of the inbox and search


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Console:
    """What the pages read. ``runtime`` gives the snapshot in force (the daemon's, after its
    reloads); ``reload`` asks for a reload like SIGHUP and says in words what will happen."""

    config: Config
    store: Store
    runtime: Callable[[], Runtime]
    reload: Callable[[], str]
    clock: Callable[[], datetime] = utc_now


def console() -> Console:
    found: Console = current_app.extensions["monitor"]
    return found


def render(template: str, **values: Any) -> str:
    return render_template(template, read_only=console().config.web.read_only, **values)


def back(default: str = "/") -> Response:
    """Redirect to the form's ``next`` (a path on this site only), else ``default``."""
    target = request.form.get("next", "")
    return redirect(target if is_local(target) else default, 303)


def is_local(path: str) -> bool:
    """A path on this site: "/x", never "//host/x" or "/\\host" (browsers read those as other sites)."""
    return path.startswith("/") and not path.startswith(("//", "/\\"))


def done(message: str, default: str = "/") -> Response:
    flash(message)
    return back(default)


def ago(moment: str | datetime | None, now: datetime) -> str:
    """ "3 min ago", "in 2 h", or "never"."""
    if not moment:
        return "never"
    when = datetime.fromisoformat(moment) if isinstance(moment, str) else moment
    seconds = (now - when).total_seconds()
    if abs(seconds) < 60:
        return "just now"
    return f"{format_duration(seconds)} ago" if seconds > 0 else f"in {format_duration(-seconds)}"


def since_param(value: str, now: datetime) -> datetime | None:
    """A filter's time: a duration back from now ("24h", "7d") or a date ("2026-11-30")."""
    value = value.strip()
    if not value:
        return None
    try:
        return now - timedelta(seconds=parse_duration(value))
    except ValueError:
        pass
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        flash(f"{value!r} is neither a duration (24h, 7d) nor a date (2026-11-30): ignored")
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def int_param(name: str) -> int | None:
    value = request.values.get(name, "")
    return int(value) if value.isdigit() else None
