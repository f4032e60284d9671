"""Polling like a good citizen, in process: a real feed server, a real webhook for operator
notices, a real SQLite file, and an injected clock instead of waiting."""

from __future__ import annotations

import itertools
import re
import sqlite3
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import click
import pytest
from conftest import ROOT, run_cli, write_config

from monitor import runtime
from monitor.config import load_config
from monitor.demo.feedserver import FeedServer
from monitor.outbox.deliver import deliver
from monitor.pipeline import Pipeline, poll, poll_all

TALIBAN_RULE = """
name: Taliban
match:
  any: ["Taliban"]
"""


class Clock:
    def __init__(self) -> None:
        self.now = datetime.now(UTC).replace(microsecond=0)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def rss(items: list[tuple[str, str, datetime]], ttl: int | None = None) -> str:
    body = "".join(
        f"<item><title>{title}</title><guid>{guid}</guid><link>https://x.example/{guid}</link>"
        f"<pubDate>{when.strftime('%a, %d %b %Y %H:%M:%S +0000')}</pubDate><description>{title}.</description></item>"
        for guid, title, when in items
    )
    ttl_tag = f"<ttl>{ttl}</ttl>" if ttl else ""
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>X</title>{ttl_tag}{body}</channel></rss>'


def reply(status: int, headers: dict[str, str] | None = None, body: bytes = b"") -> Callable[..., None]:
    def handler(request: BaseHTTPRequestHandler) -> None:
        request.send_response(status)
        for name, value in (headers or {}).items():
            request.send_header(name, value)
        request.send_header("Content-Length", str(len(body)))
        request.end_headers()
        request.wfile.write(body)

    return handler


@pytest.fixture
def make(tmp_path: Path, json_receiver) -> Iterator[Callable[..., tuple[Pipeline, Clock]]]:
    """A pipeline over ``urls`` with an injected clock; operator notices go to the json receiver."""
    built: list[Pipeline] = []

    def make(urls: list[str], extra: str = "") -> tuple[Pipeline, Clock]:
        path = write_config(
            tmp_path, urls, ["console://"], rules=TALIBAN_RULE, targets={"ops": [json_receiver.url]}, extra=extra
        )
        path.write_text(path.read_text().replace("[notify]\n", '[notify]\noperator = "ops"\n'))
        config = load_config(path)
        clock = Clock()
        pipeline = runtime.build(config, clock)
        built.append(pipeline)
        return pipeline, clock

    yield make
    for pipeline in built:
        pipeline.store.close()
        pipeline.client.close()


def feed_row(p: Pipeline, url: str) -> dict:
    return next(r for r in p.store.feeds() if r["url"] == url)


def test_pruned_entries_leave_tombstones_and_never_come_back(feed_server: FeedServer, make):
    url = feed_server.url("/f.xml")
    p, clock = make([url], '[retention]\nentries = "8d"\n')
    old = [("a1", "Taliban envoy", clock.now - timedelta(hours=1)), ("a2", "Weather", clock.now - timedelta(hours=2))]
    feed_server.put("/f.xml", rss(old))
    assert poll(p, p.runtime.feeds[0]).new_entries == 2
    assert tuple(deliver(p)) == (1, 0)  # a story with an undelivered alert is never pruned

    clock.advance(days=9)
    assert runtime.prune(p) == 2
    counts = p.store.stats()
    assert (counts["entries"], counts["stories"], counts["tombstones"]) == (0, 0, 2)

    feed_server.put("/f.xml", rss([("a3", "Taliban talks", clock.now), *old]))  # the feed still carries them
    result = poll(p, p.runtime.feeds[0])

    assert result.new_entries == 1  # only a3: a1 and a2 are known by their tombstones
    assert [a["entry_id"] for a in p.store.alerts()] == [next(iter(p.store.recent_entries(clock.now)))[0]]


def test_retention_keeps_stories_with_pending_alerts(feed_server: FeedServer, make):
    feed_server.put("/f.xml", rss([("a1", "Taliban envoy", datetime.now(UTC))]))
    p, clock = make([feed_server.url("/f.xml")], '[retention]\nentries = "8d"\n')
    poll(p, p.runtime.feeds[0])
    clock.advance(days=30)
    assert runtime.prune(p) == 0  # the alert was never delivered: the story stays


def test_gone_feed_is_disabled_and_the_operator_told(feed_server: FeedServer, make, json_receiver):
    feed_server.route("/gone.xml", reply(410))
    p, _ = make([feed_server.url("/gone.xml")])

    result = poll(p, p.runtime.feeds[0])

    assert result.error and result.next_poll is None
    assert feed_row(p, feed_server.url("/gone.xml"))["status"] == "gone"
    assert json_receiver.titles() == []  # queued: the outbox sends it, never the poll
    assert deliver(p).sent == 1
    assert json_receiver.titles() == ["[monitor] feed gone: Gone"]
    assert poll_all(p) == []  # disabled: not polled, not even by run --once
    assert feed_server.hits["/gone.xml"] == 1


