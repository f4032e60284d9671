"""Tests written to kill mutants of the rule language's core (aliases, compile, document, evaluate,
groups, load, match, reader, schema, units) that survived `python -m benchmarks.mutation rules`
(benchmarks/mutation_survivors.md). Each asserts what rules/README.md documents: what a rule
matches, and where a problem is reported (PATH:LINE). Rule files are real files on disk.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from monitor.errors import ConfigError
from monitor.models import Entry
from monitor.rules import RuleSet, load_rules


def ruleset(folder: Path, text: str) -> RuleSet:
    (folder / "rule.yaml").write_text(text, encoding="utf-8")
    return RuleSet(load_rules([folder]))


def entry(summary: str, title: str = "") -> Entry:
    return Entry("https://a.example/rss", "Outlet A", "k", "", title, summary, "")


def terms(rules: RuleSet, summary: str, title: str = "") -> tuple[str, ...] | None:
    found = rules.match(entry(summary, title))
    return found[0].terms if found else None


def problems(folder: Path, aliases: str, rule: str = 'name: x\nmatch: {any: ["@ports"]}\n') -> list[str]:
    (folder / "aliases.yaml").write_text(aliases, encoding="utf-8")
    (folder / "rule.yaml").write_text(rule, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_rules([folder])
    return [str(p) for p in caught.value.problems]


# --- fuzzy: "words at least N % similar (rapidfuzz ratio)" --------------------------------------


def test_fuzzy_similarity_is_the_plain_ratio_of_the_whole_word(tmp_path):
    """ "zebrafish" holds "zebra" whole (a partial score of 90) but is 71 % similar as a word."""
    rules = ruleset(tmp_path, "name: F\nmatch:\n  any: [zebra]\nfuzzy: 80\n")
    assert terms(rules, "A zebrafish swam by") is None
    assert terms(rules, "A herd of zebras") == ("zebras",)


def test_every_fuzzy_mention_counts_towards_min_mentions(tmp_path):
    rules = ruleset(tmp_path, "name: F\nmatch:\n  any: [{term: zebra, fuzzy: 80, min_mentions: 6}]\n")
    six = "zebra one zebras two zebra three zebras four zebra five zebras six"
    assert terms(rules, six) == ("zebra", "zebras")
    assert terms(rules, six.rsplit(" zebras", 1)[0]) is None  # five mentions


# --- schema problems: PATH:LINE of the deepest value that knows its line ----------------------


@pytest.mark.parametrize(
    ("item", "shown"),
    [("1", "aliases/ports/1: 1 "), ("5", "aliases/ports/1: 5 "), ("[a, b]", "aliases/ports/1: ['a', 'b'] ")],
)
def test_a_wrong_alias_item_is_reported_at_its_own_line(tmp_path, item, shown):
    found = problems(tmp_path, f"aliases:\n  ports:\n    - Rotterdam\n    - {item}\n    - Antwerp\n")
    where = f"{tmp_path / 'aliases.yaml'}:4: "
    assert any(p.startswith(where + shown) and "schema.json" in p for p in found), found
    assert all(p.startswith(where) for p in found if "aliases.yaml" in p), found


# --- the lead: "the content's first paragraph when it does not repeat the summary" ----------


def test_a_content_opening_that_the_summary_runs_on_from_is_not_repeated_in_the_lead(tmp_path):
    """The feed's content opens with the summary cut short: the lead holds the opening once, so a
    word of it is one mention there, not two."""
    rules = ruleset(tmp_path, "name: L\nfields: [lead]\nmatch:\n  any: [{term: lithium, min_mentions: 2}]\n")
    summary = "Lithium mine opens in the north, workers say."
    repeated = Entry(
        "https://a.example/rss", "Outlet A", "k", "", "Mine news", summary, "Lithium mine opens in the north."
    )
    assert rules.match(repeated) == []
    other = Entry("https://a.example/rss", "Outlet A", "k", "", "Mine news", summary, "Lithium prices fell.")
    assert [m.rule for m in rules.match(other)] == ["L"]  # two openings: two mentions


def test_near_outside_an_all_list_is_a_problem_at_its_line_saying_where_it_goes(tmp_path):
    (tmp_path / "rule.yaml").write_text("name: x\nmatch:\n  any: [zebra, okapi]\n  near: 3\n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_rules([tmp_path])
    assert f'{tmp_path / "rule.yaml"}:4: "near" applies to the groups of an "all:" list' in str(caught.value)


@pytest.mark.parametrize(
    ("within", "vetoed"),
    [(1, {"承認否定", "否定承認"}), (2, {"承認否定", "否定承認", "承認を否定", "否定の承認"})],
)
def test_unless_near_counts_words_from_the_hit_s_last_character_in_japanese(tmp_path, within, vetoed):
    """Each Han or kana character is a word: with ``within: 1`` only a veto next to the hit (on
    either side) removes it; one character between them needs ``within: 2``."""
    rules = ruleset(tmp_path, f"name: N\nmatch:\n  any: [承認]\n  unless_near: {{any: [否定], within: {within}}}\n")
    texts = ["承認否定", "否定承認", "承認を否定", "否定の承認", "承認をされた否定"]
    assert {t for t in texts if not rules.match(entry("", t))} == vetoed


# --- unless_near's except: "phrases inside which a veto term vetoes nothing" ------------------


def test_a_veto_inside_an_except_phrase_is_spared_wherever_it_stands_in_it_and_no_other_is(tmp_path):
    first = ruleset(tmp_path, 'name: S\nmatch:\n  any: [signed]\n  unless_near: {any: [not], except: ["not only"]}\n')
    assert terms(first, "It was not only signed but ratified.") == ("signed",)
    assert terms(first, "The treaty was not signed, and not only that.") is None  # this "not" is outside it
    assert terms(first, "It was not signed.") is None
    last = ruleset(
        tmp_path, 'name: S\nmatch:\n  any: [signed]\n  unless_near: {any: [not], except: ["whether or not"]}\n'
    )
    assert terms(last, "The treaty was signed, whether or not it holds.") == ("signed",)


def test_an_except_list_of_two_phrases_spares_a_veto_inside_either(tmp_path):
    rules = ruleset(
        tmp_path, 'name: S\nmatch:\n  any: [signed]\n  unless_near: {any: [not], except: ["not only", "than ever"]}\n'
    )
    assert terms(rules, "It was not only signed but ratified.") == ("signed",)


# --- near: "a number of words (at least 1) or true" ---------------------------------------------


def test_near_one_means_next_to_each_other_and_less_or_not_a_number_is_a_problem(tmp_path):
    rules = ruleset(tmp_path, "name: N\nmatch:\n  all: [treaty, signed]\n  near: 1\n")
    assert terms(rules, "treaty signed") == ("treaty", "signed")
    assert terms(rules, "signed treaty") == ("signed", "treaty")
    assert terms(rules, "treaty was signed") is None
    for bad in ("0", "close", "-2"):
        (tmp_path / "rule.yaml").write_text(f"name: N\nmatch:\n  all: [treaty, signed]\n  near: {bad}\n")
        with pytest.raises(ConfigError) as caught:
            load_rules([tmp_path])
        assert f'{tmp_path / "rule.yaml"}:4: "near" must be a number of words (at least 1)' in str(caught.value)


@pytest.mark.parametrize(
    ("fields", "says"),
    [
        ("[]", '"fields" must be a list of fields: title, summary'),
        ("5", '"fields" must be a list of fields: title, summary'),
        ("[titel]", "unknown field 'titel' (did you mean 'title'?)"),
        ("[bogus]", "unknown field 'bogus' (fields: title, summary"),
    ],
)
def test_a_wrong_fields_list_is_a_problem_at_its_line_naming_the_fields(tmp_path, fields, says):
    (tmp_path / "rule.yaml").write_text(f"name: x\nfields: {fields}\nmatch:\n  any: [zebra]\n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_rules([tmp_path])
    assert f"{tmp_path / 'rule.yaml'}:2: {says}" in str(caught.value), str(caught.value)
