"""Whose word on names and numbers a story's verdict is, when an entry resembles several of its members. Pure.

A story's copies carry its names and numbers in different measure. A TV ticker in capitals (its names
not read as names), a text cut to fragments, a caption: such a member carries fewer than ``MIN_FACTS``
of them, and the names-and-numbers guard (``Evidence.facts``) finds nothing to compare against it
and lets text alone decide. A desk's template twin (the same frame of words, another village and
other figures) then joins the story through that member, while the story's report, which it
resembles as closely, prints other names and numbers in the same sentences (held-out v64: three
twins, each through the ticker's copy of its base report). So the member with facts to compare
speaks over a member with none: a story is joined through a member with none only when no member
of it close in text and with facts to compare says the facts were substituted. A wire update that
corrects one figure keeps the rest of the story's names and numbers: its members agree.

Only the members the decision verified anyway are heard (``StoryIndex._best_copy``): no text is read
for this.
"""

from __future__ import annotations

from dataclasses import dataclass

from monitor.dedup.compare import MIN_FACTS, MISSING_FACTS, Evidence, Stored, missing_facts, swapped_facts
from monitor.dedup.signature import Signature

FACT_BYTES = 4  # a name or number is one 32-bit hash in ``facts``


@dataclass(frozen=True, slots=True)
class Member:
    """An entry of a story close enough in text to the entry being decided, with the guard's verdict on it."""

    entry_id: int
    doc: Stored
    evidence: Evidence
    needed: float
    facts: float  # percent of the names and numbers found (``Evidence.facts``)


def comparable(sig: Signature, doc: Stored, evidence: Evidence) -> bool:
    """Do both texts carry ``MIN_FACTS`` names and numbers or more, the ones the guard reads for ``evidence``
    (the skeletons' when the skeletons decided)? Fewer decide nothing: the guard then agrees by default."""
    ours, theirs = (sig.skeleton_facts, doc.skeleton_facts) if evidence.skeleton else (sig.facts, doc.facts)
    return min(len(ours), len(theirs)) // FACT_BYTES >= MIN_FACTS


class Members:
    """The members of each story the decision found close in text (``heard``), to ask whether the verdict
    through one of them stands (``overruling``)."""

    __slots__ = ("_close", "_sig")

    def __init__(self, sig: Signature):
        self._sig = sig
        self._close: list[Member] = []

    def heard(self, entry_id: int, doc: Stored, evidence: Evidence, needed: float, facts: float) -> None:
        """Record a verified member whose text is close enough (``evidence.score >= needed``), facts as judged."""
        self._close.append(Member(entry_id, doc, evidence, needed, facts))

    def overruling(self, doc: Stored, evidence: Evidence, threshold: float) -> Member | None:
        """The member of ``doc``'s story that overrules a copy verdict through ``doc`` (``evidence``): when
        ``doc`` has no names and numbers to compare and none of its story's members that have finds
        ``threshold`` percent of them, the closest in text of those that print others in their place
        (``_substituted``); None when the verdict stands."""
        if comparable(self._sig, doc, evidence):
            return None
        speaking = [
            member
            for member in self._close
            if member.doc.story_id == doc.story_id and comparable(self._sig, member.doc, member.evidence)
        ]
        if not speaking or any(member.facts >= threshold for member in speaking):
            return None
        substituted = [member for member in speaking if _substituted(self._sig, member, threshold)]
        return max(substituted, key=lambda member: member.evidence.score - member.needed, default=None)


def _substituted(sig: Signature, member: Member, threshold: float) -> bool:
    """Does ``member`` print other names and numbers where ``sig`` overlaps it: ``MISSING_FACTS`` of ``sig``'s or
    more missing from it (a copy's credit line naming its own outlet misses fewer), and less than ``threshold``
    percent of those of ``sig``'s sentences sharing a passage with it found there (a carrier's own wrapper, its
    name and date around a text whose sentences hold few, is no substitution)?"""
    if missing_facts(sig, member.doc) < MISSING_FACTS or not swapped_facts(sig, member.doc):
        return False  # a copy adds facts (a glued byline) one way; a twin prints others in their place, both ways
    shared = member.evidence.shared_facts(sig, member.doc)
    return shared is not None and shared < threshold
