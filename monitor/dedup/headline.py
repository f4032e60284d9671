"""What the headline and the lede a copy carries say about whose copy it is (issue 13). Pure.

A copy keeps its original's headline, or is titled by its first line (an aggregator titling items by their
lede), or opens with the original's headline (a push or ticker that prints the headline as its text). Short
briefs, alert lines and summary-only copies share too few shingles with their original for the text to say
so; these three matches do. The rule, once:

**A copy's headline or lede, the same as an entry's headline or lede, makes it a copy of that entry's story**,
when its text cannot tell (too little of it), or tells nothing (a summary of ``SUMMARY_SHINGLES`` or fewer that
shares too little with any entry, or shares its few words with another story: ``Heard``), and only then:

- **same window**: the entry is in the index's window (``StoryIndex._in_window``); every match but the same
  headline of ``TITLE_WORDS`` words over too little text is also ``HEADLINE_HOURS`` or less apart: an
  aggregator's title or a push line comes within the day, and a desk's next day's brief may reuse the words;
- **enough words**: the same headline has ``TITLE_WORDS`` words or more ("Live updates", "Weather" say nothing
  about whose copy it is); a shorter headline over too little text joins only over a run of that entry's
  sentences word for word, saying ``MIN_LEDE_TOKENS`` words with its headline (``lede_of``: a push cut of a
  brief under its three-word headline). A line that is a headline on one side and a first sentence on the
  other has ``MIN_LEDE_TOKENS`` words or more, what a text needs to be compared at all: a newsletter's
  opening "Here is what you need to know." is the headline of many a briefing;
- **facts**: a summary with text prints half or more of its names and numbers as the entry does
  (``HEADLINE_FACTS``): stories of one template differ in their headlines' places and figures;
- **another outlet** for the headline-to-lede matches: a desk does not title its own story with its lede, and
  a desk's next brief that opens by quoting its first brief's headline is its next bulletin.

The text's own verdict wins whenever it has one: a round-up, a follow-up, the next bulletin of a template, a
text telling news further (``Heard.DECIDED``) stay what the text says; a summary the text calls a copy of a
story changes story only when none of the three matches ties it to the entry its text joins, and not to its own
outlet's earlier entry under the same headline lacking more of its names and numbers than that entry (a carrier
cutting headlines to a width titles two sister briefs alike).

``Headlines`` keeps, per entry, its headline's hash and its first sentence's (two dict slots, like the
headline map it replaces), the latest entry holding each; the index adds, removes, prunes and loads them
with its entries.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Container, Iterator
from typing import NamedTuple

import numpy as np

from monitor.dedup.compare import Stored, headline_facts, missing_facts
from monitor.dedup.shingles import SHINGLE_CHARS, SHINGLE_WORDS, unspaced
from monitor.dedup.signature import CHARS_A_WORD, Signature

MIN_LEDE_TOKENS = 8  # below this a text says too little to call anything a copy
TITLE_WORDS = 5  # then a headline this long, the same, says it ("Live updates" or "Weather" would not)
SUMMARY_SHINGLES = 40  # a text this short is a summary: a sentence or two
HEADLINE_HOURS = 36  # a summary sharing less, under the same headline: a copy when published this close
HEADLINE_FACTS = 50.0  # and half its names and numbers are the other's


class Heard(enum.Enum):
    """What an entry's text said before its headline is read."""

    NOTHING = "too little text to compare"
    APART = "shares too little with any entry"
    COPY = "a copy of the story it shares most with"
    DECIDED = "a new story for a reason of its own (round-up, follow-up, next bulletin, news)"


class Match(enum.Enum):
    """How a copy's headline or lede is an entry's (in the order tried: the first found is taken)."""

    HEADLINE = "the same headline"
    HEADLINE_IS_LEDE = "its headline is the lede of"
    LEDE_IS_HEADLINE = "its lede is the headline of"


class Claim(NamedTuple):
    """An entry whose story ``sig`` copies by its headline or lede: why in words (a template of ``words``, the
    matched line's length, and ``where``, the entry), and ``words``."""

    entry_id: int
    why: str
    words: int


def first_sentence(sentences: bytes) -> int | None:
    """The hash of a text's first sentence, from its signature's ``sentences`` (uint32, in order)."""
    return int.from_bytes(sentences[:4], "little") if len(sentences) >= 4 else None


class Headlines:
    """The window's headlines and ledes, each hash -> the latest entry with it. Two dict slots per entry."""

    def __init__(self) -> None:
        self.titles: dict[int, int] = {}
        self.ledes: dict[int, int] = {}

    def add(self, entry_id: int, title: int, lede: int | None) -> None:
        self.titles[title] = entry_id
        if lede is not None:
            self.ledes[lede] = entry_id

    def remove(self, entry_id: int, title: int) -> None:
        """Forget ``entry_id``'s headline, unless a later entry holds it now. Its lede stays until ``prune``
        (reading it from the entry's record would cost each removal an unpack); a reader of ``named``
        skips an entry gone, or whose lede is another now (an update re-added)."""
        if self.titles.get(title) == entry_id:
            del self.titles[title]

    def prune(self, kept: Container[int]) -> None:
        """Forget the ledes of the entries not ``kept``: at the index's pruning, which scans it whole anyway."""
        self.ledes = {lede: entry_id for lede, entry_id in self.ledes.items() if entry_id in kept}

    def named(self, sig: Signature) -> Iterator[tuple[Match, int]]:
        """The entries whose headline or lede ``sig``'s headline or lede is, in ``Match``'s order."""
        if (entry_id := self.titles.get(sig.title)) is not None:
            yield Match.HEADLINE, entry_id
        if (entry_id := self.ledes.get(sig.title)) is not None:
            yield Match.HEADLINE_IS_LEDE, entry_id
        lede = first_sentence(sig.sentences)
        if lede is not None and (entry_id := self.titles.get(lede)) is not None:
            yield Match.LEDE_IS_HEADLINE, entry_id


