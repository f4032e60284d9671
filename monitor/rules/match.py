"""Compiled rules: match an Entry, report which words matched. Pure.

Terms are folded like the text (NFKC, casefold, Latin accents dropped) and matched
as whole words; ``*`` is a suffix wildcard.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from monitor.models import TEXT_FIELDS, Entry, Match
from monitor.rules.model import Group, Rule, Term
from monitor.text import fold


def term_pattern(term: Term) -> str:
    words = fold(term.text.rstrip("*")).split()
    body = r"\s+".join(re.escape(w) for w in words)
    tail = r"\w*" if term.wildcard else ""
    return rf"(?<!\w){body}{tail}(?!\w)"


class RuleSet:
    """Every rule compiled once; ``match`` returns one Match per rule that holds."""

    def __init__(self, rules: Iterable[Rule]):
        self.rules = tuple(rules)
        self._patterns: dict[Term, re.Pattern[str]] = {}
        for rule in self.rules:
            for term in _terms(rule.match):
                if term not in self._patterns:
                    self._patterns[term] = re.compile(term_pattern(term))

    def match(self, entry: Entry) -> list[Match]:
        text = fold("\n".join(entry.text(f) for f in TEXT_FIELDS))
        found: dict[Term, tuple[str, ...]] = {}
        for term, pattern in self._patterns.items():
            hits = tuple(dict.fromkeys(m.group(0) for m in pattern.finditer(text)))
            if hits:
                found[term] = hits
        matches = []
        for rule in self.rules:
            words: list[str] = []
            if _holds(rule.match, found, words):
                matches.append(Match(rule.name, tuple(dict.fromkeys(words))))
        return matches


def _holds(node: Group | Term, found: dict[Term, tuple[str, ...]], words: list[str]) -> bool:
    if isinstance(node, Term):
        if node in found:
            words.extend(found[node])
            return True
        return False
    if node.kind == "none":
        return not any(_holds(child, found, []) for child in node.children)
    results = [_holds(child, found, words) for child in node.children]
    return all(results) if node.kind == "all" else any(results)


def _terms(node: Group | Term) -> Iterable[Term]:
    if isinstance(node, Term):
        yield node
    else:
        for child in node.children:
            yield from _terms(child)
