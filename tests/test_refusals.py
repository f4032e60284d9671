"""A target URL that refuses two messages in a row is not tried again in that pass (outbox/refusals.py).

The other due alerts of that URL are marked failed as if refused: the same error, their own
jittered backoff, dead when their policy gives up; nothing is marked in flight, so nothing can
arrive twice, and the next pass tries the URL again. A single message the URL refuses for
itself does not hold back the others. Real parts: a real feed server, a real webhook receiver,
real SQLite, an injected clock.
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from conftest import serve_json_receiver, write_config
from delivery_support import ZEBRA_RULE, Clock, build, close, cycle, story_feed

from monitor.errors import DeliveryError
from monitor.outbox.deliver import deliver
from monitor.outbox.refusals import IN_A_ROW
from monitor.pipeline import poll_all

NOON = datetime(2026, 5, 4, 12, 0, tzinfo=UTC)


def rows(folder) -> list[tuple]:
    with sqlite3.connect(folder / "state.db") as conn:
        return conn.execute(
            "SELECT status, attempts, next_attempt, last_error, in_flight FROM alerts "
            "WHERE kind != 'notice' ORDER BY id"
        ).fetchall()


def zebra_config(tmp_path, feed_server, clock: Clock, count: int, urls: list[str], extra: str = ""):
    feed_server.put("/zebra.xml", story_feed(count, clock.now - timedelta(hours=1)))
    return write_config(tmp_path, [feed_server.url("/zebra.xml")], urls, rules=ZEBRA_RULE, extra=extra)


def test_a_refusing_url_is_tried_twice_per_pass_and_every_alert_is_marked_as_if_refused(
    tmp_path, feed_server, json_receiver, caplog
):
    clock = Clock(NOON)
    config = zebra_config(tmp_path, feed_server, clock, 12, [json_receiver.url])
    json_receiver.fail = True

    with caplog.at_level(logging.WARNING, logger="monitor.outbox.deliver"):
        first = cycle(config, clock, force=True)

    assert json_receiver.attempts == IN_A_ROW == 2  # not 12 connections
    assert (first.sent, first.failed) == (0, 12)
    after = rows(tmp_path)
    assert [(status, attempts, in_flight) for status, attempts, _, _, in_flight in after] == [("pending", 1, None)] * 12
    for _, _, next_attempt, error, _ in after:  # each its own draw of the first step: 45 to 60 s
        assert 45 <= (datetime.fromisoformat(next_attempt) - clock.now).total_seconds() <= 60
        assert "did not accept the alert" in error
    assert sum("not tried" in error for *_, error, _ in after) == 10
    told = [r.getMessage() for r in caplog.records if "not tried in this pass" in r.getMessage()]
    assert len(told) == 1 and told[0].startswith("10 alert(s) ") and "will retry in" in told[0]

    cycle(config, clock, force=True)  # still down: two more tries, everything one attempt older
    assert json_receiver.attempts == 4 and {r[1] for r in rows(tmp_path)} == {2}

    json_receiver.fail = False
    third = cycle(config, clock, force=True)

    assert third.sent == 12 and json_receiver.attempts == 16
    titles = json_receiver.titles()
    assert len(titles) == 12 and len(set(titles)) == 12
    assert {r[0] for r in rows(tmp_path)} == {"sent"}


def test_alerts_not_tried_die_with_their_policy_and_one_notice_goes_to_the_other_target(
    tmp_path, feed_server, json_receiver
):
    clock = Clock(NOON)
    feed_server.put("/zebra.xml", story_feed(5, clock.now - timedelta(hours=1)))
    with serve_json_receiver() as pager:
        config = write_config(
            tmp_path,
            [feed_server.url("/zebra.xml")],
            [json_receiver.url],
            rules=ZEBRA_RULE + "notify: [pager]\n",
            extra=f'[notify.targets.pager]\nurls = ["{pager.url}"]\nmax_attempts = 1\n',
        )
        pager.fail = True

        report = cycle(config, clock, force=True)

        assert pager.attempts == IN_A_ROW
    assert report.dead == 5 and {r[0] for r in rows(tmp_path)} == {"dead"}
    notices = [m for m in json_receiver.received if "delivery failing for target pager" in m["title"]]
    assert len(notices) == 1 and len(json_receiver.received) == 1


class RefusesOne:
    """The real target, but one message (by its title) is refused: a payload the receiver rejects."""

    def __init__(self, inner, refused: str):
        self.inner, self.refused = inner, refused

    def send(self, handle, message):
        if self.refused in message.title:
            raise DeliveryError("the receiver refused this message")
        self.inner.send(handle, message)

    def __getattr__(self, name):
        return getattr(self.inner, name)


def test_one_message_the_url_refuses_for_itself_does_not_hold_back_the_others(tmp_path, feed_server, json_receiver):
    clock = Clock(NOON)
    config = zebra_config(tmp_path, feed_server, clock, 6, [json_receiver.url])
    p = build(config, clock)
    try:
        poll_all(p)
        first = min(p.store.pending_alerts(), key=lambda a: a.id)
        title = p.store.entry(first.entry_id).title
        p.runtime = replace(p.runtime, notifier=RefusesOne(p.runtime.notifier, title))

        report = deliver(p, force=True)

        assert (report.sent, report.failed) == (5, 1)
        assert len(json_receiver.received) == 5 and title not in json_receiver.titles()
    finally:
        close(p)
