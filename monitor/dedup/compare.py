"""How much of one text is in another, from two signatures, and the reason in words. Pure.

A trimmed copy is *contained* in its original, and an original is contained in a copy
that added a paragraph on top: the measure is the share of the shorter text's shingles
found in the longer one (containment), over the whole body. Samples are chosen by hash
value (``signature``), so both texts keep the same shingles of the passages they share
and the share is measured exactly on the sampled ones.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from monitor.dedup.clean import BYLINE, DATELINE, NOTE, TRUNCATED
from monitor.dedup.events import EVENT_HOURS, NEAR_HOURS, SERIES_HOURS
from monitor.dedup.figures import aligned
from monitor.dedup.shingles import FACTS, SENTENCES, SHINGLE_CHARS, SHINGLE_WORDS, crc, shingle_hashes, unspaced
from monitor.dedup.signature import (
    FACT_LINE,
    FACT_NUMBER,
    LEDE_CHARS,
    NO_CAPITALS,
    SAMPLE_BELOW,
    SAMPLE_MAX,
    Signature,
)
from monitor.dedup.skeleton import SKELETON_MAX
from monitor.dedup.unread import worded_names

MIN_CHECKED = 8  # below this many sampled shingles, the opening's other shingles may count too
FACTS_THRESHOLD = 80.0  # percent of the shorter text's names and numbers found in the longer (``Evidence.facts``)
MIN_FACTS = 3  # with fewer names and numbers than this, they decide nothing
MIN_OVERLAP = 2  # shingles a sentence shares with the other text to count as shared
MISSING_FACTS = 3  # names and numbers of such sentences (not word for word) missing: facts of their own
ROUND_UP_OWN = 0.75  # a copy is mostly its story: a round-up is mostly other stories
ROUND_UP_OTHERS = 0.25
ROUND_UP_PART = 0.10  # the least share of a round-up one quoted story accounts for
SWAP_LENGTH = 0.75  # texts this close in length: a fact in each missing from the other is a swap
FOLLOW_UP_OWN = 0.5  # a longer text by a story's own outlet, less than this of it the story's: a follow-up
REPEATED = 2  # sentences: a paragraph of the story before, not one sentence of a template's frame
EXCERPT_HELD = 2 / 3  # of an entry's sentences word for word in a fuller text: that entry is its excerpt
EXCERPT_FLOOR = 3  # sentences of it, at least (two under the fuller text's headline: a teaser keeps it)
STORY_THRESHOLD = 60.0  # percent of the shorter text's shingles found in the longer (tests/data/dedup)
RERUN = STORY_THRESHOLD  # a desk's earlier entry held this much in its new text (or the new in it): a re-run
NEW_FACTS = 2  # names or numbers a desk's earlier entry lacks: its new text tells news of its own
NEW_NUMBERS = 1  # the same, in a script without capitals: its numbers are its only facts
SKELETON_NEEDED = 85.0  # percent of the shorter text's skeleton in the longer's (``resembles``)
CITED_WORDS = 4  # a headline of fewer words ("Update", "Road closed") may be any lede's words
CHECKED_WORDS = 0.75  # of a copy's names its original lacks, common words: a checker's (``_unread``)
MIN_WORDED = 2  # a checker rewrites every rare name; one capitalised word ("Water" opening a sentence) shows none
SKELETON_FACTS = 80.0  # percent of the shorter text's names and numbers, in skeleton, in the longer's


@dataclass(slots=True)
class Stored:
    """What the index keeps of an entry: no text, only hashes (see ``signature.Signature``)."""

    story_id: int
    seen: float  # first-seen POSIX time: the window is pruned by it
    keys: tuple[int, ...]
    sample: bytes
    opening: bytes
    sentences: bytes
    facts: bytes
    length: int
    flags: int
    title: int
    outlet: str
    skeleton: bytes = b""  # the text's skeleton (``skeleton``): its smallest shingle hashes
    skeleton_facts: bytes = b""  # and its names' and numbers'
    fact_lines: bytes = b""  # a byte per fact: its sentence, and whether a number (``signature.fact_lines``)
    # ``sample`` decoded, at first ask: a decision reads each candidate's several times (``hashes``).
    decoded: list[int] | None = field(default=None, repr=False, compare=False)

    def hashes(self) -> list[int]:
        """The sampled shingle hashes, in order (read, never changed, by the caller)."""
        if self.decoded is None:
            self.decoded = np.frombuffer(self.sample, dtype="<u4").tolist()
        return self.decoded


@dataclass(frozen=True, slots=True)
class Evidence:
    score: float  # percent of the shorter text's checked shingles found in the longer
    checked: int  # how many shingles were checked
    query_shorter: bool  # the entry being decided is the shorter (else the stored one is)
    found: int = 0  # how many of the checked shingles were found
    round_up: bool = False  # the longer (the entry being decided) quotes other stories as much
    follow_up: bool = False  # the longer is the story's own outlet's next story, opening with its text
    series: bool = False  # the story's entry by this entry's outlet is as close but prints other facts
    apart: str = ""  # with follow_up: how the two texts run apart, in words (``divergence``)
    news: str = ""  # close enough in text, but it tells what the story does not, in words (``novelty``)
    skeleton: bool = False  # the words shared too little; the score is the skeleton's (``resembles``)

    def facts(self, query: Signature, other: Stored) -> float:
        """Percent of the names and numbers of the text the two share found in the other; 100 with too
        few. Asked only of a candidate whose text is close enough: most are not.

        When the entry is the shorter, "the text they share" is its sentences that share shingles
        with the other; when it is the longer, the other's sentences are not known: all the shorter's
        count (a longer original or a wire update holds them), unless all of ours in the sentences
        that share shingles with it are in its (it added names of its own); with ``skeleton``, the
        skeletons' of the text showing fewer in the other's (the process that changed the copy's words
        changed its names too). Copies agree where they overlap, whatever each added (a byline, a
        caption, a new first sentence, a box).
        Two bulletins of one template overlap in boilerplate that agrees and in sentences of one
        frame that print other names and numbers: ``MISSING_FACTS`` of those missing from the
        other, in sentences it does not have word for word, and the share is theirs alone.
        A text with no capitals against one with them (``NO_CAPITALS``: a caseless original and
        its Latin reprint) is asked for the caseless one's facts, its numbers, in the other's.
        de68: below ``FACTS_THRESHOLD``, the facts both texts print in the sentences they share are read too
        (``_unsubstituted``): a fact vetoes only where the other text prints another of its kind in its sentence."""
        query = aligned(query, other.facts)  # figures as values, at the precision either prints
        if self.skeleton or (query.flags ^ other.flags) & NO_CAPITALS or not query.lines:
            return self._across(query, other)
        shared = None
        if self.query_shorter:
            shared = self._shared_facts(query, other)
            if _unconfirmed(query, other, shared):
                return 0.0
            whole = _facts(shared, other.facts)
            if whole < FACTS_THRESHOLD and (worded := _unread(query, other, shared)):
                # de82: names a checker wrote as words are set aside, if the facts left still decide
                read = self._shared_facts(query, other, worded)
                left = _facts(read, other.facts)
                if len(_bounded(read, other.facts)) >= MIN_FACTS and left >= FACTS_THRESHOLD:
                    return left  # else the guard reads the entry's facts as it would have
        else:
            whole = self._in_longer(query, other)
        if whole >= FACTS_THRESHOLD:
            return whole
        # Only a copy whose shared sentences print no other fact in place of one is rescued: one substitution in a
        # sentence both print (a template's next notice: another name in the lede's slot) keeps the whole's verdict.
        return 100.0 if _unsubstituted(query, other, shared) else whole

    def _across(self, query: Signature, other: Stored) -> float:
        """``facts`` of the skeletons', of a caseless text against a cased one, or of a signature without sentences."""
        if self.skeleton:  # the process may show names one of them hides (Armenian capitals read as none)
            fewer, more = sorted((query.skeleton_facts, other.skeleton_facts), key=len)
            return _facts(fewer, more)
        if (query.flags ^ other.flags) & NO_CAPITALS:
            caseless, capitalised = (query, other) if query.flags & NO_CAPITALS else (other, query)
            across = _facts(caseless.facts, capitalised.facts)
            if across < 100.0 and self.query_shorter and caseless is other and query.lines:
                # dd47: a caseless brief cut to its lede below a carrier's English line ("Filed by <Outlet> desk
                # at 12:36" outweighs a Han sentence) reads as cased; the numbers its cut left are not missing
                # from it: it agrees where it overlaps, as every copy does.
                return max(across, _facts(self._shared_facts(query, other), other.facts))
            return across
        # a signature read back from the store keeps no sentences
        shorter, longer = (query, other) if self.query_shorter else (other, query)
        return _facts(shorter.facts, longer.facts)

    def _in_longer(self, query: Signature, other: Stored) -> float:
        """``facts`` when the entry being decided is the longer text."""
        # The stored text is the shorter: all its names and numbers in ours; or, when it added some
        # of its own (a new headline, a line on top), every one of ours where the two overlap in its,
        # if those are enough to decide (a template's frame may share none). So two copies are one
        # story whichever comes first, and a desk's next report, other names in the same sentences, not.
        # All of its in ours (most copies) is 100 either way: the shared sentences are read only when not.
        if (whole := _facts(other.facts, query.facts)) == 100.0:
            return whole
        ours = self._shared_facts(query, other)
        if len(ours) // 4 >= MIN_FACTS and _missing(ours, other.facts) and (worded := _unread(query, other, ours)):
            ours = self._shared_facts(query, other, worded)  # de82: names a checker wrote as words set aside
        if len(ours) // 4 >= MIN_FACTS and not _missing(ours, other.facts):  # 4 bytes a fact
            return 100.0
        return whole

    def shared_facts(self, query: Signature, other: Stored) -> float | None:
        """de58: percent of the names and numbers of ``query``'s sentences sharing a passage with ``other`` found in
        it, whichever text is the longer; None when no sentence shares one. (``facts`` asks a longer text for all
        of the shorter's: a card above one sentence of a report holds none of its other sentences' names.)"""
        known = _known(other)
        if not any(len(shingles & known) >= MIN_OVERLAP for _, shingles, _ in query.lines):
            return None
        return _facts(self._shared_facts(query, other), other.facts)

    def _shared_facts(self, query: Signature, other: Stored, unread: frozenset[int] = frozenset()) -> bytes:
        """The names and numbers of the entry's sentences that share shingles with the other text:
        of those not word for word alone, when ``MISSING_FACTS`` of theirs are missing from it. ``unread``:
        names set aside (``_unread``)."""
        known = _known(other)
        verbatim = set(np.frombuffer(other.sentences, dtype="<u4").tolist())
        shared = [
            (h in verbatim, facts - unread if unread else facts)
            for h, shingles, facts in query.lines
            if len(shingles & known) >= MIN_OVERLAP
        ]
        near = _u32(set().union(*(facts for same, facts in shared if not same)))
        if _missing(near, other.facts) >= MISSING_FACTS:
            return near
        return _u32(set().union(*(facts for _, facts in shared)))

    def says(self, entry_id: int, other: Stored, query: Signature) -> str:
        """The evidence in words, from the point of view of the entry being decided."""
        found, total, in_order = _sentences(query.sentences, other.sentences)
        where = entry_named(entry_id, other)
        if self.query_shorter:
            text = f"{self.score:.0f} % of this entry's text appears in {where}"
        else:
            text = f"{self.score:.0f} % of {where}'s text appears in this entry"
        if total:
            order = ", in order" if in_order and found > 1 else ""
            text += f"; {found * 100 // total} % of its sentences ({found} of {total}) word for word{order}"
        opening, end = differences(query, other)
        text += f"; opening differs: {', '.join(opening)}" if opening else ""
        return text + (f"; {end}" if end else "")


