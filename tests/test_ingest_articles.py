"""A poll's articles: its stored rows read at once, outcomes that took no request stored together, and a
row another poll stored meanwhile taken instead of fetching the page again (a real server, a real file)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

import httpx

from monitor.demo.feedserver import FeedServer
from monitor.ingest.articles import Articles
from monitor.ingest.fulltext import Politeness
from monitor.ingest.pool import FeedParser
from monitor.models import Entry, FullText
from monitor.rules import RuleSet
from monitor.store import Article, Store

NOW = datetime(2026, 12, 5, 1, 0, tzinfo=UTC)


class FirstReadStale(Store):
    """A store whose first ``articles`` read comes before another poll stored its rows: it finds none."""

    stale = True

    def articles(self, urls: Iterable[str]) -> dict[str, Article]:
        if self.stale:
            self.stale = False
            return {}
        return super().articles(urls)


def entry(link: str, key: str) -> Entry:
    return Entry("https://feed.example/rss", "Feed", key, link, "A teaser", "A teaser.", "")


def test_articles_reads_only_the_stored_rows_by_url(tmp_path: Path):
    store = Store(tmp_path / "state.db")
    urls = [f"https://x.example/{n}" for n in range(2000)]  # over one IN (...) list
    store.save_articles("https://x.example/rss", [Article(u, "blocked", error="robots") for u in urls[::3]], NOW)

    found = store.articles([*urls, urls[0]])

    assert sorted(found) == sorted(urls[::3])
    assert found[urls[3]] == Article(urls[3], "blocked", error="robots")
    assert store.article(urls[1]) is None
    store.close()


def test_a_row_stored_meanwhile_by_another_poll_is_taken_not_fetched(tmp_path: Path, feed_server: FeedServer):
    feed_server.put("/robots.txt", b"User-agent: *\nAllow: /\n", "text/plain")
    feed_server.put("/a.html", b"<html><body><p>The page.</p></body></html>", "text/html")
    page, other = feed_server.url("/a.html"), feed_server.url("/b.html")
    store = FirstReadStale(tmp_path / "state.db")
    store.save_article("https://other.example/rss", Article(page, "fetched", text="Stored by the other poll."), NOW)
    articles = Articles(httpx.Client(), store, FeedParser(workers=0))

    texts = articles.texts(
        "https://feed.example/rss",
        (entry(page, "a"), entry(other, "b")),
        FullText("always"),
        RuleSet(()),
        Politeness(),
        NOW,
    )

    assert texts == {"a": "Stored by the other poll."}
    assert feed_server.hits.get("/a.html", 0) == 0  # read again before the request: not fetched twice
    assert feed_server.hits["/b.html"] == 1  # no such page: tried, and its failure stored at once
    assert store.article(page) == Article(page, "fetched", text="Stored by the other poll.")  # still the other feed's
    assert store.article(other).status == "failed"
    store.close()
