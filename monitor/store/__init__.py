"""SQLite state: feeds, entries, stories, alerts. The schema is sqlite-utils migrations; reads and writes
go through the plain sqlite3 connection (sqlite-utils is imported when a migration is due, ``StoreBase.db``).

One writer: the process holds an exclusive lock file beside the database so two
daemons never share it, and every write goes through this class under a lock.
An entry and its pending alerts are written in one transaction (the outbox), so
an alert can never be lost between "seen" and "queued".

The package is split by concern (base: connection, lock and transactions; feeds;
entries (writes); stories (reads of entries, stories, events); window (dedup signatures);
history and full-text; alerts; mutes; the console's reads; migrations; records and helpers);
``Store`` joins the parts, and every public name is re-exported here, so callers
import from ``monitor.store`` only.
"""

from __future__ import annotations

from monitor.store.alerts import AlertsMixin
from monitor.store.articles import Article, ArticlesMixin
from monitor.store.console import STATES, ConsoleMixin, InboxFilter, feed_status, fts_phrases
from monitor.store.entries import EntriesMixin
from monitor.store.feedback import Feedback, FeedbackMixin
from monitor.store.feeds import FEED_STATES, FeedsMixin
from monitor.store.helpers import from_iso, iso, tombstone, url_id
from monitor.store.history import HistoryMixin
from monitor.store.languages import LanguagesMixin
from monitor.store.migrations import migrations
from monitor.store.mutes import MUTE_KINDS, MutesMixin
from monitor.store.records import Delivery, FeedState, Notice, PendingAlert, QueuedAlert, Recorded
from monitor.store.signals import SignalsMixin
from monitor.store.stories import StoriesMixin
from monitor.store.window import WindowMixin

__all__ = [
    "FEED_STATES",
    "MUTE_KINDS",
    "STATES",
    "Article",
    "Delivery",
    "FeedState",
    "Feedback",
    "InboxFilter",
    "Notice",
    "PendingAlert",
    "QueuedAlert",
    "Recorded",
    "Store",
    "feed_status",
    "from_iso",
    "fts_phrases",
    "iso",
    "migrations",
    "tombstone",
    "url_id",
]


class Store(
    FeedsMixin,
    EntriesMixin,
    WindowMixin,
    StoriesMixin,
    HistoryMixin,
    AlertsMixin,
    FeedbackMixin,
    SignalsMixin,
    MutesMixin,
    ConsoleMixin,
    ArticlesMixin,
    LanguagesMixin,
):
    """The state database. Safe to use from several threads; one writer at a time."""
