"""The Outbox object (issue 12) and what daily use asked of delivery (issue 18 items 9, 14).

Every message goes through the outbox: feed-health, target-failing and reload-refused notices
are queued as alerts of kind "notice" and delivered with retry, quiet hours and a record. One
backoff with jitter serves feeds and deliveries. A target that comes back gets its backlog at
once. Real parts: a real feed server, real webhook receivers on 127.0.0.1, real SQLite.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from conftest import write_config
from delivery_support import ZEBRA_RULE, Clock, build, close, story_feed

from monitor.backoff import backoff
from monitor.daemon.service import Daemon
from monitor.ingest import schedule
from monitor.outbox.deliver import Outbox, deliver
from monitor.pipeline import Pipeline, poll, poll_all

NOON = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)


def operator_config(tmp_path: Path, feeds: list[str], ops_url: str, main_urls: list[str], ops_extra: str = "") -> Path:
    """A config whose operator target "ops" is ``ops_url``; feeds report failing after one error."""
    path = write_config(tmp_path, feeds, main_urls, rules=ZEBRA_RULE, targets={"ops": [ops_url]}, extra=ops_extra)
    text = path.read_text().replace("[notify]\n", '[notify]\noperator = "ops"\n', 1)
    path.write_text(text + "[polling]\nhealth_errors = 1\n")
    return path


def pending_kinds(p: Pipeline) -> list[str]:
    return [a.kind for a in p.store.pending_alerts()]


@pytest.fixture
def stalled_receiver() -> Iterator[tuple[str, list[int], threading.Event]]:
    """A webhook receiver that holds every request until released: a slow operator target."""
    hits: list[int] = []
    release = threading.Event()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            hits.append(1)
            self.rfile.read(int(self.headers.get("Content-Length", 0)))
            release.wait(30)
            self.send_response(200)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)  # port 0: the kernel picks a free one, no race
    port = httpd.server_address[1]
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"json://127.0.0.1:{port}/ops", hits, release
    finally:
        release.set()
        httpd.shutdown()
        httpd.server_close()


def test_a_slow_operator_target_never_holds_a_poll_worker(tmp_path, feed_server, json_receiver, stalled_receiver):
    """The feed-failing notice used to be sent from the poll thread, which waited for the operator target."""
    ops_url, hits, release = stalled_receiver
    p = build(operator_config(tmp_path, [feed_server.url("/missing.xml")], ops_url, [json_receiver.url]), Clock(NOON))
    try:
        worker = threading.Thread(target=poll, args=(p, p.runtime.feeds[0]))
        worker.start()
        worker.join(timeout=20)

        assert not worker.is_alive() and hits == []  # the poll ended without touching the operator target
        assert pending_kinds(p) == ["notice"]  # queued with the feed's failure, for the outbox
        release.set()
        assert deliver(p).sent == 1 and hits == [1]
    finally:
        close(p)


def test_notices_are_retried_wait_out_quiet_hours_and_are_recorded(tmp_path, feed_server, json_receiver):
    clock = Clock(NOON)
    ops = 'quiet = "11:30-12:30"\n'  # lands in [notify.targets.ops]: NOON is quiet for the operator only
    config = operator_config(tmp_path, [feed_server.url("/missing.xml")], json_receiver.url, ["console://"], ops)
    p = build(config, clock)
    try:
        poll(p, p.runtime.feeds[0])
        assert deliver(p).sent == 0 and json_receiver.received == []  # quiet hours: it waits, unsent
        (notice,) = p.store.pending_alerts()
        assert (notice.kind, notice.entry_id, notice.story_id, notice.attempts) == ("notice", None, None, 0)

        clock.advance(minutes=31)  # the window has ended; the operator target is down
        json_receiver.fail = True
        assert deliver(p).failed == 1
        (notice,) = p.store.pending_alerts()
        assert notice.attempts == 1 and notice.next_attempt is not None  # retried later, like any alert

        json_receiver.fail = False
        clock.advance(minutes=2)
        assert deliver(p).sent == 1
        assert json_receiver.titles() == ["[monitor] feed failing: Missing"]
        (row,) = p.store.alert_list()  # the record: listed with its title, though it has no entry
        assert (row["kind"], row["status"], row["title"]) == ("notice", "sent", "[monitor] feed failing: Missing")
    finally:
        close(p)


def test_a_refused_reload_is_told_to_the_operator_target(tmp_path, json_receiver):
    config = operator_config(tmp_path, [], json_receiver.url, ["console://"])
    p = build(config, Clock(NOON))
    daemon = Daemon(p)
    try:
        (tmp_path / "rules" / "test.yaml").write_text("name: Broken\nnotify: [nowhere]\nmatch:\n  any: [zebra]\n")

        daemon.reload()

        assert [r.name for r in p.runtime.rules.rules] == ["Zebra watch"]  # the old rules stay
        assert json_receiver.received == []  # queued, not sent from the reload
        assert daemon.outbox.deliver(p.runtime).sent == 1
        (told,) = json_receiver.received
        assert told["title"] == "[monitor] reload refused: the current config stays"
        assert "test.yaml" in told["message"] and "monitor check" in told["message"]
    finally:
        close(p)


def test_feeds_and_deliveries_back_off_by_one_definition(tmp_path, feed_server, json_receiver):
    """Feeds drew their gap from 75-100 % of the step and deliveries from 80-120 %: now one function."""
    clock = Clock(NOON)
    feed_server.put("/zebra.xml", story_feed(1, NOON - timedelta(hours=1)))
    p = build(write_config(tmp_path, [feed_server.url("/zebra.xml")], [json_receiver.url], rules=ZEBRA_RULE), clock)
    json_receiver.fail = True
    feeds = schedule.Policy(backoff_base=60.0, backoff_cap=6 * 3600.0)
    try:
        poll_all(p)
        for dice, failures in ((max, 1), (max, 2), (min, 3)):
            Outbox(p.store, p.metrics, p.clock, dice=lambda lo, hi, d=dice: d(lo, hi)).deliver(p.runtime, force=True)
            (alert,) = p.store.pending_alerts()
            assert alert.next_attempt is not None
            delay = (alert.next_attempt - clock.now).total_seconds()
            feed_delay = schedule.after_failure(feeds, clock.now, failures, 900, dice=lambda lo, hi, d=dice: d(lo, hi))
            assert delay == feed_delay.delay == backoff(failures, 60.0, 6 * 3600.0, lambda lo, hi, d=dice: d(lo, hi))
        assert [backoff(n, 60.0, 6 * 3600.0, max) for n in (1, 2, 3)] == [60.0, 120.0, 240.0]
    finally:
        close(p)


def test_after_a_receiver_outage_the_backlog_goes_with_the_first_message_it_accepts(
    tmp_path, feed_server, json_receiver
):
    """Issue 18 item 14: alerts refused during an outage used to wait out their backoff after its end."""
    clock = Clock(NOON)
    feed_server.put("/zebra.xml", story_feed(3, NOON - timedelta(minutes=30)))
    p = build(write_config(tmp_path, [feed_server.url("/zebra.xml")], [json_receiver.url], rules=ZEBRA_RULE), clock)
    try:
        json_receiver.fail = True
        poll_all(p)
        assert deliver(p).failed == 3  # the receiver is down: each backs off for about a minute

        json_receiver.fail = False  # it is back; a new story arrives seconds later
        clock.advance(seconds=5)
        feed_server.put("/zebra.xml", story_feed(4, NOON - timedelta(minutes=30)))
        poll_all(p)

        assert deliver(p).sent == 4  # the new one, then the three it had refused, in the same pass
        assert len(json_receiver.received) == 4 and p.store.pending_alerts() == []
    finally:
        close(p)


def test_each_delivered_alert_logs_one_line_with_rule_story_and_masked_target(
    tmp_path, feed_server, json_receiver, caplog
):
    secret_url = json_receiver.url.replace("json://", "json://user:hunter2@")
    feed_server.put("/zebra.xml", story_feed(2, NOON - timedelta(minutes=30)))
    p = build(write_config(tmp_path, [feed_server.url("/zebra.xml")], [secret_url], rules=ZEBRA_RULE), Clock(NOON))
    try:
        poll_all(p)
        with caplog.at_level(logging.INFO, logger="monitor.outbox"):
            assert deliver(p).sent == 2
        lines = [r.getMessage() for r in caplog.records if " sent to " in r.getMessage()]
        assert len(lines) == 2, lines
        assert lines[0].startswith("alert 1 sent to json://user:****@127.0.0.1:")
        assert "(target default): rule 'Zebra watch', story " in lines[0]
        assert "hunter2" not in caplog.text
    finally:
        close(p)


def test_alerts_are_counted_per_alert_not_per_target_url(tmp_path, feed_server, json_receiver, caplog):
    """One match to a target of two URLs used to log "1 new entries, 2 alerts queued"."""
    feed_server.put("/zebra.xml", story_feed(1, NOON - timedelta(minutes=30)))
    urls = [json_receiver.url, json_receiver.url.replace("/hook", "/other")]
    p = build(write_config(tmp_path, [feed_server.url("/zebra.xml")], urls, rules=ZEBRA_RULE), Clock(NOON))
    try:
        with caplog.at_level(logging.INFO, logger="monitor.pipeline"):
            (result,) = poll_all(p)
        assert result.alerts == 1 and len(p.store.pending_alerts()) == 2
        assert "feed Zebra: 1 new entry, 1 alert queued" in caplog.text
    finally:
        close(p)


def test_email_through_a_local_relay_and_the_documented_relay_forms(smtp_server):
    """docs/delivery.md "Email": a local relay needs no password or TLS; a company relay and Gmail use STARTTLS."""
    from monitor.models import Message, Target
    from monitor.outbox.targets import Notifier
    from monitor.store import url_id

    local = f"mailto://127.0.0.1:{smtp_server.port}?from=monitor@example.com&to=analyst@example.com"
    relay = "mailto://alice:s3cret@smtp.example.com:587?mode=starttls&from=monitor@example.com&to=desk@example.com"
    gmail = "mailtos://alice:abcdabcdabcdabcd@gmail.com?to=desk@example.com"
    notifier = Notifier({"mail": Target("mail", (local, relay, gmail))})

    notifier.send(url_id(local), Message("Zebra sighting", "A zebra was seen."))

    (mail,) = smtp_server.messages
    assert (mail["Subject"], mail["From"], mail["To"]) == (
        "Zebra sighting",
        "monitor@example.com",
        "analyst@example.com",
    )
    assert not notifier.secret(url_id(local))
    for url, host in ((relay, "smtp.example.com"), (gmail, "smtp.gmail.com")):
        label = notifier.label(url_id(url))
        assert "mode=starttls" in label and host in label
        assert "s3cret" not in label and "abcdabcd" not in label and notifier.secret(url_id(url))
