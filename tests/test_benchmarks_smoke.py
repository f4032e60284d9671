"""The benchmark suite runs end to end at its smallest size (figures are printed, never asserted)."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT


def test_smoke_run_prints_every_section(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--smoke", "--work", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )

    assert result.returncode == 0, result.stderr[-2000:]
    table = result.stdout.split("| section |", 1)[1]
    for figure in (
        "feedparser alone",
        "monitor end to end",
        "stage: dedup",
        "per cycle",
        "hand-rolled",
        "rss2email",
        "feeds steady",
        "start-up",
        "rules test",
        "CPU at rest",
    ):
        assert figure in table, figure
