"""The records the index keeps unpacked for its next decisions (``StoryIndex._doc``, sp50) are the
records themselves: an entry re-added with other text is read anew, and a kept index holds none."""

from __future__ import annotations

import pickle
from datetime import UTC, datetime

from monitor.dedup import StoryIndex
from monitor.dedup.index import UNPACKED_KEPT
from monitor.dedup.packed import unpack
from monitor.models import Entry

NOW = datetime(2025, 7, 12, 12, 0, tzinfo=UTC)
WONSAN = (
    "WONSAN, July 12 — Russian Foreign Minister Sergey Lavrov met North Korean leader Kim Jong Un on Saturday, "
    "and said Pyongyang had restated its full support for Moscow's military campaign in Ukraine. "
    "Russia's foreign ministry released footage of Lavrov and Kim greeting each other in Wonsan."
)
HARBOUR = (
    "Dock workers at the port of Rotterdam ended a three-day strike on Thursday after the terminal operators "
    "agreed to raise night-shift pay by eight percent, the union said, and the first container ships berthed."
)


def entry(key: str, body: str, outlet: str) -> Entry:
    return Entry("https://x.example/feed", outlet, key, "", f"{key} headline", "", body, published=NOW)


def test_an_entry_re_added_with_other_text_is_read_anew() -> None:
    index = StoryIndex()
    first = index.find(entry("a", WONSAN, "Wire"), NOW).signature
    assert first is not None
    index.add(1, 1, 1, first, NOW)
    copy = entry("b", WONSAN, "Daily")
    assert index.find(copy, NOW).story_id == 1  # entry 1 read, and kept unpacked
    harbour = index.find(entry("a", HARBOUR, "Wire"), NOW).signature
    assert harbour is not None
    index.add(1, 5, 5, harbour, NOW)  # the feed rewrote entry 1: another story now
    assert index.find(copy, NOW).story_id is None
    assert index._doc(1) == unpack(index._docs[1], index._outlets, keys=False)


def test_a_kept_index_holds_no_unpacked_record_and_decides_alike() -> None:
    index = StoryIndex()
    for n in range(UNPACKED_KEPT + 3):  # more entries than are kept unpacked: the least recently read go
        sig = index.find(entry(f"e{n}", f"{WONSAN} Item {n} of the day.", f"Outlet {n}"), NOW).signature
        assert sig is not None
        index.add(n + 1, 1, 1, sig, NOW)
    for n in range(UNPACKED_KEPT + 3):
        index._doc(n + 1)
    assert list(index._unpacked) == list(range(4, UNPACKED_KEPT + 4))
    again = pickle.loads(pickle.dumps(index))
    assert again._unpacked == {} and index._unpacked
    copy = entry("b", WONSAN, "Daily")
    assert again.find(copy, NOW) == index.find(copy, NOW)
