"""The in-memory dedup index of the window: story (copy) decisions, then event decisions. Pure.

Blocking keys map to the entries that hold them; a new entry looks up all its shingles,
verifies the ``MAX_VERIFIED`` entries sharing most (``compare.containment``) and joins
the best when enough of the shorter text is in the longer.

``find`` never changes the index; ``add`` records an entry once the store has
given it ids. Under the pipeline's lock, a new entry is compared only with
entries added before it.

The index stays bounded in a daemon that runs for months: every ``PRUNE_EVERY``
adds, ``add`` drops the entries first seen more than ``window`` before the entry
being added (the ``seen`` the caller passes is the clock, so tests inject time).
Pruning scans the whole index, so doing it every N adds keeps its cost per entry
at O(window / N) instead of O(window); nothing is scanned while no entry is old enough.
"""

from __future__ import annotations

import gc
import itertools
import math
from array import array
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import NamedTuple

import numpy as np

from monitor.dedup.bulk import Postings
from monitor.dedup.compare import (
    FACTS_THRESHOLD,
    MIN_CHECKED,
    SKELETON_NEEDED,
    STORY_THRESHOLD,
    Evidence,
    citing,
    containment,
    digest,
    entry_named,
    explained,
    follow_up,
    headline_facts,
    repeats,
    resembles,
    round_up,
    sample_bound,
    swapped_facts,
)
from monitor.dedup.compare import Stored as _Doc
from monitor.dedup.divergence import beneath, diverges, note, told, wrapper
from monitor.dedup.eventpieces import background_only, news_figure, quoted_lede
from monitor.dedup.events import EVENT_HOURS, RELEASE_TEXT, SERIES_HOURS, SERIES_TEXT, EventIndex, EventMatch
from monitor.dedup.headline import (
    MIN_LEDE_TOKENS,
    SUMMARY_SHINGLES,
    TITLE_WORDS,
    Headlines,
    Heard,
    claimed,
    first_sentence,
)
from monitor.dedup.members import Members
from monitor.dedup.novelty import news
from monitor.dedup.packed import Outlets, StoredSignature, Words, pack, stored_record, unpack, without_keys
from monitor.dedup.packed import keys as packed_keys
from monitor.dedup.packed import seen as packed_seen
from monitor.dedup.packed import skeleton as packed_skeleton
from monitor.dedup.packed import title as packed_title
from monitor.dedup.paraphrase import paraphrases
from monitor.dedup.signature import TITLE_ONLY, Signature, signature
from monitor.dedup.subjects import Shares
from monitor.dedup.versions import grown, refiled
from monitor.models import Entry

TITLE_BONUS = 10.0  # the same headline is weak extra evidence: the threshold drops by this much
EVENT_THRESHOLD = 0.23
SUMMARY_THRESHOLD = 25.0  # the containment a summary under the same headline needs
MAX_VERIFIED = 24  # candidates verified per entry, most (and rarest) shared keys first
STORY_BITS = 8  # bits of a verified story's code (``_quoted_at_most``): ``MAX_VERIFIED`` and more fit
SKELETON_VERIFIED = 4  # dd26: and found by the skeleton alone (``_resembling``)
FEW_HOLDINGS = 128  # holdings weighed in Python, no more (``_most_weight``): numpy's fixed cost is more
DENSE_SPAN = 32  # and in a bin per id when the ids span at most this many per holding (``_most_weight_bulk``)
# ``resembles`` checks ``MIN_CHECKED`` of the skeleton's hashes or more and finds ``SKELETON_NEEDED`` of them: no
# fewer than this many of the other's skeleton hashes are found among this text's (``_resembling``).
SKELETON_AT_LEAST = SKELETON_NEEDED / 100 * MIN_CHECKED
READ_TOGETHER = 8  # candidates from which their scores are bounded (``_read``) before any is verified
MAX_SCAN = 32  # a key held by more entries is a phrase of the trade, not evidence: not read
MAX_POSTINGS = 64  # and no more entries are added to it
MIN_WEIGHT = 0.25  # a candidate shares at least one key of its own, or several shared with few others
PIECE_SHARED = 50.0  # percent of the longer text at most: a desk's piece repeating a paragraph of its story (de85)
SERIES_GAP = SERIES_HOURS * 3600  # an outlet's entry this much later, close in text, other facts: next bulletin
WINDOW = timedelta(days=7)  # the default dedup window (config: dedup.window)
PRUNE_EVERY = 1000
FOLD_EVERY = 1000  # at a pruning, the entries added since (or an eighth of the index) go to the keys' table
# sp50: the records last read as candidates stay unpacked, their samples decoded (``_doc``): a newsroom's decision
# reads ~23, of which ~80 % were read by a decision among the last few dozen (``benchmarks/dedup_serial.py``).
UNPACKED_KEPT = 512


@dataclass(frozen=True, slots=True)
class Decision:
    """Where an entry belongs.

    ``story_id`` None means a new story; then ``event_id`` is the event the new story
    joins (None: it starts a new event). For a copy, ``event_id`` is its story's event.
    """

    story_id: int | None
    score: float = 0.0
    matched_entry: int | None = None
    reason: str = "new story"
    event_id: int | None = None
    event_score: float = 0.0
    event_reason: str = "new event"
    signature: Signature | None = None


# How a candidate ranks (``_best_copy``): a copy of the window first, then the widest margin, the most of this text
# explained, the same headline, the most passages found.
Rank = tuple[bool, float, float, bool, int]
UNRANKED: Rank = (False, -math.inf, 0.0, False, 0)  # a finding ranked against none (a follow-up's, ``_repeating``)


class Closest(NamedTuple):
    """The entry ``_best_copy`` finds closest: its evidence, its id and record, the score it needed, its rank."""

    evidence: Evidence
    entry_id: int
    doc: _Doc
    needed: float
    rank: Rank = UNRANKED

    @property
    def margin(self) -> float:
        """How far its text and facts clear what they need: below 0, no copy."""
        return self.rank[1]


