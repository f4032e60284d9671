"""Review of session 23's changes (rv1): the speed paths' equivalences worth pinning, and the defects found,
each as a test that fails on main (``xfail(strict=True)``: the fix turns it into an XPASS, then drop the mark).
"""

from __future__ import annotations

import random

import pytest
from test_dedup_reshaped import FERRY, MINA, STORIES, _decide, _entry

from monitor.dedup import StoryIndex
from monitor.dedup.events import EventIndex
from monitor.dedup.index import _most_weight, _most_weight_bulk
from monitor.errors import ConfigError
from tests.test_rules_operators import entry, ruleset


def _sounds_rule(tmp_path, term: str):
    return ruleset(tmp_path, f"name: r\nmatch:\n  any:\n    - {{term: {term}, sounds: true}}\n")


# --- rr28: sounds ------------------------------------------------------------------------------------------


@pytest.mark.xfail(strict=True, reason="rules/sounds.py: the term's words are str.split, the text's SOUND_WORD")
@pytest.mark.parametrize(("term", "title"), [("Al-Shabaab", "Al-Shabaab fighters attack a base"),
                                             ("O'Brien", "O'Brien resigns")])  # fmt: skip
def test_a_hyphenated_sounds_term_finds_its_own_spelling(tmp_path, term, title):
    """``check`` accepts the term (one word, key "arsb"), the text splits it at the hyphen ("ar", "sb"):
    the rule never fires, not even on the name as written, and nothing says so."""
    assert _sounds_rule(tmp_path, f'"{term}"').match(entry(title))


@pytest.mark.xfail(strict=True, reason="names.name_key keeps 4 consonants; the last word may go on: common words")
@pytest.mark.parametrize(
    ("term", "title"),
    [
        ("Taliban", "Wind turbines for the north sea"),  # trbn: turbine, turban, Trabant
        ("Taliban", "A Sikh turban exhibition opens"),
        ("Putin", "Putting the economy first"),  # ptn + g: the last word goes on
        ("Musk", "A music festival in Leeds"),  # msk
        ("Kabul", "Cable car reopens"),  # kbr
        ("Rosneft", "Rosenfeld wins the prize"),  # rsnb
    ],
)
def test_a_sounds_term_does_not_fire_on_an_unrelated_word_of_its_own_script(tmp_path, term, title):
    assert not _sounds_rule(tmp_path, term).match(entry(title))


@pytest.mark.parametrize(("term", "title"), [("Taliban", "Taliban"), ("Putin", "Putin's visit")])
def test_a_sounds_term_finds_the_name_as_written(tmp_path, term, title):
    assert _sounds_rule(tmp_path, term).match(entry(title))


def test_a_sounds_term_scans_100_kb_of_hostile_words(tmp_path):
    """Every word a distinct key (each one of name_key's cache): still one pass, no error."""
    rules = _sounds_rule(tmp_path, "Taliban")
    hostile = " ".join(f"{chr(0x915 + i % 30)}\u094d{chr(0x930 + i % 20)}{i}" for i in range(12_000))
    assert len(hostile) > 80_000
    assert not rules.match(entry("x", hostile + " ा" * 5_000))


@pytest.mark.parametrize(
    ("term", "message"),
    [
        ("{sounds: true}", "term"),  # no term at all: a problem, not a traceback
        ("{term: Taliban, sounds: 1}", '"sounds" must be true or false'),
    ],
)
def test_sounds_without_a_term_is_a_problem_at_path_line(tmp_path, term, message):
    with pytest.raises(ConfigError) as caught:
        ruleset(tmp_path, f"name: r\nmatch:\n  any:\n    - {term}\n")
    found = [str(p) for p in caught.value.problems]
    assert any(p.startswith(f"{tmp_path / 'rule.yaml'}:4:") and message in p for p in found), found


@pytest.mark.xfail(strict=True, reason="groups._sounding reports any non-Term node before reading the flag's value")
def test_sounds_false_on_an_alias_is_the_alias(tmp_path):
    """``sounds: false`` asks for nothing: an alias with it is the alias, as a name with it is the name."""
    (tmp_path / "aliases.yaml").write_text("aliases:\n  arctic: [Yamal]\n")
    rules = ruleset(tmp_path, "name: r\nmatch:\n  any:\n    - {term: '@arctic', sounds: false}\n")
    assert rules.match(entry("Yamal tanker"))
