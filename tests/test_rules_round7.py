"""Issue 14, seventh round: a Japanese negation ends the clause of the verb it negates (before a
comma and before the noun a negated relative clause describes), "…に加え、" joins two clauses,
``min_mentions`` counts overlapping hits as one mention, and the built-in sets learnt a report
called a tale, a cargo with no taker, a rumour on social media, a question put, and a Japanese
condition in -ba or nara. Each matches and fails to match, in the scripts it concerns."""

from __future__ import annotations

from bisect import bisect_right

import pytest

from monitor.rules.units import CLAUSE, breaks
from monitor.text import match_text
from tests.test_rules_operators import fires, ruleset


@pytest.mark.parametrize(
    ("raw", "cut"),
    [
        ("大使館を閉じなかったアゼルバイジャンは承認した", "アゼルバイジャン"),
        ("大使館を閉鎖せず、直行便も維持した", "直行便"),
        ("買い手もなく、運搬船は漂流した", "運搬船"),
        ("北朝鮮のミサイル開発に加え、ロシアとの連携を挙げた", "ロシア"),
        ("インドではなく、中国がロシア産原油を購入した", "中国"),
    ],
)
def test_a_japanese_negation_ends_its_verbs_clause(raw, cut):
    folded = match_text(raw)
    clauses = breaks(raw, folded)[CLAUSE]
    assert bisect_right(clauses, folded.index(cut)) == 2, clauses


@pytest.mark.parametrize(
    "raw", ["引き取り手が見つからないまま漂流した", "承認しないとの方針を示した", "インドは少ない割引でも購入した"]
)
def test_a_japanese_negation_before_hiragana_goes_on(raw):
    folded = match_text(raw)
    assert breaks(raw, folded)[CLAUSE] == [0]


JA_VETO = """
name: r
match:
  all:
    - any: [タリバン, Taliban, Талибан*]
    - any: [承認, recogni*, признал*]
      unless_near: {any: ["@negation", "@hedge"], clause: true}
"""


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("大使館を一度も閉じなかったウズベキスタン、タリバン政権を承認", True),
        ("ウズベキスタン、タリバン政権を承認せず", False),
        ("ウズベキスタンはタリバン政権を承認せず、大使も受け入れなかった", False),
        ("承認しなかった国々に続き、カザフもタリバンと協議", False),
        ("Uzbekistan recognises the Taliban", True),
        ("Uzbekistan will not recognise the Taliban", False),
        ("Узбекистан признал Талибан", True),
        ("Узбекистан не признал Талибан", False),
    ],
)
def test_the_negation_of_a_relative_clause_spares_the_main_verb(tmp_path, title, expected):
    assert fires(ruleset(tmp_path, JA_VETO), title) is expected


def test_min_mentions_counts_overlapping_hits_once(tmp_path):
    terms = "formal recognition, recognition, признани*, 承認, 正式承认, 承认, اعتراف*"
    rule = f"name: r\nmatch:\n  any: [{terms}]\n  min_mentions: 2\n"
    rules = ruleset(tmp_path, rule)
    assert not fires(rules, "Formal recognition for Kabul")  # two terms, one place
    assert fires(rules, "Formal recognition for Kabul", "The recognition was read out.")
    assert not fires(rules, "Признание Кабула") and fires(rules, "Признание Кабула", "Признание объявлено.")
    assert not fires(rules, "タリバン政権を承認") and fires(rules, "タリバン政権を承認", "承認は金曜日。")
    assert not fires(rules, "俄罗斯正式承认塔利班") and fires(rules, "俄罗斯正式承认塔利班", "承认于周五宣布。")
    assert not fires(rules, "اعتراف روسيا بطالبان") and fires(rules, "اعتراف روسيا بطالبان", "الاعتراف رسمي.")


BUILTIN = """
name: r
match:
  all:
    - any: [cargo, груз*, 貨物, 货物, Ladung, cargaison, cargamento, kargo*, شحنة, recogni*, признал*, 承認, 承认,
            購入, reconoc*, anerkenn*, reconna*, tanıd*, اعترف*, визнав]
      unless_near: {any: ["@negation", "@hedge"], clause: true}
"""


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # a report called a tale or a figment
        ("Baku calls the recognition report a fairy tale", False),
        ("Москва назвала сказками слухи: признали ли талибов", False),
        ("外務省、承認報道を「おとぎ話」と一蹴", False),
        ("莫斯科称承认报道是天方夜谭", False),
        ("Baku recognises the Taliban government", True),
        # a cargo with no taker
        ("The cargo is still in search of a buyer", False),
        ("Груз так и остался без адресата", False),
        ("Ladung weiter ohne Abnehmer", False),
        ("Cargamento sin comprador", False),
        ("Kargo hâlâ alıcısız", False),
        ("The cargo was delivered to Dahej", True),
        ("Груз доставлен в Дахедж", True),
        # a rumour on social media
        ("中国がタリバンを承認したとする投稿がSNSで拡散", False),
        ("网传中国承认塔利班", False),
        ("Gerüchte in sozialen Medien: Kasachstan anerkennt Kabul", False),
        ("Rumeur sur les réseaux sociaux : Astana reconnaît Kaboul", False),
        ("Sosyal medyada söylenti: Kazakistan tanıdı", False),
        ("شائعة على مواقع التواصل: كازاخستان اعترفت", False),
        ("中国がタリバン政権を承認", True),
        # a question put
        ("Asked about recognising Kabul, the envoy said: we are neighbours", False),
        ("Отвечая на вопрос о том, признал ли Казахстан Кабул", False),
        ("承認について問われ、外相は答えなかった", False),
        ("Preguntado sobre si reconoce a Kabul, el ministro calló", False),
        # a Japanese condition in -ba or nara; "によれば" (according to) is none
        ("割引が広がれば購入を増やす", False),
        ("割引拡大なら購入増も", False),
        ("関係者によれば、インドは購入した", True),
        ("例えば、インドは先月購入した", True),
        ("インドは購入せねばならない事情を抱え、先月購入した", True),
    ],
)
def test_builtin_sets_of_the_seventh_round(tmp_path, title, expected):
    assert fires(ruleset(tmp_path, BUILTIN), title) is expected
