"""A dry run in process: ``Outbox.rehearsal`` with a ``target.Printer`` prints each message it
would send and each hold it would make, sends nothing and marks nothing (docs/architecture.md,
"Two seams instead of flags"). The CLI test (``test_dry_run_prints_messages_and_leaves_nothing_for_a_later_run``)
runs it in a child process, where no mutant is seen: written to kill mutants of
``python -m benchmarks.mutation outbox --paths monitor/outbox/target.py monitor/outbox/rehearsal.py``
that counted as "no tests". A real SQLite store, a real receiver on 127.0.0.1.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta

from conftest import write_config
from delivery_support import ZEBRA_RULE, Clock, build, story_feed

from monitor.outbox.deliver import Outbox
from monitor.outbox.target import Printer
from monitor.pipeline import poll_all

NOON = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)


def test_a_dry_run_prints_each_message_sends_nothing_and_leaves_every_alert_pending(
    tmp_path, feed_server, json_receiver
):
    clock = Clock(NOON)
    feed_server.put("/zebra.xml", story_feed(2, NOON - timedelta(hours=1)))
    config = write_config(tmp_path, [feed_server.url("/zebra.xml")], [json_receiver.url], rules=ZEBRA_RULE)
    p = build(config, clock)
    try:
        poll_all(p)
        before = p.store.alerts()
        out = io.StringIO()
        rt = p.runtime
        printer = Printer(rt.notifier, out)
        [handle] = {a["url_id"] for a in before}
        assert (printer.label(handle), printer.style(handle), printer.knows(handle)) == (
            rt.notifier.label(handle),
            rt.notifier.style(handle),
            True,
        )
        assert printer.deliveries("Zebra watch", ["default"]) == rt.notifier.deliveries("Zebra watch", ["default"])
        report = Outbox.rehearsal(p.store, p.metrics, clock, out).deliver(rt, force=True, target=printer)
        printed = out.getvalue()
        after = p.store.alerts()
    finally:
        p.store.close()
        p.client.close()
    assert (report.sent, report.failed, report.dead) == (2, 0, 0)
    label = rt.notifier.label(handle)
    blocks = printed.split(f"--- would send to {label}\n")
    assert blocks[0] == "" and len(blocks) == 3, printed
    titles = sorted(block.split("\n", 1)[0] for block in blocks[1:])
    assert [t.startswith(f"[Zebra watch] Zebra sighting {n}: ") for n, t in enumerate(titles)] == [True, True]
    assert all("https://zebra.example/" in block for block in blocks[1:])
    assert json_receiver.received == [] and json_receiver.attempts == 0
    assert [(a["status"], a["attempts"], a["sent_at"]) for a in after] == [
        (a["status"], a["attempts"], a["sent_at"]) for a in before
    ]
    assert {a["status"] for a in after} == {"pending"}


def test_a_dry_run_prints_the_digest_hold_it_would_make_and_keeps_the_alert_free(tmp_path, feed_server, json_receiver):
    clock = Clock(NOON)
    feed_server.put("/zebra.xml", story_feed(1, NOON - timedelta(hours=1)))
    config = write_config(
        tmp_path,
        [feed_server.url("/zebra.xml")],
        [json_receiver.url],
        rules=ZEBRA_RULE + "delivery: digest\n",
        extra='digest = "0 8 * * *"',
    )
    p = build(config, clock)
    try:
        poll_all(p)
        out = io.StringIO()
        rt = p.runtime
        report = Outbox.rehearsal(p.store, p.metrics, clock, out).deliver(rt, target=Printer(rt.notifier, out))
        [alert] = p.store.alerts()
    finally:
        p.store.close()
        p.client.close()
    assert out.getvalue() == (
        f"--- would hold alert {alert['id']} (Zebra watch) for a digest message at 2026-03-11 08:00 UTC\n"
    )
    assert report.sent == 0 and json_receiver.received == []
    assert (alert["status"], alert["hold_reason"], alert["batch"]) == ("pending", None, None)


def test_target_urls_are_named_in_a_child_process_that_alone_imports_apprise(monkeypatch):
    """``labels_apart``: the URLs are checked in a child process, so this one never imports
    apprise (a lean daemon); here apprise cannot be imported at all, and the labels still come."""
    import sys

    from monitor.outbox.targets import labels_apart

    monkeypatch.setitem(sys.modules, "apprise", None)  # an import in this process would fail
    found = labels_apart(["json://127.0.0.1:9/hook", "nosuchservice://x", "json://user:pw@127.0.0.1:9/h"])
    assert found[1] is None
    assert found[0] is not None and found[0][0].startswith("json://127.0.0.1:9") and found[0][1] is False
    assert found[2] is not None and "pw" not in found[2][0] and found[2][1] is True
