"""Hostile feeds, each beside two healthy ones in a real ``monitor run --once``.

For every case: the healthy feeds' alerts arrive, the process ends within a generous
bound, its peak RSS stays bounded, and the hostile feed ends in the expected state
with one clear log line. ``HOSTILE_TABLE=path`` also writes the time/RSS table there.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from cases import GROUPS
from harness import HEALTHY, Case, Run, measured_table, run_group

WALL_CLOCK_BOUND = 60.0  # seconds per process; generous for CI, far below a hang

CASES = [(group, case) for group, (cases, _) in GROUPS.items() for case in cases]


@pytest.fixture(scope="module")
def table():
    path = os.environ.get("HOSTILE_TABLE")
    with measured_table(Path(path) if path else None) as rows:
        yield rows


@pytest.fixture(scope="module")
def runs(tmp_path_factory, table):
    """Runs each group once, on first use."""
    done: dict[str, Run] = {}

    def get(group: str) -> Run:
        if group not in done:
            cases, extra = GROUPS[group]
            run = done[group] = run_group(tmp_path_factory.mktemp(group), cases, extra)
            table.extend((group, case.name, run.seconds, run.peak_rss_mb) for case in cases)
        return done[group]

    return get


@pytest.mark.parametrize("group", list(GROUPS))
def test_healthy_feeds_still_alert_within_bounds(runs, group):
    run = runs(group)

    assert run.returncode == 0, run.stderr[-3000:]
    assert "Traceback" not in run.stderr
    titles = [alert["title"] for alert in run.alerts]
    for title in HEALTHY.values():
        assert any(title in t for t in titles), (title, titles)
    assert run.seconds < WALL_CLOCK_BOUND


@pytest.mark.parametrize(("group", "case"), CASES, ids=[case.name for _, case in CASES])
def test_hostile_case(runs, group: str, case: Case):
    run = runs(group)

    feed = run.feed(case.name)
    assert feed["status"] == case.status, feed
    warnings = run.log_lines(case.name)
    if case.status == "ok":
        assert feed["error_count"] == 0 and feed["last_error"] is None, feed
    else:
        assert case.error in (feed["last_error"] or ""), feed
        assert len(warnings) == 1 and case.error in warnings[0], warnings
    if case.check:
        case.check(run, case)
    assert run.peak_rss_mb < case.max_rss_mb
