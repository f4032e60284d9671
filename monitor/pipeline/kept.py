"""The dedup index a run ends with, kept beside the database for the next run (``state.db.window``).

A ``run --once`` from cron that brings a few new entries rebuilt the dedup index of the whole
window from the stored signatures to decide them (~0.45 CPU-s for 10,000 entries: most of a
cycle where nearly every feed answers 304). Now a run keeps the index a rebuild gives
(written whole now and then, ``REBASE``) and, run after run, the window rows stored since; the next
run takes it, with those rows added, instead of rebuilding when the window the rebuild would read
is, row for row, the one kept, for the same code. Rows only come (ids above the kept highest) or go
(the count drops); any other change of a stored row the rebuild reads (its story, event, first-seen
time, signature columns, outlet, id; the newest row deleted, whose id may come back) counts in the
store's ``window_changes`` (triggers of migration m016). So the window is the one kept when its row
count, highest id and that counter are: three numbers read in one look, where reading and digesting
every row cost 0.1 CPU-s per 10,000 entries. ``StoryIndex.load`` is the index adding each row in
turn (``tests/test_dedup_shapes.py``), so the kept index decides as the rebuild would. Anything else
(an entry aged out of the window, an update of a known entry, a rolled-back poll, an edit by another
command, another version of monitor or numpy) rebuilds as before.

The file is a list of length-prefixed pickles: a head (the key, and the window's counter, rows and
highest id when the index was written), the index, then one part per later run with the rows
stored since and the window's numbers after them: a run that adds 60 entries writes 60 rows, not
the index. It is read with an unpickler that builds only the index's own classes, numpy arrays and
plain values: the file sits beside the database, but it must never run code. A window whose
oldest entry ages out within ``USEFUL`` (a busy deployment's turns over between two runs) is
not written: the next run could not use it.
"""

from __future__ import annotations

import contextlib
import gc
import io
import itertools
import logging
import os
import pickle
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from monitor.store import Store
from monitor.store.window import window_rows

if TYPE_CHECKING:
    from monitor.dedup import Signature, StoryIndex

log = logging.getLogger(__name__)

USEFUL = timedelta(hours=1)
REBASE = 1000  # rows kept after the index before it is written whole again (each costs an ``add`` to read)
Row = tuple[
    int, int, int, datetime, "Signature"
]  # what ``StoryIndex.load`` takes: entry, story, event, seen, signature

_ALLOWED = {
    "array": {"array", "_array_reconstructor"},
    "collections": {"Counter"},
    "datetime": {"datetime", "timedelta", "timezone"},
    "numpy": {"dtype"},
    "numpy._core.numeric": {"_frombuffer"},
    "numpy.core.numeric": {"_frombuffer"},
}


class _Index(pickle.Unpickler):
    """Builds the dedup index's own classes, numpy arrays and plain values; anything else is a miss."""

    def find_class(self, module: str, name: str) -> Any:
        if name in _ALLOWED.get(module, ()):
            return super().find_class(module, name)
        if module.startswith("monitor.dedup."):
            found = super().find_class(module, name)
            if isinstance(found, type):
                return found
        raise pickle.UnpicklingError(f"not kept with the dedup index: {module}.{name}")


def _parts(path: Path) -> list[bytes]:
    """The file's parts, each read into a bytes of its own: slices of the whole file read at once were a
    second copy of the index (~7 ms of a cycle's CPU for 10,000 entries)."""
    parts = []
    with open(path, "rb") as file:
        left = os.fstat(file.fileno()).st_size
        while head := file.read(8):
            size = int.from_bytes(head, "little")
            left -= 8 + size
            if len(head) != 8 or left < 0:
                raise ValueError("cut short")  # a write the machine did not finish: rebuilt
            parts.append(file.read(size))
    return parts


