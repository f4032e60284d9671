"""Issue 14, twentieth round: held-out v15 studied (it is tuning now). The changes for its classes that recur,
on sentences of our own, each beside a sentence where it must not act: the act as a question under discussion, a
noun ("the question of recognition", «вопрос о признании», の可否, "die Frage der Anerkennung") is a hedge in its
clause; the Russian "по мнению" ("in the view of") is not, since an analysts' assessment is the news, as it is in
English; and the eval rules read the North's ports and border station (Rajin, Rason, Tumangang, Chongjin) as the
North, as they read Kabul's provinces as Afghanistan; the German "ob" ("whether") vetoes in German only, not the Ob (the
river and its gulf) in English; and an -urer verb's French imperfect (figuraient) is no conditional. Then v15 as a
seen part."""

from __future__ import annotations

import pytest

from benchmarks.rules_quality import HELDOUT_V15, SEEN
from monitor.rules import RuleSet
from tests.test_rules_operators import fires, ruleset, topics

RECOGNITION = """
name: r
match:
  all:
    - any: [Taliban, Талибан*, талиб*, таліб*, タリバン, Talibans, taliban*]
    - any: [recognis*, recognition, признал*, признани*, 承認, anerkannt, Anerkennung, reconnu*, reconnaissance,
            reconoci*, reconhec*, визна*]
      unless_near: {any: ["@negation", "@hedge"], clause: true, except: ["@litotes"]}
  sentence: true
"""


@pytest.fixture(scope="module")
def recognition(tmp_path_factory) -> RuleSet:
    """Compiled once: the built-in sets take most of a second to load."""
    return ruleset(tmp_path_factory.mktemp("recognition"), RECOGNITION)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Islamabad still ties the question of recognition of the Taliban to the border.", False),
        ("The issue of recognising the Taliban divides the coalition.", False),
        ("Kyrgyzstan recognised the Taliban government on Monday.", True),
        ("Asked a question, the minister said Kyrgyzstan had recognised the Taliban.", True),  # no "question of"
        ("Исламабад по-прежнему связывает вопрос о признании талибов с безопасностью границы.", False),
        ("В МИД заявили, что вопросом о признании правительства талибов занимается другой отдел.", False),
        ("Бишкек в понедельник признал правительство талибов.", True),
        ("Уряд пов'язує питання про визнання талібів із безпекою кордону.", False),
        ("Киргизстан у понеділок визнав уряд талібів.", True),
        ("議会ではタリバン政権承認の可否をめぐり論争が続いた。", False),
        ("キルギスは月曜日、タリバン政権を正式に承認した。", True),
        ("Berlin verbindet die Frage der Anerkennung der Taliban mit den Rechten der Frauen.", False),
        ("Kirgistan hat die Taliban am Montag anerkannt.", True),
        ("Paris lie la question de la reconnaissance des talibans aux droits des femmes.", False),
        ("Le Kirghizstan a reconnu les talibans lundi.", True),
        ("Madrid vincula la cuestión del reconocimiento de los talibanes a los derechos de las mujeres.", False),
    ],
)
def test_the_act_as_a_question_under_discussion_is_a_hedge(recognition, text, expected):
    assert fires(recognition, content=text) is expected


ASSESSMENT = """
name: r
match:
  all:
    - any: [КНДР, North Korea*, 北朝鮮]
    - any: [боеприпас*, ammunition, 砲弾]
      unless_near: {any: ["@negation", "@hedge"], clause: true, except: ["@litotes"]}
  sentence: true
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("По мнению аналитиков, в контейнерах у причала — боеприпасы из КНДР для России.", True),
        ("In the analysts' view, the containers on the quay hold North Korean ammunition for Russia.", True),
        ("Аналитики допускают, что в контейнерах, возможно, боеприпасы из КНДР.", False),  # a hedge still vetoes
        ("Analysts say the containers may hold North Korean ammunition.", False),
    ],
)
def test_an_analysts_assessment_is_no_hedge(tmp_path, text, expected):
    assert fires(ruleset(tmp_path, ASSESSMENT), content=text) is expected


# A transfer told by the North's port or border station alone, the country not named in the clause.
PORT_TRANSFER = {
    "en": ("Satellite images: Russian freighter loads artillery shells at Rajin", ""),
    "ru": ("Снимки: у причала в Расоне российский сухогруз принимает артиллерийские снаряды", ""),
    "ja": ("衛星画像、羅津港でロシアの貨物船に砲弾を積み込み", ""),
    "ru-station": ("Спутник: на станцию Туманган прибыли эшелоны с российскими ракетами", ""),
}
PORT_CIVILIAN = {
    "en": ("Russian tourists return to Rason's beaches", "A charter from Vladivostok landed at Rajin on Friday."),
    "ru": ("Российские туристы вернулись на пляжи Расона", "Чартер из Владивостока прибыл в Раджин в пятницу."),
    "ja": ("ロシア人観光客、羅先の海岸に戻る", "ウラジオストクからのチャーター便が金曜日、羅津に到着した。"),
}


@pytest.mark.parametrize("lang", sorted(PORT_TRANSFER))
def test_the_norths_ports_name_the_north(eval_rules, lang):
    title, content = PORT_TRANSFER[lang]
    assert "north-korea-russia-arms" in topics(eval_rules, title, content)


@pytest.mark.parametrize("lang", sorted(PORT_CIVILIAN))
def test_a_port_without_arms_is_no_transfer(eval_rules, lang):
    title, content = PORT_CIVILIAN[lang]
    assert "north-korea-russia-arms" not in topics(eval_rules, title, content)


def test_held_out_v15_is_a_seen_part():
    assert SEEN["held-out v15 (seen → tuning)"] == HELDOUT_V15
    assert HELDOUT_V15.name == "heldout15.jsonl"


CARGO = """
name: r
match:
  all:
    - any: [LNG, СПГ]
    - any: [loaded, loading, chargé*, погрузил*, geladen]
      unless_near: {any: ["@negation", "@hedge"], clause: true, except: ["@litotes"]}
  sentence: true
"""


@pytest.fixture(scope="module")
def cargo(tmp_path_factory) -> RuleSet:
    return ruleset(tmp_path_factory.mktemp("cargo"), CARGO)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the Ob, the river and its gulf, is no German "whether" in another language
        ("The tanker loaded LNG at Utrenneye on the Gulf of Ob and sailed east on Tuesday.", True),
        ("Танкер погрузил СПГ в Обской губе у терминала на реке Обь.", True),
        ("Es ist unklar, ob der Tanker das LNG bereits geladen hat.", False),  # German "ob" still vetoes
        # an -urer verb's imperfect is no conditional; conclure's conditional still is
        ("Les navires qui figuraient sur la liste ont chargé du LNG à Sabetta mardi.", True),
        ("Le méthanier a chargé du LNG à Sabetta mardi, comme l'assuraient les courtiers.", True),
        ("Le méthanier a chargé du LNG, ce qui conclurait l'affaire.", False),
        ("Le méthanier chargerait du LNG à Sabetta la semaine prochaine.", False),
    ],
)
def test_a_place_and_an_imperfect_are_no_hedge(cargo, text, expected):
    assert fires(cargo, content=text) is expected
