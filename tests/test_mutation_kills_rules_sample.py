"""Tests written to kill mutants of ``monitor/rules`` that survived the sixth pass's seeded sample
(``python -m benchmarks.mutation rules --sample 200 --seed 10``; benchmarks/mutation_survivors.md).
Each docstring names the mutant it kills; each asserts what the rule language documents (the
``lead`` field, ``rules explain``'s brackets, ``rules suggest``'s change). Rules are real files.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from monitor.errors import ConfigError
from monitor.models import Entry
from monitor.rules import Rule, RuleSet, load_rules
from monitor.rules.explain import contexts, example_entry
from monitor.rules.load import alias_groups
from monitor.rules.model import Example
from monitor.rules.suggest import candidates, suggest
from monitor.rules.units import CLAUSE, breaks, lead_text
from monitor.text import match_text

RELEVANT = "Russia recognises the Taliban government"


def entry(title: str, summary: str = "", content: str = "") -> Entry:
    return Entry("https://wire.example/feed", "Wire", "k", "https://wire.example/1", title, summary, content)


def rule_in(folder: Path, text: str) -> Rule:
    (folder / "rule.yaml").write_text(text, encoding="utf-8")
    [rule] = load_rules([folder / "rule.yaml"])
    return rule


def test_a_summary_that_leaves_the_contents_opening_only_after_199_characters_is_that_opening():
    """Kills ``units._same_start`` 8 (at most 200 characters compared made 201): the lead keeps a
    feed's summary and the content's opening once when they agree on all the characters compared
    (the first 199: the last is left out, where a cut summary puts its ellipsis)."""
    opening = " ".join(f"w{n:03d}" for n in range(40))  # 40 words, 199 characters
    summary, content = opening + "a, officials said.", opening + "b, the ministry said."
    assert len(opening) == 199
    assert lead_text(entry("T", summary, content)) == "T\n" + summary


def test_a_phrase_and_its_first_word_at_one_place_are_bracketed_as_the_phrase(tmp_path):
    """Kills ``explain._bracketed`` 14 (hits sorted by start alone, so the shorter one first and the
    phrase then skipped as inside it): ``rules explain`` brackets the longest match at a place."""
    rule = rule_in(tmp_path, "name: r\nmatch: {any: [copper, 'copper mine']}\n")
    doc, trace = RuleSet([rule]).trace(rule.name, entry("The copper mine reopened"))
    assert contexts(doc, trace.hits) == [("title", "The [copper mine] reopened")]


NESTED = "name: r\nmatch:\n  all:\n    - Russia\n    - all: [Taliban, recogni*]\n"


def test_one_sentence_tried_on_a_nested_all_keeps_the_outer_alls_other_parts(tmp_path):
    """Kills ``suggest._swap`` 16 (every item of the outer ``all`` replaced by the tightened one):
    the candidate adds ``sentence: true`` to the nested group and keeps ``Russia`` required."""
    rule = rule_in(tmp_path, NESTED)
    [tighter] = [c for c in candidates(rule, alias_groups(("negation", "hedge"))) if "one sentence" in c.what]
    holds = RuleSet([tighter.rule])
    assert holds.match(entry(RELEVANT))
    assert not holds.match(entry("The Taliban government was recognised today"))  # no Russia


def test_a_comment_between_all_and_its_first_item_leaves_the_window_on_the_nested_item(tmp_path):
    """Kills ``suggest._item_line`` 41 (a comment line no longer skipped: the list then seems to
    start with no item, and the window goes under ``match:``, on the outer ``all``)."""
    text = NESTED.replace("  all:\n", "  all:\n    # who, and what they do\n")
    rule = rule_in(tmp_path, text)
    marked = [(entry(RELEVANT), True), (entry("The Taliban met. Russia will recognise the weather."), False)]
    found = suggest(rule, alias_groups(("negation", "hedge")), marked, text.splitlines(keepends=True), 0)
    assert found is not None and found.what == "require the parts in one sentence"
    changed = [line for line in found.diff.splitlines()[3:] if line[:1] in "+-"]
    assert changed == ["-    - all: [Taliban, recogni*]", "+    - sentence: true", "+      all: [Taliban, recogni*]"]


def test_an_unclosed_quote_is_reported_at_the_line_it_opens_not_at_the_end_of_the_file(tmp_path):
    """Kills ``yamlfile._problem`` 8 (the mark of where the quote opened dropped: PyYAML finds the
    quote unclosed at the end of the file, line 5 here). In process: test_check.py's CLI test sees
    no mutant, and its quote is on the file's first line."""
    (tmp_path / "rule.yaml").write_text('name: x\nmatch:\n  any: ["copper, zinc]\nseverity: info\n')
    with pytest.raises(ConfigError) as caught:
        load_rules([tmp_path / "rule.yaml"])
    assert [str(p) for p in caught.value.problems] == [
        f"{tmp_path / 'rule.yaml'}:3: invalid YAML: a quoted text starts on this line and is not closed: "
        "add the missing quote"
    ]


