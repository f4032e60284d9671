"""The Store's core: opening the database (migrations applied), the single-writer lock file,
and the locked read and transaction primitives every other part of the Store goes through.

One writer: the process holds an exclusive lock file beside the database so two
daemons never share it, and every write goes through a transaction under one lock.
"""

from __future__ import annotations

import fcntl
import functools
import os
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from monitor.errors import StoreError
from monitor.store.helpers import absent
from monitor.store.migrations import behind, migrations

if TYPE_CHECKING:
    import sqlite_utils


class StoreBase:
    """The connection, its lock and transactions; the parts of ``Store`` add the queries."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self._lock = threading.RLock()
        self._lockfile: IO[str] | None = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # The store's reads and writes go through this connection; sqlite-utils (``db``) only where its
            # features are used: migrations, and a few rare writes.
            self.conn = sqlite3.connect(self.path, check_same_thread=False, timeout=30, isolation_level=None)
            self.conn.execute("PRAGMA busy_timeout = 30000")
            due = behind(self.conn)
            if due or self.conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                self.db.enable_wal()
            self.conn.execute("PRAGMA synchronous = NORMAL")
            self.conn.execute("PRAGMA foreign_keys = ON")
            if due:
                migrations().apply(self.db)
        except (sqlite3.Error, OSError) as exc:
            raise StoreError(
                f"cannot open database {self.path}: {exc} (SQLite needs to write the file and its folder)"
            ) from exc

    @functools.cached_property
    def db(self) -> sqlite_utils.Database:
        """The connection as sqlite-utils' Database, made (and sqlite-utils imported) on first use.

        Imported without pandas, which it would load to map its types in inserts: the store writes plain
        values. numpy is not hidden: this may run in a poll thread while another imports the
        dedup code, which needs numpy (a cycle that uses sqlite-utils after start-up has news to decide)."""
        with absent("pandas"):
            import sqlite_utils

        # No sqlite-utils plugins: they would change the store's connection, and looking for them
        # scans every installed package's metadata (~0.02 CPU-s, and importlib.metadata, a run).
        return sqlite_utils.Database(self.conn, execute_plugins=False)

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
            self.conn.close()
        if self._lockfile:
            self._lockfile.close()
            self._lockfile = None

    def ping(self, timeout: float = 5.0) -> bool:
        """True when the database answers a read within ``timeout`` (the watchdog asks)."""
        if not self._lock.acquire(timeout=timeout):
            return False
        try:
            self.conn.execute("SELECT count(*) FROM feeds").fetchone()
        except sqlite3.Error:
            return False
        finally:
            self._lock.release()
        return True

    def due(self, task: str, now: datetime, every: timedelta) -> bool:
        """Whether ``task`` last ran ``every`` or more before ``now`` (or never, or "later" than ``now``: a
        clock set back); if so it is marked as run at ``now``, in the same transaction."""
        with self.transaction(immediate=True) as db:
            row = db.execute("SELECT done FROM maintenance WHERE task = ?", [task]).fetchone()
            if row is not None and now - every < datetime.fromisoformat(row[0]) <= now:
                return False
            db.execute("INSERT OR REPLACE INTO maintenance (task, done) VALUES (?, ?)", [task, now.isoformat()])
        return True

    def _query(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[dict[str, Any]]:
        """Rows of a read as dicts by column, fetched whole under the lock: the connection is shared by threads."""
        with self._lock:
            cursor = self.conn.execute(sql, params)
            columns = [column[0] for column in cursor.description]
            return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """``_query`` as plain tuples: for the reads of every poll and entry, where dicts cost more than the read."""
        with self._lock:
            return self.conn.execute(sql, params).fetchall()

    @contextmanager
    def transaction(self, *, immediate: bool = False) -> Iterator[sqlite3.Connection]:
        """One atomic write on the store's connection. A failing write (disk full, read-only) rolls back
        whole and becomes a StoreError: the run stops with one line, the database stays as it was.
        Inside an open transaction it is a savepoint (as sqlite-utils' ``atomic``).

        ``immediate`` takes the write lock at the start (not nested): a transaction that reads
        before it writes cannot then fail because another process wrote in between."""
        try:
            with self._lock, self._atomic(immediate=immediate):
                yield self.conn
        except sqlite3.OperationalError as exc:  # disk full, read-only, I/O error; not constraint errors
            raise StoreError(
                f"cannot write to database {self.path}: {exc}; nothing of this write was kept, "
                "fix the cause (free space, permissions) and run again"
            ) from exc

    @contextmanager
    def _atomic(self, *, immediate: bool) -> Iterator[None]:
        conn = self.conn
        nested = conn.in_transaction and not immediate  # BEGIN IMMEDIATE inside a transaction fails
        conn.execute("SAVEPOINT store" if nested else "BEGIN IMMEDIATE" if immediate else "BEGIN")
        try:
            yield
        except BaseException:
            if conn.in_transaction:  # an error (a RAISE(ROLLBACK) trigger) may have ended it already
                conn.execute("ROLLBACK TO store" if nested else "ROLLBACK")
                if nested:
                    conn.execute("RELEASE store")
            raise
        try:
            conn.execute("RELEASE store" if nested else "COMMIT")
        except BaseException:
            if not nested and conn.in_transaction:
                conn.execute("ROLLBACK")
            raise

    @contextmanager
    def _entry_transaction(self) -> Iterator[sqlite3.Connection]:
        """A transaction, or the caller's when one is open (a poll stores a feed's entries in one):
        no savepoint per entry, as the caller's transaction already makes them all-or-nothing."""
        with self._lock:
            if self.conn.in_transaction:
                yield self.conn
                return
        with self.transaction() as conn:
            yield conn
