"""``monitor alerts``: look into the outbox and send alerts again.

These commands read and write the database beside a running daemon (SQLite in
WAL mode lets them); they never send anything themselves: a retried alert goes
out on the daemon's next delivery pass (within 30 s) or the next ``run --once``.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import click
from rich.table import Table

from monitor.cli.base import console, opened
from monitor.durations import parse_duration
from monitor.errors import MonitorError, did_you_mean
from monitor.store import from_iso, iso

_store = opened  # the CLI's config and logging, once per invocation
STATES = ("pending", "held", "failing", "sent", "dead")  # what the status column shows, first word


@click.group()
def alerts() -> None:
    """List, show and retry alerts in the outbox."""


@alerts.command("list")
@click.option("--pending", "which", flag_value="pending", help="Alerts not yet delivered (held ones too).")
@click.option("--failed", "which", flag_value="failed", help="Pending alerts that failed at least once.")
@click.option("--dead", "which", flag_value="dead", help="Alerts given up on after max_attempts or max_age.")
@click.option(
    "--state",
    type=click.Choice(STATES),
    default=None,
    help="Only alerts in this state (pending includes the held and failing ones).",
)
@click.option("--rule", default=None, help="Only this rule's alerts (its name, any case).")
@click.option("--feed", default=None, help="Only alerts of entries from this feed (its name or URL).")
@click.option("--since", default=None, help='Only alerts queued within this long, e.g. "2h", "3d".')
@click.option("--json", "as_json", is_flag=True, help="One JSON object per alert, for scripts.")
@click.pass_context
def list_alerts(
    ctx: click.Context,
    which: str | None,
    state: str | None,
    rule: str | None,
    feed: str | None,
    since: str | None,
    as_json: bool,
) -> None:
    """A table, newest last: id, time queued, state, attempts, target, story id, rule, story title."""
    with _store(ctx) as store:
        rows = store.alert_list(which)
    rows = _filtered(rows, state, rule, feed, _since(since))
    if as_json:
        click.echo(json.dumps([_record(row) for row in rows], indent=1, ensure_ascii=False))
        return
    table = Table(box=None, pad_edge=False)
    for column in ("id", "queued (UTC)", "status", "tries", "target", "story", "rule", "title"):
        table.add_column(column, justify="right" if column in ("id", "tries", "story") else "left")
    for row in rows:
        table.add_row(
            str(row["id"]),
            _minute(row["created"]),
            _status(row),
            str(row["attempts"]),
            row["target"],
            str(row["story_id"]),
            row["rule"],
            row["title"] or "(untitled)",
        )
    console().print(table)
    click.echo(f"{len(rows)} alerts", err=True)


def _filtered(
    rows: list[dict[str, Any]], state: str | None, rule: str | None, feed: str | None, since: str | None
) -> list[dict[str, Any]]:
    if rule is not None:
        names = {row["rule"] for row in rows}
        if rule.casefold() not in {n.casefold() for n in names}:
            raise MonitorError(f"no alerts of rule {rule!r}{did_you_mean(rule, names)}")
    return [
        row
        for row in rows
        if (state is None or _in_state(row, state))
        and (rule is None or row["rule"].casefold() == rule.casefold())
        and (feed is None or feed in (row["feed_url"], row["outlet"]))
        and (since is None or row["created"] >= since)
    ]


def _in_state(row: dict[str, Any], state: str) -> bool:
    """pending, sent, dead: the stored status; held and failing: kinds of pending, as the status column shows."""
    return row["status"] == state if state in ("pending", "sent", "dead") else _status(row).startswith(state)


def _since(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return iso(datetime.now(UTC) - timedelta(seconds=parse_duration(value)))
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--since") from exc


def _minute(moment: str | None) -> str:
    when = from_iso(moment)
    return f"{when:%Y-%m-%d %H:%M}" if when else "-"


def _record(row: dict[str, Any]) -> dict[str, Any]:
    """An alert as `alerts list --json` gives it: times in ISO 8601 UTC."""
    return {
        "id": row["id"],
        "created": row["created"],
        "state": _status(row),
        "attempts": row["attempts"],
        "target": row["target"],
        "rule": row["rule"],
        "kind": row.get("kind") or "story",
        "story": row["story_id"],
        "entry": row["entry_id"],
        "title": row["title"],
        "feed": row["outlet"],
        "feed_url": row["feed_url"],
        "sent_at": row["sent_at"],
        "last_error": row["last_error"],
    }


@alerts.command("show")
@click.argument("alert_id", type=int)
@click.pass_context
def show(ctx: click.Context, alert_id: int) -> None:
    """Every recorded field of one alert, with its story's title and link."""
    with _store(ctx) as store:
        row = store.alert(alert_id)
        if row is None:
            raise click.ClickException(f"no alert {alert_id}: see monitor alerts list")
        entry = store.entry(row["entry_id"])
        outlets = store.story_outlets(row["story_id"])
    fields: dict[str, Any] = {
        "alert": row["id"],
        "status": _status(row),
        "rule": row["rule"],
        "kind": _kind(row),
        "target": f"{row['target']} ({row['url_label']})",
        "story": f"{row['story_id']}: {entry.title}",
        "link": entry.link,
        "outlets": ", ".join(outlets),
        "matched": ", ".join(json.loads(row["matched"] or "[]")),
        "created": row["created"],
        "attempts": row["attempts"],
        "next attempt": row["next_attempt"],
        "held until": row["hold_until"] and f"{row['hold_until']} ({row['hold_reason']})",
        "digest batch": row["batch"],
        "in flight since": row["in_flight"],
        "sent at": row["sent_at"],
        "last error": row["last_error"],
    }
    for name, value in fields.items():
        if value not in (None, ""):
            click.echo(f"{name + ':':<17}{value}")


