"""README command 1 runs `monitor demo`: it must work on the bundled samples alone."""

from __future__ import annotations

import re

from conftest import run_cli


def test_demo_alerts_once_per_story_with_every_outlet():
    result = run_cli("demo")

    assert result.returncode == 0, result.stderr
    titles = re.findall(r"^=== (.+)$", result.stdout, flags=re.M)
    assert len(titles) == len(set(titles)), "an alert was sent twice"
    wire = [
        block
        for block in result.stdout.split("\n=== ")
        if block.startswith("[New recognition of Taliban]") and re.search(r"^Also carried by: .+, ", block, re.M)
    ]
    # The wire story carried by three outlets gives exactly one alert listing the other two.
    assert len(wire) == 1, result.stdout
    outlets = re.search(r"^Outlet: (.+?) ·", wire[0], flags=re.M).group(1)
    others = re.search(r"^Also carried by: (.+)$", wire[0], flags=re.M).group(1).split(", ")
    assert sorted([outlets, *others]) == ["Asia-Pacific Daily", "Eurasia Monitor", "Wire Desk — World"]
    summary = re.search(r"^Demo: 6 feeds, (\d+) entries in (\d+) stories, (\d+) alerts sent", result.stdout, re.M)
    assert summary, result.stdout
    entries, stories, sent = map(int, summary.groups())
    assert stories < entries  # syndicated copies were folded into stories
    assert sent == len(titles)
