"""A large history for the scale figures: N entries written straight into a monitor database.

Rows go in through the real schema (``Store`` applies every migration, so any
trigger other code adds fires too), in large batches. The full-text index of
`rules test` is not filled: ``Store.catch_up_fts`` does that, timed on its own.
"""

from __future__ import annotations

import json
import random
from datetime import datetime, timedelta
from pathlib import Path

from benchmarks.workload import ENTITIES, TOPICS, vocabulary
from monitor.dedup import signature
from monitor.models import Entry
from monitor.store import Store, iso
from monitor.store.window import SIGNATURE_COLUMNS, signature_values

BATCH = 20_000
_SIGNED_VALUES = ", ".join("?" * len(SIGNATURE_COLUMNS))  # the signature columns' placeholders
SIGNED = timedelta(days=8)  # entries this recent get dedup signatures: the default window is 7 days


def fill(path: Path, entries: int, now: datetime, seed: int = 8, feeds: int = 500) -> None:
    """``entries`` entries over the last year, four outlets per story, some naming rule words."""
    rng = random.Random(f"bigdb:{seed}")
    vocab = vocabulary(seed)
    words = [*vocab[:3000], *ENTITIES, *TOPICS]
    texts = [" ".join(rng.choices(words, k=rng.randint(25, 60))) for _ in range(4000)]
    titles = [" ".join(rng.choices(words, k=rng.randint(6, 11))).capitalize() for _ in range(4000)]
    store = Store(path)
    db = store.db
    step = timedelta(days=365) / max(1, entries)
    with store.transaction():
        db.conn.executemany(
            "INSERT INTO feeds (url, name, source) VALUES (?, ?, 'config') ON CONFLICT(url) DO NOTHING",
            [(f"http://bench.invalid/{f:05d}", f"Outlet {f:05d}") for f in range(feeds)],
        )
    for start in range(0, entries, BATCH):
        numbers = range(start, min(entries, start + BATCH))
        with store.transaction():
            db.conn.executemany(
                "INSERT INTO stories (id, first_entry_id, title, first_seen) VALUES (?, ?, ?, ?)",
                [(n // 4 + 1, n + 1, titles[n % 4000], iso(now - (entries - n) * step)) for n in numbers if n % 4 == 0],
            )
            db.conn.executemany(
                "INSERT INTO entries (id, feed_url, key, outlet, link, title, summary, content, author, tags, lang, "
                "published, first_seen, story_id, dedup_score, dedup_reason, "
                f"{', '.join(SIGNATURE_COLUMNS)}) "
                f"VALUES (?, ?, ?, ?, ?, ?, ?, '', '', ?, 'en', ?, ?, ?, 0, '', {_SIGNED_VALUES})",
                [_row(n, entries, now, step, feeds, titles, texts) for n in numbers],
            )
    store.close()


def _row(
    n: int, total: int, now: datetime, step: timedelta, feeds: int, titles: list[str], texts: list[str]
) -> tuple[object, ...]:
    feed = n % feeds
    moment = now - (total - n) * step
    when = iso(moment)
    row = (
        n + 1,
        f"http://bench.invalid/{feed:05d}",
        f"guid:bench-{n}",
        f"Outlet {feed:05d}",
        f"https://outlet{feed:05d}.example/{n}",
        titles[(n // 4) % 4000],
        texts[(n * 7 + n // 4) % 4000],
        json.dumps([]),
        when,
        when,
        n // 4 + 1,
    )
    return row + _signature(row, moment, now)


def _signature(row: tuple[object, ...], moment: datetime, now: datetime) -> tuple[object, ...]:
    """The dedup columns the pipeline writes with every entry, for the entries of the dedup window
    (what a start-up reads); older rows keep none, like rows stored before signatures were kept."""
    if moment < now - SIGNED:
        return signature_values(None)
    _, feed_url, key, outlet, link, title, summary, *_ = row
    entry = Entry(str(feed_url), str(outlet), str(key), str(link), str(title), str(summary), "", published=moment)
    sig = signature(entry, moment)
    return signature_values(sig)
