"""The index's compact layout decides as the plain one: records unpack to what ``compare.stored`` keeps,
and folding the keys of entries added since start-up into the keys' table changes no decision."""

from __future__ import annotations

import random
import struct
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from monitor.dedup import StoryIndex, index, signature
from monitor.dedup.compare import stored
from monitor.dedup.headline import first_sentence
from monitor.dedup.packed import Outlets, pack, stored_record, unpack, without_keys
from monitor.models import Entry

START = datetime(2026, 3, 2, tzinfo=UTC)


def _entries(n: int, seed: int = 3) -> list[tuple[Entry, datetime]]:
    """Texts from a small vocabulary (keys shared by many), a third of them copies of a recent one."""
    rng = random.Random(seed)
    words = [f"w{i}" for i in range(300)] + ["Arden", "Belmar", "Corvo", "12", "2026", "340"]
    out: list[tuple[Entry, datetime]] = []
    for i in range(n):
        seen = START + timedelta(hours=i)
        if out and rng.random() < 0.33:
            source = rng.choice(out[-20:])[0]
            cut = source.content.split()[: rng.randint(20, 60)]
            entry = Entry("f", f"copy{i % 3}", f"k{i}", f"https://x.example/{i}", source.title, "", " ".join(cut))
        else:
            body = " ".join(rng.choices(words, k=rng.randint(30, 70))) + "."
            title = " ".join(rng.choices(words, k=6))
            entry = Entry("f", f"outlet{i % 5}", f"k{i}", f"https://x.example/{i}", title, "", body)
        out.append((entry, seen))
    return out


def test_a_record_unpacks_to_what_the_index_kept_of_the_entry():
    outlets = Outlets()
    for entry, seen in _entries(30):
        sig = signature(entry, seen)
        kept = stored(7, seen.timestamp(), sig)
        assert unpack(pack(7, seen.timestamp(), sig, outlets, keys=True), outlets) == kept
        record = without_keys(pack(7, seen.timestamp(), sig, outlets, keys=True))
        assert record == pack(7, seen.timestamp(), sig, outlets, keys=False)
        assert unpack(record, outlets).keys == () and unpack(record, outlets).sample == kept.sample
        # The start-up's record, straight from the stored blob: the same, with the keys, headline and first sentence.
        found = stored_record(7, seen.timestamp(), sig.pack(), outlets.code(sig.outlet))
        assert found is not None
        made, keys, title, _, lede = found
        assert (made, bytes(keys), title) == (record, struct.pack(f"<{len(sig.keys)}I", *sig.keys), sig.title)
        assert first_sentence(lede) == first_sentence(sig.sentences)


def test_a_stored_signature_of_no_sentence_has_no_first_sentence():
    entry = Entry("f", "outlet", "k", "https://x.example/1", "Arden council names Belmar", "", "w1 w2 w3.")
    sig = replace(signature(entry, START), sentences=b"")
    found = stored_record(7, START.timestamp(), sig.pack(), Outlets().code(sig.outlet))
    assert found is not None and found[4] == b"" and first_sentence(found[4]) is None


def _decisions(fold_every: int, loaded: int, monkeypatch: pytest.MonkeyPatch) -> tuple[list[tuple], StoryIndex]:
    monkeypatch.setattr(index, "FOLD_EVERY", fold_every)
    story_index = StoryIndex(window=timedelta(days=4), prune_every=40)  # entries an hour apart: pruned as it goes
    rows = [(n + 1, signature(entry, seen), seen) for n, (entry, seen) in enumerate(_entries(260))]
    story_index.load([(entry_id, entry_id, entry_id, seen, sig) for entry_id, sig, seen in rows[:loaded]])
    out = []
    for entry_id, sig, seen in rows[loaded:]:
        d = story_index.decide(sig)
        out.append((d.story_id, d.matched_entry, d.reason, d.event_id, d.event_reason))
        story_index.add(entry_id, d.story_id or entry_id, d.event_id or entry_id, sig, seen)
        if entry_id % 50 == 0:  # an update re-signs a known entry
            story_index.add(entry_id - 3, entry_id - 3, entry_id - 3, rows[entry_id - 4][1], seen)
    return out, story_index


@pytest.mark.parametrize("loaded", [0, 60])
def test_folding_added_entries_into_the_keys_table_changes_no_decision(loaded, monkeypatch):
    plain, unfolded = _decisions(10**9, loaded, monkeypatch)
    folded, story_index = _decisions(7, loaded, monkeypatch)
    assert any(d[0] is not None for d in plain)  # copies were found: the comparison says something
    assert folded == plain
    assert len(story_index._buckets) < len(unfolded._buckets) / 4  # the keys went to the table
