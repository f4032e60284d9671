"""The schema: the ``migrations`` sqlite-utils applies when a Store opens.

sqlite-utils records each applied migration by its function name in the database, so
these functions keep their names, order and bodies for good: renaming or reordering one
would re-run or skip it on existing databases. A new column or table is a NEW function
appended at the end (``@step``, named mNNN_<area>_<what>).

sqlite-utils is imported only when a migration is due (``behind``): it pulls in dateutil,
pluggy and its own modules (~0.05 CPU-s after click), and a database at the schema needs none of it.
"""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite_utils

SET = "monitor"  # the migration set's name, as sqlite-utils records it
_TABLE = "_sqlite_migrations"  # where sqlite-utils records them (``Migrations.migrations_table``)
_DATED = "coalesce(published, first_seen)"  # an entry's date in history (indexed by m008)
_steps: list[Callable[[sqlite_utils.Database], None]] = []


def step(migration: Callable[[sqlite_utils.Database], None]) -> Callable[[sqlite_utils.Database], None]:
    """Register ``migration`` as the next one, in the order of this file."""
    _steps.append(migration)
    return migration


@functools.cache
def migrations() -> sqlite_utils.Migrations:
    """The steps as sqlite-utils' migration set (which applies them and records each by name)."""
    from sqlite_utils import Migrations

    found = Migrations(SET)
    for migration in _steps:
        found()(migration)
    return found


def behind(conn: sqlite3.Connection) -> bool:
    """Whether a step is not recorded as applied in the database (read-only; a new database is behind)."""
    try:
        rows = conn.execute(f"SELECT name FROM {_TABLE} WHERE migration_set = ?", [SET]).fetchall()
    except sqlite3.OperationalError:  # no such table: nothing applied yet
        return True
    applied = {name for (name,) in rows}
    return any(migration.__name__ not in applied for migration in _steps)


@step
def m001_initial(db: sqlite_utils.Database) -> None:
    db.table("feeds").create(
        {
            "url": str,
            "name": str,
            "source": str,
            "etag": str,
            "last_modified": str,
            "last_fetch": str,
            "last_success": str,
            "next_poll": str,
            "error_count": int,
            "last_error": str,
            "status": str,
            "polled": int,
            "entries_seen": int,
        },
        pk="url",
        defaults={"error_count": 0, "status": "ok", "polled": 0, "entries_seen": 0, "source": "config"},
    )
    db.table("stories").create({"id": int, "first_entry_id": int, "title": str, "first_seen": str}, pk="id")
    db.table("entries").create(
        {
            "id": int,
            "feed_url": str,
            "key": str,
            "outlet": str,
            "link": str,
            "title": str,
            "summary": str,
            "content": str,
            "author": str,
            "tags": str,
            "lang": str,
            "published": str,
            "first_seen": str,
            "story_id": int,
            "dedup_score": float,
            "dedup_reason": str,
            "duplicate_of": int,
        },
        pk="id",
        foreign_keys=[("story_id", "stories", "id")],
    )
    db.table("entries").create_index(["feed_url", "key"], unique=True)
    db.table("entries").create_index(["story_id"])
    db.table("entries").create_index(["first_seen"])
    db.table("alerts").create(
        {
            "id": int,
            "rule": str,
            "story_id": int,
            "entry_id": int,
            "target": str,
            "url_id": str,
            "url_label": str,
            "matched": str,
            "status": str,
            "created": str,
            "attempts": int,
            "next_attempt": str,
            "last_error": str,
            "sent_at": str,
        },
        pk="id",
        defaults={"status": "pending", "attempts": 0},
        foreign_keys=[("story_id", "stories", "id"), ("entry_id", "entries", "id")],
    )
    # The outbox key: one delivery per rule, story and target URL, ever.
    db.table("alerts").create_index(["rule", "story_id", "url_id"], unique=True)
    db.table("alerts").create_index(["status"])


@step
def m002_dedup_events_updates_signatures(db: sqlite_utils.Database) -> None:
    """Events (a story's event is its first story's id), update detection, stored dedup signatures,
    and alert keys beyond the story: one per event, per material update, per escalation."""
    db.table("stories").add_column("event_id", int)
    db.table("stories").add_column("event_score", float)
    db.table("stories").add_column("event_reason", str)
    db.execute("UPDATE stories SET event_id = id")
    db.table("stories").create_index(["event_id"])
    for name, kind in (("content_hash", str), ("updated", str), ("update_reason", str), ("dedup_bands", bytes)):
        db.table("entries").add_column(name, kind)
    db.table("entries").add_column("dedup_lede", str)
    db.table("entries").add_column("dedup_keywords", str)
    db.table("entries").add_column("dedup_when", float)
    db.table("alerts").add_column("kind", str, not_null_default="story")
    db.table("alerts").add_column("alert_key", str)
    db.execute("UPDATE alerts SET alert_key = 'story:' || story_id")
    # The outbox key becomes (rule, alert_key, url): "story:7", "event:3", "update:12:hash", "escalation:7".
    db.execute("DROP INDEX IF EXISTS idx_alerts_rule_story_id_url_id")
    db.table("alerts").create_index(["rule", "alert_key", "url_id"], unique=True)


