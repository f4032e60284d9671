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
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from rapidfuzz import fuzz, process

from monitor.models import Entry, Match
from monitor.rules.compile import CGroup, CNode, CTerm, Program
from monitor.rules.language import entry_language
from monitor.rules.model import FIELDS, Rule, Scope
from monitor.rules.units import breaks, field_text
from monitor.rules.windows import Hit, close_hits
from monitor.text import NO_SPACE_RANGES, OriginalWords, fold, is_word_char, match_text

_NONE: list[Hit] = []
Veto = tuple[CGroup, "int | None", bool]  # an unless_near group, its window in words, or its sentence

_word = functools.cache(is_word_char)
_TOKEN = re.compile(f"[{NO_SPACE_RANGES}]|[^\\W{NO_SPACE_RANGES}]+")  # a word, or one Han/kana character
_SPACED_WORDS = re.compile(f"[^\\W{NO_SPACE_RANGES}]+")


class Document:
    """An entry's fields folded once, its automaton hits, and lazily what else a rule asks."""

    def __init__(self, entry: Entry, program: Program):
        self.entry = entry
        self.program = program
        self.raw: dict[int, str] = {f: field_text(entry, FIELDS[f]) for f in program.fields}
        self.texts: dict[int, str] = {f: match_text(raw) for f, raw in self.raw.items()}
        self.hits: dict[int, list[Hit]] = {}
        self._lazy_done: set[int] = set()
        self._tokens: dict[int, list[int]] = {}
        self._originals: dict[int, OriginalWords] = {}
        self._breaks: dict[int, tuple[list[int], list[int]]] = {}
        self._vetoes: dict[int, list[Hit]] = {}
        if program.automaton is not None:
            for f, text in self.texts.items():
                if text:
                    self._scan(f, text)

    def _scan(self, f: int, text: str) -> None:
        size = len(text)
        hits = self.hits
        for last, (length, left, right, exact, prefix, more) in self.program.automaton.iter(text):  # type: ignore[union-attr]
            start = last - length + 1
            if left and start and _word(text[start - 1]):
                continue
            end = last + 1
            bounded = not (right and end < size and _word(text[end]))
            if exact >= 0 and bounded:
                hits.setdefault(exact, []).append((f, start, end))
            if prefix >= 0 or more:
                stop = end
                while stop < size and _word(text[stop]):
                    stop += 1
                if prefix >= 0:
                    hits.setdefault(prefix, []).append((f, start, stop))
                for pid, is_prefix in more:  # patterns sharing this spelling (rare)
                    if is_prefix or bounded:
                        hits.setdefault(pid, []).append((f, start, stop if is_prefix else end))

    def hits_of(self, pid: int) -> list[Hit]:
        pattern = self.program.patterns[pid]
        if not pattern.scanned and pid not in self._lazy_done:
            self._lazy_done.add(pid)
            found = self._regex(pid) if pattern.kind in ("regex", "words") else self._fuzzy(pattern.key, pattern.fuzzy)
            if found:
                self.hits[pid] = found
        return self.hits.get(pid, [])

    def _regex(self, pid: int) -> list[Hit]:
        regex = self.program.regexes[pid]
        group = 1 if self.program.patterns[pid].kind == "words" else 0
        return [
            (f, m.start(group), m.end(group))
            for f, text in self.texts.items()
            for m in regex.finditer(text)
            if m.end(group) > m.start(group)
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
        return bisect_right(self.word_starts(hit[0]), hit[1]) - 1

    def word_starts(self, f: int) -> list[int]:
        """Where each word (each Han or kana character) of a field's folded text starts."""
        if f not in self._tokens:
            self._tokens[f] = [m.start() for m in _TOKEN.finditer(self.texts[f])]
        return self._tokens[f]

    def last_word(self, hit: Hit) -> int:
        return self.word_at((hit[0], max(hit[1], hit[2] - 1), hit[2]))

    def unit(self, hit: Hit, paragraph: bool) -> int:
        """The index of the sentence (or paragraph) a hit starts in, within its field."""
        f = hit[0]
        if f not in self._breaks:
            self._breaks[f] = breaks(self.raw[f], self.texts[f])
        return bisect_right(self._breaks[f][paragraph], hit[1]) - 1

    def unvetoed(self, hits: list[Hit], vetoes: tuple[Veto, ...]) -> tuple[list[Hit], Hit | None]:
        """The hits no veto stands close to, and one veto hit that removed something."""
        kept: list[Hit] = []
        blocker: Hit | None = None
        for hit in hits:
            found = next((v for veto in vetoes if (v := self._blocker(hit, veto)) is not None), None)
            if found is None:
                kept.append(hit)
            else:
                blocker = blocker or found
        return kept, blocker

    def _blocker(self, hit: Hit, veto: Veto) -> Hit | None:
        node, within, sentence = veto
        if id(node) not in self._vetoes:
            self._vetoes[id(node)] = evaluate(node, self, None) or []
        for other in self._vetoes[id(node)]:
            if other[0] != hit[0]:
                continue
            if sentence and self.unit(other, False) == self.unit(hit, False):
                return other
            if within is not None:
                gap = max(self.word_at(other) - self.last_word(hit), self.word_at(hit) - self.last_word(other))
                if gap <= within:
                    return other
        return None

    def original(self, hit: Hit) -> str:
        """The hit's words as written in the entry (folded words if positions cannot be mapped)."""
        f, start, end = hit
        if f not in self._originals:
            self._originals[f] = OriginalWords(self.raw[f], self.texts[f])
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
    node: CNode,
    doc: Document,
    allowed: frozenset[int] | None,
    trace: list[Trace] | None = None,
    vetoes: tuple[Veto, ...] = (),
) -> list[Hit] | None:
    """The hits that make ``node`` hold (``[]`` for a holding ``none``), or None when it fails.

    With ``trace``, every child is evaluated (no short cut) and a Trace is appended.
    ``vetoes``: the ``unless_near`` groups of the enclosing groups; a hit close to one does not count.
    """
    if isinstance(node, CTerm):
        hits = doc.hits.get(node.pid, _NONE) if node.scanned else doc.hits_of(node.pid)
        if allowed is not None:
            hits = [h for h in hits if h[0] in allowed]
        note = ""
        if vetoes and hits:
            hits, blocker = doc.unvetoed(hits, vetoes)
            if blocker is not None and not hits:
                note = f"only next to {doc.original(blocker)!r}"
        if trace is not None:
            trace.append(Trace(node, bool(hits), hits, note=note))
        return hits or None
    if node.fields is not None:
        allowed = node.fields
    if node.unless is not None:
        unless = node.group.unless
        vetoes = (*vetoes, (node.unless, unless.within, unless.sentence))  # type: ignore[union-attr]
    kids: list[Trace] | None = [] if trace is not None else None
    result, note = _group(node, doc, allowed, kids, vetoes)
    wanted = node.group.min_mentions
    if result is not None and wanted > 1 and (count := len({h[:2] for h in result})) < wanted:
        result, note = None, f"{count} mention(s), fewer than min_mentions {wanted}"
    if trace is not None:
        trace.append(Trace(node, result is not None, result or [], kids or [], note))
    return result


