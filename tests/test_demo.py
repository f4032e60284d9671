"""README command 1 runs `monitor demo`: it must work on the bundled samples alone."""

from __future__ import annotations

import random
import re
from datetime import UTC, datetime

import pytest
from conftest import run_cli

from monitor.dedup import StoryIndex
from monitor.demo import SAMPLES
from monitor.ingest.parse import parse_feed


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
    assert (entries, stories) == (33, SAMPLE_STORIES)  # syndicated copies were folded into their stories
    assert sent == len(titles)


SAMPLE_STORIES = 22  # the bundled samples' 33 entries: 22 stories, the wire story in three outlets among them


@pytest.mark.parametrize("seed", [None, "reversed", 1, 2, 3])
def test_the_samples_make_the_same_stories_whichever_entry_comes_first(seed):
    """Feeds answer in any order, so a copy may be read before its story: the stories must not change
    (a trimmed copy under a new headline read first once made the full story a second alert)."""
    entries = [
        entry
        for sample in sorted(SAMPLES.glob("*.xml"))
        for entry in parse_feed(sample.read_bytes(), f"http://127.0.0.1/{sample.name}", sample.stem).entries
    ]
    if seed == "reversed":
        entries.reverse()
    elif seed is not None:
        random.Random(seed).shuffle(entries)
    index, story_of = StoryIndex(), {}
    seen = datetime(2026, 12, 1, tzinfo=UTC)
    for entry_id, entry in enumerate(entries, 1):
        decision = index.find(entry, seen)
        story = story_of[entry.feed_url, entry.key] = decision.story_id or entry_id
        index.add(entry_id, story, decision.event_id or entry_id, decision.signature, seen)
    stories: dict[int, set[tuple[str, str]]] = {}
    for key, story in story_of.items():
        stories.setdefault(story, set()).add(key)
    assert len(stories) == SAMPLE_STORIES, sorted(map(sorted, stories.values()))
