"""The performance paths keep the behaviour: parsing in worker processes and skipping
unchanged bodies give the same results as the plain way."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any

import psutil
import pytest
from conftest import DATA, fill_dates, recent, write_config

from monitor import runtime
from monitor.config import load_config
from monitor.dedup import content_hash, signature
from monitor.errors import ParseError
from monitor.ingest.examine import Facts, examine
from monitor.ingest.parse import parse_feed
from monitor.ingest.pool import FeedParser, Read, key_digest, read_feed
from monitor.models import Entry
from monitor.pipeline import poll
from monitor.rules import RuleSet, load_rules

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


def rules_of(folder: Path, text: str) -> RuleSet:
    folder.mkdir(exist_ok=True)
    (folder / "rules.yaml").write_text(text)
    return RuleSet(load_rules([folder]))


TWO_RULES = "- name: Taliban\n  match: {any: [Taliban]}\n- name: Recent cup\n  max_age: 1m\n  match: {any: [cup]}\n"


def test_worker_processes_examine_exactly_like_examine(tmp_path):
    rules = rules_of(tmp_path, TWO_RULES)
    entries = parse_feed(FEED, "http://a.example/rss", "A").entries
    seen = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
    parser = FeedParser(workers=1)
    try:
        found = parser.examine(entries, seen, rules)
    finally:
        parser.close()
    assert found == examine(entries, seen, rules)
    assert [f.signature for f in found] == [signature(e, seen) for e in entries]
    assert [f.content_hash for f in found] == [content_hash(e) for e in entries]
    # Matched without a clock: max_age is left to the caller.
    assert [[m.rule for m in f.matches] for f in found] == [["Taliban"], ["Recent cup"]]


def test_workers_match_with_the_rules_of_the_last_call(tmp_path):
    entries = parse_feed(FEED, "http://a.example/rss", "A").entries
    seen = datetime(2026, 1, 2, tzinfo=UTC)
    parser = FeedParser(workers=1)
    try:
        parser.use_rules(rules_of(tmp_path / "a", TWO_RULES))
        assert parser.parse(FEED, "http://a.example/rss").entries  # the pool starts with those rules
        reloaded = rules_of(tmp_path / "b", "name: Moscow\nmatch:\n  any: [Moscow]\n")
        assert [[m.rule for m in f.matches] for f in parser.examine(entries, seen, reloaded)] == [["Moscow"], []]
    finally:
        parser.close()


def test_max_age_applies_when_the_entry_is_recorded(tmp_path, feed_server):
    feed_server.put("/a.xml", FEED.decode())
    config = load_config(write_config(tmp_path, [feed_server.url("/a.xml")], ["json://127.0.0.1:9/x"], rules=TWO_RULES))
    pipeline = runtime.build(config)
    try:
        result = poll(pipeline, config.feeds[0])
        alerted = sorted(a["rule"] for a in pipeline.store.alerts())
    finally:
        pipeline.close()
    assert result.new_entries == 2
    assert alerted == ["Taliban"]  # the cup entry is an hour old: older than "Recent cup"'s max_age


class CountingParser(FeedParser):
    """Parses in the caller and counts the reads (one per body) and the entries examined apart."""

    def __init__(self) -> None:
        super().__init__(workers=0)
        self.calls = 0
        self.examined_apart: list[str] = []

    def read(self, *args: Any, **kwargs: Any) -> Read:
        self.calls += 1
        return super().read(*args, **kwargs)

    def examine(self, entries: tuple[Entry, ...], seen: datetime, rules: RuleSet) -> tuple[Facts, ...]:
        self.examined_apart += [e.key for e in entries]
        return super().examine(entries, seen, rules)


def test_a_read_examines_the_entries_not_known_and_only_those(tmp_path):
    rules = rules_of(tmp_path, TWO_RULES)
    entries = parse_feed(FEED, "http://a.example/rss", "A").entries
    seen = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
    parser = FeedParser(workers=1)
    try:
        first = parser.read(FEED, "http://a.example/rss", "A", seen, b"", rules)
        again = parser.read(FEED, "http://a.example/rss", "A", seen, first.keys, rules)
        one_known = parser.read(FEED, "http://a.example/rss", "A", seen, key_digest(entries[0].key), rules)
        no_hint = parser.read(FEED, "http://a.example/rss", "A", seen, None, rules)
    finally:
        parser.close()
    assert first.parsed == parse_feed(FEED, "http://a.example/rss", "A")
    assert first.facts == dict(zip((e.key for e in entries), examine(entries, seen, rules), strict=True))
    assert first.keys == b"".join(key_digest(e.key) for e in entries)
    assert again.facts == {} and no_hint.facts == {}
    assert list(one_known.facts) == [e.key for e in entries[1:]]


def _with_item(feed: bytes, guid: str, title: str) -> bytes:
    item = f"<item><title>{title}</title><link>https://outlet-a.example/{guid}</link><guid>{guid}</guid></item>"
    return feed.replace(b"<item>", item.encode() + b"<item>", 1)


def test_a_changed_feed_is_parsed_and_examined_in_one_trip_and_a_wrong_hint_costs_a_second(tmp_path, feed_server):
    feed_server.put("/a.xml", FEED.decode())
    config = load_config(write_config(tmp_path, [feed_server.url("/a.xml")], ["json://127.0.0.1:9/x"], rules=TWO_RULES))
    pipeline = runtime.build(config)
    pipeline.parser = parser = CountingParser()
    url = config.feeds[0].url
    try:
        first = poll(pipeline, config.feeds[0])
        assert pipeline.read_keys[url] == b"".join(key_digest(e.key) for e in parse_feed(FEED, url, "A").entries)
        feed_server.put("/a.xml", _with_item(FEED, "new-1", "Taliban envoy arrives").decode())
        second = poll(pipeline, config.feeds[0])
        assert parser.examined_apart == []  # every new entry was examined with its parse
        feed_server.put("/a.xml", _with_item(FEED, "new-2", "Taliban envoy leaves").decode())
        pipeline.read_keys[url] += key_digest("guid:new-2")  # a wrong hint: the store decides what is new
        third = poll(pipeline, config.feeds[0])
        alerted = sorted(a["rule"] for a in pipeline.store.alerts())
    finally:
        pipeline.close()
    assert (first.new_entries, second.new_entries, third.new_entries) == (2, 1, 1) and parser.calls == 3
    assert parser.examined_apart == ["guid:new-2"]
    assert alerted == ["Taliban"] * 3


def test_an_unchanged_body_from_a_server_ignoring_conditional_get_is_not_parsed(tmp_path, feed_server):
    def no_validators(request: BaseHTTPRequestHandler) -> None:
        request.send_response(200)
        request.send_header("Content-Type", "application/rss+xml")
        request.send_header("Content-Length", str(len(FEED)))
        request.end_headers()
        request.wfile.write(FEED)

    feed_server.route("/plain.xml", no_validators)
    config = load_config(write_config(tmp_path, [feed_server.url("/plain.xml")], ["json://127.0.0.1:9/x"]))
    pipeline = runtime.build(config)
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


def test_workers_exit_when_their_parent_is_killed(tmp_path):
    code = (
        "import sys, time; from monitor.ingest.pool import FeedParser; p = FeedParser(workers=1);"
        "p.parse(sys.stdin.buffer.read(), 'http://a.example/rss');"
        "print(*p._pool.pids(), flush=True); time.sleep(120)"
    )
    parent = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, cwd=tmp_path)
    assert parent.stdin is not None and parent.stdout is not None
    parent.stdin.write(FEED)
    parent.stdin.close()
    workers = [int(pid) for pid in parent.stdout.readline().split()]
    parent.stdout.close()
    assert workers and parent.poll() is None
    parent.kill()
    parent.wait()
    deadline = time.monotonic() + 30  # a bound, not a measurement: a worker exits at the end of its calls' pipe
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_alive(pid) for pid in workers)


def test_a_worker_whose_parent_died_while_it_started_exits_too():
    # Its parent gone before it read its first message: the end of its stdin, and it exits.
    from monitor.ingest.workers import _BOOT

    orphan = subprocess.run([sys.executable, "-c", _BOOT], stdin=subprocess.DEVNULL, capture_output=True, timeout=60)
    assert orphan.returncode != 0 and b"EOFError" in orphan.stderr


def test_a_worker_that_dies_costs_only_its_call_and_the_next_call_gets_a_new_one():
    parser = FeedParser(workers=1)
    try:
        assert parser.parse(FEED, "http://a.example/rss").entries
        assert parser._pool is not None
        first = parser._pool.pids()
        with pytest.raises(ParseError, match="died"):
            parser._in_worker(None, "the parser process died", os._exit, 9)
        assert parser.parse(FEED, "http://a.example/rss").entries
        assert parser._pool.pids() not in ([], first)
    finally:
        parser.close()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # An exited child of the killed parent is a zombie until init reaps it: not running.
    with contextlib.suppress(OSError), open(f"/proc/{pid}/stat") as stat:
        return stat.read().split(") ", 1)[1][0] != "Z"
    return True


def test_the_first_inline_bytes_are_parsed_in_place_then_the_workers_start():
    parser = FeedParser(workers=1, inline_bytes=len(FEED))
    try:
        expected = parse_feed(FEED, "http://a.example/rss", "A")
        assert parser.parse(FEED, "http://a.example/rss", "A") == expected
        assert parser._pool is None  # within the budget: no worker started
        assert parser.parse(FEED, "http://a.example/rss", "A") == expected
        assert parser._pool is not None  # the budget is spent: the workers parse from now on
    finally:
        parser.close()


def _read_while_the_worker_sleeps(share: bool, tmp_path: Path) -> tuple[Read, float]:
    """A read while the one worker sleeps 3 s and a second task waits: what it gave and how long it took."""
    rules = rules_of(tmp_path, TWO_RULES)
    seen = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
    parser = FeedParser(workers=1, share=share)
    try:
        # Two tasks in the pool, in this order, counted as ``_in_worker`` counts them (``_acquire``). The pool
        # holds the read's rules: other rules would make the read start a fresh pool (a reload), not wait.
        tasks = [parser._acquire(rules).submit(time.sleep, seconds) for seconds in (3.0, 0.0)]
        started = time.monotonic()
        got = parser.read(FEED, "http://a.example/rss", "A", seen, b"", rules)
        took = time.monotonic() - started
        for task in tasks:
            task.result()
    finally:
        parser.close()
    assert got == read_feed(FEED, "http://a.example/rss", "A", seen, b"", rules)
    return got, took


def test_with_share_a_read_is_done_in_place_while_every_worker_is_busy(tmp_path):
    _, took = _read_while_the_worker_sleeps(True, tmp_path)
    assert took < 2.0  # not queued behind the sleeping worker and the task waiting for it


def test_without_share_a_read_waits_for_a_worker(tmp_path):
    _, took = _read_while_the_worker_sleeps(False, tmp_path)
    assert took > 2.0


def test_idle_workers_stop_and_start_again():
    """An idle daemon keeps no process: the workers go (and no resource tracker: ``workers``' docstring)."""
    parser = FeedParser(workers=1, idle_timeout=0.2)
    me = psutil.Process()
    try:
        assert parser.parse(FEED, "http://a.example/rss").entries
        assert len(me.children()) == 1  # the worker, and no tracker
        for _ in range(200):  # the reaper looks every idle_timeout / 2
            if not me.children():
                break
            time.sleep(0.05)
        assert me.children() == []
        assert parser.parse(FEED, "http://a.example/rss").entries  # it starts again
    finally:
        parser.close()


def test_content_copied_to_a_missing_summary_is_read_once_with_the_same_entry():
    from monitor.ingest.parse import read_with_feedparser
    from monitor.text import html_to_text

    article = "<p>Talks <b>resumed</b> in Geneva &amp; Vienna.</p><div>More <a href='/x'>here</a>.</div>"
    entries = (
        f"<entry><id>urn:1</id><title>One</title><content type='html'><![CDATA[{article}]]></content></entry>"
        # markup that differs but reads as the same text: no content either, as before
        "<entry><id>urn:2</id><title>Two</title><summary type='html'>&lt;p&gt;Same text&lt;/p&gt;</summary>"
        "<content type='html'>&lt;div&gt;Same text&lt;/div&gt;</content></entry>"
    )
    body = f"<feed xmlns='http://www.w3.org/2005/Atom'><title>F</title>{entries}</feed>".encode()
    fast = parse_feed(body, "http://a.example/feed", "A")
    one, two = fast.entries
    assert (one.summary, one.content) == (html_to_text(article), "")
    assert (two.summary, two.content) == ("Same text", "")
    assert parse_feed(body, "http://a.example/feed", "A", readers=(read_with_feedparser,)).entries == fast.entries
