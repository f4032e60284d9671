"""The newsroom workload (benchmarks/newsroom.py): same bytes for a seed, copies as described, expected alerts."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections import defaultdict
from urllib.parse import urlsplit

import pytest
from conftest import ROOT

from benchmarks import newsroom
from benchmarks.newsroom import Newsroom, Spec
from monitor.ingest.parse import parse_feed
from monitor.rules import load_rules

NOW = 1_760_000_000
SMALL = Spec(seed=5, feeds=24, entries=20, now=NOW)


@pytest.fixture(scope="module")
def room() -> Newsroom:
    return Newsroom(SMALL)


def _digest(seed: int, hash_seed: str) -> str:
    code = (
        "import hashlib; from benchmarks.newsroom import Newsroom, Spec; "
        f"w = Newsroom(Spec(seed={seed}, feeds=10, entries=10, now={NOW})); "
        "h = hashlib.sha256(); [h.update(w.document(f, c)) for c in (0, 1, 2) for f in range(10)]; "
        f"from benchmarks.newsroom import rules_yaml; h.update(rules_yaml(50, {seed}).encode()); print(h.hexdigest())"
    )
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    return result.stdout.strip()


def test_same_bytes_for_a_seed_in_any_process_and_other_bytes_for_another_seed():
    assert _digest(3, "1") == _digest(3, "2")  # nothing depends on hash() or on the process
    assert _digest(3, "1") != _digest(4, "1")
    assert newsroom.rule_files(50, 3) == newsroom.rule_files(50, 3)


def test_shares_no_code_with_workload_py():
    source = (ROOT / "benchmarks" / "newsroom.py").read_text()
    assert not re.search(r"^\s*(from|import)\s+benchmarks\.workload|from benchmarks import workload", source, re.M)


def test_feeds_mix_formats_and_summary_only_with_full_content(room):
    outlets = room.outlets
    assert sum(o.full for o in outlets) == len(outlets) // 2
    assert 0 < sum(o.atom for o in outlets) < len(outlets)
    assert {o.kind for o in outlets} >= {"wire", "en", "es", "de"}
    for feed in range(SMALL.feeds):
        parsed = parse_feed(room.document(feed), f"http://x{room.path(feed)}")
        items = room.items(feed)
        assert [e.key for e in parsed.entries] == ["guid:" + i.guid for i in items]
        for entry, item in zip(parsed.entries, items, strict=True):
            words = len(entry.summary.split())
            if room.outlets[feed].full:
                assert 30 <= words <= 46 and len(item.content_html) > 1500, (words, len(item.content_html))
            else:
                assert 70 <= words <= 113 and not entry.content, words


def test_size_per_entry_makes_about_25_mb_at_full_size(room):
    size = sum(len(room.document(f)) for f in range(SMALL.feeds))
    per_entry = size / (SMALL.feeds * SMALL.entries)
    assert 1_800 < per_entry < 3_400, per_entry  # 10,000 entries: 18-34 MB (25 MB measured at full size)


def test_copies_are_varied_republications_of_wire_stories(room):
    items = [room.item(f, s) for f in range(SMALL.feeds) for s in room.slots(f)]
    copies = [i for i in items if i.copy]
    assert 0.12 < len(copies) / len(items) < 0.30
    carriers = defaultdict(set)
    for item in items:
        carriers[item.story].add(urlsplit(item.link).hostname)
    assert any(len(hosts) >= 3 for story, hosts in carriers.items() if story.startswith("wire:"))
    wire_items = {i.story: i for i in items if i.story.startswith("wire:") and not i.copy}
    openings = {"byline": 0, "dateline": 0}
    for copy in copies:
        number = int(copy.story.split(":")[1])
        original = room.wire_story(number)
        assert copy.title != original.title
        shared = _words(copy.title) & _words(original.title)
        assert 2 <= len(shared) <= 3, (copy.title, original.title)
        assert "utm_" in copy.link
        if copy.story in wire_items:
            assert urlsplit(copy.link).hostname != urlsplit(wire_items[copy.story].link).hostname
            assert copy.guid != wire_items[copy.story].guid
        text = copy.text_content or copy.text_summary
        openings["byline"] += "By " in text[:200]
        openings["dateline"] += bool(re.search(r"\b[A-Z][A-Za-z ]+(, \w{3} \d+)? \(|— ", text[:300]))
        if copy.text_content:  # the tail trimmed: shorter than the original, boilerplate aside
            assert len(copy.text_content) < len(original.text) + 200
    assert openings["byline"] > len(copies) / 3 and openings["dateline"] > len(copies) / 3, openings


def _words(title: str) -> set[str]:
    stop = {"a", "an", "the", "of", "in", "on", "and", "for", "to", "as", "after", "over", "what", "news"}
    return {w.lower() for w in re.findall(r"[\w'’-]+", title) if w.lower() not in stop and not w[0].isdigit()}


def test_rules_load_and_expected_pairs_come_from_the_matcher(room, tmp_path):
    folder = newsroom.write_rules(tmp_path / "rules", 50, SMALL.seed)
    rules = load_rules([folder])
    assert len(rules) == 50
    expected = newsroom.expected_pairs(room, folder)
    assert expected.entries == SMALL.feeds * SMALL.entries
    assert expected.copies > 0 and expected.pairs
    names = {r.name for r in rules}
    stories = set(room.truth(0).values())
    assert all(rule in names and story in stories for rule, story in expected.pairs)
    assert expected.matched_entries > len(expected.pairs)  # copies match again: what dedup must absorb
    # No rule matches more than a small share of the stories.
    assert max(expected.by_rule.values()) < 0.2 * expected.stories
    assert expected.original_pairs


def test_later_cycles_add_entries_to_some_feeds_and_leave_the_other_bytes_alone(room):
    for cycle in (1, 2):
        changed = [f for f in range(SMALL.feeds) if room.changed(f, cycle)]
        assert sorted(set(range(SMALL.feeds)) - set(changed)) == room.unchanged(cycle)
        before, now = room.bodies(cycle - 1), room.bodies(cycle)
        for feed in range(SMALL.feeds):
            same = before[room.path(feed)] == now[room.path(feed)]
            assert same == (feed not in changed)
        fresh = list(room.new_items(cycle))
        assert len(fresh) == len(changed) * SMALL.new_per_change
        old_keys = set(room.truth(cycle - 1))
        assert all("guid:" + i.guid not in old_keys for i in fresh)
        assert all(i.published.timestamp() <= NOW for i in fresh)
