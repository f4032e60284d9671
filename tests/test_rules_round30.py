"""Issue 14, round 30: held-out v25 studied (it is tuning now; tests/data/rules_eval/README.md, "Held-out v25 seen →
tuning"). Two classes on sentences of our own, each beside one where the rule must not act: a headline in a language
the eval rules have no words in (the countries as CLDR's languages write them, the topics' nouns of the world's larger
languages and their negations), and a claim that the actor whose consent the act needs denies in the headline."""

from __future__ import annotations

import importlib.util

import pytest

from benchmarks.rules_quality import DATA
from monitor.errors import ConfigError
from monitor.models import Entry
from monitor.rules import RuleSet, load_rules


def written_in(title: str, lang: str, summary: str = "", content: str = "") -> Entry:
    return Entry(feed_url="u", outlet="o", key="k", link="", title=title, summary=summary, content=content, lang=lang)


def fires(rules: RuleSet, topic: str, title: str, lang: str, summary: str = "", content: str = "") -> bool:
    """Does the rule ``topic`` send an alert for this entry (the rounds' tests and the review's share it)?"""
    return topic in {m.rule for m in rules.match(written_in(title, lang, summary, content))}


@pytest.mark.parametrize(
    ("topic", "title", "lang", "expected"),
    [
        # Telugu: Russia and North Korea as CLDR writes them, with the case ending (రష్యాకు), the missiles in Telugu
        ("north-korea-russia-arms", "ఉత్తర కొరియా రష్యాకు ఫిరంగి గుండ్లు పంపింది", "te", True),
        ("north-korea-russia-arms", "ఉత్తర కొరియా రష్యాకు ఫిరంగి గుండ్లు పంపలేదు", "te", False),  # negated verb
        ("north-korea-russia-arms", "ఉత్తర కొరియా రష్యాతో పర్యాటక ఒప్పందం", "te", False),  # tourism: no arms
        # Cyrillic (Kazakh): the country names of CLDR, the arms in Kazakh
        ("north-korea-russia-arms", "Солтүстік Корея Ресейге зымырандар жіберді", "kk", True),
        ("north-korea-russia-arms", "Солтүстік Корея Ресейге зымырандар жібергені жоқ", "kk", False),
        # Malayalam: India, Russia and the oil in the headline
        ("india-russian-oil", "ഇന്ത്യ റഷ്യൻ എണ്ണ ഇറക്കുമതി കൂട്ടി", "ml", True),
        ("india-russian-oil", "ഇന്ത്യ റഷ്യൻ എണ്ണ ഇറക്കുമതി ചെയ്യുന്നില്ല", "ml", False),  # negated by its ending
        ("india-russian-oil", "ഇന്ത്യ റഷ്യൻ എണ്ണ ഇറക്കുമതി കൂട്ടുമോ?", "ml", False),  # a question
        # Ethiopic (Amharic): Afghanistan, gold mine and agreement in the headline
        ("afghan-mining", "አፍጋኒስታን ከቻይና ኩባንያ ጋር የመዳብ ማዕድን ስምምነት ፈረመች", "am", True),
        ("afghan-mining", "አፍጋኒስታን የመዳብ ማዕድን ስምምነት ትፈርማለች?", "am", False),
        ("afghan-mining", "አፍጋኒስታን ውስጥ የተቀበሩ ፈንጂዎች ተወገዱ", "am", False),  # landmines: no deal, no mineral
        # Latin (Czech, Finnish): a mining deal and a recognition in languages without rule words
        ("afghan-mining", "Čínská firma podepsala smlouvu o těžbě mědi v Afghánistánu", "cs", True),
        ("afghan-mining", "Čínská firma nepodepsala smlouvu o těžbě mědi v Afghánistánu, smlouva ne", "cs", False),
        ("taliban-recognition", "Unkari tunnusti Taliban-hallinnon virallisesti", "fi", True),
        ("taliban-recognition", "Unkari ei tunnustanut Taliban-hallintoa", "fi", False),
        # a negation of one language is no common word of another once folded: Albanian në ("in"), Swedish nu ("now")
        ("north-korea-russia-arms", "Koreja e Veriut dërgoi raketa në Rusi", "sq", True),
        ("india-russian-oil", "Indien köper nu mer olja från Ryssland", "sv", True),
        # CJK: a language the rules have words in keeps its own rule (Japanese: a missile test at home)
        ("north-korea-russia-arms", "北朝鮮が弾道ミサイル発射、ロシアとの関連は指摘されていない", "ja", False),
        ("north-korea-russia-arms", "北朝鮮がロシアに弾道ミサイルを追加供与、韓国国防省", "ja", True),
    ],
)
def test_a_headline_in_a_language_without_rule_words(eval_rules, topic, title, lang, expected):
    assert fires(eval_rules, topic, title, lang) is expected


