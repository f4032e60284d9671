"""Match entries against compiled rules and say which words matched. Pure.

``Matcher`` is the compiled form of a ``RuleSet`` (``ruleset``), built at its first match:
importing this module brings the automaton, re2 and rapidfuzz.

One pass of the automaton over each folded field finds every exact and prefix term
of every rule (``document``); only the rules triggered by those hits (and the few that
need no hit) have their trees evaluated (``evaluate``). Fuzzy and regex terms are
computed on demand. Matched words are reported as they stand in the original text.
``Document``, ``Trace``, ``evaluate`` and ``matched_words`` are re-exported: callers
import them from here.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from monitor.models import Entry, Match
from monitor.rules.compile import Program
from monitor.rules.document import Document, matched_words
from monitor.rules.evaluate import Trace, evaluate
from monitor.rules.model import Rule, in_scope
from monitor.rules.ruleset import RuleSet
from monitor.rules.windows import Hit

__all__ = ["Document", "Matcher", "RuleSet", "Trace", "evaluate", "in_scope", "matched_words"]


class Matcher:
    """Every rule compiled into one ``Program``; what ``RuleSet`` matches with once it is first used."""

    def __init__(self, rules: tuple[Rule, ...]):
        self.program = Program(rules)
        self.rules = self.program.rules

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
        return [Match(self.rules[index].name, matched_words(doc, hits)) for index, hits in self.holding(doc, now)]

    def holding(self, doc: Document, now: datetime | None = None) -> Iterator[tuple[int, list[Hit]]]:
        """The index of each rule that holds for ``doc`` (in rule order) with the hits that made it
        hold; the words are left to the caller (``rules suggest`` needs only the indexes)."""
        for index in self.candidates(doc):
            rule = self.rules[index]
            # detected once, and only when a lang: scope asks
            if not in_scope(rule.scope, doc.entry, now, doc.language if rule.scope.lang else None):
                continue
            hits = evaluate(self.program.trees[index], doc, self.program.rule_fields[index])
            if hits is not None:
                yield index, hits

    def trace(self, index: int, entry: Entry) -> tuple[Document, Trace]:
        """Evaluate rule ``index`` fully (every group, no short cut) for ``rules explain``."""
        doc = self.document(entry)
        traces: list[Trace] = []
        evaluate(self.program.trees[index], doc, self.program.rule_fields[index], traces)
        return doc, traces[0]
