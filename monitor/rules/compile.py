"""Compile every rule together: one Aho-Corasick automaton over all folded terms.

Each distinct term becomes a *pattern* (its folded text and how it matches) with an
id; rule trees are rewritten over pattern ids. A rule is evaluated for an entry only
when one of its *trigger* patterns was found (the terms of its most selective
required group), so most rules cost nothing for most entries. Pure.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any, Literal

import ahocorasick
import re2

from monitor.rules.model import FIELDS, Group, Rule, Term
from monitor.rules.sounds import term_sounds
from monitor.rules.spelling import joint_variants, plain_hyphens, unicode_regex, words_regex
from monitor.text import fold, is_word_char, without_spaces

PatternKind = Literal["exact", "prefix", "fuzzy", "regex", "words", "sounds"]
REGEX_MAX_MEM = 1 << 20  # bytes re2 may use for one compiled pattern: a rule can never grow huge
REGEX_MAX_LENGTH = 500  # characters of pattern text
PLAIN_AT_ONCE = 8  # an "any" with this many exact/prefix terms looks them up at once (aliases, vetoes)


@dataclass(frozen=True, slots=True)
class Pattern:
    key: str  # the folded phrase without "*", or the regex source
    kind: PatternKind
    fuzzy: int = 0

    @property
    def scanned(self) -> bool:
        """Found by the automaton pass; fuzzy and regex patterns are computed on demand."""
        return self.kind in ("exact", "prefix")


@dataclass(frozen=True, slots=True)
class CTerm:
    pid: int
    term: Term
    scanned: bool  # found by the automaton (else computed on demand)


@dataclass(frozen=True, slots=True)
class CGroup:
    kind: str
    children: tuple[CTerm | CGroup, ...]
    near: int | None
    fields: frozenset[int] | None
    group: Group
    unless: CGroup | None = None  # compiled ``unless_near`` group
    exceptions: CGroup | None = None  # compiled ``unless_near: {except: …}`` group
    # An "any" split for speed: the ids of its exact and prefix terms (found by one look-up each
    # in the document's hits), and the children that need evaluating one by one.
    plain: frozenset[int] = frozenset()
    rest: tuple[CTerm | CGroup, ...] = ()


CNode = CTerm | CGroup
_HYPHEN_JOINT = re.compile(r"(?<=\w)-(?=\w)")
_LETTER_DIGIT = re.compile(r"(?<=[^\W\d_])(?=\d)")


def term_key(term: Term) -> str:
    """The folded phrase a term stands for, hyphens and letter-digit joints made spaces:
    ``"Islamic  Emirate*"`` → ``"islamic emirate"``, ``"Arctic LNG-2"`` and ``"Arctic LNG2"`` → ``"arctic lng 2"``.
    A term with ``*`` inside keeps its stars: ``"исламск* эмират*"``."""
    text = term.text.rstrip("*") if term.wildcard and not term.word_wildcards else term.text
    folded = _HYPHEN_JOINT.sub(" ", plain_hyphens(fold(text)))
    # a digit after a letter of an unspaced script stays joined: "から1年" has no joint to spell
    # three ways (the Japanese kana is no word character there), so a space would make it unmatchable
    folded = _LETTER_DIGIT.sub(lambda m: "" if without_spaces(folded[m.start() - 1]) else " ", folded)
    return " ".join(folded.split())


def compile_regex(source: str) -> re2._Regexp:
    """A google-re2 pattern under the size limits; raises ValueError saying why not."""
    if len(source) > REGEX_MAX_LENGTH:
        raise ValueError(f"regex is {len(source)} characters long; the limit is {REGEX_MAX_LENGTH}")
    options = re2.Options()
    options.max_mem = REGEX_MAX_MEM
    options.log_errors = False
    try:
        return re2.compile(unicode_regex(source), options)
    except re2.error as exc:
        detail = exc.args[0].decode(errors="replace") if exc.args and isinstance(exc.args[0], bytes) else str(exc)
        raise ValueError(f"invalid regex {source!r}: {detail}") from None


def pattern_of(term: Term) -> Pattern:
    if term.regex:
        return Pattern(term.text, "regex")
    if term.sounds:  # the loader checked that every word keeps a key
        return Pattern(" ".join(term_sounds(term.text)), "sounds")
    if term.word_wildcards:
        return Pattern(term_key(term), "words")
    if term.fuzzy and 0 < term.fuzzy < 100:
        return Pattern(term_key(term), "fuzzy", term.fuzzy)
    return Pattern(term_key(term), "prefix" if term.wildcard else "exact")


class Program:
    """Every rule compiled: patterns, the automaton, compiled trees and the trigger index."""

    def __init__(self, rules: Iterable[Rule]):
        self.rules = tuple(rules)
        self.patterns: list[Pattern] = []
        self._ids: dict[Pattern, int] = {}
        self.companions: dict[int, int] = {}  # "words" pattern id → the prefix pattern that triggers it
        # One compiled node per alias (the loader resolves an alias to one Group, by identity) and
        # per distinct unless_near / except group (by value), so a document finds their hits once
        # for every rule that uses them.
        self._groups: dict[int, CGroup] = {}
        self._vetoes: dict[Group, CGroup] = {}
        self.trees = [self._node(rule.match) for rule in self.rules]
        wanted = [frozenset(FIELDS.index(f) for f in rule.fields) for rule in self.rules]
        self.regexes = {pid: compile_regex(p.key) for pid, p in enumerate(self.patterns) if p.kind == "regex"}
        self.regexes.update(
            (pid, compile_regex(words_regex(p.key))) for pid, p in enumerate(self.patterns) if p.kind == "words"
        )
        self.fields = sorted(set().union(*wanted, *(_group_fields(t) for t in self.trees)))
        # None stands for "every field scanned": most rules, and no filtering needed.
        self.rule_fields = [None if w == frozenset(self.fields) else w for w in wanted]
        self.automaton = self._automaton()
        self.triggered: dict[int, list[int]] = {}
        self.always: list[int] = []  # rules that can hold without a scanned pattern
        for index, tree in enumerate(self.trees):
            trigger = _trigger(tree, self.patterns, self.companions)
            if trigger is None:
                self.always.append(index)
            for pid in trigger or ():
                self.triggered.setdefault(pid, []).append(index)

    def _pid(self, pattern: Pattern) -> int:
        pid = self._ids.setdefault(pattern, len(self.patterns))
        if pid == len(self.patterns):
            self.patterns.append(pattern)
        return pid

    def _node(self, node: Group | Term) -> CNode:
        if isinstance(node, Term):
            pattern = pattern_of(node)
            pid = self._pid(pattern)
            if pattern.kind == "words":  # its first word, as a prefix, is the scanned trigger
                self.companions[pid] = self._pid(Pattern(pattern.key.split()[0].rstrip("*"), "prefix"))
            return CTerm(pid, node, pattern.scanned)
        if id(node) in self._groups:
            return self._groups[id(node)]
        fields = frozenset(FIELDS.index(f) for f in node.fields) if node.fields is not None else None
        unless = self._veto(node.unless.group) if node.unless is not None else None
        spared = node.unless.exceptions if node.unless is not None else None
        exceptions = self._veto(spared) if spared is not None else None
        children = tuple(self._node(c) for c in node.children)
        plain = [c for c in children if isinstance(c, CTerm) and c.scanned and not c.term.case and not c.term.langs]
        compiled = CGroup(node.kind, children, node.near, fields, node, unless, exceptions)
        if node.kind == "any" and len(plain) >= PLAIN_AT_ONCE:
            chosen = {id(c) for c in plain}  # by identity: a CGroup's == walks its whole subtree (O(n^2) deep)
            rest = tuple(c for c in children if id(c) not in chosen)
            compiled = replace(compiled, plain=frozenset(c.pid for c in plain), rest=rest)
        self._groups[id(node)] = compiled
        return compiled

    def _veto(self, group: Group) -> CGroup:
        if group not in self._vetoes:
            self._vetoes[group] = self._node(group)  # type: ignore[assignment]
        return self._vetoes[group]

    def _automaton(self) -> ahocorasick.Automaton | None:
        """Key → (length, needs a word boundary before, after, exact pattern id, prefix pattern id, more).

        Each scanned pattern is added under every spelling of its joints (space, hyphen,
        none); ``more`` holds the (pattern id, is prefix) pairs of a key two patterns share.
        """
        slots: dict[str, list[Any]] = {}
        for pid, pattern in enumerate(self.patterns):
            if not pattern.scanned:
                continue
            prefix = pattern.kind == "prefix"
            for key in joint_variants(pattern.key):
                slot = slots.setdefault(key, [len(key), is_word_char(key[0]), is_word_char(key[-1]), -1, -1, ()])
                index = 4 if prefix else 3
                if slot[index] in (-1, pid):
                    slot[index] = pid
                elif (pid, prefix) not in slot[5]:
                    slot[5] = (*slot[5], (pid, prefix))
        if not slots:
            return None
        automaton = ahocorasick.Automaton()
        for key, slot in slots.items():
            automaton.add_word(key, tuple(slot))
        automaton.make_automaton()
        return automaton


def _trigger(node: CNode, patterns: list[Pattern], companions: dict[int, int]) -> set[int] | None:
    """Patterns of which at least one must be found for ``node`` to hold; None when none must."""
    if isinstance(node, CTerm):
        if node.pid in companions:
            return {companions[node.pid]}
        return {node.pid} if patterns[node.pid].scanned else None
    if node.kind == "none":
        return None
    found = [_trigger(child, patterns, companions) for child in node.children]
    if node.kind == "any":
        if any(t is None for t in found):
            return None
        return {pid for t in found if t is not None for pid in t}
    required = [t for t in found if t is not None]
    return min(required, key=len) if required else None


def _group_fields(node: CNode) -> set[int]:
    if isinstance(node, CTerm):
        return set()
    own = set(node.fields or ())
    inner = [*node.children, *(v for v in (node.unless, node.exceptions) if v is not None)]
    return own.union(*(_group_fields(c) for c in inner))


def all_terms(node: Group | Term) -> Iterable[Term]:
    if isinstance(node, Term):
        yield node
    else:
        for child in node.children:
            yield from all_terms(child)
