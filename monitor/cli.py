"""The command line: a thin layer over the library.

Every project error becomes one line per problem on stderr and a non-zero exit
(2 for config and rule problems); tracebacks are for bugs only.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import Any

import click

from monitor import __version__, logs
from monitor.cli_alerts import alerts
from monitor.config import Config, load_config
from monitor.errors import MonitorError

log = logging.getLogger("monitor")


class _Group(click.Group):
    """Turns MonitorError into readable lines and the right exit code."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except MonitorError as exc:
            for line in str(exc).splitlines() or [type(exc).__name__]:
                click.echo(line, err=True)
            ctx.exit(exc.exit_code)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--config",
    "-c",
    "config_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=lambda: os.environ.get("MONITOR_CONFIG", "monitor.toml"),
    show_default="monitor.toml",
    help="The TOML config file (or set MONITOR_CONFIG).",
)
@click.option(
    "--log-level",
    type=click.Choice(["debug", "info", "warning", "error"], case_sensitive=False),
    default=None,
    help="Override [log].level.",
)
@click.version_option(__version__, prog_name="monitor")
@click.pass_context
def cli(ctx: click.Context, config_path: Path, log_level: str | None) -> None:
    """monitor: watch news feeds and send one alert per watch rule and story."""
    ctx.obj = {"config_path": config_path, "log_level": log_level}


def load(ctx: click.Context) -> Config:
    """The config of this invocation, loaded once; also sets up redacting logs."""
    obj = ctx.find_root().obj
    if "config" not in obj:
        config = load_config(obj["config_path"])
        logs.setup((obj["log_level"] or config.log_level).upper(), config.secrets)
        obj["config"] = config
    return obj["config"]


@cli.command()
@click.pass_context
def check(ctx: click.Context) -> None:
    """Validate the config and every rule; exit 2 listing each problem as PATH:LINE."""
    from monitor import app  # apprise takes a second to import: only commands that notify pay for it

    config = load(ctx)
    names = app.check(config)
    click.echo(
        f"{config.path}: OK: {len(config.feeds)} feeds, {len(names)} rules, "
        f"{sum(len(t.urls) for t in config.targets.values())} notification URLs"
    )
    if warning := app.exposure(config):
        click.echo(warning, err=True)


@cli.command()
@click.option("--once", is_flag=True, help="Poll every feed now, deliver pending alerts, exit.")
@click.option(
    "--dry-run",
    is_flag=True,
    help="One cycle (implies --once) that sends nothing and marks nothing sent: prints the would-be messages.",
)
@click.pass_context
def run(ctx: click.Context, once: bool, dry_run: bool) -> None:
    """Run the daemon (or one cycle with --once)."""
    from monitor import app

    config = load(ctx)
    pipeline = app.build(config, lean=not (once or dry_run))  # the daemon: lean while idle
    if once or dry_run:
        from monitor.delivery import deliver
        from monitor.pipeline import poll_all

        try:
            results = poll_all(pipeline)
            sent, failed = deliver(pipeline, force=True, dry_run=dry_run)
            if not dry_run:
                app.prune(pipeline)
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
    from monitor.daemon import Daemon

    ctx.exit(Daemon(pipeline).run())


@cli.command()
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


def main() -> None:
    cli(prog_name="monitor")


from monitor.cli_stories import stories  # noqa: E402

cli.add_command(stories)
cli.add_command(alerts)

from monitor.cli_feeds import feeds  # noqa: E402  (registers after cli is defined)

cli.add_command(feeds)

from monitor.cli_stats import stats  # noqa: E402

cli.add_command(stats)

from monitor.cli_rules import rules as _rules_group  # noqa: E402  (registered last: it imports cli)

cli.add_command(_rules_group)
