"""Tests written to kill outbox mutants that survived `python -m benchmarks.mutation outbox`
(benchmarks/mutation_survivors.md), outside the pure core: the check's words for a target URL
apprise cannot use, and the figures a spike alert keeps. Contracts only (docs/delivery.md, the
functions' docstrings); a real config file and the real loader where a user meets them.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from conftest import write_config

from monitor import runtime
from monitor.config import load_config
from monitor.errors import ConfigError
from monitor.outbox.spikes import figures
from monitor.rules.spike import Verdict


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("nosuchservice://ops:hunter2@pager.example/alerts", "nosuchservice://…"),
        ("nosuchservice://", "nosuchservice://"),
    ],
)
def test_check_names_a_target_url_apprise_cannot_use_by_its_scheme_alone(tmp_path, url, shown):
    """A URL apprise has no service for is a config error naming the target and the URL's scheme;
    the rest of the URL (a password, a host) is never shown."""
    rule = "name: Pager watch\nmatch:\n  any: [pager]\n"
    config = write_config(tmp_path, [], ["json://127.0.0.1:9/ok"], rules=rule, targets={"pager": [url]})
    with pytest.raises(ConfigError) as raised:
        runtime.check(load_config(config))
    [problem] = [p for p in raised.value.problems if "pager" in p.message]
    assert f"target 'pager': apprise has no service for URL {shown}:" in problem.message, problem.message
    assert "hunter2" not in str(raised.value) and "pager.example" not in str(raised.value)


def test_a_spike_alert_keeps_its_figures_to_the_hundredth():
    """The alert's detail (its message and payload are made from it) holds the usual rate and the
    threshold as measured, not rounded to whole stories."""
    start = datetime(2026, 3, 2, 11, tzinfo=UTC)
    kept = figures(Verdict(5, 1 / 3, 4 / 3, (7, 8, 9, 10, 11), start), 3600.0)
    assert kept["usual"] == pytest.approx(1 / 3, abs=0.005)
    assert kept["threshold"] == pytest.approx(4 / 3, abs=0.005)
    assert (kept["count"], kept["stories"], kept["window_seconds"]) == (5, [7, 8, 9, 10, 11], 3600.0)
    assert kept["start"] == start.isoformat()
    assert kept["change"] == f"5 stories in the last {kept['window']}, usually 0.3"
