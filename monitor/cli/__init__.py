"""The command line: a thin layer over the library.

Every project error becomes one line per problem on stderr and a non-zero exit
(2 for config and rule problems); tracebacks are for bugs only. One module per
command group; ``base`` holds what they share.
"""

from __future__ import annotations

from monitor.cli import alerts, feeds, rules, run, stats, stories, web
from monitor.cli.base import cli

for command in (
    run.check,
    run.run,
    run.demo,
    stories.stories,
    alerts.alerts,
    feeds.feeds,
    stats.stats,
    rules.rules,
    web.web,
):
    cli.add_command(command)


def main() -> None:
    cli(prog_name="monitor")


__all__ = ["cli", "main"]
