"""Event clustering: different write-ups of the same happening. Pure.

A story's keywords are the names and numbers of its title and opening (capitalised
words cut to a 7-letter stem, numbers of two or more digits; character pairs for
Japanese and Chinese), merged over all its copies. Two stories belong to one event when

- they were published within ``EVENT_HOURS`` of each other (events are short), and
- their IDF-weighted keyword overlap, sum(idf(shared)) / sum(idf(either)), reaches
  ``threshold``. IDF counts stories in the window, so "Russia" weighs little and
  "Wonsan", "Kursk" or "Zhirnov" weigh a lot.

Candidates come from an inverted index over keywords, read newest first and capped
per keyword, so the cost depends on how many recent stories share rare words.
The decision names the shared words, the score and the time apart: explainable.
Cross-language write-ups (a Russian and an English report of one event) share
few keywords and are not joined: a known limit.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from monitor.models import Entry
from monitor.text import fold

EVENT_HOURS = 36.0
STEM = 7
MAX_KEYWORDS = 80
OPENING_WORDS = 150
POSTINGS_READ = 200  # newest stories read per keyword: events are recent
MIN_SHARED = 3
_NAME = re.compile(r"\b[A-Z][\w’'-]+|\b\d{2,}\b")
# Capitalised because they open a sentence, not because they name anything.
_NOT_NAMES = frozenset(
    [
        "The",
        "A",
        "An",
        "In",
        "On",
        "At",
        "As",
        "By",
        "For",
        "From",
        "He",
        "She",
        "It",
        "Its",
        "They",
        "This",
        "That",
        "We",
        "But",
        "And",
        "Or",
        "If",
        "Of",
        "To",
        "With",
        "After",
        "Before",
        "While",
        "When",
        "Where",
        "What",
        "Why",
        "How",
    ]
)

_CJK_RUN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


def keywords(entry: Entry) -> tuple[str, ...]:
    """Distinct names and numbers of the title and opening (capitalised words, 2+ digit numbers), title first.

    Names carry events: rewrites of one happening share Zhirnov, Kuala Lumpur, Kursk or 30
    even when every sentence differs. Japanese and Chinese give character pairs instead.
    """
    raw = entry.title + " " + " ".join(entry.body.split()[:OPENING_WORDS])
    found: dict[str, None] = {}
    for word in _NAME.findall(raw):
        if word not in _NOT_NAMES:
            found.setdefault(fold(word)[:STEM], None)
    for run in _CJK_RUN.findall(raw):
        for i in range(len(run) - 1):
            found.setdefault(run[i : i + 2], None)
    return tuple(found)[:MAX_KEYWORDS]


@dataclass(frozen=True, slots=True)
class EventMatch:
    event_id: int
    story_id: int
    score: float
    shared: tuple[str, ...]  # rarest first
    hours_apart: float

    @property
    def reason(self) -> str:
        words = ", ".join(self.shared[:6])
        return (
            f"same event as story {self.story_id}: shares {words}; "
            f"overlap {self.score:.2f}, {self.hours_apart:.0f} h apart"
        )


@dataclass(slots=True)
class _Story:
    event_id: int
    keywords: tuple[str, ...]
    when: float


class EventIndex:
    """Stories of the window by keyword; ``find`` proposes the event a new story belongs to."""

    def __init__(self, threshold: float = 0.22):
        self.threshold = threshold
        self._stories: dict[int, _Story] = {}
        self._postings: defaultdict[str, list[int]] = defaultdict(list)
        self._df: Counter[str] = Counter()

    def __len__(self) -> int:
        return len(self._stories)

    def event_of(self, story_id: int) -> int | None:
        story = self._stories.get(story_id)
        return story.event_id if story else None

    def add(self, story_id: int, event_id: int, words: tuple[str, ...], when: float) -> None:
        """Index a story, or add the keywords of another of its entries."""
        story = self._stories.get(story_id)
        if story is not None:  # a copy's own headline adds names: the story's keywords are the union
            known = set(story.keywords)
            words = tuple(w for w in words if w not in known)
            story.keywords += words
        else:
            self._stories[story_id] = _Story(event_id, words, when)
        for word in words:
            self._postings[word].append(story_id)
            self._df[word] += 1

    def idf(self, word: str) -> float:
        return math.log(1 + (len(self._stories) + 1) / (self._df.get(word, 0) + 1))

    def find(self, words: tuple[str, ...], when: float) -> EventMatch | None:
        """The closest story within ``EVENT_HOURS`` sharing ``MIN_SHARED`` keywords; ``joins`` judges it."""
        counts: Counter[int] = Counter()
        for word in words:
            counts.update(self._postings.get(word, ())[-POSTINGS_READ:])
        best: EventMatch | None = None
        query = set(words)
        for story_id, shared_count in counts.most_common(50):
            if shared_count < MIN_SHARED:
                break
            story = self._stories[story_id]
            hours = abs(story.when - when) / 3600
            if hours > EVENT_HOURS:
                continue
            score, shared = self._overlap(query, set(story.keywords))
            if best is None or score > best.score:
                best = EventMatch(story.event_id, story_id, score, shared, hours)
        return best

    def joins(self, match: EventMatch | None) -> bool:
        return match is not None and match.score >= self.threshold

    def _overlap(self, a: set[str], b: set[str]) -> tuple[float, tuple[str, ...]]:
        shared = sorted(a & b, key=self.idf, reverse=True)
        total = sum(self.idf(w) for w in a | b)
        return (sum(self.idf(w) for w in shared) / total if total else 0.0), tuple(shared)

    def prune(self, before: float) -> None:
        """Forget stories published before ``before``: no new story can join their events any more."""
        stale = {sid for sid, story in self._stories.items() if story.when < before - EVENT_HOURS * 3600}
        if not stale:
            return
        words: set[str] = set()
        for story_id in stale:
            story = self._stories.pop(story_id)
            words.update(story.keywords)
            self._df.subtract(story.keywords)
        for word in words:
            kept = [sid for sid in self._postings[word] if sid not in stale]
            if kept:
                self._postings[word] = kept
            else:
                del self._postings[word]
                del self._df[word]
