"""Spelling freedom (``rules/spelling.py``) through whole rules, as rules/README.md states it:
``*`` may end every word of a phrase (and only ends it: the word still starts at a word
boundary, and a word without ``*`` is whole); joints may be a space, a hyphen or nothing;
in regexes ``\\w``, ``\\W``, ``\\d`` and ``\\D`` know every script, inside classes too, and other
escapes keep their meaning. Written to kill mutants that survived ``python -m
benchmarks.mutation rules`` in ``words_regex`` and ``unicode_regex``; each case is one side of
one of those sentences.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from monitor.errors import ConfigError
from monitor.models import Entry
from monitor.rules import RuleSet, load_rules
from monitor.rules.spelling import uses_ascii_boundary


def found(folder: Path, term: str, title: str) -> list[tuple[str, ...]]:
    """The words each match reports, for a one-term rule over an entry with ``title``."""
    (folder / "rule.yaml").write_text(f"name: r\nmatch:\n  any: [{term}]\n", encoding="utf-8")
    [rule] = load_rules([folder])
    entry = Entry("https://wire.example/feed", "Wire", "k", "https://wire.example/1", title, "", "")
    return [match.terms for match in RuleSet([rule]).match(entry)]


@pytest.mark.parametrize(
    ("term", "title", "words"),
    [
        ("'Исламск* Эмират*'", "Исламского Эмирата", "Исламского Эмирата"),
        ("'Исламск* Эмират*'", "Исламского-Эмирата", "Исламского-Эмирата"),
        ("'Исламск* Эмират*'", "ИсламскогоЭмирата", "ИсламскогоЭмирата"),
        ("'Исламск* Эмират*'", "Неисламского Эмирата", None),  # a word starts where it starts
        ("'Исламск* Эмират'", "Исламского Эмирата", None),  # a word without * is whole
        ("'Исламск* Эмират'", "Исламского Эмират сегодня", "Исламского Эмират"),
        ("'recogni* Taliban'", "recognises Taliban rule", "recognises Taliban"),
        ("'recogni* Taliban'", "recognises Talibans", None),
        ("'recogni* Taliban'", "unrecognised Taliban", None),
        ("'Arctic LNG* 2'", "Arctic LNG-2", "Arctic LNG-2"),
        ("'Arctic LNG* 2'", "Arctic LNGs 2", "Arctic LNGs 2"),
        ("'Arctic LNG* 2'", "Arctic LNG 23", None),  # the last word is whole: 23 is not 2
    ],
)
def test_a_star_may_end_every_word_of_a_phrase(tmp_path, term, title, words):
    assert found(tmp_path, term, title) == ([(words,)] if words else [])


@pytest.mark.parametrize(
    ("regex", "title", "words"),
    [
        (r"талиб\w+", "талибы пришли", "талибы"),
        (r"талиб\W", "талибы", None),
        (r"талиб\W", "талиб, сказал", "талиб,"),
        (r"\d\d\d\d год", "٢٠٢٥ год", "٢٠٢٥ год"),  # Arabic-Indic digits are digits
        (r"x\D", "xю", "xю"),
        (r"x\D", "x٣", None),
        (r"[\w]+ы", "талибы", "талибы"),  # in a class too
        (r"[^\d]5", "ю5", "ю5"),
        (r"[^\d]5", "٣5", None),
        (r"[]a]b", "]b", "]b"),  # a "]" first in a class is literal
        (r"[^]a]b", "xb", "xb"),
        (r"[^]a]b", "]b", None),
        (r"a\.b", "a.b", "a.b"),  # other escapes keep their meaning
        (r"a\.b", "axb", None),
        (r"[]\w]+", "]талибы", "]талибы"),  # \w in a class that opens with "]"
        (r"[^]\w]x", "-x", "-x"),
        (r"[^]\w]x", "юx", None),
    ],
)
def test_regex_shorthands_know_every_script(tmp_path, regex, title, words):
    assert found(tmp_path, f"{{regex: '{regex}'}}", title) == ([(words,)] if words else [])


def test_an_ascii_boundary_is_flagged_only_beside_other_scripts():
    assert uses_ascii_boundary(r"\bталиб")
    assert not uses_ascii_boundary(r"\btaliban")  # ASCII only: \b does what it says
    assert not uses_ascii_boundary(r"\\bталиб")  # an escaped backslash and a b, not a boundary
    assert not uses_ascii_boundary(r"(?:^|\W)талиб")


def test_a_trailing_backslash_is_an_invalid_regex_at_its_line(tmp_path):
    (tmp_path / "rule.yaml").write_text("name: r\nmatch: {any: [{regex: 'a\\'}]}\n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_rules([tmp_path])
    [problem] = caught.value.problems
    assert (problem.line, problem.message) == (
        2,
        "invalid regex 'a\\\\': trailing \\: regexes use google-re2 syntax and see folded text",
    )
