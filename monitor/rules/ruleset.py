"""``RuleSet``: the rules a process matches with, compiled at the first match. Pure.

Compiling imports the matcher (pyahocorasick, google-re2, rapidfuzz: ~5 MB and ~0.07 CPU-s)
and builds the automaton; a process that never matches (a daemon whose workers do, a cycle
of 304s) holds the rules as values and never pays for either.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING

from monitor.models import Entry, Match
from monitor.rules.model import Rule

if TYPE_CHECKING:
    from monitor.rules.compile import Program
    from monitor.rules.match import Document, Matcher, Trace


class RuleSet:
    """Every rule, compiled once (at the first use); ``match`` returns one Match per rule that holds,
    in rule order. Thread-safe: threads that match first at once compile once."""

    def __init__(self, rules: Iterable[Rule]):
        self.rules = tuple(rules)
        self._index = {rule.name: i for i, rule in enumerate(self.rules)}
        self._matcher: Matcher | None = None
        self._compiling = threading.Lock()

    def rule(self, name: str) -> Rule:
        """The rule named ``name`` (KeyError if none is)."""
        return self.rules[self._index[name]]

    @property
    def matcher(self) -> Matcher:
        matcher = self._matcher
        if matcher is None:
            with self._compiling:
                if self._matcher is None:
                    from monitor.rules.match import Matcher

                    self._matcher = Matcher(self.rules)
                matcher = self._matcher
        return matcher

    @property
    def program(self) -> Program:
        return self.matcher.program

    def document(self, entry: Entry) -> Document:
        return self.matcher.document(entry)

    def match(self, entry: Entry, now: datetime | None = None) -> list[Match]:
        """Rules that hold for ``entry``; ``now`` enables ``max_age`` scopes."""
        return self.matcher.match(entry, now)

    def trace(self, name: str, entry: Entry) -> tuple[Document, Trace]:
        """Evaluate one rule fully (every group, no short cut) for ``rules explain``."""
        return self.matcher.trace(self._index[name], entry)
