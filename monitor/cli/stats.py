"""`monitor stats`: what the database holds: entries, stories, alerts by rule and state, feed health."""

from __future__ import annotations

import click
from rich.table import Table

from monitor.cli.base import console, opened
from monitor.store import FEED_STATES


@click.command()
@click.pass_context
def stats(ctx: click.Context) -> None:
    """Entries, stories, alerts by rule and state, feeds healthy/failing."""
    with opened(ctx) as store:
        counts = store.stats()
    out = console()
    feeds = counts["feeds"]
    out.print(
        f"entries: {counts['entries']}  stories: {counts['stories']}  pruned (tombstones): {counts['tombstones']}"
    )
    out.print("feeds: " + "  ".join(f"{state}: {feeds.get(state, 0)}" for state in FEED_STATES))
    states = sorted({row["status"] for row in counts["alerts"]})
    table = Table("rule", *states, box=None, pad_edge=False, title="alerts", title_justify="left")
    by_rule: dict[str, dict[str, int]] = {}
    for row in counts["alerts"]:
        by_rule.setdefault(row["rule"], {})[row["status"]] = row["n"]
    for rule, row in sorted(by_rule.items()):
        table.add_row(rule, *(str(row.get(state, 0)) for state in states))
    out.print(table if by_rule else "alerts: none yet")
