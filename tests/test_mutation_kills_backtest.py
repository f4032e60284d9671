"""``rules test`` over stored history (``rules/backtest.py``), as rules/README.md states it: the
full-text index pre-filters only when every term of the rule is plain ASCII (and the fields
are indexed, and the rule cannot hold without a term); it only proposes candidates and the
exact matcher decides, "so both ways give the same counts". Written to kill mutants that
survived ``python -m benchmarks.mutation rules``: the index tests (tests/test_fts_index.py)
try one rule; these try every shape of term and group against a real SQLite store, and count
what the report counts. A rule whose query the index cannot answer must have none.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from monitor.models import Entry
from monitor.rules import Rule, RuleSet, load_rules
from monitor.rules.backtest import backtest, fts_query
from monitor.store import Store

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
TITLES = [
    "Taliban name an envoy to Moscow",
    "Kabul recalls its envoys",
    "The Islamic Emirate speaks",
    "Islamic scholars meet in the Emirate capital",
    "Copper contract signed in Chile",
    "Copper price rises",
    "Zinc smelter closes",
    "Weather in Kabul",
    "Envoy-level talks resume",
    "Sakhalin-2 cargo leaves",
    "Nothing of note today",
]


def rule_of(folder: Path, text: str) -> Rule:
    (folder / "rule.yaml").write_text("name: Probe\n" + text, encoding="utf-8")
    [rule] = load_rules([folder])
    return rule


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    store = Store(tmp_path_factory.mktemp("history") / "state.db")
    for n, title in enumerate(TITLES):
        entry = Entry("https://a.example/rss", "A", str(n), f"https://a.example/{n}", title, "", "", published=NOW)
        store.add_entry(entry, NOW - timedelta(hours=1), None)
    store.catch_up_fts()
    yield store
    store.close()


def counts(store: Store, rule: Rule, query: str | None) -> tuple[list[int], int, int]:
    report = backtest(RuleSet([rule]), rule, store.history(None, query))
    return [entry_id for entry_id, _, _ in report.matches], report.near_miss_count, report.examined


@pytest.mark.parametrize(
    "match",
    [
        "{any: [envoy*]}",  # a wildcard: "envoys" and "Envoy-level" too
        "{any: ['Islamic Emirate']}",  # a phrase: the words in order, not each anywhere
        "{all: [Kabul, envoy*]}",
        "{all: [copper], none: [Chile]}",
        "{all: [copper, {none: [Chile]}]}",
        "{all: [Taliban, envoy, Moscow]}",  # near misses too
        "{any: [Sakhalin-2]}",
    ],
)
def test_through_the_index_a_backtest_counts_what_a_scan_counts(tmp_path, store, match):
    rule = rule_of(tmp_path, f"match: {match}\n")
    query = fts_query(rule)
    assert query is not None
    found, near, examined = counts(store, rule, query)
    assert (found, near) == counts(store, rule, None)[:2]
    assert 0 < examined < len(TITLES)  # the index did narrow the history


def test_the_index_finds_words_by_their_documented_forms(tmp_path, store):
    wildcard = counts(store, rule_of(tmp_path, "match: {any: [envoy*]}\n"), None)[0]
    assert wildcard == [1, 2, 9]
    phrase = counts(store, rule_of(tmp_path, "match: {any: ['Islamic Emirate']}\n"), None)[0]
    assert phrase == [3]


@pytest.mark.parametrize(
    "rule",
    [
        "match: {any: [{regex: 'envoy'}]}\n",
        "match: {any: [{term: envoy, fuzzy: 85}]}\n",
        "match: {any: [Талибан]}\n",
        "match: {any: ['...']}\n",
        "fields: [title, author]\nmatch: {any: [envoy]}\n",
        "match:\n  all:\n    - any: [envoy]\n      fields: [tags]\n",
        "match: {none: [Chile]}\n",
        "match: {any: [copper, {none: [Chile]}]}\n",
        "match: {all: [{none: [Chile]}, {any: [zinc, {none: [Tin]}]}]}\n",
    ],
)
def test_a_rule_the_index_cannot_answer_for_has_no_query(tmp_path, rule):
    assert fts_query(rule_of(tmp_path, rule)) is None


def test_terms_under_none_are_not_sought_in_the_index(tmp_path, store):
    rule = rule_of(tmp_path, "match: {all: [copper], none: [Chile]}\n")
    assert "chile" not in (fts_query(rule) or "").lower()
    assert counts(store, rule, fts_query(rule)) == ([6], 1, 2)


def test_every_near_miss_is_counted_and_only_the_first_kept(tmp_path, store):
    rule = rule_of(tmp_path, "match: {all: [Kabul, envoy*, Moscow]}\n")
    report = backtest(RuleSet([rule]), rule, store.history(None, None), kept_misses=1)
    assert report.rule is rule and report.examined == len(TITLES) and report.matches == []
    assert report.near_miss_count == 2 and [entry_id for entry_id, _, _ in report.near_misses] == [1]
    [(_, entry, verdict)] = report.near_misses
    assert entry.title == "Taliban name an envoy to Moscow" and verdict.missing == "Kabul not found"
    none_kept = backtest(RuleSet([rule]), rule, store.history(None, None), kept_misses=0)
    assert (none_kept.near_misses, none_kept.near_miss_count) == ([], 2)
    every = backtest(RuleSet([rule]), rule, store.history(None, None))
    assert [(entry_id, v.missing) for entry_id, _, v in every.near_misses] == [
        (1, "Kabul not found"),
        (2, "Moscow not found"),
    ]