def _write_part(file: BinaryIO, value: Any) -> None:
    """``value`` pickled, after its size in 8 bytes, at the end of ``file`` (seekable, not opened to append).

    Pickled into the file, its size written in front once known: the index's pickle (14 MB on a cold
    newsroom run) was the largest object of a cold run's end, held whole beside the index (its peak)."""
    start = file.seek(0, os.SEEK_END)
    file.write(bytes(8))
    pickle.dump(value, file, protocol=5)
    end = file.tell()
    file.seek(start)
    file.write((end - start - 8).to_bytes(8, "little"))
    file.seek(end)


def _signed(read: list[tuple[Any, ...]]) -> list[Row] | None:
    """``read`` (rows as stored) as the index loads them; None when one has no signature of this design."""
    rows: list[Row] = []
    for entry_id, story_id, event_id, seen, sig in window_rows(read):
        if sig is None:
            return None
        rows.append((entry_id, story_id, event_id, seen, sig))
    return rows


def _load(part: bytes) -> Any:
    collecting = gc.isenabled()
    gc.disable()  # every object read lives as long as the index: collections would only rescan them (0.17 -> 0.07 s)
    try:
        return _Index(io.BytesIO(part)).load()
    finally:
        if collecting:
            gc.enable()


@dataclass
class Kept:
    """The kept index of one database (``path``; None keeps nothing) under ``key`` (code and versions).

    ``load`` (or ``build`` when it finds nothing) at the first need of the index in a run; ``save`` at
    the end of a run made ``saving`` (a daemon reads a kept index at start but writes none)."""

    path: Path | None
    key: str
    saving: bool = True
    _since: datetime | None = None  # the window's start when this run first needed the index
    _changes: int | None = None  # the store's window_changes when the window was read (file or build)
    _rows: int = 0
    _last: int = 0
    _later: int = 0  # rows of the file's later parts
    _hit: bool = False
    _existed: bool = False  # a file was there, and did not hold this window
    _built: list[Row] | None = None  # the rows ``build`` loaded, for ``save`` to write the index whole
    _spoilt: bool = False

    def load(self, store: Store, since: datetime) -> StoryIndex | None:
        """The kept index when the window from ``since`` is the one it holds; else None (then ``build``)."""
        self._since = since
        if self.path is None:
            return None
        try:
            parts = _parts(self.path)
            self._existed = True
            head = _load(parts[0])
            if head["key"] != self.key:
                return None
            later = [_load(p) for p in parts[2:]]
            final = later[-1] if later else head  # the window as the file's last writer left it
            changes = store.window_changes()
            _, count, top = store.window_span(since)
            if (count, top, changes) != (final["rows"], final["last"], final["changes"]):
                return None  # rows aged out, stored or changed since
            index: StoryIndex = _load(parts[1])
            for part in later:
                signed = _signed(part["stored"])
                if signed is None:
                    raise ValueError("an entry kept without its signature")
                for entry_id, story_id, event_id, seen, sig in signed:
                    index.add(entry_id, story_id, event_id, sig, seen)
        except FileNotFoundError:
            return None
        except Exception as exc:  # unreadable, cut short, from another version, tampered with: rebuilt
            log.debug("kept dedup index %s not used: %s", self.path, exc)
            return None
        self._changes, self._rows, self._last, self._hit = changes, count, top, True
        self._later = sum(len(part["stored"]) for part in later)
        log.debug("dedup index of %d entries read from %s", len(index), self.path)
        return index

    def build(self, store: Store, since: datetime, window: timedelta, *, backfill: bool) -> StoryIndex:
        """The index of the window from ``since`` as the store has it (``rebuild_index``); a run that saves
        keeps the rows it read, so its ``save`` need not read them again."""
        from monitor.dedup import StoryIndex
        from monitor.dedup.rebuild import rebuild_index

        self._since = since
        if self.path is None or not self.saving or self._existed:
            return rebuild_index(store, since, window, backfill=backfill)
        changes = store.window_changes()
        read = store.window_stored(since)
        rows = _signed(read)
        if rows is None:  # signatures of an earlier design: computed (and stored) by the rebuild
            return rebuild_index(store, since, window, backfill=backfill)
        self._changes, self._rows, self._last = changes, len(read), read[-1][0] if read else 0
        index = StoryIndex(window=window)
        index.load(rows)  # what rebuild_index does when every row has its signature
        self._built = rows
        return index

    def spoil(self) -> None:
        """The index changed otherwise than by new entries (an update re-signed one, a poll rolled back):
        the rows it was read from are not the store's any more. Nothing is kept."""
        self._spoilt = True

    def save(self, store: Store, now: datetime, window: timedelta) -> None:
        """Keep what the next run needs, if this run needed the index. Safe to call twice."""
        if self.path is None or self._since is None or not self.saving:
            return  # no index this run: the file, if any, is as valid as it was (its numbers say)
        try:
            if self._spoilt or not (self._append(store) if self._hit else self._rebase(store, now, window)):
                self.path.unlink(missing_ok=True)
        except OSError as exc:  # a read-only state folder: the next run rebuilds
            log.debug("kept dedup index %s not written: %s", self.path, exc)
        self._since = self._changes = self._built = None

    def _stored_since(self, store: Store) -> tuple[list[tuple[Any, ...]], dict[str, int]] | None:
        """The rows stored after those read, and the window's numbers after them; None when the window
        changed otherwise in this run (a row changed, or one left: the count does not add up)."""
        assert self._since is not None
        if self._changes is None or store.window_changes() != self._changes:
            return None
        stored = store.window_stored(self._since, self._last)
        _, count, top = store.window_span(self._since)
        if count != self._rows + len(stored) or top != (stored[-1][0] if stored else self._last):
            return None
        return stored, {"changes": self._changes, "rows": count, "last": top}

    def _append(self, store: Store) -> bool:
        """The rows stored since the file was read, after its numbers (the file read this run)."""
        assert self.path is not None
        found = self._stored_since(store)
        if found is None:
            return False
        stored, numbers = found
        if self._later + len(stored) > REBASE or any(row[4] is None for row in stored):
            return False  # the next run builds the index and writes it whole
        if stored:
            with open(self.path, "r+b") as file:
                _write_part(file, {"stored": stored, **numbers})
        return True

    def _rebase(self, store: Store, now: datetime, window: timedelta) -> bool:
        """The index of the rows ``build`` read and those stored since, written whole, if a next run may
        still find this window. Not after a file this run found stale: what made it so may again.

        The rows stored since (a cold run's whole window) are read and loaded a batch at a time with their
        signatures as stored, as the start-up rebuild reads them (``rebuild.signed_rows``): read at once, each
        made a ``Signature``, they were the main process's peak (sp57: 208 -> 241 MB on a cold newsroom run)."""
        from monitor.dedup import StoryIndex
        from monitor.dedup.rebuild import signed_rows

        assert self.path is not None and self._since is not None
        if self._built is None:
            return False
        start, _, _ = store.window_span(self._since)
        if start is None or start + window - now < USEFUL:
            return False  # its oldest entry ages out before a next run could use it
        if self._changes is None or store.window_changes() != self._changes:
            return False  # a stored row changed in this run
        built, self._built = self._built, None
        computed: list[tuple[int, Signature]] = []
        added = _Counted(signed_rows(store, self._since, computed, after=self._last))
        index = StoryIndex(window=window)
        index.load(itertools.chain(built, added))
        del built  # in the index now: not held beside its pickle
        _, count, top = store.window_span(self._since)
        if computed or count != self._rows + added.count or top != (added.last or self._last):
            return False  # a row without its signature, or one left meanwhile: the count does not add up
        head = {"key": self.key, "changes": self._changes, "rows": count, "last": top}
        temporary = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
        try:
            descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(descriptor, "wb") as file:
                _write_part(file, head)
                _write_part(file, index)
            os.replace(temporary, self.path)
        finally:
            with contextlib.suppress(OSError):
                temporary.unlink()
        return True


class _Counted:
    """Rows passed through as they are read, counted, with the id (first field) of the last one."""

    def __init__(self, rows: Iterable[tuple[Any, ...]]) -> None:
        self._rows = rows
        self.count = 0
        self.last = 0

    def __iter__(self) -> Iterator[Any]:
        for row in self._rows:
            self.count += 1
            self.last = row[0]
            yield row
