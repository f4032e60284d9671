"""Issue 14, round 42: held-out v37 studied (it is tuning now; tests/data/rules_eval/README.md, "Held-out v37 seen →
tuning"). Its errors were classified by cause and fixed as mechanisms meant to hold in a language not seen: a veto
set's word of two Latin letters negates only in the languages it is written for (in the others it is their common
word); a concessive phrase is a clause of its own; the names a language without words borrows from a neighbour are
the names the sets write. Tested on sentences of our own, beside ones where the rule must still not fire."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
import yaml
from test_rules_round30 import fires

from monitor.models import Entry
from monitor.rules import RuleSet
from monitor.rules.units import CLAUSE, breaks
from monitor.text import match_text

BUILTIN = Path(__file__).resolve().parent.parent / "monitor" / "rules" / "builtin" / "aliases.yaml"
EVAL_ALIASES = Path(__file__).resolve().parent / "data" / "rules_eval" / "rules" / "aliases.yaml"
ARCTIC, OIL, TALIBAN, ARMS = "arctic-lng", "india-russian-oil", "taliban-recognition", "north-korea-russia-arms"


def _short_latin(term: object) -> bool:
    text = (term if isinstance(term, str) else term.get("term", "") if isinstance(term, dict) else "").rstrip("*")
    return 0 < len(text) <= 2 and all(c.isalpha() and unicodedata.name(c).startswith("LATIN") for c in text)


@pytest.mark.parametrize(
    ("path", "sets"),
    [(BUILTIN, ("negation", "hedge", "litotes")), (EVAL_ALIASES, ("negation-more",))],
)
def test_every_two_letter_latin_veto_word_says_its_languages(path, sets):
    aliases = yaml.safe_load(path.read_text(encoding="utf-8"))["aliases"]
    unscoped = [
        (name, term)
        for name in sets
        for term in aliases[name]
        if _short_latin(term) and not (isinstance(term, dict) and term.get("lang"))
    ]
    assert unscoped == []


def negates(rules: RuleSet, title: str, lang: str) -> bool:
    entry = Entry(feed_url="u", outlet="o", key="k", link="", title=title, summary="", content="", lang=lang)
    return bool(rules.match(entry))


@pytest.mark.parametrize(
    ("title", "lang", "expected"),
    [
        ("El gobierno ni confirma la compra", "es", True),  # Spanish "ni": a negation
        ("Le ministre ne confirme pas", "fr", True),
        ("Rusya petrol alacak mi", "tr", True),  # the Turkish question particle
        ("Ministrstvo ne potrjuje nakupa", "sl", True),  # Slovene negates with ne too
        ("Mi gobierno compra petróleo", "es", False),  # Spanish "mi" is "my", no question
        ("India ni mnunuzi mkubwa wa mafuta", "sw", False),  # Swahili "ni" is "is"
        ("Meli mu bandari ya Mombasa", "rw", False),  # "mu": "in"
    ],
)
def test_a_two_letter_veto_word_negates_only_in_its_languages(negation_rule, title, lang, expected):
    assert negates(negation_rule, title, lang) is expected


def test_in_a_language_without_words_a_short_common_word_no_longer_vetoes_the_headline(eval_rules):
    # Swahili (no set has words in it): "ni" is "is"; India, Russia and the oil named in the headline
    assert fires(eval_rules, OIL, "India ni mnunuzi mkubwa wa mafuta ya Urusi", "sw")
    denied = "The ministry says it has not bought a cargo."
    assert not fires(eval_rules, OIL, "India haijanunua mafuta ya Urusi", "sw", denied)


def test_a_concessive_phrase_inside_a_clause_starts_a_clause_of_its_own():
    raw = "Arctic LNG 2 cargo unloaded in Zeebrugge despite the union's refusal"
    folded = match_text(raw)
    clauses = breaks(raw, folded, headline=True)[CLAUSE]
    assert folded.index("despite") in clauses
    assert folded.index("refusal") not in clauses


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Arctic LNG 2 cargo unloaded in Zeebrugge despite the union's refusal", True),  # the refusal is conceded
        ("Union refuses to unload Arctic LNG 2 cargo in Zeebrugge", False),  # the headline's own refusal
        ("Zeebrugge refuses to unload Arctic LNG 2 cargo despite discount", False),  # refused; the discount conceded
    ],
)
def test_a_refusal_conceded_by_despite_is_no_headline_denial(eval_rules, title, expected):
    opening = "The tanker from Russia's Arctic LNG 2 berthed on Monday."
    assert fires(eval_rules, ARCTIC, title, "en", opening) is expected


def test_some_states_in_their_case_forms_make_a_recognition_background(eval_rules):
    summary = "Эксперты сравнивают этот шаг с признанием правительства талибов некоторыми странами в прошлом году."
    assert not fires(eval_rules, TALIBAN, "Науру установила дипломатические отношения с Тувалу", "ru", summary)


def test_no_evidence_of_a_link_to_russia_is_a_test_at_home(eval_rules):
    title, opening = "北朝鮮、弾道ミサイル一発を発射", "北朝鮮は朝、ミサイルを発射した。"
    assert not fires(eval_rules, ARMS, title, "ja", opening, "ロシアとの関連を示す証拠はない。")
    opening = "There is no evidence linking it to Russia."
    assert not fires(eval_rules, ARMS, "North Korea fires a missile", "en", opening)


def test_a_language_without_words_may_write_indias_name_as_a_neighbour_does(eval_rules):
    # Hausa-like headline with the French name of India: India, Russia (CLDR's Rasha) and the petrol
    assert fires(eval_rules, OIL, "Inde ta sayi petrol daga Rasha", "ha")


def test_v37_is_a_seen_part():
    from benchmarks.rules_quality import HELDOUT_V37, SEEN

    assert SEEN["held-out v37 (seen → tuning)"] == HELDOUT_V37
