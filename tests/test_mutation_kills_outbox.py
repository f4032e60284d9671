"""The outbox's timing decisions at their edges: quiet hours, digests, cooldowns, burst caps,
giving up and retry backoff. Written to kill mutants that survived
``python -m benchmarks.mutation outbox-core``: each asserts what a user would see (an alert
held or sent, until when), one minute either side of a boundary.

The store is a small recording object: these modules ask it two questions (``last_sent``,
``sent_count``) and the test checks how often they ask, since a delivery pass reads each
count once and then counts on its own.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
import yaml

from monitor.backoff import backoff
from monitor.config.model import Config, NotifySettings
from monitor.models import Burst
from monitor.outbox.cooldown import Cooldowns
from monitor.outbox.digests import digest_schedule, next_digest
from monitor.outbox.holds import BurstGate, hold_for
from monitor.outbox.policy import QuietHours, TargetPolicy, zone
from monitor.rules import RuleSet, load_rules
from monitor.store import PendingAlert

UTC_ZONE = zone("UTC")
BERLIN = zone("Europe/Berlin")
DAY = datetime(2026, 1, 15, tzinfo=UTC)  # winter: Berlin is UTC+1


def at(hh: int, mm: int, day: datetime = DAY) -> datetime:
    return day.replace(hour=hh, minute=mm)


# --- quiet hours -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("22:00-07:00", time(22), time(7)),
        (" 9:05 - 17:30 ", time(9, 5), time(17, 30)),
        ("23:59-00:00", time(23, 59), time(0)),
        ("00:00-23:59", time(0), time(23, 59)),
    ],
)
def test_quiet_hours_read_their_window(text, start, end):
    window = QuietHours.parse(text, BERLIN)
    assert (window.start, window.end, window.tz) == (start, end, BERLIN)


@pytest.mark.parametrize(
    "text",
    ["24:00-07:00", "22:00-24:00", "22:60-07:00", "22:00-07:60", "07:00-07:00", "7-8", "22:00-07:00 tomorrow", ""],
)
def test_impossible_quiet_hours_are_refused_with_an_example(text):
    with pytest.raises(ValueError, match=r'e\.g\. "22:00-07:00"') as caught:
        QuietHours.parse(text, UTC_ZONE)
    assert repr(text) in str(caught.value)


@pytest.mark.parametrize(
    ("window", "quiet", "loud"),
    [
        ("09:00-17:00", [(9, 0), (12, 0), (16, 59)], [(8, 59), (17, 0), (23, 0), (0, 0)]),
        ("22:00-07:00", [(22, 0), (23, 59), (0, 0), (6, 59)], [(21, 59), (7, 0), (12, 0)]),
    ],
)
def test_quiet_hours_include_their_start_and_exclude_their_end(window, quiet, loud):
    hours = QuietHours.parse(window, UTC_ZONE)
    assert [hours.contains(at(h, m)) for h, m in quiet] == [True] * len(quiet)
    assert [hours.contains(at(h, m)) for h, m in loud] == [False] * len(loud)


def test_quiet_hours_are_read_on_the_targets_clock():
    hours = QuietHours.parse("22:00-07:00", BERLIN)
    assert hours.contains(at(21, 0))  # 22:00 in Berlin
    assert not hours.contains(at(20, 59))  # 21:59 in Berlin
    assert not hours.contains(at(6, 0))  # 07:00 in Berlin: the window has ended


def test_held_alerts_go_out_at_the_next_end_of_the_window():
    hours = QuietHours.parse("22:00-07:00", BERLIN)
    morning = datetime(2026, 1, 16, 7, 0, tzinfo=BERLIN)
    assert hours.ends_after(at(22, 0)) == morning  # 23:00 Berlin: tomorrow's 07:00
    assert hours.ends_after(at(3, 0, DAY + timedelta(days=1))) == morning  # 04:00 Berlin: this morning
    assert hours.ends_after(at(6, 0, DAY + timedelta(days=1))) == morning + timedelta(days=1)  # exactly 07:00
    assert hours.ends_after(at(5, 59, DAY + timedelta(days=1))) == morning  # one minute before the end


def test_the_end_of_the_window_is_on_the_targets_date_not_utcs():
    """In Honolulu (UTC-10) 19:00 on the 15th is already the 16th in UTC: the window ends at
    20:00 on the 15th, an hour later, not a day later."""
    honolulu = zone("Pacific/Honolulu")
    hours = QuietHours.parse("18:00-20:00", honolulu)
    now = datetime(2026, 1, 16, 5, 0, tzinfo=UTC)
    assert hours.contains(now)
    assert hours.ends_after(now) == datetime(2026, 1, 15, 20, 0, tzinfo=honolulu) == now + timedelta(hours=1)


def test_an_unknown_time_zone_names_the_expected_form():
    assert zone("Europe/Berlin").key == "Europe/Berlin"
    for name in ("Mars/Olympus", "", "../etc/passwd"):
        with pytest.raises(ValueError, match="use an IANA name"):
            zone(name)


# --- target policy: quiet, giving up ---------------------------------------------------------


def test_a_policy_is_quiet_only_inside_its_window():
    assert not TargetPolicy().quiet_at(at(3, 0))
    policy = TargetPolicy(quiet=QuietHours.parse("02:00-04:00", UTC_ZONE))
    assert policy.quiet_at(at(3, 0)) and not policy.quiet_at(at(4, 0))


def test_an_alert_is_given_up_after_max_attempts_or_max_age_not_before():
    since = at(0, 0)
    policy = TargetPolicy(max_attempts=3, max_age=3600)
    assert not policy.gives_up(2, since, since + timedelta(seconds=3599))
    assert policy.gives_up(3, since, since)
    assert policy.gives_up(0, since, since + timedelta(seconds=3600))


def test_by_default_an_alert_is_retried_for_two_days_or_twelve_attempts():
    """The defaults docs/delivery.md gives: max_attempts 12, max_age "2d"."""
    since, policy = at(0, 0), TargetPolicy()
    assert not policy.gives_up(11, since, since + timedelta(days=2, seconds=-1))
    assert policy.gives_up(12, since, since)
    assert policy.gives_up(1, since, since + timedelta(days=2))


# --- digests ---------------------------------------------------------------------------------


def test_the_default_digest_is_daily_at_eight_on_the_targets_clock():
    assert next_digest(TargetPolicy(), at(7, 59)) == at(8, 0)
    assert next_digest(TargetPolicy(), at(8, 1)) == at(8, 0) + timedelta(days=1)
    berlin = TargetPolicy(timezone="Europe/Berlin")
    assert next_digest(berlin, at(6, 0)) == at(7, 0)  # 08:00 in Berlin


def test_a_custom_digest_schedule_is_followed():
    monday_to_friday = TargetPolicy(digest="30 17 * * mon-fri")
    saturday = datetime(2026, 1, 17, 9, 0, tzinfo=UTC)
    assert next_digest(monday_to_friday, saturday) == datetime(2026, 1, 19, 17, 30, tzinfo=UTC)


def test_a_bad_digest_schedule_says_what_to_write():
    with pytest.raises(ValueError, match=r"'8am daily' is not a cron schedule \(.+\): write e.g. \"0 8 \* \* \*\""):
        digest_schedule("8am daily", UTC_ZONE)


# --- retry backoff ---------------------------------------------------------------------------


def test_backoff_doubles_from_the_base_up_to_the_cap():
    top = [backoff(n, 60, 3600, dice=lambda low, high: high) for n in range(0, 9)]
    assert top == [60, 60, 120, 240, 480, 960, 1920, 3600, 3600]  # 0 or less counts as the first


def test_backoff_jitter_is_asked_for_a_quarter_below_the_step():
    asked: list[tuple[float, float]] = []

    def dice(low: float, high: float) -> float:
        asked.append((low, high))
        return low

    assert backoff(3, 10, 1000, dice=dice) == 30.0
    assert asked == [(0.75, 1.0)]


def test_backoff_survives_a_failure_count_past_any_exponent():
    assert backoff(10_000, 60, 86400, dice=lambda low, high: high) == 86400


# --- cooldowns and burst caps ----------------------------------------------------------------


class SentLog:
    """The two questions the outbox asks the store, answered from fixed values; each ask recorded."""

    def __init__(self, last: datetime | None = None, count: int = 0):
        self.last, self.count = last, count
        self.asked: list[tuple[object, ...]] = []

    def last_sent(self, url_id: str, rule: str) -> datetime | None:
        self.asked.append(("last", url_id, rule))
        return self.last

    def sent_count(self, url_id: str, since: datetime, rule: str | None = None) -> int:
        self.asked.append(("count", url_id, since, rule))
        return self.count


def rules(tmp_path: Path, **extra: object) -> RuleSet:
    path = tmp_path / "zebra.yaml"
    path.write_text(yaml.safe_dump({"name": "Zebra", "match": {"any": ["zebra"]}, **extra}))
    return RuleSet(load_rules([path]))


def alert(url_id: str = "u1", **fields: Any) -> PendingAlert:
    values: dict = {"id": 1, "rule": "Zebra", "story_id": 1, "entry_id": 1, "target": "default"}
    return PendingAlert(**{**values, "url_id": url_id, "matched": ("zebra",), "attempts": 0, **fields})


NOW = at(12, 0)


@pytest.mark.parametrize(
    ("ago", "until"),
    [(None, None), (3599, NOW + timedelta(seconds=1)), (3600, None), (3601, None), (1, NOW + timedelta(seconds=3599))],
)
def test_a_rule_cools_down_for_exactly_its_period(tmp_path, ago, until):
    store = SentLog(last=None if ago is None else NOW - timedelta(seconds=ago))
    rule = rules(tmp_path, cooldown="1h").rule("Zebra")
    assert Cooldowns(store, NOW).hold(alert(), rule) == until


def test_a_rule_without_cooldown_never_asks_the_store(tmp_path):
    store = SentLog(last=NOW)
    cooling = Cooldowns(store, NOW)
    assert cooling.hold(alert(), rules(tmp_path).rule("Zebra")) is None
    assert cooling.hold(alert(), None) is None
    assert store.asked == []


def test_a_message_sent_in_the_pass_starts_the_period_again_for_its_url_only(tmp_path):
    store = SentLog(last=None)
    rule = rules(tmp_path, cooldown="10m").rule("Zebra")
    cooling = Cooldowns(store, NOW)
    assert cooling.hold(alert("u1"), rule) is None
    cooling.sent((alert("u1"),))
    assert cooling.hold(alert("u1"), rule) == NOW + timedelta(minutes=10)
    assert cooling.hold(alert("u2"), rule) is None  # another target URL has its own period
    assert store.asked == [("last", "u1", "Zebra"), ("last", "u2", "Zebra")]  # each key read once


def config(tmp_path: Path, **notify: Any) -> Config:
    return Config(tmp_path / "c.toml", tmp_path / "db", (), {}, (), notify=NotifySettings(**notify))


def test_a_target_cap_holds_the_alert_over_it_until_the_window_ends(tmp_path):
    policy = TargetPolicy(burst=Burst(2, 600))
    store = SentLog(count=1)
    gate = BurstGate(store, config(tmp_path, policies={"default": policy}), rules(tmp_path), NOW)
    assert gate.over(alert()) is None  # the second in the window
    gate.count(alert())
    assert gate.over(alert()) == NOW + timedelta(seconds=600)  # the third waits for the roll-up
    assert store.asked == [("count", "u1", NOW - timedelta(seconds=600), None)]  # read once, then counted here


def test_a_rule_cap_counts_per_rule_and_target_url(tmp_path):
    store = SentLog(count=0)
    gate = BurstGate(store, config(tmp_path, rule_burst=Burst(1, 60)), rules(tmp_path), NOW)
    assert gate.over(alert("u1")) is None
    gate.count(alert("u1"))
    assert gate.over(alert("u1")) == NOW + timedelta(seconds=60)
    assert gate.over(alert("u2")) is None
    assert store.asked == [
        ("count", "u1", NOW - timedelta(seconds=60), "Zebra"),
        ("count", "u2", NOW - timedelta(seconds=60), "Zebra"),
    ]


def test_a_rules_own_burst_replaces_the_default_cap(tmp_path):
    gate = BurstGate(SentLog(count=3), config(tmp_path, rule_burst=Burst(1, 60)), rules(tmp_path, burst="5/1h"), NOW)
    assert gate.over(alert()) is None  # 3 of 5, not 3 of 1


def test_urgent_alerts_and_notices_pass_every_cap(tmp_path):
    capped = {"policies": {"default": TargetPolicy(burst=Burst(1, 60))}, "rule_burst": Burst(1, 60)}
    store = SentLog(count=9)
    urgent = BurstGate(store, config(tmp_path, **capped), rules(tmp_path, severity="urgent"), NOW)
    assert urgent.over(alert()) is None
    normal = BurstGate(store, config(tmp_path, **capped), rules(tmp_path), NOW)
    assert normal.over(alert(kind="notice")) is None
    assert normal.over(alert()) == NOW + timedelta(seconds=60)


# --- what holds a fresh alert ----------------------------------------------------------------


def test_a_digest_rule_waits_for_the_next_digest_after_its_creation(tmp_path):
    made = at(7, 30)
    digest = rules(tmp_path, delivery="digest")
    assert hold_for(config(tmp_path), digest, alert(created=made), NOW) == ("digest", at(8, 0))
    assert hold_for(config(tmp_path), digest, alert(), at(9, 0)) == ("digest", at(8, 0) + timedelta(days=1))


def test_quiet_hours_hold_all_but_urgent_alerts_until_the_window_ends(tmp_path):
    quiet = config(tmp_path, policies={"default": TargetPolicy(quiet=QuietHours.parse("11:00-13:00", UTC_ZONE))})
    assert hold_for(quiet, rules(tmp_path), alert(), NOW) == ("quiet", at(13, 0))
    assert hold_for(quiet, rules(tmp_path), alert(), at(13, 0)) is None
    assert hold_for(quiet, rules(tmp_path, severity="urgent"), alert(), NOW) is None
    assert hold_for(config(tmp_path), rules(tmp_path), alert(), NOW) is None  # no window: sent as it is


def test_held_batched_and_notice_alerts_are_not_held_again(tmp_path):
    quiet = config(tmp_path, policies={"default": TargetPolicy(quiet=QuietHours.parse("11:00-13:00", UTC_ZONE))})
    digest = rules(tmp_path, delivery="digest")
    for fresh in (alert(hold_reason="quiet"), alert(batch=4), alert(kind="notice")):
        assert hold_for(quiet, digest, fresh, NOW) is None


def test_each_target_is_held_by_its_own_policy(tmp_path):
    night = TargetPolicy(quiet=QuietHours.parse("11:00-13:00", UTC_ZONE), burst=Burst(1, 60))
    settings = config(tmp_path, policies={"night": night})
    assert hold_for(settings, rules(tmp_path), alert(target="night"), NOW) == ("quiet", at(13, 0))
    assert hold_for(settings, rules(tmp_path), alert(), NOW) is None  # "default" has no window
    gate = BurstGate(SentLog(count=1), settings, rules(tmp_path), NOW)
    assert gate.over(alert(target="night")) == NOW + timedelta(seconds=60)
    assert gate.over(alert("u2")) is None


def test_a_burst_cap_counts_each_alert_sent_in_the_pass_once(tmp_path):
    gate = BurstGate(SentLog(count=0), config(tmp_path, rule_burst=Burst(3, 60)), rules(tmp_path), NOW)
    for _ in range(2):
        assert gate.over(alert()) is None
        gate.count(alert())
    assert gate.over(alert()) is None  # two sent: the third is still within 3/1m
    gate.count(alert())
    assert gate.over(alert()) == NOW + timedelta(seconds=60)


def test_the_gates_cooldowns_read_the_same_store_and_clock(tmp_path):
    gate = BurstGate(SentLog(last=NOW - timedelta(minutes=1)), config(tmp_path), rules(tmp_path), NOW)
    assert gate.cooling.hold(alert(), rules(tmp_path, cooldown="10m").rule("Zebra")) == NOW + timedelta(minutes=9)