def entry_named(entry_id: int, other: Stored) -> str:
    """How a reason names a stored entry: "entry 3 (Quayside Wire)", or "entry 3" with no outlet known."""
    return f"entry {entry_id}" + (f" ({other.outlet})" if other.outlet else "")


def sample_bound(sample: bytes, size: int = SAMPLE_MAX) -> int:
    """Every shingle hash of the text below this is in ``sample`` of at most ``size`` hashes (``Signature.threshold``,
    stored)."""
    if len(sample) < size * 4:
        return SAMPLE_BELOW
    return int.from_bytes(sample[-4:], "little") + 1


_last_sample: tuple[bytes, list[int]] = (b"", [])


def _below(sample: bytes, bound: int) -> list[int]:
    """The hashes of a fresh ``sample`` below ``bound``, in order. One decision asks this of the same
    sample for each of its ~20 candidates: it is decoded once (a one-entry cache, replaced whole)."""
    global _last_sample
    last = _last_sample  # read once: another thread may replace it meanwhile
    if last[0] is not sample:
        last = _last_sample = (sample, np.frombuffer(sample, dtype="<u4").tolist())
    hashes = last[1]
    return hashes[: bisect_left(hashes, bound)]  # the sample is sorted


def containment(query: Signature, other: Stored) -> Evidence:
    """How much of the shorter of ``query`` (fresh: all its shingles known) and ``other`` is in the longer."""
    other_sample = other.hashes()
    if other.length < query.length:  # every stored shingle of the other is looked up in all of ours
        stored = other_sample + np.frombuffer(other.opening, dtype="<u4").tolist()
        found, checked = len(query.shingles.intersection(stored)), len(stored)
    else:
        bound = min(sample_bound(other.sample), sample_bound(query.sample))
        checked = len(_below(query.sample, bound))
        # Below ``bound`` our sample is all our shingles: the other's sampled ones there are looked up in
        # them, no set of ours built per candidate (both samples are sorted).
        found = len(query.shingles.intersection(other_sample[: bisect_left(other_sample, bound)]))
        opening = np.frombuffer(query.opening, dtype="<u4").tolist()
        if checked < MIN_CHECKED and opening:
            # A short copy (a summary, a first paragraph): too few sampled shingles to say much, so
            # its opening's other shingles count too, against the other's opening.
            theirs = set(np.frombuffer(other.opening, dtype="<u4").tolist())
            found, checked = found + len(theirs.intersection(opening)), checked + len(opening)
    score = 100.0 * found / checked if checked else 0.0
    return Evidence(score, checked, other.length >= query.length, found)


