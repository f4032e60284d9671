"""Two reports naming two subjects in one frame of words: two happenings of one place or body. Pure.

An organisation's or a place's happenings share its people (the rescue chief, the station manager),
its places and the words its desks tell them in; they differ in what each is about (the trawler, the
train, the street), its figures and its day. Round 28 (held-out v24): a second boat driven ashore in
the storm that a trawler's crew was rescued from joined the rescue's event, through the sea and the
rescue chief, though each headline named its own vessel and the second report was told in the
first one's words. Its counterpart joins: a desk's analysis naming a wider frame in its headline
(Europe's estuary, not the grounded ship) shares no words with the wire's report, only the names.

Asked by ``events.EventIndex.find`` of the best candidate so far; cheap checks first, the text share last.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import Generic, Protocol, TypeVar

FRAME_TEXT = 10.0  # percent of the new report's text a report of the event holds: told in its words
STEM = 3  # a name's first sounds, which its inflected forms keep ("Durrës", "Durrësit")


def other_subject(
    heads: Collection[str],
    query: Collection[str],
    theirs: Collection[str],
    held: Collection[str],
    shared: Collection[str],
    framed: Callable[[], float],
) -> bool:
    """Does the new report's headline name (``heads``) only subjects the other report (its keys ``held``)
    never names, and the other's headline (``theirs``) only ones the new report (its keys ``query``)
    never names, with no figure or day among the keys they share (``shared``), while a report of that
    event holds ``FRAME_TEXT`` percent of the new report's text (``framed``, asked last)? A name counts as
    named in any form sharing its first ``STEM`` sounds."""
    mine = [key for key in heads if key[0].isalpha()]
    others = [key for key in theirs if key[0].isalpha()]
    if not mine or not others or any(key[0].isdigit() or key[0] == "@" for key in shared):
        return False  # a number's key starts with a digit, a day's with "@"
    if _named(mine, held) or _named(others, query):
        return False
    return framed() >= FRAME_TEXT


def _named(names: list[str], keys: Collection[str]) -> bool:
    """Is one of ``names`` among ``keys``, or a form of it (the first ``STEM`` sounds of either starting the other)?"""
    return any(
        key.startswith(name[:STEM]) or name.startswith(key[:STEM]) for key in keys if key[0].isalpha() for name in names
    )


class _Entry(Protocol):
    story_id: int


E = TypeVar("E", bound=_Entry)


class Shares(dict[int, float], Generic[E]):
    """Story -> the percent of the new report's text one of its entries holds, as the story index verified
    them (``index._best_copy``), with the entries its bound left unverified (no copy, series or release could
    come of them), verified when one event's share is asked (``of_event``): rarely, not in every decision."""

    __slots__ = ("_verify", "unread")

    def __init__(self, verify: Callable[[E], float]):
        super().__init__()
        self._verify = verify  # an entry -> the percent of the new report's text it holds
        self.unread: list[E] = []

    def of_event(self, event_of: Callable[[int], int | None], event_id: int) -> float:
        """The most of the new report's text one story of ``event_id`` holds, its unverified entries verified."""
        for doc in [doc for doc in self.unread if event_of(doc.story_id) == event_id]:
            self[doc.story_id] = max(self._verify(doc), self.get(doc.story_id, 0.0))
            self.unread.remove(doc)
        return max((share for story, share in self.items() if event_of(story) == event_id), default=0.0)


def framed(shares: dict[int, float], event_of: Callable[[int], int | None], event_id: int) -> float:
    """The most of the new report's text (percent) one story of ``event_id`` holds (``shares``: story -> percent)."""
    if isinstance(shares, Shares):
        return shares.of_event(event_of, event_id)
    return max((share for story, share in shares.items() if event_of(story) == event_id), default=0.0)
