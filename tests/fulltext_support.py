"""Summary-only feeds of the article pages in tests/data/articles, served with their pages."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from xml.sax.saxutils import escape

from monitor.demo.feedserver import FeedServer

ARTICLES = Path(__file__).parent / "data" / "articles"


def pages() -> list[dict[str, str]]:
    return [json.loads(line) for line in (ARTICLES / "index.jsonl").read_text().splitlines() if line.strip()]


def serve_teasers(server: FeedServer, rows: list[dict[str, str]], path: str = "/teasers.xml") -> str:
    """A feed whose entries carry only each page's ``feed_summary``, linking to the page on ``server``."""
    when = datetime.now(UTC) - timedelta(minutes=30)
    items = []
    for row in rows:
        page = "/articles/" + row["page"]
        server.put(page, (ARTICLES / row["page"]).read_bytes(), "text/html; charset=utf-8")
        items.append(
            f"<item><title>{escape(row['title'])}</title><guid>{escape(page)}</guid>"
            f"<link>{server.url(page)}</link><description>{escape(row['feed_summary'])}</description>"
            f"<pubDate>{when.strftime('%a, %d %b %Y %H:%M:%S +0000')}</pubDate></item>"
        )
    server.put(
        path, f'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>{"".join(items)}</channel></rss>'
    )
    return server.url(path)
