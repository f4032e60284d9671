"""`monitor check`, `monitor run [--once|--dry-run]` and `monitor demo`."""

from __future__ import annotations

import contextlib
import ctypes
import logging
import sqlite3
import sys
import tempfile
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import click

from monitor.cli.base import load
from monitor.daemon import PRUNE_EVERY
from monitor.durations import plural

if TYPE_CHECKING:
    from monitor.config import Config
    from monitor.pipeline import Pipeline

log = logging.getLogger("monitor")


@click.command()
@click.pass_context
def check(ctx: click.Context) -> None:
    """Validate the config and every rule; exit 2 listing each problem as PATH:LINE."""
    from monitor import runtime  # apprise takes a second to import: only commands that notify pay for it

    config = load(ctx)
    names = runtime.check(config)
    click.echo(
        f"{config.path}: OK: {len(config.feeds)} feeds, {len(names)} rules "
        f"(from {', '.join(str(p) for p in config.rule_paths)}), "
        f"{sum(len(t.urls) for t in config.targets.values())} notification URLs"
    )
    if warning := runtime.exposure(config):
        click.echo(warning, err=True)
    from monitor.cli.rules import feedback_warnings  # the analyst's verdicts, as golden examples

    for line in feedback_warnings(config):
        click.echo(f"warning: {line}", err=True)


@click.command()
@click.option("--once", is_flag=True, help="Poll every feed now, deliver pending alerts, exit.")
@click.option(
    "--dry-run",
    is_flag=True,
    help="One cycle (implies --once) on a scratch copy of the database: prints the messages it would send; "
    "sends nothing and leaves the database as it was.",
)
@click.pass_context
def run(ctx: click.Context, once: bool, dry_run: bool) -> None:
    """Run the daemon (or one cycle with --once)."""
    from monitor import runtime
    from monitor.ingest.heap import fewer_collections

    _fewer_arenas()
    config = load(ctx)
    if not (once or dry_run):
        from monitor.daemon.service import Daemon

        ctx.exit(Daemon(runtime.build(config, lean=True)).run())  # the daemon: lean while idle
    # One cycle, then the process ends. The daemon keeps Python's default: it lives for weeks, and its
    # heap at rest is what its memory target measures.
    fewer_collections()
    if dry_run:
        with tempfile.TemporaryDirectory(prefix="monitor-dry-run-") as scratch:
            _cycle(runtime.build(_scratch_copy(config, Path(scratch)), lock=False), dry_run=True)
        return
    _cycle(runtime.build(config), dry_run=False)


def _fewer_arenas() -> None:
    """Cap glibc's malloc at two arenas (M_ARENA_MAX), as MALLOC_ARENA_MAX=2 would.

    By default every thread that allocates gets an arena of its own, up to eight per core: the
    poll threads' bodies (~100 kB each, under malloc's mmap threshold) and parsed entries then
    leave free memory scattered over many arenas. Measured on a cold 200-feed run: the main
    process peaked ~11 MB lower, at the same CPU. A no-op where the C library has no mallopt."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None).mallopt(-8, 2)  # -8: M_ARENA_MAX in glibc's malloc.h


def _cycle(pipeline: Pipeline, *, dry_run: bool) -> None:
    """Poll every feed, deliver, prune: ``run --once``; or, on a scratch copy, the dry run's rehearsal."""
    from monitor import runtime
    from monitor.outbox.deliver import Outbox
    from monitor.outbox.target import Printer
    from monitor.pipeline import poll_all

    try:
        results = poll_all(pipeline)
        # Nothing after the polls parses: the workers go now, not after
        # delivery, pruning and keeping the index, which would otherwise grow the main process beside them.
        pipeline.parser.close()
        rt = pipeline.runtime
        if dry_run:
            outbox = Outbox.rehearsal(pipeline.store, pipeline.metrics, pipeline.clock)
            report = outbox.deliver(rt, force=True, target=Printer(rt.notifier))
        else:
            report = Outbox(pipeline.store, pipeline.metrics, pipeline.clock).deliver(rt, force=True)
            if pipeline.store.due("prune", pipeline.clock(), timedelta(seconds=PRUNE_EVERY)):
                runtime.prune(pipeline)  # at the daemon's pace: retention is days, a cron run minutes
            pipeline.store.catch_up_fts()  # for `rules test`; the daemon does it every few minutes
            pipeline.keep_index()  # for the next run, which then need not rebuild it
    finally:
        pipeline.close()
    errors = sum(1 for r in results if r.error)
    log.info(
        "cycle done: %s (%d failed), %s, %s %s, %d failed",
        plural(len(results), "feed"),
        errors,
        plural(sum(r.new_entries for r in results), "new entry", "new entries"),
        plural(report.sent, "message"),
        "would be sent (dry run: nothing sent or kept)" if dry_run else "sent",
        report.failed,
    )


def _scratch_copy(config: Config, folder: Path) -> Config:
    """``config`` over a copy of its database in ``folder``: a dry run polls, queues and "sends" there,
    so nothing it does (feed validators, entries, pending alerts) is left for a later real run."""
    copy = folder / config.storage_path.name
    if config.storage_path.exists():
        source = sqlite3.connect(config.storage_path)
        target = sqlite3.connect(copy)
        try:
            source.backup(target)  # consistent even while a daemon writes
        finally:
            target.close()
            source.close()
    return replace(config, storage_path=copy)


@click.command()
@click.option(
    "--state",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Keep the demo's database here (default: a fresh temporary folder).",
)
@click.option(
    "--rules",
    "rules_dir",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=None,
    help="Rules to use (default: the example rules shipped with monitor).",
)
def demo(state: Path | None, rules_dir: Path | None) -> None:
    """Serve the bundled sample feeds on 127.0.0.1 and run one cycle, alerts to the console."""
    from monitor.demo import run_demo

    sys.exit(run_demo(state, rules_dir))
