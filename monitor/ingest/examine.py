"""What can be known of a new entry before the serial stage sees it. Pure: no clock, no database.

Dedup decisions and storing must see entries one at a time, in one process. Most of
their cost is not in the decision, though, but in looking at the entry: its dedup
signature, its content hash and which rules hold for it. ``examine`` computes those
where the feed was parsed (a parser process), so the serial stage only looks up the
index and writes.

Two things depend on the moment of processing and are left to the caller:

- a rule's ``max_age`` scope: the rules are matched with no ``now``, and the caller
  filters the matches with ``rules.match.in_scope(rule.scope, entry, now)``;
- the signature of an entry with no publication date, for which ``seen`` stands in
  (``dedup.signature``): it is exact only when the caller's ``now`` equals ``seen``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from monitor.dedup import Signature, content_hash, signatures
from monitor.models import Entry, Match
from monitor.rules import RuleSet


@dataclass(frozen=True, slots=True)
class Facts:
    """An entry's dedup signature (as of ``seen``), content hash and matches (no ``max_age`` applied)."""

    signature: Signature
    content_hash: str
    matches: tuple[Match, ...]


def examine(entries: Iterable[Entry], seen: datetime, rules: RuleSet) -> tuple[Facts, ...]:
    """The Facts of each entry, in order."""
    entries = tuple(entries)
    return tuple(
        Facts(sig, content_hash(entry), tuple(rules.match(entry, None)))
        for entry, sig in zip(entries, signatures(entries, seen), strict=True)
    )