def test_retry_after_and_cache_lifetimes_are_lower_bounds(feed_server: FeedServer, make):
    feed_server.route("/busy.xml", reply(503, {"Retry-After": "1200"}))
    fresh = rss([("b1", "One", datetime.now(UTC))]).encode()
    feed_server.route("/cached.xml", reply(200, {"Cache-Control": "public, max-age=7200"}, fresh))
    feed_server.put("/ttl.xml", rss([("c1", "One", datetime.now(UTC))], ttl=180))
    # Hints count up to max_interval (a year-long max-age must not stop polling): 4 h here, not the 1 h default.
    p, clock = make(
        [feed_server.url(path) for path in ("/busy.xml", "/cached.xml", "/ttl.xml")], '[polling]\nmax_interval = "4h"\n'
    )

    busy, cached, ttl = (poll(p, feed) for feed in p.runtime.feeds)

    assert busy.next_poll and busy.next_poll >= clock.now + timedelta(seconds=1200)
    assert cached.next_poll and cached.next_poll >= clock.now + timedelta(seconds=7200)
    assert ttl.next_poll and ttl.next_poll >= clock.now + timedelta(minutes=180)


def test_failures_back_off_and_never_give_up(feed_server: FeedServer, make):
    feed_server.route("/down.xml", reply(500))
    p, clock = make([feed_server.url("/down.xml")], '[polling]\nbackoff_base = "1m"\nbackoff_cap = "1h"\n')
    gaps = []
    for _ in range(12):
        result = poll(p, p.runtime.feeds[0])
        assert result.next_poll
        gaps.append((result.next_poll - clock.now).total_seconds())
        clock.now = result.next_poll
    assert all(b > a for a, b in itertools.pairwise(gaps[:6]))  # growing
    assert 0.75 * 3600 <= gaps[-1] <= 3600  # capped, still scheduled: never given up
    assert feed_row(p, feed_server.url("/down.xml"))["error_count"] == 12


def test_operator_hears_once_of_a_failing_feed_and_once_of_its_recovery(feed_server: FeedServer, make, json_receiver):
    feed_server.route("/flaky.xml", reply(404))
    p, clock = make([feed_server.url("/flaky.xml")], "[polling]\nhealth_errors = 2\n")

    for _ in range(4):
        poll(p, p.runtime.feeds[0])
        clock.advance(minutes=5)
    assert deliver(p).sent == 1
    assert json_receiver.titles() == ["[monitor] feed failing: Flaky"]
    assert "failed 2 times in a row" in json_receiver.received[0]["message"]

    del feed_server.routes["/flaky.xml"]
    feed_server.put("/flaky.xml", rss([("f1", "Back", clock.now)]))
    poll(p, p.runtime.feeds[0])
    poll(p, p.runtime.feeds[0])
    deliver(p)

    assert json_receiver.titles() == ["[monitor] feed failing: Flaky", "[monitor] feed recovered: Flaky"]
    row = feed_row(p, feed_server.url("/flaky.xml"))
    assert (row["error_count"], row["health_notice"], row["failing_since"]) == (0, None, None)


def test_overflow_is_logged_counted_and_shortens_the_interval(feed_server: FeedServer, make, caplog):
    url = feed_server.url("/busy.xml")
    # [http] listen: the metrics are counted only where they are served (nothing listens here: no daemon runs)
    p, clock = make([url], '[polling]\ninterval = "1h"\nmin_interval = "5m"\n[http]\nlisten = "127.0.0.1:9"\n')
    start = clock.now
    feed_server.put("/busy.xml", rss([(f"o{i}", "Old", start - timedelta(hours=i)) for i in range(1, 4)]))
    poll(p, p.runtime.feeds[0])
    before = feed_row(p, url)["interval"]

    clock.advance(hours=2)  # meanwhile the feed published five items and carries only the last three
    feed_server.put("/busy.xml", rss([(f"n{i}", "New", start + timedelta(minutes=10 * i)) for i in range(3, 6)]))
    with caplog.at_level("WARNING", logger="monitor.pipeline"):
        result = poll(p, p.runtime.feeds[0])

    row = feed_row(p, url)
    assert result.overflow and row["overflows"] == 1
    assert row["interval"] < before
    assert "some may have been missed" in caplog.text
    assert p.metrics.overflows.labels("Busy")._value.get() == 1


def test_per_host_limit_counts_hosts_not_feeds():
    from monitor.ingest.fetch import HostSlots

    slots = HostSlots(per_host=1)
    with slots.slot("http://a.example/1"), slots.slot("http://b.example/1"):
        semaphore = slots._slots["a.example"]
        assert not semaphore.acquire(blocking=False)  # a second fetch from a.example must wait
    assert semaphore.acquire(blocking=False)


def test_unhealthy_daemon_does_not_pet_the_watchdog(feed_server: FeedServer, make):
    from monitor.daemon.service import Daemon

    p, _ = make([feed_server.url("/f.xml")])
    daemon = Daemon(p)
    assert not daemon.healthy()  # the scheduler is not running
    daemon.scheduler.start(paused=True)
    try:
        assert daemon.healthy()
        p.store.db.conn.close()  # the database stops answering
        assert not daemon.healthy()
    finally:
        daemon.scheduler.shutdown(wait=False)