class StoryIndex:
    """Entries of the window by blocking key, with the stories' events. Rebuilt from the store on start-up."""

    def __init__(
        self,
        threshold: float = STORY_THRESHOLD,
        event_threshold: float = EVENT_THRESHOLD,
        *,
        window: timedelta = WINDOW,
        prune_every: int = PRUNE_EVERY,
    ):
        self.threshold = threshold
        self.window = window
        self.prune_every = prune_every
        self._adds = 0
        self._oldest = math.inf  # no entry was first seen before this: pruning before it finds nothing
        self.events = EventIndex(event_threshold)
        # Entry id -> its record (``packed``): one bytes object each, not a ``Stored`` and its keys' ints.
        self._docs: dict[int, bytes] = {}
        self._outlets = Outlets()
        self._buckets: dict[int, int | list[int]] = {}  # key -> entry id(s); most keys hold one
        # The keys of the entries loaded at start-up (``load``), and those of them removed since.
        self._loaded: Postings | None = None
        self._headlines = Headlines()  # headline and lede hashes -> the latest entry with each
        # de58: the hash of an entry's link -> the latest entry with it (``_pointed_at``), those loaded at start-up
        # too (fx1: a teaser of a report stored by an earlier run). A removed entry's is dropped at the next pruning.
        self._addresses: dict[int, int] = {}
        self._unloaded: set[int] = set()
        self._fresh: list[int] = []  # entries added whose keys are in ``_buckets`` (some may be gone since)
        self._unpacked: dict[int, _Doc] = {}  # entry id -> ``_doc`` of it, the least recently read first

    def __getstate__(self) -> dict[str, object]:
        """What a kept index holds (``pipeline.kept``): not the records kept unpacked, read again at need."""
        return {**self.__dict__, "_unpacked": {}}

    def __len__(self) -> int:
        return len(self._docs)

    def stored(self) -> Iterator[tuple[int, _Doc]]:
        """Each entry with what the index keeps of it, in the order added (the blocking keys of
        those loaded at start-up are in the keys' table, not here: their ``keys`` are empty)."""
        for entry_id, record in self._docs.items():
            yield entry_id, unpack(record, self._outlets)

    def find(self, entry: Entry, seen: datetime) -> Decision:
        """Decide whether ``entry`` copies a known story and, if not, which event it belongs to."""
        return self.decide(signature(entry, seen))

    def decide(self, sig: Signature) -> Decision:
        """``find`` for a signature computed beforehand (the pipeline computes them in its parser processes):
        what its text says (``_by_text``), unless its headline or lede says whose copy it is (``headline``)."""
        verdict, heard = self._by_text(sig)
        claim = None
        if not self._points_into(sig, verdict.story_id):
            claim = claimed(sig, heard, self._headlines, self._held, self.window.total_seconds(), verdict.matched_entry)
        if claim is None:
            if heard in (Heard.APART, Heard.NOTHING) and (pointed := self._pointed_at(sig, heard)) is not None:
                return pointed
            return verdict
        doc = self._doc(claim.entry_id)
        where = entry_named(claim.entry_id, doc)
        reason = "copy: " + claim.why.format(words=claim.words, where=where)
        return Decision(doc.story_id, 100.0, claim.entry_id, reason, self.events.event_of(doc.story_id), signature=sig)

    def _points_into(self, sig: Signature, story_id: int | None) -> bool:
        """de86: does ``sig``'s text point at the address of an entry of ``story_id``, the story its text joins? A page
        sharing a desk's link says whose story it carries: a headline another desk wrote alike does not move it."""
        if story_id is None or not sig.cites:
            return False
        held = (self._held(self._addresses[link]) for link in sig.cites if link in self._addresses)
        return any(doc is not None and doc.story_id == story_id for doc in held)

    def _pointed_at(self, sig: Signature, heard: Heard) -> Decision | None:
        """de58: the copy of the one entry of the window, of another outlet, whose address ``sig``'s text points at
        (a teaser's "⇢ https://…", a relay's "➜ https://…"), when a sentence of it shares a passage with that
        entry and the names and numbers of those sentences are that entry's (a teaser of a headline alone,
        ``Heard.NOTHING``: all of its); None otherwise. A card or a letter above one reshaped sentence of a
        report shares too little text with it to say copy, and the address says whose it is; an outlet pointing
        at its own earlier story tells it further, and a text pointing at two stories' pages is a round-up."""
        cited = {self._addresses[link] for link in sig.cites if link in self._addresses}
        if len(cited) != 1:
            return None
        (entry_id,) = cited
        doc = self._held(entry_id)
        if doc is None or doc.outlet == sig.outlet or not self._in_window(sig, doc):
            return None
        evidence = containment(sig, doc)
        facts = headline_facts(sig, doc) if heard is Heard.NOTHING else evidence.shared_facts(sig, doc)
        if facts is None or facts < FACTS_THRESHOLD:
            return None
        where = entry_named(entry_id, doc)
        reason = f"copy: it points at the address of {where}, {evidence.score:.0f} % of the text shared,"
        reason += f" {facts:.0f} % of the names and numbers there"
        event_id = self.events.event_of(doc.story_id)
        return Decision(doc.story_id, evidence.score, entry_id, reason, event_id, signature=sig)

    def _by_text(self, sig: Signature) -> tuple[Decision, Heard]:
        """The decision ``sig``'s text makes, and what kind of verdict it is (``headline.Heard``)."""
        if sig.flags & TITLE_ONLY or len(sig.lede.split(maxsplit=MIN_LEDE_TOKENS - 1)) < MIN_LEDE_TOKENS:
            return self._new_story(sig, 0.0, "new story: too little text to compare"), Heard.NOTHING
        shares: Shares[_Doc] = Shares(lambda doc: containment(sig, doc).score)  # story -> the percent of text it shares
        releases: dict[int, float] = {}  # the same for this outlet's stories, in percent of the longer text
        best = self._best_copy(sig, shares, releases)
        if best is None:
            reason = "new story: no earlier entry shares a sampled passage"
            return self._new_story(sig, 0.0, reason), Heard.APART
        evidence, entry_id, doc, needed, _ = best
        if evidence.round_up:
            reason = f"new story: entry {entry_id}'s text is in it ({evidence.score:.0f} %)"
            reason += ", beside passages of other stories (a round-up)"
            # A digest of several events is none of them: it would join whichever it quotes most.
            return Decision(None, evidence.score, None, reason, None, 0.0, "new event: a round-up", sig), Heard.DECIDED
        if (evidence.follow_up or evidence.news) and (about := self._about(sig, evidence.score, doc)) is not None:
            return about, Heard.DECIDED
        if evidence.follow_up:  # the outlet's next story on its own story's event
            reason = f"new story: entry {entry_id}'s text opens it ({evidence.score:.0f} %), then mostly new text"
            reason = f"new story: {evidence.apart}" if evidence.apart else reason
            why = f"same event as story {doc.story_id}: a follow-up by {sig.outlet}, opening with its text"
            if sig.when - doc.seen <= SERIES_GAP and self._next_brief(sig, doc):  # the desk's next brief that day
                return self._new_story(sig, evidence.score, reason, shares, releases), Heard.DECIDED
            return self._next_story(sig, evidence.score, doc, reason, why, shares, releases), Heard.DECIDED
        facts = evidence.facts(sig, doc) if evidence.score >= needed else 100.0
        if evidence.series:
            if doc.outlet == sig.outlet and (pointed := self._pointed_at(sig, Heard.APART)) is not None:
                return pointed, Heard.COPY  # its outlet's note above another outlet's report it points at
            reason = f"new story: entry {entry_id} holds {evidence.score:.0f} % of the text, but {sig.outlet}'s own"
            reason += " entry of that story prints other names and numbers: its next bulletin of one template"
            return self._new_story(sig, evidence.score, reason, shares, releases), Heard.DECIDED
        if evidence.news:
            held = f"{evidence.score:.0f} % of " + ("its text is in" if evidence.query_shorter else "the text of")
            reason = f"new story: {held} entry {entry_id}, but it {evidence.news}"
            why = f"same event as story {doc.story_id}: it tells that story's news further"
            if sig.when - doc.seen > SERIES_GAP or self._next_brief(sig, doc):
                # the next day's news, or the desk's next brief in its frame: the next happening, if its keywords say so
                return self._new_story(sig, evidence.score, reason, shares, releases), Heard.DECIDED
            return self._next_story(sig, evidence.score, doc, reason, why, shares, releases), Heard.DECIDED
        if evidence.score >= needed and facts >= FACTS_THRESHOLD and self._in_window(sig, doc):
            # dd50: a summary (an alert line cut to the lede's first clause, a locator line above a truncated
            # sentence) may share its few words with a sister brief: ``headline`` reads its headline then
            reason = f"copy: {evidence.says(entry_id, doc, sig)}"
            event_id = self.events.event_of(doc.story_id)
            return Decision(doc.story_id, evidence.score, entry_id, reason, event_id, signature=sig), Heard.COPY
        if (about := self._own_piece(sig, evidence.score, doc)) is not None:
            return about, Heard.APART
        closest = f"new story: closest is entry {entry_id}, {evidence.score:.0f} % shared (needs {needed:.0f} %)"
        if evidence.score >= needed and facts < FACTS_THRESHOLD:
            closest += f", but only {facts:.0f} % of the names and numbers (needs {FACTS_THRESHOLD:.0f} %)"
        elif evidence.score >= needed:  # de58: it agrees, but is no story of the window (``_in_window``)
            closest += f", but first seen {(sig.when - doc.seen) / 86400:.0f} days before it, past the window"
        return self._new_story(sig, evidence.score, closest, shares, releases), Heard.APART

    def _next_story(
        self,
        sig: Signature,
        score: float,
        doc: _Doc,
        reason: str,
        why: str,
        shares: dict[int, float],
        releases: dict[int, float],
    ) -> Decision:
        """A new story telling the story of ``doc`` further (a follow-up, a sequel): in its event when
        within ``EVENT_HOURS`` of it. Days later the desk reports another happening of the same affair
        (the next hearing, the final tally): it joins the earlier event only if its own names and
        numbers say so."""
        if abs(sig.when - doc.seen) > EVENT_HOURS * 3600 or self.events.develops(
            sig.keywords, sig.outlet, sig.when, doc.story_id
        ):
            return self._new_story(sig, score, reason, shares, releases)
        return Decision(None, score, None, reason, self.events.event_of(doc.story_id), 1.0, why, sig)

    def _own_piece(self, sig: Signature, score: float, doc: _Doc) -> Decision | None:
        """``_about`` for the desk's own text sharing a paragraph of its story (at most ``PIECE_SHARED`` % of the
        longer text): no copy, no follow-up (its next bulletin of one template shares most of its frame, and is
        another story of its own event, or a kit's). The same day, its story told further repeats the background
        too and prints a figure of its news (``news_figure``): its background is read only otherwise."""
        shorter, longer = sorted((sig.length, doc.length))
        if doc.outlet != sig.outlet or score * shorter >= PIECE_SHARED * longer:
            return None
        return self._about(sig, score, doc, sig.when - doc.seen >= SERIES_GAP or not news_figure(sig, doc))

    def _about(self, sig: Signature, score: float, doc: _Doc, background: bool = True) -> Decision | None:
        """de85: ``sig`` as a piece about ``doc``'s story, not its news told further (``eventpieces``): a new story of a
        new event when it quotes the story's lede beside more words of its own (a commentary, an explainer), or
        repeats only its background under an opening of its own (the desk's next piece on the affair); None when
        it is neither. Asked of a follow-up, of a text telling the story's news further, and of the desk's own
        text sharing a paragraph with its story (its background read only when ``background``): a piece says its
        own happening, whichever desk writes it and however soon, so no keyword of the story it quotes joins it."""
        own = quoted_lede(sig, doc)
        if own is not None:
            reason = f"new story: it quotes the lede of story {doc.story_id} ({score:.0f} % of the text shared)"
            reason += f", then {own * 100:.0f} % of its text is its own"
            why = f"new event: a piece about story {doc.story_id} (a commentary, an explainer), quoting its lede"
            return Decision(None, score, None, reason, None, 0.0, why, sig)
        if background and background_only(sig, doc):
            reason = (
                f"new story: it repeats background sentences of story {doc.story_id} ({score:.0f} % of the shorter text"
            )
            reason += " shared) under an opening of its own, not the story's first sentence"
            why = f"new event: {sig.outlet}'s next piece on the affair of story {doc.story_id}, not its news"
            return Decision(None, score, None, reason, None, 0.0, why, sig)
        return None

    def _next_brief(self, sig: Signature, doc: _Doc) -> bool:
        """dd47: is ``sig``, its outlet's own text in the frame of ``doc``'s, that desk's next brief? A desk
        rewriting its story keeps its figures; its second brief of the day (another route, product, day) prints
        other figures in place of the story's, none of its numbers the story's. When ``doc`` is the desk's own
        entry, the two texts of about one length must also swap facts (``swapped_facts``). When it is a carrier's
        copy of the desk's story (often the entry closest to the second brief: a cut to a few sentences), its
        length says nothing: the figures decide (v46, v47 measured: event precision 0.932 -> 1.000 and
        0.874 -> 1.000, no other set moved)."""
        if sig.outlet == doc.outlet:
            if not swapped_facts(sig, doc):
                return False
        elif sig.outlet != self.events.outlet_of(doc.story_id):
            return False
        ours = {word for word in sig.keywords if word[:1].isdigit()}
        return bool(ours) and ours.isdisjoint(self.events.keywords_of(doc.story_id))

    def _in_window(self, sig: Signature, doc: _Doc) -> bool:
        """Was ``doc`` first seen at most ``window`` before ``sig``? What pruning would drop is no story to
        copy, however late pruning runs (every ``prune_every`` adds): a desk's report of the hall's
        topping-out eight months after its groundbreaking reuses most of its text, and is news of its own.
        Its other verdicts stand: a weekly round-up quoting it is still none of its stories."""
        return sig.when - doc.seen <= self.window.total_seconds()

    def _new_story(
        self,
        sig: Signature,
        score: float,
        reason: str,
        shares: dict[int, float] | None = None,
        releases: dict[int, float] | None = None,
    ) -> Decision:
        events = self.events
        match: EventMatch | None = events.find(sig.keywords, sig.when, shares, sig.heads, sig.outlet, releases)
        if match is not None:  # name what is shared as this entry wrote it
            match = match.as_written(dict(zip(sig.keywords, sig.written, strict=False)))
        if events.joins(match):
            assert match is not None
            return Decision(None, score, None, reason, match.event_id, match.score, match.reason, sig)
        why = f"new event: closest {match.reason}" if match else "new event: no recent story shares keywords"
        return Decision(None, score, None, reason, None, match.score if match else 0.0, why, sig)

    def _best_copy(self, sig: Signature, shares: Shares[_Doc], releases: dict[int, float]) -> Closest | None:
        """The entry holding most of ``sig``'s text (or most held by it) among the ``MAX_VERIFIED``
        sharing most keys with it, with the score it needed. Ties go to the entry found first.
        Fills ``shares``: each verified story, with the most of the text one of its entries shares; and
        ``releases``: each story of this entry's outlet under another headline, with that share in percent
        of the longer text (a flash shares half its one sentence with the write-up, the longer text's
        twentieth; an update under the story's headline is no second release)."""
        # dd26: the entries sharing a skeleton key are ``near``; both kinds of keys are looked up at once.
        skeleton_keys = sig.skeleton_keys if sig.skeleton else frozenset()
        held = self._holders(sig.shingles | skeleton_keys if skeleton_keys else sig.shingles)
        ranked = self._candidates(sig.shingles, held)
        near = set(self._candidates(skeleton_keys, held)) if skeleton_keys else set()
        resembled: dict[int, Evidence | None] = {}  # entry of ``near`` -> ``resembles``, asked once
        ranked += self._resembling(sig, skeleton_keys, ranked, near, resembled)  # dd26
        best: Closest | None = None
        verified: list[_Doc] = []
        verified_ids: list[int] = []  # their entry ids, in the same order
        wrapped: list[_Doc] = []  # those of this outlet sharing only an opening with it (``wrapper``)
        opening = 0  # the most sentences of such an opening
        own_differs: set[int] = set()  # stories whose entry by this outlet is close in text, not in facts
        touched: dict[int, int] = {}  # story -> the sampled passages its entries share, summed (or more)
        ours = np.frombuffer(sig.sample, dtype="<u4").tolist() if len(ranked) >= READ_TOGETHER else []
        bound = sample_bound(sig.sample)
        top = -math.inf  # the best margin so far
        members = Members(sig)  # the verified members close in text, with their verdicts on facts
        for entry_id, doc, most in self._read(sig, ranked):
            verified.append(doc)
            verified_ids.append(entry_id)
            needed = self._needed(sig, doc)
            # A candidate whose skeleton holds this text may be a copy whatever its words share (``skeleton``):
            # its skeleton is read only when its words leave the decision to it.
            if (
                most is not None
                and _unread(_score_at_most(sig, ours, bound, doc, most), needed, top)
                and _resembles(sig, entry_id, doc, near, resembled) is None
            ):
                # ``digest`` asks only whether a story's passages could reach its part: no fewer is enough.
                touched[doc.story_id] = touched.get(doc.story_id, 0) + most
                shares.unread.append(doc)  # verified only if an event's share is asked (``subjects``)
                continue
            evidence = containment(sig, doc)
            if evidence.score < needed and (skeleton := _resembles(sig, entry_id, doc, near, resembled)) is not None:
                evidence = skeleton  # the words share too little, the skeletons say copy
            shares[doc.story_id] = max(evidence.score, shares.get(doc.story_id, 0.0))
            if doc.outlet == sig.outlet and doc.title != sig.title:  # an update re-runs its headline
                longer = evidence.score * min(doc.length, sig.length) / max(doc.length, sig.length, 1)
                releases[doc.story_id] = max(longer, releases.get(doc.story_id, 0.0))
            margin = evidence.score - needed
            if doc.outlet == sig.outlet and evidence.found and (note := wrapper(sig, doc)):
                # dd41: all it shares is its outlet's own paragraph above each story (or the lead of its next
                # story, ``follow_up``'s): not that story's copy, nor a passage a round-up quotes
                wrapped.append(doc)
                opening = max(opening, note)
                continue
            if evidence.found:
                touched[doc.story_id] = touched.get(doc.story_id, 0) + evidence.found
            if margin >= 0:  # close enough in text: do the names and numbers agree?
                members.heard(entry_id, doc, evidence, needed, facts := evidence.facts(sig, doc))
                margin = min(margin, facts - FACTS_THRESHOLD)
                own = doc.outlet == sig.outlet and sig.when - doc.seen >= SERIES_GAP
                if own and (margin < 0 or swapped_facts(sig, doc) or citing(sig, doc)):
                    own_differs.add(doc.story_id)
            # Ties (a summary and the full text both held whole) go to the entry explaining most of this
            # entry's text: the summary of a follow-up is also the first paragraph of the story before it.
            # (A share, not a count: how many shingles are checked depends on the other's sample.)
            # Then to the entry under the same headline: a truncated copy of a follow-up holds only the
            # paragraph it repeats from the story before it, under the follow-up's headline.
            # Before all, an entry of the window: one older (``_in_window``) is no story to copy, and its
            # wider margin must not hide a copy of its next story (a site's view of the template it fills again
            # weeks later, beside its copy of today's story), nor an entry of the window the text is no copy of
            # at once (v40: an export's note over a paragraph an old relay copy holds whole, its story is read
            # under the note then). So only an entry of the window sets the margin to beat (``_unread``).
            share = explained(sig, doc) if margin >= 0 else 0.0
            fresh = self._in_window(sig, doc)
            rank = (fresh, margin, share, doc.title == sig.title, evidence.found)
            candidate = Closest(evidence, entry_id, doc, needed, rank)
            if best is None or _outranks(candidate, best):
                best, top = candidate, margin if fresh else top
        # a member of the story with names and numbers to compare speaks over one with none (``members``)
        speaker = members.overruling(best.doc, best.evidence, FACTS_THRESHOLD) if best and best.margin >= 0 else None
        if speaker is not None:
            fresh, margin = self._in_window(sig, speaker.doc), speaker.facts - FACTS_THRESHOLD
            rank = (fresh, margin, 0.0, speaker.doc.title == sig.title, speaker.evidence.found)
            best = Closest(speaker.evidence, speaker.entry_id, speaker.doc, speaker.needed, rank)
        if opening and (best is None or best.margin < 0) and (story := beneath(sig, opening)) is not None:
            # The story under its outlet's note, measured alone: the note is no text of the story's copies.
            # What follows reads the story alone too (the note's sentences are not its news).
            skip = {id(doc) for doc in wrapped}
            found = self._copied(story, verified, verified_ids, skip)
            if found is not None:
                sig, best = story, found
        if (best is None or best.margin < 0) and (noted := self._under_note(sig, verified, verified_ids)) is not None:
            sig, best = noted  # the story under a note seen for the first time, measured alone as above
        if best is None:
            # All it shares is the opening of its outlet's own entries (``wrapper``): a note above each story,
            # or the lead of its next story (``repeats``: one story's, printing a name or number).
            return self._repeating(sig, verified, verified_ids) if wrapped else None
        if best.margin >= 0 and best.doc.story_id in own_differs:
            # An outlet re-running its story hours later runs its names and numbers; one that, half a
            # day or more later, prints other names and numbers in the same frame of words issues its
            # next bulletin. A shorter copy of its first one has too few of them to say so.
            return best._replace(evidence=replace(best.evidence, series=True))
        # its desk's entry of the story, written through within hours, is the story: no follow-up, no news
        grows = best.margin >= 0 and not best.evidence.query_shorter and grown(sig, best.doc.story_id, verified)
        if best.margin >= 0:  # a copy, unless a longer text quotes other stories as much (a round-up)
            # dd26: a copy by its skeleton is mostly its story there (``resembles``): no round-up
            # nor its desk's entry grown: a write-through repeats the background its sibling story carries
            quoting = not best.evidence.query_shorter and not best.evidence.skeleton and not grows
            skip = {id(doc) for doc in wrapped}
            stories = [doc for doc in verified if id(doc) not in skip] if skip else verified
            quoting = quoting and round_up(sig, best.doc.story_id, stories, self.events.event_of)
        else:  # a new story, of no event when it quotes stories of several
            quoting = len(touched) > 1 and digest(sig, verified, self.events.event_of, _quoted_at_most(sig, verified))
        if quoting:
            return best._replace(evidence=replace(best.evidence, round_up=True))
        # a copy that is no grown entry of its desk may still be another story: a follow-up, a split, a retelling
        open_copy = best.margin >= 0 and not grows
        longer = open_copy and not best.evidence.query_shorter
        if longer and follow_up(sig, best.doc.story_id, verified):
            return best._replace(evidence=replace(best.evidence, follow_up=True))
        split = diverges(sig, best.doc.story_id, verified) if open_copy else None
        if split is not None and not refiled(sig, best.doc.story_id, verified):  # a desk's re-file, cut: no split
            fullest = verified_ids[next(i for i, doc in enumerate(verified) if doc is split.fullest)]
            apart = f"it opens with {split.opening} sentences of entry {best.entry_id} word for word, then {split.own}"
            apart += f" of its own; entry {fullest} ({split.fullest.outlet}) goes on with"
            apart += f" {split.lacks * 100:.0f} % of its text not in this one"
            return best._replace(evidence=replace(best.evidence, follow_up=True, apart=apart))
        # a fact-check, an explainer quoting the story's lede in its own words
        if longer and (retold := paraphrases(sig, best.doc.story_id, verified)):
            return best._replace(evidence=replace(best.evidence, news=retold))
        if open_copy and (told := news(sig, [d for d in verified if d.story_id == best.doc.story_id])):
            return best._replace(evidence=replace(best.evidence, news=told.says()))
        if best.margin < 0 and (repeating := self._repeating(sig, verified, verified_ids)) is not None:
            return repeating
        return best

    def _repeating(self, sig: Signature, verified: list[_Doc], ids: list[int]) -> Closest | None:
        """The entry of ``sig``'s outlet whose first paragraph ``sig`` opens with (``repeats``), as a follow-up's
        evidence: its outlet's next story on that event."""
        earlier = repeats(sig, verified)
        if earlier is None:
            return None
        entry_id = next(i for i, doc in zip(ids, verified, strict=True) if doc is earlier)
        return Closest(
            replace(containment(sig, earlier), follow_up=True), entry_id, earlier, self._needed(sig, earlier)
        )

    def _under_note(self, sig: Signature, verified: list[_Doc], ids: list[int]) -> tuple[Signature, Closest] | None:
        """dd42: ``sig`` below the note its outlet opens it with (``note``) and the entry, under its headline and of
        another outlet, that this story copies, measured alone; None when there is none. An outlet's first entry
        under its note has no other to show the note is the outlet's (``wrapper``): a long note over a sentence or
        two of the story keeps the copy below the share it needs. The same headline says so only when it has
        ``TITLE_WORDS`` words or more: under "Live updates" two outlets' reports share a background line, no story."""
        if sig.title_words < TITLE_WORDS:
            return None
        for entry_id, doc in zip(ids, verified, strict=True):
            if doc.title != sig.title or doc.outlet == sig.outlet or not (opening := note(sig, doc)):
                continue
            story = beneath(sig, opening)
            if story is not None and (found := self._copied(story, [doc], [entry_id], set())) is not None:
                return story, found
        return None

    def _copied(self, sig: Signature, verified: list[_Doc], ids: list[int], skip: set[int]) -> Closest | None:
        """The entry of ``verified`` (but those in ``skip``) of the window that ``sig`` copies, by text and by
        names and numbers, with the widest margin; its rank as ``_best_copy`` gives it."""
        best = None
        for entry_id, doc in zip(ids, verified, strict=True):
            if id(doc) in skip or not self._in_window(sig, doc):
                continue
            evidence, needed = containment(sig, doc), self._needed(sig, doc)
            margin = min(evidence.score - needed, evidence.facts(sig, doc) - FACTS_THRESHOLD)
            # One story under the note is its copy; a story and text of its own under a digest's intro is not.
            if margin >= 0 and (best is None or margin > best.margin) and told(sig, doc):
                best = Closest(
                    evidence, entry_id, doc, needed, (True, margin, explained(sig, doc), doc.title == sig.title, 0)
                )
        return best

    def _resembling(
        self,
        sig: Signature,
        skeleton_keys: frozenset[int],
        ranked: list[int],
        near: set[int],
        resembled: dict[int, Evidence | None],
    ) -> list[int]:
        """dd26: the entries of ``near`` (sharing a skeleton key) no shared word found whose skeletons hold this
        text (``compare.resembles``): a copy a keyboard or a transliteration changed every word of. The first
        ``SKELETON_VERIFIED`` of them, in id order (none read after those). Each read is kept in ``resembled``.
        ``skeleton_keys``: ``sig.skeleton_keys``, decoded once by the caller (a property: decoded at each ask)."""
        found: list[int] = []
        ours: frozenset[int] | None = None  # every skeleton hash of this text, once one is asked for
        for entry_id in sorted(near.difference(ranked)):
            length, theirs = packed_skeleton(self._docs[entry_id])
            ours = sig.skeletons | skeleton_keys if ours is None else ours
            # ``resembles`` finds no more of theirs in ours than these: too few to say copy. When theirs is the
            # shorter text, it checks all of theirs: a newsroom's same-topic stories share a skeleton key, and
            # this bound leaves ~11 of 12 of them unread (sp33).
            least = SKELETON_NEEDED / 100 * (len(theirs) // 4) if length < sig.length else SKELETON_AT_LEAST
            if len(ours.intersection(np.frombuffer(theirs, dtype="<u4").tolist())) < max(least, SKELETON_AT_LEAST):
                continue
            if _resembles(sig, entry_id, self._doc(entry_id), near, resembled) is not None:
                found.append(entry_id)
                if len(found) == SKELETON_VERIFIED:
                    break
        return found

    def _candidates(self, keys: frozenset[int], held: dict[int, int | list[int]] | None = None) -> list[int]:
        """The first ``MAX_VERIFIED`` entries sharing ``keys`` worth verifying (``MIN_WEIGHT``), most weight first
        (``held``: the holders of these keys and maybe others, ``_holders``, when already looked up).

        Each key weighs 1 / (entries holding it): a phrase of the trade ("in quarterly profit")
        shared with several entries must not crowd the one entry that shares the rare passages,
        and one held by more than ``MAX_SCAN`` entries is not read at all. A full text of a newsroom
        finds ~350 candidates through ~1,000 holdings: they are summed in numpy, not a dict per holding
        (``benchmarks/dedup_serial.py``, newsroom: the gathering was half of the decision's CPU); a short
        text's few holdings (``FEW_HOLDINGS``) in a dict, the same sums, below numpy's fixed cost
        (``benchmarks/dedup_speed.py``, 100k: ~5 holdings by its words, ~1 by its skeleton).
        """
        ids: list[int] = []
        sizes: list[int] = []
        held = self._holders(keys) if held is None else held
        # In the keys' sorted order: a signature unpickled from a parser process iterates its set in another
        # order, and ties and float sums of weights must not depend on where it was made.
        # ``held`` has a few keys, ``keys`` a text's hundred: the intersection reads the few.
        for found in map(held.__getitem__, sorted(keys.intersection(held))):
            if isinstance(found, int):  # most keys: one holder
                ids.append(found)
                sizes.append(1)
            elif len(found) <= MAX_SCAN:
                ids += found
                sizes.append(len(found))
        return _most_weight(ids, sizes) if len(ids) <= FEW_HOLDINGS else _most_weight_bulk(ids, sizes)

    def _read(self, sig: Signature, ranked: list[int]) -> list[tuple[int, _Doc, int | None]]:
        """Each of the entries ``ranked``, its ``Stored`` (sample decoded: ``quoted`` reads them all, most
        decisions), and how many hashes of its sample and opening are shingles of ``sig``: no fewer than
        ``containment`` finds, which looks up these or some of them in ours. Decoded and counted for all
        the entries at once in numpy, not an array and a set lookup per entry."""
        docs = [self._doc(entry_id) for entry_id in ranked]
        if len(docs) < READ_TOGETHER:  # numpy's fixed cost is more than it saves: each is verified
            return [(entry_id, doc, None) for entry_id, doc in zip(ranked, docs, strict=True)]
        theirs = np.frombuffer(b"".join(part for doc in docs for part in (doc.sample, doc.opening)), dtype="<u4")
        sizes = np.array([(len(doc.sample) + len(doc.opening)) // 4 for doc in docs], dtype=np.intp)
        ends = np.cumsum(sizes)
        for doc, start in zip(docs, (ends - sizes).tolist(), strict=True):
            if doc.decoded is None:  # most were decoded by an earlier decision (``_doc`` keeps them)
                doc.decoded = theirs[start : start + len(doc.sample) // 4].tolist()
        # A hash whose low 16 bits are no shingle's of ours is none of ours: a table of 65,536 flags
        # says so for all of them at once (a few hashes more pass than are ours: the count is a bound).
        ours = np.zeros(1 << 16, dtype=bool)
        ours[np.fromiter(sig.shingles, dtype=np.uint32, count=len(sig.shingles)) & 0xFFFF] = True
        hits = np.zeros(theirs.size + 1, dtype=np.intp)
        np.cumsum(ours[theirs & 0xFFFF], out=hits[1:])
        return list(zip(ranked, docs, (hits[ends] - hits[ends - sizes]).tolist(), strict=True))

    def _doc(self, entry_id: int) -> _Doc:
        """What a decision reads of an entry, unpacked from its record: all but its blocking keys (``stored``).
        The last ``UNPACKED_KEPT`` read stay unpacked (no field of a ``Stored`` changes once made, but its
        decoded sample; a removed entry's is dropped, ``remove``)."""
        kept = self._unpacked
        doc = kept.pop(entry_id, None)
        if doc is None:
            doc = unpack(self._docs[entry_id], self._outlets, keys=False)
            if len(kept) >= UNPACKED_KEPT:
                del kept[next(iter(kept))]
        kept[entry_id] = doc  # read last: evicted last
        return doc

    def _held(self, entry_id: int) -> _Doc | None:
        """``_doc`` of an entry still in the index, else None."""
        return self._doc(entry_id) if entry_id in self._docs else None

    def _needed(self, sig: Signature, doc: _Doc) -> float:
        """The containment that makes ``sig`` a copy of ``doc``: the threshold, less ``TITLE_BONUS`` for
        the same headline; ``SUMMARY_THRESHOLD`` when one of them is a summary (``SUMMARY_SHINGLES``)
        under the same headline of ``TITLE_WORDS`` or more, which then says as much as its text."""
        if doc.title != sig.title:
            return self.threshold
        if sig.title_words >= TITLE_WORDS and min(doc.length, sig.length) <= SUMMARY_SHINGLES:
            return min(SUMMARY_THRESHOLD, self.threshold - TITLE_BONUS)
        return self.threshold - TITLE_BONUS

    def _holders(self, keys: frozenset[int]) -> dict[int, int | list[int]]:
        """Each of ``keys`` held by any entry, with the entries holding it (an id or a list). Of a full
        text's ~250 shingles, a few are held: they are found by one set intersection in C, not a lookup
        each in Python."""
        buckets, unloaded = self._buckets, self._unloaded
        held = {key: buckets[key] for key in buckets.keys() & keys}
        if self._loaded is None:
            return held
        for key, loaded in self._loaded.holders(keys).items():
            if not unloaded and key not in held:  # sp37: most keys, read as ``_merged`` gives them, with no call
                held[key] = loaded[0] if len(loaded) == 1 else loaded
            elif (found := self._merged(loaded, held.get(key))) is not None:
                held[key] = found
        return held

    def _merged(self, held: list[int], found: int | list[int] | None) -> int | list[int] | None:
        """Entries loaded at start-up holding a key (less those removed since), then those added since."""
        if self._unloaded:
            held = [e for e in held if e not in self._unloaded]
        held += [] if found is None else found if isinstance(found, list) else [found]
        return held[0] if len(held) == 1 else held or None

    def load(self, rows: Iterable[tuple[int, int, int, datetime, Signature | StoredSignature]]) -> None:
        """``add`` of each stored (entry, story, event, first seen, signature), in order, into an empty
        index: the start-up rebuild, with the blocking keys in one table (``bulk.Postings``) and the
        event keywords counted in bulk (``EventIndex.load``). One pass over ``rows``: a rebuild that
        reads them in small steps never holds the window's signatures at once, whose heap, once freed,
        stayed with the process (``benchmarks/index_memory.py``, 10,000 entries: RSS grew 3.8 KB per
        entry for 2.5 KB of objects the index kept; in one pass, small steps and records: 2.2 for 1.6).
        A signature as stored (``StoredSignature``, the rebuild's) becomes its record with no ``Signature``
        made; it must be of this design (``packed.signed_head``)."""
        assert not self._docs, "load fills an empty index"
        collecting = gc.isenabled()
        gc.disable()  # every object made here lives as long as the index: collections would only rescan them
        try:
            docs, outlets, headlines, oldest = self._docs, self._outlets, self._headlines, math.inf
            ids, lengths, keys = array("q"), array("I"), array("I")
            stories: list[tuple[int, int, tuple[str, ...], float, int, str]] = []
            words = Words()
            for entry_id, story_id, event_id, seen, sig in rows:
                when = seen.timestamp()
                if isinstance(sig, Signature):
                    docs[entry_id] = pack(story_id, when, sig, outlets, keys=False)  # keys: in ``Postings``
                    headlines.add(entry_id, sig.title, first_sentence(sig.sentences))
                    lengths.append(len(sig.keys))
                    keys.extend(sig.keys)
                    stories.append((story_id, event_id, sig.keywords, sig.when, len(sig.heads), sig.outlet))
                else:
                    outlet = words[sig.outlet]
                    found = stored_record(story_id, when, sig.blob, outlets.code(outlet), sig.head)
                    assert found is not None, "a signature of an earlier design is computed again, not loaded"
                    docs[entry_id], held, title, heads, lede = found
                    headlines.add(entry_id, title, first_sentence(lede))
                    lengths.append(len(held) // 4)
                    keys.frombytes(held)
                    keywords = sig.words
                    if keywords is None:  # not read in bulk (``packed.KeywordReader``)
                        keywords = tuple(map(words.__getitem__, sig.keywords.split())) if sig.keywords else ()
                    # ``Signature.unpack``'s heads are the first ``heads`` keywords
                    stories.append((story_id, event_id, keywords, sig.when, min(heads, len(keywords)), outlet))
                if sig.link:  # as ``add`` does
                    self._addresses[sig.link] = entry_id
                ids.append(entry_id)
                oldest = min(oldest, when)
            self._loaded = Postings.of_arrays(ids, lengths, keys, MAX_POSTINGS)
            self.events.load(stories)
        finally:
            if collecting:
                gc.enable()
        self._oldest = oldest
        self._adds = len(ids)

    def add(self, entry_id: int, story_id: int, event_id: int, sig: Signature, seen: datetime) -> None:
        """Index an entry of ``story_id`` (in ``event_id``); re-adding an entry replaces its text.

        Every ``prune_every`` adds, first drops what ``seen`` puts outside the window.
        """
        self._adds += 1
        if self._adds % self.prune_every == 0:
            self.prune(seen - self.window)
        if entry_id in self._docs:
            self.remove(entry_id)
        when = seen.timestamp()
        self._docs[entry_id] = pack(story_id, when, sig, self._outlets, keys=True)
        self._headlines.add(entry_id, sig.title, first_sentence(sig.sentences))
        if sig.link:
            self._addresses[sig.link] = entry_id
        self._oldest = min(self._oldest, when)
        buckets = self._buckets
        for key in sig.keys:
            found = buckets.get(key)
            if found is None:
                buckets[key] = entry_id
            elif isinstance(found, list):
                if len(found) < MAX_POSTINGS:
                    found.append(entry_id)
            else:
                buckets[key] = [found, entry_id]
        self.events.add(story_id, event_id, sig.keywords, sig.when, len(sig.heads), sig.outlet)
        self._fresh.append(entry_id)

    def _fold(self) -> None:
        """Move the keys of the entries added since the last fold from the dict to the table (``Postings``),
        when a pruning finds enough of them: a daemon up for longer than its window. Not before: a
        decision reads a key in the table slower than in the dict (a cold run of 6,000 short entries
        decided 0.155 ms per entry folding every 1,000 adds, 0.11 without), and a cold run exits anyway.
        A key in the dict costs a slot, an int and a share of a list, ~12 bytes in the table (an index of
        10,000 entries added one by one: 2.2 KB per entry of RSS, against 3.3 unfolded; ``index_memory``).
        The holders of each key stay in the order added, the first ``MAX_POSTINGS`` of them (only a key held
        by more, over ``MAX_SCAN`` and so never read, may keep other holders than it would unfolded); the
        entries' records drop their keys (their removal no longer needs them)."""
        keys, owners = array("I"), array("q")
        for key, found in self._buckets.items():
            held = found if isinstance(found, list) else (found,)
            keys.extend(itertools.repeat(key, len(held)))
            owners.extend(held)
        flat, holders = np.frombuffer(keys, dtype=np.uint32), np.frombuffer(owners, dtype=np.int64)
        if self._loaded is None:
            self._loaded = Postings.of_arrays(array("q"), array("I"), array("I"), MAX_POSTINGS)
        self._loaded = self._loaded.merged(self._unloaded, flat, holders)
        self._buckets, self._unloaded = {}, set()
        docs = self._docs
        for entry_id in self._fresh:
            if (record := docs.get(entry_id)) is not None:
                docs[entry_id] = without_keys(record)
        self._fresh = []

    def remove(self, entry_id: int) -> None:
        record = self._docs.pop(entry_id, None)
        if record is None:
            return
        self._unpacked.pop(entry_id, None)
        self._headlines.remove(entry_id, packed_title(record))  # pruning removes by the thousand: the headline only
        if self._loaded is not None:
            self._unloaded.add(entry_id)  # its loaded keys are skipped when read, dropped when pruned
        for key in packed_keys(record):  # an entry added since start-up: its keys are in the dict
            found = self._buckets.get(key)
            if found == entry_id:
                del self._buckets[key]
            elif isinstance(found, list) and entry_id in found:
                found.remove(entry_id)
                if len(found) == 1:
                    self._buckets[key] = found[0]

    def prune(self, oldest: datetime) -> int:
        """Drop entries first seen before ``oldest`` (the window's start); returns how many."""
        cutoff = oldest.timestamp()
        if cutoff <= self._oldest:  # the start-up rebuild and a young daemon skip the scan
            return 0
        stale = [eid for eid, record in self._docs.items() if packed_seen(record) < cutoff]
        for entry_id in stale:
            self.remove(entry_id)
        if stale:
            self._headlines.prune(self._docs)
            self._addresses = {link: held for link, held in self._addresses.items() if held in self._docs}
        if len(self._fresh) >= max(FOLD_EVERY, len(self._docs) // 8):
            self._fold()  # when entries age out: a daemon past its first window, never a cold run (reads slower)
        elif self._loaded is not None and self._unloaded:
            self._loaded = self._loaded.without(self._unloaded)
            self._loaded = self._loaded if len(self._loaded) else None
            self._unloaded = set()
        self.events.prune(cutoff)
        self._oldest = min(map(packed_seen, self._docs.values()), default=math.inf)
        return len(stale)


def _resembles(
    sig: Signature, entry_id: int, doc: _Doc, near: set[int], resembled: dict[int, Evidence | None]
) -> Evidence | None:
    """``resembles(sig, doc)`` for an entry of ``near`` (sharing a skeleton key; None for any other), asked
    once per decision: ``resembled`` keeps the answers."""
    if entry_id not in near:
        return None
    if entry_id not in resembled:
        resembled[entry_id] = resembles(sig, doc)
    return resembled[entry_id]


def _most_weight(ids: list[int], sizes: list[int]) -> list[int]:
    """``StoryIndex._candidates`` of a few holdings (``ids``, in runs of ``sizes`` per key), in Python: the
    same running sums in the same order (from 0.0, as read), kept and ranked alike (most weight first, ties
    to the entry read first: a dict keeps that order and ``sorted`` is stable)."""
    weights: dict[int, float] = {}
    get = weights.get
    if len(ids) == len(sizes):  # each key held by one entry (most decisions): 1.0 each, no runs to slice
        for entry_id in ids:
            weights[entry_id] = get(entry_id, 0.0) + 1.0
    else:
        at = 0
        for size in sizes:
            weight = 1.0 / size
            for entry_id in ids[at : at + size]:
                weights[entry_id] = get(entry_id, 0.0) + weight
            at += size
    worth = [entry_id for entry_id, weight in weights.items() if weight >= MIN_WEIGHT]
    return sorted(worth, key=weights.__getitem__, reverse=True)[:MAX_VERIFIED]


def _most_weight_bulk(ids: list[int], sizes: list[int]) -> list[int]:
    """``_most_weight`` summed in numpy: a newsroom's full text reads ~400 holdings. The same bits as the
    dict's running sums: ``bincount`` adds each entry's weights in the order read (the keys' order), from
    0.0; ties go to the entry found first."""
    held, counts = np.array(ids, dtype=np.int64), np.array(sizes, dtype=np.intp)
    read = np.repeat(1.0 / counts, counts)
    low = int(held.min())
    span = int(held.max()) - low + 1
    if span > DENSE_SPAN * held.size:  # ids far apart: a bin per id between them costs more than a sort
        return _most_weight_sorted(held, read)
    # sp35: a bin per id from the lowest (a cold run's ids are close): no sort of the holdings.
    bins = held - low
    weights = np.bincount(bins, weights=read, minlength=span)
    first = np.full(span, held.size, dtype=np.intp)
    np.minimum.at(first, bins, np.arange(held.size))  # where each entry was first read
    worth = np.flatnonzero(weights >= MIN_WEIGHT)
    top = np.lexsort((first[worth], -weights[worth]))[:MAX_VERIFIED]
    return list((worth[top] + low).tolist())


def _most_weight_sorted(held: np.ndarray, read: np.ndarray) -> list[int]:
    """``_most_weight_bulk`` of ids far apart (``held``, their weights ``read``): each entry's holdings grouped
    by a stable sort, so ``bincount`` still adds them in the order read."""
    order = held.argsort(kind="stable")
    ranked = held[order]
    starts = np.empty(ranked.size, dtype=bool)
    starts[0] = True
    np.not_equal(ranked[1:], ranked[:-1], out=starts[1:])
    at = np.cumsum(starts) - 1
    firsts = np.flatnonzero(starts)
    weights = np.bincount(at, weights=read[order], minlength=firsts.size)
    worth = np.flatnonzero(weights >= MIN_WEIGHT)
    top = np.lexsort((order[firsts[worth]], -weights[worth]))[:MAX_VERIFIED]
    return list(ranked[firsts[worth[top]]].tolist())


def _outranks(candidate: Closest, best: Closest) -> bool:
    """Does ``candidate`` rank above ``best`` (``Rank``)? When both are copies in text and in facts, of the
    window, and one outlet's entries of two stories (a story and the desk's own later story it parted as its next
    bulletin or its news), the one holding more of the text wins. The later story repeats most names and numbers
    of the first, so their agreement cannot tell the two apart (a scanned copy of the later one read 81 % of its
    facts against 90 % of the first's), nor can the margins over the shares each needed (a short bulletin needs
    less); the later story's own sentences can (v63: pg054 held 83 % of pg052's text, 61 % of pg036's).
    Between other outlets' entries the margins rank as before: a copy and an independent report of one happening
    share text by chance, and their facts tell them apart."""
    one_desk = candidate.doc.outlet == best.doc.outlet and candidate.doc.story_id != best.doc.story_id
    both = one_desk and candidate.rank[0] and best.rank[0] and min(candidate.margin, best.margin) >= 0
    if both and candidate.evidence.score != best.evidence.score:
        return candidate.evidence.score > best.evidence.score
    return candidate.rank > best.rank


def _score_at_most(sig: Signature, ours: list[int], bound: int, doc: _Doc, found: int) -> float:
    """No less than ``containment(sig, doc).score`` when no more than ``found`` of the hashes it checks
    are found (``StoryIndex._read``): the same shingles checked, as many or more found. ``ours``:
    ``sig``'s sample decoded, ``bound`` its ``sample_bound`` (once per decision, not per candidate).
    100 when a short text's opening may count too (then more are checked)."""
    if doc.length < sig.length:  # all the other's sampled and opening hashes are checked
        checked = (len(doc.sample) + len(doc.opening)) // 4
    else:  # ours below both samples' bounds
        checked = bisect_left(ours, min(sample_bound(doc.sample), bound))
        if checked < MIN_CHECKED and sig.opening:
            return 100.0
    return 100.0 * found / checked if checked else 0.0


_ASKED_TEXT = min(SERIES_TEXT, RELEASE_TEXT)  # a story sharing this much text is asked about (``_unread``)


def _unread(most: float, needed: float, best: float) -> bool:
    """Can a candidate scoring at most ``most`` (``needed`` to be a copy) be left unverified, the best margin
    so far ``best`` (-inf before the first)? When it is no copy, cannot beat that margin (ties go to the
    first found), and is no story ``EventIndex.find`` asks about (``SERIES_TEXT``, ``RELEASE_TEXT``): its
    evidence would change nothing."""
    return most - needed < min(0.0, best) and most < _ASKED_TEXT


def _quoted_at_most(sig: Signature, verified: list[_Doc]) -> dict[int, int]:
    """Story -> no fewer of ``sig``'s sampled passages than ``compare.quoted`` finds in it and in no other story
    of ``verified``: what ``digest`` reads to skip ``quoted`` (sp54). ``touched``'s sums counted each entry's
    passages found anywhere, boilerplate many stories share too, and let ~49 of 50 new stories of a newsroom
    through to ``quoted`` (a set per candidate); counted as ``quoted`` counts them, ~1 in 30 goes on.
    In numpy, all candidates at once: a passage whose low 16 bits are no passage's of ours is none of ours
    (``_read``'s table; the few passing that are not ours only raise a count: each passage is counted for
    the one story holding it, whatever other passages are held). Each count is raised by one passage:
    ``digest`` compares ``n >= share * passages`` where ``quoted`` compares ``n / passages >= share``, and the
    two may round apart."""
    bound = min(sample_bound(sig.sample), *(sample_bound(doc.sample) for doc in verified))
    ours = np.frombuffer(sig.sample, dtype="<u4")
    flags = np.zeros(1 << 16, dtype=bool)
    flags[ours[: int(np.searchsorted(ours, bound))] & 0xFFFF] = True  # ``quoted``'s: the sample is sorted
    codes = {story: code for code, story in enumerate(dict.fromkeys(doc.story_id for doc in verified))}
    owners = np.repeat(
        np.array([codes[doc.story_id] for doc in verified], dtype=np.uint64), [len(doc.sample) // 4 for doc in verified]
    )
    theirs = np.frombuffer(b"".join(doc.sample for doc in verified), dtype="<u4")
    held = flags[theirs & 0xFFFF]
    pairs = np.sort((theirs[held].astype(np.uint64) << np.uint64(STORY_BITS)) | owners[held])
    if not pairs.size:
        return {}
    pairs = pairs[np.concatenate(([True], pairs[1:] != pairs[:-1]))]  # each (passage, story) once
    passages = pairs >> np.uint64(STORY_BITS)
    starts = np.concatenate(([True], passages[1:] != passages[:-1]))
    alone = starts & np.concatenate((starts[1:], [True]))  # a passage one story holds
    counts = np.bincount((pairs[alone] & np.uint64((1 << STORY_BITS) - 1)).astype(np.intp), minlength=len(codes))
    return {story: n + 1 for story, n in zip(codes, counts.tolist(), strict=True) if n}