def resembles(query: Signature, other: Stored) -> Evidence | None:
    """The evidence of the skeletons (``skeleton``), when they say copy: ``SKELETON_NEEDED`` of the shorter
    text's skeleton in the longer's and, when the entry being decided is the longer, ``ROUND_UP_OWN`` of its
    skeleton in the other's (a copy adds little: a round-up or a follow-up holding a story adds much);
    ``MIN_CHECKED`` shingles checked, and the names and numbers agreeing (``Evidence.facts``). Asked only
    where the words share too little: the skeleton makes two reports of one event look closer."""
    if not other.skeleton or not query.skeleton:
        return None
    theirs = np.frombuffer(other.skeleton, dtype="<u4").tolist()
    bound = min(sample_bound(other.skeleton, SKELETON_MAX), sample_bound(query.skeleton, SKELETON_MAX))
    mine = [h for h in np.frombuffer(query.skeleton, dtype="<u4").tolist() if h < bound]
    mine_found = len(set(mine).intersection(theirs))
    if other.length < query.length:  # the other is the shorter: each of its kept hashes sought in all of ours
        found, checked = len(query.skeletons.intersection(theirs)), len(theirs)
        if not mine or mine_found < ROUND_UP_OWN * len(mine):
            return None
    else:
        found, checked = mine_found, len(mine)
    if checked < MIN_CHECKED or found < SKELETON_NEEDED / 100 * checked:
        return None
    evidence = Evidence(100.0 * found / checked, checked, other.length >= query.length, found, skeleton=True)
    return evidence if evidence.facts(query, other) >= SKELETON_FACTS else None


def explained(query: Signature, other: Stored) -> float:
    """The share of ``query``'s sampled text found in ``other`` (0-1), whichever is longer: how much of
    a round-up one story it quotes accounts for."""
    bound = min(sample_bound(other.sample), sample_bound(query.sample))
    mine = _below(query.sample, bound)
    if not mine:
        return 0.0
    return len(set(mine).intersection(other.hashes())) / len(mine)