def tied(sig: Signature, doc: Stored) -> bool:
    """Do ``sig``'s headline or lede and ``doc``'s match in any of the three ways?"""
    ours, theirs = first_sentence(sig.sentences), first_sentence(doc.sentences)
    return sig.title in (doc.title, theirs) or (ours is not None and ours == doc.title)


def claimed(
    sig: Signature,
    heard: Heard,
    headlines: Headlines,
    doc_of: Callable[[int], Stored | None],
    window: float,
    copied: int | None = None,
) -> Claim | None:
    """The entry whose story ``sig`` copies by the module's rule, given what its text said (``heard``; for
    ``Heard.COPY``, ``copied``: the id of the entry the text joins), or None when the text's verdict stands.
    ``doc_of`` reads an entry of the index (None for one gone); ``window``: the index's, in seconds."""
    if heard is Heard.DECIDED or (heard is not Heard.NOTHING and sig.length > SUMMARY_SHINGLES):
        return None
    story, missing = None, 0
    if heard is Heard.COPY:
        joined = None if copied is None else doc_of(copied)
        if joined is None or tied(sig, joined):
            return None  # its text's entry is under its headline (or lede): nothing says otherwise
        story, missing = joined.story_id, missing_facts(sig, joined)
    for match, entry_id in headlines.named(sig):
        doc = doc_of(entry_id)
        if doc is None or (match is Match.HEADLINE_IS_LEDE and first_sentence(doc.sentences) != sig.title):
            continue  # a lede left by an entry removed, or updated since (``Headlines.remove``)
        if doc.story_id == story:
            return None  # its headline agrees with its text
        # A carrier cutting its headlines to a width gives two sister briefs one ("New water well opens in …", the
        # village cut off): against a text that joined another story, its own earlier entry under that headline
        # outweighs the text only if it lacks no more of the summary's facts. A text that said nothing or joined
        # nothing has no story to weigh it against: the headline is read as for any other outlet's entry.
        if heard is Heard.COPY and doc.outlet == sig.outlet and missing_facts(sig, doc) > missing:
            continue
        if sig.when - doc.seen <= window and (found := _why(sig, heard, match, doc)) is not None:
            return Claim(entry_id, *found)
    return None


def _why(sig: Signature, heard: Heard, match: Match, doc: Stored) -> tuple[str, int] | None:
    """Why ``match`` of ``doc`` makes ``sig`` a copy of its story (``Claim.why``, ``Claim.words``); None when
    it does not."""
    close = abs(sig.when - doc.seen) <= HEADLINE_HOURS * 3600
    words = sig.title_words
    if match is Match.HEADLINE:
        if heard is Heard.NOTHING:
            if words >= TITLE_WORDS:
                return "too little text to compare; the same headline ({words} words) as {where}", words
            if lede_of(sig, doc):
                return "its sentences word for word under the same headline ({words} words) as {where}", words
            return None
        if words >= TITLE_WORDS and close and headline_facts(sig, doc) >= HEADLINE_FACTS:
            return "a summary under the same headline ({words} words) as {where}", words
        return None
    if doc.outlet == sig.outlet or not close or headline_facts(sig, doc) < HEADLINE_FACTS:
        return None
    if match is Match.HEADLINE_IS_LEDE and words >= MIN_LEDE_TOKENS:
        return "its headline ({words} words) is the first sentence of {where}", words
    if match is Match.LEDE_IS_HEADLINE and (words := _lede_words(sig)) >= MIN_LEDE_TOKENS:
        return "its first sentence ({words} words) is the headline of {where}", words
    return None


def _lede_words(sig: Signature) -> int:
    """About how many words ``sig``'s first sentence has, counted as a headline's (``title_words``, with
    ``CHARS_A_WORD`` characters of a script without spaces a word), from its shingles (fresh signatures only)."""
    if not sig.lines or sig.lines[0][0] != first_sentence(sig.sentences):
        return 0
    shingles = len(sig.lines[0][1])
    if unspaced(sig.lede.split()):
        return (shingles + SHINGLE_CHARS - 1) // CHARS_A_WORD if shingles else 0
    return shingles + SHINGLE_WORDS - 1 if shingles else 0


def lede_of(sig: Signature, doc: Stored) -> bool:
    """dd47: is ``sig``, too short to compare, a cut of ``doc`` under ``doc``'s short headline? A push alert or a
    ticker line cuts a brief to its lede's first sentence, and a brief's headline may have three or four words
    ("Гайны дорын выль пос"): ``sig``'s sentences are a run of ``doc``'s, word for word (a carrier's dateline or
    "Filed by" line may stand above ``doc``'s lede), published within ``HEADLINE_HOURS``, and the headline and
    text say ``MIN_LEDE_TOKENS`` words together (a daily "Weather" over "Sunny." says too little to be one day's)."""
    if abs(sig.when - doc.seen) > HEADLINE_HOURS * 3600 or sig.title_words + len(sig.lede.split()) < MIN_LEDE_TOKENS:
        return False
    ours = np.frombuffer(sig.sentences, dtype="<u4").tolist()
    theirs = np.frombuffer(doc.sentences, dtype="<u4").tolist()
    return bool(ours) and any(theirs[at : at + len(ours)] == ours for at in range(len(theirs) - len(ours) + 1))