def test_polling_config_problems_name_the_line(tmp_path: Path):
    config = write_config(
        tmp_path,
        ["https://a.example/rss"],
        ["console://"],
        extra=(
            '[polling]\nmin_interval = "2h"\nmax_interval = "1h"\nper_host = 0\n'
            '[retention]\nentries = "1d"\n[http]\nlisten = "localhost"\n'
        ),
    )
    text = config.read_text().replace("[notify]\n", '[notify]\noperator = "pager"\n')
    config.write_text(text)
    lines = text.splitlines()

    result = run_cli("--config", str(config), "check")

    assert result.returncode == 2
    err = result.stderr

    def line(prefix: str) -> int:
        return next(n for n, text in enumerate(lines, 1) if text.startswith(prefix))

    assert f"{config}:{line('min_interval')}: [polling].min_interval is longer than max_interval" in err
    assert f"{config}:{line('per_host')}: [polling].per_host: must be greater than zero" in err
    assert f"{config}:{line('entries')}: [retention].entries is shorter than [dedup].window" in err
    assert f'{config}:{line("listen")}: [http].listen: expected "HOST:PORT"' in err
    assert f"{config}:{line('operator')}: [notify].operator names unknown target 'pager'" in err


def test_feeds_commands_add_import_export_list_and_stats(tmp_path: Path):
    config = write_config(tmp_path, ["https://config.example/rss"], ["console://"])
    opml_file = tmp_path / "reader.opml"
    opml_file.write_text(
        '<?xml version="1.0"?><opml version="1.0"><head/><body><outline text="Folder">'
        '<outline text="Wire" xmlUrl="https://wire.example/rss"/>'
        '<outline text="Local file" xmlUrl="file:///etc/passwd"/></outline>'
        '<outline title="Config" xmlUrl="https://config.example/rss"/></body></opml>'
    )
    cli = ("--config", str(config))

    added = run_cli(*cli, "feeds", "add", "https://added.example/feed", "--name", "Added", "--interval", "10m")
    imported = run_cli(*cli, "feeds", "import", str(opml_file))
    exported = run_cli(*cli, "feeds", "export")
    listed = run_cli(*cli, "feeds", "list")
    stats = run_cli(*cli, "stats")
    bad = run_cli(*cli, "feeds", "import", str(config))

    assert added.returncode == 0 and "added https://added.example/feed" in added.stdout
    assert imported.returncode == 0 and "2 feeds, 1 added, 1 already known" in imported.stdout
    assert [u for u in ("config", "added", "wire") if f'xmlUrl="https://{u}.example/' in exported.stdout] == [
        "config",
        "added",
        "wire",
    ]
    assert "file://" not in exported.stdout
    rows = {line.split()[0]: line.split() for line in listed.stdout.splitlines()[1:]}
    assert rows["Added"][1:3] == ["command", "new"] and rows["Rss"][1:3] == ["config", "new"]
    assert "feeds: ok: 0  failing: 0  gone: 0  new: 3" in stats.stdout
    assert bad.returncode == 1 and f"{config}: not an OPML file: it has no <opml> element" in bad.stderr
    with sqlite3.connect(tmp_path / "state.db") as conn:
        pinned = dict(conn.execute("SELECT url, pinned_interval FROM feeds").fetchall())
    assert pinned["https://added.example/feed"] == 600 and pinned["https://wire.example/rss"] is None


def test_every_config_key_and_command_is_documented():
    from monitor.cli import cli
    from monitor.config import SECTIONS as _SECTIONS

    example = (ROOT / "config.example.toml").read_text()
    missing = [
        f"[{section}].{key}"
        for section, keys in _SECTIONS.items()
        for key in keys
        if key != "targets" and not re.search(rf"^#? ?{key} = ", example, re.MULTILINE)
    ]
    assert missing == []
    readme = (ROOT / "README.md").read_text()
    ctx = click.Context(cli)
    for name in cli.list_commands(ctx):  # the commands' modules are imported when asked for
        command = cli.get_command(ctx, name)
        subcommands = getattr(command, "commands", {})
        for words in [f"{name} {sub}" for sub in subcommands] or [name]:
            assert f" {words}" in readme, f"`monitor {words}` is not in README.md's command table"


def test_a_poll_that_crashes_is_still_planned_again(feed_server: FeedServer, make, caplog):
    from monitor.daemon.service import Daemon

    p, _ = make([feed_server.url("/f.xml")])
    daemon = Daemon(p)
    daemon.scheduler.start(paused=True)
    try:
        daemon.jobs.feeds = {p.runtime.feeds[0].url: p.runtime.feeds[0]}
        p.store.db.conn.close()  # every store call now raises: a database fault, not the feed's
        with caplog.at_level("ERROR", logger="monitor.daemon.jobs"):
            daemon.jobs.poll(p.runtime.feeds[0].url)
        assert daemon.scheduler.get_job(f"feed:{p.runtime.feeds[0].url}") is not None
        assert "unexpected error while polling; will retry in" in caplog.text
    finally:
        daemon.scheduler.shutdown(wait=False)