def headline_facts(query: Signature, other: Stored) -> float:
    """Percent of ``query``'s names and numbers found in ``other``'s (100 with too few to say)."""
    return _facts(query.facts, other.facts)


def missing_facts(query: Signature, other: Stored) -> int:
    """How many of ``query``'s names and numbers ``other``'s lack (``headline_facts`` counted, however few)."""
    return _missing(query.facts, other.facts)


def swapped_facts(query: Signature, other: Stored) -> bool:
    """Does each of two texts of about one length print a name or number the other does not? A copy
    adds (a byline, miles after kilometres) or loses (a trimmed tail) facts, one way; the next
    bulletin of one template prints other figures in their place: 120 trucks waiting, not 300."""
    if min(query.length, other.length) < SWAP_LENGTH * max(query.length, other.length):
        return False
    return _missing(query.facts, other.facts) > 0 and _missing(other.facts, query.facts) > 0


def _facts(shorter: bytes, longer: bytes) -> float:
    """Percent of the shorter's facts found in the longer's, both taken below the same bound."""
    checked, found = _fact_counts(shorter, longer)
    return 100.0 if checked < MIN_FACTS else 100.0 * found / checked


def _missing(shorter: bytes, longer: bytes) -> int:
    """How many of the shorter's facts (below the bound ``_facts`` takes) the longer's lack."""
    checked, found = _fact_counts(shorter, longer)
    return checked - found


def _fact_counts(shorter: bytes, longer: bytes) -> tuple[int, int]:
    """How many of the shorter's facts are checked, and how many of them the longer's hold, both taken below the
    same bound: one definition for the percent (``_facts``) and the count (``_missing``)."""
    checked = _bounded(shorter, longer)
    return len(checked), len(set(checked).intersection(np.frombuffer(longer, dtype="<u4").tolist()))


def _bounded(shorter: bytes, longer: bytes) -> list[int]:
    """The shorter's facts below the bound both lists are whole under (``_bound``): those checked in the longer's."""
    mine = np.frombuffer(shorter, dtype="<u4").tolist()
    bound = _bound(mine, np.frombuffer(longer, dtype="<u4").tolist())
    return [h for h in mine if h <= bound]


def _bound(mine: list[int], theirs: list[int]) -> int:
    """The largest fact hash both sorted lists hold every fact up to (a list of ``FACTS`` is its text's smallest)."""
    return min(mine[-1] if len(mine) >= FACTS else 1 << 32, theirs[-1] if len(theirs) >= FACTS else 1 << 32)


def _unread(query: Signature, other: Stored, shared: bytes) -> frozenset[int]:
    """de82: the names of ``shared`` (the facts of the entry's sentences sharing a passage with ``other``, whichever
    text is the shorter) written as common words that ``other`` lacks (``unread.worded_names``), when they are
    ``CHECKED_WORDS`` of its names ``other`` lacks and ``other`` prints as many names the entry lacks, the ones they
    stand in place of: a spell-checker's copy lost names, it printed no others; it wrote every name it did not know
    as words (a few a word list may miss: "Harbour" is no word of an American one). Empty when none is set aside."""
    if not query.read or len(other.fact_lines) * 4 != len(other.facts):
        return frozenset()  # a signature read back from the store keeps no text; one stored before ``fact_lines``
    theirs = np.frombuffer(other.facts, dtype="<u4").tolist()
    missing = set(_bounded(shared, other.facts)).difference(theirs)
    mine = np.frombuffer(query.facts, dtype="<u4").tolist()
    names = missing.difference(fact for fact, byte in zip(mine, query.fact_lines, strict=False) if byte & FACT_NUMBER)
    if not names:
        return frozenset()
    everything: set[int] = set().union(*(named for _, _, named in query.lines))
    bound = _bound(mine, theirs)
    lost = sum(
        1
        for fact, byte in zip(theirs, other.fact_lines, strict=True)
        if fact <= bound and not byte & FACT_NUMBER and fact not in everything
    )
    if lost < CHECKED_WORDS * len(names):  # too few of the other's names missing for the words to stand in for
        return frozenset()  # (the dictionary is read last: most pairs stop here)
    worded = worded_names(query.read).intersection(names)
    if len(worded) < CHECKED_WORDS * len(names) or len(worded) < MIN_WORDED:
        return frozenset()  # rare names the other lacks are ones the copy prints: it names someone else
    return worded if lost >= len(worded) else frozenset()


def _unsubstituted(query: Signature, other: Stored, shared: bytes | None) -> bool:
    """de68: does no name or number of the shorter text's that both texts' sentences decide on stand opposite
    another of its kind in the other's sentence (``_substituted``)? False with sentences unknown (a signature read
    back from the store; one stored before ``fact_lines``). A fact in a sentence only one text prints (a carrier's
    line number or speaker, a trimmed tail, a caption, a timestamp) or opposite none of its kind (a number spoken
    in words, dropped) neither joins nor parts the two: a copy agrees where it overlaps, a template's next notice
    prints another name in its slot. ``shared``: the facts of the entry's sentences sharing a passage with
    ``other`` (``Evidence._shared_facts``), when the entry is the shorter text (None: the other is, and all its
    facts are read)."""
    if not query.lines or len(other.fact_lines) * 4 != len(other.facts):
        return False
    ours, theirs = _substituted(query, other)
    if shared is not None:
        return ours.isdisjoint(_bounded(shared, other.facts))
    return theirs.isdisjoint(_bounded(other.facts, query.facts))


