"""Near misses (``rules/explain.py``: ``verdict`` and ``classify``), as rules/README.md and the
docstrings state them: an entry the rule does not match, where every required part except
one held, or only a ``none:`` or ``near:`` constraint stopped it; reported with the words
that held and what was missing. Written to kill mutants that survived ``python -m
benchmarks.mutation rules``: the backtest tests count near misses on one shape of rule;
these try each shape (three parts, a nested ``all``, ``none``, ``near``) one part either side
of the line, and check that ``classify`` decides exactly as ``verdict``.
The rules are written in the documented YAML syntax and loaded, not built from internals.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from monitor.models import Entry
from monitor.rules import Rule, RuleSet, load_rules
from monitor.rules.explain import Verdict, classify, verdict

THREE = "match:\n  all: [copper, contract*, Chile]\n"
EXCLUDED = "match:\n  all: [copper, contract*]\n  none: [Chile]\n"
NESTED = "match:\n  all: [copper, {all: [contract*, Chile]}]\n"
NEAR = "match:\n  all: [copper, contract]\n  near: 2\n"
NEAR_AND_MORE = "match:\n  all:\n    - all: [copper, contract]\n      near: 2\n    - Chile\n"
EXCLUDED_PAIR = "match:\n  all: [copper]\n  none: [{all: [Chile, mine]}]\n"


def rule_of(folder: Path, text: str) -> Rule:
    (folder / "rule.yaml").write_text("name: Copper deals\n" + text, encoding="utf-8")
    [rule] = load_rules([folder])
    return rule


def entry(title: str) -> Entry:
    return Entry("https://wire.example/feed", "Wire", title, "https://wire.example/1", title, "", "")


@pytest.mark.parametrize(
    ("rule", "title", "expected"),
    [
        # every part but one held: a near miss, saying what was missing
        (THREE, "copper contracts signed", Verdict(False, True, ("copper", "contracts"), "Chile not found")),
        (THREE, "copper only", Verdict(False, False, ("copper",))),  # two parts missing
        (THREE, "nothing at all", Verdict(False, False, ())),  # nothing held
        (THREE, "copper contracts for Chile", Verdict(True, False, ("copper", "contracts", "Chile"))),
        # only a none: group stopped it; its words are not among those that held
        (
            EXCLUDED,
            "copper contract in Chile",
            Verdict(False, True, ("copper", "contract"), "none: [Chile] excludes it (Chile found)"),
        ),
        (EXCLUDED, "copper in Chile", Verdict(False, False, ("copper",))),  # excluded and a part missing
        (
            EXCLUDED_PAIR,
            "copper Chile mine",
            Verdict(False, True, ("copper",), "none: [all: [Chile, mine]] excludes it (Chile found)"),
        ),
        # a nested all: its parts are parts of the rule
        (NESTED, "copper only", Verdict(False, False, ("copper",))),
        (NESTED, "copper contract", Verdict(False, True, ("copper", "contract"), "Chile not found")),
        # only near: stopped it
        (
            NEAR,
            "copper a b c d e f contract",
            Verdict(False, True, ("copper", "contract"), "all: [copper, contract]: not within 2 words"),
        ),
        (NEAR, "copper only", Verdict(False, True, ("copper",), "contract not found")),
        (NEAR, "zinc only", Verdict(False, False, ())),
        # a group with near: is one part: the others around it decide
        (
            NEAR_AND_MORE,
            "copper a b c d e f contract Chile",
            Verdict(False, True, ("Chile",), "all: [copper, contract]: not within 2 words"),
        ),
        (NEAR_AND_MORE, "copper contract", Verdict(False, True, ("copper", "contract"), "Chile not found")),
        (NEAR_AND_MORE, "copper and zinc", Verdict(False, False, ())),
        ("match:\n  any: [copper, zinc]\n", "tin", Verdict(False, False, ())),
        ("match: {none: [Chile]}\n", "copper from Chile", Verdict(False, False, ())),  # no part held
    ],
)
def test_a_near_miss_is_one_required_part_short(tmp_path, rule, title, expected):
    found = rule_of(tmp_path, rule)
    rules = RuleSet([found])
    assert verdict(rules, found, entry(title)) == expected
    assert classify(rules, found, entry(title)) == (expected.matched, expected.near_miss)


def test_a_match_out_of_scope_is_neither_a_match_nor_a_near_miss(tmp_path):
    found = rule_of(tmp_path, "feeds: [Kabul Ledger]\n" + THREE)
    rules = RuleSet([found])
    both = entry("copper contracts for Chile")
    assert verdict(rules, found, both) == Verdict(False, False, ("copper", "contracts", "Chile"))
    assert classify(rules, found, both) == (False, False)
