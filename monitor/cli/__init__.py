"""The command line: a thin layer over the library.

Every project error becomes one line per problem on stderr and a non-zero exit
(2 for config and rule problems); tracebacks are for bugs only. One module per
command group; ``base`` holds what they share.

A command's module is imported when that command runs (or ``--help`` lists them all):
``run --once`` every few minutes from cron should not pay for the console's Flask, the
tables' rich or the OPML reader.
"""

from __future__ import annotations

import sys

# httpx imports its own command line (rich, pygments, click: ~0.1 CPU-s) whenever those are
# installed, as they are for our tables; the monitor never runs it. A module marked absent is
# one httpx's import skips (it then defines a stub ``httpx.main``).
if "httpx" not in sys.modules:
    sys.modules.setdefault("httpx._main", None)  # type: ignore[arg-type]

from monitor.cli.base import cli

COMMANDS = {
    "check": "monitor.cli.run:check",
    "run": "monitor.cli.run:run",
    "demo": "monitor.cli.run:demo",
    "stories": "monitor.cli.stories:stories",
    "alerts": "monitor.cli.alerts:alerts",
    "feeds": "monitor.cli.feeds:feeds",
    "stats": "monitor.cli.stats:stats",
    "rules": "monitor.cli.rules:rules",
    "web": "monitor.cli.web:web",
}
cli.lazy.update(COMMANDS)


def main() -> None:
    cli(prog_name="monitor")


__all__ = ["cli", "main"]