def _substituted(query: Signature, other: Stored) -> tuple[set[int], set[int]]:
    """de68: the names and numbers of ``query`` and of ``other`` that each prints in place of another: in a
    sentence of ``query`` and one of ``other`` it pairs with (``_paired``), each holding a fact of one kind (a
    name, a number) the other text lacks. A text's last sentence, cut by a truncation, lacks what the cut took:
    there, the facts are set against each other only when the cut one holds as many of the kind as the other.
    Only facts below both texts' bounds are read (``_bounded``): each text's kept facts hold all of theirs there."""
    mine, held = np.frombuffer(query.facts, dtype="<u4").tolist(), np.frombuffer(other.facts, dtype="<u4").tolist()
    bound = _bound(mine, held)
    kind_of = dict(zip(mine, (byte & FACT_NUMBER for byte in query.fact_lines), strict=False))
    line_of = dict(zip(held, other.fact_lines, strict=True))
    everything: set[int] = set().union(*(named for _, _, named in query.lines))
    lacking: dict[int, list[tuple[int, int]]] = {}  # the other's sentence -> its facts ours lack, with their kind
    for fact, byte in line_of.items():
        if fact <= bound and fact not in everything:
            lacking.setdefault(byte & FACT_LINE, []).append((fact, byte & FACT_NUMBER))
    counted = len(other.sentences) // 4  # its sentences, unless it has more than are kept
    cut_theirs = counted - 1 if other.flags & TRUNCATED and counted < SENTENCES else -1
    cut = (len(query.lines) - 1 if query.flags & TRUNCATED else -1, cut_theirs)
    ours: set[int] = set()
    theirs: set[int] = set()
    for i, pairs in _paired(query, other, line_of, other.length < query.length):
        named = query.lines[i][2]
        unmatched = [fact for fact in named if fact <= bound and fact not in line_of and fact in kind_of]
        for kind in {kind_of[fact] for fact in unmatched}:
            kept = [fact for fact in unmatched if kind_of[fact] == kind]
            opposite = [fact for j in pairs for fact, its in lacking.get(j, ()) if its == kind]
            # A cut sentence lost its tail's facts: the other's surplus there is the cut's, not a substitution.
            if (
                opposite
                and (i != cut[0] or len(kept) >= len(opposite))
                and (cut[1] not in pairs or len(opposite) >= len(kept))
            ):
                ours.update(kept)
                theirs.update(opposite)
    return ours, theirs


def _paired(query: Signature, other: Stored, line_of: dict[int, int], shorter: bool) -> list[tuple[int, set[int]]]:
    """de68: each sentence of ``query`` with the sentences of ``other`` (indices) it stands for. One the other
    prints word for word is that one. One sharing a passage with it (``MIN_OVERLAP`` shingles) and printing facts
    the other holds pairs with the other's sentences printing them (``line_of``: fact -> its byte of
    ``fact_lines``; those later than the last pair's, when some are: the texts run in one order, but a round-up's
    may not). Any other pairs with the other's sentences paired with none between the same two pairs (a sentence
    each rewrote in place: a template's next brief with its own figures; one a carrier put a pull quote before).
    After the last pair, a sentence sharing a passage pairs with the next one; one sharing none, only when
    ``other`` is the shorter text (``shorter``): a copy holds its shorter text whole, and a longer one going on with
    its own sentences in place of the shorter's last ones tells something else; the longer text's tail that a
    shorter one lacks is trimmed, and a caption or a footer beside it is the carrier's."""
    position: dict[int, list[int]] = {}  # a sentence's hash -> where the other prints it (a pull quote: twice)
    for j, h in enumerate(np.frombuffer(other.sentences, dtype="<u4").tolist()):
        position.setdefault(h, []).append(j)
    known = _known(other)
    paired: list[tuple[int, set[int]]] = []
    placed: list[tuple[int, bool]] = []  # sentences placed by their neighbours, and whether they share a passage
    last = -1  # the other's sentence the last shared one paired with
    for i, (key, shingles, named) in enumerate(query.lines):
        if (verbatim := position.get(key)) is not None:
            pairs = {next((j for j in verbatim if j > last), verbatim[0])}
        else:
            shares = len(shingles & known) >= MIN_OVERLAP
            printed = {line_of[fact] & FACT_LINE for fact in named if fact in line_of} if shares else set()
            if not printed:
                placed.append((i, shares))
                continue
            pairs = {j for j in printed if j > last} or printed
        paired.append((i, pairs))
        last = max(pairs)
    taken = set().union(*(pairs for _, pairs in paired))
    counted = len(other.sentences) // 4
    between = []
    for i, shares in placed:  # between its nearest paired neighbours (``paired`` is in text order)
        low = next((max(pairs) for at, pairs in reversed(paired) if at < i), -1)
        high = next((min(pairs) for at, pairs in paired if at > i), None)
        if high is None and not shorter:
            between.append((i, {low + 1} if shares else set()))
        else:
            between.append((i, set(range(low + 1, counted if high is None else high)) - taken))
    return paired + between


def _known(other: Stored) -> set[int]:
    """The shingle hashes of ``other`` a sentence of the entry's is looked up in: its sample and its opening's."""
    known = set(other.hashes())
    known.update(np.frombuffer(other.opening, dtype="<u4").tolist())
    return known


def _unconfirmed(query: Signature, other: Stored, shared: bytes) -> bool:
    """de58: is ``query``, the shorter text, a cut too short for its names and numbers to decide (fewer than
    ``MIN_FACTS``) whose every one of them is missing from ``other``, with none of its sentences word for word
    there? Few facts decide nothing when the other text lacks none of them; when it lacks all, and no sentence
    is its own, the cut is another brief in the story's frame (another day, another figure), not its copy."""
    have = len(shared) // 4  # 4 bytes a fact
    if not 0 < have < MIN_FACTS or _missing(shared, other.facts) < have:
        return False
    return _sentences(query.sentences, other.sentences)[0] == 0


