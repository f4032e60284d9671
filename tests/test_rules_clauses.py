"""Operators of the fifth round of issue 14: clauses (``clause: true`` in ``unless_near`` and on
an ``all:``), ``except:`` with the built-in ``@litotes``, ``case: true`` terms, and the built-in
negation and hedge sets in Ukrainian, Chinese, Arabic and Turkish, questions included. Each
matches and fails to match in Latin, Cyrillic, Arabic and CJK text."""

from __future__ import annotations

from bisect import bisect_right

import pytest

from monitor.errors import ConfigError
from monitor.rules.units import CLAUSE, breaks
from monitor.text import match_text
from tests.test_rules_operators import fires, ruleset

TERMS = """
    - any: [Taliban, Талибан*, талібів, タリバン, 塔利班, طالبان, Taliban'ı]
    - any: [recogni*, признал*, визнав, 承認, 承认, اعترف*, تعترف*, tanıdı]
"""
VETO = """
name: r
match:
  all:{terms}      unless_near: {{any: ["@negation", "@hedge"], {unit}: true}}
"""


def veto_rule(unit: str) -> str:
    return VETO.format(terms=TERMS.rstrip(" "), unit=unit)


@pytest.mark.parametrize(
    ("title", "clause", "sentence"),
    [
        ("Bishkek recognises the Taliban, though it has not named an ambassador", True, False),
        ("Bishkek will not recognise the Taliban, officials say", False, False),
        ("Бишкек признал Талибан, хотя посла пока не назначил", True, False),
        ("Бишкек не признал Талибан", False, False),
        ("キルギス、タリバン政権を承認　大使はまだ任命せず", True, False),
        ("キルギス、タリバン政権を承認せず", False, False),
        ("吉尔吉斯斯坦承认塔利班政府，但尚未派出大使", True, False),
        ("吉尔吉斯斯坦否认承认塔利班政府", False, False),
        ("Kırgızistan Taliban'ı tanıdı; büyükelçi henüz atanmadı", True, False),
        ("قيرغيزستان تعترف بحكومة طالبان، لكن لم تعين سفيرا بعد", True, False),
        ("قيرغيزستان لم تعترف بحكومة طالبان", False, False),
    ],
)
def test_clause_spares_a_negation_in_the_other_half_of_the_sentence(tmp_path, title, clause, sentence):
    for unit, expected in (("clause", clause), ("sentence", sentence)):
        (tmp_path / unit).mkdir()
        assert fires(ruleset(tmp_path / unit, veto_rule(unit)), title) is expected, unit


@pytest.mark.parametrize(
    ("raw", "cut"),
    [
        ("Moscow recognises Kabul: no ambassador yet", "no"),
        ("Moscow recognises Kabul, although no ambassador yet", "although"),
        ("Москва признала Кабул, но посла нет", "но"),
        ("ロシアが承認したが、大使は未定", "大使"),
        ("ロシア承認 大使は未定", "大使"),
        ("俄罗斯承认，但大使未定", "但"),
    ],
)
def test_clause_starts(raw, cut):
    folded = match_text(raw)
    clauses = breaks(raw, folded)[CLAUSE]
    assert bisect_right(clauses, folded.index(cut)) == 2, clauses  # the second clause starts before it


def test_a_headline_colon_joins_what_follows_to_what_precedes():
    raw = "Mes Aynak contract: nothing signed yet"
    folded = match_text(raw)
    assert breaks(raw, folded, headline=True)[CLAUSE] == [0]
    assert len(breaks(raw, folded)[CLAUSE]) == 2  # in running text the colon ends a clause
    lead = "Mes Aynak contract: nothing signed yet\nReports of a deal are false: nothing was signed."
    folded = match_text(lead)
    assert len(breaks(lead, folded, lead=True)[CLAUSE]) == 3  # the title line, then two clauses of the body


def test_clause_on_an_all_group(tmp_path):
    rule = "name: r\nmatch:\n  all: [Taliban, recogni*]\n  clause: true\n"
    rules = ruleset(tmp_path, rule)
    assert fires(rules, "Russia recognises the Taliban government")
    assert not fires(rules, "Russia recognises the problem, though the Taliban disagree")


LITOTES = """
name: r
match:
  all:
    - any: [India, Индия, インド, 印度]
    - any: [Russian oil, российск* нефт*, ロシア産原油, 俄罗斯原油]
    - any: [buy*, bought, покупа*, закуп*, 購入, 购买]
      unless_near: {any: ["@negation"], clause: true, except: ["@litotes"]}
"""


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("India bought more Russian oil than ever in May", True),
        ("India has not bought Russian oil since March", False),
        ("Индия закупила российской нефти как никогда много", True),
        ("Индия не закупает российскую нефть", False),
        ("インドはロシア産原油を購入しただけでなく備蓄も増やした", True),
        ("インドはロシア産原油を購入しない", False),
        ("印度不仅购买俄罗斯原油，还增加了库存", True),
        ("印度没有购买俄罗斯原油", False),
    ],
)
def test_except_spares_litotes(tmp_path, title, expected):
    assert fires(ruleset(tmp_path, LITOTES), title) is expected


