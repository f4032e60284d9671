"""The operators of issue 14, each matching and not matching in Latin, Cyrillic and CJK text."""

from __future__ import annotations

from pathlib import Path

import pytest

from monitor.errors import ConfigError
from monitor.models import Entry
from monitor.rules import RuleSet, load_rules
from monitor.rules.spelling import joint_variants, unicode_regex


def ruleset(tmp_path: Path, text: str, aliases: str = "") -> RuleSet:
    (tmp_path / "rule.yaml").write_text(text, encoding="utf-8")
    if aliases:
        (tmp_path / "aliases.yaml").write_text(aliases, encoding="utf-8")
    return RuleSet(load_rules([tmp_path]))


def entry(title: str = "", content: str = "") -> Entry:
    return Entry(feed_url="u", outlet="o", key="k", link="", title=title, summary="", content=content)


def fires(rules: RuleSet, title: str = "", content: str = "") -> bool:
    return bool(rules.match(entry(title, content)))


def topics(rules: RuleSet, title: str, content: str) -> set[str]:
    """The rules (of several topics, e.g. the evaluation's: the ``eval_rules`` fixture) an entry fires."""
    return {m.rule for m in rules.match(entry(title, content))}


UNLESS = """
name: r
match:
  all:
    - any: [Taliban, Талибан*, タリバン]
    - any: [recogni*, признал*, 承認]
      unless_near: {any: ["@negation", "@hedge"], within: 4}
"""


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Russia formally recognises the Taliban government", True),
        ("Kazakhstan has no intention of recognising the Taliban", False),
        ("Kabul hopes China could recognise the Taliban soon", False),
        ("Москва официально признала правительство Талибана", True),
        ("Ташкент не признал Талибан", False),
        ("ロシア、タリバン政権を正式に承認", True),
        ("日本、タリバン政権は承認しない方針", False),
        ("キルギス、タリバン政権承認を検討", False),
    ],
)
def test_unless_near_negation_and_hedge(tmp_path, title, expected):
    assert fires(ruleset(tmp_path, UNLESS), title) is expected


def test_unless_near_keeps_a_match_whose_negation_stands_elsewhere(tmp_path):
    rules = ruleset(tmp_path, UNLESS.replace("within: 4", "sentence: true"))
    text = "Moscow recognised the Taliban on Thursday. Washington said it had no intention of following."
    assert fires(rules, text)
    assert not fires(rules, "Washington said it would not recognise the Taliban government this year.")


def test_negation_set_is_overridable(tmp_path):
    rules = ruleset(tmp_path, UNLESS, aliases="aliases:\n  negation: [nope]\n  hedge: [maybe]\n")
    assert fires(rules, "Kazakhstan has no intention of recognising the Taliban")
    assert not fires(rules, "nope, Russia recognises the Taliban")


SCOPE = """
name: r
match:
  all: [{any: [Taliban, Талибан, タリバン]}, {any: [recogni*, признал*, 承認]}]
  {key}: true
"""


@pytest.mark.parametrize(
    ("key", "text", "expected"),
    [
        ("sentence", "Russia recognised the Taliban today. Markets rose.", True),
        ("sentence", "Russia recognised Kosovo long ago. The Taliban met envoys.", False),
        ("sentence", "Россия признала Талибан. Рынки выросли.", True),
        ("sentence", "Россия признала Косово. Талибан встретился с послами.", False),
        ("sentence", "ロシアがタリバンを承認した。市場は上昇。", True),
        ("sentence", "ロシアがコソボを承認した。タリバンは会談した。", False),
        ("paragraph", "Russia recognised them. The Taliban welcomed it.\nOther news.", True),
        ("paragraph", "Russia recognised Kosovo.\nThe Taliban met envoys.", False),
    ],
)
def test_sentence_and_paragraph(tmp_path, key, text, expected):
    assert fires(ruleset(tmp_path, SCOPE.replace("{key}", key)), content=text) is expected


