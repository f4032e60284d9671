"""The benchmark suite runs end to end at its smallest size.

Figures are never compared with a speed target here (CI machines vary), but each must be
a real measurement: a number, positive where nothing measured can be zero, and the cold
workload must have read every entry it was given (6 feeds x 5 entries at the smoke size).
"""

from __future__ import annotations

import re
import subprocess
import sys

from conftest import ROOT

SMOKE_ENTRIES = 6 * 5  # benchmarks/run.py SMOKE: feeds=6, entries=5
NUMBER = re.compile(r"^(\d[\d,]*(?:\.\d+)?)\s*(x|%|e/s|us/entry|CPU-s|s|MB)?$")
# Figures that measure something that cannot take zero time, space or throughput.
POSITIVE = (
    "feedparser alone",
    "parse.parse_feed",
    "examine (signature",
    "monitor end to end",
    "peak RSS",
    "12 feeds cold",
    "database of",
    "start-up",
    "rules test",
    "idle with 6 feeds",
)


def rows(stdout: str) -> dict[str, tuple[str, str, str]]:
    """figure -> (section, value, note), from the Markdown table the run prints last."""
    table = stdout.split("| section |", 1)[1].split("\n\n", 1)[0]
    found = {}
    for line in table.splitlines()[2:]:
        section, figure, value, note = (cell.strip() for cell in line.strip().strip("|").split("|"))
        found[figure] = (section, value, note)
    return found


def test_smoke_run_prints_every_section_with_real_figures(tmp_path):
    """Mutation tried: the cold scenario configured with one feed of the six
    (``server.urls()[:1]`` in benchmarks/scenarios.py): the old test (labels only) passed,
    this one fails on "5 entries"."""
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--smoke", "--work", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )

    assert result.returncode == 0, result.stderr[-2000:]
    table = rows(result.stdout)
    sections = {section for section, _, _ in table.values()}
    assert sections == {"cold", "steady", "rss2email", "hand-rolled", "scale", "daemon"}, sections
    # The smoke size turns rss2email off: the row says so, it is not a figure.
    assert table["skipped"] == ("rss2email", "-", "--no-rss2email")
    for figure, (section, value, _) in table.items():
        if figure == "skipped":
            continue
        number = NUMBER.match(value)
        assert number, f"{section} / {figure}: {value!r} is not a figure"
        amount = float(number.group(1).replace(",", ""))
        if figure.startswith(POSITIVE):
            assert amount > 0, f"{section} / {figure}: {value}"
    _, _, note = table["monitor end to end (6 feeds, 10 rules)"]
    entries = re.match(r"([\d,]+) entries in ", note)
    assert entries and int(entries.group(1).replace(",", "")) == SMOKE_ENTRIES, note
    # The workload's dates are fixed in mid 2025: old backlog, recorded without alerts.
    assert note.endswith(" 0 alerts queued"), note
