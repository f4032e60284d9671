"""A text that words one sentence of a story its own way among sentences of its own: another story quoting it. Pure.

Containment reads the shorter text's share of the longer. Against a one-sentence entry (a wire's
flash) a longer text that quotes its lede in its own words (a fact-check, an explainer) holds most
of that sentence's shingles and reads as its copy. A copy keeps the story's text: it may reword it,
trim it, put a line above or beside it, but what it tells is the story's, and the story's fuller
entries are in it. A text whose sentences mostly share no passage with any entry of the story, none
of them word for word, and which lacks most of the story's fullest entry, tells its own story and
quotes this one; under a headline of its own, as a desk gives its own story.
"""

from __future__ import annotations

import numpy as np

from monitor.dedup.compare import MIN_OVERLAP, REPEATED, Stored, sample_bound
from monitor.dedup.divergence import GOES_ON
from monitor.dedup.signature import Signature


def known_shingles(docs: list[Stored]) -> set[int]:
    """Every shingle hash the stored ``docs`` keep: their samples and their openings (an opening is kept whole)."""
    known: set[int] = set()
    for doc in docs:
        known.update(doc.hashes())
        known.update(np.frombuffer(doc.opening, dtype="<u4").tolist())
    return known


def paraphrases(sig: Signature, story_id: int, verified: list[Stored]) -> str:
    """How ``sig`` quotes ``story_id`` in words, or "" when it may be its copy: under a headline none of the story's
    entries has (``divergence.diverges`` reads the same), none of its sentences is word for
    word a sentence of the story's entries, ``REPEATED`` or more of them (and more than those that share one)
    share no passage with any entry of the story, and it lacks ``GOES_ON`` or more of the story's fullest entry."""
    story = [doc for doc in verified if doc.story_id == story_id]
    if not story or any(doc.title == sig.title for doc in story):
        return ""  # a copy may keep the story's headline over its lede and a line of its own (a forum's quote, link)
    verbatim = set().union(*(np.frombuffer(doc.sentences, dtype="<u4").tolist() for doc in story))
    if any(h in verbatim for h, _, _ in sig.lines):
        return ""  # a sentence of the story kept whole: its carrier's copy, edited
    bound = min(sample_bound(doc.sample) for doc in story)
    known = known_shingles(story)
    shared = own = 0
    for _, shingles, _ in sig.lines:
        checked = {h for h in shingles if h < bound}
        if len(checked) >= MIN_OVERLAP:
            if len(checked & known) >= MIN_OVERLAP:
                shared += 1
            else:
                own += 1
    if own < REPEATED or own <= shared:
        return ""
    fullest = max(story, key=lambda doc: doc.length)
    sample = np.frombuffer(fullest.sample, dtype="<u4").tolist()
    lacks = 1.0 - len(sig.shingles.intersection(sample)) / len(sample) if sample else 0.0
    if lacks < GOES_ON:
        return ""
    return (
        f"words {shared} of its sentences its own way beside {own} of its own, none of them the story's word for"
        f" word, and lacks {lacks * 100:.0f} % of its fullest entry (another story quoting it)"
    )
