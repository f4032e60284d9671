"""Backtesting rules against stored history: what they would have caught, and almost caught.

Pure: ``fts_query`` turns a rule into an SQLite FTS5 pre-filter (or None when the
index cannot answer for the rule's terms), ``backtest`` runs the exact matcher over
the entries it is given. The CLI (``monitor rules test``) does the reading.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from monitor.models import Entry
from monitor.rules.compile import term_key
from monitor.rules.explain import Verdict, classify, verdict
from monitor.rules.match import RuleSet
from monitor.rules.model import Group, Rule, Term

_FTS_TOKEN = re.compile(r"[a-z0-9]+")  # what FTS5's unicode61 tokenizer keeps of ASCII text


def positive_terms(node: Group | Term) -> Iterable[Term]:
    """Terms whose presence can make a rule hold (those under ``none`` cannot)."""
    if isinstance(node, Term):
        yield node
    elif node.kind != "none":
        for child in node.children:
            yield from positive_terms(child)


def fts_query(rule: Rule) -> str | None:
    """An FTS5 query matching every entry that has any positive term of ``rule``.

    None when the index cannot be trusted to find them all: regex, fuzzy and sounds terms,
    non-ASCII terms (the index does not fold width or Cyrillic ё/й as ``fold`` does),
    fields beyond title/summary/content/article, or a rule that can hold with no term at all.
    ``Store.history`` adds the entries that carry an article to what the query finds (the
    index holds the feed's text only).
    """
    indexed = {"title", "summary", "content", "article"}
    if set(rule.fields) - indexed or any(set(g.fields or ()) - indexed for g in _groups(rule.match)):
        return None
    phrases = []
    for term in positive_terms(rule.match):
        key = term_key(term)
        tokens = _FTS_TOKEN.findall(key)
        if term.regex or term.fuzzy or term.sounds or not key.isascii() or not tokens:
            return None
        phrases.append('"' + " ".join(tokens) + '"' + ("*" if term.wildcard else ""))
    if not phrases or _holds_without_terms(rule.match):
        return None
    return " OR ".join(dict.fromkeys(phrases))


def _groups(node: Group | Term) -> Iterable[Group]:
    if isinstance(node, Group):
        yield node
        for child in node.children:
            yield from _groups(child)


def _holds_without_terms(node: Group | Term) -> bool:
    if isinstance(node, Term):
        return False
    if node.kind == "none":
        return True
    found = [_holds_without_terms(c) for c in node.children]
    return all(found) if node.kind == "all" else any(found)


@dataclass
class RuleReport:
    """One rule's backtest: the entries it matched and the near misses, with their verdicts.

    Every match is kept; near misses are all counted, but only the first ``kept``
    (in the order examined) are kept with their verdicts.
    """

    rule: Rule
    examined: int = 0
    matches: list[tuple[int, Entry, Verdict]] = field(default_factory=list)
    near_misses: list[tuple[int, Entry, Verdict]] = field(default_factory=list)
    near_miss_count: int = 0


def backtest(
    rules: RuleSet, rule: Rule, entries: Iterable[tuple[int, Entry]], *, kept_misses: int | None = None
) -> RuleReport:
    """Run ``rule`` over ``entries``; ``kept_misses`` caps the near misses kept (None: all).

    Most entries a pre-filter lets through are neither matches nor kept near misses:
    those are only classified, and the words are collected for the few that are shown.
    """
    report = RuleReport(rule)
    for entry_id, entry in entries:
        report.examined += 1
        matched, near = classify(rules, rule, entry)
        if matched:
            report.matches.append((entry_id, entry, verdict(rules, rule, entry)))
        elif near:
            report.near_miss_count += 1
            if kept_misses is None or len(report.near_misses) < kept_misses:
                report.near_misses.append((entry_id, entry, verdict(rules, rule, entry)))
    return report