@step
def m003_polling_schedule_health_tombstones(db: sqlite_utils.Database) -> None:
    """Feed schedule and health columns, and tombstones of pruned entries."""
    feeds = db.table("feeds")
    feeds.add_column("fetch_url", str)  # where a permanent redirect said the feed now lives
    feeds.add_column("interval", float)  # the base interval the schedule settled on
    feeds.add_column("pinned_interval", float)  # `feeds add --interval`: a command feed's fixed interval
    feeds.add_column("failing_since", str)  # first failure of the current streak
    feeds.add_column("health_notice", str)  # "failing"/"gone" once the operator was told
    feeds.add_column("overflows", int, not_null_default=0)
    feeds.add_column("added", str)
    # A pruned entry leaves only a 64-bit digest of (feed_url, key): enough to
    # recognise it when the feed still carries it, so it never alerts again.
    db.execute("CREATE TABLE tombstones (digest INTEGER PRIMARY KEY, pruned TEXT) WITHOUT ROWID")


@step
def m004_delivery_outbox(db: sqlite_utils.Database) -> None:
    """Holds (digest, quiet hours, burst), batches sent as one message, the in-flight mark, target health."""
    alerts = db.table("alerts")
    alerts.add_column("hold_reason", str)  # digest | quiet | burst: waits for one combined message
    alerts.add_column("hold_until", str)  # when the held alert may go out in a digest
    alerts.add_column("batch", int)  # alerts sent together as one digest share a batch number
    alerts.add_column("in_flight", str)  # set just before sending, cleared by the outcome
    alerts.add_column("since", str)  # start of the current retry series (max_age counts from here)
    db.table("target_health").create(
        {"url_id": str, "target": str, "url_label": str, "failing_since": str, "notice_at": str}, pk="url_id"
    )


@step
def m005_rules_entries_fts(db: sqlite_utils.Database) -> None:
    # Full-text index for `rules test`: a backtest pre-filters stored history with it,
    # then runs the exact matcher. Triggers keep it in step with every insert and update.
    db.table("entries").enable_fts(
        ["title", "summary", "content"], create_triggers=True, tokenize="unicode61 remove_diacritics 2"
    )


@step
def m006_feeds_body_hash(db: sqlite_utils.Database) -> None:
    """A hash of the last body processed: servers that ignore conditional GET resend
    unchanged bodies, and those are skipped without parsing."""
    db.table("feeds").add_column("body_hash", str)


@step
def m007_delivery_alert_detail(db: sqlite_utils.Database) -> None:
    """What an alert of a kind beyond "story" needs to say: an update's earlier title and what changed."""
    db.table("alerts").add_column("detail", str)  # JSON object; NULL for story, event and escalation alerts


@step
def m008_rules_entries_dated(db: sqlite_utils.Database) -> None:
    """`rules test` reads history by date (published, else first seen): without this
    index counting a million entries scans the whole table (about 1 s per million)."""
    db.execute(f"CREATE INDEX IF NOT EXISTS idx_entries_dated ON entries({_DATED})")


@step
def m009_rules_fts_lazy(db: sqlite_utils.Database) -> None:
    """The full-text index of `rules test` leaves the per-entry path: indexing each new entry in a
    trigger was most of what storing it cost. ``Store.catch_up_fts`` now indexes the entries above
    ``fts_state.indexed_to`` in bulk; entries at or below it (indexed) keep triggers for their
    updates and deletions, which stay rare. ``Store.history`` reads the not-yet-indexed tail
    without the index, so a backtest never misses an entry."""
    for name in ("entries_ai", "entries_ad", "entries_au"):  # m005's (sqlite-utils' names)
        db.execute(f"DROP TRIGGER IF EXISTS {name}")
    db.execute("CREATE TABLE fts_state (id INTEGER PRIMARY KEY CHECK (id = 1), indexed_to INTEGER NOT NULL)")
    # m005's triggers indexed every entry stored so far.
    db.execute("INSERT INTO fts_state (id, indexed_to) SELECT 1, coalesce(max(id), 0) FROM entries")
    indexed = "old.id <= (SELECT indexed_to FROM fts_state)"
    forget = (
        "INSERT INTO entries_fts (entries_fts, rowid, title, summary, content) "
        "VALUES ('delete', old.id, old.title, old.summary, old.content);"
    )
    db.execute(
        f"CREATE TRIGGER entries_fts_au AFTER UPDATE OF title, summary, content ON entries WHEN {indexed} BEGIN "
        f"{forget} INSERT INTO entries_fts (rowid, title, summary, content) "
        "VALUES (new.id, new.title, new.summary, new.content); END"
    )
    # SQLite gives a new row max(id) + 1: once the newest entries are deleted, ids at or below the
    # mark come back, so the mark goes down with them (never below an indexed entry still stored).
    top = "(SELECT coalesce(max(id), 0) FROM entries)"
    db.execute(
        f"CREATE TRIGGER entries_fts_ad AFTER DELETE ON entries WHEN {indexed} BEGIN {forget} "
        f"UPDATE fts_state SET indexed_to = {top} WHERE indexed_to > {top}; END"
    )


