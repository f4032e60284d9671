"""A near miss of an ``all:`` with ``clause: true`` says the parts were not in one clause
(rules/README.md, "Sentence, paragraph, order", and ``rules explain``'s "why not" line), as the
sentence and paragraph windows say theirs (tests/test_mutation_kills_explain.py). Written to kill
``evaluate._apart``'s survivors of ``python -m benchmarks.mutation rules`` (session mt7;
benchmarks/mutation_survivors.md). Rules are written in the documented YAML syntax and loaded.
"""

from __future__ import annotations

from pathlib import Path

from monitor.models import Entry
from monitor.rules import RuleSet, load_rules
from monitor.rules.explain import explain_lines


def why_not(folder: Path, window: str, title: str) -> str:
    (folder / "rule.yaml").write_text(f"name: Ferry\nmatch:\n  all: [ferry, strike]\n  {window}\n", encoding="utf-8")
    [rule] = load_rules([folder])
    entry = Entry("https://wire.example/feed", "Wire", "k", "https://wire.example/1", title, "", "")
    doc, trace = RuleSet([rule]).trace(rule.name, entry)
    lines = explain_lines(rule, doc, trace, True)
    assert lines[0].endswith("does not match"), lines
    return next(line for line in lines if line.startswith("why not:"))


def test_parts_in_two_clauses_are_a_near_miss_that_names_the_clause(tmp_path):
    title = "The ferry runs again, though the dockers' strike goes on"
    assert why_not(tmp_path, "clause: true", title) == "why not: all: [ferry, strike]: not in one clause"
    near = why_not(tmp_path, "clause: true\n  near: 8", title)
    assert near == "why not: all: [ferry, strike]: not within 8 words in one clause"
