"""Shared by every part of the Store: ISO time text, secret-free and tombstone digests,
IN (...) lists of ids, and the converters from stored rows to an ``Entry``.

And ``absent``: an import without the optional extras a library would load (sqlite-utils' pandas).

One place for each so the feeds, entries, history and alerts modules store and read
times and ids the same way.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import sys
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from typing import Any

from monitor.models import Entry


@contextlib.contextmanager
def absent(*names: str) -> Iterator[None]:
    """Import with ``names`` looking uninstalled (for this import only), where a library tries them as extras."""
    hidden = [name for name in names if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]
    try:
        yield
    finally:
        for name in hidden:
            del sys.modules[name]


def url_id(url: str) -> str:
    """A stable, secret-free handle for a target URL (stored instead of the URL)."""
    return hashlib.sha256(url.encode()).hexdigest()[:16]


def tombstone(feed_url: str, key: str) -> int:
    """A pruned entry's identity in 8 bytes (a signed 64-bit SQLite integer)."""
    digest = hashlib.blake2b(f"{feed_url}\n{key}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def iso(moment: datetime | None) -> str | None:
    return moment.astimezone(UTC).isoformat(timespec="seconds") if moment else None


def from_iso(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def _ids(ids: int | Iterable[int]) -> list[int]:
    return [ids] if isinstance(ids, int) else list(ids)


_CHUNK = 900  # ids per IN (...) list: under SQLite's oldest limit of 999 parameters


def _marks(ids: int | Iterable[int]) -> str:
    return ",".join("?" * len(_ids(ids)))


_BATCH = 2000  # rows of history read per step
_ENTRY_COLUMNS = (
    "feed_url",
    "outlet",
    "key",
    "link",
    "title",
    "summary",
    "content",
    "author",
    "tags",
    "published",
    "coalesce(nullif(lang, ''), lang_detected)",  # the feed's language, else the one detected (m015)
)


def _entry_of(values: tuple[Any, ...]) -> Entry:
    """An Entry from the ``_ENTRY_COLUMNS`` of a row, in that order."""
    feed_url, outlet, key, link, title, summary, content, author, tags, published, lang = values
    return Entry(
        feed_url=feed_url,
        outlet=outlet,
        key=key,
        link=link,
        title=title,
        summary=summary,
        content=content,
        author=author or "",
        tags=tuple(json.loads(tags)) if tags and tags != "[]" else (),
        published=from_iso(published),
        lang=lang or "",
    )


def _row_entry(row: dict[str, Any]) -> Entry:
    return Entry(
        feed_url=row["feed_url"],
        outlet=row["outlet"],
        key=row["key"],
        link=row["link"],
        title=row["title"],
        summary=row["summary"],
        content=row["content"],
        author=row["author"] or "",
        tags=tuple(json.loads(row["tags"] or "[]")),
        published=from_iso(row["published"]),
        lang=row["lang"] or row.get("lang_detected") or "",
    )
