"""``monitor web``: the analyst's console on its own, beside a daemon on the same database
(or with none), until Ctrl-C. The daemon serves the same console itself when ``[web] listen`` is set.
"""

from __future__ import annotations

import fcntl
import os
import signal
import threading

import click

from monitor import runtime
from monitor.cli.base import load, open_store
from monitor.config import Config
from monitor.config import listen as listen_address
from monitor.runtime import Runtime
from monitor.store import Store
from monitor.web import Console, create_app
from monitor.web.security import hash_password
from monitor.web.server import serve


@click.command("web")
@click.option("--listen", default=None, help='HOST:PORT (default: [web] listen, else "127.0.0.1:8470").')
@click.option("--hash-password", "hash_only", is_flag=True, help="Print a password hash for [web].users and exit.")
@click.pass_context
def web(ctx: click.Context, listen: str | None, hash_only: bool) -> None:
    """Serve the web console: inbox, stories, feedback and mutes, feeds, search, rule playground."""
    if hash_only:
        password = click.prompt("password", hide_input=True, confirmation_prompt=True)
        click.echo(hash_password(password))
        return
    config = load(ctx)
    address = listen_address(listen) if listen else config.web.listen or ("127.0.0.1", 8470)
    store = open_store(config)
    snapshot = _Snapshot(config, store)
    try:
        served = serve(create_app(Console(config, store, snapshot.get, snapshot.reload)), address, config.web.auth)
    except OSError as exc:
        store.close()
        raise click.ClickException(
            f"cannot listen on {address[0]}:{address[1]}: {exc.strerror}; is a daemon serving the console there "
            "already ([web] listen)? pick another with --listen"
        ) from None
    click.echo(f"console at {served.url} (Ctrl-C stops)")
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    try:
        stop.wait()
    except KeyboardInterrupt:
        pass
    finally:
        served.close()
        store.close()


class _Snapshot:
    """The console's own runtime (rules, targets), reloaded after a change it made; the daemon on
    this database is asked to reload too (SIGHUP to the pid its lock file names)."""

    def __init__(self, config: Config, store: Store):
        self.config = config
        self.store = store
        self.current = self._load()

    def _load(self) -> Runtime:
        feeds = runtime.load_command_feeds(self.store, self.config)
        return runtime.load(self.config, feeds, lean=True)

    def get(self) -> Runtime:
        return self.current

    def reload(self) -> str:
        self.current = self._load()
        pid = _daemon_pid(self.config)
        if pid is None:
            return "no daemon holds this database: the next `monitor run` uses it"
        try:
            os.kill(pid, signal.SIGHUP)
        except OSError as exc:
            return f"could not ask the daemon (pid {pid}) to reload: {exc.strerror}; run: systemctl reload monitor"
        return f"the daemon (pid {pid}) reloads within seconds"


def _daemon_pid(config: Config) -> int | None:
    """The pid the daemon's lock file names ("monitor pid N"), only while a process holds the lock
    (a stale file's pid may belong to another program by now)."""
    try:
        with open(config.storage_path.with_name(config.storage_path.name + ".lock")) as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_SH | fcntl.LOCK_NB)
            except BlockingIOError:
                words = handle.read().split()
                return int(words[-1]) if words and words[-1].isdigit() else None
            fcntl.flock(handle, fcntl.LOCK_UN)  # nobody holds it: no daemon
            return None
    except OSError:
        return None
