"""Runs hostile feeds through one real ``monitor run --once`` beside two healthy feeds.

A group of cases shares one process (and so one wall-clock time and one peak RSS,
measured with ``os.wait4`` on that very child); cases whose memory matters run in a
group of their own. Every outcome is read back from the feeds table, the log and the
alerts a real webhook receiver got.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any

from conftest import serve_json_receiver

from monitor.demo.feedserver import FeedServer

Handler = Callable[[BaseHTTPRequestHandler], None]

CANARY_RULE = "name: Canary\nmatch:\n  any: ['canary*']\n"
HEALTHY = {
    "healthy-one": "Canary alpha: harbour cranes repainted blue after council vote",
    "healthy-two": "Canary bravo: mountain orchestra tours seven villages by train",
}
PROCESS_TIMEOUT = 120.0  # a hung process fails the test instead of hanging it


@dataclass(frozen=True)
class Case:
    """One hostile feed. ``serve`` answers at /NAME (None: ``url`` gives an address).

    ``status`` is the feed's expected state after the run; ``error`` a phrase its
    last_error (and its one log line) must hold; ``check`` more assertions on the run.
    """

    name: str
    serve: Handler | None = None
    url: Callable[[FeedServer, ExitStack], str] | None = None
    status: str = "failing"
    error: str = ""
    check: Callable[[Run, Case], None] | None = None
    max_rss_mb: float = 250.0


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str
    seconds: float
    peak_rss_mb: float
    db: Path
    alerts: list[dict[str, Any]] = field(default_factory=list)
    server: FeedServer | None = None

    def feed(self, name: str) -> dict[str, Any]:
        with sqlite3.connect(self.db) as conn:
            conn.row_factory = sqlite3.Row
            row = conn.execute("SELECT * FROM feeds WHERE name = ?", [name]).fetchone()
        assert row is not None, f"no feed row for {name}"
        return dict(row)

    def entries(self, name: str) -> list[dict[str, Any]]:
        with sqlite3.connect(self.db) as conn:
            conn.row_factory = sqlite3.Row
            rows = conn.execute(
                "SELECT e.* FROM entries e JOIN feeds f ON f.url = e.feed_url WHERE f.name = ? ORDER BY e.id", [name]
            ).fetchall()
        return [dict(r) for r in rows]

    def log_lines(self, name: str, level: str = "WARNING") -> list[str]:
        pattern = re.compile(rf" {level} .* feed {re.escape(name)}[ :]")
        return [line for line in self.stderr.splitlines() if pattern.search(line)]

    def everything(self) -> bytes:
        """Every output of the run: stdout, stderr, the database files and alert bodies."""
        parts = [self.stdout.encode(), self.stderr.encode(), json.dumps(self.alerts).encode()]
        parts += [p.read_bytes() for p in self.db.parent.glob(self.db.name + "*") if p.is_file()]
        return b"\n".join(parts)


def rss(items: str, title: str = "Hostile") -> str:
    head = "<?xml version='1.0' encoding='utf-8'?>\n<rss version='2.0'>"
    return f"{head}<channel><title>{title}</title>{items}</channel></rss>"


def item(title: str, guid: str = "", when: datetime | None = None, description: str = "") -> str:
    date = f"<pubDate>{when.strftime('%a, %d %b %Y %H:%M:%S +0000')}</pubDate>" if when else ""
    guid_tag = f"<guid>{guid}</guid>" if guid else ""
    return f"<item><title>{title}</title>{guid_tag}{date}<description>{description}</description></item>"


def reply(status: int, body: bytes = b"", content_type: str = "application/rss+xml", **headers: str) -> Handler:
    """A handler answering ``status`` with a fixed body and headers."""

    def handle(request: BaseHTTPRequestHandler) -> None:
        request.send_response(status)
        request.send_header("Content-Type", content_type)
        request.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            request.send_header(name.replace("_", "-"), value)
        request.end_headers()
        request.wfile.write(body)

    return handle


def run_group(folder: Path, cases: list[Case], extra_config: str = "") -> Run:
    """Serve ``cases`` and the healthy feeds, run ``monitor run --once`` once, collect everything."""
    release = threading.Event()  # handlers that never answer wait on it: they end with the run
    with ExitStack() as stack:
        server = stack.enter_context(FeedServer())
        receiver = stack.enter_context(serve_json_receiver())
        server.httpd.RequestHandlerClass.release = release  # type: ignore[attr-defined]
        now = datetime.now(UTC) - timedelta(minutes=30)
        for path, title in HEALTHY.items():
            server.put(f"/{path}.xml", rss(item(title, guid=f"{path}-1", when=now), title=path))
        feeds = [(name, server.url(f"/{name}.xml")) for name in HEALTHY]
        for case in cases:
            if case.serve:
                server.route(f"/{case.name}", case.serve)
            feeds.append((case.name, case.url(server, stack) if case.url else server.url(f"/{case.name}")))
        config = write_hostile_config(folder, feeds, receiver.url, extra_config)
        try:
            run = run_measured([sys.executable, "-m", "monitor", "--config", str(config), "run", "--once"], folder)
        finally:
            release.set()
        run.alerts = list(receiver.received)
        run.server = server
        run.db = folder / "state.db"
    return run


def write_hostile_config(folder: Path, feeds: list[tuple[str, str]], hook: str, extra: str) -> Path:
    rules = folder / "rules"
    rules.mkdir(exist_ok=True)
    (rules / "canary.yaml").write_text(CANARY_RULE)
    lines = ["[storage]", 'path = "state.db"', "[rules]", f'paths = ["{rules}"]', "[notify]", f'urls = ["{hook}"]']
    # Only the slow group needs a short timeout; the others get room for a loaded CI machine,
    # so a gzip bomb is stopped by the size cap, not by the clock.
    timeout = "" if "timeout" in extra else 'timeout = "20s"'
    lines += ["[polling]", timeout, "concurrency = 16", extra]
    for name, url in feeds:
        lines += ["[[feeds]]", f"url = {json.dumps(url)}", f"name = {json.dumps(name)}"]
    path = folder / "config.toml"
    path.write_text("\n".join(lines) + "\n")
    path.chmod(0o600)
    return path


# Linux keeps a process's high-water RSS across exec: a child of this pytest process reports, in
# ru_maxrss, at least the peak this process reached in the tests before (a run after heavy tests
# failed its bound). A Python child writes its own peak at exit instead: VmHWM of its own memory
# (since exec), or its workers', whichever is higher. ``run_measured`` falls back to ru_maxrss.
_OWN_PEAK = """
import atexit, os, resource, runpy, sys
def peak():
    own = int(open("/proc/self/status").read().split("VmHWM:")[1].split()[0])
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    with open(os.environ["MONITOR_TEST_PEAK_FILE"], "w") as out:
        out.write(str(max(own, workers)))