@pytest.mark.parametrize(
    ("topic", "title", "lang", "summary", "expected"),
    [
        # the actor whose consent the act needs denies it: the denial is the story
        ("taliban-recognition", "Taliban say Mongolia recognised them; Ulaanbaatar denies", "en", "", False),
        (
            "taliban-recognition",
            "Taliban say Mongolia will recognise them; Ulaanbaatar denies any such",
            "en",
            "",
            False,
        ),
        ("taliban-recognition", "Талибы заявили о признании Монголией, МИД Монголии отрицает", "ru", "", False),
        ("afghan-mining", "Taliban say lithium contract signed with Chinese firm; the firm denies", "en", "", False),
        ("india-russian-oil", "Report says Nayara bought Russian crude cargo; Nayara denies", "en", "", False),
        # without the closing denial the same claims fire
        ("taliban-recognition", "Mongolia formally recognises the Taliban government", "en", "", True),
        ("india-russian-oil", "Nayara bought a Russian crude cargo for Vadinar", "en", "", True),
        # the arms are no act of consent: a government's claim stands beside the accused's denial (round 26, unchanged)
        (
            "north-korea-russia-arms",
            "Seoul says Pyongyang shipped more missiles to Russia; Moscow denies",
            "en",
            "South Korea's defence ministry said on Tuesday North Korea shipped more ballistic missiles to Russia.",
            True,
        ),
        (
            "north-korea-russia-arms",
            "韓国「北朝鮮がロシアにミサイルを追加供与」、ロシアは否定",
            "ja",
            "韓国国防省は、北朝鮮がロシアに弾道ミサイルを追加で供与したと発表した。",
            True,
        ),
    ],
)
def test_a_claim_the_actor_denies_in_the_headline(eval_rules, topic, title, lang, summary, expected):
    assert fires(eval_rules, topic, title, lang, summary) is expected


@pytest.mark.parametrize("term", ["{sounds: true}", "{fuzzy: 80}", "{case: true}"])
def test_a_term_key_without_term_says_term_is_missing_at_path_line(tmp_path, term):
    (tmp_path / "rule.yaml").write_text(f"name: r\nmatch:\n  any:\n    - {term}\n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_rules([tmp_path])
    found = [str(p) for p in caught.value.problems]
    assert any(p.startswith(f"{tmp_path / 'rule.yaml'}:4:") and "without term:" in p for p in found), found
    assert not any("did you mean" in p for p in found), found


def test_the_cldr_aliases_are_what_babel_gives():
    """aliases.yaml keeps CLDR's country names as written by cldr_names.py (never built at run time)."""
    cldr_names = load_cldr_names()
    text = (DATA / "rules" / "aliases.yaml").read_text(encoding="utf-8")
    for line in cldr_names.alias_lines():
        assert line in text.splitlines(), line.split(":")[0]


def load_cldr_names():
    spec = importlib.util.spec_from_file_location("cldr_names", DATA / "rules" / "cldr_names.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
