"""`monitor check`, `monitor run [--once|--dry-run]` and `monitor demo`."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import click

from monitor.cli.base import load

log = logging.getLogger("monitor")


@click.command()
@click.pass_context
def check(ctx: click.Context) -> None:
    """Validate the config and every rule; exit 2 listing each problem as PATH:LINE."""
    from monitor import runtime  # apprise takes a second to import: only commands that notify pay for it

    config = load(ctx)
    names = runtime.check(config)
    click.echo(
        f"{config.path}: OK: {len(config.feeds)} feeds, {len(names)} rules, "
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
    help="One cycle (implies --once) that sends nothing and marks nothing sent: prints the would-be messages.",
)
@click.pass_context
def run(ctx: click.Context, once: bool, dry_run: bool) -> None:
    """Run the daemon (or one cycle with --once)."""
    from monitor import runtime

    config = load(ctx)
    pipeline = runtime.build(config, lean=not (once or dry_run))  # the daemon: lean while idle
    if once or dry_run:
        from monitor.outbox.deliver import deliver
        from monitor.pipeline import poll_all

        try:
            results = poll_all(pipeline)
            sent, failed = deliver(pipeline, force=True, dry_run=dry_run)
            if not dry_run:
                runtime.prune(pipeline)
            pipeline.store.catch_up_fts()  # for `rules test`; the daemon does it every few minutes
        finally:
            pipeline.close()
        errors = sum(1 for r in results if r.error)
        log.info(
            "cycle done: %d feeds (%d failed), %d new entries, %d alerts %s, %d failed",
            len(results),
            errors,
            sum(r.new_entries for r in results),
            sent,
            "would be sent (dry run)" if dry_run else "sent",
            failed,
        )
        return
    from monitor.daemon.service import Daemon

    ctx.exit(Daemon(pipeline).run())


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
    help="Rules to use (default: the project's rules/ folder).",
)
def demo(state: Path | None, rules_dir: Path | None) -> None:
    """Serve the bundled sample feeds on 127.0.0.1 and run one cycle, alerts to the console."""
    from monitor.demo import run_demo

    sys.exit(run_demo(state, rules_dir))
