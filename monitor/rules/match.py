"""Match entries against compiled rules and say which words matched. Pure.

One pass of the automaton over each folded field finds every exact and prefix term
of every rule (``document``); only the rules triggered by those hits (and the few that
need no hit) have their trees evaluated (``evaluate``). Fuzzy and regex terms are
computed on demand. Matched words are reported as they stand in the original text.
``Document``, ``Trace``, ``evaluate`` and ``matched_words`` are re-exported: callers
import them from here.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from monitor.models import Entry, Match
from monitor.rules.compile import Program
from monitor.rules.document import Document, matched_words
from monitor.rules.evaluate import Trace, evaluate
from monitor.rules.model import Rule, Scope
from monitor.text import fold

__all__ = ["Document", "RuleSet", "Trace", "evaluate", "in_scope", "matched_words"]


def in_scope(scope: Scope, entry: Entry, now: datetime | None, lang: str | None = None) -> bool:
    """Scopes filter before any term is sought; missing language or date never excludes.

    ``lang``: the entry's language when known better than ``entry.lang`` (detected).
    """
    if scope.feeds or scope.exclude_feeds:
        outlet = fold(entry.outlet)
        if scope.feeds and outlet not in scope.feeds:
            return False
        if outlet in scope.exclude_feeds:
            return False
    code = lang if lang is not None else entry.lang.split("-")[0].lower()
    if scope.lang and code and code not in scope.lang:
        return False
    return not (
        scope.max_age is not None
        and now is not None
        and entry.published is not None
        and entry.published < now - timedelta(seconds=scope.max_age)
    )


class RuleSet:
    """Every rule compiled once; ``match`` returns one Match per rule that holds, in rule order."""

    def __init__(self, rules: Iterable[Rule]):
        self.program = Program(rules)
        self.rules = self.program.rules
        self._index = {rule.name: i for i, rule in enumerate(self.rules)}

    def rule(self, name: str) -> Rule:
        """The rule named ``name`` (KeyError if none is)."""
        return self.rules[self._index[name]]

    def document(self, entry: Entry) -> Document:
        return Document(entry, self.program)

    def candidates(self, doc: Document) -> list[int]:
        """Indexes of the rules worth evaluating for this document."""
        found = set(self.program.always)
        triggered = self.program.triggered
        for pid in doc.hits:
            found.update(triggered.get(pid, ()))
        return sorted(found)

    def match(self, entry: Entry, now: datetime | None = None) -> list[Match]:
        """Rules that hold for ``entry``; ``now`` enables ``max_age`` scopes."""
        doc = self.document(entry)
        matches = []
        for index in self.candidates(doc):
            rule = self.rules[index]
            # detected once, and only when a lang: scope asks
            if not in_scope(rule.scope, entry, now, doc.language if rule.scope.lang else None):
                continue
            hits = evaluate(self.program.trees[index], doc, self.program.rule_fields[index])
            if hits is not None:
                matches.append(Match(rule.name, matched_words(doc, hits)))
        return matches

    def trace(self, name: str, entry: Entry) -> tuple[Document, Trace]:
        """Evaluate one rule fully (every group, no short cut) for ``rules explain``."""
        index = self._index[name]
        doc = self.document(entry)
        traces: list[Trace] = []
        evaluate(self.program.trees[index], doc, self.program.rule_fields[index], traces)
        return doc, traces[0]
