"""The rule language, construct by construct: each one shown matching and not matching."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from monitor.models import Entry
from monitor.rules import RuleSet, load_rules

ALIASES = """
aliases:
  taliban: [Taliban, Taleban, "Islamic Emirate", タリバン, Талибан*, طالبان]
  recognition: [recogni*, 承認, призна*]
"""


def ruleset(tmp_path: Path, text: str, aliases: str = ALIASES) -> RuleSet:
    (tmp_path / "rule.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "aliases.yaml").write_text(aliases, encoding="utf-8")
    return RuleSet(load_rules([tmp_path]))


def entry(title: str = "", summary: str = "", content: str = "", **extra: object) -> Entry:
    fields: dict = {"feed_url": "https://a.example/rss", "outlet": "Outlet A", "key": "k", "link": ""}
    fields.update(extra)
    return Entry(title=title, summary=summary, content=content, **fields)


def words(rules: RuleSet, item: Entry, now: datetime | None = None) -> tuple[str, ...] | None:
    """The matched words of the only rule, or None when it does not match."""
    found = rules.match(item, now)
    return found[0].terms if found else None


TALIBAN = """
name: Recognition
match:
  all:
    - any: ["@taliban"]
    - any: ["@recognition", "diplomatic relations"]
  none: ["facial recognition"]
"""


@pytest.mark.parametrize(
    "title",
    [
        "Russia recognises the Taliban",
        "RUSSIA RECOGNISES THE TALIBAN",
        "Russia recognises the Talibán",  # accent folded
        "Russia recognises the ＴＡＬＩＢＡＮ",  # full width folded
        "Moscow recognition for the Taleban",  # alias spelling
        "Islamic\n  Emirate gets recognition",  # a phrase across line breaks
        "ロシア、タリバン暫定政権を正式承認",  # Japanese: no spaces between words
        "Россия признала правительство Талибана",  # Russian, inflected
        "اعتراف روسيا recognition طالبان",  # Arabic word
    ],
)
def test_recognition_matches(tmp_path, title):
    assert words(ruleset(tmp_path, TALIBAN), entry(title)) is not None


@pytest.mark.parametrize(
    "title",
    [
        "Taliban fighters seen near Kandahar",  # one group only
        "Taliban and facial recognition cameras",  # excluded by none
        "Talibanisation recognised as a risk",  # Taliban is a whole word, not a prefix
        "タリバン兵士が移動",  # Japanese without recognition
        "Россия и талибы",  # a different Russian word
        "الطالبانية recognition",  # Arabic terms match as words, not inside longer words
    ],
)
def test_recognition_does_not_match(tmp_path, title):
    assert words(ruleset(tmp_path, TALIBAN), entry(title)) is None


def test_matched_words_are_shown_as_written(tmp_path):
    rules = ruleset(tmp_path, TALIBAN)
    assert words(rules, entry("Russia RECOGNISED the Talibán")) == ("RECOGNISED", "Talibán")
    assert words(rules, entry("ロシア、タリバン暫定政権を正式承認")) == ("タリバン", "承認")
    assert words(rules, entry("“ＴＡＬＩＢＡＮ”  gets\n recognition")) == ("ＴＡＬＩＢＡＮ", "recognition")
    assert words(rules, entry("Islamic\n  Emirate recognised")) == ("Islamic\n  Emirate", "recognised")


def test_wildcard_is_a_suffix_and_needs_a_word_start(tmp_path):
    rules = ruleset(tmp_path, "name: W\nmatch:\n  any: [recogni*]\n")
    assert words(rules, entry("Formal recognition follows")) == ("recognition",)
    assert words(rules, entry("unrecognised state")) is None


def test_nesting_all_any_none(tmp_path):
    rules = ruleset(
        tmp_path,
        "name: Nested\nmatch:\n  any:\n    - all: [copper, contract]\n    - all: [lithium, {none: [Chile]}]\n",
    )
    assert words(rules, entry("Copper contract signed")) == ("Copper", "contract")
    assert words(rules, entry("Lithium find in Nevada")) == ("Lithium",)
    assert words(rules, entry("Lithium find in Chile")) is None
    assert words(rules, entry("Copper prices rise")) is None


NEAR = """
name: Near
match:
  all: [Taliban, recogni*]
  near: 5