ORDERED = """
name: r
match:
  all: [{any: [North Korea, КНДР, 北朝鮮]}, {any: [Russia, Россию, ロシア]}]
  near: 5
  ordered: true
"""


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("North Korea sends shells to Russia", True),
        ("Russia sends food to North Korea", False),
        ("КНДР отправила снаряды в Россию", True),
        ("Россию посетила делегация КНДР", False),
        ("北朝鮮がロシアへ砲弾", True),
        ("ロシアが北朝鮮へ食料", False),
    ],
)
def test_ordered_near(tmp_path, title, expected):
    assert fires(ruleset(tmp_path, ORDERED), title) is expected


def test_lead_field_and_min_mentions(tmp_path):
    rules = ruleset(tmp_path, "name: r\nfields: [lead]\nmatch: {any: [lithium, литий, リチウム]}\n")
    assert fires(rules, "Deal signed", "Lithium mine awarded.\nMore.")
    assert not fires(rules, "Deal signed", "Copper mine awarded.\nLithium was mentioned later.")
    assert fires(rules, "Сделка", "Литий.\nДалее.") and fires(rules, "契約", "リチウム鉱山。\n続き。")
    counted = ruleset(tmp_path, "name: r\nmatch: {any: [{term: lithium, min_mentions: 2}]}\n")
    assert fires(counted, "Lithium deal", "The lithium mine.")
    assert not fires(counted, "Copper deal", "The lithium mine.")


@pytest.mark.parametrize(
    ("term", "text", "expected"),
    [
        ("Sakhalin-2", "LNG from Sakhalin 2 keeps flowing", True),
        ("Arctic LNG 2", "cargo from Arctic LNG-2 loaded", True),
        ("Arctic LNG 2", "cargo from Arctic LNG2 loaded", True),
        ("Arctic LNG 2", "cargo from Arctic LNG 3 loaded", False),
        ("Арктик СПГ 2", "груз «Арктик СПГ-2» отгружен", True),
        ("アークティックLNG2", "アークティックLNG 2の貨物", True),
        ("Исламск* Эмират*", "признание Исламского Эмирата", True),
        ("Исламск* Эмират*", "Исламская республика", False),
        ("Northern* Lights*", "the northernmost lights", True),
        # typeset dashes join as "-" does: the non-breaking hyphen, the en dash, the minus sign
        ("Arctic LNG 2", "cargo from Arctic LNG\u20112 loaded", True),
        ("Arctic LNG 2", "cargo from Arctic LNG\u20113 loaded", False),
        ("Арктик СПГ 2", "груз «Арктик СПГ\u20112» отгружен", True),
        ("Арктик СПГ 2", "груз «Арктик СПГ\u20113» отгружен", False),
        ("Sakhalin-2", "Sakhalin\u20132 cargoes", True),
        ("Sakhalin-2", "Sakhalin\u20133 cargoes", False),
        ("Mazar-e Sharif", "Mazar\u2010e Sharif", True),
        ("Mazar-e Sharif", "Mazar\u2010i Sharif", False),
        ("アークティックLNG-2", "アークティックLNG\u20112の貨物", True),
        ("アークティックLNG-2", "アークティックLNG\u20113の貨物", False),
        ("KN\u201123", "KN-23 missiles", True),  # a typeset dash in the term too
        ("KN\u201123", "KN-24 missiles", False),
    ],
)
def test_spelling_freedom(tmp_path, term, text, expected):
    assert fires(ruleset(tmp_path, f"name: r\nmatch: {{any: ['{term}']}}\n"), text) is expected


def test_regex_word_classes_know_every_script(tmp_path):
    rules = ruleset(tmp_path, "name: r\nmatch: {any: [{regex: 'талиб\\w+'}]}\n")
    assert fires(rules, "признание талибов")
    assert not fires(rules, "талиб")
    assert unicode_regex(r"[\w-]+\d") == r"[\pL\pN\pM_-]+\p{Nd}"


