"""A text that opens with a story's paragraph, then tells its own to its end: not that story's copy. Pure.

Containment reads the shorter text's share of the longer: a next-day follow-up that opens with
the paragraph the story began with (word for word) and adds two sentences of news holds the
story's summary copies whole, and half of the story itself. A copy differs from its story where it
was edited (every sentence still shares words with it), above it (a byline, an update on top) or
beside its paragraphs (a fact box, a local line), and it may lose the story's tail; it does not
end with sentences of its own while the story goes on with sentences it lacks. Both texts running
on apart after one shared opening is the shape of two stories told from one paragraph. Two closing
sentences of its own are needed from another desk (a trimmed copy may close with a local line), one
from the desk whose entry is the story's fullest: a desk does not cut its own story and close it with
a sentence it did not run. Under the story's own headline a text is its copy (round 27: three copies
trimmed to two paragraphs and closed with an outlet's appeal, rating or funder's line): the news such a
text adds under it is ``novelty``'s to tell.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from monitor.dedup.compare import MIN_OVERLAP, REPEATED, Stored, sample_bound
from monitor.dedup.signature import NO_CAPITALS, SAMPLE_MAX, Signature

GOES_ON = 0.25  # the share of the story's fullest entry this text lacks: the story goes on without it


@dataclass(frozen=True, slots=True)
class Divergence:
    opening: int  # sentences it opens with, word for word the story's
    own: int  # sentences it ends with that share no passage with the story
    fullest: Stored  # the story's longest entry among those verified
    lacks: float  # the share (0-1) of that entry's sampled text not in this one


def diverges(sig: Signature, story_id: int, verified: list[Stored]) -> Divergence | None:
    """Under a headline none of the story's entries has, does ``sig`` open with ``REPEATED`` or more
    sentences of ``story_id`` word for word, end with ``REPEATED`` or more sentences sharing no passage
    with any entry of the story (one when the story's fullest entry is by ``sig``'s outlet), while that
    entry goes on with ``GOES_ON`` or more of its text that ``sig`` lacks?"""
    story = [doc for doc in verified if doc.story_id == story_id]
    lines = [(h, shingles) for h, shingles, _ in sig.lines if len(shingles) >= MIN_OVERLAP]
    if not story:
        return None
    fullest = max(story, key=lambda doc: doc.length)
    # A desk that tells its next story gives it a headline of its own; a copy keeps the story's, trimmed
    # and closed with lines the outlet adds (an appeal, a rating, a funder's credit: none of them news).
    if any(doc.title == sig.title for doc in story):
        return None
    # A desk does not cut its own story and close it with a sentence of its own: one such
    # sentence after the desk's paragraph is its next story (other outlets' copies add local lines).
    needed = 1 if sig.outlet and fullest.outlet == sig.outlet else REPEATED
    if len(lines) < REPEATED + needed:
        return None
    verbatim = set().union(*(np.frombuffer(doc.sentences, dtype="<u4").tolist() for doc in story))
    opening = next((i for i, (h, _) in enumerate(lines) if h not in verbatim), len(lines))
    if opening < REPEATED:
        return None
    # Only the shingles every entry of the story would have kept in its sample can be missed there.
    bound = min(sample_bound(doc.sample) for doc in story)
    known: set[int] = set()
    for doc in story:
        known.update(np.frombuffer(doc.sample, dtype="<u4").tolist())
        known.update(np.frombuffer(doc.opening, dtype="<u4").tolist())
    own = 0
    for _, shingles in reversed(lines[opening:]):
        checked = {h for h in shingles if h < bound}
        if len(checked) < MIN_OVERLAP or len(checked & known) >= MIN_OVERLAP:
            break
        own += 1
    if own < needed:
        return None
    sample = np.frombuffer(fullest.sample, dtype="<u4").tolist()
    lacks = 1.0 - len(sig.shingles.intersection(sample)) / len(sample) if sample else 0.0
    return Divergence(opening, own, fullest, lacks) if lacks >= GOES_ON else None


def wrapper(sig: Signature, doc: Stored) -> int:
    """How many sentences ``sig`` opens with word for word as ``doc``, an entry of its own outlet, when
    that is all the two share (else 0): the paragraph that outlet puts above each story it carries (an
    editor's note, a context card, a newsletter's letter), or the lead its next story repeats.

    Both open with the same sentences word for word and share no other sentence; ``doc`` goes on
    with sentences ``sig`` lacks, and ``sig`` with one or more sharing no passage with ``doc``. An
    outlet does not syndicate itself: after one opening both tell their own text, two stories under
    one wrapper. Containment alone reads a short story under a long note as the note's other story
    (round 41: a one-sentence report in another script under a paragraph of English)."""
    if not sig.outlet or doc.outlet != sig.outlet or not sig.lines:
        return 0
    theirs = np.frombuffer(doc.sentences, dtype="<u4").tolist()
    ours = [h for h, _, _ in sig.lines]
    both = min(len(ours), len(theirs))
    opening = next((i for i in range(both) if ours[i] != theirs[i]), both)
    if not opening or opening >= len(theirs) or opening >= len(ours):
        return 0
    if set(ours[opening:]) & set(theirs) or set(theirs[opening:]) & set(ours):
        return 0  # another sentence word for word: a copy that moved or trimmed some
    own = 0
    for checked, shared in _passages(sig.lines[opening:], doc):
        if shared >= MIN_OVERLAP:
            return 0  # the story goes on in its words: a copy's edited sentence
        own += checked >= MIN_OVERLAP
    return opening if own else 0


def note(sig: Signature, doc: Stored) -> int:
    """How many sentences ``sig`` opens with that share no passage with ``doc`` and print no name or number, when
    one sentence or more follows them and each that can be checked shares a passage with ``doc`` (else 0): a note
    its outlet puts above the story it carries (an editor's context, a reader view's word from its desk), read
    before any other story of that outlet could show it to be the outlet's (``wrapper``). A lead of news prints
    who or how many; a note says where the text comes from. A text without capitals (Han, Arabic, one in capitals
    only: ``NO_CAPITALS``) cannot show who, only how many: a lead naming its people and no number reads as a note
    there, and another story sharing a background line with ``doc`` would join it (review s24). None is read in it,
    but above it in letters with a case (an English note over a Han report), as before."""
    if sig.flags & NO_CAPITALS and not _cased(sig.lede):
        return 0
    passages = _passages(sig.lines, doc)
    opening = next(
        (i for i, ((_, shared), (_, _, facts)) in enumerate(zip(passages, sig.lines, strict=True)) if shared or facts),
        len(passages),
    )
    rest = [(checked, shared) for checked, shared in passages[opening:] if checked >= MIN_OVERLAP]
    if not opening or not rest or any(shared < MIN_OVERLAP for _, shared in rest):
        return 0
    return opening


def _cased(text: str) -> bool:
    """Are most of the letters of ``text`` of an alphabet with capitals (Latin, Cyrillic, Greek, Armenian)?"""
    letters = [char for char in text if char.isalpha()]
    return sum(char.lower() != char.upper() for char in letters) * 2 > len(letters) > 0


def told(sig: Signature, doc: Stored) -> bool:
    """Does every sentence of ``sig`` that can be checked share a passage with ``doc``? The story under an
    outlet's note (``beneath``) is a copy when nothing of its own is left: a digest's items under its intro
    quote a story and tell others."""
    return all(shared >= MIN_OVERLAP for checked, shared in _passages(sig.lines, doc) if checked >= MIN_OVERLAP)


def _passages(lines: tuple[tuple[int, frozenset[int], frozenset[int]], ...], doc: Stored) -> list[tuple[int, int]]:
    """Per sentence of ``lines``: its shingles that ``doc``'s sample would hold, and how many of them it does."""
    bound = sample_bound(doc.sample)
    known = set(np.frombuffer(doc.sample, dtype="<u4").tolist())
    known.update(np.frombuffer(doc.opening, dtype="<u4").tolist())
    checks = [{h for h in shingles if h < bound} for _, shingles, _ in lines]
    return [(len(checked), len(checked & known)) for checked in checks]


def beneath(sig: Signature, opening: int) -> Signature | None:
    """``sig`` without its first ``opening`` sentences (its outlet's own paragraph, ``wrapper``): the story
    it carries, to be measured alone against the candidates (a long note above a one-sentence report
    makes most of its text). None when ``sig`` is sampled in part: its sample's bound would change."""
    if len(sig.sample) >= 4 * SAMPLE_MAX or opening >= len(sig.lines):
        return None
    note = set().union(*(shingles for _, shingles, _ in sig.lines[:opening]))
    kept = sig.shingles - note
    sample = np.frombuffer(sig.sample, dtype="<u4")
    opens = np.frombuffer(sig.opening, dtype="<u4")
    return replace(
        sig,
        sample=sample[~np.isin(sample, list(note))].tobytes(),
        opening=opens[~np.isin(opens, list(note))].tobytes(),
        sentences=np.frombuffer(sig.sentences, dtype="<u4")[opening:].tobytes(),
        shingles=frozenset(kept),
        length=len(kept),
        lines=sig.lines[opening:],
    )