def test_a_golden_example_is_an_entry_of_the_fields_it_gives_and_nothing_else():
    """Kills ``explain.example_entry`` 58 (an example without content given the content "XXXX")
    and 60, 65 (its author None, "XXXX"): a field the example does not give is empty, so a rule reading it
    finds nothing there (rules/README.md, golden examples)."""
    made = example_entry(Example((("title", "Copper deal"),)))
    texts = ("summary", "content", "author", "feed", "link")
    assert made.title == "Copper deal" and [made.text(name) for name in texts] == [""] * 5
    assert made.tags == ()


def test_an_unless_near_without_its_any_list_is_reported_whole_at_its_line(tmp_path):
    """Kills ``groups.GroupReader.unless`` 10 (the sentence wrapped in "XX": test_rules_operators.py
    matches its start only). The whole problem, PATH:LINE and the form to write."""
    (tmp_path / "rule.yaml").write_text("name: x\nmatch:\n  all: [a]\n  unless_near: {within: 3}\n")
    with pytest.raises(ConfigError) as caught:
        load_rules([tmp_path / "rule.yaml"])
    assert [str(p) for p in caught.value.problems] == [
        f'{tmp_path / "rule.yaml"}:4: "unless_near" must be a mapping such as {{any: ["@negation"], within: 6}}'
    ]


def test_a_colon_ends_a_clause_in_running_text_and_in_a_leads_opening_not_in_a_headline():
    """Kills ``units.breaks`` 44 (``lead or line < 0`` for ``lead and line < 0``: a one-line
    summary, and any lead's opening, read as all headline). A colon ends a clause in running
    text ("reports of a collapse are false: the deal was signed"), not in a headline."""
    said = "reports of a collapse are false: the deal was signed"
    for raw, kind in (
        (said, {}),
        ("Deal signed\n" + said, {"lead": True}),
        ("Recognition: not yet", {"headline": True}),
    ):
        folded = match_text(raw)
        colon = folded.index(":") + 1
        assert (colon in breaks(raw, folded, **kind)[CLAUSE]) is ("headline" not in kind), raw


def test_two_rules_with_one_veto_group_and_different_exceptions_each_keep_their_own(tmp_path):
    """Kills ``evaluate._veto_hits`` 3 (the veto hits found once per document keyed without the
    ``except:`` group): the rule that spares "not only" matches, the one that does not is vetoed,
    in either order in the file."""
    spared = 'unless_near: {any: ["@negation"], except: ["not only"], sentence: true}'
    plain = 'unless_near: {any: ["@negation"], sentence: true}'
    said = entry("Russia did not only recognise the Taliban, it sent an envoy")
    for first, second in ((spared, plain), (plain, spared)):
        (tmp_path / "rule.yaml").write_text(
            "".join(
                f"- name: {name}\n  match:\n    all: [Taliban, recogni*]\n    {window}\n"
                for name, window in (("one", first), ("two", second))
            )
        )
        matched = [m.rule for m in RuleSet(load_rules([tmp_path / "rule.yaml"])).match(said)]
        assert matched == ["one" if first == spared else "two"]
