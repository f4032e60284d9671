"""A rule's ``spike:`` and ``cooldown:`` keys, read from a rule file and applied, at their edges.
Written to kill mutants of ``python -m benchmarks.mutation rules --paths monitor/rules/signals.py
monitor/rules/spike.py``. Each case is a sentence of rules/README.md ("Routing") or of
docs/delivery.md ("Spike alerts"): the presets' figures, the defaults, the threshold
``max(min_stories, factor × usual)`` reached exactly or missed by one, the cool-down of six
windows, the warm-up over at least one window, and each refusal at its line.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from monitor.errors import ConfigError
from monitor.rules import Rule, load_rules
from monitor.rules.spike import Spike, detect

NOW = datetime(2026, 5, 4, 12, 0, tzinfo=UTC)
HOUR = 3600.0


def rule_of(tmp_path: Path, keys: str) -> Rule:
    (tmp_path / "rule.yaml").write_text(f"name: Port strikes\nmatch: {{any: [dockworkers]}}\n{keys}", encoding="utf-8")
    [rule] = load_rules([tmp_path])
    return rule


def problems_of(tmp_path: Path, keys: str) -> list[str]:
    (tmp_path / "rule.yaml").write_text(f"name: Port strikes\nmatch: {{any: [dockworkers]}}\n{keys}", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_rules([tmp_path])
    return [str(p).replace(str(tmp_path / "rule.yaml"), "rule.yaml") for p in caught.value.problems]


@pytest.mark.parametrize(
    ("keys", "spike"),
    [
        ("spike: {}\n", Spike(HOUR, 7 * 86400.0, 3.0, 5, None)),  # the defaults: 1h, 7d, balanced
        ("spike: {sensitivity: fewer}\n", Spike(HOUR, 7 * 86400.0, 4.0, 8, None)),
        ("spike: {sensitivity: balanced}\n", Spike(HOUR, 7 * 86400.0, 3.0, 5, None)),
        ("spike: {sensitivity: more}\n", Spike(HOUR, 7 * 86400.0, 2.0, 3, None)),
        ("spike: {window: 2h, baseline: 2h, factor: 1.5, min_stories: 2}\n", Spike(2 * HOUR, 2 * HOUR, 1.5, 2, None)),
        ("spike: {sensitivity: more, factor: 6}\n", Spike(HOUR, 7 * 86400.0, 6.0, 3, None)),
        ("spike: {cooldown: 3h}\n", Spike(HOUR, 7 * 86400.0, 3.0, 5, 3 * HOUR)),
        ("spike: {window: 1s, baseline: 1s, cooldown: 1s}\n", Spike(1.0, 1.0, 3.0, 5, 1.0)),  # longer than zero
    ],
)
def test_spike_settings_are_read_with_their_documented_defaults(tmp_path, keys, spike):
    rule = rule_of(tmp_path, keys)
    assert rule.spike == spike and rule.cooldown is None


def test_without_the_keys_a_rule_has_no_spike_and_no_cooldown(tmp_path):
    rule = rule_of(tmp_path, "")
    assert (rule.spike, rule.cooldown) == (None, None)


def test_a_cooldown_is_read_in_seconds(tmp_path):
    rule = rule_of(tmp_path, "cooldown: 90m\n")
    assert (rule.cooldown, rule.spike) == (90 * 60.0, None)


@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        ("cooldown: 0s\n", 'rule.yaml:3: "cooldown": must be longer than zero, e.g. cooldown: 30m'),
        ("cooldown: soon\n", "rule.yaml:3: \"cooldown\": 'soon' is not a duration: …"),
        (
            "spike: 5\n",
            'rule.yaml:3: "spike" must be a mapping, e.g. {window: 1h, baseline: 7d, sensitivity: balanced}',
        ),
        ("spike:\n  window: 1h\n  windw: 2h\n", "rule.yaml:5: \"spike\": unknown key 'windw' (allowed: window, …"),
        (
            "spike:\n  sensitivity: max\n",
            'rule.yaml:3: "spike.sensitivity" must be "fewer", "balanced" or "more", not \'max\'',
        ),
        ("spike: {factor: 1}\n", 'rule.yaml:3: "spike.factor" must be a number above 1 (times the usual rate), not 1'),
        (
            "spike: {factor: true}\n",
            'rule.yaml:3: "spike.factor" must be a number above 1 (times the usual rate), not True',
        ),
        (
            "spike: {factor: high}\n",
            "rule.yaml:3: \"spike.factor\" must be a number above 1 (times the usual rate), not 'high'",
        ),
        ("spike: {min_stories: 1}\n", 'rule.yaml:3: "spike.min_stories" must be a whole number ≥ 2, not 1'),
        ("spike: {min_stories: 2.5}\n", 'rule.yaml:3: "spike.min_stories" must be a whole number ≥ 2, not 2.5'),
        ("spike: {min_stories: true}\n", 'rule.yaml:3: "spike.min_stories" must be a whole number ≥ 2, not True'),
        ("spike: {window: 0s}\n", 'rule.yaml:3: "spike.window" must be longer than zero'),
        ("spike: {baseline: soon}\n", "rule.yaml:3: \"spike.baseline\": 'soon' is not a duration: …"),
        (
            "spike: {window: 2h, baseline: 1h}\n",
            'rule.yaml:3: "spike.baseline" must be at least as long as the window, e.g. window: 1h, baseline: 7d',
        ),
        ("spike: {cooldown: 0m}\n", 'rule.yaml:3: "spike.cooldown" must be longer than zero'),
    ],
)
def test_bad_signal_keys_are_problems_at_their_line_that_say_the_fix(tmp_path, keys, expected):
    found = problems_of(tmp_path, keys)
    if expected.endswith("…"):  # the rest is parse_duration's or the key list's own wording
        assert any(p.startswith(expected[:-1]) for p in found), found
    else:
        assert expected in found, found


def hits(*minutes_ago: float, first: int = 0) -> list[tuple[int, datetime]]:
    return [(first + n, NOW - timedelta(minutes=m)) for n, m in enumerate(minutes_ago)]


WEEK_AGO = NOW - timedelta(days=30)  # a full baseline of history: no warm-up


def test_the_threshold_is_min_stories_when_the_usual_rate_is_low():
    spike = Spike(HOUR, 7 * 86400.0, 3.0, 5)
    assert detect(spike, hits(1, 2, 3, 4), NOW, WEEK_AGO) is None
    verdict = detect(spike, hits(1, 2, 3, 4, 5), NOW, WEEK_AGO)
    assert verdict is not None
    assert (verdict.count, verdict.usual, verdict.threshold) == (5, 0.0, 5.0)
    assert verdict.start == NOW - timedelta(hours=1)
    assert verdict.stories == (4, 3, 2, 1, 0)  # oldest first


def test_the_threshold_is_factor_times_usual_when_that_is_higher():
    spike = Spike(HOUR, 10 * HOUR, 3.0, 2)
    # 20 stories over the 10 hours before the window: usually 2 per hour, a spike is 6.
    baseline = hits(*(61 + 30 * n for n in range(20)), first=100)
    assert detect(spike, [*baseline, *hits(1, 2, 3, 4, 5)], NOW, WEEK_AGO) is None
    verdict = detect(spike, [*baseline, *hits(1, 2, 3, 4, 5, 6)], NOW, WEEK_AGO)
    assert verdict is not None and (verdict.count, verdict.usual, verdict.threshold) == (6, 2.0, 6.0)


def test_the_window_holds_its_end_not_its_start_and_the_baseline_holds_both():
    spike = Spike(HOUR, 2 * HOUR, 2.0, 2)
    # at the window's start exactly: a baseline story, not a window one
    verdict = detect(spike, [*hits(1, 2), (9, NOW - timedelta(hours=1)), (8, NOW - timedelta(hours=3))], NOW, WEEK_AGO)
    assert verdict is not None and verdict.count == 2 and verdict.usual == 1.0
    future = detect(spike, [*hits(1), (7, NOW + timedelta(minutes=1))], NOW, WEEK_AGO)
    assert future is None  # a hit after now is not in the window


def test_a_story_counts_once_at_its_first_match():
    spike = Spike(HOUR, 7 * 86400.0, 3.0, 3)
    copies = [(1, NOW - timedelta(minutes=m)) for m in (1, 2, 3, 4, 5, 6)]
    assert detect(spike, [*copies, *hits(1, first=2)], NOW, WEEK_AGO) is None
    # story 1 first matched two hours ago: it belongs to the baseline, not the window
    early = [(1, NOW - timedelta(minutes=m)) for m in (5, 120)]
    assert detect(spike, [*early, *hits(1, 2, first=2)], NOW, WEEK_AGO) is None
    assert detect(spike, [*early, *hits(1, 2, 3, first=2)], NOW, WEEK_AGO) is not None


def test_after_an_alert_the_rule_is_quiet_for_six_windows_or_its_cooldown():
    burst = hits(1, 2, 3, 4, 5)
    spike = Spike(HOUR, 7 * 86400.0, 3.0, 5)
    assert spike.quiet_for == 6 * HOUR
    assert detect(spike, burst, NOW, WEEK_AGO, NOW - timedelta(hours=6) + timedelta(seconds=1)) is None
    assert detect(spike, burst, NOW, WEEK_AGO, NOW - timedelta(hours=6)) is not None
    short = Spike(HOUR, 7 * 86400.0, 3.0, 5, cooldown=1800.0)
    assert short.quiet_for == 1800.0
    assert detect(short, burst, NOW, WEEK_AGO, NOW - timedelta(minutes=29)) is None
    assert detect(short, burst, NOW, WEEK_AGO, NOW - timedelta(minutes=30)) is not None


def test_warm_up_takes_the_usual_rate_over_the_time_watched_but_at_least_one_window():
    spike = Spike(HOUR, 7 * 86400.0, 2.0, 2)
    # watched for 3 hours before the window, 6 stories in them: usually 2 per hour, a spike is 4
    watched = NOW - timedelta(hours=4)
    before = hits(*(70 + 30 * n for n in range(6)), first=50)
    assert detect(spike, [*before, *hits(1, 2, 3)], NOW, watched) is None
    verdict = detect(spike, [*before, *hits(1, 2, 3, 4)], NOW, watched)
    assert verdict is not None and verdict.usual == 2.0
    # watched for only ten minutes: the usual rate is taken over one window, not ten minutes
    young = NOW - timedelta(minutes=10)
    verdict = detect(spike, hits(1, 2, 3), NOW, young)
    assert verdict is not None and verdict.usual == 0.0 and verdict.threshold == 2.0
    assert spike.lookback == HOUR + 7 * 86400.0
