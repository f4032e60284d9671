"""The rule-speed benchmark runs (tiny size) and its two matchers agree; figures are printed, not asserted."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT


def test_benchmark_smoke_runs_and_prints_its_ratio():
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "rules_speed.py"), "--smoke"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ms/entry" in result.stdout and "ratio:" in result.stdout
    assert "results agree on 60/60" in result.stdout