def test_case_true_tells_the_verb_from_the_month(tmp_path):
    rule = """
name: r
match:
  all:
    - any: [India]
    - any: [imports]
      unless_near: {any: [{term: may, case: true}], within: 8}
"""
    rules = ruleset(tmp_path, rule)
    assert fires(rules, "India's imports rose in May")
    assert not fires(rules, "India's imports may rise")


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Is it time to recognise the Taliban?", False),
        ("Признает ли Москва Талибан?", False),
        ("タリバン政権を承認するのか", False),
        ("塔利班政府会被承认吗", False),
        ("هل تعترف موسكو بطالبان", False),
        ("Kazakhstan визнав уряд талібів", True),
        ("Україна може визнати талібів?", False),
        ("Казахстан не визнав талібів", False),
        ("Rusya Taliban'ı tanıdı", True),
        ("Rusya Taliban'ı tanımadı", False),
        ("Rusya Taliban'ı tanıyabilir", False),
        ("روسيا اعترفت بحكومة طالبان", True),
        ("روسيا قد تعترف بحكومة طالبان", False),
    ],
)
def test_negation_and_hedge_in_more_languages_and_questions(tmp_path, title, expected):
    rule = veto_rule("clause").replace("визнав", "визна*").replace("tanıdı", "tanı*")
    rule = rule.replace("Taliban'ı", "Taliban")
    assert fires(ruleset(tmp_path, rule), title) is expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("name: r\nmatch: {any: [a1], unless_near: {any: [x], clause: 2}}\n", '"clause" must be true or false'),
        (
            "name: r\nmatch: {any: [a1], unless_near: {any: [x], sentence: true, clause: true}}\n",
            "keep sentence: true or clause: true",
        ),
        ("name: r\nmatch: {any: [a1], unless_near: {any: [x], except: []}}\n", '"except" is empty'),
        ("name: r\nmatch: {all: [a1, b1], sentence: true, clause: true}\n", "give clause: true alone"),
        ("name: r\nmatch: {any: [a1], clause: true}\n", '"clause" applies to the parts of an "all:" list'),
        ("name: r\nmatch: {any: [{term: may, case: 1}]}\n", '"case" must be true or false'),
        ("name: r\nmatch: {any: [{term: may, case: true, fuzzy: 80}]}\n", "case: true and fuzzy: cannot be combined"),
        ("name: r\nmatch: {any: [{regex: may, case: true}]}\n", "takes no term:, fuzzy:, case: or sounds:"),
    ],
)
def test_misuse_is_reported_at_path_line_with_the_fix(tmp_path, text, message):
    with pytest.raises(ConfigError) as caught:
        ruleset(tmp_path, text)
    found = [str(p) for p in caught.value.problems]
    assert any(p.startswith(f"{tmp_path / 'rule.yaml'}:2:") and message in p for p in found), found


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("روسيا تعترف بطالبان", True),  # bi- + the term
        ("ترحيب بالاعتراف الروسي بطالبان", True),  # bi- + al- + the term
        ("وطالبان ترحب باعتراف روسيا", True),  # wa- + the term
        ("روسيا تعترف بمطالبات طالبية", False),  # م is no proclitic
        ("الحركة الطالبانية تعترف", False),  # a longer word: the term's end is not a word's end
    ],
)
def test_arabic_terms_are_found_behind_their_proclitics(tmp_path, title, expected):
    rule = "name: r\nmatch:\n  all: [طالبان, {any: [اعتراف, تعترف, ترحب]}]\n"
    assert fires(ruleset(tmp_path, rule), title) is expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("中国企業がアークティックLNG2の貨物を購入", True),
        ("アークティックLNG2の貨物、買い手見つからず", False),  # a verb the set does not list
        ("アークティックLNG2の貨物、中国は購入せず", False),
        ("アークティックLNG2の貨物、まず中国が購入", True),  # まず "first" is no negative
        ("制裁にもかかわらずアークティックLNG2の貨物を購入", True),  # "despite": @litotes
    ],
)
def test_any_japanese_negative_ending_vetoes(tmp_path, title, expected):
    rule = """
name: r
match:
  all:
    - any: [アークティックLNG2]
    - any: [貨物, 購入, 買い手]
      unless_near: {any: ["@negation"], clause: true, except: ["@litotes"]}
"""
    assert fires(ruleset(tmp_path, rule), title) is expected
