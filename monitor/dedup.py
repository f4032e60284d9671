"""Syndication detection: does a new entry repeat the text of a known story? Pure.

Blocking: every entry is reduced to its lede (the first words of its body,
normalised) and the hashed 4-word shingles of that lede feed an inverted index.
A new entry's candidates are the entries sharing at least two shingles with
it, so the cost depends on how many entries share its words, not on the window.
Verification: rapidfuzz compares the two ledes over their common length (a
trimmed copy is a prefix of the original) and accepts at ``threshold``.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from rapidfuzz import fuzz

from monitor.models import Entry
from monitor.text import fold

LEDE_WORDS = 60
SHINGLE = 4
MIN_SHARED = 2
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Decision:
    """Where an entry belongs: ``story_id`` None means a new story."""

    story_id: int | None
    score: float = 0.0
    matched_entry: int | None = None
    reason: str = "new story"


@dataclass(frozen=True, slots=True)
class _Doc:
    entry_id: int
    story_id: int
    lede: str


def lede(entry: Entry) -> str:
    """The normalised first words of the entry's body, falling back to the title."""
    words = _WORD.findall(fold(entry.body or entry.title))
    return " ".join(words[:LEDE_WORDS])


def shingles(text: str) -> set[int]:
    words = text.split()
    if len(words) < SHINGLE:
        return {hash(text)} if text else set()
    return {hash(" ".join(words[i : i + SHINGLE])) for i in range(len(words) - SHINGLE + 1)}


class StoryIndex:
    """An in-memory index of recent entries, rebuilt from the store on start-up."""

    def __init__(self, threshold: float = 90.0):
        self.threshold = threshold
        self._docs: dict[int, _Doc] = {}
        self._postings: defaultdict[int, list[int]] = defaultdict(list)

    def __len__(self) -> int:
        return len(self._docs)

    def find(self, entry: Entry) -> Decision:
        text = lede(entry)
        if len(text.split()) < SHINGLE * 2:
            return Decision(None, reason="too little text to compare")
        counts = Counter(eid for sh in shingles(text) for eid in self._postings.get(sh, ()))
        best: tuple[float, _Doc] | None = None
        for entry_id, shared in counts.most_common(20):
            if shared < MIN_SHARED:
                break
            doc = self._docs[entry_id]
            score = _similarity(text, doc.lede)
            if best is None or score > best[0]:
                best = (score, doc)
        if best and best[0] >= self.threshold:
            score, doc = best
            return Decision(doc.story_id, score, doc.entry_id, f"lede {score:.0f}% like entry {doc.entry_id}")
        return Decision(None, best[0] if best else 0.0, reason="new story")

    def add(self, entry_id: int, story_id: int, entry: Entry) -> None:
        text = lede(entry)
        self._docs[entry_id] = _Doc(entry_id, story_id, text)
        for sh in shingles(text):
            self._postings[sh].append(entry_id)


def _similarity(a: str, b: str) -> float:
    """Compare the two ledes over the shorter one's length: trims and cut-offs still match."""
    length = min(len(a), len(b))
    return float(fuzz.ratio(a[:length], b[:length]))
