"""Fetched article text (issue 16): the cache by canonical URL, its state per feed for `feeds list`."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime

from monitor.models import Entry
from monitor.store.base import StoreBase
from monitor.store.helpers import _CHUNK, iso

STATUSES = ("fetched", "failed", "blocked", "budget")
MAX_ATTEMPTS = 3  # a failing article is tried on this many polls, then left alone
# An article to try again (its one parameter: MAX_ATTEMPTS): failed fewer times than that, or over budget.
PENDING = "(status = 'budget' OR (status = 'failed' AND attempts < ?))"


@dataclass(frozen=True, slots=True)
class Article:
    """One row of ``articles``: what became of the article at ``url``."""

    url: str
    status: str  # one of STATUSES
    text: str = ""
    source_url: str = ""
    error: str = ""
    attempts: int = 0


class ArticlesMixin(StoreBase):
    """The ``articles`` table (m0xx_fulltext_articles)."""

    def article(self, url: str) -> Article | None:
        return self.articles([url]).get(url)

    def articles(self, urls: Iterable[str]) -> dict[str, Article]:
        """The rows of ``urls`` that exist, by URL: one read for a poll's articles, not one per entry."""
        urls = list(dict.fromkeys(urls))
        found: dict[str, Article] = {}
        for start in range(0, len(urls), _CHUNK):
            chunk = urls[start : start + _CHUNK]
            sql = (
                "SELECT url, status, text, source_url, error, attempts FROM articles "
                f"WHERE url IN ({', '.join('?' * len(chunk))})"
            )
            with self._lock:
                rows = self.conn.execute(sql, chunk).fetchall()
            for url, status, text, source, error, attempts in rows:
                found[url] = Article(url, status, text or "", source or "", error or "", attempts)
        return found

    def save_article(self, feed_url: str, article: Article, now: datetime) -> None:
        """Insert or replace the row of ``article.url``; ``attempts`` is the caller's count."""
        self.save_articles(feed_url, [article], now)

    def save_articles(self, feed_url: str, articles: Iterable[Article], now: datetime) -> None:
        """``save_article`` of each, in one transaction (a poll's articles that needed no request)."""
        rows = [
            (a.url, feed_url, a.status, a.source_url or None, a.text or None, a.error or None, a.attempts, iso(now))
            for a in articles
        ]
        if not rows:
            return
        with self.transaction() as db:
            db.executemany(
                "INSERT OR REPLACE INTO articles (url, feed_url, status, source_url, text, error, attempts, updated) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                rows,
            )

    def articles_pending(self, feed_url: str) -> set[str]:
        """URLs of ``feed_url``'s articles to try again: failed (fewer than MAX_ATTEMPTS times) or over budget."""
        with self._lock:
            rows = self.conn.execute(
                f"SELECT url FROM articles WHERE feed_url = ? AND {PENDING}", [feed_url, MAX_ATTEMPTS]
            )
            return {url for (url,) in rows}

    def prune_articles(self, cutoff: datetime) -> int:
        """Delete the articles last touched before ``cutoff`` that no stored entry links to (retention
        pruned their entries, or they never became one). Returns how many went."""
        with self.transaction() as db:
            if db.execute("SELECT 1 FROM articles WHERE updated < ? LIMIT 1", [iso(cutoff)]).fetchone() is None:
                return 0  # the usual hourly case: no scan of the entries
            # Not correlated: SQLite reads the entries' links once, into a temporary index.
            gone = db.execute(
                "DELETE FROM articles WHERE updated < ? AND url NOT IN "
                "(SELECT link FROM entries WHERE link IS NOT NULL AND link != '')",
                [iso(cutoff)],
            )
            return int(gone.rowcount)

    def article_health(self) -> dict[str, dict[str, int]]:
        """Per feed URL, how many of its articles are in each status (fetched, failed, blocked, budget)."""
        with self._lock:
            rows = self.conn.execute("SELECT feed_url, status, count(*) FROM articles GROUP BY feed_url, status")
            found: dict[str, dict[str, int]] = {}
            for feed_url, status, count in rows:
                found.setdefault(feed_url, {})[status] = count
        return found


def with_articles(db: sqlite3.Connection, entries: dict[int, Entry]) -> dict[int, Entry]:
    """``entries`` with the text of their fetched article (``Entry.article``), where there is one."""
    links = list({e.link for e in entries.values() if e.link})
    texts: dict[str, str] = {}
    for start in range(0, len(links), _CHUNK):
        chunk = links[start : start + _CHUNK]
        sql = f"SELECT url, text FROM articles WHERE status = 'fetched' AND url IN ({', '.join('?' * len(chunk))})"
        texts.update((url, text) for url, text in db.execute(sql, chunk) if text)
    if not texts:
        return entries
    return {i: replace(e, article=texts[e.link]) if e.link in texts else e for i, e in entries.items()}
