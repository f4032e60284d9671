"""Compiled rules: match an Entry, report which words matched. Pure.

Terms are folded like the text (NFKC, casefold, Latin accents dropped) and matched
as whole words; ``*`` is a suffix wildcard.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable

from monitor.models import TEXT_FIELDS, Entry, Match
from monitor.rules.model import Group, Rule, Term
from monitor.text import fold

_WORD = re.compile(r"\w+")


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
        # Pre-filter: a term can only match where its first word occurs as a whole word
        # (or, for a one-word wildcard, as the start of a word), so most regexes never run.
        self._by_word: dict[str, list[Term]] = {}
        self._by_prefix: list[tuple[str, Term]] = []
        self._unfiltered: list[Term] = []  # terms that start with a symbol
        # A rule that does not hold when no term is found can only hold when one of its own terms is:
        # only those rules are evaluated for an entry.
        self._rules_of: dict[Term, set[int]] = {}
        self._always = {n for n, rule in enumerate(self.rules) if _holds(rule.match, {}, [])}
        for number, rule in enumerate(self.rules):
            for term in _terms(rule.match):
                self._rules_of.setdefault(term, set()).add(number)
                if term not in self._patterns:
                    self._patterns[term] = re.compile(term_pattern(term))
                    self._index(term)

    def _index(self, term: Term) -> None:
        folded = fold(term.text.rstrip("*"))
        words = _WORD.findall(folded)
        if not words or not folded.startswith(words[0]):
            self._unfiltered.append(term)
        elif term.wildcard and folded == words[0]:
            self._by_prefix.append((words[0], term))
        else:
            self._by_word.setdefault(words[0], []).append(term)

    def _candidates(self, text: str) -> list[Term]:
        words = set(_WORD.findall(text))
        terms = [term for word in words & self._by_word.keys() for term in self._by_word[word]]
        if self._by_prefix:
            ordered = sorted(words)
            for prefix, term in self._by_prefix:
                at = bisect_left(ordered, prefix)
                if at < len(ordered) and ordered[at].startswith(prefix):
                    terms.append(term)
        return terms + self._unfiltered

    def match(self, entry: Entry) -> list[Match]:
        text = fold("\n".join(entry.text(f) for f in TEXT_FIELDS))
        found: dict[Term, tuple[str, ...]] = {}
        for term in self._candidates(text):
            hits = tuple(dict.fromkeys(m.group(0) for m in self._patterns[term].finditer(text)))
            if hits:
                found[term] = hits
        candidates = set(self._always).union(*(self._rules_of[term] for term in found))
        matches = []
        for number in sorted(candidates):
            rule = self.rules[number]
            words: list[str] = []
            if _decides(rule.match, found) and _holds(rule.match, found, words):
                matches.append(Match(rule.name, tuple(dict.fromkeys(words))))
        return matches


def _decides(node: Group | Term, found: dict[Term, tuple[str, ...]]) -> bool:
    """``_holds`` without collecting words: short-circuits, so most candidate rules fail fast."""
    if isinstance(node, Term):
        return node in found
    if node.kind == "none":
        return not any(_decides(child, found) for child in node.children)
    if node.kind == "all":
        return all(_decides(child, found) for child in node.children)
    return any(_decides(child, found) for child in node.children)


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