def test_joint_variants():
    assert joint_variants("sakhalin 2") == ["sakhalin 2", "sakhalin-2", "sakhalin2"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("name: r\nmatch: {all: [a1, b1], ordered: true}\n", '"ordered" needs a window: add near: N'),
        ("name: r\nmatch: {any: [a1], sentence: true}\n", '"sentence" applies to the parts of an "all:" list'),
        ("name: r\nmatch: {any: [a1], unless_near: [x]}\n", '"unless_near" must be a mapping such as'),
        ("name: r\nmatch: {any: [a1], unless_near: {any: [x], within: 0}}\n", '"within" must be a number of words'),
        ("name: r\nmatch: {any: [a1], min_mentions: 0}\n", '"min_mentions" must be a whole number'),
        ("name: r\nmatch: {any: [Ис* Эмират*]}\n", "give at least 3 letters before *"),
        ("name: r\nmatch: {any: [{regex: '\\bталиб'}]}\n", "\\b sees only ASCII letters in re2"),
    ],
)
def test_misuse_is_reported_at_path_line_with_the_fix(tmp_path, text, message):
    with pytest.raises(ConfigError) as caught:
        ruleset(tmp_path, text)
    assert any(str(p).startswith(f"{tmp_path / 'rule.yaml'}:") and message in str(p) for p in caught.value.problems), [
        str(p) for p in caught.value.problems
    ]


def test_lang_scope_uses_the_detected_language_when_the_feed_gives_none(tmp_path):
    rules = ruleset(tmp_path, "name: r\nlang: [ru]\nmatch: {any: [Taliban, Талибан]}\n")
    assert fires(rules, "Россия признала Талибан законным правительством Афганистана")
    assert not fires(rules, "Russia recognises the Taliban as the government of Afghanistan")
    stated = Entry(feed_url="u", outlet="o", key="k", link="", title="The Taliban", summary="", content="", lang="ru")
    assert rules.match(stated)  # the feed's own <language> is believed


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Russia recognises the Taliban government, the foreign ministry said", "en"),
        ("Россия признала правительство талибов, сообщил МИД", "ru"),
        ("ロシア、タリバン政権を正式に承認", "ja"),
        ("Russland erkennt die Taliban-Regierung als erster Staat an", "de"),
    ],
)
def test_detect(text, code):
    from monitor.rules.language import detect

    assert detect(text) == code


def test_matched_words_are_those_that_made_the_rule_fire_shown_in_context(tmp_path):
    from monitor.rules.explain import explain_lines

    rules = ruleset(tmp_path, UNLESS.replace("within: 4", "sentence: true"))
    text = "Moscow recognised the Taliban on Thursday. Washington refused to recognise them."
    assert rules.match(entry(text))[0].terms == ("recognised", "Taliban")  # not the refused "recognise"
    doc, trace = rules.trace("r", entry(text))
    lines = explain_lines(rules.rule("r"), doc, trace)
    assert "  in title: Moscow [recognised] the [Taliban] on Thursday. Washington refused to recognise…" in lines


def summary_entry(title: str, summary: str, content: str = "") -> Entry:
    return Entry(feed_url="u", outlet="o", key="k", link="", title=title, summary=summary, content=content)


LEAD_PARAGRAPH = """
name: r
fields: [lead]
match:
  all:
    - any: [Taliban, Талибан*, タリバン]
    - any: [recogni*, признал*, 承認]
  paragraph: true
"""