@step
def m010_feedback(db: sqlite_utils.Database) -> None:
    """The analyst's verdict on an alert (issue 14): relevant or irrelevant, with a note.
    One row per alert (a new verdict replaces the old); the rule and entry are copied so
    feedback outlives the alert's pruning and ``rules test`` can read it per rule."""
    db.execute(
        "CREATE TABLE feedback (alert_id INTEGER PRIMARY KEY, rule TEXT NOT NULL, entry_id INTEGER NOT NULL, "
        "verdict TEXT NOT NULL CHECK (verdict IN ('relevant', 'irrelevant')), note TEXT, created TEXT NOT NULL)"
    )
    db.execute("CREATE INDEX idx_feedback_rule ON feedback(rule)")


@step
def m011_feeds_folder(db: sqlite_utils.Database) -> None:
    """The folder (category) an OPML import found a command feed in, "A/B" when nested; written back on export."""
    db.execute("ALTER TABLE feeds ADD COLUMN folder TEXT NOT NULL DEFAULT ''")


@step
def m012_signals_rule_hits(db: sqlite_utils.Database) -> None:
    """Spike alerts count the distinct stories a rule matched per window: one row per (rule, story),
    the first time the rule matched it (a copy of the story adds nothing)."""
    db.execute(
        "CREATE TABLE rule_hits (rule TEXT NOT NULL, story_id INTEGER NOT NULL, at TEXT NOT NULL, "
        "PRIMARY KEY (rule, story_id)) WITHOUT ROWID"
    )
    db.execute("CREATE INDEX idx_rule_hits_rule_at ON rule_hits (rule, at)")


@step
def m013_web_mutes(db: sqlite_utils.Database) -> None:
    """The console's mutes (a story, a rule or a feed, until a time or until unmuted), the mark an
    alert muted by one carries, and the index the inbox's time filter reads."""
    db.execute(
        "CREATE TABLE mutes (id INTEGER PRIMARY KEY, kind TEXT NOT NULL CHECK (kind IN ('story', 'rule', 'feed')), "
        "value TEXT NOT NULL, until TEXT, created TEXT NOT NULL, ended TEXT)"
    )
    db.table("alerts").add_column("muted_by", int)  # the mute that kept it from being sent
    # Each index also orders by id: the inbox pages newest first under one filter without sorting.
    for column in ("created", "rule", "target", "story_id"):
        db.table("alerts").create_index([column])


@step
def m014_fulltext_articles(db: sqlite_utils.Database) -> None:
    """Full text of linked articles (issue 16), one row per canonical URL: a copy of the same
    URL in another feed reads the row instead of fetching again. ``status`` is "fetched"
    (``text`` extracted from ``source_url``, the address after redirects), "failed" (tried
    again on a later poll, ``attempts`` counts), "blocked" (robots.txt) or "budget" (the
    host's hourly budget was spent: tried again later)."""
    db.execute(
        "CREATE TABLE articles (url TEXT PRIMARY KEY, feed_url TEXT NOT NULL, status TEXT NOT NULL, "
        "source_url TEXT, text TEXT, error TEXT, attempts INTEGER NOT NULL DEFAULT 0, updated TEXT NOT NULL)"
    )
    db.execute("CREATE INDEX idx_articles_feed ON articles(feed_url, status)")


@step
def m015_entries_detected_language(db: sqlite_utils.Database) -> None:
    """The language detected for an entry whose feed gives none (issue 14): NULL until detected,
    "" when there was nothing to judge. Filled lazily (``LanguagesMixin``), never on the hot path
    of a poll: rows written before this migration are filled the first time they are read for it."""
    db.execute("ALTER TABLE entries ADD COLUMN lang_detected TEXT")


