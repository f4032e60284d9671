"""The command line's shared parts: the root group, the config of an invocation, the store, the console.

Command modules (one per group: alerts, feeds, rules, run, stats, stories) import from here,
never from each other; ``monitor.cli`` registers them all on ``cli``.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from monitor import __version__
from monitor.cli import logs
from monitor.config import Config, load_config
from monitor.errors import ConfigError, MonitorError, Problem

if TYPE_CHECKING:
    from rich.console import Console

    from monitor.store import Store


class _Group(click.Group):
    """Turns MonitorError into readable lines and the right exit code; imports a command's module
    when the command is asked for (``lazy``: name -> "module:attribute")."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lazy: dict[str, str] = {}

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.lazy and cmd_name not in self.commands:
            module, _, name = self.lazy[cmd_name].partition(":")
            self.add_command(getattr(importlib.import_module(module), name), cmd_name)
        return super().get_command(ctx, cmd_name)

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


def console() -> Console:
    from rich.console import Console  # only the commands that print tables pay for rich

    # Piped output (tests, grep, mail) gets full rows instead of an 80-column squeeze.
    return Console(width=None if sys.stdout.isatty() else 200, highlight=False)


@contextmanager
def opened(ctx: click.Context, *, must_exist: bool = False) -> Iterator[Store]:
    """The database without the daemon's lock (these commands make short writes beside it), closed after.

    The config's feeds get their rows first, so a config edited but not yet run is listed.
    ``must_exist``: a command that only reads history says so instead of creating an empty database."""
    config = load(ctx)
    if must_exist and not config.storage_path.exists():
        raise ConfigError(
            Problem(str(config.path), None, f"no database yet at {config.storage_path}: run `monitor run --once` first")
        )
    store = open_store(config)
    try:
        yield store
    finally:
        store.close()


def open_store(config: Config) -> Store:
    """The database without the daemon's lock, the config's feeds given their rows; the caller closes it."""
    from monitor.store import Store  # parser workers started from a `monitor` script import this module

    store = Store(config.storage_path)
    store.sync_feeds((f.url, f.name) for f in config.feeds)
    return store