def _group(
    node: CGroup, doc: Document, allowed: frozenset[int] | None, kids: list[Trace] | None, vetoes: tuple[Veto, ...]
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
            hits = evaluate(child, doc, allowed, kids, vetoes)
            if hits is not None:
                found = (found or []) + hits
        return found, ""
    parts: list[list[Hit]] = []
    failed = False
    for child in node.children:
        hits = evaluate(child, doc, allowed, kids, vetoes)
        if hits is None:
            failed = True
            if not full:
                return None, ""
        elif hits:
            parts.append(hits)
    if failed:
        return None, ""
    group = node.group
    if len(parts) > 1 and (node.near is not None or group.sentence or group.paragraph or group.ordered):
        close = close_hits(parts, node.near, _segment(doc, group.sentence, group.paragraph), doc.word_at, group.ordered)
        return (close, "") if close else (None, _apart(node))
    return [h for part in parts for h in part], ""


def _segment(doc: Document, sentence: bool, paragraph: bool) -> Callable[[Hit], Hashable]:
    if sentence:
        return lambda hit: (hit[0], doc.unit(hit, False))
    if paragraph:
        return lambda hit: (hit[0], doc.unit(hit, True))
    return lambda hit: hit[0]


def _apart(node: CGroup) -> str:
    group = node.group
    where = "one sentence" if group.sentence else "one paragraph" if group.paragraph else ""
    near = f"within {node.near} words" if node.near is not None else ""
    order = "in this order" if group.ordered else ""
    return "not " + " ".join(filter(None, [near, order, "in " + where if where else ""]))


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
        lang: str | None = None  # detected once, and only when a lang: scope asks
        for index in self.candidates(doc):
            rule = self.rules[index]
            if rule.scope.lang and lang is None:
                lang = entry_language(entry)
            if not in_scope(rule.scope, entry, now, lang):
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
