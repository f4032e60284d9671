"""The command line: a thin layer over the library.

Every project error becomes one line per problem on stderr and a non-zero exit
(2 for config and rule problems); tracebacks are for bugs only. One module per
command group; ``base`` holds what they share.

A command's module is imported when that command runs (or ``--help`` lists them all):
``run --once`` every few minutes from cron should not pay for the console's Flask, the
tables' rich or the OPML reader.
"""

from __future__ import annotations

import gc
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
    """The process's entry point (``monitor``, ``python -m monitor``): one command, then the process ends."""
    try:
        cli(prog_name="monitor")  # exits: SystemExit passes through here
    finally:
        # Python's last collections at exit walk every object left (after a cycle with news: the dedup
        # modules' tables, numpy's, the rules' automaton): ~0.1 CPU-s, a tenth of such a `run --once`.
        # Frozen objects are left to the exit; atexit handlers (logging's flush) and module cleanup still run.
        gc.freeze()


__all__ = ["cli", "main"]
