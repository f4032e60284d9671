"""Issue 14, round 23: held-out v17 studied; its errors sorted by mechanism and each class counted across the tuning
parts before anything was changed (tests/data/rules_eval/README.md, "Held-out v17 seen → tuning"). A Japanese or
Chinese headline's halves may open or close with a quotation: the space beside 「」『』 ends a clause as a space
between two characters does, so a denial quoted in one half says nothing of the act told in the other."""

from __future__ import annotations

import pytest

from monitor.rules import RuleSet
from monitor.rules.units import CLAUSE, breaks
from monitor.text import match_text
from tests.test_rules_operators import fires, ruleset

DEPLOYED = """
name: r
match:
  all:
    - any: [北朝鮮, 朝鲜, 北韓]
    - any: [派兵, 派遣, 出兵]
      unless_near: {any: ["@negation"], clause: true, except: ["@litotes"]}
  clause: true
  fields: [title]
"""


@pytest.fixture(scope="module")
def deployed(tmp_path_factory) -> RuleSet:
    return ruleset(tmp_path_factory.mktemp("deployed"), DEPLOYED)


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # the act in one half, a quoted denial of something else in the other
        ("北朝鮮、ロシアへの派兵を公表　「他国への出兵はない」とも", True),
        ("北朝鮮、ロシアへの派兵を公表　『ほかの計画はない』", True),
        ("「他の地域への出兵はない」　北朝鮮がロシアへの派兵を公表", True),
        ("朝鲜宣布向俄罗斯派兵 「不会向其他国家出兵」", True),
        ("北韓證實派兵俄羅斯 「沒有其他計畫」", True),
        # the quotation is the denial of the act itself: it stays one clause with it
        ("「北朝鮮の派兵はない」　国防省が談話", False),
        ("北朝鮮「ロシアへの派兵はない」", False),
        ("北朝鮮はロシアへの派兵を否定", False),
        # a space between Latin letters and a quotation ends nothing
        ("North Korea 派兵 「はない」", False),
    ],
)
def test_a_space_beside_a_quotation_parts_a_headline_in_japanese_and_chinese(deployed, title, expected):
    assert fires(deployed, title=title) is expected


def test_the_clause_ends_at_the_space_on_either_side_of_the_quotation():
    for raw in ("派兵を公表　「派遣はない」", "「派遣はない」　派兵を公表"):
        folded = match_text(raw)
        space = folded.index(" ")
        assert space + 1 in breaks(raw, folded, headline=True)[CLAUSE], raw
    raw = "派兵を公表「派遣はない」"  # no space: one clause, as before
    assert breaks(raw, match_text(raw), headline=True)[CLAUSE] == [0]


ARMS = """
name: r
match:
  all:
    - any: [North Korea*, КНДР, 北朝鮮, Nordkorea, Corée du Nord, Corea del Norte]
    - any: [Russia, России, Россия, ロシア, Russland, Russie, Rusia]
    - any: [rockets, ракет*, ミサイル, Raketen, roquettes, cohetes]
  sentence: true
"""


@pytest.fixture(scope="module")
def arms(tmp_path_factory) -> RuleSet:
    return ruleset(tmp_path_factory.mktemp("arms"), ARMS)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        # an exception names who the clause is not about
        ("North Korean rockets still reach buyers other than Russia, the report says.", False),
        ("North Korea sold rockets to Russia and to buyers other than Iran, the report says.", True),
        ("КНДР продаёт ракеты всем покупателям за исключением России, говорится в докладе.", False),
        ("КНДР продала ракеты России, говорится в докладе.", True),
        ("北朝鮮は、ロシア以外の国にミサイルを売った。", False),
        ("北朝鮮は、ロシアにミサイルを売った。", True),
        ("Nordkorea verkauft Raketen an alle Käufer mit Ausnahme von Russland, heißt es.", False),
        ("La Corée du Nord vend des roquettes à tous, à l'exception de la Russie, selon le rapport.", False),
        ("Corea del Norte vende cohetes a todos, a excepción de Rusia, según el informe.", False),
        ("Corea del Norte vendió cohetes a Rusia, según el informe.", True),
        # words that may add are no exception: Russia buys too
        ("Besides Russia, North Korea sells rockets to Iran.", True),
    ],
)
def test_an_exception_names_one_the_sentence_is_not_about_in_every_script(arms, content, expected):
    assert fires(arms, content=content) is expected


CRUDE = """
name: r
match:
  all:
    - any: [India*, Индия, Индии, インド, Indien, Inde, India]
    - any: [Russian crude, российской нефти, ロシア産原油, russisches Rohöl, brut russe, crudo ruso]
    - any: [import*, buy*, bought, купил*, импорт*, 輸入, importiert*, importe*, importa*, compra*]
      unless_near: {any: ["@negation", "@hedge"], clause: true, except: ["@litotes"]}
  clause: true
"""


@pytest.fixture(scope="module")
def crude(tmp_path_factory) -> RuleSet:
    return ruleset(tmp_path_factory.mktemp("crude"), CRUDE)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        # the coming period is a forecast's, not a report's
        ("Economists see India's imports of Russian crude falling next year.", False),
        ("India's imports of Russian crude rose last month.", True),
        ("Экономисты ждут, что Индия в следующем году сократит импорт российской нефти.", False),
        ("Индия в прошлом месяце нарастила импорт российской нефти.", True),
        ("インドのロシア産原油の輸入は来年減少する。", False),
        ("インドのロシア産原油の輸入は先月増えた。", True),
        ("Indien wird nächstes Jahr weniger russisches Rohöl importieren.", False),
        ("L'Inde importera moins de brut russe l'année prochaine.", False),
        ("India compra crudo ruso; el próximo año, quizá menos.", True),  # the forecast in a clause of its own
        ("India bought Russian crude on Monday; the next cargo is due next month.", True),
    ],
)
def test_the_coming_period_marks_a_forecast_in_every_script(crude, content, expected):
    assert fires(crude, content=content) is expected
