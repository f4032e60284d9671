"""Where features built side by side meet: polling, dedup, rules, delivery and the daemon's reload.

Each test here failed before its fix. Real parts: a real HTTP feed server, a real webhook
receiver, real SQLite; the pipeline and the daemon's reload run in process.
"""

from __future__ import annotations

import io
import logging
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from conftest import write_config
from delivery_support import ZEBRA_RULE, Clock, build, close, story_feed

from monitor.daemon.service import Daemon
from monitor.outbox.deliver import Outbox, deliver
from monitor.outbox.target import Printer
from monitor.pipeline import poll, poll_all
from monitor.rules import RuleSet

NOON = datetime(2025, 7, 3, 12, 0, tzinfo=UTC)

pytestmark = pytest.mark.filterwarnings("ignore:'imghdr' is deprecated:DeprecationWarning")  # apprise, in-process


def test_a_copy_of_a_story_already_alerted_on_reports_no_alert_queued(tmp_path, feed_server, json_receiver):
    clock = Clock(NOON)
    when = clock.now - timedelta(hours=1)
    feed_server.put("/times.xml", story_feed(1, when, outlet="Zebra Times"))
    feed_server.put("/post.xml", story_feed(1, when, outlet="Zebra Post"))
    urls = [feed_server.url("/times.xml"), feed_server.url("/post.xml")]
    p = build(write_config(tmp_path, urls, [json_receiver.url], rules=ZEBRA_RULE), clock)
    try:
        first, copy = (poll(p, feed) for feed in p.runtime.feeds)

        assert (first.new_entries, first.alerts) == (1, 1)
        # The copy joins the story: its alert key is taken, so nothing is queued and the
        # daemon is not woken for it (it used to report 1).
        assert (copy.new_entries, copy.alerts) == (1, 0)
        assert p.store.db["alerts"].count == 1
    finally:
        close(p)


class _ReloadDuringMatch:
    """A rule set whose matching is interrupted by a SIGHUP reload that drops every rule."""

    def __init__(self, p, inner):  # type: ignore[no-untyped-def]
        self.p, self.inner = p, inner

    @property
    def rules(self):  # type: ignore[no-untyped-def]
        return self.inner.rules

    def rule(self, name):  # type: ignore[no-untyped-def]
        return self.inner.rule(name)

    def match(self, entry, now):  # type: ignore[no-untyped-def]
        found = self.inner.match(entry, now)
        self.p.use(replace(self.p.runtime, rules=RuleSet([])))  # the daemon's reload thread swaps the rule set here
        return found


def test_a_reload_while_an_entry_is_matched_does_not_fail_the_poll(tmp_path, feed_server, json_receiver):
    clock = Clock(NOON)
    feed_server.put("/zebra.xml", story_feed(1, clock.now - timedelta(hours=1)))
    p = build(write_config(tmp_path, [feed_server.url("/zebra.xml")], [json_receiver.url], rules=ZEBRA_RULE), clock)
    try:
        p.runtime = replace(p.runtime, rules=_ReloadDuringMatch(p, p.runtime.rules))

        (result,) = poll_all(p)  # used to raise: the matched rule was looked up in the new, empty set

        assert (result.new_entries, result.alerts, result.error) == (1, 1, None)
    finally:
        close(p)


def test_reload_checks_templates_and_an_unchecked_edit_never_reaches_the_outbox(
    tmp_path, feed_server, json_receiver, caplog
):
    clock = Clock(NOON)
    feed_server.put("/zebra.xml", story_feed(2, clock.now - timedelta(hours=1)))
    folder = tmp_path / "templates"
    folder.mkdir()
    template = folder / "alert.md"
    template.write_text("{% block title %}old {{ rule }}{% endblock %}{% block body %}{{ title }}{% endblock %}")
    config = write_config(
        tmp_path,
        [feed_server.url("/zebra.xml")],
        [json_receiver.url],
        rules=ZEBRA_RULE,
        extra='templates = "templates"',
    )
    p = build(config, clock)
    daemon = Daemon(p)
    try:
        poll_all(p)
        template.write_text("{% block title %}{{ headline }}{% endblock %}{% block body %}{{ title }}{% endblock %}")
        with caplog.at_level(logging.ERROR):
            daemon.reload()

        assert "reload refused" in caplog.text and "alert.md:1" in caplog.text
        # The checked templates still render, the broken edit is not used; the operator hears of the refusal.
        assert deliver(p).sent == 3
        refused = "[monitor] reload refused: the current config stays"
        assert json_receiver.titles() == ["old Zebra watch", "old Zebra watch", refused]

        template.write_text("{% block title %}new {{ rule }}{% endblock %}{% block body %}{{ title }}{% endblock %}")
        daemon.reload()
        feed_server.put("/zebra.xml", story_feed(3, clock.now - timedelta(hours=1)))
        poll_all(p)
        assert deliver(p).sent == 1
        assert json_receiver.titles()[-1] == "new Zebra watch"
    finally:
        close(p)