@alerts.command("retry")
@click.argument("alert_ids", type=int, nargs=-1)
@click.option("--all", "every", is_flag=True, help="Every pending and dead alert.")
@click.pass_context
def retry(ctx: click.Context, alert_ids: tuple[int, ...], every: bool) -> None:
    """Make alerts due now; a dead alert gets a fresh attempt count and age."""
    if bool(alert_ids) == every:
        raise click.UsageError("give alert IDs or --all")
    with _store(ctx) as store:
        count = store.retry(None if every else alert_ids, datetime.now(UTC))
    click.echo(f"{count} alerts due now: the daemon sends them within 30 s, or run: monitor run --once")


@alerts.command("feedback")
@click.argument("alert_id", type=int, required=False)
@click.argument("verdict", type=click.Choice(["relevant", "irrelevant"]), required=False)
@click.option("--note", default="", help="Why: kept with the verdict, shown by --list and rules test.")
@click.option("--list", "listing", is_flag=True, help="List the verdicts given, per rule.")
@click.option("--rule", default=None, help="With --list: only this rule's verdicts.")
@click.pass_context
def feedback(
    ctx: click.Context, alert_id: int | None, verdict: str | None, note: str, listing: bool, rule: str | None
) -> None:
    """Mark an alert relevant or irrelevant (ID VERDICT), or --list the verdicts per rule.

    `monitor rules test` then reports each rule's precision on its verdicts, `monitor check`
    warns when a rule still matches an entry marked irrelevant, and `monitor rules suggest RULE`
    proposes a change that removes the irrelevant ones.
    """
    if listing:
        with _store(ctx) as store:
            given = store.feedback(rule)
        for rule_name in dict.fromkeys(f.rule for f in given):
            mine = [f for f in given if f.rule == rule_name]
            relevant = sum(f.verdict == "relevant" for f in mine)
            click.echo(f"{rule_name}: {relevant} relevant, {len(mine) - relevant} irrelevant")
            for f in mine:
                click.echo(f"  alert {f.alert_id:>6}  entry {f.entry_id:>6}  {f.verdict:<10}  {f.note}")
        return
    if alert_id is None or verdict is None:
        raise click.UsageError("give ALERT_ID and relevant|irrelevant, or --list")
    with _store(ctx) as store:
        try:
            recorded = store.add_feedback(alert_id, verdict, note, datetime.now(UTC))
        except ValueError as refused:  # a notice: nothing a rule matched to judge
            raise click.ClickException(str(refused)) from None
    if recorded is None:
        raise click.ClickException(f"no alert {alert_id}: see monitor alerts list")
    click.echo(f"alert {alert_id} ({recorded.rule}): {verdict}; see monitor rules test for the rule's precision")


def _kind(row: dict[str, Any]) -> str:
    """story, event, escalation, or update with what changed (the title before, if it changed)."""
    kind = str(row.get("kind") or "story")
    detail = json.loads(row.get("detail") or "{}")
    if kind == "update" and detail:
        return f"update ({detail.get('change', '')}; title before: {detail.get('previous_title', '')})"
    return kind


def _status(row: dict[str, Any]) -> str:
    if row["status"] == "pending" and row["hold_reason"] and row["batch"] is None:
        return f"held ({row['hold_reason']})"
    if row["status"] == "pending" and row["attempts"]:
        return "failing"
    return str(row["status"])
