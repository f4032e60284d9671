"""``rules suggest`` (``rules/suggest.py``) for each change it may propose, as rules/README.md
lists them, smallest first: a negation/hedge window, ``sentence: true``, half the ``near``,
``fields: [lead]`` / ``[title]``; each printed as a diff that, applied to the rule file, drops
every irrelevant entry and keeps every relevant one. Written to kill mutants that survived
``python -m benchmarks.mutation rules``: tests/test_rules_feedback.py shows the first kind
on a one-rule file; these show every kind, in a file of two rules, and apply each diff.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from monitor.models import Entry
from monitor.rules import load_rules
from monitor.rules.feedback import score_feedback
from monitor.rules.load import alias_groups
from monitor.rules.suggest import Suggestion, suggest

RELEVANT = "Russia recognises the Taliban government"


def known_bug(reason: str) -> pytest.MarkDecorator:
    """A bug these tests found in monitor/ (not fixed here); a fix shows as XPASS: then drop the mark."""
    return pytest.mark.xfail(reason="bug: " + reason, strict=False)


def suggested(folder: Path, text: str, marked: list[tuple[Entry, bool]]) -> Suggestion | None:
    """``suggest`` for the one rule of ``text``, as the CLI asks it."""
    path = folder / "rule.yaml"
    path.write_text(text, encoding="utf-8")
    [rule] = load_rules([path])
    return suggest(rule, alias_groups(("negation", "hedge")), marked, text.splitlines(keepends=True), 0)


def entry(title: str, summary: str = "", content: str = "") -> Entry:
    return Entry("https://wire.example/feed", "Wire", title, "", title, summary, content)


def applied(lines: list[str], diff: str) -> str:
    """The file after ``diff`` (one hunk, as difflib gives it for a short file)."""
    body = diff.splitlines(keepends=True)
    start, length = (int(n) for n in body[2].split()[1][1:].split(","))
    hunk = "".join(line[1:] for line in body[3:] if not line.startswith("-"))
    return "".join(lines[: start - 1]) + hunk + "".join(lines[start - 1 + length :])


def proposal(folder: Path, text: str, marked: list[tuple[Entry, bool]], name: str = "r"):
    path = folder / "rule.yaml"
    path.write_text(text, encoding="utf-8")
    rule = next(r for r in load_rules([path]) if r.name == name)
    lines = text.splitlines(keepends=True)
    first = next(i for i, line in enumerate(lines) if line.lstrip(" -").strip() == f"name: {name}")
    found = suggest(rule, alias_groups(("negation", "hedge")), marked, lines, first)
    assert found is not None
    after = folder / "after" / "rule.yaml"
    after.parent.mkdir(exist_ok=True)
    after.write_text(applied(lines, found.diff), encoding="utf-8")
    changed = next(r for r in load_rules([after]) if r.name == name)
    score = score_feedback(changed, [(n, e, relevant) for n, (e, relevant) in enumerate(marked)])
    assert score.wrong == () and score.lost == ()  # the diff does what was promised
    return found, [line for line in found.diff.splitlines()[3:] if line[:1] in "+-"]


@pytest.mark.parametrize(
    ("text", "irrelevant", "what", "changed"),
    [
        (
            "name: r\nmatch:\n  all: [Taliban, recogni*]\n",
            entry("Kazakhstan has no intention of recognising the Taliban"),
            "exclude matches with a negation or hedge in the same sentence",
            ['+  unless_near: {any: ["@negation", "@hedge"], sentence: true}'],
        ),
        (
            "name: r\nmatch:\n  all: [Taliban, recogni*]\n",
            entry("The Taliban met. Others recognise the weather."),
            "require the parts in one sentence",
            ["+  sentence: true"],
        ),
        (
            "name: r\nmatch:\n  all: [Taliban, recogni*]\n  near: 20\n",
            entry(
                "The Taliban said many things today about roads water schools and also trade "
                "before others recognised it"
            ),
            "tighten near to 10",
            ["-  near: 20", "+  near: 10"],
        ),
        (
            "name: r\nmatch:\n  all: [Taliban, recogni*]\n",
            entry("Weather report", "Rain today.", "Rain today.\n\nThe Taliban were recognised by Qatar, it said."),
            "look only in the lead",
            ["+fields: [lead]"],
        ),
    ],
)
def test_each_change_is_proposed_when_it_is_the_smallest_that_works(tmp_path, text, irrelevant, what, changed):
    found, lines = proposal(tmp_path, text, [(entry(RELEVANT), True), (irrelevant, False)])
    assert (found.what, found.removed, found.lost) == (what, 1, 0)
    assert lines == changed


def test_in_a_file_of_rules_the_change_is_made_to_the_rule_asked_about(tmp_path):
    text = (
        "- name: other\n"
        "  match: {any: [zinc]}\n"
        "- name: r\n"
        "  fields: [title, summary, content]\n"
        "  match:\n"
        "    all: [Taliban, recogni*]\n"
    )
    marked = [
        (entry(RELEVANT), True),
        (entry("Weather report", "Rain all day.", "Rain.\n\nThe Taliban were recognised by Qatar, it said."), False),
        (entry("Lead", "The Taliban recognition story"), False),
    ]
    found, lines = proposal(tmp_path, text, marked)
    assert (found.what, found.removed, found.lost) == ("look only in the title", 2, 0)
    assert lines == ["-  fields: [title, summary, content]", "+  fields: [title]"]


def test_when_no_change_drops_every_irrelevant_entry_the_one_that_drops_most_is_proposed(tmp_path):
    text = "name: r\nmatch:\n  all: [Taliban, recogni*]\n"
    marked = [
        (entry(RELEVANT), True),
        (entry("The Taliban met. Others recognise the weather."), False),  # another sentence
        (entry("The Taliban met. Others recognise the weather.", "x"), False),
        (entry("The Taliban were recognised by Qatar"), False),  # nothing but the whole rule drops this one
    ]
    found = suggested(tmp_path, text, marked)
    assert found is not None and (found.what, found.removed, found.lost) == ("require the parts in one sentence", 2, 0)


def test_tightening_near_changes_only_the_rule_asked_about(tmp_path):
    text = (
        "- name: other\n  match:\n    all: [zinc, smelter]\n    near: 20\n"
        "- name: r\n  match:\n    all: [Taliban, recogni*]\n    near: 20\n"
    )
    far = "The Taliban said many things today about roads water schools and also trade before others recognised it"
    path = tmp_path / "rule.yaml"
    path.write_text(text, encoding="utf-8")
    rule = next(r for r in load_rules([path]) if r.name == "r")
    marked = [(entry(RELEVANT), True), (entry(far), False)]
    found = suggest(rule, alias_groups(("negation", "hedge")), marked, text.splitlines(keepends=True), 4)
    assert found is not None and found.what == "tighten near to 10"
    assert [line for line in found.diff.splitlines()[3:] if line[:1] in "+-"] == ["-    near: 20", "+    near: 10"]


def test_one_sentence_is_asked_of_the_rule_asked_about_and_of_its_inner_all(tmp_path):
    """The window goes on the nested ``all`` it was tried on (on the outer one it would keep the
    irrelevant entry: Russia and "recognise" share the second sentence)."""
    text = (
        "- name: other\n  match:\n    all: [zinc, smelter]\n"
        "- name: r\n  match:\n    all:\n      - all: [Taliban, recogni*]\n      - Russia\n"
    )
    marked = [(entry(RELEVANT), True), (entry("The Taliban met. Russia will recognise the weather."), False)]
    found, lines = proposal(tmp_path, text, marked)
    assert (found.what, found.removed, found.lost) == ("require the parts in one sentence", 1, 0)
    inner = "all: [Taliban, recogni*]"
    assert lines == [f"-      - {inner}", "+      - sentence: true", f"+        {inner}"]


@pytest.mark.parametrize(
    "inner",
    [
        "      - all:\n          - Taliban\n          - recogni*\n",
        "      - all:\n        - Taliban\n        - recogni*\n",
    ],
)
def test_a_nested_all_written_as_a_block_list_gets_its_window_and_stays_valid(tmp_path, inner):
    text = "- name: r\n  match:\n    all:\n" + inner + "      - Russia\n  severity: info\n"
    marked = [(entry(RELEVANT), True), (entry("The Taliban met. Russia will recognise the weather."), False)]
    found, lines = proposal(tmp_path, text, marked)
    assert found.what == "require the parts in one sentence"
    assert lines == ["-      - all:", "+      - sentence: true", "+        all:"]


def test_the_second_nested_all_is_found_by_its_place_in_the_list(tmp_path):
    text = "name: r\nmatch:\n  all:\n    - Russia\n    - all: [Taliban, recogni*]\n"
    marked = [(entry(RELEVANT), True), (entry("The Taliban met. Russia will recognise the weather."), False)]
    _, lines = proposal(tmp_path, text, marked)
    assert lines == ["-    - all: [Taliban, recogni*]", "+    - sentence: true", "+      all: [Taliban, recogni*]"]


def test_in_a_file_of_rules_one_sentence_goes_under_the_match_of_the_rule_asked_about(tmp_path):
    text = "- name: other\n  match:\n    all: [zinc, smelter]\n- name: r\n  match:\n    all: [Taliban, recogni*]\n"
    marked = [(entry(RELEVANT), True), (entry("The Taliban met. Others recognise the weather."), False)]
    found, changed = proposal(tmp_path, text, marked)
    assert changed == ["+    sentence: true"]
    assert (found.what, found.removed, found.lost) == ("require the parts in one sentence", 1, 0)
    assert found.diff.splitlines()[2:7] == [
        "@@ -3,4 +3,5 @@",
        "     all: [zinc, smelter]",
        " - name: r",
        "   match:",
        "+    sentence: true",
    ]


@pytest.mark.parametrize(
    ("inner", "irrelevant", "what"),
    [
        ("    - all: [Taliban, recogni*]\n", "The Taliban met. Russia will recognise the weather.", "sentence"),
        (
            "    - all: [Taliban, recogni*]\n      near: 20\n      sentence: true\n",
            "Russia: the Taliban said many things today about roads water schools and also trade before others "
            "recognised it",
            "near",
        ),
    ],
)
def test_a_nested_all_is_the_group_a_window_is_tried_on(tmp_path, inner, irrelevant, what):
    """The candidates are tried on the rule's values: the inner ``all`` gets the window (and the
    diff writes it there: the tests above)."""
    text = "name: r\nmatch:\n  all:\n" + inner + "    - Russia\n"
    path = tmp_path / "rule.yaml"
    path.write_text(text, encoding="utf-8")
    [rule] = load_rules([path])
    marked = [(entry(RELEVANT), True), (entry(irrelevant), False)]
    found = suggest(rule, alias_groups(("negation", "hedge")), marked, text.splitlines(keepends=True), 0)
    expected = "require the parts in one sentence" if what == "sentence" else "tighten near to 10"
    assert found is not None and (found.what, found.removed, found.lost) == (expected, 1, 0)
    assert found.diff.startswith("--- before\n+++ after\n")


def test_in_a_list_the_field_goes_at_the_rules_own_indentation(tmp_path):
    text = "- name: r\n  match:\n    all: [Taliban, recogni*]\n"
    irrelevant = entry("Weather report", "Rain today.", "Rain today.\n\nThe Taliban were recognised by Qatar, it said.")
    found, changed = proposal(tmp_path, text, [(entry(RELEVANT), True), (irrelevant, False)])
    assert found.what == "look only in the lead" and changed == ["+  fields: [lead]"]


def test_a_field_for_the_first_rule_of_a_file_is_not_taken_from_the_next_rule(tmp_path):
    text = (
        "- name: r\n  match:\n    all: [Taliban, recogni*]\n"
        "- name: other\n  fields: [title, summary]\n  match:\n    all: [zinc, smelter]\n"
    )
    irrelevant = entry("Weather report", "Rain today.", "Rain today.\n\nThe Taliban were recognised by Qatar, it said.")
    found, changed = proposal(tmp_path, text, [(entry(RELEVANT), True), (irrelevant, False)])
    assert found.what == "look only in the lead" and changed == ["+  fields: [lead]"]
    assert found.diff.splitlines()[2] == "@@ -1,4 +1,5 @@"


def test_between_changes_that_drop_as_many_the_smallest_is_proposed(tmp_path):
    text = "name: r\nmatch:\n  all: [Taliban, recogni*]\n"
    marked = [
        (entry(RELEVANT), True),
        (entry("The Taliban met. Others recognise the weather."), False),  # one sentence drops it
        (
            entry("Weather report", "Rain today.", "Rain today.\n\nThe Taliban were recognised by Qatar, it said."),
            False,
        ),
    ]
    found = suggested(tmp_path, text, marked)
    assert found is not None and (found.what, found.removed, found.lost) == ("require the parts in one sentence", 1, 0)


@pytest.mark.parametrize(
    ("near", "irrelevant", "what"),
    [(3, "Taliban a b recognised", "tighten near to 1"), (2, "Taliban a recognised", None)],
)
def test_near_is_halved_only_above_two(tmp_path, near, irrelevant, what):
    path = tmp_path / "rule.yaml"
    text = f"name: r\nmatch:\n  all: [Taliban, recogni*]\n  near: {near}\n"
    path.write_text(text, encoding="utf-8")
    [rule] = load_rules([path])
    marked = [(entry("Taliban recognised"), True), (entry(irrelevant), False)]
    found = suggest(rule, alias_groups(("negation", "hedge")), marked, text.splitlines(keepends=True), 0)
    assert (found.what if found else None) == what