def _u32(values: set[int]) -> bytes:
    return np.array(sorted(values), dtype="<u4").tobytes()


def _sentences(mine: bytes, theirs: bytes) -> tuple[int, int, bool]:
    """Of this entry's sentences, how many the other has word for word, and whether in the same order."""
    ours = np.frombuffer(mine, dtype="<u4").tolist()
    position = {h: i for i, h in reversed(list(enumerate(np.frombuffer(theirs, dtype="<u4").tolist())))}
    places = [position[h] for h in ours if h in position]
    return len(places), len(ours), places == sorted(places)


def differences(query: Signature, other: Stored) -> tuple[list[str], str]:
    """How this entry's opening differs from the other's (what wrapping came or went), and its end."""
    notes = []
    for flag, name in ((DATELINE, "dateline"), (BYLINE, "byline"), (NOTE, "refresh note")):
        if other.flags & flag and not query.flags & flag:
            notes.append(f"{name} removed")
        elif query.flags & flag and not other.flags & flag:
            notes.append(f"{name} added")
    ours = np.frombuffer(query.sentences, dtype="<u4").tolist()
    theirs = np.frombuffer(other.sentences, dtype="<u4").tolist()
    if ours and theirs and ours[0] != theirs[0]:
        notes.append("a paragraph before it" if theirs[0] in ours else "first sentence differs")
    end = "ends with a truncation marker" if query.flags & TRUNCATED and not other.flags & TRUNCATED else ""
    return notes, end


def stored(story_id: int, when: float, sig: Signature) -> Stored:
    return Stored(
        story_id,
        when,
        sig.keys,
        sig.sample,
        sig.opening,
        sig.sentences,
        sig.facts,
        sig.length,
        sig.flags,
        sig.title,
        sig.outlet,
        sig.skeleton,
        sig.skeleton_facts,
        sig.fact_lines,
    )


def round_up(
    sig: Signature, story_id: int, verified: list[Stored], event_of: Callable[[int], int | None] = lambda s: None
) -> bool:
    """Does ``sig`` quote other stories as much as the one contained in it? A weekly round-up holds
    a passage of each story it covers: a passage of one is in it, but it is none of them. True when
    the contained story accounts for less than ``ROUND_UP_OWN`` of its text and passages found in
    one other story only, each story's at least ``ROUND_UP_PART``, for ``ROUND_UP_OTHERS`` or more.
    "In one story only": sentences of the trade ("the ruling can be challenged") are in many.
    Never under the headline of an entry of the story: a round-up has a headline of its own, a copy keeps
    its story's, and a short story's copy may close with lines its outlet prints under another story too
    (round 28: a newsletter's footer, seen once before on that outlet's copy of another story)."""
    own = [doc for doc in verified if doc.story_id == story_id]
    if any(doc.title == sig.title for doc in own):
        return False
    if max(explained(sig, doc) for doc in own) >= ROUND_UP_OWN:
        return False  # the common case, a copy: the other candidates are not read
    if any(explained(sig, doc) >= ROUND_UP_OWN for doc in verified):
        return False  # another story has most of it: it is that one's copy, not a digest
    # By event: a passage of a story that its follow-up repeats is still one quoted happening.
    group = {doc.story_id: event_of(doc.story_id) or doc.story_id for doc in verified}
    parts = quoted(sig, verified, group)
    others = [part for event, part in parts.items() if event != group[story_id]]
    if max(others, default=0.0) >= ROUND_UP_OWN:
        return False  # another story has most of it: the same text under two stories, not a digest
    return math.fsum(part for part in others if part >= ROUND_UP_PART) >= ROUND_UP_OTHERS  # in any order


def follow_up(sig: Signature, story_id: int, verified: list[Stored]) -> bool:
    """Is ``sig``, longer than an entry of ``story_id`` it holds, that story's outlet's next story? An
    outlet does not syndicate its own story: a follow-up opens with the first paragraph it ran
    the day before, then tells what is new. True when an entry of the story comes from ``sig``'s
    outlet and no entry of the story accounts for ``FOLLOW_UP_OWN`` of ``sig``'s text (an update
    that adds a paragraph on top of the whole story is still mostly the story), or when ``sig`` is
    its outlet's ``later_story``."""
    own = [doc for doc in verified if doc.story_id == story_id]
    mine = [doc for doc in own if doc.outlet == sig.outlet]
    if not sig.outlet or not mine:
        return False
    return max(explained(sig, doc) for doc in own) < FOLLOW_UP_OWN or later_story(sig, mine)


def later_story(sig: Signature, mine: list[Stored]) -> bool:
    """Is ``sig``, half a day or more after each of its outlet's entries ``mine`` of a story, a re-run of
    none of them (``RERUN``), printing ``NEW_FACTS`` names or numbers none of them prints (``NEW_NUMBERS``
    numbers in a script without capitals, ``cased``), or ``reframed`` from one of them (its next brief of one
    template, the figures written in words)? Then it is that desk's next story, however much of it another
    desk's shorter copy of the first holds: a hearing's second session told in the first one's opening
    sentence, one verb changed, then who was appointed. A desk re-runs its own entry (a day later, reworded
    on top, with the same names and numbers: still the story); it does not reprint another desk's copy of it."""
    gap = SERIES_HOURS * 3600
    return all(sig.when - doc.seen >= gap and (_news_of_its_own(sig, doc) or reframed(sig, doc)) for doc in mine)