def test_reload_moves_the_digest_wake_up_to_the_new_schedule(tmp_path, json_receiver):
    config = write_config(tmp_path, [], [json_receiver.url], rules=ZEBRA_RULE, extra='digest = "0 8 * * *"')
    p = build(config, Clock(NOON))
    daemon = Daemon(p)
    try:
        daemon.schedule()
        config.write_text(config.read_text().replace('digest = "0 8 * * *"', 'digest = "30 9 * * *"'))

        daemon.reload()

        digests = [job.id for job in daemon.scheduler.get_jobs() if job.id.startswith("digest:")]
        assert digests == ["digest:30 9 * * *:UTC"]  # used to keep waking at 08:00 only
    finally:
        close(p)


def test_dry_run_reports_holds_where_it_prints_messages(tmp_path, feed_server, json_receiver, capsys):
    clock = Clock(NOON)
    feed_server.put("/zebra.xml", story_feed(1, clock.now - timedelta(hours=1)))
    rules = ZEBRA_RULE + "delivery: digest\n"
    p = build(write_config(tmp_path, [feed_server.url("/zebra.xml")], [json_receiver.url], rules=rules), clock)
    try:
        poll_all(p)
        out = io.StringIO()

        Outbox.rehearsal(p.store, p.metrics, p.clock, out).deliver(p.runtime, target=Printer(p.runtime.notifier, out))

        assert "would hold alert 1 (Zebra watch) for a digest message" in out.getvalue()
        assert "would hold" not in capsys.readouterr().out
    finally:
        close(p)


def test_alerts_to_a_url_removed_by_a_reload_are_dead_at_once_without_a_failing_notice(
    tmp_path, feed_server, json_receiver, smtp_server, caplog
):
    clock = Clock(NOON)
    feed_server.put("/zebra.xml", story_feed(1, clock.now - timedelta(hours=1)))
    config = write_config(tmp_path, [feed_server.url("/zebra.xml")], [json_receiver.url], rules=ZEBRA_RULE)
    p = build(config, clock)
    try:
        poll_all(p)
        config.write_text(config.read_text().replace(json_receiver.url, smtp_server.url))
        Daemon(p).reload()  # the json URL leaves the config with its alert still pending

        with caplog.at_level(logging.WARNING):
            report = deliver(p, force=True)

        # It used to fail and back off for two days, then tell the other targets the URL was "failing".
        assert report.dead == 1
        assert p.store.alerts("dead")[0]["last_error"] == "target URL no longer in the config"
        assert "no longer in the config; kept as dead: monitor alerts retry 1" in caplog.text
        clock.advance(days=3)
        deliver(p, force=True)
        assert smtp_server.messages == [] and json_receiver.received == []
    finally:
        close(p)


def test_a_poll_under_way_when_a_reload_lands_uses_one_config_from_start_to_end(tmp_path, feed_server, json_receiver):
    """The reload is done while the feed is being fetched: the poll started with the Zebra rule and must
    finish with it (the old code read the rules again after the fetch and found only the new Lion rule)."""
    clock = Clock(NOON)
    config = write_config(tmp_path, [feed_server.url("/zebra.xml")], [json_receiver.url], rules=ZEBRA_RULE)
    p = build(config, clock)
    daemon = Daemon(p)
    body = story_feed(1, clock.now - timedelta(hours=1)).encode()

    def reload_then_answer(handler):  # type: ignore[no-untyped-def]
        (tmp_path / "rules" / "test.yaml").write_text("name: Lion watch\nmatch: {any: [lion]}\n")
        daemon.reload()  # the SIGHUP lands here, mid-poll
        handler._reply(200, body, "application/rss+xml")

    feed_server.route("/zebra.xml", reload_then_answer)
    try:
        (result,) = poll_all(p)

        assert [r.name for r in p.runtime.rules.rules] == ["Lion watch"]  # the reload did happen
        assert (result.new_entries, result.alerts) == (1, 1)
        assert [row["rule"] for row in p.store.db["alerts"].rows] == ["Zebra watch"]
    finally:
        close(p)
