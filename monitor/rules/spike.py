"""Spike detection: more stories matching a rule in the last window than its usual rate explains. Pure.

A rule with ``spike: {window: 1h, baseline: 7d, sensitivity: balanced}`` (or explicit
``factor`` and ``min_stories``) alerts once when, in the last ``window``, the number of
distinct stories it matched reaches ``max(min_stories, factor × usual)``, where ``usual``
is the stories per window over the ``baseline`` before that window. Copies of a story never
count: the input is story ids, each counted once. After an alert the rule is quiet for
``cooldown`` (default six windows), so a burst that goes on is one alert, not one per story.

Warm-up (a new rule, a new install): the usual rate is taken over the time the monitor has
watched before the window, counted as at least one window, so on the first day a spike is
simply ``min_stories`` in a window, and the baseline grows to its full length as history does.

Sensitivity presets (``factor``, ``min_stories``): ``fewer`` 4× and 8, ``balanced`` 3× and
5, ``more`` 2× and 3.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from monitor.durations import parse_duration

PRESETS: dict[str, tuple[float, int]] = {"fewer": (4.0, 8), "balanced": (3.0, 5), "more": (2.0, 3)}
KEYS = ("window", "baseline", "sensitivity", "factor", "min_stories", "cooldown")
COOLDOWN_WINDOWS = 6


@dataclass(frozen=True, slots=True)
class Spike:
    """How a rule's spike is defined; durations in seconds."""

    window: float = 3600.0
    baseline: float = 7 * 86400.0
    factor: float = 3.0
    min_stories: int = 5
    cooldown: float | None = None  # None: COOLDOWN_WINDOWS windows

    @property
    def quiet_for(self) -> float:
        return self.cooldown if self.cooldown is not None else COOLDOWN_WINDOWS * self.window

    @property
    def lookback(self) -> float:
        """How far back the hits that ``detect`` needs go."""
        return self.window + self.baseline


@dataclass(frozen=True, slots=True)
class Verdict:
    """A spike: the window's stories and the figures that make it one."""

    count: int  # distinct stories in the window
    usual: float  # stories per window over the baseline
    threshold: float
    stories: tuple[int, ...]  # the window's story ids, oldest first
    start: datetime  # of the window


def parse(value: Any) -> Spike:
    """A ``spike:`` mapping; ValueError saying the fix."""
    if not isinstance(value, dict):
        raise ValueError('"spike" must be a mapping, e.g. {window: 1h, baseline: 7d, sensitivity: balanced}')
    unknown = sorted(str(k) for k in value if k not in KEYS)
    if unknown:
        raise ValueError(f'"spike": unknown key {unknown[0]!r} (allowed: {", ".join(KEYS)})')
    sensitivity = value.get("sensitivity", "balanced")
    if sensitivity not in PRESETS:
        raise ValueError(f'"spike.sensitivity" must be "fewer", "balanced" or "more", not {sensitivity!r}')
    factor, min_stories = PRESETS[sensitivity]
    if "factor" in value:
        factor = value["factor"]
        if isinstance(factor, bool) or not isinstance(factor, int | float) or factor <= 1:
            raise ValueError(f'"spike.factor" must be a number above 1 (times the usual rate), not {factor!r}')
    if "min_stories" in value:
        min_stories = value["min_stories"]
        if isinstance(min_stories, bool) or not isinstance(min_stories, int) or min_stories < 2:
            raise ValueError(f'"spike.min_stories" must be a whole number ≥ 2, not {min_stories!r}')
    window, baseline = (
        _duration(value, key, default) for key, default in (("window", 3600.0), ("baseline", 7 * 86400.0))
    )
    if baseline < window:
        raise ValueError('"spike.baseline" must be at least as long as the window, e.g. window: 1h, baseline: 7d')
    cooldown = _duration(value, "cooldown", None) if "cooldown" in value else None
    return Spike(window, baseline, float(factor), int(min_stories), cooldown)


def _duration(value: dict[str, Any], key: str, default: float | None) -> float:
    if key not in value:
        return float(default or 0.0)
    try:
        seconds = parse_duration(str(value[key]))
    except ValueError as exc:
        raise ValueError(f'"spike.{key}": {exc}') from None
    if seconds <= 0:
        raise ValueError(f'"spike.{key}" must be longer than zero')
    return seconds


def detect(
    spike: Spike,
    hits: Iterable[tuple[int, datetime]],
    now: datetime,
    watched_since: datetime,
    last_alert: datetime | None = None,
) -> Verdict | None:
    """A Verdict when ``hits`` (story id, when the rule first matched it) make a spike at ``now``.

    None during the cool-down after ``last_alert``. ``watched_since``: when the monitor began
    recording (the warm-up rule above).
    """
    if last_alert is not None and (now - last_alert).total_seconds() < spike.quiet_for:
        return None
    first: dict[int, datetime] = {}
    for story, when in hits:
        if story not in first or when < first[story]:
            first[story] = when
    start = now - timedelta(seconds=spike.window)
    window = sorted((when, story) for story, when in first.items() if start < when <= now)
    since = max(start - timedelta(seconds=spike.baseline), watched_since)
    before = sum(1 for when in first.values() if since <= when <= start)
    watched = max((start - since).total_seconds(), spike.window)
    usual = before * spike.window / watched
    threshold = max(float(spike.min_stories), spike.factor * usual)
    if len(window) < threshold:
        return None
    return Verdict(len(window), usual, threshold, tuple(story for _, story in window), start)