@step
def m016_dedup_window_changes(db: sqlite_utils.Database) -> None:
    """A counter of the changes to stored rows of the dedup window that new rows do not show: an entry's
    story, first-seen time, signature columns, outlet or id changed, a story's event changed, the newest
    entry deleted (its id may come back). A kept dedup index (``pipeline/kept.py``) is taken only while
    the counter, the window's row count and highest id are as it was kept with: that replaced reading
    and digesting every row of the window (0.1 CPU-s per 10,000 entries) on every run that needed it.
    Each trigger fires only on a real change: giving a new story its event (``coalesce``) or pruning
    old entries counts nothing (the window's row count tells an in-window deletion)."""
    db.execute("CREATE TABLE window_changes (id INTEGER PRIMARY KEY CHECK (id = 1), changes INTEGER NOT NULL)")
    db.execute("INSERT INTO window_changes (id, changes) VALUES (1, 0)")
    _window_entries_trigger(db, _WINDOW_COLUMNS)
    db.execute(
        "CREATE TRIGGER window_entries_ad AFTER DELETE ON entries "
        f"WHEN old.id > (SELECT coalesce(max(id), 0) FROM entries) {_WINDOW_BUMP}"
    )
    db.execute(
        "CREATE TRIGGER window_stories_au AFTER UPDATE ON stories "
        "WHEN old.id IS NOT new.id OR (old.first_entry_id IS NOT NULL "
        f"AND coalesce(old.event_id, old.id) IS NOT coalesce(new.event_id, new.id)) {_WINDOW_BUMP}"
    )


_WINDOW_BUMP = "BEGIN UPDATE window_changes SET changes = changes + 1; END"
# The entries' columns whose change m016 counts (m020 adds the link).
_WINDOW_COLUMNS = (
    "id", "story_id", "first_seen", "dedup_bands", "dedup_lede", "dedup_keywords", "dedup_when", "outlet",
)  # fmt: skip


def _window_entries_trigger(db: sqlite_utils.Database, columns: tuple[str, ...]) -> None:
    """m016's counter, bumped by an update of an entry that changes one of ``columns``."""
    changed = " OR ".join(f"old.{c} IS NOT new.{c}" for c in columns)
    db.execute(f"CREATE TRIGGER window_entries_au AFTER UPDATE ON entries WHEN {changed} {_WINDOW_BUMP}")


@step
def m017_maintenance_marks(db: sqlite_utils.Database) -> None:
    """When each periodic task (the retention pass) last ran: a `run --once` from cron every few minutes
    prunes at the daemon's pace (``daemon.PRUNE_EVERY``), not on every run (its query reads every story:
    0.03 CPU-s per 10,000 entries, every run)."""
    db.execute("CREATE TABLE maintenance (task TEXT PRIMARY KEY, done TEXT NOT NULL)")


@step
def m018_entries_raw_digest(db: sqlite_utils.Database) -> None:
    """A digest of what the parser read for each entry (``parse.raw_digest``): a changed feed re-sends
    ~50 known entries, and one whose digest is stored and unchanged is not converted again (HTML to text,
    ~0.2 ms each). NULL for rows stored before: those are converted as before, and get their digest then."""
    db.execute("ALTER TABLE entries ADD COLUMN raw_digest BLOB")


@step
def m019_dedup_keyword_hashes(db: sqlite_utils.Database) -> None:
    """A hash of each of an entry's event keywords (``packed.keyword_hashes``), beside them: the start-up
    rebuild reads a window's ~3M keywords as numbers, most never split out of their text (~0.3 CPU-s of
    a 100k window). NULL for rows stored before: those are split as before, until they leave the window.
    A write of the keywords that leaves their hashes as they were (code that does not know them) clears
    them: the hashes are never read for another text."""
    db.execute("ALTER TABLE entries ADD COLUMN dedup_keyword_hashes BLOB")
    db.execute(
        "CREATE TRIGGER entries_keyword_hashes_au AFTER UPDATE OF dedup_keywords ON entries "
        "WHEN new.dedup_keywords IS NOT old.dedup_keywords AND new.dedup_keyword_hashes IS old.dedup_keyword_hashes "
        "BEGIN UPDATE entries SET dedup_keyword_hashes = NULL WHERE id = new.id; END"
    )


@step
def m020_dedup_window_link_changes(db: sqlite_utils.Database) -> None:
    """An entry's link counts among m016's changes: the dedup window reads it (a teaser pointing at the
    address of a stored report joins its story, ``StoryIndex._pointed_at``), so a kept index whose entry
    changed its link is not taken."""
    db.execute("DROP TRIGGER window_entries_au")
    _window_entries_trigger(db, (*_WINDOW_COLUMNS, "link"))
