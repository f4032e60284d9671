"""``rules suggest`` made to generalise (round 15): it weighs what a change removes against what it
costs, counts only the marked entries the rule still matches, offers structural changes that reach
beyond the alerts it was shown (a window in the clause, one clause, a named set mentioned twice),
and never writes a key the rule already has. Each change is applied to the file and loaded, as an analyst
accepting the diff would (``benchmarks/rules_feedback.py`` measures it on text it never saw)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from benchmarks.rules_feedback import apply_diff
from monitor.models import Entry
from monitor.rules import load_rules
from monitor.rules.feedback import score_feedback
from monitor.rules.load import alias_groups
from monitor.rules.suggest import COST, SHARED, Suggestion, candidates, gain, suggest, worth

RELEVANT = "Russia recognises the Taliban government"


def entry(title: str, summary: str = "") -> Entry:
    return Entry("https://wire.example/feed", "Wire", title, "", title, summary, "")


@cache
def vetoes():
    """The built-in @negation and @hedge, read once for the module (reading them takes a second)."""
    return alias_groups(("negation", "hedge"))


def proposed(folder: Path, text: str, marked: list[tuple[Entry, bool]]) -> tuple[Suggestion | None, str]:
    """``suggest`` for the one rule of ``text``, as the CLI asks it, and the file after its diff."""
    path = folder / "rule.yaml"
    path.write_text(text, encoding="utf-8")
    [rule] = load_rules([path])
    lines = text.splitlines(keepends=True)
    found = suggest(rule, vetoes(), marked, lines, 0)
    return found, "".join(apply_diff(lines, found.diff)) if found else text


def loaded(folder: Path, text: str):
    path = folder / "after.yaml"
    path.write_text(text, encoding="utf-8")
    [rule] = load_rules([path])
    return rule


@pytest.mark.parametrize(
    ("removed", "lost", "proposed_"),
    [(1, 0, True), (0, 0, False), (1, 1, False), (SHARED, 1, SHARED > COST), (COST + 1, 1, True), (5, 3, False)],
)
def test_a_change_that_costs_a_relevant_alert_must_remove_several_and_more_than_it_costs(removed, lost, proposed_):
    assert worth(removed, lost) is proposed_
    assert gain(removed, lost) == removed - COST * lost


def test_a_change_removing_several_irrelevant_alerts_is_proposed_at_the_cost_of_one_relevant(tmp_path):
    text = "name: r\nmatch:\n  all: [Taliban, recogni*]\n"
    far = [entry(f"The Taliban met in {town}. Others recognise the weather.") for town in ("Kabul", "Herat", "Kunduz")]
    kept_apart = entry("The Taliban won. Russia recognises them.")  # relevant, yet its parts are in two sentences
    marked = [(entry(RELEVANT), True), (kept_apart, True), *((e, False) for e in far)]
    found, after = proposed(tmp_path, text, marked)
    assert found is not None and (found.removed, found.lost) == (3, 1)
    assert found.what == "require the parts in one sentence"
    rule = loaded(tmp_path, after)
    score = score_feedback(rule, [(n, e, relevant) for n, (e, relevant) in enumerate(marked)])
    assert (score.wrong, score.lost) == ((), (1,))  # the diff does what it said


def test_one_irrelevant_alert_is_not_worth_a_relevant_one(tmp_path):
    text = "name: r\nmatch:\n  all: [Taliban, recogni*]\n"
    marked = [
        (entry(RELEVANT), True),
        (entry("The Taliban won. Russia recognises them."), True),
        (entry("The Taliban met. Others recognise the weather."), False),
    ]
    assert proposed(tmp_path, text, marked)[0] is None


def test_only_the_marked_entries_the_rule_still_matches_count(tmp_path):
    """An entry the rule already drops is neither removed again nor lost again: once a change is
    accepted, the loop ends instead of proposing changes that remove nothing new."""
    text = "name: r\nmatch:\n  all: [Taliban, recogni*]\n  sentence: true\n"
    marked = [(entry(RELEVANT), True), (entry("The Taliban met. Others recognise the weather."), False)]
    assert proposed(tmp_path, text, marked)[0] is None


def test_a_negation_in_another_clause_vetoes_nothing_with_the_clause_window(tmp_path):
    """The sentence window would lose "Moscow recognised the Taliban, though Ankara has not"; the
    clause window keeps it and still drops the refusals."""
    text = "name: r\nmatch:\n  all: [Taliban, recogni*]\n"
    marked = [
        (entry("Moscow recognised the Taliban, though Ankara has not"), True),
        (entry("Kazakhstan has no intention of recognising the Taliban"), False),
        (entry("Uzbekistan will not recognise the Taliban"), False),
    ]
    found, after = proposed(tmp_path, text, marked)
    assert found is not None and found.what == "exclude matches with a negation or hedge in the same clause"
    assert (found.removed, found.lost) == (2, 0)
    assert 'unless_near: {any: ["@negation", "@hedge"], clause: true}' in after
    assert loaded(tmp_path, after).match.unless.clause


def test_one_sentence_becomes_one_clause(tmp_path):
    text = "name: r\nmatch:\n  all: [Taliban, recogni*]\n  sentence: true\n"
    marked = [
        (entry(RELEVANT), True),
        (entry("The Taliban met, though others recognise the weather."), False),
    ]
    found, after = proposed(tmp_path, text, marked)
    assert found is not None and found.what == "require the parts in one clause"
    assert after == "name: r\nmatch:\n  all: [Taliban, recogni*]\n  clause: true\n"
    assert loaded(tmp_path, after).match.clause


def test_a_window_the_rule_already_has_is_not_written_twice(tmp_path):
    """A second ``unless_near:`` under ``match:`` is a duplicate key: ``check`` would refuse the rule."""
    text = 'name: r\nmatch:\n  all: [Taliban, recogni*]\n  unless_near: {any: ["@negation"], within: 2}\n'
    marked = [(entry(RELEVANT), True), (entry("Kazakhstan has no intention of ever recognising the Taliban"), False)]
    found, after = proposed(tmp_path, text, marked)
    assert found is None or "unless_near" not in found.diff
    loaded(tmp_path, after)


def proposed_in(folder: Path, text: str, marked: list[tuple[Entry, bool]]) -> tuple[Suggestion | None, str]:
    """As ``proposed``, for a rule beside an aliases file (``@taliban``)."""
    (folder / "aliases.yaml").write_text("aliases:\n  taliban: [Taliban, Kabul government]\n", encoding="utf-8")
    path = folder / "rule.yaml"
    path.write_text(text, encoding="utf-8")
    [rule] = load_rules([folder])
    lines = text.splitlines(keepends=True)
    found = suggest(rule, vetoes(), marked, lines, 0)
    if found is not None:
        path.write_text("".join(apply_diff(lines, found.diff)), encoding="utf-8")
    return found, path.read_text(encoding="utf-8")


def test_a_named_set_named_once_is_a_passing_mention(tmp_path):
    text = 'name: r\nmatch:\n  all:\n    - "@taliban"  # the subject\n    - recogni*\n'
    marked = [
        (entry("Russia recognises the Taliban government. The Taliban welcomed it."), True),
        (entry("Qatar recognises diplomas and recognised degrees from Kabul under the Taliban"), False),
        (entry("Oman recognises diplomas and recognised degrees from Herat under the Taliban"), False),
    ]
    found, after = proposed_in(tmp_path, text, marked)
    assert found is not None and found.what.startswith("require @taliban mentioned twice")
    assert (found.removed, found.lost) == (2, 0)
    assert after == 'name: r\nmatch:\n  all:\n    - {any: ["@taliban"], min_mentions: 2}\n    - recogni*\n'
    [rule] = load_rules([tmp_path])  # the file as accepted loads and keeps its promise
    score = score_feedback(rule, [(n, e, relevant) for n, (e, relevant) in enumerate(marked)])
    assert (score.wrong, score.lost) == ((), ())


def test_one_sentence_is_never_written_where_check_refuses_it(tmp_path):
    """A match of ``any:`` and ``none:`` is an implicit all: ``sentence: true`` under it is refused."""
    text = "name: r\nmatch:\n  any: [Taliban]\n  none: [weather]\n"
    marked = [(entry(RELEVANT), True), (entry("The Taliban met. Others recognise the rain."), False)]
    (tmp_path / "rule.yaml").write_text(text, encoding="utf-8")
    [rule] = load_rules([tmp_path / "rule.yaml"])
    lines = text.splitlines(keepends=True)
    units = [c for c in candidates(rule, vetoes()) if c.what.startswith("require the parts in one")]
    assert len(units) == 2 and all(c.edit(lines, 0) == lines for c in units)
    found, after = proposed(tmp_path, text, marked)
    assert found is None or "sentence" not in found.diff
    loaded(tmp_path, after)
