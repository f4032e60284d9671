"""Greek μπ, ντ, γκ: one letter (b, d, g) at a word's start, either that letter or both letters inside a word.

One definition (``names.readings``/``name_keys``) serves event clustering's ``name_key`` and rules' ``sound_key``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from monitor.models import Entry
from monitor.names import name_key, name_keys, readings
from monitor.rules import RuleSet, load_rules
from monitor.rules.sounds import SOUND_WORD, sound_key, sound_runs, term_sounds


def heard(term: str, text: str) -> bool:
    wanted = term_sounds(term)
    assert isinstance(wanted, tuple), wanted
    return bool(sound_runs(wanted, [sound_key(word) for word in SOUND_WORD.findall(text)]))


@pytest.mark.parametrize("word", ["Μπαγκλαντές", "Ντακάρ", "Γκάνα", "ΜΠΑΡΣΕΛΟΝΑ"])
def test_a_pair_starting_a_word_has_only_the_one_letter_reading(word):
    keys = name_keys(word)
    assert keys[0] == name_key(word)
    assert not any(key.startswith(("m", "n")) for key in keys), keys  # never m-b, n-d, n-g at the start


def test_a_word_without_a_pair_inside_has_one_reading():
    assert readings("Ντακάρ") == ("δακάρ",)  # lower case: the pair's letter stands for the pair, whatever its case
    assert readings("Αθήνα") == ("Αθήνα",)
    assert readings("Kabul") == ("Kabul",)


def test_a_pair_inside_a_word_keeps_both_readings_written_first():
    assert len(readings("Λονδίνο")) == 1  # νδ is no pair
    written, stop = name_keys("Ρομπέρτο")  # Roberto: the b reading
    assert written == name_key("Romperto") and stop == name_key("Roberto")


@pytest.mark.parametrize(
    ("latin", "greek"),
    [("Roberto", "Ρομπέρτο"), ("Kemp", "Κεμπ"), ("Santa Monica", "Σάντα Μόνικα"), ("Biden", "Μπάιντεν")],
)
def test_a_latin_term_hears_a_greek_name_by_either_reading(latin, greek):
    assert heard(latin, greek)


def test_a_greek_term_hears_a_latin_name_by_either_reading():
    assert heard("Ταλιμπάν", "Taliban fighters")
    assert heard("Ολυμπία", "Olympia")
    assert not heard("Ταλιμπάν", "Tolstoy")  # neither "trmp" nor "trbn"


def test_rules_and_clustering_share_one_key():
    for word in ("Ταλιμπάν", "Μπάιντεν", "Τραμπ", "Lavrov", "ラブロフ"):
        *_, others, written = sound_key(word).split("/")
        assert (written, *others.split()) == name_keys(word)


def test_a_sounds_rule_finds_a_greek_headline_by_the_mp_reading(tmp_path: Path):
    (tmp_path / "r.yaml").write_text("name: r\nmatch:\n  any:\n    - {term: Kemp, sounds: true}\n", encoding="utf-8")
    rules = RuleSet(load_rules([tmp_path]))
    title = "Ο Κεμπ μίλησε στη Βουλή"
    entry = Entry(feed_url="u", outlet="o", key="k", link="", title=title, summary="", content="", lang="el")
    assert "r" in {m.rule for m in rules.match(entry)}
