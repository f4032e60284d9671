"""Tests written to kill outbox mutants that survived `python -m benchmarks.mutation outbox`
(benchmarks/mutation_survivors.md), outside the pure core: the check's words for a target URL
apprise cannot use, and the figures a spike alert keeps. Contracts only (docs/delivery.md, the
functions' docstrings); a real config file and the real loader where a user meets them.
"""

from __future__ import annotations

import io
import logging
from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest
from conftest import write_config
from delivery_support import ZEBRA_RULE, Clock, build, story_feed

from monitor import runtime
from monitor.config import load_config
from monitor.errors import ConfigError
from monitor.outbox.catchup import queue_catchup
from monitor.outbox.deliver import Outbox
from monitor.outbox.spikes import figures
from monitor.outbox.target import Printer
from monitor.pipeline import poll_all
from monitor.rules import RuleSet, load_rules
from monitor.rules.backtest import backtest
from monitor.rules.spike import Verdict

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("nosuchservice://ops:hunter2@pager.example/alerts", "nosuchservice://…"),
        ("nosuchservice://", "nosuchservice://"),
    ],
)
def test_check_names_a_target_url_apprise_cannot_use_by_its_scheme_alone(tmp_path, url, shown):
    """A URL apprise has no service for is a config error naming the target and the URL's scheme;
    the rest of the URL (a password, a host) is never shown."""
    rule = "name: Pager watch\nmatch:\n  any: [pager]\n"
    config = write_config(tmp_path, [], ["json://127.0.0.1:9/ok"], rules=rule, targets={"pager": [url]})
    with pytest.raises(ConfigError) as raised:
        runtime.check(load_config(config))
    [problem] = [p for p in raised.value.problems if "pager" in p.message]
    assert f"target 'pager': apprise has no service for URL {shown}:" in problem.message, problem.message
    assert "hunter2" not in str(raised.value) and "pager.example" not in str(raised.value)


def test_a_spike_alert_keeps_its_figures_to_the_hundredth():
    """The alert's detail (its message and payload are made from it) holds the usual rate and the
    threshold as measured, not rounded to whole stories."""
    start = datetime(2026, 3, 2, 11, tzinfo=UTC)
    kept = figures(Verdict(5, 1 / 3, 4 / 3, (7, 8, 9, 10, 11), start), 3600.0)
    assert kept["usual"] == pytest.approx(1 / 3, abs=0.005)
    assert kept["threshold"] == pytest.approx(4 / 3, abs=0.005)
    assert (kept["count"], kept["stories"], kept["window_seconds"]) == (5, [7, 8, 9, 10, 11], 3600.0)
    assert kept["start"] == start.isoformat()
    assert kept["change"] == f"5 stories in the last {kept['window']}, usually 0.3"


# --- the catch-up (`rules test --send`), in process: its CLI test runs it in a child ---------

CATCHUP_RULES = """
- {name: Okapi only, match: {any: [okapi]}}
- {name: Zebra watch, match: {any: [zebra]}}
- {name: Zebra events, novelty: event, match: {any: [zebra]}}
"""


def test_a_catch_up_queues_each_matched_story_once_per_target_url_and_asking_again_queues_nothing(
    tmp_path, feed_server
):
    """catchup.py: one alert per matched story (or event) and target URL, held as a "catchup"
    batch; durable and idempotent: asked twice, nothing new is queued and all are counted skipped."""
    clock = Clock(NOW)
    feed_server.put("/zebra.xml", story_feed(3, NOW - timedelta(hours=1)))
    feed_server.put("/copy.xml", story_feed(1, NOW - timedelta(hours=1), outlet="Copy Times"))  # a story twice
    urls = ["json://127.0.0.1:9/a", "json://127.0.0.1:9/b"]
    feeds = [feed_server.url("/zebra.xml"), feed_server.url("/copy.xml")]
    config = write_config(tmp_path, feeds, urls, rules="name: N\nmatch:\n  any: [okapi]\n")
    p = build(config, clock)
    try:
        poll_all(p)
        assert p.store.alerts() == []  # the rule in force matched nothing: no alert yet
        (tmp_path / "rules" / "test.yaml").write_text(CATCHUP_RULES)
        ruleset = RuleSet(load_rules([tmp_path / "rules"]))
        history = list(p.store.history(NOW - timedelta(days=30)))
        reports = [backtest(ruleset, rule, history) for rule in ruleset.rules]
        assert [len(r.matches) for r in reports] == [0, 4, 4]  # four entries, three stories

        stories = {p.store.story_of(entry_id) for entry_id, _ in history}
        events = {p.store.story_event(s) for s in stories}
        queued = queue_catchup(p.store, p.runtime.notifier, reports, NOW)
        assert queued == (2 * len(stories) + 2 * len(events), 0)
        assert queue_catchup(p.store, p.runtime.notifier, reports, NOW) == (0, queued[0])
        alerts = p.store.alerts()
        assert {(a["rule"], a["status"]) for a in alerts} == {("Zebra watch", "pending"), ("Zebra events", "pending")}
        # The rule's ordinary keys: a story for a plain rule, its event for a novelty: event rule.
        keys = {(a["rule"], a["alert_key"].split(":")[0]) for a in alerts}
        assert keys == {("Zebra watch", "story"), ("Zebra events", "event")}
        per_url = Counter((a["rule"], a["url_id"]) for a in alerts)
        assert sorted(per_url.values()) == sorted([len(stories)] * 2 + [len(events)] * 2)
    finally:
        p.close()


def test_a_dry_run_logs_each_message_as_printed_never_as_sent(tmp_path, feed_server, json_receiver, caplog):
    clock = Clock(NOW)
    feed_server.put("/zebra.xml", story_feed(2, NOW - timedelta(hours=1)))
    config = write_config(tmp_path, [feed_server.url("/zebra.xml")], [json_receiver.url], rules=ZEBRA_RULE)
    p = build(config, clock)
    try:
        poll_all(p)
        with caplog.at_level(logging.INFO, logger="monitor.outbox"):
            rt = p.runtime
            Outbox.rehearsal(p.store, p.metrics, clock, io.StringIO()).deliver(
                rt, target=Printer(rt.notifier, io.StringIO())
            )
        lines = [r.getMessage() for r in caplog.records if r.getMessage().startswith("alert ")]
        assert len(lines) == 2 and all("printed (dry run, not sent)" in line for line in lines), lines
        assert json_receiver.received == []
    finally:
        p.close()
