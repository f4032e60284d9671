"""Tests written to kill mutants of ``monitor/outbox`` that survived the sixth pass's seeded sample
(``python -m benchmarks.mutation outbox --sample 200 --seed 10``; benchmarks/mutation_survivors.md).
Each docstring names the mutants it kills.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from conftest import write_config
from delivery_support import ZEBRA_RULE, Clock, build, close, story_feed

from monitor.models import Entry, Match
from monitor.outbox import chat
from monitor.outbox.deliver import Outbox
from monitor.outbox.payloads import payload_message
from monitor.outbox.targets import labels, labels_apart
from monitor.pipeline import poll_all
from monitor.store import Store
from monitor.store.records import Delivery

WHEN = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)


def test_a_write_up_without_a_link_has_an_empty_link_in_the_payload(tmp_path):
    """Kills ``payloads._facts`` 27 (a copy with no link given the link "XXXX"): the webhook
    payload's ``link`` may be empty (docs/delivery.md), never made up."""
    store = Store(tmp_path / "state.db")
    try:
        first = Entry("f", "Daily", "k", "https://zebra.example/1", "Zebra escapes", "A zebra left the zoo.", "")
        to = Delivery("Zebra", "default", "u1", "hook")
        added = store.add_entry(first, WHEN, None, alerts=[(Match("Zebra", ("zebra",)), to)])
        store.add_entry(Entry("g", "Radio", "k2", "", "Zebra out", "", ""), WHEN, added.story_id)
        (pending,) = store.pending_alerts()
        sent = json.loads(payload_message(store, [pending], {}, None).body)
    finally:
        store.close()
    assert [(c["outlet"], c["link"]) for c in sent["story"]["outlets"]] == [
        ("Daily", "https://zebra.example/1"),
        ("Radio", ""),
    ]


def test_the_child_that_names_target_urls_runs_this_checkout_before_any_other_on_the_path(tmp_path, monkeypatch):
    """Kills ``targets.labels_apart`` 8 (the child's ``PYTHONPATH`` set under another name) and 30
    (the child given this process's environment as it is): the child puts this checkout first, so
    another ``monitor`` on ``PYTHONPATH`` (here one that names every URL "another checkout") is
    not the one that names the URLs. The working folder holds no ``monitor``: ``python -c`` looks
    there first."""
    shadow = tmp_path / "shadow" / "monitor" / "outbox"
    shadow.mkdir(parents=True)
    for folder in (shadow.parent, shadow):
        (folder / "__init__.py").write_text("", encoding="utf-8")
    (shadow / "targets.py").write_text("def labels(urls):\n    return [['another checkout', False] for _ in urls]\n")
    monkeypatch.setenv("PYTHONPATH", str(tmp_path / "shadow"))
    monkeypatch.chdir(tmp_path)
    urls = ["json://127.0.0.1:9/hook", "nosuchservice://x"]
    expected = labels(urls)
    assert expected[0] is not None and expected[1] is None
    assert labels_apart(urls) == expected


def test_alerts_not_tried_after_two_refusals_draw_their_retry_from_the_outboxs_dice(
    tmp_path, feed_server, json_receiver
):
    """Kills ``refusals.defer`` 44 (the backoff of an alert not tried drawn with ``random.uniform``,
    not the outbox's ``dice``): every alert of a refusing URL, tried or not, waits the step the
    outbox's dice gives (here its low end: 75 % of the first 60 s step)."""
    clock = Clock(datetime(2026, 5, 4, 12, 0, tzinfo=UTC))
    feed_server.put("/zebra.xml", story_feed(4, clock.now - timedelta(hours=1)))
    p = build(write_config(tmp_path, [feed_server.url("/zebra.xml")], [json_receiver.url], rules=ZEBRA_RULE), clock)
    json_receiver.fail = True
    try:
        poll_all(p)
        report = Outbox(p.store, p.metrics, p.clock, dice=lambda low, high: low).deliver(p.runtime, force=True)
        waits = {(a.next_attempt - clock.now).total_seconds() for a in p.store.pending_alerts() if a.next_attempt}
    finally:
        close(p)
    assert (report.failed, json_receiver.attempts) == (4, 2)  # two refused, two not tried
    assert waits == {45.0}


def test_a_line_that_fills_a_roll_ups_budget_exactly_is_kept():
    """Kills ``chat._fit`` 24 (``>=`` for ``>``: a line that leaves exactly the room the last line,
    "… and N more", is given, 40 characters, cut too). Slack's budget is 2,900 characters: 16 lines
    of 172 and their line breaks (2,768), then one of 92, leave exactly 40."""
    lines = [f"{n:04d} " + "z" * 167 for n in range(16)] + ["0016 " + "y" * 87] + ["more"] * 3
    sent = chat.notice("slack", "T", "\n".join(lines))["blocks"][1]["text"]["text"].splitlines()
    assert sent == [*lines[:17], "… and 3 more"]
