"""The performance paths keep the behaviour: parsing in worker processes and skipping
unchanged bodies give the same results as the plain way."""

from __future__ import annotations

from http.server import BaseHTTPRequestHandler

import pytest
from conftest import DATA, fill_dates, recent, write_config

from monitor import app
from monitor.config import load_config
from monitor.errors import ParseError
from monitor.parse import ParsedFeed, parse_feed
from monitor.parsepool import FeedParser
from monitor.pipeline import poll

FEED = fill_dates((DATA / "feeds" / "outlet-a.xml").read_text(), recent()).encode()


def test_worker_processes_parse_exactly_like_parse_feed():
    parser = FeedParser(workers=2)
    try:
        assert parser.parse(FEED, "http://a.example/rss", "A") == parse_feed(FEED, "http://a.example/rss", "A")
        with pytest.raises(ParseError, match="not an RSS or Atom feed"):
            parser.parse(b"<html>hello</html>", "http://a.example/rss", "A")
    finally:
        parser.close()
        parser.close()  # safe twice


def test_parser_starts_again_after_close():
    parser = FeedParser(workers=1)
    parser.close()
    try:
        assert parser.parse(FEED, "http://a.example/rss").entries
    finally:
        parser.close()


class CountingParser(FeedParser):
    def __init__(self) -> None:
        super().__init__(workers=0)
        self.calls = 0

    def parse(self, body: bytes, feed_url: str, outlet: str = "") -> ParsedFeed:
        self.calls += 1
        return super().parse(body, feed_url, outlet)


def test_an_unchanged_body_from_a_server_ignoring_conditional_get_is_not_parsed(tmp_path, feed_server):
    def no_validators(request: BaseHTTPRequestHandler) -> None:
        request.send_response(200)
        request.send_header("Content-Type", "application/rss+xml")
        request.send_header("Content-Length", str(len(FEED)))
        request.end_headers()
        request.wfile.write(FEED)

    feed_server.route("/plain.xml", no_validators)
    config = load_config(write_config(tmp_path, [feed_server.url("/plain.xml")], ["json://127.0.0.1:9/x"]))
    pipeline = app.build(config)
    pipeline.parser = parser = CountingParser()
    try:
        first = poll(pipeline, config.feeds[0])
        second = poll(pipeline, config.feeds[0])
    finally:
        pipeline.close()

    assert first.new_entries > 0 and parser.calls == 1
    assert second.not_modified and second.new_entries == 0
    assert parser.calls == 1
    assert feed_server.hits["/plain.xml"] == 2
