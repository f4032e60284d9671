"""A rule's own burst cap (`burst: "2/1h"` in its YAML) beside [notify].rule_burst."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta

from conftest import write_config
from delivery_support import Clock, cycle, story_feed

from monitor.models import Burst
from monitor.rules import load_rules

NOON = datetime(2025, 7, 3, 12, 0, tzinfo=UTC)
RULES = """
- name: Capped zebra
  burst: "2/1h"
  match: {any: ["zebra"]}
- name: Zebra watch
  match: {any: ["zebra"]}
"""


def test_a_rules_burst_replaces_rule_burst_for_that_rule(tmp_path, feed_server, json_receiver):
    clock = Clock(NOON)
    feed_server.put("/zebra.xml", story_feed(5, clock.now - timedelta(hours=1)))
    config = write_config(
        tmp_path, [feed_server.url("/zebra.xml")], [json_receiver.url], rules=RULES, extra='rule_burst = "4/1h"'
    )

    report = cycle(config, clock)

    assert (report.sent, report.held) == (2 + 4, 3 + 1)
    titles = json_receiver.titles()
    assert sum(t.startswith("[Capped zebra]") for t in titles) == 2
    assert sum(t.startswith("[Zebra watch]") for t in titles) == 4
    clock.advance(minutes=61)
    assert cycle(config, clock).sent == 1  # one roll-up per target URL for everything held
    assert json_receiver.titles()[-1] == "4 more matches for default (burst limit)"
    with sqlite3.connect(tmp_path / "state.db") as conn:
        assert conn.execute("SELECT status, count(*) FROM alerts GROUP BY status").fetchall() == [("sent", 10)]


def test_burst_is_read_from_the_rule_file(tmp_path):
    (tmp_path / "r.yaml").write_text('name: x\nburst: "5/1h"\nmatch: {any: [abc]}\n')
    (rule,) = load_rules([tmp_path])
    assert rule.burst == Burst(5, 3600.0)
