"""Match entries against compiled rules and say which words matched. Pure.

One pass of the automaton over each folded field finds every exact and prefix term
of every rule; only the rules triggered by those hits (and the few that need no
hit) have their trees evaluated. Fuzzy and regex terms are computed on demand.
Matched words are reported as they stand in the original text.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from rapidfuzz import fuzz, process

from monitor.models import Entry, Match
from monitor.rules.compile import CGroup, CNode, CTerm, Program
from monitor.rules.model import FIELDS, Rule, Scope
from monitor.text import NO_SPACE_RANGES, OriginalWords, fold, is_word_char, match_text

Hit = tuple[int, int, int]  # (field index, start, end) in the field's folded text
_NONE: list[Hit] = []

_word = functools.cache(is_word_char)
_TOKEN = re.compile(f"[{NO_SPACE_RANGES}]|[^\\W{NO_SPACE_RANGES}]+")  # a word, or one Han/kana character
_SPACED_WORDS = re.compile(f"[^\\W{NO_SPACE_RANGES}]+")


class Document:
    """An entry's fields folded once, its automaton hits, and lazily what else a rule asks."""

    def __init__(self, entry: Entry, program: Program):
        self.entry = entry
        self.program = program
        self.texts: dict[int, str] = {f: match_text(entry.text(FIELDS[f])) for f in program.fields}
        self.hits: dict[int, list[Hit]] = {}
        self._lazy_done: set[int] = set()
        self._tokens: dict[int, list[int]] = {}
        self._originals: dict[int, OriginalWords] = {}
        if program.automaton is not None:
            for f, text in self.texts.items():
                if text:
                    self._scan(f, text)

    def _scan(self, f: int, text: str) -> None:
        size = len(text)
        hits = self.hits
        for last, (length, left, right, exact, prefix) in self.program.automaton.iter(text):  # type: ignore[union-attr]
            start = last - length + 1
            if left and start and _word(text[start - 1]):
                continue
            end = last + 1
            if exact >= 0 and not (right and end < size and _word(text[end])):
                hits.setdefault(exact, []).append((f, start, end))
            if prefix >= 0:
                while end < size and _word(text[end]):
                    end += 1
                hits.setdefault(prefix, []).append((f, start, end))

    def hits_of(self, pid: int) -> list[Hit]:
        pattern = self.program.patterns[pid]
        if not pattern.scanned and pid not in self._lazy_done:
            self._lazy_done.add(pid)
            found = self._regex(pid) if pattern.kind == "regex" else self._fuzzy(pattern.key, pattern.fuzzy)
            if found:
                self.hits[pid] = found
        return self.hits.get(pid, [])

    def _regex(self, pid: int) -> list[Hit]:
        regex = self.program.regexes[pid]
        return [
            (f, m.start(), m.end())
            for f, text in self.texts.items()
            for m in regex.finditer(text)
            if m.end() > m.start()
        ]

    def _fuzzy(self, key: str, cutoff: int) -> list[Hit]:
        """Runs of as many words as ``key`` has whose similarity to it reaches ``cutoff``."""
        size = len(key.split())
        found: list[Hit] = []
        for f, text in self.texts.items():
            spans = [m.span() for m in _SPACED_WORDS.finditer(text)]
            runs = [(spans[i][0], spans[i + size - 1][1]) for i in range(len(spans) - size + 1)]
            choices = [text[a:b] for a, b in runs]
            for _, _, index in process.extract(key, choices, scorer=fuzz.ratio, score_cutoff=cutoff, limit=None):
                found.append((f, *runs[index]))
        return found

    def word_at(self, hit: Hit) -> int:
        """The index of the word a hit starts in, within its field: what ``near`` counts."""
        f, start, _ = hit
        if f not in self._tokens:
            self._tokens[f] = [m.start() for m in _TOKEN.finditer(self.texts[f])]
        return bisect_right(self._tokens[f], start) - 1

    def original(self, hit: Hit) -> str:
        """The hit's words as written in the entry (folded words if positions cannot be mapped)."""
        f, start, end = hit
        if f not in self._originals:
            self._originals[f] = OriginalWords(self.entry.text(FIELDS[f]), self.texts[f])
        return self._originals[f].span(start, end)


