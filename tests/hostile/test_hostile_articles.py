"""Hostile article pages (issue 16): each linked from a feed in "always" mode, beside a healthy
summary-only feed whose article alerts. For every case: the healthy alert arrives, the poll
ends within a generous bound, the parent's memory does not grow by the page, the article ends
as a state (``articles`` row, never an exception) with one clear log line.

The client is the guarded one (``allow_private = false``) except that 127.0.0.1, where the test
server listens, is allowed: a redirect to 127.0.0.2 stands for one to a private address.
"""

from __future__ import annotations

import logging
import resource
import sqlite3
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from cases import MiB, gzip_bomb, redirect, stream, zeros
from conftest import write_config
from fulltext_support import pages, serve_teasers
from harness import Handler, item, reply, rss

from monitor import runtime
from monitor.config import load_config
from monitor.demo.feedserver import FeedServer
from monitor.ingest.addresses import GuardedBackend, guarded_transport
from monitor.ingest.articles import Articles
from monitor.ingest.fetch import make_client
from monitor.pipeline import Pipeline, poll

WALL_CLOCK_BOUND = 60.0  # seconds per case: generous for a loaded CI machine, far below a hang
RSS_GROWTH_BOUND = 150 * 1024  # KiB the parent may grow by (ru_maxrss); the pages reach 200 MB and more
COPPER_RULE = "name: Uzbek copper\nmatch:\n  all:\n    - any: [copper]\n    - any: [Zarafshan]\n"
CONFIG = """[polling]
full_text_timeout = "10s"
full_text_extract_timeout = "3s"
full_text_max_bytes = "3MB"
"""


def drip(request: BaseHTTPRequestHandler) -> None:
    def chunks() -> Iterator[bytes]:
        yield b"<html><body><article><p>copper"
        for _ in range(300):  # a minute at most
            time.sleep(0.2)
            yield b" drip"

    stream(200, chunks, "text/html")(request)


def nested(depth: int) -> bytes:
    return b"<html><body>" + b"<div>" * depth + b"<p>copper deep down</p>" + b"</div>" * depth + b"</body></html>"


def pathological() -> bytes:
    """~3 MB of paragraphs of one-letter links and inline tags: the slowest shape found for extraction."""
    paragraph = "<p>" + " ".join(f"<a href='/{i}'><b><i>w</i></b></a>" for i in range(200)) + "</p>"
    return ("<html><body><article>" + paragraph * 100 + "</article></body></html>").encode()[: 3 * MiB - 100]


CASES: dict[str, tuple[Handler, tuple[str, ...]]] = {
    "page-200mb": (stream(200, lambda: zeros(200 * MiB), "text/html"), ("exceeds the",)),
    "gzip-bomb": (reply(200, gzip_bomb(256 * MiB), "text/html", Content_Encoding="gzip"), ("after decompression",)),
    "slow-drip": (drip, ("still arriving", "timed out")),
    "redirect-private": (None, ("refusing 127.0.0.2",)),  # type: ignore[dict-item]  # set per server
    "redirect-file": (redirect("file:///etc/passwd"), ("refusing file URL",)),
    "page-is-feed": (reply(200, rss(item("copper", guid="c")).encode(), "text/html"), ("serves a feed",)),
    "invalid-encoding": (
        reply(
            200,
            b"<html><body><article><p>Caf\xe9 \xff\xfe copper \xc3\x28 deal</p></article></body></html>",
            "text/html; charset=utf-8",
        ),
        ("fetched", "no article text"),
    ),
    "nested-50000": (reply(200, nested(50_000), "text/html"), ("fetched", "no article text", "could not be read")),
    "pathological": (reply(200, pathological(), "text/html"), ("fetched", "no article text", "took longer")),
}


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with FeedServer() as s:
        yield s


def build(tmp_path: Path, urls: list[str]) -> Pipeline:
    path = write_config(tmp_path, urls, ["console://"], rules=COPPER_RULE, extra=CONFIG)
    path.write_text(path.read_text() + 'full_text = "always"\n')  # the last feed: the hostile one
    p = runtime.build(load_config(path))
    backend = GuardedBackend(allowed=lambda ip: ip == "127.0.0.1")
    p.client.close()
    p.client = make_client(transport=guarded_transport(backend))
    p.articles = Articles(p.client, p.store, p.parser, p.hosts)
    return p


@pytest.mark.parametrize("name", list(CASES))
def test_a_hostile_article_is_bounded_and_the_healthy_alert_arrives(name, server, tmp_path, caplog):
    handler, outcomes = CASES[name]
    if name == "redirect-private":
        handler = redirect(f"http://127.0.0.2:{server.httpd.server_address[1]}/x")
    server.route(f"/hostile/{name}", handler)
    when = datetime.now(UTC)
    link = server.url(f"/hostile/{name}")
    server.put(
        "/hostile.xml",
        rss(item("A copper story", guid="h", when=when).replace("<description>", f"<link>{link}</link><description>")),
    )
    healthy = serve_teasers(server, pages()[:1])
    p = build(tmp_path, [healthy, server.url("/hostile.xml")])
    try:
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        started = time.monotonic()
        with caplog.at_level(logging.INFO, logger="monitor"):
            results = [poll(p, feed) for feed in p.runtime.feeds]
        elapsed = time.monotonic() - started
        grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
        with sqlite3.connect(p.store.path) as conn:
            rows = dict(conn.execute("SELECT url, status || ': ' || coalesce(error, '') FROM articles").fetchall())
    finally:
        p.close()
    assert results[0].alerts == 1, results  # the healthy feed's article matched
    assert results[1].error is None, results  # the hostile page is the article's state, not the feed's
    outcome = rows[link]
    assert any(word in outcome for word in outcomes), outcome
    assert elapsed < WALL_CLOCK_BOUND
    assert grown < RSS_GROWTH_BOUND, f"{grown} KiB"
    if not outcome.startswith("fetched"):
        lines = [r.getMessage() for r in caplog.records if f"/hostile/{name}" in r.getMessage()]
        assert len(lines) == 1, lines
