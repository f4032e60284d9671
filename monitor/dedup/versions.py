"""A desk's later version of its own story: the same story grown, not its next one. Pure.

A wire runs a story as it comes in: a flash of the lede alone, then the write-through that opens
with that lede and tells the rest, then updates on top of it. Its next story on the happening (the
next day's, or another the same hour sharing its background) opens with a lead of its own, or with
the first paragraph of a story that ran further: it does not hold the whole earlier entry. So a text
of the same outlet under the same headline that opens with all of an earlier entry of the story, word
for word and in order, within hours of it, is that entry grown: the story's copy (``compare.follow_up`` reads the rest).
A wire re-heads its story as it writes it through (the flash's headline names the first fact, the story's the
affair): under a headline of its own, a text that opens with the whole entry word for word within the hour
(``REHEADED_HOURS``) is that entry grown too; later, a new headline is the desk's next story.
The write-through may touch the flash's words (a clause added, a word set right): the entry is then
held as a desk's re-run holds it (``RERUN``), with its names and numbers (a desk's next brief of one
template swaps them), the text's first sentence mostly the entry's and one of its sentences word for word
(a desk's rewrite of its story under its own words is its own story: ``novelty``).
"""

from __future__ import annotations

import numpy as np

from monitor.dedup.compare import FACTS_THRESHOLD, MIN_OVERLAP, RERUN, Stored, containment, sample_bound, swapped_facts
from monitor.dedup.events import SERIES_HOURS
from monitor.dedup.paraphrase import known_shingles
from monitor.dedup.shingles import SENTENCES
from monitor.dedup.signature import Signature

GROWN_HOURS = SERIES_HOURS  # later than this, a desk's text that opens with its entry is its next story
# A wire writes its flash through within the hour, re-headlined as the story takes shape; a desk's next story on
# the happening (a day-two piece, a development hours later) comes after the news has moved on.
REHEADED_HOURS = 1.0
# A wire's later version (a quote added, the background cut) re-runs its story's own sentences: most of it
# is the story word for word. Its next story repeats a paragraph (the lede, the background) and is mostly new.
REFILED_SHARE = 2 / 3


def grown(sig: Signature, story_id: int, verified: list[Stored]) -> bool:
    """Does ``sig`` open with the whole text of an entry of ``story_id`` by its own outlet under its headline
    (under another, ``_reheaded``): every sentence of it, word for word, in order (an entry of ``SENTENCES``
    sentences or more may be longer than its stored hashes: it is not known whole), or nearly (``_nearly``),
    keeping a sentence of it word for word, seen at most ``GROWN_HOURS`` before it, and go on with more?"""
    if not sig.outlet:
        return False
    opening = [h for h, _, _ in sig.lines]
    reheaded = False  # an entry of its desk under another headline: is it re-filed (``refiled``, asked once)?
    for doc in verified:
        if doc.story_id != story_id or doc.outlet != sig.outlet:
            continue
        if not 0 <= sig.when - doc.seen <= GROWN_HOURS * 3600:
            continue
        theirs = np.frombuffer(doc.sentences, dtype="<u4").tolist()
        if doc.title != sig.title:
            # under a headline of its own, the desk's text tells its next story (``compare.follow_up``),
            # unless it is the entry written through within the hour, word for word (``_reheaded``), or re-filed
            if _reheaded(sig, doc, opening, theirs):
                return True
            reheaded = True
            continue
        # Nearly: one of its sentences kept word for word (a desk's rewrite of its story keeps none: ``novelty``)
        if _opens_with(opening, theirs) or (not set(theirs).isdisjoint(opening) and _nearly(sig, doc)):
            return True
    return reheaded and refiled(sig, story_id, verified)


def _reheaded(sig: Signature, doc: Stored, opening: list[int], theirs: list[int]) -> bool:
    """Does ``sig``, at most ``REHEADED_HOURS`` after ``doc``, open with the whole of it word for word? (The
    nearly-whole reading, ``_nearly``, is kept to the entry's own headline: a desk's rewrite under a new one is
    its own story.)"""
    return sig.when - doc.seen <= REHEADED_HOURS * 3600 and _opens_with(opening, theirs)


def refiled(sig: Signature, story_id: int, verified: list[Stored]) -> bool:
    """Is ``sig`` its desk's story re-filed under a new headline hours on (an update's late quote in place of its
    background, a correction's line above it), not its next story? It holds an entry of ``story_id`` by its outlet,
    seen at most ``GROWN_HOURS`` before it and fewer than ``SENTENCES`` sentences long (known whole), word for word
    and in order, and ``REFILED_SHARE`` of its sentences that can be read are the desk's sentences of the story word
    for word. The desk's next story repeats a paragraph of it (the lede, the background) and is mostly new."""
    if not sig.outlet:
        return False
    span = GROWN_HOURS * 3600
    mine = [d for d in verified if d.story_id == story_id and d.outlet == sig.outlet and 0 <= sig.when - d.seen <= span]
    lines = [h for h, shingles, _ in sig.lines if len(shingles) >= MIN_OVERLAP]
    ran: set[int] = set()
    held = 0  # the longest of its entries held whole
    for doc in mine:
        theirs = np.frombuffer(doc.sentences, dtype="<u4").tolist()
        ran.update(theirs)
        run = len(theirs)
        if 0 < run < SENTENCES and any(lines[i : i + run] == theirs for i in range(len(lines) - run + 1)):
            held = max(held, run)
    carried = sum(1 for h in lines if h in ran)
    return 0 < held < carried and carried >= REFILED_SHARE * len(lines)


def _opens_with(lines: list[int], theirs: list[int]) -> bool:
    """Are ``theirs`` (an entry's sentence hashes) all of it and ``lines``' first ones, with more after them?"""
    return 0 < len(theirs) < min(SENTENCES, len(lines)) and lines[: len(theirs)] == theirs


def _nearly(sig: Signature, doc: Stored) -> bool:
    """Is ``doc``, shorter than ``sig``, ``RERUN`` of it and ``FACTS_THRESHOLD`` of its names and numbers in ``sig``,
    none swapped for others, and ``sig``'s first sentence mostly ``doc``'s shingles?"""
    if doc.length >= sig.length or (evidence := containment(sig, doc)).score < RERUN:
        return False
    if evidence.facts(sig, doc) < FACTS_THRESHOLD or swapped_facts(sig, doc):
        return False
    bound = sample_bound(doc.sample)
    known = known_shingles([doc])
    first = [shingle for shingle in sig.lines[0][1] if shingle < bound]
    return bool(first) and 2 * sum(1 for shingle in first if shingle in known) > len(first)
