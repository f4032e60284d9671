"""``monitor alerts``: look into the outbox and send alerts again.

These commands read and write the database beside a running daemon (SQLite in
WAL mode lets them); they never send anything themselves: a retried alert goes
out on the daemon's next delivery pass (within 30 s) or the next ``run --once``.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import click

from monitor.cli.base import opened

_store = opened  # the CLI's config and logging, once per invocation


@click.group()
def alerts() -> None:
    """List, show and retry alerts in the outbox."""


@alerts.command("list")
@click.option("--pending", "which", flag_value="pending", help="Alerts not yet delivered (held ones too).")
@click.option("--failed", "which", flag_value="failed", help="Pending alerts that failed at least once.")
@click.option("--dead", "which", flag_value="dead", help="Alerts given up on after max_attempts or max_age.")
@click.pass_context
def list_alerts(ctx: click.Context, which: str | None) -> None:
    """One line per alert: id, status, attempts, target, rule, story title (newest last)."""
    with _store(ctx) as store:
        rows = store.alert_list(which)
    for row in rows:
        click.echo(
            f"{row['id']:>6}  {_status(row):<22} {row['attempts']:>3}  {row['target']:<12} "
            f"{row['rule'][:30]:<30}  {row['title'] or '(untitled)'}"
        )
    click.echo(f"{len(rows)} alerts", err=True)


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
        recorded = store.add_feedback(alert_id, verdict, note, datetime.now(UTC))
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