"""


def test_near_holds_within_n_words(tmp_path):
    rules = ruleset(tmp_path, NEAR)
    assert words(rules, entry("Russia recognised the Taliban government")) == ("recognised", "Taliban")


def test_near_fails_beyond_n_words_and_across_fields(tmp_path):
    rules = ruleset(tmp_path, NEAR)
    far = "The Taliban said on Monday that talks with several neighbours about trade had led to recognition"
    assert words(rules, entry(far)) is None
    assert words(rules, entry("Taliban", summary="recognition")) is None


def test_near_true_means_a_sentence(tmp_path):
    rules = ruleset(tmp_path, "name: N\nmatch:\n  all: [Taliban, recogni*]\n  near: true\n")
    assert words(rules, entry("Taliban " + "word " * 15 + "recognition")) is not None
    assert words(rules, entry("Taliban " + "word " * 25 + "recognition")) is None


def test_fuzzy_accepts_misspellings_only_when_asked(tmp_path):
    exact = ruleset(tmp_path, "name: F\nmatch:\n  any: [Taliban]\n")
    assert words(exact, entry("Talibaan leaders met")) is None
    fuzzy = ruleset(tmp_path, "name: F\nmatch:\n  any: [Taliban]\nfuzzy: 85\n")
    assert words(fuzzy, entry("Talibaan leaders met")) == ("Talibaan",)
    assert words(fuzzy, entry("Tabloid leaders met")) is None


def test_fuzzy_per_term_and_phrase(tmp_path):
    rules = ruleset(tmp_path, 'name: F\nmatch:\n  any: [{term: "Islamic Emirate", fuzzy: 85}]\n')
    assert words(rules, entry("the Islamik Emirat said")) == ("Islamik Emirat",)
    assert words(rules, entry("the Islamic Republic said")) is None


def test_fields_restrict_where_terms_count(tmp_path):
    rules = ruleset(
        tmp_path,
        "name: Title\nmatch:\n  all:\n    - any: [Taliban]\n      fields: [title]\n    - any: [recogni*]\n",
    )
    assert words(rules, entry("Taliban news", summary="about recognition")) == ("Taliban", "recognition")
    assert words(rules, entry("World news", summary="Taliban recognition")) is None


def test_rule_fields_reach_author_tags_feed_and_link(tmp_path):
    rules = ruleset(tmp_path, "name: Tagged\nfields: [tags, link]\nmatch:\n  any: [afghanistan]\n")
    assert words(rules, entry("x", tags=("Afghanistan", "Asia"))) == ("Afghanistan",)
    assert words(rules, entry("x", link="https://o.example/afghanistan/story")) == ("afghanistan",)
    assert words(rules, entry("Afghanistan")) is None  # title is not among the rule's fields


def test_feed_scopes(tmp_path):
    rules = ruleset(tmp_path, "name: S\nfeeds: {include: [Outlet A, Outlet B]}\nmatch:\n  any: [Taliban]\n")
    assert words(rules, entry("Taliban", outlet="outlet a")) is not None
    assert words(rules, entry("Taliban", outlet="Outlet C")) is None
    rules = ruleset(tmp_path, "name: S\nfeeds: {exclude: [Outlet C]}\nmatch:\n  any: [Taliban]\n")
    assert words(rules, entry("Taliban", outlet="Outlet C")) is None
    assert words(rules, entry("Taliban", outlet="Outlet A")) is not None


def test_lang_scope_keeps_entries_without_a_language(tmp_path):
    rules = ruleset(tmp_path, "name: L\nlang: [en, ru]\nmatch:\n  any: [Taliban]\n")
    assert words(rules, entry("Taliban", lang="en")) is not None
    assert words(rules, entry("Taliban", lang="de")) is None
    assert words(rules, entry("Taliban", lang="")) is not None


def test_max_age_scope_uses_the_given_clock(tmp_path):
    rules = ruleset(tmp_path, "name: A\nmax_age: 2d\nmatch:\n  any: [Taliban]\n")
    now = datetime(2025, 7, 10, tzinfo=UTC)
    assert words(rules, entry("Taliban", published=now - timedelta(days=1)), now) is not None
    assert words(rules, entry("Taliban", published=now - timedelta(days=3)), now) is None
    assert words(rules, entry("Taliban"), now) is not None  # no date: counts as new


def test_regex_through_re2_sees_folded_text(tmp_path):
    rules = ruleset(tmp_path, 'name: R\nmatch:\n  any: [{regex: "\\\\b(19|20)\\\\d\\\\d agreement\\\\b"}]\n')
    assert words(rules, entry("The 2021 Agreement holds")) == ("2021 Agreement",)
    assert words(rules, entry("An agreement in 1850")) is None


def test_a_rule_of_only_none_matches_what_it_does_not_exclude(tmp_path):
    rules = ruleset(tmp_path, "name: Not sport\nmatch:\n  none: [cricket, football]\n")
    assert words(rules, entry("Markets rise")) == ()
    assert words(rules, entry("Cricket: Pakistan win")) is None


def test_rules_are_matched_together_and_reported_in_order(tmp_path):
    (tmp_path / "b.yaml").write_text("- name: One\n  match: {any: [copper]}\n- name: Two\n  match: {any: [lithium]}\n")
    rules = RuleSet(load_rules([tmp_path]))
    assert [m.rule for m in rules.match(entry("Copper and lithium"))] == ["One", "Two"]
    assert rules.match(entry("Nothing")) == []


def test_example_rules_hold_their_golden_examples():
    root = Path(__file__).parent.parent / "rules"
    rules = load_rules([root], ["oncall"])  # raises on any failing example
    names = {r.name for r in rules}
    assert {"New recognition of Taliban", "Afghan mining contract"} <= names
    assert all(r.examples_match and r.examples_no_match for r in rules)