def citing(sig: Signature, doc: Stored) -> bool:
    """Does ``sig``'s first sentence, words of its own (``MIN_OVERLAP`` shingles not in ``doc``), name ``doc``'s
    headline (``CITED_WORDS`` words or more) after some of them, or first, under another headline, with words of
    its own after it? A desk's next-day follow-up points back to its first report ("After «Market reopens
    Wednesday», the town hall announced a delay", or "«Market reopens Wednesday» — the opening is put off to
    Friday"), then retells that brief with the fact that changed: nearly all of its text is the first brief's. A
    re-run opens with the story's lede, which often holds the headline's words ("The [market reopens Wednesday]
    after …": the lede's words after them), or with the headline on a line of its own: neither is words of its own
    around it; and a re-run keeps its headline, whatever its lede's first words. Only the lede's first 40 words
    are kept (``signature.lede``): a long headline cited late in a text without spaces is beyond them."""
    if not sig.lines:
        return False
    _, first, _ = sig.lines[0]
    bound = sample_bound(doc.sample)
    known = set(doc.hashes())
    if _unknown(first, known, bound) < MIN_OVERLAP:
        return False
    words = sig.lede.split()
    if len(sig.lede) >= LEDE_CHARS:
        words = words[:-1]  # the last word may be cut
    width = SHINGLE_CHARS if unspaced(words) else SHINGLE_WORDS
    end = min(len(words), len(first) + width - 1)  # the first sentence's words (fewer if its shingles repeat)
    # Cited first: under a headline of its own (a re-run keeps its headline, and may open with it), with words of
    # its own after it (not the lede run on after the headline).
    first_own = sig.title != doc.title
    return any(
        crc(" ".join(words[start : start + size])) == doc.title
        and (start > 0 or (first_own and _unknown(_shingles(words[size:end], width), known, bound) >= MIN_OVERLAP))
        for size in range(CITED_WORDS, end)
        for start in range(end - size + 1)
    )


def _shingles(words: list[str], width: int) -> frozenset[int]:
    """The shingle hashes of ``words``, as the signature hashes them (fewer than one shingle of ``width``: none)."""
    return frozenset(shingle_hashes(words).tolist()) if len(words) >= width else frozenset()


def _news_of_its_own(sig: Signature, doc: Stored) -> bool:
    """Is ``sig`` no re-run of ``doc`` (``RERUN``), printing ``NEW_FACTS`` names or numbers it lacks?"""
    return containment(sig, doc).score < RERUN and _missing(sig.facts, doc.facts) >= (
        NEW_FACTS if cased(sig.lede) else NEW_NUMBERS
    )


def reframed(sig: Signature, doc: Stored) -> bool:
    """Does ``sig``, after a sentence of ``doc`` it prints word for word, print another of ``doc``'s sentences
    with words of its own in it (``MIN_OVERLAP`` shingles shared, as many not in ``doc``)? A desk's next brief
    of one template keeps its frame and swaps what it says: "open on Sunday mornings, from 8 to noon" becomes
    "on Monday evenings, from 7 to 10", "the trial lasts three months" "two", figures written in words (Han
    numerals, "trî", "სამი") that are no names or numbers to count. A re-run is reworded on top, if anywhere:
    below its first sentence it runs the story's sentences as they were."""
    known = set(doc.hashes())
    known.update(np.frombuffer(doc.opening, dtype="<u4").tolist())
    verbatim = set(np.frombuffer(doc.sentences, dtype="<u4").tolist())
    bound = sample_bound(doc.sample)  # below it, a shingle of ours not in ``known`` is not in ``doc``
    below = False
    for key, shingles, _ in sig.lines:
        if key in verbatim:
            below = True
        elif below and len(shingles & known) >= MIN_OVERLAP and _unknown(shingles, known, bound) >= MIN_OVERLAP:
            return True
    return False


def _unknown(shingles: frozenset[int], known: set[int], bound: int) -> int:
    """How many of ``shingles`` below ``bound`` (where ``known`` holds all of a text's) are not in ``known``."""
    return sum(1 for shingle in shingles if shingle < bound and shingle not in known)


def cased(text: str) -> bool:
    """Is ``text`` (folded) mostly of an alphabet with capitals? Its capitals then mark names as facts;
    in Gujarati, Lao or Arabic only numbers are facts, and a desk's next story prints fewer new ones."""
    letters = [char for char in text if char.isalpha()]
    return sum(1 for char in letters if char.upper() != char) * 2 > len(letters)


def excerpt(sig: Signature, doc: Stored, leads: bool) -> bool:
    """Is ``doc`` an excerpt of ``sig``: ``EXCERPT_HELD`` of its sentences word for word in ``sig``, in any order,
    ``EXCERPT_FLOOR`` of them or more, its first among them; under ``sig``'s headline and within ``NEAR_HOURS``
    of it, ``REPEATED`` or more, wherever its first went? A teaser's two sentences and its pointer, a blog's cut
    from the middle, one part of a report posted in parts: the fuller text read after it tells the rest of that
    story, not news of its own. A teaser comes with or just before its whole text: two sentences under an agency
    headline the next day are a flash, and the text adding deaths and an inquiry to them its update.
    Below the floor it may be a flash that another desk's write-up quotes whole under a headline of its own;
    a follow-up repeating a story's background holds a part of the story, and not its lead (a sentencing
    repeats the verdict's background under a lead and a headline of its own). Under one headline the texts
    are one page however its wrapper moved the first sentence (a dateline run into a masthead above it).
    ``leads``: the text opens with news of its own before the first sentence it shares; past ``NEAR_HOURS`` it is
    a follow-up quoting a brief whole as its background, not its fuller text (nearer: part one over part two)."""
    near = abs(sig.when - doc.seen) <= NEAR_HOURS * 3600
    if leads and not near:
        return False
    theirs = np.frombuffer(doc.sentences, dtype="<u4").tolist()
    ours = {h for h, _, _ in sig.lines}
    held = sum(1 for h in theirs if h in ours) + _cut_held(sig, doc, theirs, ours)
    if doc.title == sig.title and near:
        return held >= REPEATED and held >= EXCERPT_HELD * len(theirs)
    return held >= EXCERPT_FLOOR and held >= EXCERPT_HELD * len(theirs) and theirs[0] in ours


