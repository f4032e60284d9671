"""Sixth round of issue 14 (classes found on held-out v3, rules/README.md "Negation and hedging"):
"not only … but also" is one clause, a Japanese subject が、 does not end one, and the built-in
sets learnt limbo and "far from" (@negation), conditions put as an inversion and "perhaps"
(@hedge), negated negatives and non-answers (@litotes, with @no-comment inside it). Each matches
and fails to match in Latin, Cyrillic, Arabic and CJK text."""

from __future__ import annotations

import pytest

from monitor.rules.units import CLAUSE, breaks
from monitor.text import match_text
from tests.test_rules_operators import fires, ruleset

RULE = """
name: r
match:
  all:
    - any: [Taliban, талиб*, Талибан*, талібів, タリバン, 塔利班, طالبان, Taliban'ı, Taliban-Regierung, talibans,
            talibán]
    - any: [recogni*, признал*, визна*, 承認, 承认, اعترف*, تعترف*, tanıdı, anerkann*, reconnu, reconoci*]
      unless_near: {any: ["@negation", "@hedge"], clause: true, except: ["@litotes"]}
"""


@pytest.mark.parametrize(
    ("raw", "clauses"),
    [
        ("India not only did not cut, but also raised its purchases", 1),
        ("India bought more, but Turkey bought less", 2),
        ("Индия не только не сократила, но и нарастила закупки", 1),
        ("Индия купила больше, но Турция меньше", 2),
        ("Індія не тільки не скоротила, але й збільшила закупівлі", 1),
        ("Індія купила більше, але Туреччина менше", 2),
        ("Indien hat nicht nur nicht gekürzt, aber auch mehr gekauft", 1),
        ("La India no solo no redujo, pero también compró más", 1),
        ("運搬船が、引き取り手が見つからないまま漂流している", 1),
        ("ロシアが承認したが、大使は未定", 2),
        ("ロシアは承認するが、大使は未定", 2),
    ],
)
def test_clauses_of_correlatives_and_japanese_subjects(raw, clauses):
    folded = match_text(raw)
    assert len(breaks(raw, folded)[CLAUSE]) == clauses


def test_the_clause_after_a_correlative_but_keeps_its_subject(tmp_path):
    rules = ruleset(tmp_path, RULE)
    assert fires(rules, "Бишкек не только не отказался от планов, но и признал правительство талибов")
    # the first half's own negation still vetoes what it negates
    assert not fires(rules, "Бишкек не только не признал талибов, но и выслал их посла")
    assert fires(rules, "Bishkek did not give up, but also recognised the Taliban")
    assert not fires(rules, "Bishkek did not recognise the Taliban, but also expelled their envoy")


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # limbo and "far from": a decision that hangs is no decision
        ("Baku's recognition of the Taliban is still up in the air", False),
        ("Baku recognises the Taliban", True),
        ("Туркменистан далёк от признания талибов", False),
        ("Туркменистан признал талибов", True),
        ("Україна далека від визнання талібів", False),
        ("吉尔吉斯斯坦承认塔利班远未成定局", False),
        ("吉尔吉斯斯坦承认塔利班", True),
        ("タリバン承認は持ち越し", False),
        ("タリバン政権を承認", True),
        ("Paris écarte une reconnaissance des talibans, reconnu nulle part", False),
        ("El reconocimiento de los talibanes sigue en el aire", False),
        ("الاعتراف بطالبان معلق", False),
        ("روسيا اعترفت بطالبان", True),
        ("Taliban yönetimini tanıma rafa kaldırıldı", False),
        # a condition put as an inversion, and the writer's "perhaps"
        ("Tokyo would act should Baku recognise the Taliban", False),
        ("Baku might perhaps recognise the Taliban", False),
        ("Sollte Baku die Taliban-Regierung anerkennen, reagiert Berlin", False),
        ("Quizás Bakú reconocerá a los talibanes", False),
        ("中央アジア諸国、タリバン承認の是非を水面下で探る", False),
        ("Мабуть, Баку визнає талібів", False),
    ],
)
def test_limbo_far_from_and_conditions_veto(tmp_path, title, expected):
    assert fires(ruleset(tmp_path, RULE), title) is expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # negated negatives and idioms of time: the event happened
        ("Baku did not give up: it recognised the Taliban", True),
        ("Baku did not recognise the Taliban", False),
        ("Не прошло и недели: Бишкек признал власть талибов", True),
        ("Бишкек не признал власть талибов", False),
        ("Не пройшло й тижня: Бішкек визнав талібів", True),
        ("没有放弃：吉尔吉斯斯坦承认塔利班", True),
        ("吉尔吉斯斯坦没有承认塔利班", False),
        ("キルギスは方針を撤回せずタリバン政権を承認", True),
        ("キルギスはタリバン政権を承認せず", False),
        ("لم تتخل قيرغيزستان عن خطتها واعترفت بطالبان", True),
        ("Kırgızistan vazgeçmedi, Taliban'ı tanıdı", True),
        # non-answers say nothing of the event
        ("Bishkek recognised the Taliban; Moscow declined to comment", True),
        ("Bishkek recognised the Taliban and Moscow declined to comment", True),
        ("Bishkek declined to recognise the Taliban", False),
        ("Бишкек признал талибов, в Москве отказались от комментариев и не стали комментировать", True),
        ("Бишкек отказался признать талибов", False),
        ("キルギスがタリバン政権を承認、ロシアはコメントを控えた", True),
        ("吉尔吉斯斯坦承认塔利班，俄方拒绝置评", True),
        ("قيرغيزستان اعترفت بطالبان ولم تعلق موسكو", True),
    ],
)
def test_negated_negatives_and_non_answers_are_spared(tmp_path, title, expected):
    assert fires(ruleset(tmp_path, RULE), title) is expected


def test_no_comment_is_an_alias_of_its_own_and_can_be_replaced(tmp_path):
    rule = RULE.replace('except: ["@litotes"]', 'except: ["@no-comment"]')
    aliases = "aliases:\n  no-comment: [no word of it]\n"
    rules = ruleset(tmp_path, rule, aliases)
    assert not fires(rules, "Bishkek recognised the Taliban and Moscow declined to comment")
    assert fires(rules, "Bishkek recognised the Taliban and there was no word of it")


def test_a_buyer_left_unnamed_is_no_denial(tmp_path):
    rule = """
name: r
match:
  all:
    - any: [Arctic LNG 2, Арктик СПГ 2, アークティックLNG2]
    - any: [unload*, выгруж*, 荷揚げ]
      unless_near: {any: ["@negation"], clause: true, except: ["@litotes"]}
"""
    rules = ruleset(tmp_path, rule)
    assert fires(rules, "Arctic LNG 2 cargo unloaded in China, buyer not disclosed")
    assert not fires(rules, "Arctic LNG 2 cargo not unloaded")
    assert fires(rules, "Груз «Арктик СПГ 2» выгружен в Китае, покупатель не раскрывается")
    assert not fires(rules, "Груз «Арктик СПГ 2» не выгружен")
    assert fires(rules, "アークティックLNG2の荷揚げ完了、買い手は明らかにしていない")