@dataclass
class Trace:
    """How one node of a rule fared on an entry: for ``rules explain`` and near misses."""

    node: CNode
    held: bool
    hits: list[Hit]
    children: list[Trace] = field(default_factory=list)
    note: str = ""


def evaluate(
    node: CNode, doc: Document, allowed: frozenset[int] | None, trace: list[Trace] | None = None
) -> list[Hit] | None:
    """The hits that make ``node`` hold (``[]`` for a holding ``none``), or None when it fails.

    With ``trace``, every child is evaluated (no short cut) and a Trace is appended.
    """
    if isinstance(node, CTerm):
        hits = doc.hits.get(node.pid, _NONE) if node.scanned else doc.hits_of(node.pid)
        if allowed is not None:
            hits = [h for h in hits if h[0] in allowed]
        if trace is not None:
            trace.append(Trace(node, bool(hits), hits))
        return hits or None
    if node.fields is not None:
        allowed = node.fields
    kids: list[Trace] | None = [] if trace is not None else None
    result, note = _group(node, doc, allowed, kids)
    if trace is not None:
        trace.append(Trace(node, result is not None, result or [], kids or [], note))
    return result


def _group(
    node: CGroup, doc: Document, allowed: frozenset[int] | None, kids: list[Trace] | None
) -> tuple[list[Hit] | None, str]:
    full = kids is not None
    if node.kind == "none":
        held = False
        for child in node.children:
            if evaluate(child, doc, allowed, kids) is not None:
                held = True
                if not full:
                    break
        return (None, "") if held else ([], "")
    if node.kind == "any":
        found: list[Hit] | None = None
        for child in node.children:
            hits = evaluate(child, doc, allowed, kids)
            if hits is not None:
                found = (found or []) + hits
        return found, ""
    parts: list[list[Hit]] = []
    failed = False
    for child in node.children:
        hits = evaluate(child, doc, allowed, kids)
        if hits is None:
            failed = True
            if not full:
                return None, ""
        elif hits:
            parts.append(hits)
    if failed:
        return None, ""
    if node.near is not None and len(parts) > 1:
        close = _within(parts, node.near, doc)
        return (close, "") if close else (None, f"not within {node.near} words of each other")
    return [h for part in parts for h in part], ""


def _within(parts: list[list[Hit]], near: int, doc: Document) -> list[Hit]:
    """Hits lying in some window of ``near`` words, in one field, that holds a hit of every part."""
    items = sorted((h[0], doc.word_at(h), index, h) for index, part in enumerate(parts) for h in part)
    counts = [0] * len(parts)
    covered = 0
    used: set[Hit] = set()
    left = 0
    for right, (f, word, index, _) in enumerate(items):
        covered += counts[index] == 0
        counts[index] += 1
        while items[left][0] != f or word - items[left][1] > near:
            counts[items[left][2]] -= 1
            covered -= counts[items[left][2]] == 0
            left += 1
        if covered == len(parts):
            used.update(item[3] for item in items[left : right + 1])
    return [h for h in (item[3] for item in items) if h in used]


def in_scope(scope: Scope, entry: Entry, now: datetime | None) -> bool:
    """Scopes filter before any term is sought; missing language or date never excludes."""
    if scope.feeds or scope.exclude_feeds:
        outlet = fold(entry.outlet)
        if scope.feeds and outlet not in scope.feeds:
            return False
        if outlet in scope.exclude_feeds:
            return False
    if scope.lang and entry.lang and entry.lang.split("-")[0].lower() not in scope.lang:
        return False
    return not (
        scope.max_age is not None
        and now is not None
        and entry.published is not None
        and entry.published < now - timedelta(seconds=scope.max_age)
    )


def matched_words(doc: Document, hits: Iterable[Hit]) -> tuple[str, ...]:
    """Distinct original words in reading order (field order, then position), case-insensitively unique."""
    words: dict[str, str] = {}
    for hit in sorted(set(hits)):
        word = doc.original(hit)
        words.setdefault(fold(word), word)
    return tuple(words.values())


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
            if not in_scope(rule.scope, entry, now):
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
