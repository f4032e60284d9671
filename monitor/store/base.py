"""The Store's core: opening the database (migrations applied), the single-writer lock file,
and the locked read and transaction primitives every other part of the Store goes through.

One writer: the process holds an exclusive lock file beside the database so two
daemons never share it, and every write goes through a transaction under one lock.
"""

from __future__ import annotations

import fcntl
import os
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path
from typing import IO, Any

import sqlite_utils

from monitor.errors import StoreError
from monitor.store.migrations import migrations


class StoreBase:
    """The connection, its lock and transactions; the parts of ``Store`` add the queries."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self._lock = threading.RLock()
        self._lockfile: IO[str] | None = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.path, check_same_thread=False, timeout=30, isolation_level=None)
            # No sqlite-utils plugins: they would change the store's connection, and looking for them
            # scans every installed package's metadata (~0.02 CPU-s, and importlib.metadata, a run).
            self.db = sqlite_utils.Database(conn, execute_plugins=False)
            self.db.execute("PRAGMA busy_timeout = 30000")
            self.db.enable_wal()
            self.db.execute("PRAGMA synchronous = NORMAL")
            self.db.execute("PRAGMA foreign_keys = ON")
            migrations.apply(self.db)
        except (sqlite3.Error, OSError) as exc:
            raise StoreError(
                f"cannot open database {self.path}: {exc} (SQLite needs to write the file and its folder)"
            ) from exc

    def lock(self) -> None:
        """Take the single-writer lock; raise StoreError naming the other process."""
        lock_path = self.path.with_name(self.path.name + ".lock")
        try:
            handle = open(lock_path, "a+")  # noqa: SIM115 - held for the life of the process
        except OSError as exc:
            raise StoreError(
                f"cannot create the lock file {lock_path}: {exc.strerror}: is the folder writable?"
            ) from exc
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            handle.close()
            raise StoreError(
                f"{self.path} is in use by {holder}: stop it first, two daemons must not share one database"
            ) from None
        try:
            handle.truncate(0)
            handle.write(f"monitor pid {os.getpid()}\n")
            handle.flush()
        except OSError as exc:
            handle.close()
            raise StoreError(f"cannot write the lock file {lock_path}: {exc.strerror}") from exc
        self._lockfile = handle

    def close(self) -> None:
        with self._lock:
            self.db.close()
        if self._lockfile:
            self._lockfile.close()
            self._lockfile = None

    def ping(self, timeout: float = 5.0) -> bool:
        """True when the database answers a read within ``timeout`` (the watchdog asks)."""
        if not self._lock.acquire(timeout=timeout):
            return False
        try:
            self.db.execute("SELECT count(*) FROM feeds").fetchone()
        except sqlite3.Error:
            return False
        finally:
            self._lock.release()
        return True

    def due(self, task: str, now: datetime, every: timedelta) -> bool:
        """Whether ``task`` last ran ``every`` or more before ``now`` (or never, or "later" than ``now``: a
        clock set back); if so it is marked as run at ``now``, in the same transaction."""
        with self.transaction(immediate=True) as db:
            row = db.conn.execute("SELECT done FROM maintenance WHERE task = ?", [task]).fetchone()
            if row is not None and now - every < datetime.fromisoformat(row[0]) <= now:
                return False
            db.conn.execute("INSERT OR REPLACE INTO maintenance (task, done) VALUES (?, ?)", [task, now.isoformat()])
        return True

    def _query(self, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
        """Rows of a read, fetched whole under the lock: the connection is shared by threads."""
        with self._lock:
            return list(self.db.query(sql, params or []))

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """``_query`` as plain tuples: for the reads of every poll and entry, where dicts cost more than the read."""
        with self._lock:
            return self.db.conn.execute(sql, params).fetchall()

    @contextmanager
    def transaction(self, *, immediate: bool = False) -> Iterator[sqlite_utils.Database]:
        """One atomic write. A failing write (disk full, read-only) rolls back whole and
        becomes a StoreError: the run stops with one line, the database stays as it was.

        ``immediate`` takes the write lock at the start (not nested): a transaction that reads
        before it writes cannot then fail because another process wrote in between."""
        try:
            with self._lock, self._immediate() if immediate else self.db.atomic():
                yield self.db
        except sqlite3.OperationalError as exc:  # disk full, read-only, I/O error; not constraint errors
            raise StoreError(
                f"cannot write to database {self.path}: {exc}; nothing of this write was kept, "
                "fix the cause (free space, permissions) and run again"
            ) from exc

    @contextmanager
    def _immediate(self) -> Iterator[None]:
        self.db.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            if self.db.conn.in_transaction:
                self.db.conn.execute("ROLLBACK")
            raise
        self.db.conn.execute("COMMIT")

    @contextmanager
    def _entry_transaction(self) -> Iterator[sqlite_utils.Database]:
        """A transaction, or the caller's when one is open (a poll stores a feed's entries in one):
        no savepoint per entry, as the caller's transaction already makes them all-or-nothing."""
        with self._lock:
            if self.db.conn.in_transaction:
                yield self.db
                return
        with self.transaction() as db:
            yield db
