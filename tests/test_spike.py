"""Spike detection over a simulated week, with an injected clock: quiet on a steady flow, one alert on a
burst, none during the cool-down, none from copies of one story."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest

from monitor.rules.spike import Spike, detect, parse

START = datetime(2026, 3, 2, tzinfo=UTC)  # a Monday
BALANCED = parse({"window": "1h", "baseline": "7d", "sensitivity": "balanced"})


def steady_week(per_hour: float = 3.0, seed: int = 7) -> list[tuple[int, datetime]]:
    """A week of distinct stories, about ``per_hour`` an hour, more by day than by night."""
    rng = random.Random(seed)
    hits, when, story = [], START, 0
    while when < START + timedelta(days=7):
        daytime = 7 <= when.hour < 22
        when += timedelta(hours=rng.expovariate(per_hour * (1.3 if daytime else 0.5)) * 0.5 + 0.5 / per_hour)
        story += 1
        hits.append((story, when))
    return hits


def alerts_over(hits: list[tuple[int, datetime]], spike: Spike = BALANCED) -> list[datetime]:
    """Run the detector as the pipeline does: at each new match, with every hit so far; returns alert times."""
    alerts: list[datetime] = []
    seen: list[tuple[int, datetime]] = []
    for story, when in sorted(hits, key=lambda h: h[1]):
        seen.append((story, when))
        if detect(spike, seen, when, START, alerts[-1] if alerts else None):
            alerts.append(when)
    return alerts


def test_a_steady_flow_for_a_week_never_alerts():
    hits = steady_week()
    assert len(hits) > 300
    assert alerts_over(hits) == []


def test_a_burst_alerts_once_and_the_cool_down_keeps_it_at_one():
    hits = steady_week()
    burst_at = START + timedelta(days=5, hours=14)
    # 30 stories in 40 minutes, then the story goes on at 12 an hour for 3 more hours
    burst = [(10_000 + n, burst_at + timedelta(minutes=n * 40 / 30)) for n in range(30)]
    after = [(20_000 + n, burst_at + timedelta(minutes=40 + 5 * n)) for n in range(36)]
    alerts = alerts_over(hits + burst + after)
    assert len(alerts) == 1 and burst_at <= alerts[0] <= burst_at + timedelta(minutes=40)


def test_after_the_cool_down_a_new_burst_alerts_again():
    hits = steady_week()
    first, second = START + timedelta(days=3, hours=10), START + timedelta(days=5, hours=10)
    bursts = [(10_000 + n, at + timedelta(minutes=n)) for at in (first, second) for n in range(20)]
    bursts = [(story + (1000 if when > second else 0), when) for story, when in bursts]
    assert len(alerts_over(hits + bursts)) == 2


def test_copies_of_one_story_never_make_a_spike():
    hits = steady_week()
    at = START + timedelta(days=4, hours=12)
    copies = [(99_999, at + timedelta(minutes=n)) for n in range(50)]  # one story, 50 outlets
    assert alerts_over(hits + copies) == []


def test_the_verdict_gives_the_window_and_the_usual_rate():
    now = START + timedelta(days=7)
    hits = [(n, START + timedelta(hours=n)) for n in range(1, 24 * 7 - 1)]  # one an hour
    hits += [(1000 + n, now - timedelta(minutes=n)) for n in range(6)]
    verdict = detect(BALANCED, hits, now, START)
    assert verdict is not None and verdict.count == 6
    assert verdict.usual == pytest.approx(1.0, abs=0.05) and verdict.threshold == pytest.approx(5.0)
    assert verdict.stories[-1] == 1000 and verdict.start == now - timedelta(hours=1)


def test_warm_up_on_the_first_day_min_stories_in_a_window_is_a_spike():
    now = START + timedelta(minutes=50)
    hits = [(n, START + timedelta(minutes=10 * n)) for n in range(5)]
    assert detect(BALANCED, hits, now, START) is not None
    assert detect(BALANCED, hits[:4], now, START) is None
    # two hours of history with 8 stories: usual 4 an hour, so 5 in the next hour is no spike
    early = [(n, START + timedelta(minutes=15 * n)) for n in range(8)]
    late = [(100 + n, START + timedelta(hours=2, minutes=10 * n)) for n in range(5)]
    assert detect(BALANCED, early + late, START + timedelta(hours=2, minutes=50), START) is None


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ({"window": "1h", "sensitivity": "loud"}, '"spike.sensitivity" must be "fewer", "balanced" or "more"'),
        ({"factor": 1}, '"spike.factor" must be a number above 1'),
        ({"min_stories": 1}, '"spike.min_stories" must be a whole number ≥ 2'),
        ({"window": "1d", "baseline": "2h"}, '"spike.baseline" must be at least as long as the window'),
        ({"window": "soon"}, '"spike.window": '),
        ({"windows": "1h"}, "\"spike\": unknown key 'windows'"),
        ("1h", '"spike" must be a mapping'),
    ],
)
def test_bad_spike_settings_say_the_fix(value, message):
    with pytest.raises(ValueError, match=None) as caught:
        parse(value)
    assert message in str(caught.value)


def test_presets_and_explicit_figures():
    assert (parse({"sensitivity": "more"}).factor, parse({"sensitivity": "more"}).min_stories) == (2.0, 3)
    explicit = parse({"window": "30m", "baseline": "14d", "factor": 5, "min_stories": 10, "cooldown": "12h"})
    assert explicit == Spike(1800.0, 14 * 86400.0, 5.0, 10, 12 * 3600.0)
    assert parse({}).quiet_for == 6 * 3600.0