atexit.register(peak)
module = sys.argv.pop(1)
runpy.run_module(module, run_name="__main__", alter_sys=True)
"""


def run_measured(argv: list[str], cwd: Path, timeout: float = PROCESS_TIMEOUT) -> Run:
    """Run ``argv``; wall time and the peak RSS of that one child (its own, with its workers': see
    ``_OWN_PEAK``, for ``python -m module``; else os.wait4's rusage)."""
    out, err, peak_file = cwd / "stdout.txt", cwd / "stderr.txt", cwd / "peak_kib.txt"
    peak_file.unlink(missing_ok=True)
    env = dict(os.environ, MONITOR_TEST_PEAK_FILE=str(peak_file))
    if argv[1:2] == ["-m"]:
        argv = [argv[0], "-c", _OWN_PEAK, *argv[2:]]
    with open(out, "wb") as stdout, open(err, "wb") as stderr:
        started = time.monotonic()
        proc = subprocess.Popen(argv, stdout=stdout, stderr=stderr, cwd="/", env=env)
        killer = threading.Timer(timeout, proc.kill)
        killer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            killer.cancel()
        seconds = time.monotonic() - started
    proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here: tell Popen
    return Run(
        returncode=proc.returncode,
        stdout=out.read_text(errors="replace"),
        stderr=err.read_text(errors="replace"),
        seconds=seconds,
        peak_rss_mb=(int(peak_file.read_text()) if peak_file.exists() else usage.ru_maxrss) / 1024,  # KiB
        db=cwd / "state.db",
    )


@contextmanager
def measured_table(path: Path | None) -> Iterator[list[tuple[str, str, float, float]]]:
    """Collects (group, case, seconds, peak MB) rows; prints them (and writes ``path``) at the end."""
    rows: list[tuple[str, str, float, float]] = []
    yield rows
    if not rows:
        return
    lines = ["| case | group (one process) | wall s | peak RSS MB |", "| --- | --- | ---: | ---: |"]
    lines += [f"| {case} | {group} | {secs:.2f} | {rss:.0f} |" for group, case, secs, rss in rows]
    text = "\n".join(lines)
    print("\n" + text)
    if path:
        path.write_text(text + "\n")
