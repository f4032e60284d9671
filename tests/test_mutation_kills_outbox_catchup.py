"""Tests written to kill outbox mutants that survived ``python -m benchmarks.mutation outbox``
(session mt7; benchmarks/mutation_survivors.md): the catch-up (``monitor rules test --send``,
catchup.py's docstring and docs/delivery.md), and the dry run's delivery line.

The catch-up lists each matched story once per target URL for a plain rule, and each matched
event once for a ``novelty: event`` rule, with the words the rule matched, due now. Rules are
loaded from YAML and backtested by the real backtest; the store's story and event of each
entry are a small stand-in (``catchup_alerts`` reads only those), and a real store, filled by
a real poll, takes the queue.
"""

from __future__ import annotations

import io
import logging
import re
from datetime import UTC, datetime, timedelta

from conftest import write_config
from delivery_support import Clock, build, story_feed

from monitor.models import Entry
from monitor.outbox.catchup import catchup_alerts, queue_catchup
from monitor.outbox.deliver import Outbox
from monitor.outbox.target import Printer
from monitor.outbox.targets import Notifier, Target
from monitor.pipeline import poll_all
from monitor.rules import RuleSet, load_rules
from monitor.rules.backtest import backtest

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
RULES = """
- {name: Zebra watch, match: {any: [zebra]}}
- {name: Zebra events, novelty: event, match: {any: [zebra]}}
"""
# entry -> (story, event): entries 1 and 2 are one story; stories 10 and 11 are one event.
STORED = {1: (10, 100), 2: (10, 100), 3: (11, 100), 4: (12, 101)}
TITLES = {
    1: "Zebra seen at the river",
    2: "Zebra seen at the river",
    3: "Zebra herd crosses the ford",
    4: "Zebra returns",
}


class Stories:
    """The store's answers catchup_alerts asks for: an entry's story, a story's event."""

    def story_of(self, entry_id: int) -> int:
        return STORED[entry_id][0]

    def story_event(self, story_id: int) -> int:
        return next(event for story, event in STORED.values() if story == story_id)


def test_a_catch_up_lists_each_story_or_each_event_once_per_url_with_the_words_matched(tmp_path):
    (tmp_path / "rules.yaml").write_text(RULES, encoding="utf-8")
    ruleset = RuleSet(load_rules([tmp_path]))
    history = [(n, Entry("https://wire.example/feed", "Wire", f"k{n}", "", TITLES[n], "", "")) for n in STORED]
    reports = [backtest(ruleset, rule, history) for rule in ruleset.rules]
    notifier = Notifier({"default": Target("default", ("json://127.0.0.1:9/a", "json://127.0.0.1:9/b"))})

    found = catchup_alerts(Stories(), notifier, reports)  # type: ignore[arg-type]

    listed: dict[str, list[tuple[int, int]]] = {}
    for entry_id, story_id, (match, delivery, kind) in found:
        assert match.terms == ("Zebra",), match  # the words the rule matched, as written
        assert delivery in notifier.deliveries(match.rule, []), delivery  # one of the rule's own target URLs
        assert kind == ("event" if match.rule == "Zebra events" else "story")
        listed.setdefault(match.rule, []).append((entry_id, story_id))
    # Each story once per URL, the first matching entry of it (a copy, entry 2, is not listed) ...
    assert listed["Zebra watch"] == [(1, 10), (1, 10), (3, 11), (3, 11), (4, 12), (4, 12)]
    # ... and for an event rule, each event once per URL (story 11 is story 10's event).
    assert listed["Zebra events"] == [(1, 10), (1, 10), (4, 12), (4, 12)]


def test_a_catch_up_is_queued_due_now_and_goes_as_one_catchup_message(tmp_path, feed_server, caplog):
    """Queued due now, held as a "catchup" batch; delivered (here as a dry run) in one message per
    target URL, each alert's delivery line saying so, and "printed", never "sent", in a dry run."""
    clock = Clock(NOW)
    feed_server.put("/zebra.xml", story_feed(2, NOW - timedelta(hours=1)))
    config = write_config(
        tmp_path, [feed_server.url("/zebra.xml")], ["json://127.0.0.1:9/a"], rules="name: N\nmatch:\n  any: [okapi]\n"
    )
    p = build(config, clock)
    try:
        poll_all(p)
        (tmp_path / "rules" / "test.yaml").write_text(RULES)
        ruleset = RuleSet(load_rules([tmp_path / "rules"]))
        history = list(p.store.history(NOW - timedelta(days=30)))
        reports = [backtest(ruleset, rule, history) for rule in ruleset.rules if rule.name == "Zebra watch"]
        assert queue_catchup(p.store, p.runtime.notifier, reports, NOW) == (2, 0)
        alerts = p.store.alerts()
        assert len(alerts) == 2
        for alert in alerts:
            assert datetime.fromisoformat(alert["created"]) == NOW, alert
            assert (alert["hold_reason"], datetime.fromisoformat(alert["hold_until"])) == ("catchup", NOW), alert
        with caplog.at_level(logging.INFO, logger="monitor.outbox"):
            rt = p.runtime
            Outbox.rehearsal(p.store, p.metrics, clock, io.StringIO()).deliver(
                rt, target=Printer(rt.notifier, io.StringIO())
            )
        lines = [r.getMessage() for r in caplog.records if r.getMessage().startswith("alert ")]
        assert len(lines) == 2, lines
        said = r"alert \d+ printed \(dry run, not sent\) in a catchup message of 2 to "
        assert all(re.match(said, line) for line in lines), lines
    finally:
        p.close()
