"""The parser workers go as soon as a run has no more to parse: nothing of the pool is left beside the
main process while it delivers, prunes and keeps its index (a cold run's peak memory)."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import psutil
from conftest import DATA, fill_dates, recent, serve_outlets, write_config

from monitor import runtime
from monitor.cli.run import _cycle
from monitor.config import load_config
from monitor.ingest.pool import FeedParser

RULE = """
name: Taliban recognition
match:
  all:
    - any: ["Taliban"]
    - any: ["recogni*"]
"""
FEED = fill_dates((DATA / "feeds" / "outlet-a.xml").read_text(), recent()).encode()


def _pool_processes() -> list[psutil.Process]:
    """This process's parser workers."""
    found = []
    for child in psutil.Process().children(recursive=True):
        try:
            if "monitor.ingest.workers" in " ".join(child.cmdline()):
                found.append(child)
        except psutil.Error:
            pass
    return found


def test_close_stops_the_workers_and_a_later_parse_starts_them_again():
    parser = FeedParser(workers=1)
    try:
        assert parser.parse(FEED, "http://a.example/rss", "A").entries
        assert _pool_processes()
        parser.close()
        psutil.wait_procs(_pool_processes(), timeout=5)
        assert _pool_processes() == []
        assert parser.parse(FEED, "http://a.example/rss", "A").entries
        parser.close()
        parser.close()  # safe twice
    finally:
        parser.close()


@contextmanager
def _recording_receiver(seen: list[int]) -> Iterator[str]:
    """A json:// target that notes, for each alert it accepts, how many pool processes this process has."""

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))))
            seen.append(len(_pool_processes()))
            self.send_response(200)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"json://127.0.0.1:{httpd.server_address[1]}/hook"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_a_one_off_run_stops_its_parser_workers_before_it_delivers(tmp_path: Path, feed_server):
    seen: list[int] = []
    with _recording_receiver(seen) as target:
        pipeline = runtime.build(load_config(write_config(tmp_path, serve_outlets(feed_server), [target], rules=RULE)))
        pipeline.parser.close()
        pipeline.parser = FeedParser(workers=1)  # no inline budget: every body is read in the worker
        pipeline.parser.use_rules(pipeline.runtime.rules)
        _cycle(pipeline, dry_run=False)
    assert seen, "the rule should alert on the test outlets' story"
    assert set(seen) == {0}