@pytest.mark.parametrize(
    ("title", "summary", "content", "expected"),
    [
        # the headline and the outlet's summary under it are one paragraph of the lead
        ("Taliban envoy in Moscow", "Russia recognised the new government on Thursday.", "", True),
        ("Посол Талибана в Москве", "Россия признала новое правительство.", "", True),
        ("タリバンの大使がモスクワ入り", "ロシアは新政権を正式に承認した。", "", True),
        ("Taliban envoy in Moscow", "A long wait ended.", "Russia recognised the new government.", True),
        ("Moscow moves first", "Russia recognised the Taliban government on Thursday.", "", True),
        ("Москва стала первой", "Россия признала правительство Талибана.", "", True),
        ("ロシアが先陣", "ロシアはタリバン政権を正式に承認した。", "", True),
        # the content's opening joins when it is not the summary again
        ("Moscow moves first", "A decision long in the making.", "Russia recognised the Taliban.", True),
        # a second paragraph of the content is not the lead
        ("Moscow moves first", "Russia took a decision.", "A quiet day.\nThe Taliban were recognised.", False),
        ("Москва стала первой", "Решение принято.", "Тихий день.\nТалибан признали.", False),
        ("ロシアが先陣", "決定が下された。", "静かな一日。\nタリバン政権を承認した。", False),
    ],
)
def test_lead_is_the_title_and_the_opening_in_one_paragraph(tmp_path, title, summary, content, expected):
    rules = ruleset(tmp_path, LEAD_PARAGRAPH)
    assert bool(rules.match(summary_entry(title, summary, content))) is expected


def test_lead_keeps_a_summary_the_content_repeats_once():
    from monitor.rules.units import lead_text

    opening = "Russia recognised the Taliban government on Thursday, the first state to do so."
    lead = lead_text(summary_entry("Moscow moves first", opening[:40] + "…", opening + "\nMore."))
    assert lead == f"Moscow moves first\n{opening[:40]}…"


def test_the_title_stays_a_sentence_of_its_own_in_the_lead(tmp_path):
    rules = ruleset(tmp_path, LEAD_PARAGRAPH.replace("paragraph: true", "sentence: true"))
    assert not rules.match(summary_entry("Taliban envoy in Moscow", "Russia recognised Kosovo long ago."))
    assert rules.match(summary_entry("Taliban recognised by Russia", "The envoy presented credentials."))


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Arctic LNG 2 cargoes sold to a Chinese buyer", True),
        ("Arctic LNG 2 cargoes remain unsold near Murmansk", False),
        ("Arctic LNG 2 buyer is set to sign a supply deal", False),
        ("Отгружен груз «Арктик СПГ 2»", True),
        ("Покупатель воздержался от покупки груза «Арктик СПГ 2»", False),
        ("Сделка по грузу «Арктик СПГ 2» сорвалась", False),
        ("Покупатель якобы получил груз «Арктик СПГ 2»", False),
        ("アークティックLNG2の貨物を中国が輸入", True),
        ("アークティックLNG2、追加出荷の見通し立たず", False),
        ("アークティックLNG2の輸入交渉が白紙に", False),
        ("中国企業、アークティックLNG2の貨物を輸入せず", False),  # written negatives
        ("アークティックLNG2の貨物、買い手との契約に署名しておらず", False),
        ("アークティックLNG2の貨物、荷揚げできず", False),
    ],
)
def test_negation_and_hedge_sets_know_postponement_abstention_and_doubt(tmp_path, title, expected):
    rule = """
name: r
match:
  all:
    - any: [Arctic LNG 2, Арктик СПГ 2, アークティックLNG2]
    - any: [cargo*, sold, sign*, груз*, покупк*, 貨物, 出荷, 輸入]
      unless_near: {any: ["@negation", "@hedge"], sentence: true}
"""
    assert fires(ruleset(tmp_path, rule), title) is expected


def test_article_is_a_field_a_rule_may_name(tmp_path):
    rules = ruleset(tmp_path, "name: r\nfields: [article]\nmatch: {any: [lithium]}\n")
    with_article = Entry(
        feed_url="u", outlet="o", key="k", link="", title="Deal", summary="", content="", article="A lithium mine."
    )
    assert rules.match(with_article) and not fires(rules, "Lithium deal")
