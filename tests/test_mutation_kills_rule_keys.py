"""A rule file read into its values, key by key, as rules/README.md documents each key
(routing, scopes, fields, examples, description), and the exact words of each refusal.
Written to kill mutants that survived ``python -m benchmarks.mutation rules`` in
``rules/reader.py``: tests/test_rules_load.py checks that a message *contains* its fix, so a
value read as None still produced a message that passed; these load valid rules and compare
the values, and compare whole messages.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from monitor.errors import ConfigError
from monitor.models import Burst, Entry
from monitor.rules import Rule, RuleSet, Scope, load_rules
from monitor.rules.load import alias_groups
from monitor.rules.model import DEFAULT_FIELDS, Example, Group

FULL = """\
name: "  Port strikes  "
description: Dockworkers stop a port.
match: {any: [dockworkers]}
notify: [oncall, default]
severity: urgent
delivery: digest
novelty: event
on_update: alert
escalate_at: 2
burst: 5/1h
fields: [title, lead]
feeds: {include: [Wire Desk, KABUL Ledger], exclude: [Markets Brief]}
lang: [EN, ru]
max_age: 2d
examples:
  match:
    - Dockworkers walk out
    - {title: Strike, summary: dockworkers stop, tags: [ports, labour]}
  no_match: [Quiet harbour]