def _cut_held(sig: Signature, doc: Stored, theirs: list[int], ours: set[int]) -> int:
    """1 when ``doc`` is a cut (a summary-only feed's first 320 characters, "… Lire la suite") whose last, cut
    sentence ``sig`` holds as the opening of one of its own: no fuller text holds a cut sentence word for word,
    but every shingle of ``doc`` is in ``sig``. A desk's summary of one sentence and a half, read before its page's
    copy, is then its excerpt as two whole sentences are."""
    if not (doc.flags & TRUNCATED and theirs and theirs[-1] not in ours):
        return 0
    return int(all(h in sig.shingles for h in doc.hashes()))


def repeats(sig: Signature, verified: list[Stored]) -> Stored | None:
    """The entry by ``sig``'s own outlet, at most ``EVENT_HOURS`` before it, whose first paragraph
    ``sig`` opens with word for word (its first ``REPEATED`` sentences), printing a name or a number
    (not a greeting): a desk's next story on a happening opens with the paragraph it ran before,
    then tells what is new (too much to be its copy). The next bulletin of a template repeats one
    sentence of its frame ("Shares of the index are ranked by …"), then other figures. In a script
    without capitals its numbers are its only facts: "64 passengers" may be the one."""
    if not sig.outlet or len(sig.lines) <= REPEATED or standing(sig, verified):
        return None
    for doc in verified:
        if doc.outlet == sig.outlet and 0 <= sig.when - doc.seen <= EVENT_HOURS * 3600:
            theirs = set(np.frombuffer(doc.sentences, dtype="<u4").tolist())
            opening = sig.lines[:REPEATED]
            named = set().union(*(facts for _, _, facts in opening))
            if named and all(h in theirs for h, _, _ in opening):
                return doc
    return None


def standing(sig: Signature, verified: list[Stored]) -> bool:
    """Do entries of two stories or more by ``sig``'s outlet open with ``sig``'s first ``REPEATED``
    sentences word for word? Then they are the outlet's own paragraph above each story it carries (an
    editor's note, a context card), no story's lead: a desk's next story repeats the lead of one."""
    opening = [h for h, _, _ in sig.lines[:REPEATED]]
    stories = {
        doc.story_id
        for doc in verified
        if doc.outlet == sig.outlet and np.frombuffer(doc.sentences[: 4 * REPEATED], dtype="<u4").tolist() == opening
    }
    return len(stories) >= 2


def digest(
    sig: Signature, verified: list[Stored], event_of: Callable[[int], int | None], found: dict[int, int]
) -> bool:
    """Does ``sig``, a copy of none of them, quote ``ROUND_UP_PART`` or more of its text from each of
    two stories or more of different events? A round-up quoting a little of each story is
    none of their events either, however its names overlap one of them.

    ``found``: story -> the shingles of ``sig`` its entries were found to share, summed
    (``Evidence.found``: no fewer than ``quoted`` counts for it): most new stories share a
    few common phrases with each candidate, too few for two parts, and are not counted again."""
    bound = min(sample_bound(sig.sample), *(sample_bound(doc.sample) for doc in verified))
    mine = int(np.searchsorted(np.frombuffer(sig.sample, dtype="<u4"), bound))  # the sample is sorted
    if sum(n >= ROUND_UP_PART * mine for n in found.values()) < 2:
        return False
    parts = quoted(sig, verified)
    events = {event_of(story) for story, part in parts.items() if part >= ROUND_UP_PART}
    return len(events - {None}) >= 2


def quoted(sig: Signature, verified: list[Stored], group: dict[int, int] | None = None) -> dict[int, float]:
    """Story -> the share of ``sig``'s sampled passages found in it and in no other verified story.
    "In no other": sentences of the trade ("the ruling can be challenged") are in many. With
    ``group`` (story -> its event), stories of one group count as one."""
    if not verified:
        return {}
    bound = min(sample_bound(sig.sample), *(sample_bound(doc.sample) for doc in verified))
    mine = set(_below(sig.sample, bound))
    if not mine:
        return {}
    held: dict[int, set[int]] = {}  # story (or group) -> the passages of this entry its entries hold
    for doc in verified:
        hits = mine.intersection(doc.hashes())
        story = doc.story_id if group is None else group[doc.story_id]
        if (known := held.get(story)) is None:
            held[story] = hits
        else:
            known |= hits
    seen: set[int] = set()
    shared: set[int] = set()  # passages held by two stories or more
    for hits in held.values():
        shared |= seen & hits
        seen |= hits
    only = {story: len(hits - shared) for story, hits in held.items()}  # in no other story
    return {story: n / len(mine) for story, n in only.items() if n}
