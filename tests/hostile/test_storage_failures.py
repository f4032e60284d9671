"""The database on a read-only or full filesystem, and two processes on one database.

Each case runs the real CLI: it must stop with one clear line on stderr (no
traceback), leave the database intact, and a later normal run must catch up with
nothing lost.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from conftest import serve_outlets, write_config

TALIBAN_RULE = "name: Taliban\nmatch:\n  any: [Taliban]\n"


def monitor(config: Path, *args: str, limit_file_size: int | None = None) -> subprocess.CompletedProcess[str]:
    """The real CLI; with ``limit_file_size``, no file can grow past that many bytes (a full disk)."""
    argv = [sys.executable, "-m", "monitor", "--config", str(config), *args]
    if limit_file_size is not None:
        # RLIMIT_FSIZE makes write() fail with EFBIG, as ENOSPC would; SIGXFSZ must be
        # ignored or the kernel kills the process instead. Set in a shim, then exec.
        shim = (
            "import os, resource, signal, sys; signal.signal(signal.SIGXFSZ, signal.SIG_IGN); "
            f"resource.setrlimit(resource.RLIMIT_FSIZE, ({limit_file_size}, {limit_file_size})); "
            "os.execv(sys.executable, [sys.executable, *sys.argv[1:]])"
        )
        argv = [sys.executable, "-c", shim, *argv[1:]]
    return subprocess.run(argv, capture_output=True, text=True, timeout=120, cwd="/")


def integrity(db: Path) -> str:
    with sqlite3.connect(db) as conn:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])


def counts(db: Path) -> tuple[int, int]:
    with sqlite3.connect(db) as conn:
        entries = conn.execute("SELECT count(*) FROM entries").fetchone()[0]
        alerts = conn.execute("SELECT count(*) FROM alerts WHERE status = 'sent'").fetchone()[0]
    return entries, alerts


@contextmanager
def read_only(folder: Path) -> Iterator[None]:
    """``folder`` read-only: a read-only bind mount as root (chmod does not stop root), else chmod."""
    if os.geteuid() != 0:
        modes = {p: p.stat().st_mode for p in [folder, *folder.iterdir()]}
        for path in modes:
            path.chmod(0o555 if path.is_dir() else 0o444)
        try:
            yield
        finally:
            for path, mode in modes.items():
                path.chmod(mode)
        return
    bind = subprocess.run(["mount", "--bind", str(folder), str(folder)], capture_output=True, text=True)
    if bind.returncode != 0:
        pytest.skip(f"root, but cannot bind-mount to make a read-only folder: {bind.stderr.strip()}")
    try:
        remount = subprocess.run(["mount", "-o", "remount,bind,ro", str(folder)], capture_output=True, text=True)
        if remount.returncode != 0:
            pytest.skip(f"cannot remount read-only: {remount.stderr.strip()}")
        yield
    finally:
        subprocess.run(["umount", str(folder)], check=True)


def test_read_only_database_folder_is_one_clear_error(tmp_path, feed_server, json_receiver):
    state = tmp_path / "state"
    state.mkdir()
    config = write_config(tmp_path, serve_outlets(feed_server, ("outlet-a",)), [json_receiver.url], rules=TALIBAN_RULE)
    config.write_text(config.read_text().replace('path = "state.db"', 'path = "state/state.db"'))
    assert monitor(config, "run", "--once").returncode == 0
    db = state / "state.db"
    before = {p.name: p.read_bytes() for p in state.iterdir()}

    with read_only(state):
        result = monitor(config, "run", "--once")

    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    [line] = [line for line in result.stderr.splitlines() if str(db) in line]
    assert line.startswith(f"cannot open database {db}: ") and "needs to write the file and its folder" in line
    assert {p.name: p.read_bytes() for p in state.iterdir()} == before
    assert integrity(db) == "ok"
    assert monitor(config, "run", "--once").returncode == 0


def test_full_disk_stops_cleanly_and_loses_nothing(tmp_path, feed_server, json_receiver):
    first = serve_outlets(feed_server, ("outlet-a",))
    config = write_config(tmp_path, first, [json_receiver.url], rules=TALIBAN_RULE)
    assert monitor(config, "run", "--once").returncode == 0
    db = tmp_path / "state.db"
    entries, sent = counts(db)
    # A new outlet with new entries: recording them needs the database to grow.
    config = write_config(
        tmp_path, [*first, *serve_outlets(feed_server, ("outlet-c",))], [json_receiver.url], rules=TALIBAN_RULE
    )

    full = monitor(config, "run", "--once", limit_file_size=1024)

    assert full.returncode != 0
    assert "Traceback" not in full.stderr, full.stderr
    assert any(
        f"cannot write to database {db}" in line and ("full" in line or "too large" in line)
        for line in full.stderr.splitlines()
    ), full.stderr
    assert integrity(db) == "ok"
    assert counts(db) == (entries, sent)

    again = monitor(config, "run", "--once")

    assert again.returncode == 0, again.stderr
    assert integrity(db) == "ok"
    assert counts(db)[0] > entries  # the new outlet's entries are recorded now


def test_second_process_on_one_database_is_refused(tmp_path, feed_server, json_receiver):
    config = write_config(tmp_path, serve_outlets(feed_server, ("outlet-a",)), [json_receiver.url], rules=TALIBAN_RULE)
    lock = tmp_path / "state.db.lock"
    daemon = subprocess.Popen(
        [sys.executable, "-m", "monitor", "--config", str(config), "run"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while not (lock.exists() and f"pid {daemon.pid}" in lock.read_text()):
            assert daemon.poll() is None, "the daemon exited early"
            assert time.monotonic() < deadline, "the daemon never took the lock"
            time.sleep(0.05)

        second = monitor(config, "run", "--once")

        assert second.returncode == 1
        assert second.stderr.strip() == (
            f"{tmp_path / 'state.db'} is in use by monitor pid {daemon.pid}: "
            "stop it first, two daemons must not share one database"
        )
    finally:
        daemon.send_signal(signal.SIGTERM)
        daemon.wait(timeout=30)
    assert daemon.returncode == 0
    assert monitor(config, "run", "--once").returncode == 0  # the lock went with the daemon