"""


def load(folder: Path, text: str, targets: tuple[str, ...] = ("oncall",)) -> list[Rule]:
    (folder / "rule.yaml").write_text(text, encoding="utf-8")
    return load_rules([folder], targets)


def problems(folder: Path, text: str) -> list[str]:
    with pytest.raises(ConfigError) as caught:
        load(folder, text)
    return [str(p).replace(str(folder / "rule.yaml"), "rule.yaml") for p in caught.value.problems]


def test_every_documented_key_is_read_into_the_rule(tmp_path):
    [rule] = load(tmp_path, FULL)
    assert rule.name == "Port strikes" and rule.description == "Dockworkers stop a port."
    assert rule.source == f"{tmp_path / 'rule.yaml'}:1"
    assert rule.notify == ("oncall", "default")
    assert (rule.severity, rule.delivery, rule.novelty, rule.on_update) == ("urgent", "digest", "event", "alert")
    assert rule.escalate_at == 2 and rule.burst == Burst(5, 3600.0)
    assert rule.fields == ("title", "lead")
    assert rule.scope == Scope(
        feeds=("wire desk", "kabul ledger"), exclude_feeds=("markets brief",), lang=("en", "ru"), max_age=2 * 86400.0
    )
    assert rule.examples_match == (
        Example((("title", "Dockworkers walk out"),), 17),
        Example((("title", "Strike"), ("summary", "dockworkers stop"), ("tags", "ports labour")), 18),
    )
    assert rule.examples_no_match == (Example((("title", "Quiet harbour"),), 19),)


def test_a_bare_rule_takes_the_documented_defaults(tmp_path):
    [rule] = load(tmp_path, "name: Port strikes\nmatch: {any: [dockworkers]}\n")
    assert (rule.severity, rule.delivery, rule.novelty, rule.on_update) == ("normal", "immediate", "story", "ignore")
    assert (rule.notify, rule.escalate_at, rule.burst, rule.description) == ((), None, None, "")
    assert rule.fields == DEFAULT_FIELDS and rule.scope == Scope()
    assert (rule.examples_match, rule.examples_no_match) == ((), ())


@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        ("severity: high\n", 'rule.yaml:3: "severity" must be "info" or "normal" or "urgent", not \'high\''),
        ("delivery: later\n", 'rule.yaml:3: "delivery" must be "immediate" or "digest", not \'later\''),
        ("novelty: story2\n", 'rule.yaml:3: "novelty" must be "story" or "event", not \'story2\''),
        ("on_update: always\n", 'rule.yaml:3: "on_update" must be "ignore" or "alert", not \'always\''),
        ("escalate_at: 1\n", 'rule.yaml:3: "escalate_at" must be a whole number ≥ 2'),
        ("escalate_at: true\n", 'rule.yaml:3: "escalate_at" must be a whole number ≥ 2'),
        ("escalate_at: 2.5\n", 'rule.yaml:3: "escalate_at" must be a whole number ≥ 2'),
        ("description: [a]\n", 'rule.yaml:3: "description" must be text'),
        ("notify: {a: b}\n", 'rule.yaml:3: "notify" must be a list of target names'),
        ("notify: [oncall, 3]\n", 'rule.yaml:3: "notify" must be a list of target names'),
        ("notify: [pager]\n", "rule.yaml:3: unknown notify target 'pager': define [notify.targets.pager]"),
        ("feeds: []\n", 'rule.yaml:3: "feeds" must be a list of names'),
        ("feeds: ['  ']\n", 'rule.yaml:3: "feeds" must be a list of names'),
        ("feeds: {include: 5}\n", 'rule.yaml:3: "include" must be a list of names'),
        ("feeds: {exclude: [1]}\n", 'rule.yaml:3: "exclude" must be a list of names'),
        ("lang: [e1]\n", "rule.yaml:3: language 'e1': use a two- or three-letter code such as en, ru, ja"),
        ("lang: [engl]\n", "rule.yaml:3: language 'engl': use a two- or three-letter code such as en, ru, ja"),
        ("examples: [a]\n", 'rule.yaml:3: "examples" must be a mapping with match: and no_match: lists'),
        ("examples: {match: abc}\n", 'rule.yaml:3: "examples.match" must be a list of texts'),
        ("examples:\n  no_match:\n    - 5\n", 'rule.yaml:5: "examples.no_match" items must be texts or mappings of '),
        ("burst: [5]\n", 'rule.yaml:3: "burst" must be COUNT/DURATION text, e.g. "5/1h", not [5]'),
    ],
)
def test_each_refusal_is_the_whole_documented_message_at_its_line(tmp_path, keys, expected):
    found = problems(tmp_path, "name: x\nmatch: {any: [abc]}\n" + keys)
    if expected.endswith(" "):  # the rest lists the fields
        assert any(p.startswith(expected + "fields (") or p.startswith(expected) for p in found), found
    else:
        assert expected in found, found


def test_a_rule_without_name_or_match_says_so_at_its_line(tmp_path):
    found = problems(tmp_path, "- name: '  '\n  match: {any: [a]}\n- name: y\n  severity: urgent\n")
    assert 'rule.yaml:1: every rule needs a "name:" string' in found
    assert 'rule.yaml:3: rule has no "match:" section: add all/any/none groups' in found


def test_three_letter_and_two_letter_codes_are_both_languages(tmp_path):
    [rule] = load(tmp_path, "name: x\nmatch: {any: [abc]}\nlang: [fas, ps]\n")
    assert rule.scope.lang == ("fas", "ps")


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("name: x\nfields: [title, title]\nmatch: {any: [abc]}\n", 2),
        ("- name: x\n  match: {any: [abc]}\n- name: y\n  match: {any: [abc]}\n  fields: [title, title]\n", 5),
    ],
)
def test_the_schema_backstop_names_the_line_of_the_key_it_refuses(tmp_path, text, line):
    """The loader lets a repeated field through; the JSON Schema refuses it, at its own line."""
    assert problems(tmp_path, text) == [
        f"rule.yaml:{line}: fields: ['title', 'title'] has non-unique elements "
        "(see rules/schema.json and rules/README.md)"
    ]


def test_an_example_field_list_with_a_number_is_a_problem_at_its_line(tmp_path):
    found = problems(tmp_path, "name: x\nmatch: {any: [abc]}\nexamples:\n  match:\n    - {title: abc, tags: [a, 5]}\n")
    assert any(p.startswith("rule.yaml:5: ") for p in found), found


def test_an_aliases_file_among_the_paths_replaces_a_built_in_set(tmp_path):
    """rules/README.md: define ``negation:`` or ``hedge:`` in your own aliases file to replace either set."""

    def vetoes(group: Group, title: str) -> bool:
        entry = Entry("https://wire.example/feed", "Wire", "k", "https://wire.example/1", title, "", "")
        return bool(RuleSet([Rule("v", group)]).match(entry))

    built_in = alias_groups(("negation",))
    assert vetoes(built_in, "they did not agree") and not vetoes(built_in, "nope, said the minister")
    (tmp_path / "aliases.yaml").write_text("aliases:\n  negation: [nope, nah]\n", encoding="utf-8")
    own = alias_groups(("negation",), [tmp_path])
    assert vetoes(own, "nope, said the minister") and not vetoes(own, "they did not agree")
    both = alias_groups(("negation", "hedge"), [tmp_path])
    assert vetoes(both, "nope, said the minister") and vetoes(both, "the minister could agree")
    (tmp_path / "notes.yaml").write_text("name: a rule, not aliases\nmatch: {any: [x]}\n", encoding="utf-8")
    assert vetoes(alias_groups(("negation",), [tmp_path]), "nah")  # other files among the paths are not read as aliases
